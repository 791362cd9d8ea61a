//! `cargo xtask serve`: the app as a citizen would get it, with the reference CPI.

use crate::cmd::{Result, command};
use crate::{build, setup};

pub fn run() -> Result {
    setup::run()?;
    build::app_and_server()?;
    println!("xtask: open http://127.0.0.1:8080/ — stop with Ctrl-C");
    crate::cmd::exec(command(&cpi_binary()).args([
        "--dist",
        "dist",
        "--data",
        "data",
        "--addr",
        "127.0.0.1:8080",
    ]))
}

pub fn cpi_binary() -> String {
    cpi_binary_in("debug")
}

/// The server built with a cargo profile (`debug`, `release`).
pub fn cpi_binary_in(profile: &str) -> String {
    crate::cmd::root()
        .join("target")
        .join(profile)
        .join("sportello-cpi")
        .to_string_lossy()
        .into_owned()
}
