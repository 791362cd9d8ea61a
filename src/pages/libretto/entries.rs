//! Repeated sections (experiences, titles, courses, languages, competences, documents): the
//! "add another" list with change, remove (undoable) and reorder, and the one-entry form.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use sportello_core::libretto::validation::{Severity, for_entry};
use sportello_core::libretto::{Entry, ItemId};

use super::draft::{draft_path, use_session};
use super::form_frame::FormFrame;
use crate::components::focus::focus_by_id;
use crate::components::page_heading::PageHeading;
use crate::components::section_label::{add_label, entry_name, entry_noun, section_intro, section_title};
use crate::i18n::screen_lang;
use crate::i18n::{t, t_string, use_i18n};
use crate::store::draft_session::Lens;

const UNDO_ID: &str = "annulla-rimozione";

#[component]
pub fn EntryListPage<E: Entry + Send + Sync>(
    /// Which section: the entry type (`<EntryListPage<Lingua> />`).
    #[prop(optional)]
    kind: std::marker::PhantomData<E>,
) -> impl IntoView {
    let _ = kind;
    let i18n = use_i18n();
    let session = use_session();
    let navigate = use_navigate();
    let section = E::SECTION;
    let base = draft_path(session);
    let list_path = format!("{base}/{}", section.slug());
    let lang = screen_lang();
    let entries = Memo::new(move |_| session.draft.with(|d| E::list(&d.libretto).clone()));
    let removed = RwSignal::new(None::<(usize, E)>);

    let add_path = list_path.clone();
    let add = move |_| {
        let mut id = None;
        session.edit(|l| id = Some(l.add_entry::<E>()));
        if let Some(id) = id {
            navigate(&format!("{add_path}/{id}"), Default::default());
        }
    };
    let remove = move |index: usize| {
        let mut taken = None;
        session.edit(|l| taken = l.remove_entry::<E>(index));
        if let Some(e) = taken {
            removed.set(Some((index, e)));
            request_animation_frame(|| focus_by_id(UNDO_ID));
        }
    };
    let undo = move |_| {
        if let Some((index, e)) = removed.get_untracked() {
            session.edit(|l| l.insert_entry(index, e));
            removed.set(None);
        }
    };
    let swap = move |a: usize, b: usize| {
        session.edit(|l| {
            l.swap_entries::<E>(a, b);
        });
    };

    let rows = move || {
        let list = entries.get();
        let count = list.len();
        let lang = lang.get();
        let findings = session.findings.get();
        list.into_iter()
            .enumerate()
            .map(|(i, e)| {
                let name = entry_name(i18n, section, e.summary(lang), i);
                let has_errors = for_entry(&findings, section, Some(e.id())).any(|f| f.severity == Severity::Error);
                let edit_href = format!("{list_path}/{}", e.id());
                let name_for_edit = name.clone();
                let name_for_remove = name.clone();
                view! {
                    <li class="entry-list__item">
                        <span class="entry-list__name">{name}</span>
                        {has_errors.then(|| view! { <span class="tag tag--problem">{t!(i18n, state_has_problems)}</span> })}
                        <span class="entry-list__actions">
                            <A href=edit_href>
                                {t!(i18n, entry_change)}
                                <span class="visually-hidden">" " {name_for_edit}</span>
                            </A>
                            <Show when=move || { i > 0 }>
                                <button type="button" class="link-button" on:click=move |_| swap(i, i - 1)>
                                    {t!(i18n, entry_move_up)}
                                </button>
                            </Show>
                            <Show when=move || { i + 1 < count }>
                                <button type="button" class="link-button" on:click=move |_| swap(i, i + 1)>
                                    {t!(i18n, entry_move_down)}
                                </button>
                            </Show>
                            <button type="button" class="link-button link-button--danger" on:click=move |_| remove(i)>
                                {t!(i18n, entry_remove)}
                                <span class="visually-hidden">" " {name_for_remove.clone()}</span>
                            </button>
                        </span>
                    </li>
                }
            })
            .collect_view()
    };

    view! {
        <PageHeading title=Signal::derive(move || section_title(i18n, section)) />
        <p class="lead">{move || section_intro(i18n, section)}</p>
        <Show when=move || removed.with(Option::is_some)>
            <div class="notice notice--success" role="status">
                <p>{t!(i18n, entry_removed)}</p>
                <button type="button" class="button button--secondary" id=UNDO_ID on:click=undo>
                    {t!(i18n, entry_undo)}
                </button>
            </div>
        </Show>
        <Show when=move || !entries.with(Vec::is_empty) fallback=move || view! { <p>{t!(i18n, entry_none_yet)}</p> }>
            <ul class="entry-list">{rows.clone()}</ul>
        </Show>
        <div class="button-row">
            <button type="button" class="button" on:click=add>
                {move || add_label(i18n, section, entries.with(Vec::is_empty))}
            </button>
            <A href=base.clone() attr:class="button button--secondary">{t!(i18n, entry_done)}</A>
        </div>
    }
}

/// The form of one entry; `form` draws its fields.
#[component]
pub fn EntryPage<E: Entry + Send + Sync>(id: ItemId, form: fn(Lens<E>) -> AnyView) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let section = E::SECTION;
    let list_path = format!("{}/{}", draft_path(session), section.slug());
    let Some(entry) = session.entry::<E>(&id) else {
        return view! {
            <PageHeading title=Signal::derive(move || t_string!(i18n, entry_missing).to_string()) />
            <p><A href=list_path>{move || section_title(i18n, section)}</A></p>
        }
        .into_any();
    };
    let findings = Signal::derive(move || {
        session
            .findings
            .with(|f| for_entry(f, section, Some(&id)).cloned().collect())
    });
    view! {
        <FormFrame title=Signal::derive(move || entry_noun(i18n, section)) findings next=list_path>
            {form(entry)}
        </FormFrame>
    }
    .into_any()
}
