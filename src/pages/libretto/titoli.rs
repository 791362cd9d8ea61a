//! One school or university title (Sezione 1, SAP sez. 5), with its EQF/QNQ level.

use leptos::prelude::*;
use sportello_core::libretto::TitoloIstruzione;

use super::links::evidence_options;
use crate::components::eqf::eqf_label;
use crate::components::form::choice::{Checkbox, CheckboxGroup, Select};
use crate::components::form::date_field::DateField;
use crate::components::form::text_field::TextField;
use crate::i18n::use_i18n;
use crate::store::draft_session::Lens;
use crate::{bind, tr};

fn eqf_options() -> Signal<Vec<(u8, String)>> {
    let i18n = use_i18n();
    Signal::derive(move || {
        (1..=8)
            .map(|l| (l, format!("{l} – {}", eqf_label(i18n, l))))
            .collect()
    })
}

pub fn form(t: Lens<TitoloIstruzione>) -> AnyView {
    let i18n = use_i18n();
    view! {
        <TextField field="denominazione" label=tr!(i18n, f_denominazione) hint=tr!(i18n, f_denominazione_hint)
            value=bind!(t, denominazione) />
        <Select field="livello_eqf" label=tr!(i18n, f_livello_eqf) hint=Some(tr!(i18n, f_livello_eqf_hint))
            value=bind!(t, livello_eqf) options=eqf_options() key=|l: &u8| l.to_string() />
        <TextField field="istituto" label=tr!(i18n, f_istituto) value=bind!(t, istituto) />
        <TextField field="luogo" label=tr!(i18n, f_luogo) value=bind!(t, luogo) />
        <Checkbox field="completato" label=tr!(i18n, f_completato) value=bind!(t, completato) />
        <DateField field="anno" label=tr!(i18n, f_anno_titolo) hint=tr!(i18n, f_date_partial_hint) value=bind!(t, anno) />
        <TextField field="votazione" label=tr!(i18n, f_votazione) value=bind!(t, votazione) width="input--short" />
        <CheckboxGroup field="evidenze" label=tr!(i18n, f_evidenze) hint=tr!(i18n, f_evidenze_hint)
            options=evidence_options() value=bind!(t, evidenze) empty=tr!(i18n, f_evidenze_none) />
    }
    .into_any()
}
