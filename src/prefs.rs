//! Small, non-personal preferences kept in `localStorage`.
//!
//! Only choices about the interface belong here (the language): anything about the person
//! goes to IndexedDB, which the "erase everything" action clears.

use gloo_storage::{LocalStorage, Storage};
use sportello_core::Lang;

const LANG_KEY: &str = "sportello.lang";

pub fn saved_lang() -> Option<Lang> {
    let code: String = LocalStorage::get(LANG_KEY).ok()?;
    Lang::from_tag(&code)
}

pub fn save_lang(lang: Lang) {
    // A browser that refuses storage still switches language for this visit.
    let _ = LocalStorage::set(LANG_KEY, lang.code());
}
