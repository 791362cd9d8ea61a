//! Every translation key exists in every language, with a non-empty text.
//!
//! `leptos_i18n` only warns about a key missing from a non-default locale; the app must not
//! ship a screen half in one language, so here it is an error.

use std::collections::BTreeSet;
use std::path::Path;

fn keys(value: &serde_json::Value, prefix: &str, out: &mut BTreeSet<String>, empty: &mut Vec<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                let path = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                keys(v, &path, out, empty);
            }
        }
        serde_json::Value::String(s) => {
            if s.trim().is_empty() {
                empty.push(prefix.to_owned());
            }
            out.insert(prefix.to_owned());
        }
        _ => {
            out.insert(prefix.to_owned());
        }
    }
}

fn load(locale: &str) -> (BTreeSet<String>, Vec<String>) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("locales")
        .join(format!("{locale}.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let json: serde_json::Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let (mut set, mut empty) = (BTreeSet::new(), Vec::new());
    keys(&json, "", &mut set, &mut empty);
    (set, empty)
}

#[test]
fn every_language_has_every_key() {
    let locales = ["it", "en"];
    let loaded: Vec<_> = locales.iter().map(|l| (l, load(l))).collect();
    let all: BTreeSet<String> = loaded.iter().flat_map(|(_, (k, _))| k.iter().cloned()).collect();
    let mut problems = Vec::new();
    for (locale, (set, empty)) in &loaded {
        for missing in all.difference(set) {
            problems.push(format!("{locale}: missing key `{missing}`"));
        }
        for key in empty {
            problems.push(format!("{locale}: empty text for `{key}`"));
        }
    }
    assert!(
        problems.is_empty(),
        "translation problems:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_locales_listed_in_cargo_toml_are_the_files_checked() {
    let manifest = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml"))
        .expect("Cargo.toml");
    assert!(
        manifest.contains(r#"locales = ["it", "en"]"#),
        "update this test when a language is added"
    );
}
