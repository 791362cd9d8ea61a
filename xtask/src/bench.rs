//! `cargo xtask bench`: figures to report, never pass/fail.
//!
//! - first-load transfer of the release build: every file a first visit downloads, raw and
//!   gzip-compressed (what the server sends to a browser that accepts gzip), and the total;
//! - CPI intake: throughput and p50/p99 of 10 KB submissions on SQLite and on PostgreSQL;
//! - the browser store: put and get of a 1 MB record in headless Chromium, median of 20;
//! - the rules engine: all programmes for one profile, natively (per second) and in Chromium;
//! - autosave of a 500-entry Libretto (one conditional write) and its validation, in Chromium;
//! - cold load of that Libretto to the first paint of its task list, through the reference
//!   server, with the browser restarted before each run;
//! - typing fast into that Libretto in the app: writes per second and each write's p50/p95.

use std::process::Stdio;

use crate::build::{self, dist, files};
use crate::cmd::{self, Result};
use crate::server::Server;
use crate::{setup, test};

pub fn run() -> Result {
    setup::run()?;
    cmd::timed("build: app (release)", build::release)?;
    first_load()?;
    intake()?;
    native_rules()?;
    browser()?;
    in_app_browser()
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

/// The benches that drive the real app in Chromium through the reference server.
fn in_app_browser() -> Result {
    build::app_and_server()?;
    let data = test::fresh_dir("bench-data")?;
    let server = Server::start(&data)?;
    for (title, script) in [
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
            .env("CHROMIUM", setup::CHROMIUM);
        print_bench_lines(cmd)?;
    }
    Ok(())
}

/// Files a first visit fetches: everything trunk put in `dist/` except our precompressed
/// copies and the font licence (served, never requested by the page).
fn first_load() -> Result {
    let dir = dist();
    let mut rows = Vec::new();
    for path in files(&dir)? {
        let name = path
            .strip_prefix(&dir)
            .unwrap_or(&path)
            .to_string_lossy()
            .into_owned();
        if name.ends_with(".gz") || name.ends_with(".br") || name.ends_with("LICENSE") {
            continue;
        }
        let raw = std::fs::read(&path).map_err(|e| format!("cannot read {name}: {e}"))?;
        // woff2 is already compressed: the server sends it as it is.
        let sent = if name.ends_with(".woff2") {
            raw.len()
        } else {
            build::gzip(&raw)?.len()
        };
        rows.push((name, raw.len(), sent));
    }
    println!("\nbench: first-load transfer of the release build");
    println!("  {:<48} {:>10} {:>10}", "asset", "raw B", "gzip B");
    for (name, raw, gz) in &rows {
        println!("  {name:<48} {raw:>10} {gz:>10}");
    }
    let (raw, gz) = rows.iter().fold((0, 0), |(r, g), (_, raw, gz)| (r + raw, g + gz));
    println!("  {:<48} {raw:>10} {gz:>10}", "TOTAL");
    println!(
        "  ({:.1} KiB raw, {:.1} KiB gzip)",
        raw as f64 / 1024.0,
        gz as f64 / 1024.0
    );
    Ok(())
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
    print_bench_lines(cmd)
}

fn browser() -> Result {
    println!("\nbench: IndexedDB store and rules engine in headless Chromium (release wasm, median of 20)");
    let mut cmd = test::browser_test_command("bench");
    cmd.args(["--release", "--", "--nocapture"]);
    print_bench_lines(cmd)
}

/// Runs a bench program and shows only its `BENCH` lines; any failure shows everything.
fn print_bench_lines(mut cmd: std::process::Command) -> Result {
    cmd.stdout(Stdio::piped());
    let out = cmd
        .output()
        .map_err(|e| format!("cannot run `{}`: {e}", cmd::describe(&cmd)))?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = stdout.lines().filter(|l| l.starts_with("BENCH ")).collect();
    if !out.status.success() || lines.is_empty() {
        return Err(format!("the bench `{}` failed:\n{stdout}", cmd::describe(&cmd)));
    }
    for line in lines {
        println!("  {}", line.trim_start_matches("BENCH "));
    }
    Ok(())
}
