//! `/invii/:chiave`: one submission from this device. While it is in the outbox, how the
//! send is going (with a progress bar for the files, and what happens next if it failed);
//! once the CPI has everything, the receipt: code, office, date and time, what was sent.
//! It prints cleanly, so the citizen can bring it to the desk.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use sportello_core::{LifecycleState, OutboxItem, SubmissionRecord};

use crate::components::local_time::local_time;
use crate::components::page_heading::PageHeading;
use crate::components::review_notes::ReviewNotes;
use crate::components::store_error::StoreErrorMessage;
use crate::components::submission_labels::{failure_text, status_label};
use crate::components::submission_summary::SubmissionSummary;
use crate::i18n::{t, t_string, use_i18n};
use crate::store::outbox::{Outbox, Sent, find_sent};

#[component]
pub fn RicevutaPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let key = Memo::new(move |_| params.read().get("chiave").unwrap_or_default());
    let outbox = Outbox::get();
    let found = LocalResource::new(move || {
        outbox.changed.track();
        let key = key.get();
        async move { find_sent(&key).await }
    });
    view! {
        {move || match found.get() {
            None => view! { <p role="status">{t!(i18n, ricevuta_loading)}</p> }.into_any(),
            Some(Err(error)) => view! { <StoreErrorMessage error /> }.into_any(),
            Some(Ok(Sent::Missing)) => view! {
                <PageHeading title=Signal::derive(move || t_string!(i18n, ricevuta_missing_title).to_string()) />
                <p>{t!(i18n, ricevuta_missing_text)}</p>
                <p><A href="/invii">{t!(i18n, ricevuta_all)}</A></p>
            }
            .into_any(),
            Some(Ok(Sent::Waiting(item))) => view! { <Sending item /> }.into_any(),
            Some(Ok(Sent::Done(record))) => view! { <Receipt record /> }.into_any(),
        }}
    }
}

#[component]
fn Sending(item: OutboxItem) -> impl IntoView {
    let i18n = use_i18n();
    let outbox = Outbox::get();
    let key = item.idempotency_key.clone();
    let progress_key = key.clone();
    let progress = move || {
        outbox.sending.get().filter(|(k, _, _)| *k == progress_key).map(|(_, done, total)| {
            let percent = (done * 100).checked_div(total).unwrap_or(100);
            view! {
                <div class="progress">
                    <label for="avanzamento-invio">{t!(i18n, ricevuta_progress)}</label>
                    <progress id="avanzamento-invio" max="100" value=percent>{format!("{percent}%")}</progress>
                </div>
            }
        })
    };
    let retry_key = key.clone();
    let retry = Action::new_local(move |_: &()| {
        let key = retry_key.clone();
        async move { outbox.retry_now(&key).await }
    });
    let state = {
        let item = item.clone();
        move || match (&item.last_error, item.refused) {
            (None, _) => view! { <p>{t!(i18n, ricevuta_sending)}</p> }.into_any(),
            (Some(code), refused) => {
                let reason = failure_text(i18n, code);
                let next = if refused {
                    t_string!(i18n, ricevuta_refused_next).to_string()
                } else {
                    t_string!(i18n, ricevuta_retry_next).to_string()
                };
                view! {
                    <div class="notice notice--warning">
                        <p>{reason}</p>
                        <p>{next}</p>
                        <button type="button" class="button button--secondary" id="riprova-invio" on:click=move |_| { retry.dispatch(()); }>
                            {t!(i18n, ricevuta_retry_now)}
                        </button>
                    </div>
                }
                .into_any()
            }
        }
    };
    view! {
        <PageHeading title=Signal::derive(move || t_string!(i18n, ricevuta_sending_title).to_string()) />
        <div role="status" aria-live="polite">{state}{progress}</div>
        <p>{t!(i18n, ricevuta_safe)}</p>
        <SubmissionSummary request=item.request.clone() office=item.office.clone() />
    }
}

#[component]
fn Receipt(record: SubmissionRecord) -> impl IntoView {
    let i18n = use_i18n();
    let when = local_time(record.submitted_at);
    let status = record.status;
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! {
        <PageHeading title=Signal::derive(move || t_string!(i18n, ricevuta_title).to_string()) />
        <div class="notice notice--success receipt">
            <p>{t!(i18n, ricevuta_code_label)}</p>
            <p class="receipt__code" id="codice-ricevuta">{record.receipt_code.clone()}</p>
            <p>{t!(i18n, ricevuta_keep_code)}</p>
        </div>
        {record.review.clone().map(|review| view! {
            <ReviewNotes
                review
                libretto=record.request.libretto.clone()
                draft_href=format!("/libretto/{}", record.request.draft_id)
            />
        })}
        {(status == LifecycleState::Consolidata && record.review.is_some()).then(|| view! {
            <p class="no-print">
                <A href=format!("/invii/{}/trasparenza", record.idempotency_key) attr:class="button">
                    {t!(i18n, tr_link)}
                </A>
            </p>
        })}
        <dl class="summary-list">
            <div class="summary-list__row">
                <dt>{t!(i18n, ricevuta_when)}</dt>
                <dd>{when}</dd>
            </div>
            <div class="summary-list__row">
                <dt>{t!(i18n, ricevuta_status)}</dt>
                <dd id="stato-invio">{move || status_label(i18n, status)}</dd>
            </div>
        </dl>
        <SubmissionSummary request=record.request.clone() office=record.office.clone() sent=true />
        <p class="no-print">
            <button type="button" class="button button--secondary" on:click=print>{t!(i18n, ricevuta_print)}</button>
        </p>
        <p class="no-print"><A href="/invii">{t!(i18n, ricevuta_all)}</A></p>
    }
}
