//! "Use the data in my Libretto": copies what a draft on this device already says into the
//! answers, so those questions are not asked again. Nothing leaves the browser.

use leptos::prelude::*;
use sportello_core::programmes::Profile;
use sportello_core::programmes::prefill::from_libretto;
use sportello_core::{Draft, DraftId};

use crate::components::form::Bound;
use crate::components::form::choice::Select;
use crate::i18n::{t, t_string, use_i18n};
use crate::store::Store;
use crate::tr;

#[component]
pub fn PrefillFromLibretto(profile: RwSignal<Profile>) -> impl IntoView {
    let i18n = use_i18n();
    let drafts = LocalResource::new(|| async {
        match Store::open().await {
            Ok(store) => store.list::<Draft>().await.map(|l| l.items).unwrap_or_default(),
            Err(_) => Vec::new(),
        }
    });
    let chosen = RwSignal::new(None::<DraftId>);
    let filled = RwSignal::new(None::<usize>);

    let apply = move |_| {
        let Some(id) = chosen.get_untracked() else { return };
        let Some(draft) = drafts
            .get_untracked()
            .and_then(|all| all.into_iter().find(|d| d.id == id))
        else {
            return;
        };
        let prefill = from_libretto(&draft.libretto);
        profile.update(|p| prefill.apply(p));
        filled.set(Some(prefill.filled.len()));
    };

    view! {
        <Show when=move || drafts.get().is_some_and(|d| !d.is_empty())>
            <section aria-labelledby="prefill" class="prefill">
                <h2 id="prefill">{t!(i18n, ila_prefill_heading)}</h2>
                <p>{t!(i18n, ila_prefill_hint)}</p>
                <Select
                    field="prefill-draft"
                    label=tr!(i18n, ila_prefill_label)
                    value=Bound::from(chosen)
                    options=Signal::derive(move || {
                        drafts.get().unwrap_or_default().into_iter().map(|d| (d.id, d.name)).collect()
                    })
                    key=|id: &DraftId| id.to_string()
                    hint=None
                />
                <button type="button" class="button button--secondary" on:click=apply>
                    {t!(i18n, ila_prefill_button)}
                </button>
                <p role="status">
                    {move || filled.get().map(|n| {
                        if n == 0 {
                            t_string!(i18n, ila_prefill_nothing).to_string()
                        } else {
                            format!("{} {n}", t_string!(i18n, ila_prefill_done))
                        }
                    })}
                </p>
            </section>
        </Show>
    }
}
