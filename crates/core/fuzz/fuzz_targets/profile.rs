//! A profile file (the rules CLI's input): never a panic, whatever it holds.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sportello_core::programmes::profile::Profile;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = Profile::from_json(text);
    }
});
