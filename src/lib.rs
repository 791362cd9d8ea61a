//! Sportello's browser app: pages, components, browser storage and translations.
//!
//! `lib.rs` only wires things together; what a screen shows lives in `pages/`, what several
//! screens share in `components/`, what is kept in the browser in `store/`, how the app talks
//! to the CPI in `api/`.

pub mod api;
pub mod app;
pub mod components;
pub mod pages;
pub mod prefs;
pub mod store;

pub use app::App;

// Generates `pub mod i18n` from `locales/*.json` (Italian default, keys checked at compile
// time); `tests/i18n_keys.rs` fails if any language lacks a key.
#[allow(deprecated)]
mod translations {
    leptos_i18n::load_locales!();
}
pub use translations::i18n;

/// The translation context, as functions that build messages take it.
pub type I18n = leptos_i18n::I18nContext<i18n::Locale>;
