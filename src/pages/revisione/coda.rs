//! `/revisione`: the office's queue, oldest waiting first, filtered by state, by the programme
//! the citizen asked about and by the days received, 50 a page.
//! Each row's receipt code is a link, so the queue is gone through with Tab and Enter.

use leptos::prelude::*;
use leptos_router::components::A;
use sportello_core::LifecycleState;
use sportello_core::cpi::Interest;
use sportello_core::cpi::desk::QueuePage;
use sportello_core::libretto::Vocabulary;

use super::periodo::Periodo;
use super::{Desk, answer_view};
use crate::components::form::choice::{Choice, ChoiceRadios};
use crate::components::form::{Bound, FormState};
use crate::components::local_time::local_time;
use crate::components::page_heading::PageHeading;
use crate::components::submission_labels::{interest_label, status_label};
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
    let interest = RwSignal::new(String::new());
    let page = RwSignal::new(1u32);
    let (from, to) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let queue = desk.read(move || {
        let (status, interest, page) = (status.get(), interest.get(), page.get());
        let (from, to) = (from.get(), to.get());
        async move { crate::api::desk::queue(&status, &interest, &from, &to, page).await }
    });
    let states = Signal::derive(move || {
        let states = FILTERS
            .iter()
            .map(|s| (s.code().to_owned(), status_label(i18n, *s)));
        with_all(t_string!(i18n, desk_filter_all).to_string(), states)
    });
    let programmes = Signal::derive(move || {
        let programmes = Interest::ALL
            .iter()
            .map(|i| (i.code().to_owned(), interest_label(i18n, Some(*i))));
        with_all(t_string!(i18n, desk_interest_all).to_string(), programmes)
    });
    // A new filter starts again from the first page.
    let filter = move |signal: RwSignal<String>| Bound {
        get: Signal::derive(move || Some(signal.get())),
        set: Callback::new(move |v: Option<String>| {
            signal.set(v.unwrap_or_default());
            page.set(1);
        }),
    };
    view! {
        <PageHeading title=tr!(i18n, desk_queue_title) />
        <div class="inline-radios">
            <ChoiceRadios field="stato" label=tr!(i18n, desk_filter_label) value=filter(status) options=states hint=None />
        </div>
        <div class="inline-radios">
            <ChoiceRadios
                field="programma"
                label=tr!(i18n, desk_interest_label)
                value=filter(interest)
                options=programmes
                hint=None
            />
        </div>
        <Periodo from to on_change=Callback::new(move |()| page.set(1)) />
        {answer_view(queue, move |found| view! { <QueueTable found page /> }.into_any())}
    }
}

/// A filter's choices: "all" (the empty code) first, then each value with its label.
fn with_all(all: String, choices: impl Iterator<Item = (String, String)>) -> Vec<Choice> {
    std::iter::once((String::new(), all))
        .chain(choices)
        .map(|(code, label)| Choice {
            code,
            label,
            hint: None,
        })
        .collect()
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
                    <td>{interest_label(i18n, item.interest)}</td>
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
                    <th scope="col">{t!(i18n, desk_col_interest)}</th>
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
