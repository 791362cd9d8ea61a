//! The questions still needed to decide, and only those, in short steps with a way back.
//! A question appears when some programme's outcome depends on its answer and stays once
//! shown, so an answer can be changed. The catalogue (order, steps, kinds) and the typed
//! setters are `sportello_core::programmes::questions`; this module only draws them with the
//! form kit, like every other form.

use std::collections::BTreeSet;

use leptos::prelude::*;
use sportello_core::libretto::PartialDate;
use sportello_core::money::{format_input, parse_eur};
use sportello_core::programmes::questions::{Answer, AnswerKind, Question, REGIONS, Step};
use sportello_core::programmes::{Course, CourseKind, EmploymentStatus, Evaluation, Profile};

use crate::components::employment_status::employment_status_label;
use crate::components::eqf::eqf_label;
use crate::components::focus::focus_by_id;
use crate::components::form::choice::{Choice, ChoiceRadios, Select};
use crate::components::form::date_field::DateField;
use crate::components::form::error_summary::ErrorSummary;
use crate::components::form::text_field::TextField;
use crate::components::form::{Bound, FormState, InputError};
use crate::i18n::{t, t_string, use_i18n};
use crate::tr;

/// One screen of the questions: a step of the catalogue, or the course (ILA only).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Page {
    Questions(Step),
    Course,
}

const STEP_HEADING: &str = "passo-domande";

#[component]
pub fn Questions(
    profile: RwSignal<Profile>,
    results: Memo<Vec<Evaluation>>,
    /// Ask for the course wanted (ILA and vouchers cap course costs; the dote does not).
    #[prop(optional)]
    with_course: bool,
    /// Where "see the results" moves focus.
    results_id: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let form = FormState::provide_inputs_only();
    let attempt = RwSignal::new(0u32);
    // Once a question has been shown it stays, so answering it never makes it vanish.
    let shown = StoredValue::new(BTreeSet::<Question>::new());
    let needed = Memo::new(move |_| {
        let missing: BTreeSet<String> = results.with(|r| r.iter().flat_map(|e| e.missing.clone()).collect());
        let mut now = shown.get_value();
        profile.with(|p| {
            for q in Question::ALL {
                if missing.contains(q.field()) || q.is_answered(p) {
                    now.insert(q);
                }
            }
        });
        shown.set_value(now.clone());
        Question::ALL
            .into_iter()
            .filter(|q| now.contains(q))
            .collect::<Vec<_>>()
    });
    let pages = Memo::new(move |_| {
        let needed = needed.get();
        let mut pages: Vec<Page> = Step::ALL
            .into_iter()
            .filter(|s| needed.iter().any(|q| q.step() == *s))
            .map(Page::Questions)
            .collect();
        if with_course {
            pages.push(Page::Course);
        }
        pages
    });
    let current = RwSignal::new(0usize);
    let index = move || current.get().min(pages.with(|p| p.len().saturating_sub(1)));
    // The page on screen, changing only when the person moves (not when a step appears).
    let page = Memo::new(move |_| pages.with(|p| p.get(index()).copied()));
    let go = move |to: usize| {
        current.set(to);
        request_animation_frame(|| focus_by_id(STEP_HEADING));
    };
    let on_continue = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !form.try_continue() {
            attempt.update(|a| *a += 1);
            return;
        }
        form.shown.set(false);
        if index() + 1 < pages.with(Vec::len) {
            go(index() + 1);
        } else {
            request_animation_frame(move || focus_by_id(results_id));
        }
    };

    view! {
        <section aria-labelledby="domande" class="questions">
            <h2 id="domande">{t!(i18n, ila_questions_heading)}</h2>
            <p>{t!(i18n, ila_questions_hint)}</p>
            <Show
                when=move || !pages.with(Vec::is_empty)
                fallback=move || view! { <p>{t!(i18n, ila_questions_none)}</p> }
            >
                <form class="step" novalidate on:submit=on_continue>
                    <ErrorSummary form attempt=attempt.read_only() />
                    <h3 id=STEP_HEADING tabindex="-1" class="step__heading">
                        <span class="step__count">
                            {move || {
                                t_string!(i18n, step_count)
                                    .replace("%n", &(index() + 1).to_string())
                                    .replace("%m", &pages.with(Vec::len).to_string())
                            }}
                        </span>
                        " "
                        {move || page.get().map(|p| page_title(i18n, p))}
                    </h3>
                    {move || match page.get() {
                        // Keyed: a question that appears does not redraw the others, so
                        // what is typed in them stays as typed.
                        Some(Page::Questions(step)) => view! {
                            <For
                                each=move || needed.get().into_iter().filter(move |q| q.step() == step)
                                key=|q| *q
                                children=move |q| question(profile, form, q)
                            />
                        }
                        .into_any(),
                        Some(Page::Course) => view! { <CourseQuestion profile form /> }.into_any(),
                        None => ().into_any(),
                    }}
                    <div class="button-row">
                        <Show when=move || { index() > 0 }>
                            <button type="button" class="button button--secondary" on:click=move |_| go(index() - 1)>
                                {t!(i18n, step_back)}
                            </button>
                        </Show>
                        <button type="submit" class="button">
                            {move || if index() + 1 < pages.with(Vec::len) {
                                t_string!(i18n, step_continue)
                            } else {
                                t_string!(i18n, step_see_results)
                            }}
                        </button>
                    </div>
                </form>
            </Show>
        </section>
    }
}

fn page_title(i18n: crate::I18n, page: Page) -> &'static str {
    match page {
        Page::Questions(Step::AboutYou) => t_string!(i18n, step_about_you),
        Page::Questions(Step::Work) => t_string!(i18n, step_work),
        Page::Questions(Step::CpiAndSupport) => t_string!(i18n, step_cpi),
        Page::Course => t_string!(i18n, step_course),
    }
}

/// The question's answer as a signal and the typed setter behind it.
fn answer_of(profile: RwSignal<Profile>, q: Question) -> Bound<Answer> {
    Bound {
        get: Signal::derive(move || profile.with(|p| q.answer(p))),
        set: Callback::new(move |a: Answer| {
            profile.update(|p| {
                // The controls below only produce answers of the question's kind.
                let _ = q.set(p, a);
            });
        }),
    }
}

/// A text field whose text is kept as typed and turned into an answer when it can be read.
fn typed_answer(
    form: FormState,
    q: Question,
    answer: Bound<Answer>,
    show: fn(&Answer) -> String,
    read: fn(&str) -> Option<Answer>,
    error: InputError,
) -> Bound<String> {
    let text = RwSignal::new(show(&answer.get.get_untracked()));
    form.typed_text(
        q.field(),
        text,
        move |v| {
            let read = if v.trim().is_empty() {
                Some(Answer::None)
            } else {
                read(v)
            };
            read.map(|a| answer.set.run(a)).is_some()
        },
        error,
    )
}

fn question(profile: RwSignal<Profile>, form: FormState, q: Question) -> AnyView {
    let i18n = use_i18n();
    let field = q.field();
    let label = Signal::derive(move || question_label(i18n, q).to_string());
    let answer = answer_of(profile, q);
    match q.kind() {
        AnswerKind::YesNo => {
            let options = Signal::derive(move || {
                vec![
                    Choice {
                        code: "si".into(),
                        label: t_string!(i18n, answer_yes).into(),
                        hint: None,
                    },
                    Choice {
                        code: "no".into(),
                        label: t_string!(i18n, answer_no).into(),
                        hint: None,
                    },
                ]
            });
            let value = Bound {
                get: Signal::derive(move || match answer.get.get() {
                    Answer::YesNo(true) => Some("si".to_owned()),
                    Answer::YesNo(false) => Some("no".to_owned()),
                    _ => None,
                }),
                set: Callback::new(move |c: Option<String>| {
                    answer
                        .set
                        .run(c.map_or(Answer::None, |c| Answer::YesNo(c == "si")));
                }),
            };
            view! { <ChoiceRadios field label value options hint=None /> }.into_any()
        }
        AnswerKind::Choice(codes) => {
            let options = Signal::derive(move || {
                codes
                    .iter()
                    .map(|c| Choice {
                        code: (*c).to_owned(),
                        label: choice_label(i18n, q, c),
                        hint: None,
                    })
                    .collect()
            });
            view! { <ChoiceRadios field label value=code_answer(answer) options hint=None /> }.into_any()
        }
        AnswerKind::Date => {
            let value = Bound {
                get: Signal::derive(move || match answer.get.get() {
                    Answer::Date(d) => Some(PartialDate::from(d)),
                    _ => None,
                }),
                set: Callback::new(move |d: Option<PartialDate>| {
                    answer
                        .set
                        .run(d.and_then(|d| d.to_date()).map_or(Answer::None, Answer::Date));
                }),
            };
            view! { <DateField field label value full=true /> }.into_any()
        }
        AnswerKind::Money => {
            let value = typed_answer(
                form,
                q,
                answer,
                |a| match a {
                    Answer::Money(m) => format_input(*m),
                    _ => String::new(),
                },
                |s| parse_eur(s).map(Answer::Money),
                InputError::Money,
            );
            view! { <TextField field label value hint=tr!(i18n, hint_money) inputmode="decimal" width="input--medium" autocomplete="off" /> }
                .into_any()
        }
        AnswerKind::Province => {
            let value = typed_answer(
                form,
                q,
                answer,
                |a| match a {
                    Answer::Code(c) => c.clone(),
                    _ => String::new(),
                },
                |s| {
                    let code = s.trim();
                    (code.len() == 2 && code.chars().all(|c| c.is_ascii_alphabetic()))
                        .then(|| Answer::Code(code.to_owned()))
                },
                InputError::Province,
            );
            view! { <TextField field label value hint=tr!(i18n, hint_province) width="input--short" autocomplete="off" /> }
                .into_any()
        }
        AnswerKind::Region => {
            let options = Signal::derive(|| {
                REGIONS
                    .iter()
                    .map(|(code, name)| ((*code).to_owned(), (*name).to_owned()))
                    .collect()
            });
            view! { <Select field label value=code_answer(answer) options key=|c: &String| c.clone() hint=None /> }.into_any()
        }
        AnswerKind::Eqf => {
            let options = Signal::derive(move || (0u8..=8).map(|l| (l, eqf_label(i18n, l))).collect());
            let value = Bound {
                get: Signal::derive(move || match answer.get.get() {
                    Answer::Level(l) => Some(l),
                    _ => None,
                }),
                set: Callback::new(move |l: Option<u8>| {
                    answer.set.run(l.map_or(Answer::None, Answer::Level))
                }),
            };
            view! { <Select field label value options key=|l: &u8| l.to_string() hint=None /> }.into_any()
        }
    }
}

/// A coded answer as the choice controls see it.
fn code_answer(answer: Bound<Answer>) -> Bound<Option<String>> {
    Bound {
        get: Signal::derive(move || match answer.get.get() {
            Answer::Code(c) => Some(c),
            _ => None,
        }),
        set: Callback::new(move |c: Option<String>| answer.set.run(c.map_or(Answer::None, Answer::Code))),
    }
}

const COURSE_KINDS: [CourseKind; 5] = [
    CourseKind::Formazione,
    CourseKind::Qualifica,
    CourseKind::CertificazioneCompetenze,
    CourseKind::CorsoObbligatorio,
    CourseKind::Coaching,
];

/// The course wanted: optional, for what each programme would cover.
#[component]
fn CourseQuestion(profile: RwSignal<Profile>, form: FormState) -> impl IntoView {
    let i18n = use_i18n();
    let kind = RwSignal::new(
        profile
            .with_untracked(|p| p.course.as_ref().map(|c| c.kind))
            .or(Some(CourseKind::Formazione)),
    );
    let cost = RwSignal::new(
        profile
            .with_untracked(|p| p.course.as_ref().map(|c| format_input(c.cost)))
            .unwrap_or_default(),
    );
    // Takes the cost as typed; false (the field then says why) if it is not an amount.
    let apply = move |text: &str| {
        let course = if text.trim().is_empty() {
            None
        } else {
            let Some(amount) = parse_eur(text) else {
                return false;
            };
            kind.get_untracked().map(|kind| Course { kind, cost: amount })
        };
        profile.update(|p| p.course = course);
        true
    };
    let options = Signal::derive(move || {
        COURSE_KINDS
            .iter()
            .map(|k| (*k, course_label(i18n, *k).to_owned()))
            .collect()
    });
    view! {
        <p class="field__hint">{t!(i18n, hint_course)}</p>
        <Select
            field="course_kind"
            label=tr!(i18n, q_course_kind)
            value=Bound { get: kind.into(), set: Callback::new(move |k| { kind.set(k); apply(&cost.get_untracked()); }) }
            options
            key=|k: &CourseKind| format!("{k:?}")
            hint=None
        />
        <TextField
            field="course_cost"
            label=tr!(i18n, q_course_cost)
            hint=tr!(i18n, hint_money)
            inputmode="decimal"
            width="input--medium"
            autocomplete="off"
            value=form.typed_text("course_cost", cost, apply, InputError::Money)
        />
    }
}

fn question_label(i18n: crate::I18n, q: Question) -> &'static str {
    match q {
        Question::BirthDate => t_string!(i18n, q_birth_date),
        Question::Sex => t_string!(i18n, q_sex),
        Question::ResidenceRegion => t_string!(i18n, q_residence_region),
        Question::ResidenceProvince => t_string!(i18n, q_residence_province),
        Question::ForeignCitizen => t_string!(i18n, q_foreign_citizen),
        Question::PermitAllowsWork => t_string!(i18n, q_permit_allows_work),
        Question::EducationEqf => t_string!(i18n, q_education_eqf),
        Question::DisabilityL68 => t_string!(i18n, q_disability_l68),
        Question::EmploymentStatus => t_string!(i18n, q_employment_status),
        Question::UnemployedSince => t_string!(i18n, q_unemployed_since),
        Question::PermanentContract => t_string!(i18n, q_permanent_contract),
        Question::AtypicalContract => t_string!(i18n, q_atypical_contract),
        Question::WageIntegration => t_string!(i18n, q_wage_integration),
        Question::MobilityList => t_string!(i18n, q_mobility_list),
        Question::FormerManager => t_string!(i18n, q_former_manager),
        Question::CpiRegistered => t_string!(i18n, q_cpi_registered),
        Question::CpiProvince => t_string!(i18n, q_cpi_province),
        Question::CpiRegisteredSince => t_string!(i18n, q_cpi_registered_since),
        Question::ReceivesNaspi => t_string!(i18n, q_receives_naspi),
        Question::NaspiSince => t_string!(i18n, q_naspi_since),
        Question::ReceivesIncomeSupport => t_string!(i18n, q_receives_income_support),
        Question::ReceivesRedditoCittadinanza => t_string!(i18n, q_receives_reddito_cittadinanza),
        Question::SocialServices => t_string!(i18n, q_social_services),
        Question::GaranziaGiovaniDone => t_string!(i18n, q_garanzia_giovani_done),
        Question::GolPath1 => t_string!(i18n, q_gol_path_1),
        Question::GolCourseFar => t_string!(i18n, q_gol_course_far),
        Question::GolEditionsUsedUp => t_string!(i18n, q_gol_editions_used_up),
        Question::PattoTrainingAction => t_string!(i18n, q_patto_training_action),
        Question::SelectedForHiring => t_string!(i18n, q_selected_for_hiring),
        Question::Isee => t_string!(i18n, q_isee),
        Question::HadIla2010 => t_string!(i18n, q_had_ila_2010),
        Question::VoucherLast3Years => t_string!(i18n, q_voucher_last_3_years),
    }
}

/// A coded choice's label; a code without one (a catalogue newer than the translations)
/// shows as itself rather than as another choice's label.
fn choice_label(i18n: crate::I18n, q: Question, code: &str) -> String {
    let label = match (q, code) {
        (Question::Sex, "F") => t_string!(i18n, sex_f),
        (Question::Sex, "M") => t_string!(i18n, sex_m),
        (Question::EmploymentStatus, c) if EmploymentStatus::from_code(c).is_some() => {
            EmploymentStatus::from_code(c).map_or("", |s| employment_status_label(i18n, s))
        }
        (Question::WageIntegration, "nessuna") => t_string!(i18n, wage_nessuna),
        (Question::WageIntegration, "cigo") => t_string!(i18n, wage_cigo),
        (Question::WageIntegration, "cigs") => t_string!(i18n, wage_cigs),
        (Question::WageIntegration, "cigd") => t_string!(i18n, wage_cigd),
        (Question::WageIntegration, "solidarieta") => t_string!(i18n, wage_solidarieta),
        _ => return code.to_owned(),
    };
    label.to_owned()
}

fn course_label(i18n: crate::I18n, kind: CourseKind) -> &'static str {
    match kind {
        CourseKind::Formazione => t_string!(i18n, course_formazione),
        CourseKind::Qualifica => t_string!(i18n, course_qualifica),
        CourseKind::CertificazioneCompetenze => t_string!(i18n, course_certificazione),
        CourseKind::CorsoObbligatorio => t_string!(i18n, course_obbligatorio),
        CourseKind::Coaching => t_string!(i18n, course_coaching),
    }
}
