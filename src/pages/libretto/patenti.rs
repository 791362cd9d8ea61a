//! Driving licences (EU categories) and other licences or permits in words.

use leptos::prelude::*;
use sportello_core::libretto::{Patente, Section};

use super::draft::use_session;
use super::form_frame::SectionForm;
use crate::components::form::choice::{CheckboxGroup, vocab_options};
use crate::components::form::text_field::TextArea;
use crate::i18n::use_i18n;
use crate::{bind, tr};

#[component]
pub fn PatentiPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let p = session.part(|l| &l.patenti, |l| &mut l.patenti);
    view! {
        <SectionForm section=Section::Patenti>
            <CheckboxGroup field="categorie" label=tr!(i18n, f_patenti_categorie) options={vocab_options::<Patente>()}
                value=bind!(p, categorie) />
            <TextArea field="altre" label=tr!(i18n, f_patenti_altre) hint=tr!(i18n, f_patenti_altre_hint)
                value=bind!(p, altre) rows=3 />
        </SectionForm>
    }
}
