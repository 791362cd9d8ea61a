//! The ILA checks and dote scenarios saved on this device: listed newest first, reopened,
//! renamed and deleted. The dote page also picks two or three of them to compare.

use leptos::prelude::*;
use sportello_core::records::{SimulationKind, SimulationRecord};

use crate::components::local_time::local_time;
use crate::components::store_error::StoreErrorMessage;
use crate::i18n::{t, t_string, use_i18n};
use crate::store::{Store, StoreError};

/// The saved records of one kind, re-read whenever `version` changes (after a save).
pub fn saved_of(
    kind: SimulationKind,
    version: RwSignal<u32>,
) -> LocalResource<Result<Vec<SimulationRecord>, StoreError>> {
    LocalResource::new(move || {
        version.track();
        async move {
            let mut items: Vec<SimulationRecord> = Store::open()
                .await?
                .list::<SimulationRecord>()
                .await?
                .items
                .into_iter()
                .filter(|r| r.kind == kind)
                .collect();
            items.sort_by_key(|r| std::cmp::Reverse(r.saved_at));
            Ok(items)
        }
    })
}

#[derive(Clone)]
enum Change {
    Rename(SimulationRecord, String),
    Delete(String),
}

#[component]
pub fn SavedSimulations(
    saved: LocalResource<Result<Vec<SimulationRecord>, StoreError>>,
    version: RwSignal<u32>,
    on_open: Callback<SimulationRecord>,
    /// Ids chosen for comparison, when the list offers it (at most three).
    #[prop(optional)]
    compare: Option<RwSignal<Vec<String>>>,
    heading: Signal<String>,
    empty: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let renaming = RwSignal::new(None::<String>);
    let change = Action::new_local(move |c: &Change| {
        let c = c.clone();
        async move {
            let store = Store::open().await?;
            match c {
                Change::Rename(mut record, name) => {
                    record.name = name;
                    store.put(&record).await
                }
                Change::Delete(id) => store.delete::<SimulationRecord>(&id).await,
            }
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(())) = change.value().get() {
            renaming.set(None);
            version.update(|v| *v += 1);
        }
    });

    let row = move |record: SimulationRecord| {
        let id = record.id.clone();
        let name_id = format!("nome-{id}");
        let draft_name = RwSignal::new(record.name.clone());
        let when = local_time(record.saved_at);
        let (open_rec, rename_rec) = (record.clone(), record.clone());
        let (id_rename, id_delete, id_cmp, id_cmp2, id_editing) =
            (id.clone(), id.clone(), id.clone(), id.clone(), id.clone());
        let is_renaming = move || renaming.get().as_deref() == Some(id_editing.as_str());
        let compare_box = compare.map(|chosen| {
            let box_id = format!("confronta-{id}");
            let full = move || chosen.with(|c| c.len() >= 3 && !c.contains(&id_cmp));
            view! {
                <div class="checkbox">
                    <input
                        type="checkbox"
                        id=box_id.clone()
                        prop:checked=move || chosen.with(|c| c.contains(&id_cmp2))
                        prop:disabled=full
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            let id = id.clone();
                            chosen.update(|c| {
                                c.retain(|x| *x != id);
                                if on && c.len() < 3 {
                                    c.push(id);
                                }
                            });
                        }
                    />
                    <label for=box_id>{t!(i18n, saved_compare)}</label>
                </div>
            }
        });
        view! {
            <li class="saved__item">
                <p class="saved__name"><strong>{record.name.clone()}</strong> " · " {when}</p>
                <Show
                    when=is_renaming
                    fallback=move || {
                        let (r, id) = (open_rec.clone(), id_rename.clone());
                        let id_del = id_delete.clone();
                        view! {
                            <div class="button-row">
                                <button type="button" class="button button--secondary" on:click=move |_| on_open.run(r.clone())>
                                    {t!(i18n, saved_open)}
                                </button>
                                <button type="button" class="button button--secondary" on:click=move |_| renaming.set(Some(id.clone()))>
                                    {t!(i18n, saved_rename)}
                                </button>
                                <button type="button" class="button button--warning" on:click=move |_| { change.dispatch(Change::Delete(id_del.clone())); }>
                                    {t!(i18n, saved_delete)}
                                </button>
                            </div>
                        }
                    }
                >
                    {
                        let r = rename_rec.clone();
                        let name_id = name_id.clone();
                        // Focus goes to the name as soon as the field exists.
                        let input = NodeRef::<leptos::html::Input>::new();
                        Effect::new(move |_| {
                            if let Some(el) = input.get() {
                                let _ = el.focus();
                            }
                        });
                        view! {
                            <form class="saved__rename" on:submit=move |ev| {
                                ev.prevent_default();
                                let name = draft_name.get_untracked().trim().to_owned();
                                if !name.is_empty() {
                                    change.dispatch(Change::Rename(r.clone(), name));
                                }
                            }>
                                <label class="field__label" for=name_id.clone()>{t!(i18n, saved_new_name)}</label>
                                <input
                                    class="input"
                                    node_ref=input
                                    id=name_id.clone()
                                    prop:value=move || draft_name.get()
                                    on:input=move |ev| draft_name.set(event_target_value(&ev))
                                />
                                <div class="button-row">
                                    <button type="submit" class="button">{t!(i18n, saved_rename_confirm)}</button>
                                    <button type="button" class="button button--secondary" on:click=move |_| renaming.set(None)>
                                        {t!(i18n, saved_cancel)}
                                    </button>
                                </div>
                            </form>
                        }
                    }
                </Show>
                {compare_box}
            </li>
        }
    };

    view! {
        <section class="saved" aria-labelledby="salvati">
            <h2 id="salvati">{heading}</h2>
            {move || change.value().get().and_then(Result::err).map(|error| view! { <StoreErrorMessage error /> })}
            <Suspense fallback=move || view! { <p role="status">{t!(i18n, saved_loading)}</p> }>
                {move || saved.get().map(|listing| match listing {
                    Err(error) => view! { <StoreErrorMessage error /> }.into_any(),
                    Ok(items) if items.is_empty() => view! { <p>{empty}</p> }.into_any(),
                    Ok(items) => view! {
                        <ul class="saved__list">{items.into_iter().map(row).collect_view()}</ul>
                    }.into_any(),
                })}
            </Suspense>
            <p class="hint">{move || t_string!(i18n, saved_device_only)}</p>
        </section>
    }
}
