//! Sportello's own automation: `cargo xtask setup | serve | test | bench`.
//!
//! Everything a fresh machine needs is installed from here, idempotently, so the README's
//! two commands are the whole story. Each step says what it did and how long it took.

mod belfiore;
mod bench;
mod build;
mod cmd;
mod fuzz;
mod load;
mod offline;
mod postgres;
mod serve;
mod server;
mod setup;
mod size;
mod split;
mod test;

use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask <setup | serve | test | bench>
  setup   install every tool the project needs (skips what is already there)
  serve   setup, build the app in release mode, run the reference CPI on http://127.0.0.1:8080
  test    setup, then run every test layer and print one summary
  bench   setup, build, then print where the wasm's bytes go, CPI intake on both databases,
          the browser timings, the first visit's transfer and Lighthouse; last line
          `first_load_gzip=N budget=250000`
  build   the release app (whole app and home entry) into dist/, with compressed copies
  size    where the last release build's wasm bytes go (twiggy), without rebuilding
  fuzz    setup, then each fuzz target (crates/core/fuzz) for a bounded time, as `test` does
  belfiore DIR  regenerate crates/core/data/belfiore.tsv from python-codicefiscale's data";

fn main() -> ExitCode {
    let Some(task) = std::env::args().nth(1) else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let result = match task.as_str() {
        "setup" => setup::run(),
        "serve" => serve::run(),
        "test" => test::run(),
        "bench" => bench::run(),
        "build" => setup::run().and_then(|()| build::app()),
        "size" => setup::bench_tools().and_then(|()| size::report()),
        "fuzz" => setup::run().and_then(|()| fuzz::run()),
        "belfiore" => belfiore::run(std::env::args().nth(2)),
        "-h" | "--help" | "help" => {
            println!("{USAGE}");
            Ok(())
        }
        other => Err(format!("unknown task `{other}`\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}
