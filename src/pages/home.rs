//! `/`: the three things a visitor can do, and the promise about their data.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::page_heading::PageHeading;
use crate::i18n::{t, t_string, use_i18n};

#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageHeading title=Signal::derive(move || t_string!(i18n, home_title).to_string()) />
        <p class="lead">{t!(i18n, home_intro)}</p>
        <p class="promise">{t!(i18n, home_promise)}</p>
        <section aria-labelledby="home-entries">
            <h2 id="home-entries">{t!(i18n, home_entries_label)}</h2>
            <ul class="cards">
                <li class="card">
                    <h3><A href="/libretto">{t!(i18n, home_libretto_title)}</A></h3>
                    <p>{t!(i18n, home_libretto_text)}</p>
                </li>
                <li class="card">
                    <h3><A href="/ila">{t!(i18n, home_ila_title)}</A></h3>
                    <p>{t!(i18n, home_ila_text)}</p>
                </li>
                <li class="card">
                    <h3><A href="/dote">{t!(i18n, home_dote_title)}</A></h3>
                    <p>{t!(i18n, home_dote_text)}</p>
                </li>
            </ul>
        </section>
    }
}
