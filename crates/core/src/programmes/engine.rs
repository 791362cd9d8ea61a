//! Evaluating a profile against programmes: the outcome, the reason for it criterion by
//! criterion with sources, the answers still missing, the priority groups matched, and what
//! a course would cost after each cap.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use super::card::{CardOutcome, card_outcome};
use super::criterion::Status;
use super::{Criterion, Mark, Programme, Text};
use crate::programmes::profile::Profile;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Eligible,
    NotEligible,
    CannotDetermine,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CriterionOutcome {
    pub id: String,
    pub status: Status,
    pub label: Text,
    pub source: String,
    pub mark: Mark,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AmountOutcome {
    pub id: String,
    pub label: Text,
    pub max: Decimal,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub months: Option<u32>,
    /// Whether the amount is for this person: its condition met, failed, or undecided.
    pub applies: Status,
    /// For a course this cap applies to: what the programme covers and what is left to pay.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub covered: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub left_to_pay: Option<Decimal>,
    pub source: String,
    pub mark: Mark,
    pub illustrative: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evaluation {
    pub programme: String,
    pub name: Text,
    pub outcome: Outcome,
    /// The scheme is closed on the reference date: the answer says what its rules were.
    pub historical: bool,
    pub reference_date: NaiveDate,
    pub criteria: Vec<CriterionOutcome>,
    /// Profile fields whose answers would settle the unknown criteria.
    pub missing: Vec<String>,
    /// Priority groups the profile belongs to (a label, never a score).
    pub priority: Vec<String>,
    pub amounts: Vec<AmountOutcome>,
    /// For a card-based ILA with a card already loaded: what it holds and until when.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub card: Option<CardOutcome>,
    /// Whether the hire described counts as the path's job result.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub result: Option<CriterionOutcome>,
}

/// `on` is used when the profile has no reference date of its own.
pub fn evaluate(programme: &Programme, profile: &Profile, on: NaiveDate) -> Evaluation {
    let on = profile.reference_date.unwrap_or(on);
    let mut missing: Vec<String> = Vec::new();
    let criteria: Vec<CriterionOutcome> = programme
        .criteria
        .iter()
        .map(|c| {
            let (outcome, needs) = outcome_of(c, profile, on);
            for m in needs {
                if !missing.iter().any(|x| x == m) {
                    missing.push(m.to_owned());
                }
            }
            outcome
        })
        .collect();
    let outcome = if criteria.iter().any(|c| c.status == Status::Failed) {
        Outcome::NotEligible
    } else if criteria.iter().any(|c| c.status == Status::Unknown) {
        Outcome::CannotDetermine
    } else {
        Outcome::Eligible
    };
    // A decided outcome needs no more answers.
    if outcome == Outcome::NotEligible {
        missing.clear();
    }
    let priority = programme
        .priority
        .iter()
        .filter(|g| g.test.evaluate(profile, on).status == Status::Met)
        .map(|g| g.id.clone())
        .collect();
    let amounts = programme
        .amounts
        .iter()
        .map(|a| {
            let course = profile
                .course
                .as_ref()
                .filter(|c| a.caps_course && (a.course_kinds.is_empty() || a.course_kinds.contains(&c.kind)));
            let covered = course.map(|c| c.cost.min(a.max));
            let applies = a
                .condition
                .as_ref()
                .map_or(Status::Met, |t| t.evaluate(profile, on).status);
            AmountOutcome {
                id: a.id.clone(),
                label: a.label.clone(),
                max: a.max,
                min: a.min,
                months: a.months,
                applies,
                covered,
                left_to_pay: course.zip(covered).map(|(c, cov)| c.cost - cov),
                source: a.source.clone(),
                mark: a.mark,
                illustrative: a.illustrative,
            }
        })
        .collect();
    Evaluation {
        programme: programme.id.clone(),
        name: programme.name.clone(),
        outcome,
        historical: programme.is_historical(on),
        reference_date: on,
        criteria,
        missing,
        priority,
        amounts,
        card: programme
            .card
            .as_ref()
            .and_then(|rules| card_outcome(rules, profile, on)),
        result: programme.result.as_ref().map(|c| outcome_of(c, profile, on).0),
    }
}

fn outcome_of(c: &Criterion, profile: &Profile, on: NaiveDate) -> (CriterionOutcome, Vec<&'static str>) {
    let finding = c.test.evaluate(profile, on);
    (
        CriterionOutcome {
            id: c.id.clone(),
            status: finding.status,
            label: c.label.clone(),
            source: c.source.clone(),
            mark: c.mark,
        },
        finding.missing,
    )
}

pub fn evaluate_all<'a>(
    programmes: impl IntoIterator<Item = &'a Programme>,
    profile: &Profile,
    on: NaiveDate,
) -> Vec<Evaluation> {
    programmes.into_iter().map(|p| evaluate(p, profile, on)).collect()
}

/// Every programme of the given kinds (as the ILA and dote pages show them).
pub fn evaluate_kinds(kinds: &[super::Kind], profile: &Profile, on: NaiveDate) -> Vec<Evaluation> {
    let Ok(all) = super::catalogue() else {
        return Vec::new();
    };
    evaluate_all(all.iter().filter(|p| kinds.contains(&p.kind)), profile, on)
}
