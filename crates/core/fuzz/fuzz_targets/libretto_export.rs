//! A Libretto file from anywhere: never a panic; and what imports, exported again, imports as
//! the same draft with the same files.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sportello_core::libretto::export::{export, import};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(first) = import(text) else {
        return;
    };
    let files: Vec<_> = first
        .files
        .iter()
        .map(|f| (f.meta.clone(), f.bytes.clone()))
        .collect();
    let now = "2026-12-04T10:00:00Z".parse().expect("a fixed instant");
    let json = serde_json::to_string(&export(&first.draft, &files, now)).expect("serialises");
    let again = import(&json).expect("our own export reads back");
    assert_eq!(again.draft, first.draft);
    assert_eq!(again.files, first.files);
});
