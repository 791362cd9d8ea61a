//! The app's entries are linked with their relocations kept, so that `cargo xtask build` can
//! split their wasm at the split functions (`xtask/src/split.rs`); wasm-bindgen leaves them
//! out of what ships. Only for wasm: the linker of another target does not take the flag.

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo::rustc-link-arg-bins=--emit-relocs");
    }
}
