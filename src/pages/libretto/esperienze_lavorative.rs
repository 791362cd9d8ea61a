//! One work experience (Sezione 1, SAP sez. 4).

use leptos::prelude::*;
use sportello_core::libretto::{EsperienzaLavorativa, Fonte, TipoContratto};

use super::links::evidence_options;
use crate::components::form::choice::{Checkbox, CheckboxGroup, Radios, VocabSelect};
use crate::components::form::date_field::DateField;
use crate::components::form::text_field::{TextArea, TextField};
use crate::i18n::use_i18n;
use crate::store::draft_session::Lens;
use crate::{bind, tr};

pub fn form(e: Lens<EsperienzaLavorativa>) -> AnyView {
    let i18n = use_i18n();
    let ongoing = Signal::derive(move || e.with(|e| e.in_corso));
    view! {
        <TextField field="professione_descrizione" label=tr!(i18n, f_professione) hint=tr!(i18n, f_professione_hint)
            value=bind!(e, professione.descrizione) />
        <TextField field="datore" label=tr!(i18n, f_datore) hint=tr!(i18n, f_datore_hint) value=bind!(e, datore)
            autocomplete="organization" />
        <DateField field="inizio" label=tr!(i18n, f_inizio) hint=tr!(i18n, f_date_partial_hint) value=bind!(e, inizio) />
        <Checkbox field="in_corso" label=tr!(i18n, f_in_corso) value=bind!(e, in_corso) />
        <Show when=move || !ongoing.get()>
            <DateField field="fine" label=tr!(i18n, f_fine) hint=tr!(i18n, f_date_partial_hint) value=bind!(e, fine) />
        </Show>
        <TextArea field="mansioni" label=tr!(i18n, f_mansioni) hint=tr!(i18n, f_mansioni_hint) value=bind!(e, mansioni) />
        <VocabSelect<TipoContratto> field="tipo_contratto" label=tr!(i18n, f_tipo_contratto) value=bind!(e, tipo_contratto) />
        <TextField field="comune_sede" label=tr!(i18n, f_comune_sede) value=bind!(e, comune_sede) />
        <details class="details">
            <summary>{tr!(i18n, f_codes_summary)}</summary>
            <TextField field="settore_descrizione" label=tr!(i18n, f_settore) value=bind!(e, settore.descrizione) />
            <TextField field="settore_codice" label=tr!(i18n, f_settore_codice) hint=tr!(i18n, f_settore_codice_hint)
                value=bind!(e, settore.codice) width="input--short" />
            <TextField field="professione_codice" label=tr!(i18n, f_professione_codice)
                hint=tr!(i18n, f_professione_codice_hint) value=bind!(e, professione.codice) width="input--short" />
            <TextField field="datore_cf" label=tr!(i18n, f_datore_cf) value=bind!(e, datore_cf) width="input--medium" />
        </details>
        <Radios<Fonte> field="fonte" label=tr!(i18n, f_fonte) value=bind!(e, fonte).some() />
        <CheckboxGroup field="evidenze" label=tr!(i18n, f_evidenze) hint=tr!(i18n, f_evidenze_hint)
            options=evidence_options() value=bind!(e, evidenze) empty=tr!(i18n, f_evidenze_none) />
    }
    .into_any()
}
