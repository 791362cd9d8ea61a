//! One programme's outcome for the person: the answer, the reason criterion by criterion
//! with its source, the amounts, and what to do next. Shared by the ILA and dote pages.

use leptos::prelude::*;
use sportello_core::money::format_eur;
use sportello_core::programmes::{self, AmountOutcome, Evaluation, Mark, Outcome, Status, Text};

use crate::components::local_time::date;
use crate::i18n::{t, t_string, use_i18n};

/// Every programme's card, grouped as a person reads them: what is open to them first, then
/// what a few more answers would settle; what is closed to them and the closed schemes of the
/// past ("storico") are folded away. All cards are redrawn when an answer changes: a handful
/// of small cards, so finer-grained keys would buy nothing.
#[component]
pub fn ProgrammeResults(results: Memo<Vec<Evaluation>>) -> impl IntoView {
    let i18n = use_i18n();
    let group = move |keep: fn(&Evaluation) -> bool| {
        move || {
            results
                .get()
                .into_iter()
                .filter(keep)
                .map(|evaluation| view! { <li><ProgrammeResult evaluation /></li> })
                .collect_view()
        }
    };
    let count = move |keep: fn(&Evaluation) -> bool| results.with(|r| r.iter().filter(|e| keep(e)).count());
    let open = |e: &Evaluation| !e.historical && e.outcome == Outcome::Eligible;
    let maybe = |e: &Evaluation| !e.historical && e.outcome == Outcome::CannotDetermine;
    let closed = |e: &Evaluation| !e.historical && e.outcome == Outcome::NotEligible;
    let past = |e: &Evaluation| e.historical;
    view! {
        <h3>{t!(i18n, results_open_heading)}</h3>
        <Show when=move || count(open) == 0>
            <p>{t!(i18n, results_open_none)}</p>
        </Show>
        <ul class="result-list">{group(open)}</ul>
        <Show when=move || { count(maybe) > 0 }>
            <h3>{t!(i18n, results_maybe_heading)}</h3>
            <ul class="result-list">{group(maybe)}</ul>
        </Show>
        <Show when=move || { count(closed) > 0 }>
            <details class="results-folded">
                <summary>{move || t_string!(i18n, results_closed_heading).replace("%s", &count(closed).to_string())}</summary>
                <ul class="result-list">{group(closed)}</ul>
            </details>
        </Show>
        <Show when=move || { count(past) > 0 }>
            <details class="results-folded">
                <summary>{move || t_string!(i18n, results_storico_heading).replace("%s", &count(past).to_string())}</summary>
                <ul class="result-list">{group(past)}</ul>
            </details>
        </Show>
    }
}

#[component]
pub fn ProgrammeResult(evaluation: Evaluation) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || i18n.lang();
    let text = move |t: &Text| t.pick(lang()).to_owned();
    let programme = programmes::find(&evaluation.programme);
    let heading_id = format!("esito-{}", evaluation.programme);
    let period = programme.map(|p| match (p.valid_from, p.valid_to) {
        (Some(f), Some(to)) => format!("{} – {}", date(f), date(to)),
        (Some(f), None) => format!("{} {}", t_string!(i18n, period_from), date(f)),
        (None, Some(to)) => format!("{} {}", t_string!(i18n, period_until), date(to)),
        (None, None) => t_string!(i18n, period_unknown).to_string(),
    });
    let outcome_class = match evaluation.outcome {
        Outcome::Eligible => "badge badge--yes",
        Outcome::NotEligible => "badge badge--no",
        Outcome::CannotDetermine => "badge badge--maybe",
    };
    let outcome = evaluation.outcome;
    let name = evaluation.name.clone();
    let summary = programme.map(|p| p.summary.clone());
    let next = programme.and_then(|p| p.next_steps.clone());
    let sources = programme.map(|p| p.sources.join("; ")).unwrap_or_default();
    let historical = evaluation.historical;

    view! {
        <article class="result" aria-labelledby=heading_id.clone()>
            <h3 id=heading_id.clone()>{move || text(&name)}</h3>
            <p class="result__meta">
                <Show when=move || historical>
                    <span class="badge badge--history">{t!(i18n, badge_storico)}</span>
                    " "
                </Show>
                <span>{period}</span>
            </p>
            <p class=outcome_class>
                {move || match outcome {
                    Outcome::Eligible => t_string!(i18n, outcome_eligible),
                    Outcome::NotEligible => t_string!(i18n, outcome_not_eligible),
                    Outcome::CannotDetermine => t_string!(i18n, outcome_cannot_determine),
                }}
            </p>
            {summary.map(|s| view! { <p>{move || text(&s)}</p> })}
            <h4>{t!(i18n, result_why)}</h4>
            <ul class="criteria">
                {evaluation
                    .criteria
                    .into_iter()
                    .map(|c| {
                        let status = c.status;
                        let label = c.label.clone();
                        view! {
                            <li class=format!("criterion criterion--{}", status_class(status))>
                                <strong>
                                    {move || match status {
                                        Status::Met => t_string!(i18n, criterion_met),
                                        Status::Failed => t_string!(i18n, criterion_failed),
                                        Status::Unknown => t_string!(i18n, criterion_unknown),
                                    }}
                                </strong>
                                " "
                                {move || text(&label)}
                                <br />
                                <span class="source">
                                    {t!(i18n, result_source)} " " <cite>{c.source}</cite> " (" {mark_label(c.mark)} ")"
                                </span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <Show when={
                let empty = evaluation.amounts.is_empty();
                move || !empty
            }>
                <h4>{t!(i18n, result_amounts)}</h4>
            </Show>
            <ul class="amounts">
                {evaluation.amounts.into_iter().map(|a| view! { <AmountLine amount=a /> }).collect_view()}
            </ul>
            {next.filter(|_| outcome != Outcome::NotEligible).map(|n| view! {
                <p class="next-step"><strong>{t!(i18n, result_next)}</strong> " " {move || text(&n)}</p>
            })}
            <p class="source">{t!(i18n, result_sources)} " " <cite>{sources}</cite></p>
        </article>
    }
}

#[component]
fn AmountLine(amount: AmountOutcome) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || i18n.lang();
    let a = amount;
    let label = a.label.clone();
    let figure = move || match a.min {
        Some(min) => format!("{} – {}", format_eur(min, lang()), format_eur(a.max, lang())),
        None => format!("{} {}", t_string!(i18n, amount_up_to), format_eur(a.max, lang())),
    };
    let course = a.covered.zip(a.left_to_pay).map(|(covered, left)| {
        move || {
            format!(
                "{} {} · {} {}",
                t_string!(i18n, amount_covered),
                format_eur(covered, lang()),
                t_string!(i18n, amount_left_to_pay),
                format_eur(left, lang())
            )
        }
    });
    let applies = a.applies;
    view! {
        <li class="amount">
            {move || label.pick(lang()).to_owned()} ": " <strong>{figure}</strong>
            {a.months.map(|m| view! { " " <span>{move || format!("({m} {})", t_string!(i18n, amount_months))}</span> })}
            <Show when=move || a.illustrative>
                " " <span class="illustrative">{t!(i18n, illustrative_value)}</span>
            </Show>
            <Show when=move || applies == Status::Failed>
                " " <span class="muted">{t!(i18n, amount_not_for_you)}</span>
            </Show>
            {course.map(|c| view! { <br /> <span class="amount__course">{c}</span> })}
            " " <span class="source">"(" {mark_label(a.mark)} ")"</span>
        </li>
    }
}

fn status_class(status: Status) -> &'static str {
    match status {
        Status::Met => "met",
        Status::Failed => "failed",
        Status::Unknown => "unknown",
    }
}

pub fn mark_label(mark: Mark) -> String {
    let i18n = use_i18n();
    match mark {
        Mark::C => t_string!(i18n, mark_c),
        Mark::I => t_string!(i18n, mark_i),
        Mark::U => t_string!(i18n, mark_u),
    }
    .to_string()
}
