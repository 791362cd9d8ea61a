//! `/impostazioni`: the interface language, the words that stay Italian, and erasing everything this browser keeps
//! (for shared computers at the CPI).

use leptos::prelude::*;

use crate::components::focus::focus_by_id;
use crate::components::glossary::Glossary;
use crate::components::language_switch::LanguageSwitch;
use crate::components::page_heading::PageHeading;
use crate::components::store_error::StoreErrorMessage;
use crate::i18n::{t, t_string, use_i18n};
use crate::store::{Store, StoreError};

#[component]
pub fn ImpostazioniPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageHeading title=Signal::derive(move || t_string!(i18n, impostazioni_title).to_string()) />
        <p class="lead">{t!(i18n, impostazioni_intro)}</p>
        <section aria-labelledby="lingua">
            <h2 id="lingua">{t!(i18n, impostazioni_lang_heading)}</h2>
            <p>{t!(i18n, impostazioni_lang_hint)}</p>
            <LanguageSwitch />
        </section>
        <Glossary />
        <EraseEverything />
    }
}

#[derive(Clone, PartialEq)]
enum Step {
    Idle,
    Confirming,
    Done,
    Failed(StoreError),
}

/// Two steps, so that one stray click cannot wipe a Libretto: explain, then confirm.
#[component]
fn EraseEverything() -> impl IntoView {
    let i18n = use_i18n();
    let step = RwSignal::new(Step::Idle);
    let erase = move |_| {
        leptos::task::spawn_local(async move {
            let result = async { Store::open().await?.erase_everything().await }.await;
            if let Ok(Some(s)) = window().session_storage() {
                let _ = s.clear();
            }
            step.try_set(match result {
                Ok(()) => Step::Done,
                Err(e) => Step::Failed(e),
            });
            request_animation_frame(|| focus_by_id("esito-cancellazione"));
        });
    };
    view! {
        <section aria-labelledby="cancella" class="panel panel--danger">
            <h2 id="cancella">{t!(i18n, erase_heading)}</h2>
            <p>{t!(i18n, erase_text)}</p>
            <ul>
                <li>{t!(i18n, erase_item_drafts)}</li>
                <li>{t!(i18n, erase_item_files)}</li>
                <li>{t!(i18n, erase_item_outbox)}</li>
                <li>{t!(i18n, erase_item_simulations)}</li>
            </ul>
            <p>{t!(i18n, erase_keep)}</p>
            {move || match step.get() {
                Step::Idle => view! {
                    <button type="button" class="button button--warning"
                        on:click=move |_| {
                            step.set(Step::Confirming);
                            request_animation_frame(|| focus_by_id("conferma-cancellazione"));
                        }>
                        {t!(i18n, erase_button)}
                    </button>
                }.into_any(),
                Step::Confirming => view! {
                    <div class="notice notice--warning" role="alert">
                        <p><strong>{t!(i18n, erase_confirm_text)}</strong></p>
                        <div class="button-row">
                            <button type="button" class="button button--warning" id="conferma-cancellazione" on:click=erase>
                                {t!(i18n, erase_confirm)}
                            </button>
                            <button type="button" class="button button--secondary" on:click=move |_| step.set(Step::Idle)>
                                {t!(i18n, erase_cancel)}
                            </button>
                        </div>
                    </div>
                }.into_any(),
                Step::Done => view! {
                    <p class="notice notice--success" role="status" tabindex="-1" id="esito-cancellazione">
                        {t!(i18n, erase_done)}
                    </p>
                }.into_any(),
                Step::Failed(error) => view! {
                    <div id="esito-cancellazione" tabindex="-1"><StoreErrorMessage error /></div>
                }.into_any(),
            }}
        </section>
    }
}
