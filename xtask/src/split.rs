//! Route splitting for the app's entries, whose on-demand screens are split functions (see
//! `src/components/on_demand.rs`): trunk cannot do it (trunk issue #1022), so after trunk
//! has built an entry its script and wasm are replaced by a split build of the same cargo
//! output:
//!
//! cargo's wasm (linked with `--emit-relocs`, `build.rs`), without the split functions it
//! does not call ([`prune_uncalled`]) → `wasm-split-cli` (the
//! main module, one wasm chunk per screen or shared group, and the `__wasm_split.js` loader)
//! → `wasm-bindgen` on the main module → `wasm-opt` on every wasm, as trunk does → one
//! content hash over all of them in every name → the page's loader and preload links point
//! at the new main script and wasm.
//!
//! One hash for the set, not one per file: the main script imports the loader and the loader
//! imports the main script back, so neither name could hold a hash of the other's content.
//! Any change renames every file, which the server caches as immutable by that name.

use std::path::{Path, PathBuf};

use crate::cmd::{Result, command, exec, root};

/// wasm-opt's flags for every module that ships, the chunks and the main module alike (trunk's
/// own wasm-opt is off in the pages: its output is replaced). The features are those the
/// Rust toolchain emits for wasm32 and the browsers Sportello supports all have.
pub const WASM_OPT_FLAGS: &[&str] = &[
    "-Oz",
    "--strip-debug",
    "--strip-producers",
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
];

const LOADER: &str = "__wasm_split";

/// Replaces, in trunk's output directory `out` and its `html`, the entry `bin`'s script and
/// wasm by the split build. Returns the page with its loader pointing at the new files.
pub fn entry(bin: &str, out: &Path, html: &str) -> Result<String> {
    let input = root()
        .join("target/wasm32-unknown-unknown/release")
        .join(format!("{bin}.wasm"));
    let work = root().join("target/split").join(bin);
    if work.exists() {
        std::fs::remove_dir_all(&work).map_err(|e| format!("cannot empty {}: {e}", work.display()))?;
    }
    let bound = work.join("bound");
    std::fs::create_dir_all(&bound).map_err(|e| format!("cannot create {}: {e}", bound.display()))?;

    let linked = std::fs::read(&input).map_err(|e| format!("cannot read {}: {e}", input.display()))?;
    let pruned = work.join("pruned.wasm");
    std::fs::write(&pruned, prune_uncalled(&linked)?)
        .map_err(|e| format!("cannot write {}: {e}", pruned.display()))?;
    exec(
        command("wasm-split-cli")
            .arg(&pruned)
            .arg(&work)
            .args(["--target", "web", "--out-name", bin]),
    )?;
    let chunks: Vec<PathBuf> = crate::build::files(&work)?
        .into_iter()
        .filter(|p| p.parent() == Some(work.as_path()))
        .filter(|p| p.extension().is_some_and(|e| e == "wasm"))
        .filter(|p| p.file_stem().is_some_and(|s| s != bin && s != "pruned"))
        .collect();
    exec(
        command("wasm-bindgen")
            .args([
                "--target",
                "web",
                "--no-typescript",
                "--keep-lld-exports",
                // Function names for `cargo xtask size`; wasm-opt's `--strip-debug` takes
                // them out of what ships.
                "--keep-debug",
                "--out-name",
                bin,
            ])
            .arg("--out-dir")
            .arg(&bound)
            .arg(work.join(format!("{bin}.wasm"))),
    )?;
    // The chunks are optimised in place; the main module into a copy, so that wasm-bindgen's
    // output keeps its names for `cargo xtask size`.
    for wasm in &chunks {
        exec(
            command("wasm-opt")
                .args(WASM_OPT_FLAGS)
                .arg(wasm)
                .arg("-o")
                .arg(wasm),
        )?;
    }
    let main_wasm = bound.join(format!("{bin}_bg.opt.wasm"));
    exec(
        command("wasm-opt")
            .args(WASM_OPT_FLAGS)
            .arg(bound.join(format!("{bin}_bg.wasm")))
            .arg("-o")
            .arg(&main_wasm),
    )?;

    // (name as the other files refer to it, its bytes)
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let read = |p: &Path| std::fs::read(p).map_err(|e| format!("cannot read {}: {e}", p.display()));
    files.push((format!("{bin}.js"), read(&bound.join(format!("{bin}.js")))?));
    files.push((format!("{bin}_bg.wasm"), read(&main_wasm)?));
    // An entry that calls no split function has no chunk, and its script imports no loader.
    let loader = work.join(format!("{LOADER}.js"));
    if !chunks.is_empty() && loader.exists() {
        files.push((format!("{LOADER}.js"), read(&loader)?));
    }
    for chunk in &chunks {
        let name = chunk
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_owned();
        files.push((name, read(chunk)?));
    }
    let hash = files.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, (name, bytes)| {
        crate::setup::fnv1a_from(crate::setup::fnv1a_from(h, name.as_bytes()), bytes)
    });
    let hashed = |name: &str| -> String {
        let (stem, ext) = name.rsplit_once('.').unwrap_or((name, ""));
        match stem.strip_suffix("_bg") {
            Some(stem) => format!("{stem}-{hash:016x}_bg.{ext}"),
            None => format!("{stem}-{hash:016x}.{ext}"),
        }
    };
    let names: Vec<String> = files.iter().map(|(n, _)| n.clone()).collect();
    for (name, bytes) in &files {
        let mut bytes = bytes.clone();
        if name.ends_with(".js") {
            let mut text = String::from_utf8(bytes).map_err(|_| format!("{name} is not UTF-8"))?;
            // Only where a file is fetched or imported: the wasm's import object keeps the
            // module names the wasm was linked with (`"./__wasm_split.js": import1`).
            for other in &names {
                for quote in ['"', '\'']
                    .into_iter()
                    .flat_map(|q| [format!("from {q}./"), format!("URL({q}./")])
                {
                    text = text.replace(&format!("{quote}{other}"), &format!("{quote}{}", hashed(other)));
                }
            }
            bytes = text.into_bytes();
        }
        let to = out.join(hashed(name));
        std::fs::write(&to, bytes).map_err(|e| format!("cannot write {}: {e}", to.display()))?;
    }

    // trunk's own script and wasm for this entry give way to the split ones.
    let mut page = html.to_owned();
    for path in crate::build::files(out)? {
        let Some(file) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        // trunk's names: `{bin}-<hex>.js` and `{bin}-<hex>_bg.wasm`.
        let hex_after_bin = |suffix: &str| {
            file.strip_prefix(bin)
                .and_then(|f| f.strip_prefix('-'))
                .and_then(|f| f.strip_suffix(suffix))
                .is_some_and(|h| !h.is_empty() && h.bytes().all(|b| b.is_ascii_hexdigit()))
        };
        let trunk_js = hex_after_bin(".js");
        let trunk_wasm = hex_after_bin("_bg.wasm");
        if !(trunk_js || trunk_wasm) || names.iter().any(|n| hashed(n) == file) {
            continue;
        }
        let ours = hashed(if trunk_js { &names[0] } else { &names[1] });
        if !page.contains(file) {
            return Err(format!(
                "{bin}'s page does not name trunk's {file}; see xtask/src/split.rs"
            ));
        }
        page = page.replace(file, &ours);
        std::fs::remove_file(&path).map_err(|e| format!("cannot remove {}: {e}", path.display()))?;
    }
    // trunk's integrity hashes were of its files; the browser would refuse ours.
    while let Some(start) = page.find(" integrity=\"") {
        let end = page[start + 12..]
            .find('"')
            .ok_or("unterminated integrity attribute")?
            + start
            + 13;
        page.replace_range(start..end, "");
    }
    Ok(page)
}

/// The library exports the body of every split function (`__wasm_split_00<module>00_export_…`)
/// and every binary keeps what is exported, but only a body whose caller the binary links (the
/// matching `…_import_…`) can be split off: any other would stay in the main module, which is
/// how the home page came to carry every Libretto screen. Their exports are dropped here, and
/// wasm-bindgen's dead-code pass then drops the bodies.
fn prune_uncalled(wasm: &[u8]) -> Result<Vec<u8>> {
    let sections = sections(wasm)?;
    let mut called = std::collections::HashSet::new();
    for &(id, body) in &sections {
        if id == IMPORT_SECTION {
            for name in import_names(body)? {
                if name.contains("00_import_") {
                    called.insert(name.replacen("00_import_", "00_export_", 1));
                }
            }
        }
    }
    let mut out = wasm[..8].to_vec();
    for (id, body) in sections {
        let body = if id == EXPORT_SECTION {
            exports_without(body, |name| {
                name.starts_with("__wasm_split_00") && name.contains("00_export_") && !called.contains(name)
            })?
        } else {
            body.to_vec()
        };
        out.push(id);
        leb(&mut out, body.len() as u64);
        out.extend_from_slice(&body);
    }
    Ok(out)
}

const IMPORT_SECTION: u8 = 2;
const EXPORT_SECTION: u8 = 7;

/// A wasm module's sections, as (id, body), after the 8-byte header.
fn sections(wasm: &[u8]) -> Result<Vec<(u8, &[u8])>> {
    if wasm.get(..4) != Some(b"\0asm") {
        return Err("not a wasm module".into());
    }
    let mut r = Reader { bytes: wasm, at: 8 };
    let mut out = Vec::new();
    while r.at < wasm.len() {
        let id = r.byte()?;
        let len = r.uleb()? as usize;
        out.push((id, r.take(len)?));
    }
    Ok(out)
}

/// The field name of every import.
fn import_names(body: &[u8]) -> Result<Vec<String>> {
    let mut r = Reader { bytes: body, at: 0 };
    let count = r.uleb()?;
    let mut names = Vec::new();
    for _ in 0..count {
        r.name()?;
        names.push(r.name()?);
        match r.byte()? {
            0 => {
                r.uleb()?;
            }
            1 => {
                r.byte()?;
                r.limits()?;
            }
            2 => r.limits()?,
            3 => {
                r.byte()?;
                r.byte()?;
            }
            4 => {
                r.byte()?;
                r.uleb()?;
            }
            kind => return Err(format!("unknown import kind {kind}")),
        }
    }
    Ok(names)
}

/// The export section without the exports `drop` names.
fn exports_without(body: &[u8], drop: impl Fn(&str) -> bool) -> Result<Vec<u8>> {
    let mut r = Reader { bytes: body, at: 0 };
    let count = r.uleb()?;
    let mut kept = Vec::new();
    let mut n = 0u64;
    for _ in 0..count {
        let start = r.at;
        let name = r.name()?;
        r.byte()?;
        r.uleb()?;
        if !drop(&name) {
            kept.extend_from_slice(&body[start..r.at]);
            n += 1;
        }
    }
    let mut out = Vec::new();
    leb(&mut out, n);
    out.extend(kept);
    Ok(out)
}

fn leb(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let byte = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn byte(&mut self) -> Result<u8> {
        let b = *self.bytes.get(self.at).ok_or("wasm module cut short")?;
        self.at += 1;
        Ok(b)
    }

    fn uleb(&mut self) -> Result<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err("LEB128 number too long".into())
    }

    fn take(&mut self, len: usize) -> Result<&'a [u8]> {
        let end = self
            .at
            .checked_add(len)
            .filter(|e| *e <= self.bytes.len())
            .ok_or("wasm module cut short")?;
        let out = &self.bytes[self.at..end];
        self.at = end;
        Ok(out)
    }

    fn name(&mut self) -> Result<String> {
        let len = self.uleb()? as usize;
        Ok(String::from_utf8_lossy(self.take(len)?).into_owned())
    }

    /// Table or memory limits: flags (bit 0: a maximum follows), minimum, maximum.
    fn limits(&mut self) -> Result<()> {
        let flags = self.byte()?;
        self.uleb()?;
        if flags & 1 == 1 {
            self.uleb()?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn section(id: u8, body: &[u8]) -> Vec<u8> {
        let mut out = vec![id];
        leb(&mut out, body.len() as u64);
        out.extend_from_slice(body);
        out
    }

    fn name(out: &mut Vec<u8>, s: &str) {
        leb(out, s.len() as u64);
        out.extend_from_slice(s.as_bytes());
    }

    /// A module (not a valid program: only the sections read here) importing one split
    /// function and a memory, and exporting two split bodies and `main`.
    fn module() -> Vec<u8> {
        let mut imports = vec![2];
        name(&mut imports, "__wasm_split_placeholder__");
        name(&mut imports, "__wasm_split_00libretto_titoli00_import_ab12_list");
        imports.extend([0, 3]); // a function of type 3
        name(&mut imports, "env");
        name(&mut imports, "memory");
        imports.extend([2, 1, 17, 0x80, 0x02]); // memory, min 17, max 256
        let mut exports = vec![3];
        for (n, index) in [
            ("__wasm_split_00libretto_titoli00_export_ab12_list", 7u8),
            ("__wasm_split_00libretto_lingue00_export_cd34_list", 8),
            ("main", 9),
        ] {
            name(&mut exports, n);
            exports.extend([0, index]);
        }
        let mut wasm = b"\0asm\x01\0\0\0".to_vec();
        wasm.extend(section(IMPORT_SECTION, &imports));
        wasm.extend(section(EXPORT_SECTION, &exports));
        wasm.extend(section(0, b"\x04nameXY"));
        wasm
    }

    fn export_names(wasm: &[u8]) -> Vec<String> {
        let body = sections(wasm)
            .unwrap()
            .into_iter()
            .find(|(id, _)| *id == EXPORT_SECTION)
            .unwrap()
            .1;
        let mut r = Reader { bytes: body, at: 0 };
        (0..r.uleb().unwrap())
            .map(|_| {
                let n = r.name().unwrap();
                r.byte().unwrap();
                r.uleb().unwrap();
                n
            })
            .collect()
    }

    #[test]
    fn drops_only_the_split_bodies_nobody_calls() {
        let pruned = prune_uncalled(&module()).unwrap();
        assert_eq!(
            export_names(&pruned),
            ["__wasm_split_00libretto_titoli00_export_ab12_list", "main"]
        );
        // Every other section is copied as it was.
        let original = module();
        let before = sections(&original).unwrap();
        let after = sections(&pruned).unwrap();
        assert_eq!(before.len(), after.len());
        assert_eq!(before[0], after[0]);
        assert_eq!(before[2], after[2]);
    }

    #[test]
    fn refuses_what_is_not_wasm() {
        assert!(prune_uncalled(b"<html>").is_err());
        let mut cut = module();
        cut.truncate(30);
        assert!(prune_uncalled(&cut).is_err());
    }
}
