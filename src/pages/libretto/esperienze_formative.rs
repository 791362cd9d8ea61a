//! One training course (Sezione 1, SAP sez. 5 "Formazione professionale").

use leptos::prelude::*;
use sportello_core::libretto::{Attestazione, EsperienzaFormativa, UnitaDurata};

use super::links::evidence_options;
use crate::components::form::Bound;
use crate::components::form::choice::{Checkbox, CheckboxGroup, VocabSelect};
use crate::components::form::date_field::DateField;
use crate::components::form::text_field::TextField;
use crate::i18n::use_i18n;
use crate::store::draft_session::Lens;
use crate::{bind, tr};

pub fn form(c: Lens<EsperienzaFormativa>) -> AnyView {
    let i18n = use_i18n();
    let stage = Signal::derive(move || c.with(|c| c.stage));
    // Typed as text so that a half-typed or wrong number stays visible; stored as a number.
    let durata_text =
        RwSignal::new(c.with_untracked(|c| c.durata.map(|d| d.to_string()).unwrap_or_default()));
    let durata = Bound {
        get: durata_text.into(),
        set: Callback::new(move |v: String| {
            durata_text.set(v.clone());
            let parsed = v.trim().parse::<u32>().ok();
            c.update(|c| {
                c.durata = if v.trim().is_empty() {
                    None
                } else {
                    parsed.or(Some(0))
                }
            });
        }),
    };
    view! {
        <TextField field="titolo" label=tr!(i18n, f_corso_titolo) value=bind!(c, titolo) />
        <TextField field="ente" label=tr!(i18n, f_ente) hint=tr!(i18n, f_ente_hint) value=bind!(c, ente) />
        <TextField field="durata" label=tr!(i18n, f_durata) value=durata inputmode="numeric" width="input--short" />
        <VocabSelect<UnitaDurata> field="unita_durata" label=tr!(i18n, f_unita_durata) value=bind!(c, unita_durata) />
        <DateField field="inizio" label=tr!(i18n, f_corso_inizio) hint=tr!(i18n, f_date_partial_hint) value=bind!(c, inizio) />
        <DateField field="fine" label=tr!(i18n, f_corso_fine) hint=tr!(i18n, f_date_partial_hint) value=bind!(c, fine) />
        <VocabSelect<Attestazione> field="attestazione" label=tr!(i18n, f_attestazione) value=bind!(c, attestazione) />
        <TextField field="regione" label=tr!(i18n, f_corso_regione) value=bind!(c, regione) />
        <Checkbox field="stage" label=tr!(i18n, f_stage) value=bind!(c, stage) />
        <Show when=move || stage.get()>
            <TextField field="azienda_stage" label=tr!(i18n, f_azienda_stage) value=bind!(c, azienda_stage) />
        </Show>
        <CheckboxGroup field="evidenze" label=tr!(i18n, f_evidenze) hint=tr!(i18n, f_evidenze_hint)
            options=evidence_options() value=bind!(c, evidenze) empty=tr!(i18n, f_evidenze_none) />
    }
    .into_any()
}
