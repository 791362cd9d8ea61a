//! The tests a criterion can make, written in the programme files as data, and their
//! three-valued evaluation: met, failed, or unknown (an answer is missing, or the rule itself
//! is unconfirmed).

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::dates::{age_on, months_after};
use super::profile::{EmploymentStatus, Profile, WageIntegration};
use crate::libretto::{Sesso, TipoContratto};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Met,
    Failed,
    Unknown,
}

/// One test of a criterion. `field` names are the profile's own (see `docs/profile.md`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "test", rename_all = "snake_case", deny_unknown_fields)]
pub enum Test {
    /// Age on the reference date ≥ `years`.
    AgeAtLeast {
        years: u32,
    },
    /// Age on the reference date ≤ `years` ("up to 64" includes the whole 64th year).
    AgeAtMost {
        years: u32,
    },
    StatusIn {
        any: Vec<EmploymentStatus>,
    },
    SexIs {
        sex: Sesso,
    },
    WageIntegrationIn {
        any: Vec<WageIntegration>,
    },
    /// A yes/no answer equals `is`.
    Flag {
        field: FlagField,
        is: bool,
    },
    /// At least `months` calendar months have passed since the date in `field`.
    MonthsAtLeast {
        field: DateField,
        months: u32,
    },
    /// More than `months` calendar months have passed (strictly).
    MonthsMoreThan {
        field: DateField,
        months: u32,
    },
    /// Fewer than `months` calendar months have passed.
    MonthsLessThan {
        field: DateField,
        months: u32,
    },
    /// More than `months` months, or not at all: "for no more than N months".
    MonthsAtMost {
        field: DateField,
        months: u32,
    },
    /// Amount ≤ `max` (e.g. "< €50,000.01" is `max: 50000.00`).
    MoneyAtMost {
        field: MoneyField,
        max: Decimal,
    },
    /// Amount < `limit`, where the sources disagree whether the limit itself is included:
    /// exactly at the limit the answer is unknown rather than a guess.
    MoneyBelowDisputed {
        field: MoneyField,
        limit: Decimal,
    },
    EducationAtMost {
        eqf: u8,
    },
    RegionIn {
        any: Vec<String>,
    },
    ProvinceIn {
        field: PlaceField,
        any: Vec<String>,
    },
    /// The hire's contract is one of these (Comunicazioni Obbligatorie codes).
    ContractTypeIn {
        any: Vec<TipoContratto>,
    },
    /// The hire's contract lasts at least `months` calendar months (open-ended ones do).
    ContractMonthsAtLeast {
        months: u32,
    },
    /// The hire's contract lasts at least `days` days, first and last included.
    ContractDaysAtLeast {
        days: u32,
    },
    /// The contract's weekly hours ≥ `hours`.
    WeeklyHoursAtLeast {
        hours: Decimal,
    },
    /// The employer has fewer than `count` employees.
    EmployeesFewerThan {
        count: u32,
    },
    AllOf {
        of: Vec<Test>,
    },
    AnyOf {
        of: Vec<Test>,
    },
    Not {
        of: Box<Test>,
    },
    /// The rule exists but no source states it precisely: always unknown.
    Unconfirmed {
        note: String,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FlagField {
    ForeignCitizen,
    FormerManager,
    PermitAllowsWork,
    ReceivesNaspi,
    ReceivesIncomeSupport,
    ReceivesRedditoCittadinanza,
    SocialServices,
    DisabilityL68,
    AtypicalContract,
    PermanentContract,
    MobilityList,
    #[serde(rename = "had_ila_2010")]
    HadIla2010,
    #[serde(rename = "voucher_last_3_years")]
    VoucherLast3Years,
    GaranziaGiovaniDone,
    CpiRegistered,
    WorkersBuyoutCoop,
    #[serde(rename = "gol_path_1")]
    GolPath1,
    GolCourseFar,
    GolEditionsUsedUp,
    PattoTrainingAction,
    SelectedForHiring,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateField {
    UnemployedSince,
    CpiRegisteredSince,
    NaspiSince,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MoneyField {
    Isee,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceField {
    ResidenceProvince,
    CpiProvince,
}

/// What a test found: its status and, when unknown, which answers would decide it.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub status: Status,
    pub missing: Vec<&'static str>,
}

impl Finding {
    fn of(status: Status) -> Self {
        Self {
            status,
            missing: Vec::new(),
        }
    }
    fn missing(field: &'static str) -> Self {
        Self {
            status: Status::Unknown,
            missing: vec![field],
        }
    }
    fn from_bool(ok: bool) -> Self {
        Self::of(if ok { Status::Met } else { Status::Failed })
    }
}

impl Test {
    pub fn evaluate(&self, p: &Profile, on: NaiveDate) -> Finding {
        match self {
            Test::AgeAtLeast { years } => age(p, on).map_or_else(|f| f, |a| Finding::from_bool(a >= *years)),
            Test::AgeAtMost { years } => age(p, on).map_or_else(|f| f, |a| Finding::from_bool(a <= *years)),
            Test::StatusIn { any } => match p.employment_status {
                Some(s) => Finding::from_bool(any.contains(&s)),
                None => Finding::missing("employment_status"),
            },
            Test::SexIs { sex } => match p.sex {
                Some(s) => Finding::from_bool(s == *sex),
                None => Finding::missing("sex"),
            },
            Test::WageIntegrationIn { any } => match p.wage_integration {
                Some(w) => Finding::from_bool(any.contains(&w)),
                None => Finding::missing("wage_integration"),
            },
            Test::Flag { field, is } => match flag(p, *field) {
                Some(v) => Finding::from_bool(v == *is),
                None => Finding::missing(field.name()),
            },
            Test::MonthsAtLeast { field, months } => since(p, *field, *months, on, |from, on| on >= from),
            Test::MonthsMoreThan { field, months } => since(p, *field, *months, on, |from, on| on > from),
            Test::MonthsLessThan { field, months } => since(p, *field, *months, on, |from, on| on < from),
            Test::MonthsAtMost { field, months } => since(p, *field, *months, on, |from, on| on <= from),
            Test::MoneyAtMost { field, max } => match money(p, *field) {
                Some(v) => Finding::from_bool(v <= *max),
                None => Finding::missing(field.name()),
            },
            Test::MoneyBelowDisputed { field, limit } => match money(p, *field) {
                Some(v) if v == *limit => Finding::of(Status::Unknown),
                Some(v) => Finding::from_bool(v < *limit),
                None => Finding::missing(field.name()),
            },
            Test::EducationAtMost { eqf } => match p.education_eqf {
                Some(level) => Finding::from_bool(level <= *eqf),
                None => Finding::missing("education_eqf"),
            },
            Test::RegionIn { any } => match &p.residence_region {
                Some(r) => Finding::from_bool(any.iter().any(|a| a.eq_ignore_ascii_case(r.trim()))),
                None => Finding::missing("residence_region"),
            },
            Test::ProvinceIn { field, any } => {
                let value = match field {
                    PlaceField::ResidenceProvince => &p.residence_province,
                    PlaceField::CpiProvince => &p.cpi_province,
                };
                match value {
                    Some(v) => Finding::from_bool(any.iter().any(|a| a.eq_ignore_ascii_case(v.trim()))),
                    None => Finding::missing(field.name()),
                }
            }
            Test::ContractTypeIn { any } => match p.contract_type {
                Some(t) => Finding::from_bool(any.contains(&t)),
                None => Finding::missing("contract_type"),
            },
            Test::ContractMonthsAtLeast { months } => match p.contract_length() {
                Ok(length) => Finding::from_bool(length.at_least_months(*months)),
                Err(field) => Finding::missing(field),
            },
            Test::ContractDaysAtLeast { days } => match p.contract_length() {
                Ok(length) => Finding::from_bool(length.at_least_days(*days)),
                Err(field) => Finding::missing(field),
            },
            Test::WeeklyHoursAtLeast { hours } => match p.weekly_hours {
                Some(h) => Finding::from_bool(h >= *hours),
                None => Finding::missing("weekly_hours"),
            },
            Test::EmployeesFewerThan { count } => match p.employees {
                Some(n) => Finding::from_bool(n < *count),
                None => Finding::missing("employees"),
            },
            Test::AllOf { of } => combine(of.iter().map(|t| t.evaluate(p, on)), Status::Failed, Status::Met),
            Test::AnyOf { of } => combine(of.iter().map(|t| t.evaluate(p, on)), Status::Met, Status::Failed),
            Test::Not { of } => {
                let inner = of.evaluate(p, on);
                let status = match inner.status {
                    Status::Met => Status::Failed,
                    Status::Failed => Status::Met,
                    Status::Unknown => Status::Unknown,
                };
                Finding {
                    status,
                    missing: inner.missing,
                }
            }
            Test::Unconfirmed { .. } => Finding::of(Status::Unknown),
        }
    }
}

/// Three-valued AND (`decisive` = failed) and OR (`decisive` = met): one decisive finding
/// settles it; otherwise any unknown leaves it unknown, with every missing answer listed.
fn combine(findings: impl Iterator<Item = Finding>, decisive: Status, otherwise: Status) -> Finding {
    let mut missing = Vec::new();
    let mut unknown = false;
    for f in findings {
        if f.status == decisive {
            return Finding::of(decisive);
        }
        if f.status == Status::Unknown {
            unknown = true;
            for m in f.missing {
                if !missing.contains(&m) {
                    missing.push(m);
                }
            }
        }
    }
    if unknown {
        Finding {
            status: Status::Unknown,
            missing,
        }
    } else {
        Finding::of(otherwise)
    }
}

fn age(p: &Profile, on: NaiveDate) -> Result<u32, Finding> {
    let birth = p.birth_date.ok_or_else(|| Finding::missing("birth_date"))?;
    age_on(birth, on).ok_or_else(|| Finding::missing("birth_date"))
}

fn since(
    p: &Profile,
    field: DateField,
    months: u32,
    on: NaiveDate,
    holds: impl Fn(NaiveDate, NaiveDate) -> bool,
) -> Finding {
    let date = match field {
        DateField::UnemployedSince => p.unemployed_since,
        DateField::CpiRegisteredSince => p.cpi_registered_since,
        DateField::NaspiSince => p.naspi_since,
    };
    match date.and_then(|d| months_after(d, months)) {
        Some(from) => Finding::from_bool(holds(from, on)),
        None => Finding::missing(field.name()),
    }
}

fn flag(p: &Profile, field: FlagField) -> Option<bool> {
    match field {
        FlagField::ForeignCitizen => p.foreign_citizen,
        FlagField::FormerManager => p.former_manager,
        FlagField::PermitAllowsWork => p.permit_allows_work,
        FlagField::ReceivesNaspi => p.receives_naspi,
        FlagField::ReceivesIncomeSupport => p.receives_income_support,
        FlagField::ReceivesRedditoCittadinanza => p.receives_reddito_cittadinanza,
        FlagField::SocialServices => p.social_services,
        FlagField::DisabilityL68 => p.disability_l68,
        FlagField::AtypicalContract => p.atypical_contract,
        FlagField::PermanentContract => p.permanent_contract,
        FlagField::MobilityList => p.mobility_list,
        FlagField::HadIla2010 => p.had_ila_2010,
        FlagField::VoucherLast3Years => p.voucher_last_3_years,
        FlagField::GaranziaGiovaniDone => p.garanzia_giovani_done,
        FlagField::CpiRegistered => p.cpi_registered.or(p.cpi_registered_since.map(|_| true)),
        FlagField::WorkersBuyoutCoop => p.workers_buyout_coop,
        FlagField::GolPath1 => p.gol_path_1,
        FlagField::GolCourseFar => p.gol_course_far,
        FlagField::GolEditionsUsedUp => p.gol_editions_used_up,
        FlagField::PattoTrainingAction => p.patto_training_action,
        FlagField::SelectedForHiring => p.selected_for_hiring,
    }
}

fn money(p: &Profile, field: MoneyField) -> Option<Decimal> {
    match field {
        MoneyField::Isee => p.isee,
    }
}

impl FlagField {
    pub fn name(self) -> &'static str {
        match self {
            FlagField::ForeignCitizen => "foreign_citizen",
            FlagField::FormerManager => "former_manager",
            FlagField::PermitAllowsWork => "permit_allows_work",
            FlagField::ReceivesNaspi => "receives_naspi",
            FlagField::ReceivesIncomeSupport => "receives_income_support",
            FlagField::ReceivesRedditoCittadinanza => "receives_reddito_cittadinanza",
            FlagField::SocialServices => "social_services",
            FlagField::DisabilityL68 => "disability_l68",
            FlagField::AtypicalContract => "atypical_contract",
            FlagField::PermanentContract => "permanent_contract",
            FlagField::MobilityList => "mobility_list",
            FlagField::HadIla2010 => "had_ila_2010",
            FlagField::VoucherLast3Years => "voucher_last_3_years",
            FlagField::GaranziaGiovaniDone => "garanzia_giovani_done",
            FlagField::CpiRegistered => "cpi_registered",
            FlagField::WorkersBuyoutCoop => "workers_buyout_coop",
            FlagField::GolPath1 => "gol_path_1",
            FlagField::GolCourseFar => "gol_course_far",
            FlagField::GolEditionsUsedUp => "gol_editions_used_up",
            FlagField::PattoTrainingAction => "patto_training_action",
            FlagField::SelectedForHiring => "selected_for_hiring",
        }
    }
}

impl DateField {
    pub fn name(self) -> &'static str {
        match self {
            DateField::UnemployedSince => "unemployed_since",
            DateField::CpiRegisteredSince => "cpi_registered_since",
            DateField::NaspiSince => "naspi_since",
        }
    }
}

impl MoneyField {
    pub fn name(self) -> &'static str {
        match self {
            MoneyField::Isee => "isee",
        }
    }
}

impl PlaceField {
    pub fn name(self) -> &'static str {
        match self {
            PlaceField::ResidenceProvince => "residence_province",
            PlaceField::CpiProvince => "cpi_province",
        }
    }
}
