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
        (Some(Section::EsperienzeLavorative), voce) => split::esperienze_lavorative(voce).await,
        (Some(Section::TitoliIstruzione), voce) => split::titoli(voce).await,
        (Some(Section::EsperienzeFormative), voce) => split::esperienze_formative(voce).await,
        (Some(Section::Lingue), voce) => split::lingue(voce).await,
        (Some(Section::Competenze), voce) => split::competenze(voce).await,
        (Some(Section::Evidenze), voce) => split::evidenze(voce).await,
        _ => Ok(view! { <NotFoundPage /> }.into_any()),
    }
}

/// One split module per section (see `components::on_demand`).
mod split {
    use leptos::prelude::*;
    use sportello_core::libretto::{
        Competenza, EsperienzaFormativa, EsperienzaLavorativa, Evidenza, ItemId, Lingua, TitoloIstruzione,
    };

    use super::super::entries::{EntryListPage, EntryPage};
    use crate::components::on_demand::{Loaded, split_fn, split_screen};
    use crate::pages::libretto as pages;
    use pages::competenze_digitali::CompetenzeDigitaliPage;
    use pages::dati_personali::DatiPersonaliPage;
    use pages::patenti::PatentiPage;

    // Every form of the Libretto is one chunk: they share the form kit, and one chunk for
    // all is far fewer files to fetch than the pieces nine separate ones would share.
    split_screen!(libretto_forms, dati_personali, DatiPersonaliPage);
    split_screen!(libretto_forms, competenze_digitali, CompetenzeDigitaliPage);
    split_screen!(libretto_forms, patenti, PatentiPage);

    /// A repeated section's screens: its list is a chunk of its own (a deep link into a
    /// section needs only that), its entry form is with the other forms.
    macro_rules! entries {
        ($section:ident, $list:ident, $entry_fn:ident, $entry:ty, $form:path) => {
            pub async fn $section(voce: Option<ItemId>) -> Loaded {
                match voce {
                    None => $list().await,
                    Some(id) => $entry_fn(id).await,
                }
            }

            split_fn!(
                $list,
                fn $list() -> Loaded {
                    Ok(view! { <EntryListPage<$entry> /> }.into_any())
                }
            );

            split_fn!(
                libretto_forms,
                fn $entry_fn(id: ItemId) -> Loaded {
                    Ok(view! { <EntryPage<$entry> id form=$form /> }.into_any())
                }
            );
        };
    }

    entries!(
        esperienze_lavorative,
        libretto_esperienze_lavorative,
        esperienza_lavorativa,
        EsperienzaLavorativa,
        pages::esperienze_lavorative::form
    );
    entries!(
        titoli,
        libretto_titoli,
        titolo,
        TitoloIstruzione,
        pages::titoli::form
    );
    entries!(
        esperienze_formative,
        libretto_esperienze_formative,
        esperienza_formativa,
        EsperienzaFormativa,
        pages::esperienze_formative::form
    );
    entries!(lingue, libretto_lingue, lingua, Lingua, pages::lingue::form);
    entries!(
        competenze,
        libretto_competenze,
        competenza,
        Competenza,
        pages::competenze::form
    );
    entries!(
        evidenze,
        libretto_evidenze,
        evidenza,
        Evidenza,
        pages::evidenze::form
    );
}
