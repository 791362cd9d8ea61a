//! One document of the dossier: what it is, who issued it, the file, and what it supports.

use leptos::prelude::*;
use sportello_core::libretto::{CategoriaEvidenza, Evidenza};

use super::draft::use_session;
use crate::components::evidence_file::EvidenceFileField;
use crate::components::form::choice::Radios;
use crate::components::form::date_field::DateField;
use crate::components::form::text_field::TextField;
use crate::i18n::screen_lang;
use crate::i18n::{t, use_i18n};
use crate::store::draft_session::Lens;
use crate::{bind, tr};

pub fn form(e: Lens<Evidenza>) -> AnyView {
    let i18n = use_i18n();
    let session = use_session();
    let lang = screen_lang();
    // What points at this document (links are kept on the experiences and competences).
    // What points at this document (links are kept on the experiences and competences).
    let linked_from = move || {
        let id = e.with(|e| e.id.clone());
        let lang = lang.get();
        session.draft.with(|d| d.libretto.references_to(&id, lang))
    };
    view! {
        <TextField field="titolo" label=tr!(i18n, f_evidenza_titolo) hint=tr!(i18n, f_evidenza_titolo_hint) value=bind!(e, titolo) />
        <Radios<CategoriaEvidenza> field="categoria" label=tr!(i18n, f_categoria) value=bind!(e, categoria) />
        <TextField field="emesso_da" label=tr!(i18n, f_emesso_da) value=bind!(e, emesso_da) />
        <DateField field="data" label=tr!(i18n, f_evidenza_data) hint=tr!(i18n, f_date_partial_hint) value=bind!(e, data) />
        <EvidenceFileField value=bind!(e, file) />
        <div class="field">
            <h2 class="field__label">{t!(i18n, f_collegato_a)}</h2>
            {move || {
                let names = linked_from();
                if names.is_empty() {
                    view! { <p class="field__hint">{t!(i18n, f_collegato_a_none)}</p> }.into_any()
                } else {
                    view! { <ul>{names.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul> }.into_any()
                }
            }}
        </div>
    }
    .into_any()
}
