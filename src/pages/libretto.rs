//! `/libretto`: the Libretto drafts kept on this device.

use leptos::prelude::*;
use sportello_core::Draft;

use crate::components::page_heading::PageHeading;
use crate::components::store_error::StoreErrorMessage;
use crate::i18n::{t, t_string, use_i18n};
use crate::store::{Listing, Store, StoreError};

#[component]
pub fn LibrettoPage() -> impl IntoView {
    let i18n = use_i18n();
    let drafts = LocalResource::new(load_drafts);

    view! {
        <PageHeading title=Signal::derive(move || t_string!(i18n, libretto_title).to_string()) />
        <p class="lead">{t!(i18n, libretto_intro)}</p>
        <section aria-labelledby="bozze">
            <h2 id="bozze">{t!(i18n, libretto_drafts_heading)}</h2>
            {move || match drafts.get() {
                None => view! { <p role="status">{t!(i18n, libretto_drafts_loading)}</p> }.into_any(),
                Some(Err(error)) => view! { <StoreErrorMessage error /> }.into_any(),
                Some(Ok(listing)) => view! { <DraftList listing /> }.into_any(),
            }}
        </section>
        <p class="notice">{t!(i18n, libretto_coming)}</p>
    }
}

async fn load_drafts() -> Result<Listing<Draft>, StoreError> {
    let store = Store::open().await?;
    let mut listing = store.list::<Draft>().await?;
    listing.items.sort_by_key(|d| std::cmp::Reverse(d.updated_at));
    Ok(listing)
}

#[component]
fn DraftList(listing: Listing<Draft>) -> impl IntoView {
    let i18n = use_i18n();
    let has_corrupt = !listing.corrupt.is_empty();
    let empty = listing.items.is_empty();
    view! {
        <Show when=move || has_corrupt>
            <p class="notice notice--warning">{t!(i18n, libretto_drafts_corrupt)}</p>
        </Show>
        <Show when=move || empty>
            <p>{t!(i18n, libretto_drafts_empty)}</p>
        </Show>
        <ul class="draft-list">
            {listing
                .items
                .into_iter()
                .map(|draft| {
                    let saved = draft
                        .updated_at
                        .with_timezone(&chrono::Local)
                        .format("%d/%m/%Y %H:%M")
                        .to_string();
                    view! {
                        <li>
                            <span class="draft-list__name">{draft.name}</span>
                            " · "
                            {t!(i18n, libretto_draft_saved)}
                            " "
                            <time datetime=draft.updated_at.to_rfc3339()>{saved}</time>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
