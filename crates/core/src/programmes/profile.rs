//! The answers a person gives to the eligibility questions: every field optional, because a
//! missing answer is information too (it makes a criterion `unknown`, never `failed`).
//!
//! Versioned: `version` is 2 (a version 1 file is read as it is: version 2 only added
//! fields); `docs/profile.md` lists every field, its meaning and values.

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::dates::months_after;
use crate::libretto::Vocabulary;
use crate::libretto::vocab::vocabulary;
use crate::libretto::{Sesso, TipoContratto};

pub const PROFILE_VERSION: u32 = 2;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Profile {
    pub version: u32,
    /// The day the rules are applied on (ages, months of registration); today if absent.
    pub reference_date: Option<NaiveDate>,
    pub birth_date: Option<NaiveDate>,
    pub sex: Option<Sesso>,
    pub employment_status: Option<EmploymentStatus>,
    /// First day without work (for "unemployed for more than N months").
    pub unemployed_since: Option<NaiveDate>,
    /// Registered at a Centro per l'Impiego (implied when `cpi_registered_since` is given).
    pub cpi_registered: Option<bool>,
    /// Day of registration at the Centro per l'Impiego (with the DID).
    pub cpi_registered_since: Option<NaiveDate>,
    /// Province of the CPI where the person is registered, as the two-letter code (e.g. "MS").
    pub cpi_province: Option<String>,
    /// Region of residence or domicile, lower case without spaces (e.g. "toscana", "lombardia").
    pub residence_region: Option<String>,
    /// Province of residence or domicile, two-letter code (e.g. "PT", "TN").
    pub residence_province: Option<String>,
    /// Is a citizen of a country outside the European Union.
    pub foreign_citizen: Option<bool>,
    /// Non-EU citizens only: whether their residence permit allows work. Absent for EU citizens.
    pub permit_allows_work: Option<bool>,
    /// Highest completed level on the EQF/QNQ scale, 1–8 (0 = none).
    pub education_eqf: Option<u8>,
    /// ISEE indicator in euro.
    pub isee: Option<Decimal>,
    pub receives_naspi: Option<bool>,
    /// First day of NASpI payment.
    pub naspi_since: Option<NaiveDate>,
    /// Receives any income support (NASpI, DIS-COLL, CIG, mobilità, ASDI …).
    pub receives_income_support: Option<bool>,
    pub receives_reddito_cittadinanza: Option<bool>,
    /// Taken in charge by social services or an inclusion project.
    pub social_services: Option<bool>,
    /// Registered as disabled under L. 68/1999.
    pub disability_l68: Option<bool>,
    /// On a wage-integration or solidarity scheme, and which one.
    pub wage_integration: Option<WageIntegration>,
    /// Works on an atypical (non-standard, e.g. project or collaboration) contract.
    pub atypical_contract: Option<bool>,
    /// Holds a permanent employment contract (contratto a tempo indeterminato).
    pub permanent_contract: Option<bool>,
    /// On the mobility lists (liste di mobilità).
    pub mobility_list: Option<bool>,
    /// Had an ILA under Massa-Carrara's 2010 avviso.
    pub had_ila_2010: Option<bool>,
    /// Had individual training vouchers from any administration in the last 3 years.
    pub voucher_last_3_years: Option<bool>,
    /// Has finished (or renounced) a Garanzia Giovani path.
    pub garanzia_giovani_done: Option<bool>,
    /// Is a former manager (dirigente): some incentives are higher for them.
    pub former_manager: Option<bool>,
    // Added within version 2 (optional, so earlier version-2 files read the same): the
    // GOL-era Tuscan vouchers.
    /// Is on path 1 (reinserimento lavorativo) of the GOL programme.
    pub gol_path_1: Option<bool>,
    /// The GOL course wanted is over 80 km or 60 minutes by public transport away.
    pub gol_course_far: Option<bool>,
    /// The GOL catalogue's editions of that course are used up.
    pub gol_editions_used_up: Option<bool>,
    /// The Patto di servizio signed at the CPI includes a training action (C07, C11 or C12).
    pub patto_training_action: Option<bool>,
    /// Selected by the CPI for a firm that declared a need to hire.
    pub selected_for_hiring: Option<bool>,
    /// The course the person wants, for what is covered and what is left to pay.
    pub course: Option<Course>,

    // Version 2: the hire (for hiring incentives and the dote's employment result).
    /// The hire's contract, from the Comunicazioni Obbligatorie table (e.g. `A.02.00`).
    pub contract_type: Option<TipoContratto>,
    /// The contract's first day.
    pub contract_start: Option<NaiveDate>,
    /// The contract's last day; absent for an open-ended contract.
    pub contract_end: Option<NaiveDate>,
    /// Hours a week in the contract (full time too).
    pub weekly_hours: Option<Decimal>,
    /// People the hiring employer employs.
    pub employees: Option<u32>,
    /// The employer is a cooperative formed by its workers to buy out their firm.
    pub workers_buyout_coop: Option<bool>,

    // Version 2: the ILA card already in hand.
    /// Money loaded on the card so far, in euro.
    pub ila_loaded: Option<Decimal>,
    /// The day of the first load: the card's validity runs from it.
    pub ila_first_load_date: Option<NaiveDate>,
    /// Money spent from the card, by what it paid for.
    pub ila_spent: BTreeMap<IlaSpend, Decimal>,
}

vocabulary! {
    /// What an ILA card may pay for (seed `000`; the Tuscan family's communiqué): the course,
    /// travel to it, meals, lodging, books and materials, care of children or elderly
    /// relatives while attending.
    IlaSpend {
        Corso = "corso", ["Corso di formazione", "Training course", "Cours de formation", "Curs de formare", "Kurs formimi", "دورة تدريبية"];
        Viaggio = "viaggio", ["Viaggio per il corso", "Travel to the course", "Trajet pour le cours", "Transport la curs", "Udhëtim për kursin", "التنقل إلى الدورة"];
        Vitto = "vitto", ["Vitto", "Meals", "Repas", "Masă", "Ushqim", "الوجبات"];
        Alloggio = "alloggio", ["Alloggio", "Lodging", "Logement", "Cazare", "Akomodim", "السكن"];
        Materiali = "materiali", ["Libri e materiali", "Books and materials", "Livres et matériel", "Cărți și materiale", "Libra dhe materiale", "الكتب والمواد"];
        Cura = "cura", ["Cura di figli o familiari", "Care of children or relatives", "Garde d'enfants ou de proches", "Îngrijirea copiilor sau a rudelor", "Kujdes për fëmijët ose të afërmit", "رعاية الأطفال أو الأقارب"];
    }
}

/// How long a contract lasts, as far as the answers tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContractLength {
    /// No last day, and the contract type is an open-ended one.
    OpenEnded,
    /// From the first to the last day, both included.
    Fixed { start: NaiveDate, end: NaiveDate },
}

impl ContractLength {
    /// Lasts at least `months` calendar months: 1 April to 31 March is 12 months.
    pub fn at_least_months(self, months: u32) -> bool {
        match self {
            ContractLength::OpenEnded => true,
            ContractLength::Fixed { start, end } => months_after(start, months).is_some_and(|full| {
                end.checked_add_days(Days::new(1))
                    .is_some_and(|after| after >= full)
            }),
        }
    }

    /// Lasts at least `days` days, the first and the last included.
    pub fn at_least_days(self, days: u32) -> bool {
        match self {
            ContractLength::OpenEnded => true,
            ContractLength::Fixed { start, end } => (end - start).num_days() + 1 >= i64::from(days),
        }
    }
}

/// Labour-market status in the terms the schemes use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum EmploymentStatus {
    /// Lost a job and is looking for one.
    Disoccupato,
    /// Has never worked and is looking for work.
    Inoccupato,
    /// Neither working nor looking.
    Inattivo,
    /// Employed (including suspended workers on CIG).
    Occupato,
    /// Self-employed.
    Autonomo,
}

impl EmploymentStatus {
    pub const ALL: [EmploymentStatus; 5] = [
        EmploymentStatus::Disoccupato,
        EmploymentStatus::Inoccupato,
        EmploymentStatus::Inattivo,
        EmploymentStatus::Occupato,
        EmploymentStatus::Autonomo,
    ];

    /// The code used in the profile's JSON and in answers.
    pub fn code(self) -> &'static str {
        match self {
            EmploymentStatus::Disoccupato => "disoccupato",
            EmploymentStatus::Inoccupato => "inoccupato",
            EmploymentStatus::Inattivo => "inattivo",
            EmploymentStatus::Occupato => "occupato",
            EmploymentStatus::Autonomo => "autonomo",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WageIntegration {
    /// Not on any scheme.
    Nessuna,
    /// Cassa integrazione ordinaria.
    Cigo,
    /// Cassa integrazione straordinaria.
    Cigs,
    /// Cassa integrazione in deroga.
    Cigd,
    /// Solidarity contract or fund.
    Solidarieta,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Course {
    pub kind: CourseKind,
    /// Full cost in euro.
    pub cost: Decimal,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CourseKind {
    /// Any course in the person's training project.
    Formazione,
    /// Course leading to a qualifica professionale.
    Qualifica,
    /// Certification of competences (AdA/UC).
    CertificazioneCompetenze,
    /// Courses required by law (excluding safety and first aid).
    CorsoObbligatorio,
    /// Career coaching (Trento, azione 2).
    Coaching,
}

#[derive(Debug, thiserror::Error)]
pub enum ProfileError {
    #[error("the profile is not valid JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("{path}: {problem}")]
    Field { path: String, problem: String },
    #[error("profile version {0} is not supported (this build reads version {PROFILE_VERSION})")]
    Version(u32),
    #[error("{field}: {problem}")]
    Invalid { field: &'static str, problem: String },
}

impl Profile {
    /// Reads a profile file: its format, version and values are checked, with a message that
    /// names the field at fault.
    pub fn from_json(text: &str) -> Result<Self, ProfileError> {
        let mut de = serde_json::Deserializer::from_str(text);
        let profile: Profile = serde_path_to_error::deserialize(&mut de).map_err(|e| {
            let path = e.path().to_string();
            let inner = e.into_inner();
            if path == "." || inner.is_syntax() || inner.is_eof() {
                ProfileError::Json(inner)
            } else {
                ProfileError::Field {
                    path,
                    problem: inner.to_string(),
                }
            }
        })?;
        de.end()?;
        profile.check()?;
        Ok(profile)
    }

    /// The contract's length, or the answer that would tell it: the last day, or (without one)
    /// the type that says whether the contract is open-ended.
    pub fn contract_length(&self) -> Result<ContractLength, &'static str> {
        match (self.contract_start, self.contract_end, self.contract_type) {
            (Some(start), Some(end), _) => Ok(ContractLength::Fixed { start, end }),
            (_, None, Some(t)) if is_open_ended(t) => Ok(ContractLength::OpenEnded),
            (None, Some(_), _) => Err("contract_start"),
            (_, None, None) => Err("contract_type"),
            (_, None, Some(_)) => Err("contract_end"),
        }
    }

    /// What is left on the ILA card: loaded minus spent.
    pub fn ila_balance(&self) -> Option<Decimal> {
        self.ila_loaded.map(|loaded| loaded - self.ila_spent_total())
    }

    pub fn ila_spent_total(&self) -> Decimal {
        self.ila_spent.values().copied().sum()
    }

    pub fn check(&self) -> Result<(), ProfileError> {
        if !matches!(self.version, 0 | 1 | PROFILE_VERSION) {
            return Err(ProfileError::Version(self.version));
        }
        let invalid = |field, problem: &str| ProfileError::Invalid {
            field,
            problem: problem.to_owned(),
        };
        if let Some(isee) = self.isee
            && isee.is_sign_negative()
        {
            return Err(invalid("isee", "must not be negative"));
        }
        if let Some(eqf) = self.education_eqf
            && eqf > 8
        {
            return Err(invalid("education_eqf", "must be between 0 and 8"));
        }
        if let Some(course) = &self.course
            && course.cost.is_sign_negative()
        {
            return Err(invalid("course.cost", "must not be negative"));
        }
        if let (Some(birth), Some(reference)) = (self.birth_date, self.reference_date)
            && birth > reference
        {
            return Err(invalid("birth_date", "is after the reference date"));
        }
        if let (Some(start), Some(end)) = (self.contract_start, self.contract_end)
            && end < start
        {
            return Err(invalid("contract_end", "is before contract_start"));
        }
        if let Some(hours) = self.weekly_hours
            && (hours.is_sign_negative() || hours > Decimal::from(168))
        {
            return Err(invalid("weekly_hours", "must be between 0 and 168"));
        }
        if self.ila_loaded.is_some_and(|l| l.is_sign_negative()) {
            return Err(invalid("ila_loaded", "must not be negative"));
        }
        if self.ila_spent.values().any(|v| v.is_sign_negative()) {
            return Err(invalid("ila_spent", "amounts must not be negative"));
        }
        if self.ila_loaded.is_some_and(|l| self.ila_spent_total() > l) {
            return Err(invalid("ila_spent", "adds up to more than ila_loaded"));
        }
        Ok(())
    }
}

/// Contract types with no end: permanent employment, apprenticeship (a permanent contract by
/// law, D.Lgs. 81/2015 art. 41), permanent agency and platform work.
fn is_open_ended(t: TipoContratto) -> bool {
    use TipoContratto::*;
    matches!(t, A0100 | A0308 | A0309 | A0310 | A0315 | A0600 | N0100)
}
