//! A Europass XML from anywhere: never a panic; and what one import made, exported as our
//! v3.4 XML and imported again, leaves nothing out.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sportello_core::libretto::europass::{export, import};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok((_, first)) = import(text) else {
        return;
    };
    let now = "2026-12-04T10:00:00Z".parse().expect("a fixed instant");
    let (_, again) = import(&export(&first.libretto, now)).expect("our own Europass XML reads back");
    assert_eq!(again.left_out, vec![], "our own Europass XML left something out");
});
