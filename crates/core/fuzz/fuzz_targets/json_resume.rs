//! A CV from anywhere: never a panic; and what one import made, exported and imported again,
//! leaves nothing out (our own CV must read back whole).
#![no_main]

use libfuzzer_sys::fuzz_target;
use sportello_core::libretto::json_resume::{export, import};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(first) = import(text) else {
        return;
    };
    let now = "2026-12-04T10:00:00Z".parse().expect("a fixed instant");
    let again = import(&export(&first.libretto, now).to_string()).expect("our own CV reads back");
    assert_eq!(again.left_out, vec![], "our own CV left something out");
});
