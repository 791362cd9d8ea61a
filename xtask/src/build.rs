//! The release build of the app, and its precompressed copies for the server.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::cmd::{Result, command, exec, root};

/// Files worth compressing: text and wasm. Fonts (woff2) and images are compressed already.
const COMPRESSIBLE: &[&str] = &["html", "js", "wasm", "css", "svg", "json", "txt"];

pub fn dist() -> PathBuf {
    root().join("dist")
}

/// The release app and the CPI server that serves it: what `serve` and the end-to-end
/// tests both run.
pub fn app_and_server() -> Result {
    crate::cmd::timed("build: app (release)", release)?;
    crate::cmd::timed("build: CPI server", || {
        exec(command("cargo").args(["build", "-p", "sportello-cpi"]))
    })
}

pub fn release() -> Result {
    exec(command("trunk").args(["build", "--release", "--offline"]))?;
    precompress(&dist())
}

/// Writes `file.gz` and `file.br` beside each compressible file, at the highest levels: done
/// once per build, served many times.
fn precompress(dir: &Path) -> Result {
    for path in files(dir)? {
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or_default();
        if !COMPRESSIBLE.contains(&ext) {
            continue;
        }
        let raw = std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        write(&with_suffix(&path, "gz"), &gzip(&raw)?)?;
        write(&with_suffix(&path, "br"), &brotli(&raw)?)?;
    }
    Ok(())
}

pub fn gzip(raw: &[u8]) -> Result<Vec<u8>> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(raw).map_err(|e| e.to_string())?;
    enc.finish().map_err(|e| e.to_string())
}

fn brotli(raw: &[u8]) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &raw[..], &mut out, &params).map_err(|e| e.to_string())?;
    Ok(out)
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(".");
    s.push(suffix);
    PathBuf::from(s)
}

fn write(path: &Path, bytes: &[u8]) -> Result {
    std::fs::write(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// Every regular file under `dir`, recursively, in a stable order.
pub fn files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(d) = pending.pop() {
        let entries = std::fs::read_dir(&d).map_err(|e| format!("cannot list {}: {e}", d.display()))?;
        for entry in entries {
            let path = entry.map_err(|e| e.to_string())?.path();
            if path.is_dir() {
                pending.push(path);
            } else {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}
