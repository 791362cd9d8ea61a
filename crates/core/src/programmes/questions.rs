//! The questions the ILA, voucher and dote checks ask, as a catalogue: in the order a person
//! expects them, grouped in short steps, each with the kind of answer it takes and a typed
//! way to read and write it on the [`Profile`]. Adding a profile field the rules use means
//! adding a question here; every match below is exhaustive, so nothing falls through to the
//! wrong field.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::profile::{EmploymentStatus, Profile, WageIntegration};
use crate::libretto::{Sesso, Vocabulary};

/// The steps the questions come in, each short enough for a phone screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Step {
    /// Age, where one lives, citizenship, studies.
    AboutYou,
    /// Work now and before.
    Work,
    /// Registration at the Centro per l'Impiego, support received, earlier vouchers.
    CpiAndSupport,
}

impl Step {
    pub const ALL: [Step; 3] = [Step::AboutYou, Step::Work, Step::CpiAndSupport];
}

/// What kind of answer a question takes (and so which control asks it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerKind {
    Date,
    YesNo,
    /// One of a few codes, each with its own label.
    Choice(&'static [&'static str]),
    Money,
    /// A province's two-letter code.
    Province,
    Region,
    Eqf,
}

/// An answer, typed by its kind; `None` means "not answered" (the criterion stays unknown).
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    None,
    Date(NaiveDate),
    YesNo(bool),
    Code(String),
    Money(Decimal),
    Level(u8),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Question {
    BirthDate,
    Sex,
    ResidenceRegion,
    ResidenceProvince,
    ForeignCitizen,
    PermitAllowsWork,
    EducationEqf,
    EmploymentStatus,
    UnemployedSince,
    PermanentContract,
    AtypicalContract,
    WageIntegration,
    MobilityList,
    CpiRegistered,
    CpiProvince,
    CpiRegisteredSince,
    ReceivesNaspi,
    Isee,
    HadIla2010,
    VoucherLast3Years,
    DisabilityL68,
    FormerManager,
    NaspiSince,
    ReceivesIncomeSupport,
    ReceivesRedditoCittadinanza,
    SocialServices,
    GaranziaGiovaniDone,
    GolPath1,
    GolCourseFar,
    GolEditionsUsedUp,
    PattoTrainingAction,
    SelectedForHiring,
}

/// The answer was of the wrong kind for the question (a bug in the caller, never the person's).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{question:?} does not take that kind of answer")]
pub struct WrongKind {
    pub question: Question,
}

const STATUSES: &[&str] = &["disoccupato", "inoccupato", "inattivo", "occupato", "autonomo"];
const WAGE_SCHEMES: &[&str] = &["nessuna", "cigo", "cigs", "cigd", "solidarieta"];
const SEXES: &[&str] = &["F", "M"];

impl Question {
    /// In asking order.
    pub const ALL: [Question; 32] = [
        Question::BirthDate,
        Question::Sex,
        Question::ResidenceRegion,
        Question::ResidenceProvince,
        Question::ForeignCitizen,
        Question::PermitAllowsWork,
        Question::EducationEqf,
        Question::DisabilityL68,
        Question::EmploymentStatus,
        Question::UnemployedSince,
        Question::PermanentContract,
        Question::AtypicalContract,
        Question::WageIntegration,
        Question::MobilityList,
        Question::FormerManager,
        Question::CpiRegistered,
        Question::CpiProvince,
        Question::CpiRegisteredSince,
        Question::ReceivesNaspi,
        Question::NaspiSince,
        Question::ReceivesIncomeSupport,
        Question::ReceivesRedditoCittadinanza,
        Question::SocialServices,
        Question::GaranziaGiovaniDone,
        Question::GolPath1,
        Question::GolCourseFar,
        Question::GolEditionsUsedUp,
        Question::PattoTrainingAction,
        Question::SelectedForHiring,
        Question::Isee,
        Question::HadIla2010,
        Question::VoucherLast3Years,
    ];

    /// The profile field, as the engine names it among the answers still missing.
    pub fn field(self) -> &'static str {
        match self {
            Question::BirthDate => "birth_date",
            Question::Sex => "sex",
            Question::ResidenceRegion => "residence_region",
            Question::ResidenceProvince => "residence_province",
            Question::ForeignCitizen => "foreign_citizen",
            Question::PermitAllowsWork => "permit_allows_work",
            Question::EducationEqf => "education_eqf",
            Question::EmploymentStatus => "employment_status",
            Question::UnemployedSince => "unemployed_since",
            Question::PermanentContract => "permanent_contract",
            Question::AtypicalContract => "atypical_contract",
            Question::WageIntegration => "wage_integration",
            Question::MobilityList => "mobility_list",
            Question::CpiRegistered => "cpi_registered",
            Question::CpiProvince => "cpi_province",
            Question::CpiRegisteredSince => "cpi_registered_since",
            Question::ReceivesNaspi => "receives_naspi",
            Question::Isee => "isee",
            Question::HadIla2010 => "had_ila_2010",
            Question::VoucherLast3Years => "voucher_last_3_years",
            Question::DisabilityL68 => "disability_l68",
            Question::FormerManager => "former_manager",
            Question::NaspiSince => "naspi_since",
            Question::ReceivesIncomeSupport => "receives_income_support",
            Question::ReceivesRedditoCittadinanza => "receives_reddito_cittadinanza",
            Question::SocialServices => "social_services",
            Question::GaranziaGiovaniDone => "garanzia_giovani_done",
            Question::GolPath1 => "gol_path_1",
            Question::GolCourseFar => "gol_course_far",
            Question::GolEditionsUsedUp => "gol_editions_used_up",
            Question::PattoTrainingAction => "patto_training_action",
            Question::SelectedForHiring => "selected_for_hiring",
        }
    }

    pub fn by_field(field: &str) -> Option<Question> {
        Self::ALL.into_iter().find(|q| q.field() == field)
    }

    pub fn step(self) -> Step {
        match self {
            Question::BirthDate
            | Question::Sex
            | Question::ResidenceRegion
            | Question::ResidenceProvince
            | Question::ForeignCitizen
            | Question::PermitAllowsWork
            | Question::EducationEqf
            | Question::DisabilityL68 => Step::AboutYou,
            Question::EmploymentStatus
            | Question::UnemployedSince
            | Question::PermanentContract
            | Question::AtypicalContract
            | Question::WageIntegration
            | Question::MobilityList
            | Question::FormerManager => Step::Work,
            Question::CpiRegistered
            | Question::CpiProvince
            | Question::CpiRegisteredSince
            | Question::ReceivesNaspi
            | Question::Isee
            | Question::HadIla2010
            | Question::VoucherLast3Years
            | Question::NaspiSince
            | Question::ReceivesIncomeSupport
            | Question::ReceivesRedditoCittadinanza
            | Question::SocialServices
            | Question::GaranziaGiovaniDone
            | Question::GolPath1
            | Question::GolCourseFar
            | Question::GolEditionsUsedUp
            | Question::PattoTrainingAction
            | Question::SelectedForHiring => Step::CpiAndSupport,
        }
    }

    pub fn kind(self) -> AnswerKind {
        match self {
            Question::BirthDate
            | Question::UnemployedSince
            | Question::CpiRegisteredSince
            | Question::NaspiSince => AnswerKind::Date,
            Question::Sex => AnswerKind::Choice(SEXES),
            Question::EmploymentStatus => AnswerKind::Choice(STATUSES),
            Question::WageIntegration => AnswerKind::Choice(WAGE_SCHEMES),
            Question::ResidenceRegion => AnswerKind::Region,
            Question::ResidenceProvince | Question::CpiProvince => AnswerKind::Province,
            Question::EducationEqf => AnswerKind::Eqf,
            Question::Isee => AnswerKind::Money,
            Question::ForeignCitizen
            | Question::PermitAllowsWork
            | Question::PermanentContract
            | Question::AtypicalContract
            | Question::MobilityList
            | Question::CpiRegistered
            | Question::ReceivesNaspi
            | Question::HadIla2010
            | Question::VoucherLast3Years
            | Question::DisabilityL68
            | Question::FormerManager
            | Question::ReceivesIncomeSupport
            | Question::ReceivesRedditoCittadinanza
            | Question::SocialServices
            | Question::GaranziaGiovaniDone
            | Question::GolPath1
            | Question::GolCourseFar
            | Question::GolEditionsUsedUp
            | Question::PattoTrainingAction
            | Question::SelectedForHiring => AnswerKind::YesNo,
        }
    }

    pub fn answer(self, p: &Profile) -> Answer {
        let date = |d: Option<NaiveDate>| d.map_or(Answer::None, Answer::Date);
        let yes_no = |b: Option<bool>| b.map_or(Answer::None, Answer::YesNo);
        let code = |c: Option<&str>| c.map_or(Answer::None, |c| Answer::Code(c.to_owned()));
        match self {
            Question::BirthDate => date(p.birth_date),
            Question::UnemployedSince => date(p.unemployed_since),
            Question::CpiRegisteredSince => date(p.cpi_registered_since),
            Question::Sex => code(p.sex.map(Sesso::code)),
            Question::EmploymentStatus => code(p.employment_status.map(EmploymentStatus::code)),
            Question::WageIntegration => code(p.wage_integration.map(wage_code)),
            Question::ResidenceRegion => code(p.residence_region.as_deref()),
            Question::ResidenceProvince => code(p.residence_province.as_deref()),
            Question::CpiProvince => code(p.cpi_province.as_deref()),
            Question::EducationEqf => p.education_eqf.map_or(Answer::None, Answer::Level),
            Question::Isee => p.isee.map_or(Answer::None, Answer::Money),
            Question::ForeignCitizen => yes_no(p.foreign_citizen),
            Question::PermitAllowsWork => yes_no(p.permit_allows_work),
            Question::PermanentContract => yes_no(p.permanent_contract),
            Question::AtypicalContract => yes_no(p.atypical_contract),
            Question::MobilityList => yes_no(p.mobility_list),
            Question::CpiRegistered => yes_no(p.cpi_registered),
            Question::ReceivesNaspi => yes_no(p.receives_naspi),
            Question::HadIla2010 => yes_no(p.had_ila_2010),
            Question::VoucherLast3Years => yes_no(p.voucher_last_3_years),
            Question::NaspiSince => date(p.naspi_since),
            Question::DisabilityL68 => yes_no(p.disability_l68),
            Question::FormerManager => yes_no(p.former_manager),
            Question::ReceivesIncomeSupport => yes_no(p.receives_income_support),
            Question::ReceivesRedditoCittadinanza => yes_no(p.receives_reddito_cittadinanza),
            Question::SocialServices => yes_no(p.social_services),
            Question::GaranziaGiovaniDone => yes_no(p.garanzia_giovani_done),
            Question::GolPath1 => yes_no(p.gol_path_1),
            Question::GolCourseFar => yes_no(p.gol_course_far),
            Question::GolEditionsUsedUp => yes_no(p.gol_editions_used_up),
            Question::PattoTrainingAction => yes_no(p.patto_training_action),
            Question::SelectedForHiring => yes_no(p.selected_for_hiring),
        }
    }

    pub fn is_answered(self, p: &Profile) -> bool {
        self.answer(p) != Answer::None
    }

    /// Writes an answer (or clears it with [`Answer::None`]). Codes are checked against the
    /// question's list; provinces are kept upper case and regions lower case, as the rules
    /// compare them.
    pub fn set(self, p: &mut Profile, answer: Answer) -> Result<(), WrongKind> {
        let wrong = WrongKind { question: self };
        fn date(slot: &mut Option<NaiveDate>, a: Answer, wrong: WrongKind) -> Result<(), WrongKind> {
            *slot = match a {
                Answer::None => None,
                Answer::Date(d) => Some(d),
                _ => return Err(wrong),
            };
            Ok(())
        }
        fn yes_no(slot: &mut Option<bool>, a: Answer, wrong: WrongKind) -> Result<(), WrongKind> {
            *slot = match a {
                Answer::None => None,
                Answer::YesNo(b) => Some(b),
                _ => return Err(wrong),
            };
            Ok(())
        }
        fn code<T>(
            slot: &mut Option<T>,
            a: Answer,
            parse: impl Fn(&str) -> Option<T>,
            wrong: WrongKind,
        ) -> Result<(), WrongKind> {
            *slot = match a {
                Answer::None => None,
                Answer::Code(c) => Some(parse(&c).ok_or(wrong)?),
                _ => return Err(wrong),
            };
            Ok(())
        }
        let text =
            |normal: fn(&str) -> String| move |c: &str| Some(normal(c.trim())).filter(|s| !s.is_empty());
        match self {
            Question::BirthDate => date(&mut p.birth_date, answer, wrong),
            Question::UnemployedSince => date(&mut p.unemployed_since, answer, wrong),
            Question::CpiRegisteredSince => date(&mut p.cpi_registered_since, answer, wrong),
            Question::Sex => code(&mut p.sex, answer, Sesso::from_code, wrong),
            Question::EmploymentStatus => code(
                &mut p.employment_status,
                answer,
                EmploymentStatus::from_code,
                wrong,
            ),
            Question::WageIntegration => code(&mut p.wage_integration, answer, wage_from, wrong),
            Question::ResidenceRegion => code(
                &mut p.residence_region,
                answer,
                |c| region(c).map(|(code, _)| code.to_owned()),
                wrong,
            ),
            Question::ResidenceProvince => {
                code(&mut p.residence_province, answer, text(str::to_uppercase), wrong)
            }
            Question::CpiProvince => code(&mut p.cpi_province, answer, text(str::to_uppercase), wrong),
            Question::EducationEqf => {
                p.education_eqf = match answer {
                    Answer::None => None,
                    Answer::Level(l) if l <= 8 => Some(l),
                    _ => return Err(wrong),
                };
                Ok(())
            }
            Question::Isee => {
                p.isee = match answer {
                    Answer::None => None,
                    Answer::Money(m) if m >= Decimal::ZERO => Some(m),
                    _ => return Err(wrong),
                };
                Ok(())
            }
            Question::ForeignCitizen => yes_no(&mut p.foreign_citizen, answer, wrong),
            Question::PermitAllowsWork => yes_no(&mut p.permit_allows_work, answer, wrong),
            Question::PermanentContract => yes_no(&mut p.permanent_contract, answer, wrong),
            Question::AtypicalContract => yes_no(&mut p.atypical_contract, answer, wrong),
            Question::MobilityList => yes_no(&mut p.mobility_list, answer, wrong),
            Question::CpiRegistered => yes_no(&mut p.cpi_registered, answer, wrong),
            Question::ReceivesNaspi => yes_no(&mut p.receives_naspi, answer, wrong),
            Question::HadIla2010 => yes_no(&mut p.had_ila_2010, answer, wrong),
            Question::VoucherLast3Years => yes_no(&mut p.voucher_last_3_years, answer, wrong),
            Question::NaspiSince => date(&mut p.naspi_since, answer, wrong),
            Question::DisabilityL68 => yes_no(&mut p.disability_l68, answer, wrong),
            Question::FormerManager => yes_no(&mut p.former_manager, answer, wrong),
            Question::ReceivesIncomeSupport => yes_no(&mut p.receives_income_support, answer, wrong),
            Question::ReceivesRedditoCittadinanza => {
                yes_no(&mut p.receives_reddito_cittadinanza, answer, wrong)
            }
            Question::SocialServices => yes_no(&mut p.social_services, answer, wrong),
            Question::GaranziaGiovaniDone => yes_no(&mut p.garanzia_giovani_done, answer, wrong),
            Question::GolPath1 => yes_no(&mut p.gol_path_1, answer, wrong),
            Question::GolCourseFar => yes_no(&mut p.gol_course_far, answer, wrong),
            Question::GolEditionsUsedUp => yes_no(&mut p.gol_editions_used_up, answer, wrong),
            Question::PattoTrainingAction => yes_no(&mut p.patto_training_action, answer, wrong),
            Question::SelectedForHiring => yes_no(&mut p.selected_for_hiring, answer, wrong),
        }
    }

    /// Copies this question's answer from one profile to another.
    pub fn copy(self, from: &Profile, to: &mut Profile) -> Result<(), WrongKind> {
        self.set(to, self.answer(from))
    }
}

fn wage_code(w: WageIntegration) -> &'static str {
    match w {
        WageIntegration::Nessuna => "nessuna",
        WageIntegration::Cigo => "cigo",
        WageIntegration::Cigs => "cigs",
        WageIntegration::Cigd => "cigd",
        WageIntegration::Solidarieta => "solidarieta",
    }
}

fn wage_from(c: &str) -> Option<WageIntegration> {
    [
        WageIntegration::Nessuna,
        WageIntegration::Cigo,
        WageIntegration::Cigs,
        WageIntegration::Cigd,
        WageIntegration::Solidarieta,
    ]
    .into_iter()
    .find(|w| wage_code(*w) == c)
}

/// Italy's regions: the code the rules compare (lower case) and the name people read.
pub const REGIONS: &[(&str, &str)] = &[
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

/// A region by its code or its name, whatever the case and spacing ("Toscana ", "toscana").
pub fn region(text: &str) -> Option<(&'static str, &'static str)> {
    let wanted = text.trim().to_lowercase();
    REGIONS
        .iter()
        .copied()
        .find(|(code, name)| *code == wanted || name.to_lowercase() == wanted)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(q: Question) -> Answer {
        match q.kind() {
            AnswerKind::Date => Answer::Date(NaiveDate::from_ymd_opt(2020, 2, 29).expect("date")),
            AnswerKind::YesNo => Answer::YesNo(true),
            AnswerKind::Choice(codes) => Answer::Code(codes[codes.len() - 1].to_owned()),
            AnswerKind::Money => Answer::Money(Decimal::new(1234567, 2)),
            AnswerKind::Province => Answer::Code("PT".into()),
            AnswerKind::Region => Answer::Code("toscana".into()),
            AnswerKind::Eqf => Answer::Level(4),
        }
    }

    /// Each question writes its own field and only that one: set one, and exactly that
    /// question reads back answered, with the value written, also through JSON.
    #[test]
    fn each_question_writes_its_own_field_and_no_other() {
        for q in Question::ALL {
            let mut p = Profile::default();
            q.set(&mut p, sample(q)).expect("right kind");
            assert_eq!(q.answer(&p), sample(q), "{q:?}");
            let answered: Vec<Question> = Question::ALL.into_iter().filter(|o| o.is_answered(&p)).collect();
            assert_eq!(answered, vec![q]);
            let json = serde_json::to_value(&p).expect("json");
            assert!(!json[q.field()].is_null(), "{q:?} writes {}", q.field());
            q.set(&mut p, Answer::None).expect("clear");
            assert_eq!(p, Profile::default(), "{q:?} clears");
        }
    }

    #[test]
    fn the_status_choices_are_the_employment_statuses() {
        let codes: Vec<&str> = EmploymentStatus::ALL.iter().map(|s| s.code()).collect();
        assert_eq!(STATUSES, codes.as_slice());
    }

    #[test]
    fn every_question_has_its_own_field_and_step() {
        for q in Question::ALL {
            assert_eq!(Question::by_field(q.field()), Some(q));
        }
        for step in Step::ALL {
            assert!(Question::ALL.iter().any(|q| q.step() == step));
        }
    }

    #[test]
    fn answers_of_the_wrong_kind_or_outside_the_list_are_refused() {
        let mut p = Profile::default();
        assert!(Question::BirthDate.set(&mut p, Answer::YesNo(true)).is_err());
        assert!(Question::Sex.set(&mut p, Answer::Code("x".into())).is_err());
        assert!(Question::EducationEqf.set(&mut p, Answer::Level(9)).is_err());
        assert!(
            Question::Isee
                .set(&mut p, Answer::Money(Decimal::NEGATIVE_ONE))
                .is_err()
        );
        assert!(
            Question::ResidenceRegion
                .set(&mut p, Answer::Code("atlantide".into()))
                .is_err()
        );
        assert_eq!(p, Profile::default());
    }

    #[test]
    fn regions_and_provinces_are_kept_as_the_rules_compare_them() {
        let mut p = Profile::default();
        Question::ResidenceRegion
            .set(&mut p, Answer::Code(" Toscana ".into()))
            .expect("region");
        Question::ResidenceProvince
            .set(&mut p, Answer::Code(" pt ".into()))
            .expect("province");
        assert_eq!(p.residence_region.as_deref(), Some("toscana"));
        assert_eq!(p.residence_province.as_deref(), Some("PT"));
    }

    /// Every field the rules of the citizen's screens may ask for is a question (or the
    /// course, asked apart). Hiring incentives are the employer's: only `sportello-rules`
    /// evaluates them, and their questions about the hire are not on a citizen's screen.
    #[test]
    fn every_field_the_rules_ask_for_is_a_question() {
        let catalogue = super::super::catalogue().expect("catalogue");
        let p = Profile::default();
        let today = NaiveDate::from_ymd_opt(2026, 12, 2).expect("date");
        let on_screen = catalogue
            .iter()
            .filter(|p| p.kind != super::super::Kind::HiringIncentive);
        for programme in on_screen {
            for missing in super::super::evaluate(programme, &p, today).missing {
                assert!(
                    Question::by_field(&missing).is_some() || missing == "course",
                    "{} asks for {missing}, which no question asks",
                    programme.id
                );
            }
        }
    }
}
