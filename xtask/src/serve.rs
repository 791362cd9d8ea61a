//! `cargo xtask serve`: the app as a citizen would get it, with the reference CPI, and an
//! orientatore for each of its offices to try the review desk with.

use std::io::{Read, Write};
use std::process::Stdio;

use crate::cmd::{Result, command, root};
use crate::{build, setup};

pub fn run() -> Result {
    setup::run()?;
    build::app_and_server()?;
    let accounts = demo_orientatori()?;
    println!("xtask: open http://127.0.0.1:8080/ — stop with Ctrl-C");
    println!("xtask: review desk at http://127.0.0.1:8080/revisione, one orientatore per office:");
    for (office, email, password) in &accounts {
        println!("         {office:<12} {email}  password: {password}");
    }
    println!("         (new passwords on every start; the accounts live in data/)");
    crate::cmd::exec(command(&cpi_binary()).args([
        "--dist",
        "dist",
        "--data",
        "data",
        "--addr",
        "127.0.0.1:8080",
    ]))
}

/// One demo account per office of the reference offices file, each with a fresh random
/// password (an account kept from an earlier run gets a new one): nothing guessable is ever
/// set, even on a demo.
fn demo_orientatori() -> Result<Vec<(String, String, String)>> {
    let path = root().join("crates/cpi/offices.json");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let offices: Vec<serde_json::Value> =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut out = Vec::new();
    for office in offices {
        let Some(id) = office.get("id").and_then(|v| v.as_str()) else {
            continue;
        };
        let email = format!("orientatore.{id}@cpi.test");
        let password = random_password()?;
        let added = cpi_user(&["add", "--office", id, "--email", &email], &password)?;
        if !added && !cpi_user(&["password", "--email", &email], &password)? {
            return Err(format!("could not create or update the demo account {email}"));
        }
        out.push((id.to_owned(), email, password));
    }
    Ok(out)
}

/// `sportello-cpi user …` on the demo data, the password on stdin; whether it succeeded.
fn cpi_user(args: &[&str], password: &str) -> Result<bool> {
    let mut child = command(&cpi_binary())
        .arg("user")
        .args(args)
        .args(["--data", "data"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot run sportello-cpi: {e}"))?;
    if let Some(mut stdin) = child.stdin.take() {
        writeln!(stdin, "{password}").map_err(|e| e.to_string())?;
    }
    let status = child.wait().map_err(|e| e.to_string())?;
    Ok(status.success())
}

/// 24 hex digits from the system's random source.
fn random_password() -> Result<String> {
    let mut bytes = [0u8; 12];
    std::fs::File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut bytes))
        .map_err(|e| format!("cannot read /dev/urandom: {e}"))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
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
