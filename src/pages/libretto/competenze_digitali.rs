//! Digital skills: a self-assessment in DigComp's five areas.

use leptos::prelude::*;
use sportello_core::libretto::{LivelloDigitale, Section};

use super::draft::use_session;
use super::form_frame::SectionForm;
use crate::components::form::choice::Radios;
use crate::components::form::text_field::TextArea;
use crate::i18n::use_i18n;
use crate::{bind, tr};

#[component]
pub fn CompetenzeDigitaliPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let d = session.part(|l| &l.competenze_digitali, |l| &mut l.competenze_digitali);
    view! {
        <SectionForm section=Section::CompetenzeDigitali>
            <Radios<LivelloDigitale> field="informazione" label=tr!(i18n, f_dig_informazione)
                hint=tr!(i18n, f_dig_informazione_hint) value=bind!(d, informazione) />
            <Radios<LivelloDigitale> field="comunicazione" label=tr!(i18n, f_dig_comunicazione)
                hint=tr!(i18n, f_dig_comunicazione_hint) value=bind!(d, comunicazione) />
            <Radios<LivelloDigitale> field="creazione_contenuti" label=tr!(i18n, f_dig_creazione)
                hint=tr!(i18n, f_dig_creazione_hint) value=bind!(d, creazione_contenuti) />
            <Radios<LivelloDigitale> field="sicurezza" label=tr!(i18n, f_dig_sicurezza)
                hint=tr!(i18n, f_dig_sicurezza_hint) value=bind!(d, sicurezza) />
            <Radios<LivelloDigitale> field="risoluzione_problemi" label=tr!(i18n, f_dig_problemi)
                hint=tr!(i18n, f_dig_problemi_hint) value=bind!(d, risoluzione_problemi) />
            <TextArea field="note" label=tr!(i18n, f_dig_note) value=bind!(d, note) rows=3 />
        </SectionForm>
    }
}
