//! `/dote`: would a Lombardy dote be open to me, in which *fascia*, and what plan of services
//! (PIP) fits its budget? Up to three scenarios side by side.
//!
//! Eligibility comes from the programme rules in `sportello-core`; the fasce, services and
//! plan arithmetic from `sportello_core::programmes::dote`. Figures no source confirms are
//! editable and labelled "Valore illustrativo – non ufficiale" (rules R1–R2).

use leptos::prelude::*;
use rust_decimal::Decimal;
use sportello_core::money::{format_eur, parse_eur};
use sportello_core::programmes::dote::{self, Plan, PlanLine};
use sportello_core::programmes::{Kind, Profile, evaluate_kinds};
use sportello_core::records::{SimulationKind, SimulationRecord};

use crate::components::focus::{focus_by_id, follow_in_page_link};
use crate::components::libretto_prefill::PrefillFromLibretto;
use crate::components::page_heading::PageHeading;
use crate::components::profile_questions::Questions;
use crate::components::programme_result::ProgrammeResults;
use crate::i18n::{Locale, t, t_string, use_i18n};
use crate::store::Store;

const MAX_SCENARIOS: usize = 3;
/// Dote Lavoro 2009's services budget, the only confirmed one (ilpontenotizie.it, 03/2009).
const CONFIRMED_BUDGET_2009: i64 = 3000;

#[derive(Debug, Clone, PartialEq)]
struct Scenario {
    fascia: Option<&'static str>,
    plan: Plan,
    /// Set when unit costs come from a table the person loaded, with its name.
    table: Option<String>,
}

impl Scenario {
    fn new() -> Self {
        let lines = dote::services()
            .into_iter()
            .map(|s| PlanLine {
                service: s.id.to_owned(),
                quantity: 0,
                unit_cost: s.unit_cost,
            })
            .collect();
        Self {
            fascia: None,
            plan: Plan {
                budget: Decimal::new(CONFIRMED_BUDGET_2009, 0),
                lines,
            },
            table: None,
        }
    }
}

#[component]
pub fn DotePage() -> impl IntoView {
    let i18n = use_i18n();
    let profile = RwSignal::new(Profile::default());
    let today = chrono::Local::now().date_naive();
    let results =
        Memo::new(move |_| profile.with(|p| evaluate_kinds(&[Kind::Dote, Kind::IncomeSupport], p, today)));
    let scenarios = RwSignal::new(vec![Scenario::new()]);

    view! {
        <PageHeading title=Signal::derive(move || t_string!(i18n, dote_title).to_string()) />
        <p class="lead">{t!(i18n, dote_intro)}</p>
        <p class="notice">{t!(i18n, ila_simulation_notice)}</p>

        <PrefillFromLibretto profile />
        <Questions profile results />

        <section aria-labelledby="dote-esiti" class="results">
            <h2 id="dote-esiti">{t!(i18n, dote_results_heading)}</h2>
            <ProgrammeResults results />
        </section>

        <section aria-labelledby="dote-piano" class="plan-section">
            <h2 id="dote-piano">{t!(i18n, dote_plan_heading)}</h2>
            <p>{t!(i18n, dote_plan_hint)}</p>
            <TableLoader scenarios />
            <div class="scenarios">
                {move || {
                    (0..scenarios.with(Vec::len))
                        .map(|index| view! { <ScenarioEditor scenarios index /> })
                        .collect_view()
                }}
            </div>
            <Show when=move || scenarios.with(|s| s.len() < MAX_SCENARIOS)>
                <button
                    type="button"
                    class="button button--secondary"
                    on:click=move |_| scenarios.update(|s| s.push(Scenario::new()))
                >
                    {t!(i18n, dote_add_scenario)}
                </button>
            </Show>
        </section>
        <Allowance />
    }
}

/// One scenario: fascia, budget, the plan's lines, the budget bar, and saving.
#[component]
fn ScenarioEditor(scenarios: RwSignal<Vec<Scenario>>, index: usize) -> impl IntoView {
    let i18n = use_i18n();
    let italian = move || i18n.get_locale() == Locale::it;
    let scenario = move || scenarios.with(|s| s.get(index).cloned());
    let plan = Memo::new(move |_| scenario().map(|s| s.plan).unwrap_or_default());
    let update = move |f: &dyn Fn(&mut Scenario)| {
        scenarios.update(|s| {
            if let Some(sc) = s.get_mut(index) {
                f(sc);
            }
        })
    };
    let prefix = format!("scenario-{}", index + 1);
    let over = move || plan.with(|p| p.validate().is_err());
    let save_error = RwSignal::new(false);
    let saved = RwSignal::new(false);
    let budget_text = RwSignal::new(plan.get_untracked().budget.to_string());
    let budget_invalid = RwSignal::new(false);

    let save = Action::new_local(move |record: &SimulationRecord| {
        let record = record.clone();
        async move { Store::open().await?.put(&record).await }
    });
    let on_save = move |_| {
        saved.set(false);
        let current = plan.get_untracked();
        if current.validate().is_err() {
            save_error.set(true);
            // As in GOV.UK's error summary: focus moves to the list of problems.
            let summary = format!("scenario-{}-errors", index + 1);
            request_animation_frame(move || focus_by_id(&summary));
            return;
        }
        save_error.set(false);
        let fascia = scenario().and_then(|s| s.fascia);
        save.dispatch(SimulationRecord {
            id: uuid::Uuid::new_v4().to_string(),
            kind: SimulationKind::DoteScenario,
            name: format!("Scenario {}", index + 1),
            saved_at: chrono::Utc::now(),
            body: serde_json::json!({ "fascia": fascia, "plan": current }),
        });
        saved.set(true);
    };
    let first_quantity = format!("{prefix}-q-0");
    let summary_id = format!("{prefix}-errors");
    let fascia_name = format!("{prefix}-fascia");

    view! {
        <section class="scenario" aria-labelledby=format!("{prefix}-title")>
            <h3 id=format!("{prefix}-title")>{move || format!("{} {}", t_string!(i18n, dote_scenario), index + 1)}</h3>
            <Show when=move || save_error.get() && over()>
                <div class="error-summary" role="alert" tabindex="-1" id=summary_id.clone()>
                    <h4>{t!(i18n, error_summary_title)}</h4>
                    <ul>
                        <li>
                            <a href=format!("#{first_quantity}") on:click=follow_in_page_link>
                                {move || format!(
                                    "{} {}",
                                    t_string!(i18n, dote_over_budget_by),
                                    format_eur(-plan.get().remaining(), italian()),
                                )}
                            </a>
                        </li>
                    </ul>
                </div>
            </Show>
            <fieldset class="question">
                <legend>{t!(i18n, dote_fascia_label)}</legend>
                {dote::fasce()
                    .into_iter()
                    .map(|f| {
                        let input_id = format!("{prefix}-fascia-{}", f.id);
                        let id = f.id;
                        let name = f.name.clone();
                        let meaning = f.meaning.clone();
                        let months = f.max_months;
                        view! {
                            <div class="radio radio--block">
                                <input
                                    type="radio"
                                    id=input_id.clone()
                                    name=fascia_name.clone()
                                    prop:checked=move || scenario().and_then(|s| s.fascia) == Some(id)
                                    on:change=move |_| update(&|s| s.fascia = Some(id))
                                />
                                <label for=input_id>
                                    <strong>{move || name.pick(italian()).to_owned()}</strong>
                                    ": "
                                    {move || meaning.pick(italian()).to_owned()}
                                    " "
                                    {move || match months {
                                        Some(m) => format!("({} {m} {})", t_string!(i18n, dote_fascia_max), t_string!(i18n, dote_months)),
                                        None => format!("({})", t_string!(i18n, dote_fascia_duration_unknown)),
                                    }}
                                </label>
                            </div>
                        }
                    })
                    .collect_view()}
                <p class="source">{t!(i18n, result_source)} " lombardia.cisl.it (15/12/2017); afolmet.it; fasi.eu"</p>
            </fieldset>

            <div class="question">
                <label for=format!("{prefix}-budget")>{t!(i18n, dote_budget_label)}</label>
                <p class="hint">{t!(i18n, dote_budget_hint)}</p>
                <Show when=move || budget_invalid.get()>
                    <p class="field-error">{t!(i18n, error_money)}</p>
                </Show>
                <input
                    type="text"
                    inputmode="decimal"
                    class="input-medium"
                    id=format!("{prefix}-budget")
                    aria-invalid=move || budget_invalid.get().to_string()
                    prop:value=move || budget_text.get()
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        budget_text.set(v.clone());
                        match parse_eur(&v) {
                            Some(b) => {
                                budget_invalid.set(false);
                                update(&|s| s.plan.budget = b);
                            }
                            None => budget_invalid.set(true),
                        }
                    }
                />
            </div>

            <table class="plan">
                <caption>{t!(i18n, dote_plan_caption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, dote_col_service)}</th>
                        <th scope="col">{t!(i18n, dote_col_unit_cost)}</th>
                        <th scope="col">{t!(i18n, dote_col_quantity)}</th>
                        <th scope="col">{t!(i18n, dote_col_subtotal)}</th>
                    </tr>
                </thead>
                <tbody>
                    {dote::services()
                        .into_iter()
                        .enumerate()
                        .map(|(row, service)| {
                            let name = service.name.clone();
                            let per_hour = service.per_hour;
                            let q_id = format!("{prefix}-q-{row}");
                            let c_id = format!("{prefix}-c-{row}");
                            let line = move || plan.with(|p| p.lines.get(row).cloned());
                            let service_name = move || name.pick(italian()).to_owned();
                            view! {
                                <tr>
                                    <th scope="row" id=format!("{prefix}-s-{row}")>{service_name}</th>
                                    <td>
                                        <input
                                            type="text"
                                            inputmode="decimal"
                                            class="input-cost"
                                            id=c_id.clone()
                                            aria-labelledby=format!("{prefix}-s-{row} {c_id}-label")
                                            prop:value=move || line().map(|l| l.unit_cost.to_string()).unwrap_or_default()
                                            on:change=move |ev| {
                                                if let Some(cost) = parse_eur(&event_target_value(&ev)) {
                                                    update(&|s| if let Some(l) = s.plan.lines.get_mut(row) { l.unit_cost = cost; });
                                                }
                                            }
                                        />
                                        <span id=format!("{c_id}-label") class="unit">
                                            {move || if per_hour { t_string!(i18n, dote_per_hour) } else { t_string!(i18n, dote_per_service) }}
                                        </span>
                                        <br />
                                        <span class="illustrative">
                                            {move || match scenario().and_then(|s| s.table) {
                                                Some(name) => format!("{} {name}", t_string!(i18n, dote_from_table)),
                                                None => t_string!(i18n, illustrative_value).to_string(),
                                            }}
                                        </span>
                                    </td>
                                    <td>
                                        <input
                                            type="number"
                                            min="0"
                                            step="1"
                                            class="input-short"
                                            id=q_id.clone()
                                            aria-labelledby=format!("{prefix}-s-{row}")
                                            prop:value=move || line().map(|l| l.quantity.to_string()).unwrap_or_default()
                                            on:input=move |ev| {
                                                let q = event_target_value(&ev).trim().parse::<u32>().unwrap_or(0);
                                                update(&|s| if let Some(l) = s.plan.lines.get_mut(row) { l.quantity = q; });
                                            }
                                        />
                                    </td>
                                    <td>{move || line().map(|l| format_eur(l.unit_cost * Decimal::from(l.quantity), italian()))}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>

            <BudgetBar plan />
            <button type="button" class="button" on:click=on_save>{t!(i18n, dote_save)}</button>
            <p role="status">
                {move || (saved.get() && matches!(save.value().get(), Some(Ok(())))).then(|| t_string!(i18n, dote_saved))}
            </p>
        </section>
    }
}

/// How much of the budget the plan uses; over budget it says so in words, not only colour.
#[component]
fn BudgetBar(plan: Memo<Plan>) -> impl IntoView {
    let i18n = use_i18n();
    let italian = move || i18n.get_locale() == Locale::it;
    let percent = move || {
        plan.with(|p| {
            if p.budget <= Decimal::ZERO {
                100
            } else {
                let pct = (p.total() * Decimal::from(100) / p.budget).round();
                pct.to_string().parse::<u32>().unwrap_or(100).min(100)
            }
        })
    };
    view! {
        <div class="budget" class:budget--over=move || plan.with(|p| p.validate().is_err())>
            <div class="budget__track" aria-hidden="true">
                <div class=move || format!("budget__fill budget__fill--{}", percent() / 5 * 5)></div>
            </div>
            <p role="status" class="budget__text">
                {move || {
                    let p = plan.get();
                    let used = format!(
                        "{} {} {} {}",
                        t_string!(i18n, dote_used),
                        format_eur(p.total(), italian()),
                        t_string!(i18n, dote_of),
                        format_eur(p.budget, italian()),
                    );
                    if p.validate().is_err() {
                        format!("{used}. {} {}", t_string!(i18n, dote_over_budget_by), format_eur(-p.remaining(), italian()))
                    } else {
                        format!("{used}. {} {}", t_string!(i18n, dote_remaining), format_eur(p.remaining(), italian()))
                    }
                }}
            </p>
        </div>
    }
}

/// Replaces the illustrative unit costs with a table the person has (e.g. from an avviso):
/// `{"name": "…", "unit_costs": {"colloquio": "40.00", …}}`.
#[component]
fn TableLoader(scenarios: RwSignal<Vec<Scenario>>) -> impl IntoView {
    let i18n = use_i18n();
    let message = RwSignal::new(None::<Result<String, String>>);
    let on_change = move |ev: leptos::ev::Event| {
        let Some(file) = event_target::<web_sys::HtmlInputElement>(&ev)
            .files()
            .and_then(|f| f.get(0))
        else {
            return;
        };
        let file_name = file.name();
        leptos::task::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|v| v.as_string());
            match text.as_deref().map(parse_table) {
                Some(Ok((name, costs))) => {
                    let label = if name.is_empty() { file_name.clone() } else { name };
                    scenarios.update(|all| {
                        for s in all.iter_mut() {
                            for line in &mut s.plan.lines {
                                if let Some(c) = costs.iter().find(|(id, _)| *id == line.service) {
                                    line.unit_cost = c.1;
                                }
                            }
                            s.table = Some(label.clone());
                        }
                    });
                    message.set(Some(Ok(label)));
                }
                Some(Err(problem)) => message.set(Some(Err(problem))),
                None => message.set(Some(Err(file_name))),
            }
        });
    };
    view! {
        <div class="question">
            <label for="dote-table">{t!(i18n, dote_table_label)}</label>
            <p class="hint">{t!(i18n, dote_table_hint)}</p>
            <input type="file" id="dote-table" accept="application/json,.json" on:change=on_change />
            <p role="status">
                {move || match message.get() {
                    Some(Ok(name)) => Some(format!("{} {name}", t_string!(i18n, dote_table_loaded))),
                    Some(Err(problem)) => Some(format!("{} {problem}", t_string!(i18n, dote_table_error))),
                    None => None,
                }}
            </p>
        </div>
    }
}

/// Reads a unit-cost table, naming the first problem it finds.
fn parse_table(text: &str) -> Result<(String, Vec<(String, Decimal)>), String> {
    let json: serde_json::Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
    let costs = json["unit_costs"]
        .as_object()
        .ok_or_else(|| "unit_costs".to_owned())?;
    let known: Vec<&str> = dote::services().iter().map(|s| s.id).collect();
    let mut out = Vec::new();
    for (id, value) in costs {
        if !known.contains(&id.as_str()) {
            return Err(id.clone());
        }
        let cost = value
            .as_str()
            .and_then(parse_eur)
            .ok_or_else(|| format!("{id}: {value}"))?;
        out.push((id.clone(), cost));
    }
    Ok((json["name"].as_str().unwrap_or_default().to_owned(), out))
}

/// Dote Lavoro 2009's participation allowance spread over the months chosen.
#[component]
fn Allowance() -> impl IntoView {
    let i18n = use_i18n();
    let italian = move || i18n.get_locale() == Locale::it;
    let months = RwSignal::new(10u32);
    view! {
        <section aria-labelledby="indennita" class="allowance">
            <h2 id="indennita">{t!(i18n, dote_allowance_heading)}</h2>
            <p>{t!(i18n, dote_allowance_text)}</p>
            <label for="allowance-months">{t!(i18n, dote_allowance_months)}</label>
            <select id="allowance-months" on:change=move |ev| months.set(event_target_value(&ev).parse().unwrap_or(10))>
                {(1u32..=10).rev().map(|m| view! { <option value=m.to_string()>{m}</option> }).collect_view()}
            </select>
            <p role="status">
                {move || dote::monthly_allowance(Decimal::new(3000, 0), months.get()).map(|per_month| {
                    format!("{} {}", t_string!(i18n, dote_allowance_per_month), format_eur(per_month, italian()))
                })}
            </p>
            <p class="source">{t!(i18n, result_source)} " ilpontenotizie.it (03/2009); 02blog.it/post/4971"</p>
        </section>
    }
}
