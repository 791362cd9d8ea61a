//! Partial dates: a year, a month of a year, or a full day.
//!
//! People remember "from March 2019" or "in 2008" far more often than a day, and Europass
//! accepts the same three shapes (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`, BR-COM-06). A partial date
//! is stored and exported as that ISO string, so it reads the same in every tool.

use crate::Lang;
use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Years outside this range are typing mistakes in a working life's record.
const MIN_YEAR: i32 = 1900;
const MAX_YEAR: i32 = 2100;

/// A year, a year and month, or a day. Invariant: a day implies a month, and the date exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartialDate {
    year: i32,
    month: Option<u32>,
    day: Option<u32>,
}

/// Why the three date fields do not make a date: each maps to one message for the citizen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("the year is missing")]
    YearMissing,
    #[error("the year must have four digits between 1900 and 2100")]
    YearInvalid,
    #[error("the month must be a number from 1 to 12")]
    MonthInvalid,
    #[error("a day needs a month")]
    DayWithoutMonth,
    #[error("that day does not exist in that month")]
    DayInvalid,
    /// Where a full date is needed (a date of birth, a permit's expiry).
    #[error("the day is needed")]
    DayMissing,
}

impl DateError {
    /// The suffix of the translation key that explains this error.
    pub fn code(self) -> &'static str {
        match self {
            Self::YearMissing => "date_year_missing",
            Self::YearInvalid => "date_year_invalid",
            Self::MonthInvalid => "date_month_invalid",
            Self::DayWithoutMonth => "date_day_without_month",
            Self::DayInvalid => "date_day_invalid",
            Self::DayMissing => "date_day_missing",
        }
    }
}

impl PartialDate {
    pub fn year(year: i32) -> Result<Self, DateError> {
        Self::new(year, None, None)
    }

    pub fn month(year: i32, month: u32) -> Result<Self, DateError> {
        Self::new(year, Some(month), None)
    }

    pub fn day(year: i32, month: u32, day: u32) -> Result<Self, DateError> {
        Self::new(year, Some(month), Some(day))
    }

    fn new(year: i32, month: Option<u32>, day: Option<u32>) -> Result<Self, DateError> {
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
            return Err(DateError::YearInvalid);
        }
        if let Some(m) = month
            && !(1..=12).contains(&m)
        {
            return Err(DateError::MonthInvalid);
        }
        match (month, day) {
            (None, Some(_)) => return Err(DateError::DayWithoutMonth),
            (Some(m), Some(d)) if NaiveDate::from_ymd_opt(year, m, d).is_none() => {
                return Err(DateError::DayInvalid);
            }
            _ => {}
        }
        Ok(Self { year, month, day })
    }

    /// Reads the three fields of the date component as typed (any may be blank).
    /// All blank is no date at all, which is not an error here: whether a date is required
    /// is the validation's business.
    pub fn from_parts(day: &str, month: &str, year: &str) -> Result<Option<Self>, DateError> {
        let (day, month, year) = (day.trim(), month.trim(), year.trim());
        if day.is_empty() && month.is_empty() && year.is_empty() {
            return Ok(None);
        }
        if year.is_empty() {
            return Err(DateError::YearMissing);
        }
        let year = match year.parse::<i32>() {
            Ok(y) if year.len() == 4 => y,
            _ => return Err(DateError::YearInvalid),
        };
        let month = match month {
            "" => None,
            m => Some(m.parse::<u32>().map_err(|_| DateError::MonthInvalid)?),
        };
        let day = match day {
            "" => None,
            d => Some(d.parse::<u32>().map_err(|_| DateError::DayInvalid)?),
        };
        Self::new(year, month, day).map(Some)
    }

    /// The day, month and year fields to show in the date component.
    pub fn parts(&self) -> (String, String, String) {
        (
            self.day.map(|d| d.to_string()).unwrap_or_default(),
            self.month.map(|m| m.to_string()).unwrap_or_default(),
            self.year.to_string(),
        )
    }

    /// The exact day, when the date has one.
    pub fn to_date(&self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year, self.month?, self.day?)
    }

    pub fn year_value(&self) -> i32 {
        self.year
    }

    pub fn has_month(&self) -> bool {
        self.month.is_some()
    }

    /// The earliest day the date may mean ("2019" starts on 1 January 2019).
    pub fn first_day(&self) -> NaiveDate {
        let d = NaiveDate::from_ymd_opt(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1));
        d.unwrap_or(NaiveDate::MIN)
    }

    /// The latest day the date may mean ("2019-02" ends on 28 February 2019).
    pub fn last_day(&self) -> NaiveDate {
        match (self.month, self.day) {
            (Some(m), Some(d)) => NaiveDate::from_ymd_opt(self.year, m, d),
            (Some(m), None) => NaiveDate::from_ymd_opt(self.year, m, 1)
                .and_then(|d| d.checked_add_months(chrono::Months::new(1)))
                .and_then(|d| d.pred_opt()),
            _ => NaiveDate::from_ymd_opt(self.year, 12, 31),
        }
        .unwrap_or(NaiveDate::MAX)
    }

    /// True when `self` certainly ends before `other` starts, at the precision both have:
    /// "2019" is not before "2019-05", but "2019-04" is.
    pub fn certainly_before(&self, other: &Self) -> bool {
        self.last_day() < other.first_day()
    }

    /// True when the date certainly lies after `today`.
    pub fn certainly_after(&self, today: NaiveDate) -> bool {
        self.first_day() > today
    }

    /// The date as the Italian reader expects it: "2019", "03/2019", "15/03/2019" (the
    /// print view and the Documento di trasparenza, whatever the screen's language).
    pub fn italian(&self) -> String {
        self.display(Lang::It)
    }

    /// The date as a reader of `lang` writes it: day, month, year in that order in all six
    /// languages, with their separator ("15.03.2019" in Romanian and Albanian). Always Latin
    /// digits: a date copied from a document must match it (Arabic text keeps it left to
    /// right, see the app's `<bdi>`).
    pub fn display(&self, lang: Lang) -> String {
        let sep = match lang {
            Lang::Ro | Lang::Sq => '.',
            Lang::It | Lang::En | Lang::Fr | Lang::Ar => '/',
        };
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{d:02}{sep}{m:02}{sep}{}", self.year),
            (Some(m), None) => format!("{m:02}{sep}{}", self.year),
            _ => self.year.to_string(),
        }
    }
}

impl From<NaiveDate> for PartialDate {
    fn from(d: NaiveDate) -> Self {
        Self {
            year: d.year(),
            month: Some(d.month()),
            day: Some(d.day()),
        }
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl std::str::FromStr for PartialDate {
    type Err = DateError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let mut it = s.split('-');
        let year = it.next().unwrap_or_default();
        let month = it.next().unwrap_or_default();
        let day = it.next().unwrap_or_default();
        if it.next().is_some() || (year.len() != 4) || (!month.is_empty() && month.len() != 2) {
            return Err(DateError::YearInvalid);
        }
        Self::from_parts(day, month, year)?.ok_or(DateError::YearMissing)
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse()
            .map_err(|e: DateError| serde::de::Error::custom(format!("{e}: {s:?}")))
    }
}

impl schemars::JsonSchema for PartialDate {
    fn schema_name() -> String {
        "PartialDate".into()
    }

    fn json_schema(_: &mut schemars::r#gen::SchemaGenerator) -> schemars::schema::Schema {
        schemars::schema::SchemaObject {
            instance_type: Some(schemars::schema::InstanceType::String.into()),
            string: Some(Box::new(schemars::schema::StringValidation {
                pattern: Some(r"^\d{4}(-\d{2}(-\d{2})?)?$".into()),
                ..Default::default()
            })),
            metadata: Some(Box::new(schemars::schema::Metadata {
                description: Some("A year, a year and month, or a day: YYYY, YYYY-MM or YYYY-MM-DD.".into()),
                ..Default::default()
            })),
            ..Default::default()
        }
        .into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("test date")
    }

    #[test]
    fn three_shapes_round_trip_through_iso_text() {
        for s in ["2019", "2019-03", "2020-02-29"] {
            let d: PartialDate = s.parse().expect(s);
            assert_eq!(d.to_string(), s);
            let json = serde_json::to_string(&d).expect("ser");
            assert_eq!(serde_json::from_str::<PartialDate>(&json).expect("de"), d);
        }
    }

    #[test]
    fn fields_as_typed_become_a_date_or_a_precise_error() {
        assert_eq!(PartialDate::from_parts("", "", ""), Ok(None));
        assert_eq!(
            PartialDate::from_parts("", " 3", "2019"),
            Ok(Some(PartialDate::month(2019, 3).expect("ok")))
        );
        assert_eq!(PartialDate::from_parts("", "3", ""), Err(DateError::YearMissing));
        assert_eq!(PartialDate::from_parts("", "", "19"), Err(DateError::YearInvalid));
        assert_eq!(
            PartialDate::from_parts("", "", "1899"),
            Err(DateError::YearInvalid)
        );
        assert_eq!(
            PartialDate::from_parts("", "13", "2019"),
            Err(DateError::MonthInvalid)
        );
        assert_eq!(
            PartialDate::from_parts("", "mar", "2019"),
            Err(DateError::MonthInvalid)
        );
        assert_eq!(
            PartialDate::from_parts("5", "", "2019"),
            Err(DateError::DayWithoutMonth)
        );
        assert_eq!(
            PartialDate::from_parts("29", "2", "2019"),
            Err(DateError::DayInvalid)
        );
        assert!(PartialDate::from_parts("29", "2", "2020").is_ok());
    }

    #[test]
    fn bad_stored_text_is_refused_not_guessed() {
        for s in [
            "",
            "19",
            "2019-3",
            "2019-13",
            "2019-02-30",
            "2019-03-01-01",
            "abcd",
        ] {
            assert!(s.parse::<PartialDate>().is_err(), "{s}");
        }
    }

    #[test]
    fn ranges_follow_the_precision_given() {
        let feb = PartialDate::month(2019, 2).expect("ok");
        assert_eq!(feb.first_day(), ymd(2019, 2, 1));
        assert_eq!(feb.last_day(), ymd(2019, 2, 28));
        let y = PartialDate::year(2019).expect("ok");
        assert!(!y.certainly_before(&feb));
        assert!(!feb.certainly_before(&y));
        assert!(PartialDate::month(2019, 1).expect("ok").certainly_before(&feb));
        assert!(!feb.certainly_after(ymd(2019, 2, 10)));
        assert!(feb.certainly_after(ymd(2019, 1, 31)));
    }

    #[test]
    fn italian_reading() {
        assert_eq!(PartialDate::day(2019, 3, 5).expect("ok").italian(), "05/03/2019");
        assert_eq!(PartialDate::month(2019, 3).expect("ok").italian(), "03/2019");
        assert_eq!(PartialDate::year(2019).expect("ok").italian(), "2019");
        assert_eq!(
            PartialDate::day(2019, 3, 5).expect("ok").display(Lang::Ro),
            "05.03.2019"
        );
        assert_eq!(
            PartialDate::month(2019, 3).expect("ok").display(Lang::Sq),
            "03.2019"
        );
        assert_eq!(
            PartialDate::day(2019, 3, 5).expect("ok").display(Lang::Ar),
            "05/03/2019"
        );
    }
}
