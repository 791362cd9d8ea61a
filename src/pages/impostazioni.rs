//! `/impostazioni`: the interface language (later: CPI address, export, erase everything).

use leptos::prelude::*;

use crate::components::language_switch::LanguageSwitch;
use crate::components::page_heading::PageHeading;
use crate::i18n::{t, t_string, use_i18n};

#[component]
pub fn ImpostazioniPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageHeading title=Signal::derive(move || t_string!(i18n, impostazioni_title).to_string()) />
        <p class="lead">{t!(i18n, impostazioni_intro)}</p>
        <section aria-labelledby="lingua">
            <h2 id="lingua">{t!(i18n, impostazioni_lang_heading)}</h2>
            <p>{t!(i18n, impostazioni_lang_hint)}</p>
            <LanguageSwitch />
        </section>
    }
}
