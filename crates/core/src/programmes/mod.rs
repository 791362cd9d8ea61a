//! Programme rules as data: each scheme (ILA, Tuscan vouchers, Lombardy doti, incentives) is
//! a JSON file under `crates/core/programmes/`, embedded at build time, naming its sources,
//! validity, criteria, priority groups and amounts — each with its source and confidence
//! mark. The engine in [`engine`] evaluates a [`Profile`] against them.
//!
//! A policy change is a data change: add or edit a file, and the tests in this module check
//! that it parses, that every criterion and figure has a source, and that unconfirmed
//! figures are marked illustrative (rules R1–R6 of the domain notes).

pub mod card;
pub mod criterion;
pub mod dates;
pub mod dote;
pub mod engine;
pub mod prefill;
pub mod profile;
pub mod questions;

use std::sync::OnceLock;

use chrono::NaiveDate;

use crate::Lang;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

pub use card::{Card, CardError, CardOutcome, Movement, MovementKind};
pub use criterion::{Status, Test};
pub use engine::{
    AmountOutcome, CriterionOutcome, Evaluation, Outcome, evaluate, evaluate_all, evaluate_kinds,
};
pub use profile::{
    ContractLength, Course, CourseKind, EmploymentStatus, IlaSpend, Profile, ProfileError, WageIntegration,
};

/// How sure we are of a rule or figure: the domain notes' marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Mark {
    /// Confirmed: the cited source states it.
    C,
    /// Secondary or inferred from a cited source.
    I,
    /// Unconfirmed: never shown as official.
    U,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Ila,
    Voucher,
    Dote,
    IncomeSupport,
    HiringIncentive,
}

/// Text in every language of the interface: all six are required, so a programme file
/// that lacks one does not load (and `all()`'s test fails) instead of showing Italian
/// unannounced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub it: String,
    pub en: String,
    pub fr: String,
    pub ro: String,
    pub sq: String,
    pub ar: String,
}

impl Text {
    pub fn pick(&self, lang: Lang) -> &str {
        match lang {
            Lang::It => &self.it,
            Lang::En => &self.en,
            Lang::Fr => &self.fr,
            Lang::Ro => &self.ro,
            Lang::Sq => &self.sq,
            Lang::Ar => &self.ar,
        }
    }

    /// From the six texts in [`Lang::ALL`]'s order.
    pub fn new([it, en, fr, ro, sq, ar]: [&str; 6]) -> Text {
        Text {
            it: it.to_owned(),
            en: en.to_owned(),
            fr: fr.to_owned(),
            ro: ro.to_owned(),
            sq: sq.to_owned(),
            ar: ar.to_owned(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Programme {
    pub id: String,
    pub kind: Kind,
    pub name: Text,
    pub territory: String,
    pub valid_from: Option<NaiveDate>,
    pub valid_to: Option<NaiveDate>,
    /// Closed by its own terms (funds spent, last deadline passed) even without an end date.
    #[serde(default)]
    pub closed: bool,
    /// The acts and pages the programme's rules come from.
    pub sources: Vec<String>,
    pub summary: Text,
    pub criteria: Vec<Criterion>,
    #[serde(default)]
    pub priority: Vec<PriorityGroup>,
    #[serde(default)]
    pub amounts: Vec<Amount>,
    /// What to do next, once eligible.
    #[serde(default)]
    pub next_steps: Option<Text>,
    /// For an ILA paid on a card: how much it holds, in what steps, and for how long.
    #[serde(default)]
    pub card: Option<CardRules>,
    /// What counts as a job found at the end of the path (a dote's *risultato occupazionale*):
    /// a sourced test on the hire, reported beside the outcome, never a condition of it.
    #[serde(default)]
    pub result: Option<Criterion>,
}

/// An ILA card's own rules, each from the scheme's source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CardRules {
    /// The most the card can ever hold.
    pub cap: Decimal,
    /// Loads come in steps of this much, where the scheme says so.
    #[serde(default)]
    pub top_up: Option<Decimal>,
    /// Months the card can be used for, from its first load.
    pub valid_months: u32,
    pub source: String,
    pub mark: Mark,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
// No `deny_unknown_fields` here: serde cannot combine it with `flatten`; `Test` denies them.
pub struct Criterion {
    pub id: String,
    pub label: Text,
    pub source: String,
    pub mark: Mark,
    #[serde(flatten)]
    pub test: Test,
}

/// A priority group has the shape of a criterion: a labelled, sourced test. Matching it is
/// a label on the outcome, never a condition of it.
pub type PriorityGroup = Criterion;

/// A sum of money a programme pays or caps: per course kind, a flat maximum, or a range.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Amount {
    pub id: String,
    pub label: Text,
    /// The maximum (or the only) amount.
    pub max: Decimal,
    /// For ranges (e.g. Assegno di Ricollocazione): the minimum.
    #[serde(default)]
    pub min: Option<Decimal>,
    /// The course kinds this cap applies to; empty = any course.
    #[serde(default)]
    pub course_kinds: Vec<CourseKind>,
    /// For allowances paid over time: over how many months at most.
    #[serde(default)]
    pub months: Option<u32>,
    /// Who the amount is for (e.g. the allowance only without other benefits); always if absent.
    #[serde(default)]
    pub condition: Option<Test>,
    /// Whether the cap limits what a course may cost (so a left-to-pay can be computed).
    #[serde(default)]
    pub caps_course: bool,
    pub source: String,
    pub mark: Mark,
    /// Not stated by any source: an editable default, shown as "Valore illustrativo".
    #[serde(default)]
    pub illustrative: bool,
    /// Where an illustrative default comes from; empty if nothing supports it.
    #[serde(default)]
    pub basis: Option<String>,
}

impl Programme {
    /// Closed schemes are shown as "storico": the check says what the rules were.
    pub fn is_historical(&self, on: NaiveDate) -> bool {
        self.closed || self.valid_to.is_some_and(|to| to < on)
    }
}

/// The programme files, in the order they are listed to users.
const FILES: &[&str] = &[
    include_str!("../../programmes/ila-pistoia-2005.json"),
    include_str!("../../programmes/ila-toscana.json"),
    include_str!("../../programmes/ila-firenze-2012.json"),
    include_str!("../../programmes/ila-lucca-2012.json"),
    include_str!("../../programmes/ila-massa-carrara-2013.json"),
    include_str!("../../programmes/ila-trento-2010.json"),
    include_str!("../../programmes/voucher-toscana-2016.json"),
    include_str!("../../programmes/voucher-toscana-2017-a.json"),
    include_str!("../../programmes/voucher-toscana-2017-b.json"),
    include_str!("../../programmes/voucher-toscana-gol.json"),
    include_str!("../../programmes/voucher-toscana-just-in-time-2026.json"),
    include_str!("../../programmes/dote-lavoro-2009.json"),
    include_str!("../../programmes/dote-las-2009.json"),
    include_str!("../../programmes/dul-fase-v.json"),
    include_str!("../../programmes/pil-2015.json"),
    include_str!("../../programmes/incentivi-dul-2014.json"),
    include_str!("../../programmes/incentivi-dul-2021.json"),
    include_str!("../../programmes/assegno-ricollocazione.json"),
];

#[derive(Debug, thiserror::Error)]
#[error("programme file #{index} is malformed: {source}")]
pub struct CatalogueError {
    index: usize,
    source: serde_json::Error,
}

/// Every programme, parsed once. The files are part of the build and tested, so an error
/// here is a build defect; it is still returned, not panicked on.
pub fn catalogue() -> Result<&'static [Programme], &'static CatalogueError> {
    static CATALOGUE: OnceLock<Result<Vec<Programme>, CatalogueError>> = OnceLock::new();
    CATALOGUE
        .get_or_init(|| {
            FILES
                .iter()
                .enumerate()
                .map(|(index, text)| {
                    serde_json::from_str(text).map_err(|source| CatalogueError { index, source })
                })
                .collect()
        })
        .as_ref()
        .map(Vec::as_slice)
}

pub fn find(id: &str) -> Option<&'static Programme> {
    catalogue().ok()?.iter().find(|p| p.id == id)
}
