//! Sportello's browser app: pages, components, browser storage and translations.
//!
//! `lib.rs` only wires things together; what a screen shows lives in `pages/`, what several
//! screens share in `components/`, what is kept in the browser in `store/`, how the app talks
//! to the CPI in `api/`.

pub mod api;
pub mod app;
pub mod components;
pub mod i18n;
pub mod pages;
pub mod prefs;
pub mod store;

pub use app::{App, DeskApp, HomeApp, LibrettoApp};

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Replaces the static first paint of the HTML page (`#app`) with the app, so the page is
/// never blank while the wasm loads and never shows both.
///
/// The swap waits until the static page has been painted (the frame after next): on a fast
/// connection the wasm can be ready before the browser's first paint, and the page the
/// citizen sees first — and the largest paint the browser measures — would then wait for it.
pub fn start<V: IntoView + 'static>(app: fn() -> V) {
    if let Ok(path) = window().location().pathname() {
        let _ = LOADED_AT.set(path);
    }
    // Panic messages in the console while developing; the release build leaves the hook (and
    // the formatting it pulls in) out.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    // A language other than Italian is fetched first (behind the static first paint, which
    // the server already sent in that language): the app never draws a screen in Italian only
    // to redraw it. If the fetch fails the app starts in Italian and the language switch says so.
    let lang = i18n::starting_lang();
    // wasm-bindgen's own spawner: Leptos' executor is set up by the mount itself.
    wasm_bindgen_futures::spawn_local(async move {
        let _ = i18n::load(lang).await;
        request_animation_frame(move || {
            request_animation_frame(move || {
                mount(move || {
                    i18n::I18n::provide(lang);
                    app()
                })
            })
        });
    });
}

/// The address this page was loaded at, before any navigation inside the app: the server chose
/// this entry for it, so a route missing here is missing everywhere (see `app::LoadFromServer`).
static LOADED_AT: std::sync::OnceLock<String> = std::sync::OnceLock::new();

pub(crate) fn loaded_at() -> Option<&'static str> {
    LOADED_AT.get().map(String::as_str)
}

fn mount<V: IntoView + 'static>(app: impl FnOnce() -> V + 'static) {
    let root = document()
        .get_element_by_id("app")
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    match root {
        Some(root) => {
            root.set_inner_html("");
            leptos::mount::mount_to(root, app).forget();
        }
        None => leptos::mount::mount_to_body(app),
    }
}

/// The translation context, as functions that build messages take it.
pub type I18n = i18n::I18n;
