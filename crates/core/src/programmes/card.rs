//! An ILA card kept over time: the citizen records each load and each payment, and the
//! scheme's own card rules (the most it can hold, the size of a top-up, the months it can be
//! used for — data in the programme's file) say what is left, what can still be loaded and
//! until when.
//!
//! The eligibility check describes the same card with three profile answers (`ila_loaded`,
//! `ila_first_load_date`, `ila_spent`); a recorded card is summed into those answers and both
//! go through the one [`card_outcome`], so the figures cannot disagree.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::dates::months_after;
use super::profile::{IlaSpend, Profile};
use super::{CardRules, Mark, Programme};
use crate::libretto::Vocabulary;

/// An ILA card in hand, under its scheme's rules.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CardOutcome {
    pub loaded: Decimal,
    pub spent: Decimal,
    /// Loaded and not spent.
    pub balance: Decimal,
    /// What can still be loaded before the cap (in whole top-up steps where the scheme has them).
    pub can_still_load: Decimal,
    /// The last day the card can be used, when the first load's date is known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<NaiveDate>,
    /// The reference date is after `valid_until`.
    pub lapsed: bool,
    pub source: String,
    pub mark: Mark,
}

/// The card's state on `on`; nothing until the profile says what was loaded.
pub fn card_outcome(rules: &CardRules, profile: &Profile, on: NaiveDate) -> Option<CardOutcome> {
    let loaded = profile.ila_loaded?;
    let spent = profile.ila_spent_total();
    let valid_until = profile
        .ila_first_load_date
        .and_then(|first| last_day(rules, first));
    Some(CardOutcome {
        loaded,
        spent,
        balance: loaded - spent,
        can_still_load: room(rules, loaded),
        valid_until,
        lapsed: valid_until.is_some_and(|last| on > last),
        source: rules.source.clone(),
        mark: rules.mark,
    })
}

/// The last day of `valid_months` from the first load: 24 months from 1 March 2024 run to
/// 28 February 2026.
fn last_day(rules: &CardRules, first_load: NaiveDate) -> Option<NaiveDate> {
    months_after(first_load, rules.valid_months).and_then(|end| end.pred_opt())
}

/// What can still be loaded on a card holding `loaded`: up to the cap, in whole steps.
fn room(rules: &CardRules, loaded: Decimal) -> Decimal {
    let room = (rules.cap - loaded).max(Decimal::ZERO);
    match rules.top_up {
        Some(step) if step > Decimal::ZERO => (room / step).floor() * step,
        _ => room,
    }
}

/// A card as the citizen records it on this device: the scheme it belongs to and every
/// movement, kept in date order (on one day, loads before payments: a load and a payment
/// made the same day never count as an overdraft).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Card {
    /// The id of the programme whose `card` rules apply.
    pub programme: String,
    #[serde(default)]
    pub movements: Vec<Movement>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Movement {
    pub date: NaiveDate,
    /// Euro, always more than zero: `kind` says which way it went.
    pub amount: Decimal,
    pub kind: MovementKind,
    /// The citizen's own words (which course, which receipt).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MovementKind {
    Load,
    Spend(IlaSpend),
}

/// Why a movement cannot be recorded (or removed): each one a rule of the card or of time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CardError {
    #[error("the amount must be more than zero, in euro and cents")]
    BadAmount,
    #[error("the date is in the future")]
    InFuture,
    #[error("loads come in steps of {step}")]
    NotAStep { step: Decimal },
    #[error("the card can take only {room} more")]
    OverCap { room: Decimal },
    #[error("nothing had been loaded on the card by that day")]
    BeforeFirstLoad,
    #[error("the card could be used until {last_day}")]
    Lapsed { last_day: NaiveDate },
    #[error("only {available} was on the card then")]
    OverBalance { available: Decimal },
    #[error("payments recorded after this load would no longer be covered")]
    LoadInUse,
}

impl Movement {
    fn signed(&self) -> Decimal {
        match self.kind {
            MovementKind::Load => self.amount,
            MovementKind::Spend(_) => -self.amount,
        }
    }

    fn is_load(&self) -> bool {
        self.kind == MovementKind::Load
    }
}

impl Card {
    /// The card rules of this card's programme, if the catalogue has a card scheme by that id.
    pub fn scheme(&self) -> Option<&'static Programme> {
        super::catalogue()
            .ok()?
            .iter()
            .find(|p| p.id == self.programme && p.card.is_some())
    }

    pub fn loaded(&self) -> Decimal {
        self.movements
            .iter()
            .filter(|m| m.is_load())
            .map(|m| m.amount)
            .sum()
    }

    pub fn first_load(&self) -> Option<NaiveDate> {
        self.movements
            .iter()
            .filter(|m| m.is_load())
            .map(|m| m.date)
            .min()
    }

    /// Spent so far, by what it paid for.
    pub fn spent(&self) -> BTreeMap<IlaSpend, Decimal> {
        let mut out = BTreeMap::new();
        for m in &self.movements {
            if let MovementKind::Spend(category) = m.kind {
                *out.entry(category).or_insert(Decimal::ZERO) += m.amount;
            }
        }
        out
    }

    /// The card as the eligibility check's answers (nothing loaded: no answer).
    pub fn fill(&self, profile: &mut Profile) {
        let any = self.movements.iter().any(Movement::is_load);
        profile.ila_loaded = any.then(|| self.loaded());
        profile.ila_first_load_date = self.first_load();
        profile.ila_spent = self.spent();
    }

    pub fn outcome(&self, rules: &CardRules, on: NaiveDate) -> Option<CardOutcome> {
        let mut profile = Profile::default();
        self.fill(&mut profile);
        card_outcome(rules, &profile, on)
    }

    /// Records a movement if the card's rules allow it on its day, given everything recorded
    /// before and after it; otherwise the card is left as it was.
    pub fn add(
        &mut self,
        mut movement: Movement,
        rules: &CardRules,
        today: NaiveDate,
    ) -> Result<(), CardError> {
        if movement.amount <= Decimal::ZERO || movement.amount.round_dp(2) != movement.amount {
            return Err(CardError::BadAmount);
        }
        // Kept in cents, however it was typed ("500" is stored as "500.00").
        movement.amount.rescale(2);
        if movement.date > today {
            return Err(CardError::InFuture);
        }
        if movement.is_load() {
            if let Some(step) = rules.top_up.filter(|s| *s > Decimal::ZERO)
                && !(movement.amount % step).is_zero()
            {
                return Err(CardError::NotAStep { step });
            }
            if self.loaded() + movement.amount > rules.cap {
                return Err(CardError::OverCap {
                    room: room(rules, self.loaded()),
                });
            }
        } else {
            if self.first_load().is_none_or(|first| movement.date < first) {
                return Err(CardError::BeforeFirstLoad);
            }
            let available = self.available_on(movement.date);
            if movement.amount > available {
                return Err(CardError::OverBalance {
                    available: available.max(Decimal::ZERO),
                });
            }
        }
        let mut next = self.clone();
        next.insert(movement);
        if let Some(last_day) = next.lapsed_movement(rules) {
            return Err(CardError::Lapsed { last_day });
        }
        *self = next;
        Ok(())
    }

    /// Takes a movement off, unless that leaves a later payment uncovered.
    pub fn remove(&mut self, index: usize) -> Result<Movement, CardError> {
        if index >= self.movements.len() {
            return Err(CardError::LoadInUse);
        }
        let mut next = self.clone();
        let removed = next.movements.remove(index);
        if !next.covered() {
            return Err(CardError::LoadInUse);
        }
        *self = next;
        Ok(removed)
    }

    /// What a payment on `day` can use without leaving that day or any later one short.
    fn available_on(&self, day: NaiveDate) -> Decimal {
        let through = |d: NaiveDate| -> Decimal {
            self.movements
                .iter()
                .filter(|m| m.date <= d)
                .map(Movement::signed)
                .sum()
        };
        self.movements
            .iter()
            .map(|m| m.date)
            .filter(|d| *d > day)
            .fold(through(day), |least, d| least.min(through(d)))
    }

    /// Every payment falls after a load and every day ends with money on the card.
    fn covered(&self) -> bool {
        let Some(first) = self.first_load() else {
            return self.movements.is_empty();
        };
        self.movements.iter().all(|m| m.is_load() || m.date >= first)
            && self
                .movements
                .iter()
                .all(|m| self.available_on(m.date) >= Decimal::ZERO)
    }

    /// The card's last day, if some movement falls after it.
    fn lapsed_movement(&self, rules: &CardRules) -> Option<NaiveDate> {
        let last = last_day(rules, self.first_load()?)?;
        self.movements.iter().any(|m| m.date > last).then_some(last)
    }

    fn insert(&mut self, movement: Movement) {
        let at = self
            .movements
            .iter()
            .position(|m| {
                m.date > movement.date || (m.date == movement.date && movement.is_load() && !m.is_load())
            })
            .unwrap_or(self.movements.len());
        self.movements.insert(at, movement);
    }

    /// The movements as a spreadsheet reads them: one line each, amounts with a point.
    pub fn to_csv(&self) -> String {
        let mut out = String::from("data,movimento,categoria,importo,nota\n");
        for m in &self.movements {
            let (kind, category) = match m.kind {
                MovementKind::Load => ("ricarica", ""),
                MovementKind::Spend(c) => ("spesa", c.code()),
            };
            out.push_str(&format!(
                "{},{kind},{category},{:.2},{}\n",
                m.date,
                m.amount,
                crate::csv::cell(&m.note)
            ));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().expect("date")
    }

    fn eur(s: &str) -> Decimal {
        s.parse().expect("amount")
    }

    fn rules() -> CardRules {
        CardRules {
            cap: eur("2500"),
            top_up: Some(eur("500")),
            valid_months: 24,
            source: "seed 000".into(),
            mark: Mark::C,
        }
    }

    fn load(date: &str, amount: &str) -> Movement {
        Movement {
            date: d(date),
            amount: eur(amount),
            kind: MovementKind::Load,
            note: String::new(),
        }
    }

    fn spend(date: &str, amount: &str) -> Movement {
        Movement {
            date: d(date),
            amount: eur(amount),
            kind: MovementKind::Spend(IlaSpend::Corso),
            note: String::new(),
        }
    }

    const TODAY: &str = "2026-12-03";

    fn card(movements: &[Movement]) -> Card {
        let mut card = Card {
            programme: "ila-toscana".into(),
            movements: Vec::new(),
        };
        for m in movements {
            card.add(m.clone(), &rules(), d(TODAY)).expect("valid movement");
        }
        card
    }

    #[test]
    fn loads_come_in_steps_up_to_the_cap() {
        let mut c = card(&[load("2025-01-10", "2000")]);
        assert_eq!(
            c.add(load("2025-02-01", "250"), &rules(), d(TODAY)),
            Err(CardError::NotAStep { step: eur("500") })
        );
        assert_eq!(
            c.add(load("2025-02-01", "1000"), &rules(), d(TODAY)),
            Err(CardError::OverCap { room: eur("500") })
        );
        assert_eq!(c.add(load("2025-02-01", "500"), &rules(), d(TODAY)), Ok(()));
        let out = c.outcome(&rules(), d(TODAY)).expect("loaded");
        assert_eq!((out.loaded, out.can_still_load), (eur("2500"), eur("0")));
    }

    #[test]
    fn a_payment_needs_money_on_the_card_that_day_and_every_day_after() {
        let mut c = card(&[
            load("2025-01-10", "500"),
            spend("2025-03-01", "400"),
            load("2025-04-01", "500"),
        ]);
        assert_eq!(
            c.add(spend("2025-01-09", "10"), &rules(), d(TODAY)),
            Err(CardError::BeforeFirstLoad)
        );
        // On 1 February 500 were there, but 400 of them are needed on 1 March.
        assert_eq!(
            c.add(spend("2025-02-01", "200"), &rules(), d(TODAY)),
            Err(CardError::OverBalance {
                available: eur("100")
            })
        );
        assert_eq!(c.add(spend("2025-02-01", "100"), &rules(), d(TODAY)), Ok(()));
        // A load and a payment on the same day: the load covers it, whatever the order typed.
        assert_eq!(c.add(spend("2025-06-01", "500"), &rules(), d(TODAY)), Ok(()));
        assert_eq!(c.add(load("2025-06-01", "500"), &rules(), d(TODAY)), Ok(()));
        assert_eq!(c.add(spend("2025-06-01", "500"), &rules(), d(TODAY)), Ok(()));
        assert!(c.movements[4].is_load(), "{:?}", c.movements);
        let out = c.outcome(&rules(), d(TODAY)).expect("loaded");
        assert_eq!(out.balance, eur("0"));
    }

    #[test]
    fn the_card_lapses_after_the_last_day_of_its_months() {
        let mut c = card(&[load("2024-03-01", "500")]);
        assert_eq!(c.add(spend("2026-02-28", "100"), &rules(), d(TODAY)), Ok(()));
        assert_eq!(
            c.add(spend("2026-03-01", "100"), &rules(), d(TODAY)),
            Err(CardError::Lapsed {
                last_day: d("2026-02-28")
            })
        );
        assert_eq!(
            c.add(load("2026-03-01", "500"), &rules(), d(TODAY)),
            Err(CardError::Lapsed {
                last_day: d("2026-02-28")
            })
        );
        assert!(c.outcome(&rules(), d(TODAY)).expect("loaded").lapsed);
        assert_eq!(
            c.add(load("2026-12-04", "500"), &rules(), d(TODAY)),
            Err(CardError::InFuture)
        );
    }

    #[test]
    fn a_load_paid_from_cannot_be_removed_a_payment_can() {
        let mut c = card(&[
            load("2025-01-10", "500"),
            load("2025-02-10", "500"),
            spend("2025-03-01", "800"),
        ]);
        assert_eq!(c.remove(0), Err(CardError::LoadInUse));
        assert_eq!(c.movements.len(), 3, "nothing taken off");
        assert_eq!(c.remove(2).map(|m| m.amount), Ok(eur("800")));
        assert_eq!(c.remove(0).map(|m| m.date), Ok(d("2025-01-10")));
        assert_eq!(c.remove(5), Err(CardError::LoadInUse));
    }

    #[test]
    fn amounts_are_positive_with_at_most_cents() {
        let mut c = card(&[load("2025-01-10", "500")]);
        for bad in ["0", "-5", "10.001"] {
            assert_eq!(
                c.add(spend("2025-01-11", bad), &rules(), d(TODAY)),
                Err(CardError::BadAmount),
                "{bad}"
            );
        }
    }

    #[test]
    fn the_csv_lists_every_movement_and_keeps_notes_as_text() {
        let mut c = card(&[load("2025-01-10", "500")]);
        let mut m = spend("2025-01-11", "120.5");
        m.note = "=HYPERLINK(\"x\"), corso \"base\"".into();
        c.add(m, &rules(), d(TODAY)).expect("spend");
        assert_eq!(
            c.to_csv(),
            "data,movimento,categoria,importo,nota\n\
             2025-01-10,ricarica,,500.00,\"\"\n\
             2025-01-11,spesa,corso,120.50,\"'=HYPERLINK(\"\"x\"\"), corso \"\"base\"\"\"\n"
        );
    }
}
