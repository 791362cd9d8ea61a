//! The translations are whole: every key in every language (`sportello_locales::Locales::read`
//! refuses a missing, extra or empty one, and so does the build), the languages are exactly
//! the six Sportello offers, no key is left unused, and the glossary's Italian terms stay
//! Italian in every language.

use std::path::Path;

use sportello_core::Lang;
use sportello_core::lang::glossary_terms;
use sportello_locales::Locales;

fn locales() -> Locales {
    Locales::read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("locales")).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn every_language_has_every_key() {
    let locales = locales();
    let mut found: Vec<&str> = locales.languages.iter().map(|(l, _)| l.as_str()).collect();
    found.sort_unstable();
    let mut wanted: Vec<&str> = Lang::ALL.iter().map(|l| l.code()).collect();
    wanted.sort_unstable();
    assert_eq!(
        found, wanted,
        "locales/ must hold one file per language of Lang::ALL"
    );
}

/// Every Rust file under `dir`, and the static pages the build fills.
fn sources(dir: &Path, out: &mut String) {
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push_str(&std::fs::read_to_string(&path).expect("source"));
        }
    }
}

#[test]
fn every_key_is_used() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut code = String::new();
    sources(&root.join("src"), &mut code);
    code.push_str(&std::fs::read_to_string(root.join("home.html")).expect("home.html"));
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    let unused: Vec<String> = locales()
        .keys
        .into_iter()
        .filter(|key| {
            !code.match_indices(key.as_str()).any(|(i, _)| {
                !code[..i].chars().next_back().is_some_and(is_word)
                    && !code[i + key.len()..].chars().next().is_some_and(is_word)
            })
        })
        .collect();
    assert!(
        unused.is_empty(),
        "keys used nowhere in src/ or home.html: {unused:?}"
    );
}

#[test]
fn glossary_terms_stay_italian_in_every_language() {
    let locales = locales();
    let italian = locales.texts("it").expect("it");
    let mut problems = Vec::new();
    for (lang, _) in &locales.languages {
        let texts = locales.texts(lang).expect("texts");
        for (key, it) in &italian {
            let translated = glossary_terms(texts[key]);
            for term in glossary_terms(it) {
                if !translated.contains(&term) {
                    problems.push(format!("{lang}: `{key}` does not name «{term}»: {}", texts[key]));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// `%s`, `%n`…: the app fills them in; a translation that drops or adds one shows a raw
/// marker or loses the figure.
#[test]
fn every_translation_keeps_its_placeholders() {
    let locales = locales();
    let markers = |s: &str| {
        let mut m: Vec<String> = s
            .match_indices('%')
            .filter_map(|(i, _)| {
                s[i + 1..]
                    .chars()
                    .next()
                    .filter(char::is_ascii_lowercase)
                    .map(|c| format!("%{c}"))
            })
            .collect();
        m.sort();
        m
    };
    let italian = locales.texts("it").expect("it");
    let mut problems = Vec::new();
    for (lang, _) in &locales.languages {
        let texts = locales.texts(lang).expect("texts");
        for (key, it) in &italian {
            if markers(it) != markers(texts[key]) {
                problems.push(format!(
                    "{lang}: `{key}` has {:?}, Italian {:?}",
                    markers(texts[key]),
                    markers(it)
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Every glossary term is explained (`components::glossary`), under a key named after it.
#[test]
fn every_glossary_term_has_its_explanation() {
    let locales = locales();
    let missing: Vec<String> = sportello_core::lang::GLOSSARY
        .iter()
        .map(|term| format!("glossary_{}", term.to_lowercase().replace(' ', "_")))
        .filter(|key| !locales.keys.contains(key))
        .collect();
    assert!(
        missing.is_empty(),
        "glossary terms without an explanation: {missing:?}"
    );
}
