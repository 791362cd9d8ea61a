//! `/libretto/:id/stampa`: the Libretto laid out for paper or "Save as PDF": selectable text,
//! two sections and the dossier, no navigation or buttons in print (see `@media print`).

use leptos::prelude::*;
use sportello_core::Lang;

use super::draft::use_session;
use crate::components::in_language::{InLanguage, ItalianOnly};
use crate::components::libretto_document::LibrettoDocument;
use crate::components::local_time::date;
use crate::components::page_heading::PageHeading;
use crate::i18n::{keys, t, text, use_i18n};

#[component]
pub fn StampaPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let print = move |_| {
        session.flush();
        let _ = window().print();
    };
    view! {
        <div class="print-page">
            <InLanguage lang=Lang::It>
                <PageHeading title=Signal::stored(text(Lang::It, keys::stampa_title).to_string()) />
            </InLanguage>
            <p class="no-print lead">{t!(i18n, stampa_intro)}</p>
            <ItalianOnly />
            <p class="no-print"><button type="button" class="button" on:click=print>{t!(i18n, stampa_button)}</button></p>
            <InLanguage lang=Lang::It>
                <Printed />
            </InLanguage>
        </div>
    }
}

/// What goes on paper, in Italian whatever the screen's language (the caller's `InLanguage`):
/// the Libretto is an Italian public document.
#[component]
fn Printed() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let printed_on = date(chrono::Local::now().date_naive());
    view! {
        <p class="print-meta">
            {move || session.draft.with(|d| d.name.clone())} " · " {t!(i18n, stampa_printed_on)} " " {printed_on}
            " · " {t!(i18n, stampa_draft_note)}
        </p>
        <LibrettoDocument libretto=Signal::derive(move || session.draft.with(|d| d.libretto.clone())) />
    }
}
