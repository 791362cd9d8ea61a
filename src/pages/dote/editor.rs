//! One scenario being composed: its name, fascia, budget, and for each service a unit cost
//! and a quantity, with the budget bar and saving. Built on the form kit: what is typed stays
//! as typed, a wrong amount or quantity is explained by the field and in the error summary,
//! and a plan over budget cannot be saved.

use std::sync::OnceLock;

use leptos::prelude::*;
use rust_decimal::Decimal;
use sportello_core::money::{format_eur, format_input, parse_eur};
use sportello_core::programmes::dote::{self, CostTable, CostTableError, Plan, Scenario};
use sportello_core::records::{SimulationKind, SimulationRecord};

use crate::components::form::choice::{Choice, ChoiceRadios};
use crate::components::form::error_summary::ErrorSummary;
use crate::components::form::text_field::TextField;
use crate::components::form::{Bound, FormState, InputError};
use crate::components::store_error::StoreErrorMessage;
use crate::i18n::screen_lang;
use crate::i18n::{t, t_string, use_i18n};
use crate::store::Store;
use crate::tr;

/// What the editor opens with: a new scenario, or one saved earlier (kept under its id).
#[derive(Clone, PartialEq)]
pub struct Editing {
    saved: Option<SimulationRecord>,
    scenario: Scenario,
}

impl Editing {
    pub fn new(scenario: Scenario) -> Self {
        Self {
            saved: None,
            scenario,
        }
    }

    pub fn reopened(record: SimulationRecord, scenario: Scenario) -> Self {
        Self {
            saved: Some(record),
            scenario,
        }
    }
}

/// Each service's cost and quantity field names, built once from the fixed catalogue (the
/// form kit names fields with `&'static str`).
fn service_fields() -> &'static [(&'static str, &'static str)] {
    static FIELDS: OnceLock<Vec<(&'static str, &'static str)>> = OnceLock::new();
    FIELDS.get_or_init(|| {
        let name = |s: String| -> &'static str { Box::leak(s.into_boxed_str()) };
        dote::services()
            .iter()
            .map(|s| {
                (
                    name(format!("costo-{}", s.id)),
                    name(format!("quantita-{}", s.id)),
                )
            })
            .collect()
    })
}

/// One service of the catalogue in the editor: its field names and the text typed in them.
#[derive(Clone, Copy)]
struct Row {
    service: &'static str,
    cost_field: &'static str,
    qty_field: &'static str,
    cost: RwSignal<String>,
    quantity: RwSignal<String>,
}

fn whole_number(s: &str) -> Option<u32> {
    let s = s.trim();
    if s.is_empty() { Some(0) } else { s.parse().ok() }
}

#[component]
pub fn ScenarioEditor(editing: Editing, version: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = screen_lang();
    let form = FormState::provide_inputs_only();
    let attempt = RwSignal::new(0u32);
    let Editing { saved, scenario } = editing;
    let fields = service_fields();

    let name = RwSignal::new(saved.as_ref().map(|r| r.name.clone()).unwrap_or_default());
    let fascia = RwSignal::new(scenario.fascia.clone());
    let budget = RwSignal::new(format_input(scenario.plan.budget));
    let table = RwSignal::new(scenario.table.clone());
    // One row per service of the catalogue, with what the scenario had for it (a service it
    // does not mention starts at its illustrative cost and quantity 0).
    let rows: Vec<Row> = dote::services()
        .into_iter()
        .zip(fields)
        .map(|(service, &(cost_field, qty_field))| {
            let line = scenario.plan.lines.iter().find(|l| l.service == service.id);
            Row {
                service: service.id,
                cost_field,
                qty_field,
                cost: RwSignal::new(format_input(line.map_or(service.unit_cost, |l| l.unit_cost))),
                quantity: RwSignal::new(line.map_or(0, |l| l.quantity).to_string()),
            }
        })
        .collect();

    // The plan as far as it can be read: a field that does not parse counts as nothing, and
    // is reported by the field itself.
    let plan = Memo::new({
        let rows = rows.clone();
        move |_| Plan {
            budget: parse_eur(&budget.get()).unwrap_or(Decimal::ZERO),
            lines: rows
                .iter()
                .map(|r| dote::PlanLine {
                    service: r.service.to_owned(),
                    unit_cost: parse_eur(&r.cost.get()).unwrap_or(Decimal::ZERO),
                    quantity: whole_number(&r.quantity.get()).unwrap_or(0),
                })
                .collect(),
        }
    });
    // Over budget is reported on the first quantity in use (the field to change), unless
    // that field already says its text is not a number.
    Effect::new({
        let rows = rows.clone();
        move |_| {
            let (excess, first_used) = plan.with(|p| {
                let first = p.lines.iter().position(|l| l.quantity > 0).unwrap_or(0);
                (-p.remaining(), first)
            });
            for (i, row) in rows.iter().enumerate() {
                if whole_number(&row.quantity.get_untracked()).is_some() {
                    let over =
                        (i == first_used && excess > Decimal::ZERO).then_some(InputError::OverBudget(excess));
                    form.set_input_error(row.qty_field, over);
                }
            }
        }
    });

    let save = Action::new_local(move |record: &SimulationRecord| {
        let record = record.clone();
        async move { Store::open().await?.put(&record).await }
    });
    let saved_id = saved.as_ref().map(|r| r.id.clone());
    let on_save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !form.try_continue() {
            attempt.update(|a| *a += 1);
            return;
        }
        let scenario = Scenario {
            fascia: fascia.get_untracked(),
            plan: plan.get_untracked(),
            table: table.get_untracked(),
        };
        let typed = name.get_untracked().trim().to_owned();
        let now = chrono::Utc::now();
        let record = SimulationRecord {
            id: saved_id
                .clone()
                .unwrap_or_else(|| uuid::Uuid::new_v4().to_string()),
            kind: SimulationKind::DoteScenario,
            name: if typed.is_empty() {
                format!(
                    "{} {}",
                    t_string!(i18n, dote_scenario),
                    crate::components::local_time::local_time(now)
                )
            } else {
                typed
            },
            saved_at: now,
            body: serde_json::to_value(&scenario).unwrap_or_default(),
        };
        save.dispatch(record);
    };
    Effect::new(move |_| {
        if let Some(Ok(())) = save.value().get() {
            version.update(|v| *v += 1);
        }
    });

    let fascia_options = Signal::derive(move || {
        let lang = lang.get();
        dote::fasce()
            .into_iter()
            .map(|f| {
                let duration = match f.max_months {
                    Some(m) => format!(
                        "{} {m} {}",
                        t_string!(i18n, dote_fascia_max),
                        t_string!(i18n, dote_months)
                    ),
                    None => t_string!(i18n, dote_fascia_duration_unknown).to_string(),
                };
                Choice {
                    code: f.id.to_owned(),
                    label: f.name.pick(lang).to_owned(),
                    hint: Some(format!(
                        "{} ({duration}). {} {}",
                        f.meaning.pick(lang),
                        t_string!(i18n, result_source),
                        f.source
                    )),
                }
            })
            .collect()
    });
    let budget_source = dote::services_budget()
        .map(|a| a.source.clone())
        .unwrap_or_default();

    let service_rows = dote::services()
        .into_iter()
        .zip(rows.iter().copied())
        .map(|(service, row)| {
            let per_hour = service.per_hour;
            let title = service.name.clone();
            // "Colloquio di accoglienza – Costo unitario (euro all'ora)"
            let label = move |column: fn(crate::I18n) -> &'static str, unit: fn(crate::I18n) -> &'static str| {
                let title = title.clone();
                Signal::derive(move || format!("{} – {} ({})", title.pick(lang.get()), column(i18n), unit(i18n)))
            };
            let cost_label = label(
                |i| t_string!(i, dote_col_unit_cost),
                if per_hour { |i| t_string!(i, dote_per_hour) } else { |i| t_string!(i, dote_per_service) },
            );
            let qty_label = label(
                |i| t_string!(i, dote_col_quantity),
                if per_hour { |i| t_string!(i, dote_hours) } else { |i| t_string!(i, dote_times) },
            );
            let cost_hint = Signal::derive(move || match table.get() {
                Some(name) => format!("{} {name}", t_string!(i18n, dote_from_table)),
                None => t_string!(i18n, illustrative_value).to_string(),
            });
            let subtotal = move || {
                let c = parse_eur(&row.cost.get())?;
                let q = whole_number(&row.quantity.get())?;
                Some(format!(
                    "{} {}",
                    t_string!(i18n, dote_col_subtotal),
                    format_eur(c * Decimal::from(q), lang.get())
                ))
            };
            let title = service.name.clone();
            view! {
                <fieldset class="service">
                    <legend class="service__name">{move || title.pick(lang.get()).to_owned()}</legend>
                    <TextField
                        field=row.cost_field
                        label=cost_label
                        hint=cost_hint
                        inputmode="decimal"
                        width="input--short"
                        value=form.typed_text(row.cost_field, row.cost, |s| parse_eur(s).is_some(), InputError::Money)
                    />
                    <TextField
                        field=row.qty_field
                        label=qty_label
                        inputmode="numeric"
                        width="input--short"
                        value=form.typed_text(row.qty_field, row.quantity, |s| whole_number(s).is_some(), InputError::WholeNumber)
                    />
                    <p class="service__subtotal">{subtotal}</p>
                </fieldset>
            }
        })
        .collect_view();

    view! {
        <form class="scenario" novalidate on:submit=on_save>
            <ErrorSummary form attempt=attempt.read_only() id="riepilogo-errori-piano" />
            <TextField field="nome-scenario" label=tr!(i18n, dote_scenario_name) hint=tr!(i18n, dote_scenario_name_hint) value=Bound::from(name) />
            <ChoiceRadios
                field="fascia"
                label=tr!(i18n, dote_fascia_label)
                value=Bound::from(fascia)
                options=fascia_options
                hint=None
            />
            <TextField
                field="budget"
                label=tr!(i18n, dote_budget_label)
                hint=Signal::derive(move || format!("{} {} {budget_source}", t_string!(i18n, dote_budget_hint), t_string!(i18n, result_source)))
                inputmode="decimal"
                width="input--medium"
                value=form.typed_text("budget", budget, |s| parse_eur(s).is_some(), InputError::Money)
            />
            <TableLoader table form rows />
            <div class="services">{service_rows}</div>
            <BudgetBar plan />
            <button type="submit" class="button">{t!(i18n, dote_save)}</button>
            <p role="status" class="save-status">
                {move || match save.value().get() {
                    Some(Ok(())) => Some(t_string!(i18n, dote_saved).to_string()),
                    _ => None,
                }}
            </p>
            {move || save.value().get().and_then(Result::err).map(|error| view! { <StoreErrorMessage error /> })}
        </form>
    }
}

/// How much of the budget the plan uses; over budget it says so in words, not only colour.
#[component]
fn BudgetBar(plan: Memo<Plan>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = screen_lang();
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
                    let lang = lang.get();
                    let used = format!(
                        "{} {} {} {}",
                        t_string!(i18n, dote_used),
                        format_eur(p.total(), lang),
                        t_string!(i18n, dote_of),
                        format_eur(p.budget, lang),
                    );
                    if p.validate().is_err() {
                        format!("{used}. {} {}", t_string!(i18n, dote_over_budget_by), format_eur(-p.remaining(), lang))
                    } else {
                        format!("{used}. {} {}", t_string!(i18n, dote_remaining), format_eur(p.remaining(), lang))
                    }
                }}
            </p>
        </div>
    }
}

/// Replaces the illustrative unit costs with a table the person has (e.g. from an avviso).
#[component]
fn TableLoader(table: RwSignal<Option<String>>, form: FormState, rows: Vec<Row>) -> impl IntoView {
    let i18n = use_i18n();
    let message = RwSignal::new(None::<Result<String, CostTableError>>);
    let on_change = move |ev: leptos::ev::Event| {
        let Some(file) = event_target::<web_sys::HtmlInputElement>(&ev)
            .files()
            .and_then(|f| f.get(0))
        else {
            return;
        };
        let file_name = file.name();
        let rows = rows.clone();
        leptos::task::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or_default();
            let parsed = CostTable::parse(&text).map(|t| {
                let label = if t.name.is_empty() {
                    file_name.clone()
                } else {
                    t.name.clone()
                };
                (label, t)
            });
            match parsed {
                Ok((label, t)) => {
                    for row in &rows {
                        if let Some((_, cost)) = t.unit_costs.iter().find(|(id, _)| *id == row.service) {
                            // The table's figure replaces whatever was typed, error and all.
                            form.set_input_error(row.cost_field, None);
                            let _ = row.cost.try_set(format_input(*cost));
                        }
                    }
                    let _ = table.try_set(Some(label.clone()));
                    let _ = message.try_set(Some(Ok(label)));
                }
                Err(e) => {
                    let _ = message.try_set(Some(Err(e)));
                }
            }
        });
    };
    view! {
        <div class="field">
            <label class="field__label" for="campo-tabella-costi">{t!(i18n, dote_table_label)}</label>
            <p class="field__hint">{t!(i18n, dote_table_hint)}</p>
            <input type="file" class="input" id="campo-tabella-costi" accept="application/json,.json" on:change=on_change />
            <p role="status">
                {move || message.get().map(|m| match m {
                    Ok(name) => format!("{} {name}", t_string!(i18n, dote_table_loaded)),
                    Err(e) => format!("{} {}", t_string!(i18n, dote_table_error), cost_table_problem(i18n, &e)),
                })}
            </p>
        </div>
    }
}

fn cost_table_problem(i18n: crate::I18n, e: &CostTableError) -> String {
    match e {
        CostTableError::NotJson { line, column } => t_string!(i18n, dote_table_not_json)
            .replace("%l", &line.to_string())
            .replace("%c", &column.to_string()),
        CostTableError::NoUnitCosts => t_string!(i18n, dote_table_no_costs).to_string(),
        CostTableError::UnknownService(id) => t_string!(i18n, dote_table_unknown_service).replace("%s", id),
        CostTableError::BadCost { service, value } => t_string!(i18n, dote_table_bad_cost)
            .replace("%s", service)
            .replace("%v", value),
    }
}
