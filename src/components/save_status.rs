//! The save indicator: a status line that is always true ("Salvato alle 10:42",
//! "Salvataggio…", "Non salvato: …"), announced politely to screen readers, and the choice
//! to make when another tab saved the same draft.

use leptos::prelude::*;

use crate::components::local_time::clock;
use crate::components::store_error::StoreErrorMessage;
use crate::i18n::{t, use_i18n};
use crate::store::draft_session::{DraftSession, SaveStatus, reload_page};

#[component]
pub fn SaveStatusLine(session: DraftSession) -> impl IntoView {
    let i18n = use_i18n();
    let status = session.status;
    let line = move || match status.get() {
        SaveStatus::Unchanged => t!(i18n, save_unchanged).into_any(),
        SaveStatus::Saving => t!(i18n, save_saving).into_any(),
        SaveStatus::Saved(at) => {
            let time = clock(&at);
            view! { {t!(i18n, save_saved_at)} " " <time>{time}</time> }.into_any()
        }
        SaveStatus::Failed(_) => t!(i18n, save_failed).into_any(),
        SaveStatus::Conflict => t!(i18n, save_conflict_short).into_any(),
    };
    let failure = move || match status.get() {
        SaveStatus::Failed(error) => Some(view! { <StoreErrorMessage error /> }),
        _ => None,
    };
    view! {
        <p class="save-status" role="status" aria-live="polite" id="stato-salvataggio">{line}</p>
        {failure}
        <Show when=move || status.get() == SaveStatus::Conflict>
            <div class="notice notice--warning conflict" role="alert">
                <p>{t!(i18n, store_error_conflict)}</p>
                <p>{t!(i18n, save_conflict_choose)}</p>
                <div class="button-row">
                    <button type="button" class="button" on:click=move |_| reload_page()>
                        {t!(i18n, save_conflict_load_theirs)}
                    </button>
                    <button type="button" class="button button--secondary" on:click=move |_| session.keep_mine()>
                        {t!(i18n, save_conflict_keep_mine)}
                    </button>
                </div>
            </div>
        </Show>
    }
}
