//! Any file the citizen may choose to open (a Libretto file, a CV in JSON, XML or a PDF with
//! its XML inside), told apart by its bytes: never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sportello_core::libretto::incoming::read;

fuzz_target!(|data: &[u8]| {
    let _ = read(data);
});
