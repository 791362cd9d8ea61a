//! `/invii/:chiave/trasparenza`: the Documento di trasparenza of a consolidated submission
//! (core's `libretto::trasparenza`), to print or to download as JSON. It is built on the device
//! from the version the citizen sent and the outcome the CPI gave it.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use sportello_core::SubmissionRecord;
use sportello_core::libretto::trasparenza::{DocumentoTrasparenza, Rilascio, documento_trasparenza};
use sportello_core::{Lang, LifecycleState};

use crate::components::in_language::{InLanguage, ItalianOnly};
use crate::components::local_time::{date, local_time};
use crate::components::page_heading::PageHeading;
use crate::components::store_error::StoreErrorMessage;
use crate::i18n::{t, t_string, use_i18n};
use crate::store::outbox::{Sent, find_sent};
use crate::tr;

#[component]
pub fn TrasparenzaPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let key = Memo::new(move |_| params.read().get("chiave").unwrap_or_default());
    let found = LocalResource::new(move || {
        let key = key.get();
        async move { find_sent(&key).await }
    });
    view! {
        {move || match found.get() {
            None => view! { <p role="status">{t!(i18n, ricevuta_loading)}</p> }.into_any(),
            Some(Err(error)) => view! { <StoreErrorMessage error /> }.into_any(),
            Some(Ok(Sent::Done(record))) => match documento(&record) {
                Some(doc) => view! { <Documento doc key=record.idempotency_key.clone() /> }.into_any(),
                None => not_consolidated(i18n, &record.idempotency_key),
            },
            Some(Ok(_)) => not_consolidated(i18n, &key.get_untracked()),
        }}
    }
}

/// Only a consolidated version has one, released when the CPI consolidated it.
fn documento(record: &SubmissionRecord) -> Option<DocumentoTrasparenza> {
    let review = record.review.as_ref()?;
    (record.status == LifecycleState::Consolidata).then(|| {
        documento_trasparenza(
            &record.request.libretto,
            Rilascio {
                ente: record.office.name.clone(),
                provincia: record.office.province.clone(),
                regione: record.office.region.clone(),
                codice_ricevuta: record.receipt_code.clone(),
                versione: record.request.version,
                consolidato_il: review.updated_at,
            },
        )
    })
}

fn not_consolidated(i18n: crate::I18n, key: &str) -> AnyView {
    let back = format!("/invii/{key}");
    view! {
        <PageHeading title=tr!(i18n, tr_title) />
        <p>{t!(i18n, tr_not_consolidated)}</p>
        <p><A href=back>{t!(i18n, ricevuta_title)}</A></p>
    }
    .into_any()
}

#[component]
fn Documento(doc: DocumentoTrasparenza, key: String) -> impl IntoView {
    let i18n = use_i18n();
    let json = serde_json::to_string_pretty(&doc).unwrap_or_default();
    let file_name = format!("documento-trasparenza-{}.json", doc.rilascio.codice_ricevuta);
    let failed = RwSignal::new(false);
    let download = move |_| {
        failed.set(crate::store::transfer::download(&json, &file_name, "application/json").is_err());
    };
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! {
        <p class="no-print"><A href=format!("/invii/{key}")>{t!(i18n, ricevuta_title)}</A></p>
        <ItalianOnly />
        <InLanguage lang=Lang::It>
            <DocumentoBody doc />
        </InLanguage>
        <div class="button-row no-print">
            <button type="button" class="button" id="stampa-trasparenza" on:click=print>{t!(i18n, ricevuta_print)}</button>
            <button type="button" class="button button--secondary" id="scarica-trasparenza" on:click=download>{t!(i18n, tr_download_json)}</button>
        </div>
        <Show when=move || failed.get()>
            <p class="notice notice--error" role="alert">{t!(i18n, tr_download_failed)}</p>
        </Show>
    }
}

/// The document itself, in Italian whatever the screen's language (the caller's
/// `InLanguage`): it is what the CPI released.
#[component]
fn DocumentoBody(doc: DocumentoTrasparenza) -> impl IntoView {
    let i18n = use_i18n();
    let p = doc.persona;
    let persona = [
        (t_string!(i18n, f_nome), p.nome),
        (t_string!(i18n, f_cognome), p.cognome),
        (t_string!(i18n, f_codice_fiscale), p.codice_fiscale),
        (
            t_string!(i18n, f_data_nascita),
            p.data_nascita.map(date).unwrap_or_default(),
        ),
        (t_string!(i18n, f_luogo_nascita), p.luogo_nascita),
        (t_string!(i18n, f_cittadinanza), p.cittadinanza),
        (t_string!(i18n, doc_telefono), p.telefono),
        (t_string!(i18n, doc_email), p.email),
    ];
    let competenze = doc
        .competenze
        .into_iter()
        .map(|c| {
            let documenti = c
                .evidenze
                .into_iter()
                .map(|e| {
                    let parts: Vec<String> = [Some(e.titolo), Some(e.emesso_da), e.data, e.categoria, e.file]
                        .into_iter()
                        .flatten()
                        .filter(|s| !s.is_empty())
                        .collect();
                    parts.join(" – ")
                })
                .collect::<Vec<_>>()
                .join("; ");
            let rows = [
                (t_string!(i18n, doc_tipologia), c.tipologia.unwrap_or_default()),
                (t_string!(i18n, doc_contesto), c.contesto.unwrap_or_default()),
                (t_string!(i18n, doc_esperienze), c.esperienze.join("; ")),
                (t_string!(i18n, doc_documenti), documenti),
                (t_string!(i18n, doc_stato), c.stato),
            ];
            view! {
                <div class="doc-block">
                    <h3>{c.descrizione}</h3>
                    {rows_view(rows.into_iter())}
                </div>
            }
        })
        .collect_view();
    let r = doc.rilascio;
    let rilascio = [
        (t_string!(i18n, tr_ente), r.ente),
        (t_string!(i18n, tr_provincia), r.provincia),
        (t_string!(i18n, tr_codice), r.codice_ricevuta),
        (t_string!(i18n, tr_versione), r.versione.to_string()),
        (t_string!(i18n, tr_consolidato_il), local_time(r.consolidato_il)),
    ];
    view! {
        <PageHeading title=tr!(i18n, tr_title) />
        <p class="lead">{doc.riferimento_normativo}</p>
        <section aria-labelledby="tr-persona">
            <h2 id="tr-persona">{t!(i18n, tr_persona)}</h2>
            {rows_view(persona.into_iter())}
        </section>
        <section aria-labelledby="tr-competenze">
            <h2 id="tr-competenze">{t!(i18n, tr_competenze)}</h2>
            {competenze}
        </section>
        <section aria-labelledby="tr-rilascio">
            <h2 id="tr-rilascio">{t!(i18n, tr_rilascio)}</h2>
            {rows_view(rilascio.into_iter())}
        </section>
    }
}

/// A summary list of the rows that have a value.
fn rows_view(rows: impl Iterator<Item = (&'static str, String)>) -> impl IntoView {
    let rows = rows
        .filter(|(_, v)| !v.trim().is_empty())
        .map(|(label, value)| {
            view! {
                <div class="summary-list__row">
                    <dt>{label}</dt>
                    <dd>{value}</dd>
                </div>
            }
        })
        .collect_view();
    view! { <dl class="summary-list">{rows}</dl> }
}
