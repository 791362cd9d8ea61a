//! `cargo xtask bench`: figures to report, never pass/fail.
//!
//! - where the wasm's bytes go (twiggy): by crate, biggest items and monomorphisations;
//! - CPI intake: throughput and p50/p99 of 10 KB submissions on SQLite and on PostgreSQL;
//! - the browser store: put and get of a 1 MB record in headless Chromium, median of 20;
//! - the rules engine: all programmes for one profile, natively (per second) and in Chromium;
//! - autosave of a 500-entry Libretto (one conditional write) and its validation, in Chromium;
//! - cold load of that Libretto to the first paint of its task list, through the reference
//!   server, with the browser restarted before each run;
//! - typing fast into that Libretto in the app: writes per second and each write's p50/p95;
//! - first visit of `/` and of a Libretto deep link in Chromium: every file the page fetched,
//!   gzip and brotli, the total against its budget;
//! - Lighthouse mobile on `/`, median of three.
//!
//! The last line is `first_load_gzip=N budget=250000` for `/`.

use std::process::Stdio;

use crate::build;
use crate::cmd::{self, Result};
use crate::server::Server;
use crate::{setup, test};

pub fn run() -> Result {
    setup::run()?;
    setup::bench_tools()?;
    build::app()?;
    crate::size::report()?;
    intake()?;
    native_rules()?;
    browser()?;
    let lines = in_app_browser()?;
    match lines.iter().rev().find(|l| l.starts_with("first_load_gzip=")) {
        Some(last) => println!("\n{last}"),
        None => return Err("the first-load bench printed no total".into()),
    }
    Ok(())
}

/// Intake throughput and latency on both engines, against the release server process.
fn intake() -> Result {
    println!(
        "\nbench: CPI intake, 10 KB submissions on loopback, durable commits (at most {} requests or {} s each)",
        crate::load::REQUESTS,
        crate::load::TIME_LIMIT.as_secs()
    );
    crate::cmd::timed("build: CPI server (release)", || {
        crate::cmd::exec(cmd::command("cargo").args(["build", "--release", "-p", "sportello-cpi"]))
    })?;
    let binary = crate::serve::cpi_binary_in("release");
    {
        let data = test::fresh_dir("bench-intake-sqlite")?;
        let server = Server::start_binary(&binary, &data, None)?;
        println!("  {}", crate::load::run(&server.addr)?.line("SQLite"));
    }
    {
        let cluster = crate::postgres::Cluster::start()?;
        let data = test::fresh_dir("bench-intake-postgres")?;
        let server = Server::start_binary(&binary, &data, Some(&cluster.url))?;
        println!("  {}", crate::load::run(&server.addr)?.line("PostgreSQL"));
    }
    Ok(())
}

/// The benches that drive the real app in Chromium through the reference server (the release
/// build just made); returns every line they printed.
fn in_app_browser() -> Result<Vec<String>> {
    build::server()?;
    let data = test::fresh_dir("bench-data")?;
    let server = Server::start(&data)?;
    let mut all = Vec::new();
    for (title, script) in [
        (
            "first visit (empty cache): what the page fetches, gzip and brotli",
            "tests/bench/first_load.mjs",
        ),
        ("Lighthouse mobile (median of 3)", "tests/bench/lighthouse.mjs"),
        (
            "cold load of a 500-entry Libretto to the first paint of its task list",
            "tests/bench/cold_load.mjs",
        ),
        (
            "typing fast into a 500-entry Libretto: autosave writes",
            "tests/bench/typing.mjs",
        ),
    ] {
        println!("\nbench: {title}");
        let mut cmd = cmd::command("node");
        cmd.arg(script)
            .env("BASE_URL", &server.base_url)
            .env("CHROMIUM", setup::CHROMIUM)
            .env("DIST", build::dist());
        all.extend(print_bench_lines(cmd)?);
    }
    Ok(all)
}

fn native_rules() -> Result {
    println!("\nbench: rules engine, native (release, opt-level 3)");
    let mut cmd = crate::cmd::command("cargo");
    cmd.args([
        "run",
        "--quiet",
        "--release",
        "--config",
        "profile.release.opt-level=3",
        "-p",
        "sportello-core",
    ])
    .args(["--example", "bench_rules"]);
    print_bench_lines(cmd).map(|_| ())
}

fn browser() -> Result {
    println!("\nbench: IndexedDB store and rules engine in headless Chromium (release wasm, median of 20)");
    let mut cmd = test::browser_test_command("bench");
    cmd.args(["--release", "--", "--nocapture"]);
    print_bench_lines(cmd).map(|_| ())
}

/// Runs a bench program and shows only its `BENCH` lines (returned too); any failure shows
/// everything.
fn print_bench_lines(mut cmd: std::process::Command) -> Result<Vec<String>> {
    cmd.stdout(Stdio::piped());
    let out = cmd
        .output()
        .map_err(|e| format!("cannot run `{}`: {e}", cmd::describe(&cmd)))?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = stdout.lines().filter(|l| l.starts_with("BENCH ")).collect();
    if !out.status.success() || lines.is_empty() {
        return Err(format!("the bench `{}` failed:\n{stdout}", cmd::describe(&cmd)));
    }
    let lines: Vec<String> = lines
        .iter()
        .map(|l| l.trim_start_matches("BENCH ").to_owned())
        .collect();
    for line in &lines {
        println!("  {line}");
    }
    Ok(lines)
}
