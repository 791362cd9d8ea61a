//! The fuzzers' committed seeds (`crates/core/fuzz/corpus/`) are real, readable files: a seed
//! that no longer imports would leave its fuzzer mutating noise from the first step.

use std::path::PathBuf;

use sportello_core::libretto::{europass, export, incoming, json_resume};
use sportello_core::programmes::profile::Profile;

fn seeds(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .expect("corpus dir")
        .map(|e| {
            let path = e.expect("entry").path();
            let text = std::fs::read(&path).expect("seed");
            (path.display().to_string(), text)
        })
        .collect();
    out.sort();
    assert!(out.len() >= 2, "{target}: at least two seeds");
    out
}

fn text(bytes: &[u8]) -> &str {
    std::str::from_utf8(bytes).expect("UTF-8")
}

#[test]
fn every_seed_reads() {
    for (path, bytes) in seeds("libretto_export") {
        let imported = export::import(text(&bytes)).unwrap_or_else(|e| panic!("{path}: {e}"));
        assert!(!imported.draft.libretto.dati_personali.nome.is_empty(), "{path}");
    }
    assert!(
        seeds("libretto_export")
            .iter()
            .any(|(_, t)| export::import(text(t)).is_ok_and(|i| !i.files.is_empty()))
    );
    for (path, bytes) in seeds("json_resume") {
        let cv = json_resume::import(text(&bytes)).unwrap_or_else(|e| panic!("{path}: {e}"));
        assert!(!cv.libretto.esperienze_lavorative.is_empty(), "{path}");
    }
    for (path, bytes) in seeds("profile") {
        Profile::from_json(text(&bytes)).unwrap_or_else(|e| panic!("{path}: {e}"));
    }
    for (path, bytes) in seeds("europass") {
        let (_, cv) = europass::import(text(&bytes)).unwrap_or_else(|e| panic!("{path}: {e}"));
        assert!(!cv.libretto.esperienze_lavorative.is_empty(), "{path}");
    }
    for (path, bytes) in seeds("incoming") {
        incoming::read(&bytes).unwrap_or_else(|e| panic!("{path}: {e}"));
    }
}
