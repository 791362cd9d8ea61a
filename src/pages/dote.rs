//! `/dote`: the Lombardy dote simulator.

use leptos::prelude::*;

use crate::components::page_heading::PageHeading;
use crate::i18n::{t, t_string, use_i18n};

#[component]
pub fn DotePage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageHeading title=Signal::derive(move || t_string!(i18n, dote_title).to_string()) />
        <p class="lead">{t!(i18n, dote_intro)}</p>
        <p class="notice">{t!(i18n, dote_coming)}</p>
    }
}
