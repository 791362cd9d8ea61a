//! One language, with a CEFR level for each of the five Europass dimensions.

use leptos::prelude::*;
use sportello_core::libretto::{Cefr, Lingua};

use crate::components::form::choice::{Checkbox, VocabSelect};
use crate::components::form::text_field::TextField;
use crate::i18n::use_i18n;
use crate::store::draft_session::Lens;
use crate::{bind, tr};

pub fn form(l: Lens<Lingua>) -> AnyView {
    let i18n = use_i18n();
    let native = Signal::derive(move || l.with(|l| l.madrelingua));
    view! {
        <TextField field="lingua" label=tr!(i18n, f_lingua) hint=tr!(i18n, f_lingua_hint) value=bind!(l, lingua) />
        <Checkbox field="madrelingua" label=tr!(i18n, f_madrelingua) value=bind!(l, madrelingua) />
        <Show when=move || !native.get()>
            <p class="field__hint">{tr!(i18n, f_cefr_hint)}</p>
            <VocabSelect<Cefr> field="ascolto" label=tr!(i18n, f_ascolto) value=bind!(l, ascolto) />
            <VocabSelect<Cefr> field="lettura" label=tr!(i18n, f_lettura) value=bind!(l, lettura) />
            <VocabSelect<Cefr> field="interazione" label=tr!(i18n, f_interazione) value=bind!(l, interazione) />
            <VocabSelect<Cefr> field="produzione_orale" label=tr!(i18n, f_produzione_orale) value=bind!(l, produzione_orale) />
            <VocabSelect<Cefr> field="scrittura" label=tr!(i18n, f_scrittura) value=bind!(l, scrittura) />
            <TextField field="certificato" label=tr!(i18n, f_certificato) value=bind!(l, certificato) />
        </Show>
    }
    .into_any()
}
