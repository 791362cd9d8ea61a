//! `/revisione`: the office's queue, oldest waiting first, filtered by state and by the days
//! received, 50 a page.
//! Each row's receipt code is a link, so the queue is gone through with Tab and Enter.

use leptos::prelude::*;
use leptos_router::components::A;
use sportello_core::LifecycleState;
use sportello_core::cpi::desk::QueuePage;

use super::Desk;
use super::periodo::Periodo;
use crate::components::form::choice::{Choice, ChoiceRadios};
use crate::components::form::{Bound, FormState};
use crate::components::local_time::local_time;
use crate::components::page_heading::PageHeading;
use crate::components::submission_labels::status_label;
use crate::i18n::{t, t_string, use_i18n};
use crate::tr;

/// States the queue can show: all but the citizen's own draft.
const FILTERS: [LifecycleState; 4] = [
    LifecycleState::Inviata,
    LifecycleState::InRevisione,
    LifecycleState::ModificheRichieste,
    LifecycleState::Consolidata,
];

#[component]
pub fn CodaPage() -> impl IntoView {
    let i18n = use_i18n();
    let desk = Desk::get();
    FormState::provide_inputs_only();
    // What waits for a first look comes first.
    let status = RwSignal::new(LifecycleState::Inviata.code().to_owned());
    let page = RwSignal::new(1u32);
    let (from, to) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let queue = LocalResource::new(move || {
        let (status, from, to, page) = (status.get(), from.get(), to.get(), page.get());
        async move { crate::api::desk::queue(&status, &from, &to, page).await }
    });
    Effect::new(move |_| {
        if let Some(Err(failure)) = queue.get() {
            desk.check(&failure);
        }
    });
    let options = Signal::derive(move || {
        let mut all = vec![Choice {
            code: String::new(),
            label: t_string!(i18n, desk_filter_all).to_string(),
            hint: None,
        }];
        all.extend(FILTERS.iter().map(|s| Choice {
            code: s.code().to_owned(),
            label: status_label(i18n, *s),
            hint: None,
        }));
        all
    });
    let filter = Bound {
        get: Signal::derive(move || Some(status.get())),
        set: Callback::new(move |v: Option<String>| {
            status.set(v.unwrap_or_default());
            page.set(1);
        }),
    };
    view! {
        <PageHeading title=tr!(i18n, desk_queue_title) />
        <div class="inline-radios">
            <ChoiceRadios field="stato" label=tr!(i18n, desk_filter_label) value=filter options hint=None />
        </div>
        <Periodo from to on_change=Callback::new(move |()| page.set(1)) />
        {move || match queue.get() {
            None => view! { <p role="status">{t!(i18n, desk_loading)}</p> }.into_any(),
            Some(Err(_)) => view! {
                <p class="notice notice--error" role="alert">{t!(i18n, desk_unreachable)}</p>
            }
            .into_any(),
            Some(Ok(found)) => view! { <QueueTable found page /> }.into_any(),
        }}
    }
}

#[component]
fn QueueTable(found: QueuePage, page: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    if found.items.is_empty() {
        return view! { <p class="doc-empty">{t!(i18n, desk_queue_empty)}</p> }.into_any();
    }
    let pages = found.total.div_ceil(u64::from(found.page_size.max(1))).max(1);
    let current = found.page;
    let count = t_string!(i18n, desk_queue_count)
        .replace("%n", &found.total.to_string())
        .replace("%p", &current.to_string())
        .replace("%t", &pages.to_string());
    let rows = found
        .items
        .into_iter()
        .map(|item| {
            let href = format!("/revisione/{}", item.submission_id);
            view! {
                <tr>
                    <th scope="row"><A href=href>{item.receipt_code}</A></th>
                    <td>{item.version}</td>
                    <td>{local_time(item.received_at)}</td>
                    <td>{status_label(i18n, item.status)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll" role="region" aria-labelledby="coda-conteggio" tabindex="0">
        <table class="compare">
            <caption id="coda-conteggio">{count}</caption>
            <thead>
                <tr>
                    <th scope="col">{t!(i18n, desk_col_receipt)}</th>
                    <th scope="col">{t!(i18n, desk_col_version)}</th>
                    <th scope="col">{t!(i18n, desk_col_received)}</th>
                    <th scope="col">{t!(i18n, desk_col_status)}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
        </div>
        <div class="button-row">
            {(current > 1).then(|| view! {
                <button type="button" class="button button--secondary" on:click=move |_| page.update(|p| *p -= 1)>
                    {t!(i18n, desk_previous_page)}
                </button>
            })}
            {(u64::from(current) < pages).then(|| view! {
                <button type="button" class="button button--secondary" on:click=move |_| page.update(|p| *p += 1)>
                    {t!(i18n, desk_next_page)}
                </button>
            })}
        </div>
    }
    .into_any()
}
