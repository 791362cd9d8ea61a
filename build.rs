//! Two jobs before the app compiles:
//!
//! - Translations: `locales/*.json` become `$OUT_DIR/i18n.rs` — one constant per key, with
//!   its Italian text (a misspelt key does not compile, and an entry holds only the texts it
//!   uses), and the name of the file each other language is fetched from (`src/i18n.rs`; the
//!   files themselves are written into the build by `cargo xtask build`, from the same
//!   `sportello-locales` reading). A key missing from any language fails the build with the
//!   list.
//! - Splitting: the app's entries are linked with their relocations kept, so that
//!   `cargo xtask build` can split their wasm at the split functions (`xtask/src/split.rs`);
//!   wasm-bindgen leaves them out of what ships. Only for wasm: the linker of another target
//!   does not take the flag.

use std::fmt::Write;
use std::path::Path;

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=locales");
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo::rustc-link-arg-bins=--emit-relocs");
    }
    let root = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default();
    let locales = match sportello_locales::Locales::read(&Path::new(&root).join("locales")) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    let mut out = String::new();
    // Each key carries its Italian text as a literal: an entry then holds only the texts it
    // uses (a table of all of them would put every screen's texts in every first load).
    out.push_str("/// One constant per translation key.\n#[allow(non_upper_case_globals, dead_code)]\npub mod keys {\n");
    let italian = locales
        .languages
        .first()
        .map(|(_, t)| t.clone())
        .unwrap_or_default();
    for (i, (key, text)) in locales.keys.iter().zip(&italian).enumerate() {
        let _ = writeln!(
            out,
            "    pub const {key}: super::Key = super::Key {{ index: {i}, italian: {text:?} }};"
        );
    }
    out.push_str("}\n\n");
    let _ = writeln!(
        out,
        "/// How many keys there are: the length of every language's file."
    );
    let _ = writeln!(out, "const COUNT: usize = {};\n", italian.len());
    let files = locales.files();
    let _ = writeln!(
        out,
        "/// (language code, path) of every language fetched on demand."
    );
    let _ = writeln!(out, "const FILES: [(&str, &str); {}] = [", files.len());
    for (lang, path, _) in &files {
        let _ = writeln!(out, "    ({lang:?}, {:?}),", format!("/{path}"));
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap_or_default()).join("i18n.rs");
    if let Err(e) = std::fs::write(&dest, out) {
        eprintln!("cannot write {}: {e}", dest.display());
        std::process::exit(1);
    }
}
