//! `/invii`: what this device has sent to the CPI. Sends still in the outbox first, then
//! every receipt with its status, asked again from the CPI once each time the page opens
//! (when the CPI cannot be reached, the last known status is shown with its date).

use leptos::prelude::*;
use leptos_router::components::A;
use sportello_core::{OutboxItem, SubmissionRecord};

use crate::components::local_time::local_time;
use crate::components::page_heading::PageHeading;
use crate::components::store_error::StoreErrorMessage;
use crate::components::submission_labels::status_label;
use crate::i18n::{t, t_string, use_i18n};
use crate::store::outbox::{Outbox, refresh_statuses};
use crate::store::{Store, StoreError};

#[derive(Clone)]
struct Sends {
    waiting: Vec<OutboxItem>,
    done: Vec<SubmissionRecord>,
}

#[component]
pub fn InviiPage() -> impl IntoView {
    let i18n = use_i18n();
    let outbox = Outbox::get();
    // The CPI is asked once per visit; the list below is read again from the store on every
    // change (a send progressing, a status refreshed) without asking the CPI again.
    leptos::task::spawn_local(refresh_statuses(outbox, None));
    let sends = LocalResource::new(move || {
        outbox.changed.track();
        load_sends()
    });
    view! {
        <PageHeading title=Signal::derive(move || t_string!(i18n, invii_title).to_string()) />
        <p class="lead">{t!(i18n, invii_intro)}</p>
        {move || match sends.get() {
            None => view! { <p role="status">{t!(i18n, invii_loading)}</p> }.into_any(),
            Some(Err(error)) => view! { <StoreErrorMessage error /> }.into_any(),
            Some(Ok(s)) if s.waiting.is_empty() && s.done.is_empty() => {
                view! { <p>{t!(i18n, invii_empty)}</p> }.into_any()
            }
            Some(Ok(s)) => view! {
                {(!s.waiting.is_empty()).then(|| view! {
                    <h2>{t!(i18n, invii_waiting)}</h2>
                    <ul class="submission-list">
                        {s.waiting.into_iter().map(|item| view! {
                            <li class="submission-list__item">
                                <A href=format!("/invii/{}", item.idempotency_key)>{item.draft_name.clone()}</A>
                                " – " {item.office.name.clone()} " – "
                                <span class="tag tag--progress">{move || t_string!(i18n, invii_in_outbox)}</span>
                            </li>
                        }).collect_view()}
                    </ul>
                })}
                {(!s.done.is_empty()).then(|| view! {
                    <h2>{t!(i18n, invii_sent)}</h2>
                    <ul class="submission-list">
                        {s.done.into_iter().map(|r| {
                            let status = r.status;
                            let checked = r.last_checked_at.map(local_time);
                            view! {
                                <li class="submission-list__item">
                                    <A href=format!("/invii/{}", r.idempotency_key)>
                                        <strong>{r.receipt_code.clone()}</strong>
                                    </A>
                                    " – " {r.draft_name.clone()} " – " {r.office.name.clone()} " – "
                                    {local_time(r.submitted_at)} " – "
                                    <span class="tag tag--done stato-invio">{move || status_label(i18n, status)}</span>
                                    {checked.map(|c| view! {
                                        <span class="field__hint">" (" {move || t_string!(i18n, invii_checked_at)} " " {c.clone()} ")"</span>
                                    })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                })}
            }
            .into_any(),
        }}
    }
}

/// The outbox and the receipts, newest receipt first.
async fn load_sends() -> Result<Sends, StoreError> {
    let store = Store::open().await?;
    let waiting = store.list::<OutboxItem>().await?.items;
    let mut done = store.list::<SubmissionRecord>().await?.items;
    done.sort_by_key(|r| std::cmp::Reverse(r.submitted_at));
    Ok(Sends { waiting, done })
}
