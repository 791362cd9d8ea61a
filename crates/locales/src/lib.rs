//! The app's translations as the app's build script, `cargo xtask build` and the tests read
//! them: `locales/<lang>.json`, one flat object of key → text per language.
//!
//! Italian (`it.json`) is compiled into the app: it is the default and the language shown
//! while another loads. Every other language is shipped as a file of its own, fetched when
//! it is chosen, so a first visit pays for one language only. That file is the texts alone,
//! as a JSON array in key order, named by a hash of its content: the app knows at compile
//! time which file belongs to its own build, so a cached file of another build can never
//! put one key's text under another.

use std::collections::BTreeMap;
use std::path::Path;

/// The default language, compiled in.
pub const DEFAULT: &str = "it";

pub struct Locales {
    /// Every key, sorted; a key's position is its index in every language's texts.
    pub keys: Vec<String>,
    /// (language code, texts in key order), the default first.
    pub languages: Vec<(String, Vec<String>)>,
}

impl Locales {
    /// Reads every `<lang>.json` of `dir`. Any key missing from a language, any key a language
    /// has that Italian lacks, and any empty or non-text value is an error, all of them listed:
    /// the app must not show a screen half in one language.
    pub fn read(dir: &Path) -> Result<Locales, String> {
        let mut files: Vec<(String, BTreeMap<String, serde_json::Value>)> = Vec::new();
        let entries = std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
        for entry in entries {
            let path = entry.map_err(|e| e.to_string())?.path();
            if path.extension().and_then(|e| e.to_str()) != Some("json") {
                continue;
            }
            let Some(lang) = path.file_stem().and_then(|s| s.to_str()) else {
                continue;
            };
            let text =
                std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            let map = serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
            files.push((lang.to_owned(), map));
        }
        files.sort_by_key(|(lang, _)| (lang != DEFAULT, lang.clone()));
        let Some((first, default)) = files.first() else {
            return Err(format!("no translations in {}", dir.display()));
        };
        if first != DEFAULT {
            return Err(format!(
                "{}: no {DEFAULT}.json, the default language",
                dir.display()
            ));
        }
        let keys: Vec<String> = default.keys().cloned().collect();
        let mut problems = Vec::new();
        let mut languages = Vec::new();
        for (lang, map) in &files {
            let mut texts = Vec::with_capacity(keys.len());
            for key in &keys {
                match map.get(key) {
                    Some(serde_json::Value::String(s)) if !s.trim().is_empty() => texts.push(s.clone()),
                    Some(serde_json::Value::String(_)) => {
                        problems.push(format!("{lang}: empty text for `{key}`"))
                    }
                    Some(_) => problems.push(format!("{lang}: `{key}` is not a text")),
                    None => problems.push(format!("{lang}: missing key `{key}`")),
                }
            }
            for key in map.keys().filter(|k| !default.contains_key(*k)) {
                problems.push(format!("{lang}: `{key}` is not a key of {DEFAULT}.json"));
            }
            languages.push((lang.clone(), texts));
        }
        if problems.is_empty() {
            Ok(Locales { keys, languages })
        } else {
            Err(format!(
                "translation problems in {}:\n{}",
                dir.display(),
                problems.join("\n")
            ))
        }
    }

    /// The file the app fetches for each language but the default: (code, path under the
    /// site's root, content).
    pub fn files(&self) -> Vec<(String, String, String)> {
        self.languages
            .iter()
            .filter(|(lang, _)| lang != DEFAULT)
            .map(|(lang, texts)| {
                let json = serde_json::to_string(texts).unwrap_or_default();
                // `name-<hash>.ext`, as trunk names its files: the server caches such a name for a year.
                let path = format!("i18n/{lang}-{:016x}.json", fnv1a(json.as_bytes()));
                (lang.clone(), path, json)
            })
            .collect()
    }

    /// A language's texts, by key.
    pub fn texts(&self, lang: &str) -> Option<BTreeMap<&str, &str>> {
        let (_, texts) = self.languages.iter().find(|(l, _)| l == lang)?;
        Some(
            self.keys
                .iter()
                .map(String::as_str)
                .zip(texts.iter().map(String::as_str))
                .collect(),
        )
    }
}

/// 64-bit FNV-1a: a stable content hash with no dependency (not for security).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}
