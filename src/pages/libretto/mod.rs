//! `/libretto`: the Libretto drafts kept on this device, a new one, delete with undo, and
//! opening one from a file. The screens of one draft are the modules below.

pub mod competenze;
pub mod competenze_digitali;
pub mod dati_personali;
pub mod draft;
pub mod entries;
pub mod esperienze_formative;
pub mod esperienze_lavorative;
pub mod evidenze;
pub mod form_frame;
pub mod invio;
pub mod lingue;
pub mod links;
pub mod overview;
pub mod patenti;
pub mod riepilogo;
pub mod section;
pub mod stampa;
pub mod titoli;
pub mod transfer;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use sportello_core::Draft;

use crate::components::focus::focus_by_id;
use crate::components::local_time::local_time;
use crate::components::page_heading::PageHeading;
use crate::components::store_error::StoreErrorMessage;
use crate::i18n::{t, t_string, use_i18n};
use crate::store::{Listing, Store, StoreError};
use transfer::ImportPanel;

const UNDO_ID: &str = "annulla-eliminazione";

#[component]
pub fn LibrettoPage() -> impl IntoView {
    let i18n = use_i18n();
    let drafts = LocalResource::new(load_drafts);
    let deleted = RwSignal::new(None::<Draft>);
    let problem = RwSignal::new(None::<StoreError>);

    let delete = move |draft: Draft| {
        leptos::task::spawn_local(async move {
            let result = async { Store::open().await?.delete::<Draft>(&draft.id.to_string()).await }.await;
            match result {
                // `try_`: the citizen may have left the page while the store worked.
                Ok(()) => {
                    if deleted.try_set(Some(draft)).is_none() {
                        drafts.refetch();
                        request_animation_frame(|| focus_by_id(UNDO_ID));
                    }
                }
                Err(e) => {
                    problem.try_set(Some(e));
                }
            }
        });
    };
    let undo = move |_| {
        if let Some(draft) = deleted.get_untracked() {
            leptos::task::spawn_local(async move {
                match async { Store::open().await?.put(&draft).await }.await {
                    Ok(()) => {
                        if deleted.try_set(None).is_none() {
                            drafts.refetch();
                        }
                    }
                    Err(e) => {
                        problem.try_set(Some(e));
                    }
                }
            });
        }
    };

    view! {
        <PageHeading title=Signal::derive(move || t_string!(i18n, libretto_title).to_string()) />
        <p class="lead">{t!(i18n, libretto_intro)}</p>
        <NewDraft problem />
        <section aria-labelledby="bozze">
            <h2 id="bozze">{t!(i18n, libretto_drafts_heading)}</h2>
            <Show when=move || deleted.with(Option::is_some)>
                <div class="notice notice--success" role="status">
                    <p>{move || t_string!(i18n, libretto_deleted)
                        .replace("%s", &deleted.with(|d| d.as_ref().map(|d| d.name.clone()).unwrap_or_default()))}</p>
                    <button type="button" class="button button--secondary" id=UNDO_ID on:click=undo>
                        {t!(i18n, libretto_undo_delete)}
                    </button>
                </div>
            </Show>
            {move || problem.get().map(|error| view! { <StoreErrorMessage error /> })}
            {move || match drafts.get() {
                None => view! { <p role="status">{t!(i18n, libretto_drafts_loading)}</p> }.into_any(),
                Some(Err(error)) => view! { <StoreErrorMessage error /> }.into_any(),
                Some(Ok(listing)) => view! { <DraftList listing delete /> }.into_any(),
            }}
        </section>
        <ImportPanel />
    }
}

async fn load_drafts() -> Result<Listing<Draft>, StoreError> {
    let store = Store::open().await?;
    let mut listing = store.list::<Draft>().await?;
    listing.items.sort_by_key(|d| std::cmp::Reverse(d.updated_at));
    Ok(listing)
}

/// "Nuovo Libretto": a name, then straight to the task list.
#[component]
fn NewDraft(problem: RwSignal<Option<StoreError>>) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let name = RwSignal::new(String::new());
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let chosen = name.get_untracked().trim().to_string();
        let chosen = if chosen.is_empty() {
            t_string!(i18n, libretto_default_name).to_string()
        } else {
            chosen
        };
        let draft = Draft::new(chosen, chrono::Utc::now());
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            match async { Store::open().await?.put(&draft).await }.await {
                Ok(()) => navigate(&format!("/libretto/{}", draft.id), Default::default()),
                Err(e) => {
                    problem.try_set(Some(e));
                }
            }
        });
    };
    view! {
        <section aria-labelledby="nuovo" class="panel">
            <h2 id="nuovo">{t!(i18n, libretto_new_heading)}</h2>
            <form on:submit=on_submit>
                <div class="field">
                    <label class="field__label" for="campo-nuovo-nome">{t!(i18n, libretto_new_name)}</label>
                    <p class="field__hint" id="campo-nuovo-nome-hint">{t!(i18n, libretto_new_name_hint)}</p>
                    <input id="campo-nuovo-nome" class="input" aria-describedby="campo-nuovo-nome-hint"
                        prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev)) />
                </div>
                <button type="submit" class="button">{t!(i18n, libretto_new_button)}</button>
            </form>
        </section>
    }
}

#[component]
fn DraftList(
    listing: Listing<Draft>,
    delete: impl Fn(Draft) + Copy + Send + Sync + 'static,
) -> impl IntoView {
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
                    let saved = local_time(draft.updated_at);
                    let href = format!("/libretto/{}", draft.id);
                    let name = draft.name.clone();
                    let hidden_name = draft.name.clone();
                    view! {
                        <li class="draft-list__item">
                            <A href=href attr:class="draft-list__name">{name}</A>
                            <span class="draft-list__meta">
                                {t!(i18n, libretto_draft_saved)}
                                " "
                                <time datetime=draft.updated_at.to_rfc3339()>{saved}</time>
                            </span>
                            <button type="button" class="link-button link-button--danger"
                                on:click=move |_| delete(draft.clone())>
                                {t!(i18n, libretto_delete)}
                                <span class="visually-hidden">" " {hidden_name}</span>
                            </button>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
