//! `/libretto/:id/…`: loads one draft, keeps it open for every screen below, and shows
//! whether it is saved.

use leptos::prelude::*;
use leptos_router::components::{A, Outlet};
use leptos_router::hooks::use_params_map;
use sportello_core::Draft;

use crate::components::page_heading::PageHeading;
use crate::components::save_status::SaveStatusLine;
use crate::components::store_error::StoreErrorMessage;
use crate::i18n::{t, t_string, use_i18n};
use crate::store::draft_session::{DraftSession, load_draft};

/// The open draft, for the screens under `/libretto/:id`.
pub fn use_session() -> DraftSession {
    expect_context::<DraftSession>()
}

/// The base path of the open draft's screens.
pub fn draft_path(session: DraftSession) -> String {
    format!("/libretto/{}", session.draft.with_untracked(|d| d.id))
}

#[component]
pub fn DraftLayout() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    // A memo, so that moving between this draft's screens (other params change) does not
    // reload the draft and throw away the session.
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let loaded = LocalResource::new(move || {
        let id = id.get();
        async move { load_draft(&id).await }
    });
    view! {
        {move || match loaded.get() {
            None => view! { <p role="status">{t!(i18n, libretto_loading)}</p> }.into_any(),
            Some(Err(error)) => view! { <StoreErrorMessage error /> }.into_any(),
            Some(Ok(None)) => view! {
                <PageHeading title=Signal::derive(move || t_string!(i18n, libretto_missing_title).to_string()) />
                <p>{t!(i18n, libretto_missing_text)}</p>
                <p><A href="/libretto">{t!(i18n, libretto_back_to_drafts)}</A></p>
            }
            .into_any(),
            Some(Ok(Some(draft))) => view! { <DraftEditor draft /> }.into_any(),
        }}
    }
}

#[component]
fn DraftEditor(draft: Draft) -> impl IntoView {
    let i18n = use_i18n();
    let session = DraftSession::start(draft);
    provide_context(session);
    let name = move || session.draft.with(|d| d.name.clone());
    let home = draft_path(session);
    view! {
        <div class="draft-bar">
            <p class="draft-bar__name">
                <A href=home>{t!(i18n, libretto_draft_label)} " " <strong>{name}</strong></A>
            </p>
            <SaveStatusLine session />
        </div>
        <Outlet />
    }
}
