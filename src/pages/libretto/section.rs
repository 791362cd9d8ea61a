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
pub use crate::components::section_label::{section_title, state_label};
use crate::i18n::t_string;
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

/// The name of one entry of a section ("Esperienza lavorativa"), for headings.
pub fn entry_noun(i18n: crate::I18n, section: Section) -> String {
    match section {
        Section::EsperienzeLavorative => t_string!(i18n, entry_esperienza_lavorativa),
        Section::TitoliIstruzione => t_string!(i18n, entry_titolo),
        Section::EsperienzeFormative => t_string!(i18n, entry_corso),
        Section::Lingue => t_string!(i18n, entry_lingua),
        Section::Competenze => t_string!(i18n, entry_competenza),
        Section::Evidenze => t_string!(i18n, entry_evidenza),
        _ => t_string!(i18n, entry_generic),
    }
    .to_string()
}

/// How an entry is named in lists and links: its summary, or "Documento 2" while empty.
pub fn entry_name(i18n: crate::I18n, section: Section, summary: String, index: usize) -> String {
    if summary.is_empty() {
        format!("{} {}", entry_noun(i18n, section), index + 1)
    } else {
        summary
    }
}

/// "Aggiungi un'altra esperienza" and its first-time form.
pub fn add_label(i18n: crate::I18n, section: Section, first: bool) -> String {
    match (section, first) {
        (Section::EsperienzeLavorative, true) => t_string!(i18n, add_first_esperienza),
        (Section::EsperienzeLavorative, false) => t_string!(i18n, add_esperienza),
        (Section::TitoliIstruzione, true) => t_string!(i18n, add_first_titolo),
        (Section::TitoliIstruzione, false) => t_string!(i18n, add_titolo),
        (Section::EsperienzeFormative, true) => t_string!(i18n, add_first_corso),
        (Section::EsperienzeFormative, false) => t_string!(i18n, add_corso),
        (Section::Lingue, true) => t_string!(i18n, add_first_lingua),
        (Section::Lingue, false) => t_string!(i18n, add_lingua),
        (Section::Competenze, true) => t_string!(i18n, add_first_competenza),
        (Section::Competenze, false) => t_string!(i18n, add_competenza),
        (_, true) => t_string!(i18n, add_first_evidenza),
        (_, false) => t_string!(i18n, add_evidenza),
    }
    .to_string()
}

/// The explanation under a section's heading.
pub fn section_intro(i18n: crate::I18n, section: Section) -> String {
    match section {
        Section::DatiPersonali => t_string!(i18n, intro_dati_personali),
        Section::EsperienzeLavorative => t_string!(i18n, intro_esperienze_lavorative),
        Section::TitoliIstruzione => t_string!(i18n, intro_titoli_istruzione),
        Section::EsperienzeFormative => t_string!(i18n, intro_esperienze_formative),
        Section::Lingue => t_string!(i18n, intro_lingue),
        Section::CompetenzeDigitali => t_string!(i18n, intro_competenze_digitali),
        Section::Patenti => t_string!(i18n, intro_patenti),
        Section::Competenze => t_string!(i18n, intro_competenze),
        Section::Evidenze => t_string!(i18n, intro_evidenze),
    }
    .to_string()
}
