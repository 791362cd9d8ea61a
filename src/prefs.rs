//! Small, non-personal preferences kept in `localStorage`.
//!
//! Only choices about the interface belong here (the language): anything about the person
//! goes to IndexedDB, which the "erase everything" action clears.

use gloo_storage::{LocalStorage, Storage};

use leptos_i18n::Locale as _;

use crate::i18n::Locale;

const LANG_KEY: &str = "sportello.lang";

pub fn saved_locale() -> Option<Locale> {
    let code: String = LocalStorage::get(LANG_KEY).ok()?;
    match code.as_str() {
        "it" => Some(Locale::it),
        "en" => Some(Locale::en),
        _ => None,
    }
}

pub fn save_locale(locale: Locale) {
    // A browser that refuses storage still switches language for this visit.
    let _ = LocalStorage::set(LANG_KEY, locale.as_str());
}
