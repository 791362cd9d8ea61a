//! `cargo xtask test`: every layer, each run even if an earlier one failed, one summary.

use std::time::Instant;

use crate::cmd::{Result, command, exec, root};
use crate::server::Server;
use crate::{build, setup};

struct Layer {
    name: &'static str,
    run: fn() -> Result,
}

const LAYERS: &[Layer] = &[
    Layer {
        name: "format (cargo fmt --check)",
        run: format,
    },
    Layer {
        name: "lint, host (clippy -D warnings)",
        run: lint_host,
    },
    Layer {
        name: "lint, wasm32 (clippy -D warnings)",
        run: lint_wasm,
    },
    Layer {
        name: "native tests (cargo test --workspace)",
        run: native,
    },
    Layer {
        name: "fuzzing (cargo fuzz, each parser of outside input)",
        run: crate::fuzz::run,
    },
    Layer {
        name: "browser tests (wasm-bindgen-test in Chromium)",
        run: browser,
    },
    Layer {
        name: "end-to-end + axe (Playwright in Chromium)",
        run: end_to_end,
    },
];

pub fn run() -> Result {
    setup::run()?;
    let mut results = Vec::new();
    for layer in LAYERS {
        println!("\nxtask: ── {} ──", layer.name);
        let start = Instant::now();
        let outcome = (layer.run)();
        results.push((layer.name, outcome, start.elapsed().as_secs_f64()));
    }
    println!("\nxtask: summary");
    let mut failed = 0;
    for (name, outcome, secs) in &results {
        match outcome {
            Ok(()) => println!("  PASS  {name} ({secs:.0} s)"),
            Err(e) => {
                failed += 1;
                println!("  FAIL  {name} ({secs:.0} s): {e}");
            }
        }
    }
    println!("layers: {} passed, {failed} failed", results.len() - failed);
    if failed == 0 {
        Ok(())
    } else {
        Err(format!("{failed} test layer(s) failed"))
    }
}

fn format() -> Result {
    exec(command("cargo").args(["fmt", "--all", "--check"]))
}

fn lint_host() -> Result {
    exec(command("cargo").args(["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"]))
}

fn lint_wasm() -> Result {
    exec(command("cargo").args([
        "clippy",
        "-p",
        "sportello",
        "--target",
        "wasm32-unknown-unknown",
        "--all-targets",
        // What ships: the split functions as the release build compiles them.
        "--features",
        "split",
        "--",
        "-D",
        "warnings",
    ]))
}

/// The workspace's native tests; the server's storage tests run on SQLite and, against a
/// throwaway cluster started here, on PostgreSQL (required: a missing cluster fails them).
fn native() -> Result {
    let cluster = crate::postgres::Cluster::start()?;
    exec(
        command("cargo")
            .args(["test", "--workspace"])
            .env("SPORTELLO_TEST_POSTGRES", &cluster.url)
            .env("SPORTELLO_REQUIRE_POSTGRES", "1"),
    )
}

/// The wasm tests run in headless Chromium through ChromeDriver; `webdriver.json` at the
/// root adds the flags this closed-network, root-user machine needs.
pub fn browser() -> Result {
    exec(&mut browser_test_command("store"))
}

pub fn browser_test_command(test: &str) -> std::process::Command {
    let mut c = command("cargo");
    c.args([
        "test",
        "-p",
        "sportello",
        "--target",
        "wasm32-unknown-unknown",
        "--test",
        test,
    ])
    .env("CHROMEDRIVER", setup::CHROMEDRIVER)
    .env("WASM_BINDGEN_TEST_TIMEOUT", "120");
    c
}

fn end_to_end() -> Result {
    build::app_and_server()?;
    let data = fresh_dir("e2e-data")?;
    let server = Server::start(&data)?;
    exec(
        command("node")
            .args(["--test", "--test-concurrency=1", "tests/e2e/"])
            .env("BASE_URL", &server.base_url)
            .env("CHROMIUM", setup::CHROMIUM)
            // The sending tests read the server's database, and start a second server of
            // their own to stop and start.
            .env("CPI_DATA", &data)
            .env("CPI_BIN", crate::serve::cpi_binary())
            .env("DIST", build::dist()),
    )
}

/// An empty directory under `target/`, so runs never see each other's data.
pub fn fresh_dir(name: &str) -> Result<std::path::PathBuf> {
    let dir = root().join("target").join(name);
    if dir.exists() {
        std::fs::remove_dir_all(&dir).map_err(|e| format!("cannot clear {}: {e}", dir.display()))?;
    }
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    Ok(dir)
}
