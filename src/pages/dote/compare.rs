//! Two or three saved scenarios side by side: fascia, budget, each service's quantity and
//! cost, total and what is left. A table with one column per scenario; on a phone it
//! scrolls sideways inside its own box instead of widening the page.

use leptos::prelude::*;
use rust_decimal::Decimal;
use sportello_core::money::format_eur;
use sportello_core::programmes::dote::{self, Scenario};
use sportello_core::records::SimulationRecord;

use crate::i18n::screen_lang;
use crate::i18n::{t, t_string, use_i18n};
use crate::store::StoreError;

#[component]
pub fn CompareScenarios(
    saved: LocalResource<Result<Vec<SimulationRecord>, StoreError>>,
    compare: RwSignal<Vec<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let lang = screen_lang();
    let chosen = move || {
        let ids = compare.get();
        let all = saved.get().and_then(Result::ok).unwrap_or_default();
        ids.iter()
            .filter_map(|id| all.iter().find(|r| &r.id == id))
            .filter_map(|r| {
                Some((
                    r.name.clone(),
                    serde_json::from_value::<Scenario>(r.body.clone()).ok()?,
                ))
            })
            .collect::<Vec<_>>()
    };
    let table = move || {
        let columns = chosen();
        if columns.len() < 2 {
            return view! { <p class="hint">{t!(i18n, dote_compare_hint)}</p> }.into_any();
        }
        let lang = lang.get();
        let fasce = dote::fasce();
        let fascia_name = |s: &Scenario| {
            s.fascia
                .as_deref()
                .and_then(|id| fasce.iter().find(|f| f.id == id))
                .map(|f| f.name.pick(lang).to_owned())
                .unwrap_or_else(|| "—".to_owned())
        };
        let row = |head: String, cells: Vec<String>| {
            view! {
                <tr>
                    <th scope="row">{head}</th>
                    {cells.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}
                </tr>
            }
        };
        let mut rows = vec![
            row(
                t_string!(i18n, dote_fascia_short).to_string(),
                columns.iter().map(|(_, s)| fascia_name(s)).collect(),
            ),
            row(
                t_string!(i18n, dote_budget_short).to_string(),
                columns
                    .iter()
                    .map(|(_, s)| format_eur(s.plan.budget, lang))
                    .collect(),
            ),
        ];
        for service in dote::services() {
            let cells = columns
                .iter()
                .map(
                    |(_, s)| match s.plan.lines.iter().find(|l| l.service == service.id) {
                        Some(l) if l.quantity > 0 => format!(
                            "{} × {} = {}",
                            l.quantity,
                            format_eur(l.unit_cost, lang),
                            format_eur(l.unit_cost * Decimal::from(l.quantity), lang)
                        ),
                        _ => "—".to_owned(),
                    },
                )
                .collect();
            rows.push(row(service.name.pick(lang).to_owned(), cells));
        }
        rows.push(row(
            t_string!(i18n, dote_total).to_string(),
            columns
                .iter()
                .map(|(_, s)| format_eur(s.plan.total(), lang))
                .collect(),
        ));
        rows.push(row(
            t_string!(i18n, dote_remaining).to_string(),
            columns
                .iter()
                .map(|(_, s)| format_eur(s.plan.remaining(), lang))
                .collect(),
        ));
        view! {
            <div class="table-scroll" role="region" aria-labelledby="confronto" tabindex="0">
                <table class="compare">
                    <caption class="visually-hidden">{t!(i18n, dote_compare_heading)}</caption>
                    <thead>
                        <tr>
                            <td></td>
                            {columns.iter().map(|(name, _)| view! { <th scope="col">{name.clone()}</th> }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! {
        <section class="compare-section" aria-labelledby="confronto">
            <h2 id="confronto">{t!(i18n, dote_compare_heading)}</h2>
            {table}
        </section>
    }
}
