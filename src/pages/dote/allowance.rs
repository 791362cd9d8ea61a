//! Dote Lavoro 2009's participation allowance spread over the months chosen; the total, the
//! months and the source come from the programme file.

use leptos::prelude::*;
use sportello_core::money::format_eur;
use sportello_core::programmes::dote;

use crate::i18n::screen_lang;
use crate::i18n::{t, t_string, use_i18n};

#[component]
pub fn Allowance() -> impl IntoView {
    let i18n = use_i18n();
    let lang = screen_lang();
    let Some(amount) = dote::participation_allowance() else {
        return ().into_any();
    };
    let max_months = amount.months.unwrap_or(1).max(1);
    let months = RwSignal::new(max_months);
    let total = amount.max;
    let label = amount.label.clone();
    view! {
        <section aria-labelledby="indennita" class="allowance">
            <h2 id="indennita">{t!(i18n, dote_allowance_heading)}</h2>
            <p>{move || format!("{}: {}. {}", label.pick(lang.get()), format_eur(total, lang.get()), t_string!(i18n, dote_allowance_who))}</p>
            <div class="field">
                <label class="field__label" for="campo-mesi-indennita">{t!(i18n, dote_allowance_months)}</label>
                <select
                    id="campo-mesi-indennita"
                    class="input select"
                    on:change=move |ev| {
                        if let Ok(m) = event_target_value(&ev).parse() {
                            months.set(m);
                        }
                    }
                >
                    {(1..=max_months).rev().map(|m| view! { <option value=m.to_string()>{m}</option> }).collect_view()}
                </select>
            </div>
            <p role="status">
                {move || dote::monthly_allowance(total, months.get()).map(|per_month| {
                    format!("{} {}", t_string!(i18n, dote_allowance_per_month), format_eur(per_month, lang.get()))
                })}
            </p>
            <p class="source">{t!(i18n, result_source)} " " {amount.source.clone()}</p>
        </section>
    }
    .into_any()
}
