//! `cargo xtask setup`: every tool, at the version this project needs, installed only when
//! missing. See `../shared/docs/toolchain.md` for why each one is fetched the way it is.

use std::time::Instant;

use crate::cmd::{self, Result, command, exec, probe, root};

pub const TRUNK_VERSION: &str = "0.21";
pub const WASM_OPT_VERSION: &str = "version 132";
pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
pub const SQLITE3: &str = "/usr/bin/sqlite3";
pub const WASM_SPLIT_VERSION: &str = "0.2.4";
pub const TWIGGY_VERSION: &str = "0.8.0";
pub const CARGO_FUZZ_VERSION: &str = "0.13.2";

pub fn run() -> Result {
    let start = Instant::now();
    let mut installed = Vec::new();
    cmd::timed("setup: wasm target", || wasm_target(&mut installed))?;
    cmd::timed("setup: wasm-bindgen CLI", || wasm_bindgen_cli(&mut installed))?;
    cmd::timed("setup: trunk", || trunk(&mut installed))?;
    cmd::timed("setup: wasm-split CLI", || wasm_split_cli(&mut installed))?;
    cmd::timed("setup: cargo-fuzz", || cargo_fuzz(&mut installed))?;
    cmd::timed("setup: Debian packages (Chromium, PostgreSQL, sqlite3)", || {
        debian_packages(&mut installed)
    })?;
    cmd::timed("setup: npm tools (wasm-opt, font, test runner)", || {
        npm_tools(&mut installed)
    })?;
    let secs = start.elapsed().as_secs_f64();
    if installed.is_empty() {
        println!("xtask: setup: everything already present ({secs:.1} s)");
    } else {
        println!("xtask: setup: installed {} in {secs:.1} s", installed.join(", "));
    }
    Ok(())
}

fn wasm_target(installed: &mut Vec<String>) -> Result {
    let list = probe("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if list.lines().any(|l| l.trim() == "wasm32-unknown-unknown") {
        return Ok(());
    }
    exec(command("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    installed.push("wasm32 target".into());
    Ok(())
}

/// The CLI must equal the `wasm-bindgen` crate in Cargo.lock to the patch, or the generated
/// glue does not match the compiled wasm.
fn wasm_bindgen_cli(installed: &mut Vec<String>) -> Result {
    let wanted = locked_version("wasm-bindgen")?;
    let have = probe("wasm-bindgen", &["--version"]).unwrap_or_default();
    let runner = probe("wasm-bindgen-test-runner", &["--version"]).unwrap_or_default();
    if have.split_whitespace().nth(1) == Some(wanted.as_str()) && runner.contains(&wanted) {
        return Ok(());
    }
    // `--locked` fails for this crate (a locked dependency is gone from the registry).
    exec(command("cargo").args(["install", "wasm-bindgen-cli", "--version", &wanted]))?;
    installed.push(format!("wasm-bindgen-cli {wanted}"));
    Ok(())
}

/// Splits an entry's wasm at its `#[lazy]` screens (`split.rs`); from the same project as the
/// `wasm_split_helpers` crate Leptos links in, whose section format it must read.
fn wasm_split_cli(installed: &mut Vec<String>) -> Result {
    // The CLI has no `--version`: cargo's own list says what is installed.
    let list = probe("cargo", &["install", "--list"]).unwrap_or_default();
    let wanted = format!("wasm_split_cli_support v{WASM_SPLIT_VERSION}:");
    if list.lines().any(|l| l.trim() == wanted) && probe("wasm-split-cli", &["--help"]).is_some() {
        return Ok(());
    }
    exec(command("cargo").args([
        "install",
        "wasm_split_cli_support",
        "--version",
        WASM_SPLIT_VERSION,
        "--features",
        "build-binary",
    ]))?;
    installed.push(format!("wasm-split-cli {WASM_SPLIT_VERSION}"));
    Ok(())
}

/// The fuzzers' runner (`fuzz.rs`); it builds libFuzzer itself, with the machine's C++ compiler.
fn cargo_fuzz(installed: &mut Vec<String>) -> Result {
    let have = probe("cargo", &["fuzz", "--version"]).unwrap_or_default();
    if have.split_whitespace().nth(1) == Some(CARGO_FUZZ_VERSION) {
        return Ok(());
    }
    exec(command("cargo").args([
        "install",
        "cargo-fuzz",
        "--version",
        CARGO_FUZZ_VERSION,
        "--locked",
    ]))?;
    installed.push(format!("cargo-fuzz {CARGO_FUZZ_VERSION}"));
    Ok(())
}

/// trunk 0.22 needs a newer rustc than this machine's 1.95, so stay on 0.21.
fn trunk(installed: &mut Vec<String>) -> Result {
    let have = probe("trunk", &["--version"]).unwrap_or_default();
    if have
        .split_whitespace()
        .nth(1)
        .is_some_and(|v| v.starts_with(&format!("{TRUNK_VERSION}.")))
    {
        return Ok(());
    }
    exec(command("cargo").args([
        "install",
        "trunk",
        "--version",
        &format!("~{TRUNK_VERSION}"),
        "--locked",
    ]))?;
    installed.push(format!("trunk {TRUNK_VERSION}"));
    Ok(())
}

/// Debian packages, each checked by a file it installs: Chromium and ChromeDriver for the
/// browser tests, PostgreSQL for the second storage engine's tests, sqlite3 so that a person
/// (and the end-to-end tests) can read the server's database.
fn debian_packages(installed: &mut Vec<String>) -> Result {
    let present = |p: &str| std::path::Path::new(p).exists();
    let mut missing: Vec<&str> = Vec::new();
    if !(present(CHROMIUM) && present(CHROMEDRIVER)) {
        missing.extend(["chromium", "chromium-driver"]);
    }
    if crate::postgres::bin_dir().is_none() {
        missing.push("postgresql");
    }
    if !present(SQLITE3) {
        missing.push("sqlite3");
    }
    if missing.is_empty() {
        return Ok(());
    }
    let sudo = !is_root();
    let apt = |args: &[&str]| {
        let mut c = if sudo { command("sudo") } else { command("apt-get") };
        if sudo {
            c.arg("apt-get");
        }
        c.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        exec(&mut c)
    };
    apt(&["update"])?;
    let mut args = vec!["install", "-y", "--no-install-recommends"];
    args.extend(&missing);
    apt(&args)?;
    installed.push(missing.join(" + "));
    Ok(())
}

pub fn is_root() -> bool {
    probe("id", &["-u"]).is_some_and(|uid| uid.trim() == "0")
}

/// `npm ci` from the committed lock file; skipped when node_modules was installed from the
/// same lock and the pinned wasm-opt answers.
fn npm_tools(installed: &mut Vec<String>) -> Result {
    let wasm_opt_ok = probe("wasm-opt", &["--version"]).is_some_and(|v| v.contains(WASM_OPT_VERSION));
    if !npm_ci(&root(), !wasm_opt_ok)? {
        return Ok(());
    }
    let version = probe("wasm-opt", &["--version"]).unwrap_or_default();
    if !version.contains(WASM_OPT_VERSION) {
        return Err(format!(
            "wasm-opt from node_modules answers `{}`, expected {WASM_OPT_VERSION}",
            version.trim()
        ));
    }
    installed.push("npm tools".into());
    Ok(())
}

/// Runs `npm ci` in `dir` unless its node_modules was installed from the same lock file (and
/// `force` is false); true if it ran.
fn npm_ci(dir: &std::path::Path, force: bool) -> Result<bool> {
    let lock_path = dir.join("package-lock.json");
    let lock = std::fs::read(&lock_path).map_err(|e| format!("cannot read {}: {e}", lock_path.display()))?;
    let stamp_path = dir.join("node_modules").join(".sportello-lock");
    let stamp = format!("{:x}", fnv1a(&lock));
    if !force && std::fs::read_to_string(&stamp_path).ok().as_deref() == Some(stamp.as_str()) {
        return Ok(false);
    }
    exec(
        command("npm")
            .current_dir(dir)
            .args(["ci", "--no-audit", "--no-fund"]),
    )?;
    std::fs::write(&stamp_path, stamp).map_err(|e| format!("cannot write {}: {e}", stamp_path.display()))?;
    Ok(true)
}

/// What only `cargo xtask bench` needs: twiggy (where the wasm's bytes go) and Lighthouse
/// (pinned in `tests/bench/tools`). Kept out of [`run`] so that the tests do not pay for them.
pub fn bench_tools() -> Result {
    cmd::timed("setup: bench tools (twiggy, Lighthouse)", || {
        if probe("twiggy", &["--version"]).is_none() {
            exec(command("cargo").args(["install", "twiggy", "--version", TWIGGY_VERSION, "--locked"]))?;
        }
        npm_ci(&root().join("tests").join("bench").join("tools"), false).map(|_| ())
    })
}

/// A small stable hash, enough to notice that the lock file changed.
fn fnv1a(bytes: &[u8]) -> u64 {
    fnv1a_from(0xcbf2_9ce4_8422_2325, bytes)
}

/// FNV-1a continued from `h` over `bytes`, to hash several pieces as one.
pub fn fnv1a_from(h: u64, bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .fold(h, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3))
}

/// The version of a package as resolved in Cargo.lock.
pub fn locked_version(package: &str) -> Result<String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == format!("name = \"{package}\"")
            && let Some(v) = lines.next().and_then(|l| l.trim().strip_prefix("version = \""))
        {
            return Ok(v.trim_end_matches('"').to_owned());
        }
    }
    Err(format!("{package} is not in Cargo.lock"))
}
