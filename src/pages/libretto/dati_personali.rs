//! Sezione 1, informazioni personali: identity, codice fiscale, residence, contacts and, for
//! non-EU citizens, the residence permit.

use leptos::prelude::*;
use sportello_core::codice_fiscale::CodiceFiscale;
use sportello_core::libretto::validation::validate_places;
use sportello_core::libretto::{DatiPersonali, Indirizzo, PartialDate, Section, Sesso, TitoloSoggiorno};
use sportello_core::programmes::EmploymentStatus;

use super::draft::use_session;
use super::form_frame::SectionForm;
use crate::components::employment_status::employment_status_label;
use crate::components::form::Bound;
use crate::components::form::choice::{Checkbox, Radios, Select};
use crate::components::form::date_field::DateField;
use crate::components::form::text_field::TextField;
use crate::i18n::use_i18n;
use crate::{bind, tr};

/// A full date kept as `NaiveDate`, offered through the three-field date component.
fn full_date(b: Bound<Option<chrono::NaiveDate>>) -> Bound<Option<PartialDate>> {
    Bound {
        get: Signal::derive(move || b.get.get().map(PartialDate::from)),
        set: Callback::new(move |v: Option<PartialDate>| b.set.run(v.and_then(|d| d.to_date()))),
    }
}

/// An optional block (domicile, permit) shown when its box is ticked.
fn presence<T: Default + Clone + Send + Sync + 'static>(b: Bound<Option<T>>) -> Bound<bool> {
    Bound {
        get: Signal::derive(move || b.get.with(Option::is_some)),
        set: Callback::new(move |on: bool| b.set.run(on.then(T::default))),
    }
}

#[component]
pub fn DatiPersonaliPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let p = session.part(|l| &l.dati_personali, |l| &mut l.dati_personali);
    let has_domicile = presence::<Indirizzo>(bind!(p, domicilio));
    let has_permit = presence::<TitoloSoggiorno>(bind!(p, titolo_soggiorno));
    let statuses = Signal::derive(move || {
        [
            EmploymentStatus::Disoccupato,
            EmploymentStatus::Inoccupato,
            EmploymentStatus::Occupato,
            EmploymentStatus::Autonomo,
            EmploymentStatus::Inattivo,
        ]
        .into_iter()
        .map(|s| (s, employment_status_label(i18n, s).to_owned()))
        .collect::<Vec<_>>()
    });
    let domicile = move |f: fn(&mut DatiPersonali) -> &mut String, g: fn(&DatiPersonali) -> String| Bound {
        get: Signal::derive(move || p.with(g)),
        set: Callback::new(move |v: String| p.update(|x| *f(x) = v)),
    };
    // Typed in groups (`RSS MRA …`, `RSS-MRA-…`), the code is kept as typed until it is a
    // valid code, then shown and saved in its one form.
    let codice_fiscale = Bound {
        get: Signal::derive(move || p.with(|x| x.codice_fiscale.clone())),
        set: Callback::new(move |v: String| {
            let code = CodiceFiscale::parse(&v).map_or(v, |c| c.code().to_owned());
            p.update(|x| x.codice_fiscale = code);
        }),
    };
    // The place in the code and the birthplace typed, checked against the Belfiore table once
    // it has arrived (which also offers its places while the birthplace is typed); until then,
    // or if it cannot be fetched, the code's form is all that is checked.
    let places = LocalResource::new(crate::api::places::table);
    let place_findings = Signal::derive(move || match places.get() {
        Some(Ok(table)) => p.with(|x| validate_places(x, &table)),
        _ => Vec::new(),
    });
    let birthplaces = Signal::derive(move || match places.get() {
        Some(Ok(table)) => p.with(|x| table.suggest(&x.luogo_nascita, 12)),
        _ => Vec::new(),
    });
    view! {
        <SectionForm section=Section::DatiPersonali also=place_findings>
            <TextField field="nome" label=tr!(i18n, f_nome) value=bind!(p, nome) autocomplete="given-name" />
            <TextField field="cognome" label=tr!(i18n, f_cognome) value=bind!(p, cognome) autocomplete="family-name" />
            <TextField field="codice_fiscale" label=tr!(i18n, f_codice_fiscale) hint=tr!(i18n, f_codice_fiscale_hint)
                value=codice_fiscale width="input--medium" />
            <Radios<Sesso> field="sesso" label=tr!(i18n, f_sesso) value=bind!(p, sesso) />
            <DateField field="data_nascita" label=tr!(i18n, f_data_nascita) hint=tr!(i18n, f_data_nascita_hint)
                value=full_date(bind!(p, data_nascita)) full=true />
            <TextField field="luogo_nascita" label=tr!(i18n, f_luogo_nascita) hint=tr!(i18n, f_luogo_nascita_hint)
                value=bind!(p, luogo_nascita) suggestions=birthplaces autocomplete="off" />
            <TextField field="cittadinanza" label=tr!(i18n, f_cittadinanza) value=bind!(p, cittadinanza) />
            <fieldset class="fieldset">
                <legend class="fieldset__legend">{tr!(i18n, f_residenza)}</legend>
                <TextField field="residenza_indirizzo" label=tr!(i18n, f_indirizzo) value=bind!(p, residenza.indirizzo)
                    autocomplete="street-address" />
                <TextField field="residenza_cap" label=tr!(i18n, f_cap) value=bind!(p, residenza.cap) inputmode="numeric"
                    autocomplete="postal-code" width="input--short" />
                <TextField field="residenza_comune" label=tr!(i18n, f_comune) value=bind!(p, residenza.comune) />
                <TextField field="residenza_provincia" label=tr!(i18n, f_provincia) hint=tr!(i18n, f_provincia_hint)
                    value=bind!(p, residenza.provincia) width="input--short" />
                <TextField field="residenza_regione" label=tr!(i18n, f_regione) value=bind!(p, residenza.regione) />
            </fieldset>
            <Checkbox field="domicilio_diverso" label=tr!(i18n, f_domicilio_diverso) value=has_domicile />
            <Show when=move || has_domicile.get.get()>
                <fieldset class="fieldset">
                    <legend class="fieldset__legend">{tr!(i18n, f_domicilio)}</legend>
                    <TextField field="domicilio_indirizzo" label=tr!(i18n, f_indirizzo)
                        value=domicile(|x| &mut x.domicilio.get_or_insert_default().indirizzo, |x| x.domicilio.clone().unwrap_or_default().indirizzo) />
                    <TextField field="domicilio_cap" label=tr!(i18n, f_cap) inputmode="numeric" width="input--short"
                        value=domicile(|x| &mut x.domicilio.get_or_insert_default().cap, |x| x.domicilio.clone().unwrap_or_default().cap) />
                    <TextField field="domicilio_comune" label=tr!(i18n, f_comune)
                        value=domicile(|x| &mut x.domicilio.get_or_insert_default().comune, |x| x.domicilio.clone().unwrap_or_default().comune) />
                    <TextField field="domicilio_provincia" label=tr!(i18n, f_provincia) width="input--short"
                        value=domicile(|x| &mut x.domicilio.get_or_insert_default().provincia, |x| x.domicilio.clone().unwrap_or_default().provincia) />
                </fieldset>
            </Show>
            <TextField field="telefono" label=tr!(i18n, f_telefono) value=bind!(p, telefono) input_type="tel" autocomplete="tel" />
            <TextField field="email" label=tr!(i18n, f_email) value=bind!(p, email) input_type="email" autocomplete="email" />
            <Select field="condizione_occupazionale" label=tr!(i18n, q_employment_status) hint=None
                value=bind!(p, condizione_occupazionale) options=statuses
                key=|s: &EmploymentStatus| format!("{s:?}") />
            <Checkbox field="soggiorno" label=tr!(i18n, f_soggiorno) value=has_permit />
            <Show when=move || has_permit.get.get()>
                <fieldset class="fieldset">
                    <legend class="fieldset__legend">{tr!(i18n, f_soggiorno_legend)}</legend>
                    <TextField field="soggiorno_tipo" label=tr!(i18n, f_soggiorno_tipo)
                        value=domicile(|x| &mut x.titolo_soggiorno.get_or_insert_default().tipo, |x| x.titolo_soggiorno.clone().unwrap_or_default().tipo) />
                    <TextField field="soggiorno_numero" label=tr!(i18n, f_soggiorno_numero) width="input--medium"
                        value=domicile(|x| &mut x.titolo_soggiorno.get_or_insert_default().numero, |x| x.titolo_soggiorno.clone().unwrap_or_default().numero) />
                    <TextField field="soggiorno_motivo" label=tr!(i18n, f_soggiorno_motivo)
                        value=domicile(|x| &mut x.titolo_soggiorno.get_or_insert_default().motivo, |x| x.titolo_soggiorno.clone().unwrap_or_default().motivo) />
                    <DateField field="soggiorno_scadenza" label=tr!(i18n, f_soggiorno_scadenza) full=true
                        value=full_date(Bound {
                            get: Signal::derive(move || p.with(|x| x.titolo_soggiorno.as_ref().and_then(|t| t.scadenza))),
                            set: Callback::new(move |v| p.update(|x| x.titolo_soggiorno.get_or_insert_default().scadenza = v)),
                        }) />
                </fieldset>
            </Show>
        </SectionForm>
    }
}
