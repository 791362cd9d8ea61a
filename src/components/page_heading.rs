//! The one h1 of a page, which also names the browser tab.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::{t_string, use_i18n};

/// The id navigation moves focus to.
pub const MAIN_HEADING_ID: &str = "titolo-pagina";

/// `title` is the page's own name; the tab reads "title – Sportello".
#[component]
pub fn PageHeading(#[prop(into)] title: Signal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let tab_title = move || format!("{} – {}", title.get(), t_string!(i18n, page_title_suffix));
    view! {
        <Title text=tab_title />
        <h1 id=MAIN_HEADING_ID tabindex="-1">{title}</h1>
    }
}
