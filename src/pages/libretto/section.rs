//! `/libretto/:id/:sezione` and `/libretto/:id/:sezione/:voce`: which screen a section's
//! path opens, and each section's name.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use sportello_core::libretto::{
    Competenza, EsperienzaFormativa, EsperienzaLavorativa, Evidenza, ItemId, Lingua, Section,
    TitoloIstruzione,
};

use super::entries::{EntryListPage, EntryPage};
use super::{
    competenze, competenze_digitali, dati_personali, esperienze_formative, esperienze_lavorative, evidenze,
    lingue, patenti, titoli,
};
use crate::pages::not_found::NotFoundPage;

/// The section in the path, as a memo: moving from one section or entry to another keeps
/// the same route, so the screen must follow the parameters, not be read once.
fn path_section() -> Memo<Option<Section>> {
    let params = use_params_map();
    Memo::new(move |_| params.with(|p| p.get("sezione").and_then(|s| Section::from_slug(&s))))
}

/// One section's screen: a form for single-form sections, the list for repeated ones.
#[component]
pub fn SectionPage() -> impl IntoView {
    let section = path_section();
    move || match section.get() {
        Some(Section::DatiPersonali) => view! { <dati_personali::DatiPersonaliPage /> }.into_any(),
        Some(Section::CompetenzeDigitali) => {
            view! { <competenze_digitali::CompetenzeDigitaliPage /> }.into_any()
        }
        Some(Section::Patenti) => view! { <patenti::PatentiPage /> }.into_any(),
        Some(Section::EsperienzeLavorative) => view! { <EntryListPage<EsperienzaLavorativa> /> }.into_any(),
        Some(Section::TitoliIstruzione) => view! { <EntryListPage<TitoloIstruzione> /> }.into_any(),
        Some(Section::EsperienzeFormative) => view! { <EntryListPage<EsperienzaFormativa> /> }.into_any(),
        Some(Section::Lingue) => view! { <EntryListPage<Lingua> /> }.into_any(),
        Some(Section::Competenze) => view! { <EntryListPage<Competenza> /> }.into_any(),
        Some(Section::Evidenze) => view! { <EntryListPage<Evidenza> /> }.into_any(),
        None => view! { <NotFoundPage /> }.into_any(),
    }
}

/// One entry's form.
#[component]
pub fn SectionEntryPage() -> impl IntoView {
    let section = path_section();
    let params = use_params_map();
    let voce = Memo::new(move |_| params.with(|p| ItemId(p.get("voce").unwrap_or_default())));
    move || {
        let voce = voce.get();
        match section.get() {
            Some(Section::EsperienzeLavorative) => {
                view! { <EntryPage<EsperienzaLavorativa> id=voce form=esperienze_lavorative::form /> }
                    .into_any()
            }
            Some(Section::TitoliIstruzione) => {
                view! { <EntryPage<TitoloIstruzione> id=voce form=titoli::form /> }.into_any()
            }
            Some(Section::EsperienzeFormative) => {
                view! { <EntryPage<EsperienzaFormativa> id=voce form=esperienze_formative::form /> }
                    .into_any()
            }
            Some(Section::Lingue) => view! { <EntryPage<Lingua> id=voce form=lingue::form /> }.into_any(),
            Some(Section::Competenze) => {
                view! { <EntryPage<Competenza> id=voce form=competenze::form /> }.into_any()
            }
            Some(Section::Evidenze) => {
                view! { <EntryPage<Evidenza> id=voce form=evidenze::form /> }.into_any()
            }
            _ => view! { <NotFoundPage /> }.into_any(),
        }
    }
}
