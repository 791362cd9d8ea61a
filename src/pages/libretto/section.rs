//! `/libretto/:id/:sezione` and `/libretto/:id/:sezione/:voce`: which screen a section's
//! path opens, and each section's name.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use sportello_core::libretto::{ItemId, Section};

use crate::components::on_demand::{Loaded, on_demand};
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
    on_demand(move || screen(section.get(), None))
}

/// One entry's form.
#[component]
pub fn SectionEntryPage() -> impl IntoView {
    let section = path_section();
    let params = use_params_map();
    let voce = Memo::new(move |_| params.with(|p| ItemId(p.get("voce").unwrap_or_default())));
    on_demand(move || screen(section.get(), Some(voce.get())))
}

/// A section's screen, from that section's own chunk: a deep link into one section
/// downloads its screens, not the other eight sections'. Single-form sections have no
/// entries, so an entry path under them is not found.
async fn screen(section: Option<Section>, voce: Option<ItemId>) -> Loaded {
    match (section, voce) {
        (Some(Section::DatiPersonali), None) => split::dati_personali().await,
        (Some(Section::CompetenzeDigitali), None) => split::competenze_digitali().await,
        (Some(Section::Patenti), None) => split::patenti().await,
        (Some(Section::EsperienzeLavorative), voce) => split::esperienze_lavorative::screen(voce).await,
        (Some(Section::TitoliIstruzione), voce) => split::titoli::screen(voce).await,
        (Some(Section::EsperienzeFormative), voce) => split::esperienze_formative::screen(voce).await,
        (Some(Section::Lingue), voce) => split::lingue::screen(voce).await,
        (Some(Section::Competenze), voce) => split::competenze::screen(voce).await,
        (Some(Section::Evidenze), voce) => split::evidenze::screen(voce).await,
        _ => Ok(view! { <NotFoundPage /> }.into_any()),
    }
}

/// One split module per section (see `components::on_demand`).
mod split {
    use leptos::prelude::*;
    use leptos::wasm_split::wasm_split;
    use sportello_core::libretto::{
        Competenza, EsperienzaFormativa, EsperienzaLavorativa, Evidenza, ItemId, Lingua, TitoloIstruzione,
    };

    use super::super::entries::{EntryListPage, EntryPage};
    use super::super::{competenze_digitali, dati_personali, patenti};
    use crate::components::on_demand::Loaded;

    #[wasm_split(libretto_dati_personali, fallible, wasm_split_path = ::leptos::wasm_split)]
    pub fn dati_personali() -> Loaded {
        Ok(view! { <dati_personali::DatiPersonaliPage /> }.into_any())
    }

    #[wasm_split(libretto_competenze_digitali, fallible, wasm_split_path = ::leptos::wasm_split)]
    pub fn competenze_digitali() -> Loaded {
        Ok(view! { <competenze_digitali::CompetenzeDigitaliPage /> }.into_any())
    }

    #[wasm_split(libretto_patenti, fallible, wasm_split_path = ::leptos::wasm_split)]
    pub fn patenti() -> Loaded {
        Ok(view! { <patenti::PatentiPage /> }.into_any())
    }

    /// A repeated section's screens: its list and its entry form are chunks apart, for the
    /// list does not need the form kit.
    macro_rules! entries {
        ($section:ident, $list:ident, $form_module:ident, $entry:ty, $form:path) => {
            pub mod $section {
                use super::*;

                pub async fn screen(voce: Option<ItemId>) -> Loaded {
                    match voce {
                        None => list().await,
                        Some(id) => entry(id).await,
                    }
                }

                #[wasm_split($list, fallible, wasm_split_path = ::leptos::wasm_split)]
                fn list() -> Loaded {
                    Ok(view! { <EntryListPage<$entry> /> }.into_any())
                }

                #[wasm_split($form_module, fallible, wasm_split_path = ::leptos::wasm_split)]
                fn entry(id: ItemId) -> Loaded {
                    Ok(view! { <EntryPage<$entry> id form=$form /> }.into_any())
                }
            }
        };
    }

    use crate::pages::libretto as pages;
    entries!(
        esperienze_lavorative,
        libretto_esperienze_lavorative,
        libretto_esperienza_lavorativa,
        EsperienzaLavorativa,
        pages::esperienze_lavorative::form
    );
    entries!(
        titoli,
        libretto_titoli,
        libretto_titolo,
        TitoloIstruzione,
        pages::titoli::form
    );
    entries!(
        esperienze_formative,
        libretto_esperienze_formative,
        libretto_esperienza_formativa,
        EsperienzaFormativa,
        pages::esperienze_formative::form
    );
    entries!(
        lingue,
        libretto_lingue,
        libretto_lingua,
        Lingua,
        pages::lingue::form
    );
    entries!(
        competenze,
        libretto_competenze,
        libretto_competenza,
        Competenza,
        pages::competenze::form
    );
    entries!(
        evidenze,
        libretto_evidenze,
        libretto_evidenza,
        Evidenza,
        pages::evidenze::form
    );
}
