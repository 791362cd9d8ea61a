//! One competence (Sezione 2): what the citizen can do, where it was learned, what proves it.

use leptos::prelude::*;
use sportello_core::libretto::{Competenza, Contesto, Tipologia, Vocabulary};

use super::links::{evidence_options, experience_options};
use crate::components::form::choice::{CheckboxGroup, Radios};
use crate::components::form::text_field::TextArea;
use crate::i18n::screen_lang;
use crate::i18n::{t, use_i18n};
use crate::store::draft_session::Lens;
use crate::{bind, tr};

pub fn form(c: Lens<Competenza>) -> AnyView {
    let i18n = use_i18n();
    let lang = screen_lang();
    let stato = move || c.with(|c| c.stato.label(lang.get()));
    view! {
        <TextArea field="descrizione" label=tr!(i18n, f_competenza_descrizione) hint=tr!(i18n, f_competenza_descrizione_hint)
            value=bind!(c, descrizione) rows=3 />
        <Radios<Tipologia> field="tipologia" label=tr!(i18n, f_tipologia) value=bind!(c, tipologia) />
        <Radios<Contesto> field="contesto" label=tr!(i18n, f_contesto) hint=tr!(i18n, f_contesto_hint) value=bind!(c, contesto) />
        <CheckboxGroup field="esperienze" label=tr!(i18n, f_competenza_esperienze) hint=tr!(i18n, f_competenza_esperienze_hint)
            options=experience_options() value=bind!(c, esperienze) empty=tr!(i18n, f_competenza_esperienze_none) />
        <CheckboxGroup field="evidenze" label=tr!(i18n, f_evidenze) hint=tr!(i18n, f_evidenze_hint)
            options=evidence_options() value=bind!(c, evidenze) empty=tr!(i18n, f_evidenze_none) />
        <p class="field">
            <span class="field__label">{t!(i18n, f_stato)}</span> " " {stato}
            <span class="field__hint">{t!(i18n, f_stato_hint)}</span>
        </p>
    }
    .into_any()
}
