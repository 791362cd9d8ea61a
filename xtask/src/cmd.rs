//! Running external commands with clear errors, from the workspace root.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

pub type Result<T = ()> = std::result::Result<T, String>;

/// The workspace root: xtask's manifest lives one level below it.
pub fn root() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().unwrap_or(manifest).to_path_buf()
}

/// A command that runs in the workspace root with `node_modules/binaryen/bin` first on
/// PATH, so trunk finds the pinned wasm-opt rather than any other.
pub fn command(program: &str) -> Command {
    let mut cmd = Command::new(program);
    cmd.current_dir(root());
    let tools = root().join("node_modules").join("binaryen").join("bin");
    let path = std::env::var_os("PATH").unwrap_or_default();
    let mut paths = vec![tools];
    paths.extend(std::env::split_paths(&path));
    if let Ok(joined) = std::env::join_paths(paths) {
        cmd.env("PATH", joined);
    }
    cmd
}

pub fn describe(cmd: &Command) -> String {
    let mut s = cmd.get_program().to_string_lossy().into_owned();
    for arg in cmd.get_args() {
        s.push(' ');
        s.push_str(&arg.to_string_lossy());
    }
    s
}

/// Runs to completion with output shown; an error names the command.
pub fn exec(cmd: &mut Command) -> Result {
    let shown = describe(cmd);
    println!("$ {shown}");
    let status = cmd.status().map_err(|e| format!("cannot start `{shown}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{shown}` failed ({status})"))
    }
}

/// Runs quietly and returns stdout, or None if it cannot run or fails: for probing.
pub fn probe(program: &str, args: &[&str]) -> Option<String> {
    let out = command(program)
        .args(args)
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Times a step and prints its duration.
pub fn timed<T>(label: &str, f: impl FnOnce() -> Result<T>) -> Result<T> {
    let start = Instant::now();
    let out = f();
    let secs = start.elapsed().as_secs_f64();
    match &out {
        Ok(_) => println!("xtask: {label}: done in {secs:.1} s"),
        Err(_) => println!("xtask: {label}: FAILED after {secs:.1} s"),
    }
    out
}
