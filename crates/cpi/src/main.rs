//! `sportello-cpi [--dist DIR] [--data DIR] [--addr HOST:PORT] [--offices FILE]`
//!
//! Stores in `DIR/cpi.sqlite3`, or in PostgreSQL when `DATABASE_URL` is set.

use std::path::PathBuf;
use std::process::ExitCode;

use sportello_cpi::Config;

const USAGE: &str = "usage: sportello-cpi [--dist DIR] [--data DIR] [--addr HOST:PORT] [--offices FILE]\n(DATABASE_URL=postgres://… to store in PostgreSQL)";

fn parse_args() -> Result<Config, String> {
    let mut config = Config {
        dist: PathBuf::from("dist"),
        data_dir: PathBuf::from("data"),
        addr: ([127, 0, 0, 1], 8080).into(),
        database_url: std::env::var("DATABASE_URL").ok().filter(|u| !u.is_empty()),
        offices: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let mut value = || {
            args.next()
                .ok_or_else(|| format!("{flag} needs a value\n{USAGE}"))
        };
        match flag.as_str() {
            "--dist" => config.dist = value()?.into(),
            "--data" => config.data_dir = value()?.into(),
            "--offices" => config.offices = Some(value()?.into()),
            "--addr" => {
                let v = value()?;
                config.addr = v.parse().map_err(|e| format!("--addr {v}: {e}\n{USAGE}"))?;
            }
            "-h" | "--help" => return Err(USAGE.to_owned()),
            other => return Err(format!("unknown argument {other}\n{USAGE}")),
        }
    }
    Ok(config)
}

#[tokio::main]
async fn main() -> ExitCode {
    let config = match parse_args() {
        Ok(c) => c,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    match sportello_cpi::serve(config).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("sportello-cpi: {e}");
            ExitCode::FAILURE
        }
    }
}
