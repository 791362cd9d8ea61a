//! A date as three fields (day, month, year), GOV.UK style: numeric keypads on phones, no
//! auto-advance between fields, and the day optional where a month or a year is enough.

use leptos::prelude::*;
use sportello_core::libretto::{DateError, PartialDate};

use super::text_field::{FieldFrame, described_by, invalid};
use super::{Bound, field_id, use_form};
use crate::i18n::{t, use_i18n};

#[component]
pub fn DateField(
    field: &'static str,
    label: Signal<String>,
    value: Bound<Option<PartialDate>>,
    #[prop(optional)] hint: Option<Signal<String>>,
    /// A date of birth or an expiry needs the day; elsewhere a month or a year will do.
    #[prop(optional)]
    full: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let form = use_form();
    // What was typed, kept even when it is not (yet) a date: the field keeps it.
    let (d, m, y) = value.get.get_untracked().map(|v| v.parts()).unwrap_or_default();
    let day = RwSignal::new(d);
    let month = RwSignal::new(m);
    let year = RwSignal::new(y);
    let update = move || {
        let parsed = PartialDate::from_parts(
            &day.get_untracked(),
            &month.get_untracked(),
            &year.get_untracked(),
        );
        let parsed = parsed.and_then(|v| match v {
            Some(d) if full && d.to_date().is_none() => Err(DateError::DayMissing),
            other => Ok(other),
        });
        match parsed {
            Ok(v) => {
                value.set.run(v);
                if let Some(f) = form {
                    f.set_date_error(field, None);
                }
            }
            Err(e) => {
                if let Some(f) = form {
                    f.set_date_error(field, Some(e));
                }
            }
        }
    };
    let id = field_id(field);
    // The day box carries the field's own id: the error summary links to the first box.
    let day_id = id.clone();
    let month_id = format!("{id}-mese");
    let year_id = format!("{id}-anno");
    let has_hint = hint.is_some();
    let described = described_by(field, has_hint);
    view! {
        <FieldFrame field label hint fieldset=true>
            <div class="date-input">
                <div class="date-input__item">
                    <label for=day_id.clone()>{t!(i18n, date_day)}</label>
                    <input
                        id=day_id
                        class="input input--2"
                        inputmode="numeric"
                        maxlength="2"
                        aria-describedby=described
                        aria-invalid=invalid(field)
                        prop:value=move || day.get()
                        on:input=move |ev| {
                            day.set(event_target_value(&ev));
                            update();
                        }
                    />
                </div>
                <div class="date-input__item">
                    <label for=month_id.clone()>{t!(i18n, date_month)}</label>
                    <input
                        id=month_id
                        class="input input--2"
                        inputmode="numeric"
                        maxlength="2"
                        aria-invalid=invalid(field)
                        prop:value=move || month.get()
                        on:input=move |ev| {
                            month.set(event_target_value(&ev));
                            update();
                        }
                    />
                </div>
                <div class="date-input__item">
                    <label for=year_id.clone()>{t!(i18n, date_year)}</label>
                    <input
                        id=year_id
                        class="input input--4"
                        inputmode="numeric"
                        maxlength="4"
                        aria-invalid=invalid(field)
                        prop:value=move || year.get()
                        on:input=move |ev| {
                            year.set(event_target_value(&ev));
                            update();
                        }
                    />
                </div>
            </div>
        </FieldFrame>
    }
}
