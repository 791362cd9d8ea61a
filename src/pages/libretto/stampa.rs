//! `/libretto/:id/stampa`: the Libretto laid out for paper or "Save as PDF": selectable text,
//! two sections and the dossier, no navigation or buttons in print (see `@media print`).

use leptos::prelude::*;

use super::draft::use_session;
use crate::components::libretto_document::LibrettoDocument;
use crate::components::local_time::date;
use crate::components::page_heading::PageHeading;
use crate::i18n::{t, t_string, use_i18n};

#[component]
pub fn StampaPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let printed_on = date(chrono::Local::now().date_naive());
    let print = move |_| {
        session.flush();
        let _ = window().print();
    };
    view! {
        <div class="print-page">
            <PageHeading title=Signal::derive(move || t_string!(i18n, stampa_title).to_string()) />
            <p class="no-print lead">{t!(i18n, stampa_intro)}</p>
            <p class="no-print"><button type="button" class="button" on:click=print>{t!(i18n, stampa_button)}</button></p>
            <p class="print-meta">
                {move || session.draft.with(|d| d.name.clone())} " · " {t!(i18n, stampa_printed_on)} " " {printed_on}
                " · " {t!(i18n, stampa_draft_note)}
            </p>
            <LibrettoDocument libretto=Signal::derive(move || session.draft.with(|d| d.libretto.clone())) />
        </div>
    }
}
