//! The fuzzers of the parsers that read outside input (`crates/core/fuzz/`, cargo-fuzz on
//! libFuzzer): each runs for a bounded time from its committed seeds, and a crash fails the
//! layer with the input that caused it.
//!
//! No sanitizer: cargo-fuzz's AddressSanitizer needs a nightly compiler, and the code fuzzed is
//! safe Rust, where what fuzzing finds is panics (and failed properties), not memory errors.

use crate::build::files;
use crate::cmd::{Result, command, probe, root};

/// Seconds each target runs in `cargo xtask test`.
pub const SECONDS_PER_TARGET: u32 = 20;

const FUZZ_DIR: &str = "crates/core/fuzz";

pub fn run() -> Result {
    let list = probe("cargo", &["fuzz", "list", "--fuzz-dir", FUZZ_DIR])
        .ok_or("`cargo fuzz list` failed: is cargo-fuzz installed (cargo xtask setup)?")?;
    let targets: Vec<&str> = list.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    if targets.is_empty() {
        return Err(format!("no fuzz targets in {FUZZ_DIR}"));
    }
    let mut failed = Vec::new();
    for target in &targets {
        if let Err(e) = one(target) {
            failed.push(format!("{target}: {e}"));
        }
    }
    if failed.is_empty() {
        println!(
            "xtask: fuzz: {} targets, {SECONDS_PER_TARGET} s each, 0 crashes",
            targets.len()
        );
        Ok(())
    } else {
        Err(failed.join("; "))
    }
}

/// Runs one target from a working copy of its seeds (libFuzzer adds what it finds to the
/// corpus it is given; the committed seeds stay as they are).
fn one(target: &str) -> Result {
    let seeds = root().join(FUZZ_DIR).join("corpus").join(target);
    let work = root().join("target").join("fuzz").join("corpus").join(target);
    let artifacts = root().join("target").join("fuzz").join("artifacts").join(target);
    for dir in [&work, &artifacts] {
        std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    for seed in files(&seeds)? {
        let name = seed.file_name().ok_or("a seed without a name")?;
        std::fs::copy(&seed, work.join(name)).map_err(|e| format!("cannot copy {}: {e}", seed.display()))?;
    }
    let target_dir = root().join("target").join("fuzz");
    let mut run = command("cargo");
    run.args([
        "fuzz",
        "run",
        target,
        "--fuzz-dir",
        FUZZ_DIR,
        "--sanitizer",
        "none",
    ])
    .args([
        "--target-dir".as_ref(),
        target_dir.as_os_str(),
        work.as_os_str(),
        "--".as_ref(),
        format!("-max_total_time={SECONDS_PER_TARGET}").as_ref(),
        format!("-artifact_prefix={}/", artifacts.display()).as_ref(),
    ]);
    // libFuzzer reports every input that found new code: tens of thousands of lines. They go
    // to a log; the run's last line is printed, and the log's end when it fails.
    let log = target_dir.join(format!("{target}.log"));
    println!("$ cargo fuzz run {target} … (output in {})", log.display());
    let out = run
        .output()
        .map_err(|e| format!("cannot start cargo fuzz: {e}"))?;
    let mut text = String::from_utf8_lossy(&out.stdout).into_owned();
    text.push_str(&String::from_utf8_lossy(&out.stderr));
    std::fs::write(&log, &text).map_err(|e| format!("cannot write {}: {e}", log.display()))?;
    if out.status.success() {
        let done = text
            .lines()
            .rev()
            .find(|l| l.starts_with("Done "))
            .unwrap_or("done");
        println!("xtask: fuzz: {target}: {done}");
        return Ok(());
    }
    let tail: Vec<&str> = text.lines().rev().take(40).collect();
    for line in tail.iter().rev() {
        println!("{line}");
    }
    Err(format!(
        "{target} failed (the input that failed is in {}; the whole output in {})",
        artifacts.display(),
        log.display()
    ))
}
