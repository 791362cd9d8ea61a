//! The one h1 of a page, which also names the browser tab and receives focus after a
//! client-side navigation.

use leptos::html::H1;
use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::{t_string, use_i18n};

/// The id of every page's h1 (tests and the skip logic find it by this).
pub const MAIN_HEADING_ID: &str = "titolo-pagina";

/// How many page headings this tab has shown; provided once by the layout.
#[derive(Clone, Copy)]
pub struct HeadingsShown(StoredValue<u32>);

impl HeadingsShown {
    pub fn provide() {
        provide_context(Self(StoredValue::new(0)));
    }
}

/// `title` is the page's own name; the tab reads "title – Sportello".
#[component]
pub fn PageHeading(#[prop(into)] title: Signal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let tab_title = move || format!("{} – {}", title.get(), t_string!(i18n, page_title_suffix));
    let heading = NodeRef::<H1>::new();

    // After a client-side navigation, keyboard and screen-reader users would stay on the
    // link they activated; focusing the new page's h1 tells them the page changed. The first
    // heading of a visit is left alone: the browser's own focus start is right there.
    let shown = use_context::<HeadingsShown>();
    Effect::new(move |_| {
        let Some(HeadingsShown(count)) = shown else { return };
        let previous = count.get_value();
        count.set_value(previous + 1);
        if previous > 0
            && let Some(h1) = heading.get()
        {
            let _ = h1.focus();
        }
    });

    view! {
        <Title text=tab_title />
        <h1 id=MAIN_HEADING_ID tabindex="-1" node_ref=heading>
            {title}
        </h1>
    }
}
