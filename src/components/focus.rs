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
