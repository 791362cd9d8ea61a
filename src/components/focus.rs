//! In-page links (skip link, error summaries) that move keyboard focus to their target.
//!
//! The router treats `#id` links as navigations and leaves focus on the link; a person using
//! a keyboard or screen reader must land on the target, as on a static page.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// `on:click` handler for `<a href="#id">`: focuses and reveals the element with that id.
pub fn follow_in_page_link(ev: web_sys::MouseEvent) {
    let href = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|a| a.get_attribute("href"));
    if let Some(id) = href.as_deref().and_then(|h| h.strip_prefix('#')) {
        ev.prevent_default();
        focus_by_id(id);
    }
}

pub fn focus_by_id(id: &str) {
    if let Some(el) = document()
        .get_element_by_id(id)
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
        el.scroll_into_view();
    }
}

/// Where focus was, per path, for this tab only (sessionStorage): after a reload the citizen
/// lands back in the field they were typing in. Only the path and the field's id are kept,
/// never what was typed.
const FOCUS_KEY: &str = "sportello.focus";

/// Remembers the focused field of the current page and, once the page is drawn, puts focus
/// back where it was before a reload.
pub fn restore_remembered_focus() {
    let path = window().location().pathname().unwrap_or_default();
    let storage = window().session_storage().ok().flatten();
    if let Some(s) = &storage
        && let Ok(Some(saved)) = s.get_item(FOCUS_KEY)
        && let Some((saved_path, id)) = saved.split_once('#')
        && saved_path == path
    {
        let id = id.to_owned();
        request_animation_frame(move || focus_by_id(&id));
    }
    let listener = window_event_listener(leptos::ev::focusin, move |ev| {
        let id = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .map(|el| el.id())
            .filter(|id| id.starts_with("campo-"));
        if let (Some(id), Some(s)) = (id, window().session_storage().ok().flatten()) {
            let here = window().location().pathname().unwrap_or_default();
            let _ = s.set_item(FOCUS_KEY, &format!("{here}#{id}"));
        }
    });
    on_cleanup(move || listener.remove());
}
