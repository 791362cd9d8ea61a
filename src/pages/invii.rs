//! `/invii`: what this device has sent to the CPI, with receipts and review status.

use leptos::prelude::*;
use sportello_core::SubmissionRecord;

use crate::components::page_heading::PageHeading;
use crate::components::store_error::StoreErrorMessage;
use crate::i18n::{t, t_string, use_i18n};
use crate::store::{Store, StoreError};

#[component]
pub fn InviiPage() -> impl IntoView {
    let i18n = use_i18n();
    let submissions = LocalResource::new(load_submissions);
    view! {
        <PageHeading title=Signal::derive(move || t_string!(i18n, invii_title).to_string()) />
        <p class="lead">{t!(i18n, invii_intro)}</p>
        {move || match submissions.get() {
            None => ().into_any(),
            Some(Err(error)) => view! { <StoreErrorMessage error /> }.into_any(),
            Some(Ok(list)) if list.is_empty() => view! { <p>{t!(i18n, invii_empty)}</p> }.into_any(),
            Some(Ok(list)) => view! {
                <ul class="submission-list">
                    {list
                        .into_iter()
                        .map(|s| view! { <li><strong>{s.receipt_code}</strong></li> })
                        .collect_view()}
                </ul>
            }
            .into_any(),
        }}
    }
}

async fn load_submissions() -> Result<Vec<SubmissionRecord>, StoreError> {
    let store = Store::open().await?;
    Ok(store.list::<SubmissionRecord>().await?.items)
}
