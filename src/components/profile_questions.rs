//! The questions still needed to decide, and only those: a question appears when some
//! programme's outcome depends on its answer, and stays once shown so an answer can be
//! changed. Answers are written into the profile through its serialized form, so each
//! question is just a field name and an input kind.

use std::collections::BTreeSet;

use leptos::prelude::*;
use sportello_core::money::parse_eur;
use sportello_core::programmes::{Evaluation, Profile};

use crate::i18n::{t, t_string, use_i18n};

#[derive(Clone, Copy, PartialEq)]
enum Input {
    Date,
    YesNo,
    Choice(&'static [&'static str]),
    Money,
    Province,
    Region,
    Eqf,
}

/// In the order a person would expect to be asked.
const QUESTIONS: &[(&str, Input)] = &[
    ("birth_date", Input::Date),
    ("sex", Input::Choice(&["f", "m"])),
    ("residence_region", Input::Region),
    ("residence_province", Input::Province),
    ("foreign_citizen", Input::YesNo),
    ("permit_allows_work", Input::YesNo),
    (
        "employment_status",
        Input::Choice(&["disoccupato", "inoccupato", "inattivo", "occupato", "autonomo"]),
    ),
    ("unemployed_since", Input::Date),
    ("cpi_registered", Input::YesNo),
    ("cpi_province", Input::Province),
    ("cpi_registered_since", Input::Date),
    ("receives_naspi", Input::YesNo),
    ("mobility_list", Input::YesNo),
    ("atypical_contract", Input::YesNo),
    (
        "wage_integration",
        Input::Choice(&["nessuna", "cigo", "cigs", "cigd", "solidarieta"]),
    ),
    ("permanent_contract", Input::YesNo),
    ("isee", Input::Money),
    ("had_ila_2010", Input::YesNo),
    ("voucher_last_3_years", Input::YesNo),
    ("education_eqf", Input::Eqf),
];

const REGIONS: &[(&str, &str)] = &[
    ("abruzzo", "Abruzzo"),
    ("basilicata", "Basilicata"),
    ("calabria", "Calabria"),
    ("campania", "Campania"),
    ("emilia-romagna", "Emilia-Romagna"),
    ("friuli-venezia giulia", "Friuli-Venezia Giulia"),
    ("lazio", "Lazio"),
    ("liguria", "Liguria"),
    ("lombardia", "Lombardia"),
    ("marche", "Marche"),
    ("molise", "Molise"),
    ("piemonte", "Piemonte"),
    ("puglia", "Puglia"),
    ("sardegna", "Sardegna"),
    ("sicilia", "Sicilia"),
    ("toscana", "Toscana"),
    ("trentino-alto adige", "Trentino-Alto Adige"),
    ("umbria", "Umbria"),
    ("valle d'aosta", "Valle d'Aosta"),
    ("veneto", "Veneto"),
];

#[component]
pub fn Questions(
    profile: RwSignal<Profile>,
    results: Memo<Vec<Evaluation>>,
    /// Ask for the course wanted (ILA and vouchers cap course costs; the dote does not).
    #[prop(optional)]
    with_course: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    // The profile as JSON, serialized once per change and read by every question.
    let answers = Memo::new(move |_| profile.with(|p| serde_json::to_value(p).unwrap_or_default()));
    // Once a question has been shown it stays, so answering it never makes it vanish. Only
    // this memo reads it, so it is a stored value, not a signal.
    let shown = StoredValue::new(BTreeSet::<&'static str>::new());
    let needed = Memo::new(move |_| {
        let missing: BTreeSet<String> = results.with(|r| r.iter().flat_map(|e| e.missing.clone()).collect());
        let mut now = shown.get_value();
        for (field, _) in QUESTIONS {
            if missing.contains(*field) || answers.with(|a| !a[*field].is_null()) {
                now.insert(*field);
            }
        }
        shown.set_value(now.clone());
        QUESTIONS
            .iter()
            .filter(|(f, _)| now.contains(f))
            .copied()
            .collect::<Vec<_>>()
    });

    view! {
        <section aria-labelledby="domande" class="questions">
            <h2 id="domande">{t!(i18n, ila_questions_heading)}</h2>
            <p>{t!(i18n, ila_questions_hint)}</p>
            <Show when=move || needed.with(Vec::is_empty)>
                <p>{t!(i18n, ila_questions_none)}</p>
            </Show>
            {move || needed.get().into_iter().map(|(field, input)| question(profile, answers, field, input)).collect_view()}
            <Show when=move || with_course>
                <CourseQuestion profile />
            </Show>
        </section>
    }
}

/// The current answer to `field` (null when unanswered).
fn answer(answers: Memo<serde_json::Value>, field: &str) -> serde_json::Value {
    answers.with(|a| a[field].clone())
}

fn set_answer(profile: RwSignal<Profile>, field: &str, value: serde_json::Value) {
    set_answers(profile, [(field, value)]);
}

/// Writes answers through the profile's serialized form, so a question is just a field name;
/// a value the profile type refuses leaves the profile as it was.
pub fn set_answers<'a>(
    profile: RwSignal<Profile>,
    values: impl IntoIterator<Item = (&'a str, serde_json::Value)>,
) {
    profile.update(|p| {
        let Ok(mut json) = serde_json::to_value(&*p) else {
            return;
        };
        for (field, value) in values {
            json[field] = value;
        }
        if let Ok(updated) = serde_json::from_value::<Profile>(json) {
            *p = updated;
        }
    });
}

fn question(
    profile: RwSignal<Profile>,
    answers: Memo<serde_json::Value>,
    field: &'static str,
    input: Input,
) -> AnyView {
    let i18n = use_i18n();
    let id = format!("q-{field}");
    let label = move || question_label(field);
    match input {
        Input::YesNo | Input::Choice(_) => {
            let options: Vec<(serde_json::Value, String)> = match input {
                Input::YesNo => vec![
                    (serde_json::Value::Bool(true), t_string!(i18n, answer_yes).to_string()),
                    (serde_json::Value::Bool(false), t_string!(i18n, answer_no).to_string()),
                ],
                Input::Choice(values) => {
                    values.iter().map(|v| (serde_json::Value::from(*v), choice_label(field, v))).collect()
                }
                _ => Vec::new(),
            };
            view! {
                <fieldset class="question" id=id.clone()>
                    <legend>{label}</legend>
                    <div class="radios">
                        {options
                            .into_iter()
                            .enumerate()
                            .map(|(i, (value, text))| {
                                let input_id = format!("{id}-{i}");
                                let checked_value = value.clone();
                                view! {
                                    <div class="radio">
                                        <input
                                            type="radio"
                                            id=input_id.clone()
                                            name=id.clone()
                                            prop:checked=move || answer(answers, field) == checked_value
                                            on:change=move |_| set_answer(profile, field, value.clone())
                                        />
                                        <label for=input_id>{text}</label>
                                    </div>
                                }
                            })
                            .collect_view()}
                    </div>
                </fieldset>
            }
            .into_any()
        }
        Input::Date => view! {
            <div class="question">
                <label for=id.clone()>{label}</label>
                <input
                    type="date"
                    id=id
                    prop:value=move || answer(answers, field).as_str().unwrap_or_default().to_owned()
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        let json = if v.is_empty() { serde_json::Value::Null } else { v.into() };
                        set_answer(profile, field, json);
                    }
                />
            </div>
        }
        .into_any(),
        Input::Money => money_question(profile, answers, field, id),
        Input::Province => view! {
            <div class="question">
                <label for=id.clone()>{label}</label>
                <p class="hint" id=format!("{id}-hint")>{t!(i18n, hint_province)}</p>
                <input
                    type="text"
                    id=id.clone()
                    class="input-short"
                    maxlength="2"
                    autocomplete="off"
                    aria-describedby=format!("{id}-hint")
                    prop:value=move || answer(answers, field).as_str().unwrap_or_default().to_owned()
                    on:change=move |ev| {
                        let v = event_target_value(&ev).trim().to_uppercase();
                        let json = if v.is_empty() { serde_json::Value::Null } else { v.into() };
                        set_answer(profile, field, json);
                    }
                />
            </div>
        }
        .into_any(),
        Input::Region => view! {
            <div class="question">
                <label for=id.clone()>{label}</label>
                <select
                    id=id
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        let json = if v.is_empty() { serde_json::Value::Null } else { v.into() };
                        set_answer(profile, field, json);
                    }
                >
                    <option value="" selected=move || answer(answers, field).is_null()>
                        {t!(i18n, choose_one)}
                    </option>
                    {REGIONS
                        .iter()
                        .map(|(value, name)| {
                            view! {
                                <option value=*value selected=move || answer(answers, field) == *value>
                                    {*name}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
        }
        .into_any(),
        Input::Eqf => view! {
            <div class="question">
                <label for=id.clone()>{label}</label>
                <select
                    id=id
                    on:change=move |ev| {
                        let json = event_target_value(&ev)
                            .parse::<u8>()
                            .map(serde_json::Value::from)
                            .unwrap_or(serde_json::Value::Null);
                        set_answer(profile, field, json);
                    }
                >
                    <option value="" selected=move || answer(answers, field).is_null()>
                        {t!(i18n, choose_one)}
                    </option>
                    {(0u8..=8)
                        .map(|level| {
                            view! {
                                <option value=level.to_string() selected=move || answer(answers, field) == level>
                                    {crate::components::eqf::eqf_label(use_i18n(), level)}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
        }
        .into_any(),
    }
}

/// A money field keeps what was typed and explains a value it cannot read.
fn money_question(
    profile: RwSignal<Profile>,
    answers: Memo<serde_json::Value>,
    field: &'static str,
    id: String,
) -> AnyView {
    let i18n = use_i18n();
    let typed = RwSignal::new(answer(answers, field).as_str().unwrap_or_default().to_owned());
    let invalid = RwSignal::new(false);
    let error_id = format!("{id}-error");
    view! {
        <div class="question" class:question--error=move || invalid.get()>
            <label for=id.clone()>{move || question_label(field)}</label>
            <p class="hint" id=format!("{id}-hint")>{t!(i18n, hint_money)}</p>
            <Show when=move || invalid.get()>
                <p class="field-error" id=error_id.clone()>{t!(i18n, error_money)}</p>
            </Show>
            <input
                type="text"
                inputmode="decimal"
                id=id.clone()
                class="input-medium"
                autocomplete="off"
                aria-invalid=move || invalid.get().to_string()
                aria-describedby=move || {
                    if invalid.get() { format!("{id}-hint {id}-error") } else { format!("{id}-hint") }
                }
                prop:value=move || typed.get()
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    typed.set(v.clone());
                    if v.trim().is_empty() {
                        invalid.set(false);
                        set_answer(profile, field, serde_json::Value::Null);
                    } else if let Some(amount) = parse_eur(&v) {
                        invalid.set(false);
                        set_answer(profile, field, amount.to_string().into());
                    } else {
                        invalid.set(true);
                    }
                }
            />
        </div>
    }
    .into_any()
}

/// The course wanted: optional, for what each programme would cover.
#[component]
fn CourseQuestion(profile: RwSignal<Profile>) -> impl IntoView {
    let i18n = use_i18n();
    let kind = RwSignal::new(String::from("formazione"));
    let cost_text = RwSignal::new(String::new());
    let invalid = RwSignal::new(false);
    let apply = move || {
        let text = cost_text.get_untracked();
        let course = if text.trim().is_empty() {
            invalid.set(false);
            serde_json::Value::Null
        } else if let Some(cost) = parse_eur(&text) {
            invalid.set(false);
            serde_json::json!({ "kind": kind.get_untracked(), "cost": cost.to_string() })
        } else {
            invalid.set(true);
            return;
        };
        set_answer(profile, "course", course);
    };
    view! {
        <fieldset class="question">
            <legend>{t!(i18n, q_course)}</legend>
            <p class="hint">{t!(i18n, hint_course)}</p>
            <label for="q-course-kind">{t!(i18n, q_course_kind)}</label>
            <select
                id="q-course-kind"
                on:change=move |ev| {
                    kind.set(event_target_value(&ev));
                    apply();
                }
            >
                {["formazione", "qualifica", "certificazione_competenze", "corso_obbligatorio", "coaching"]
                    .into_iter()
                    .map(|k| view! { <option value=k>{choice_label("course_kind", k)}</option> })
                    .collect_view()}
            </select>
            <label for="q-course-cost">{t!(i18n, q_course_cost)}</label>
            <Show when=move || invalid.get()>
                <p class="field-error" id="q-course-cost-error">{t!(i18n, error_money)}</p>
            </Show>
            <input
                type="text"
                inputmode="decimal"
                id="q-course-cost"
                class="input-medium"
                autocomplete="off"
                aria-invalid=move || invalid.get().to_string()
                prop:value=move || cost_text.get()
                on:change=move |ev| {
                    cost_text.set(event_target_value(&ev));
                    apply();
                }
            />
        </fieldset>
    }
}

fn question_label(field: &str) -> String {
    let i18n = use_i18n();
    match field {
        "birth_date" => t_string!(i18n, q_birth_date),
        "sex" => t_string!(i18n, q_sex),
        "residence_region" => t_string!(i18n, q_residence_region),
        "residence_province" => t_string!(i18n, q_residence_province),
        "foreign_citizen" => t_string!(i18n, q_foreign_citizen),
        "permit_allows_work" => t_string!(i18n, q_permit_allows_work),
        "employment_status" => t_string!(i18n, q_employment_status),
        "unemployed_since" => t_string!(i18n, q_unemployed_since),
        "cpi_registered" => t_string!(i18n, q_cpi_registered),
        "cpi_province" => t_string!(i18n, q_cpi_province),
        "cpi_registered_since" => t_string!(i18n, q_cpi_registered_since),
        "receives_naspi" => t_string!(i18n, q_receives_naspi),
        "mobility_list" => t_string!(i18n, q_mobility_list),
        "atypical_contract" => t_string!(i18n, q_atypical_contract),
        "wage_integration" => t_string!(i18n, q_wage_integration),
        "permanent_contract" => t_string!(i18n, q_permanent_contract),
        "isee" => t_string!(i18n, q_isee),
        "had_ila_2010" => t_string!(i18n, q_had_ila_2010),
        "voucher_last_3_years" => t_string!(i18n, q_voucher_last_3_years),
        _ => t_string!(i18n, q_education_eqf),
    }
    .to_string()
}

fn choice_label(field: &str, value: &str) -> String {
    let i18n = use_i18n();
    match (field, value) {
        ("sex", "f") => t_string!(i18n, sex_f),
        ("sex", _) => t_string!(i18n, sex_m),
        ("employment_status", "disoccupato") => t_string!(i18n, status_disoccupato),
        ("employment_status", "inoccupato") => t_string!(i18n, status_inoccupato),
        ("employment_status", "inattivo") => t_string!(i18n, status_inattivo),
        ("employment_status", "occupato") => t_string!(i18n, status_occupato),
        ("employment_status", _) => t_string!(i18n, status_autonomo),
        ("wage_integration", "nessuna") => t_string!(i18n, wage_nessuna),
        ("wage_integration", "cigo") => t_string!(i18n, wage_cigo),
        ("wage_integration", "cigs") => t_string!(i18n, wage_cigs),
        ("wage_integration", "cigd") => t_string!(i18n, wage_cigd),
        ("wage_integration", _) => t_string!(i18n, wage_solidarieta),
        ("course_kind", "qualifica") => t_string!(i18n, course_qualifica),
        ("course_kind", "certificazione_competenze") => t_string!(i18n, course_certificazione),
        ("course_kind", "corso_obbligatorio") => t_string!(i18n, course_obbligatorio),
        ("course_kind", "coaching") => t_string!(i18n, course_coaching),
        _ => t_string!(i18n, course_formazione),
    }
    .to_string()
}
