//! Findings and date errors as sentences in the citizen's language.

use sportello_core::libretto::validation::{Code, Finding};
use sportello_core::libretto::{DateError, PartialDate};
use sportello_core::programmes::CardError;

use sportello_core::money::format_eur;

use super::InputError;
use crate::i18n::t_string;

/// `%s` in a translation stands for the finding's detail (e.g. the expected check letter).
pub fn finding(i18n: crate::I18n, f: &Finding) -> String {
    let text = match f.code {
        Code::Required => t_string!(i18n, finding_required),
        Code::EndBeforeStart => t_string!(i18n, finding_end_before_start),
        Code::InFuture => t_string!(i18n, finding_in_future),
        Code::EndWhileOngoing => t_string!(i18n, finding_end_while_ongoing),
        Code::CfLength => t_string!(i18n, finding_cf_length),
        Code::CfCharacter => t_string!(i18n, finding_cf_character),
        Code::CfCheckCharacter => t_string!(i18n, finding_cf_check_character),
        Code::CfMonth => t_string!(i18n, finding_cf_month),
        Code::CfDay => t_string!(i18n, finding_cf_day),
        Code::CfPlace => t_string!(i18n, finding_cf_place),
        Code::CfCheckDigit => t_string!(i18n, finding_cf_check_digit),
        Code::CfBirthDateMismatch => t_string!(i18n, finding_cf_birth_date_mismatch),
        Code::CfSexMismatch => t_string!(i18n, finding_cf_sex_mismatch),
        Code::CfSurnameMismatch => t_string!(i18n, finding_cf_surname_mismatch),
        Code::CfNameMismatch => t_string!(i18n, finding_cf_name_mismatch),
        Code::CfPlaceUnknown => t_string!(i18n, finding_cf_place_unknown),
        Code::CfPlaceNotInUse => t_string!(i18n, finding_cf_place_not_in_use),
        Code::BirthplaceMismatch => t_string!(i18n, finding_birthplace_mismatch),
        Code::BirthplaceUnknown => t_string!(i18n, finding_birthplace_unknown),
        Code::EmailInvalid => t_string!(i18n, finding_email_invalid),
        Code::PhoneInvalid => t_string!(i18n, finding_phone_invalid),
        Code::CapInvalid => t_string!(i18n, finding_cap_invalid),
        Code::ProvinciaInvalid => t_string!(i18n, finding_provincia_invalid),
        Code::EmployerCodeInvalid => t_string!(i18n, finding_employer_code_invalid),
        Code::AtecoInvalid => t_string!(i18n, finding_ateco_invalid),
        Code::CpIstatInvalid => t_string!(i18n, finding_cp_istat_invalid),
        Code::EqfInvalid => t_string!(i18n, finding_eqf_invalid),
        Code::LanguageLevelsMissing => t_string!(i18n, finding_language_levels_missing),
        Code::DurationUnitMissing => t_string!(i18n, finding_duration_unit_missing),
        Code::DurationInvalid => t_string!(i18n, finding_duration_invalid),
        Code::PermitExpired => t_string!(i18n, finding_permit_expired),
        Code::LinkBroken => t_string!(i18n, finding_link_broken),
        Code::NoExperienceLinked => t_string!(i18n, finding_no_experience_linked),
    };
    text.replace("%s", f.detail.as_deref().unwrap_or_default())
}

pub fn input_error(i18n: crate::I18n, e: InputError) -> String {
    match e {
        InputError::Date(e) => date_error(i18n, e),
        InputError::Money => t_string!(i18n, error_money).to_string(),
        InputError::WholeNumber => t_string!(i18n, error_whole_number).to_string(),
        InputError::Province => t_string!(i18n, error_province).to_string(),
        InputError::OverBudget(excess) => {
            let lang = i18n.lang();
            t_string!(i18n, error_over_budget).replace("%s", &format_eur(excess, lang))
        }
        InputError::Card(e) => card_error(i18n, e),
    }
}

fn card_error(i18n: crate::I18n, e: CardError) -> String {
    let eur = |d| format_eur(d, i18n.lang());
    match e {
        CardError::BadAmount => t_string!(i18n, card_error_bad_amount).to_string(),
        CardError::InFuture => t_string!(i18n, card_error_in_future).to_string(),
        CardError::NotAStep { step } => t_string!(i18n, card_error_not_a_step).replace("%s", &eur(step)),
        CardError::OverCap { room } => t_string!(i18n, card_error_over_cap).replace("%s", &eur(room)),
        CardError::BeforeFirstLoad => t_string!(i18n, card_error_before_first_load).to_string(),
        CardError::Lapsed { last_day } => t_string!(i18n, card_error_lapsed)
            .replace("%s", &PartialDate::from(last_day).display(i18n.lang())),
        CardError::OverBalance { available } => {
            t_string!(i18n, card_error_over_balance).replace("%s", &eur(available))
        }
        CardError::LoadInUse => t_string!(i18n, card_error_load_in_use).to_string(),
    }
}

fn date_error(i18n: crate::I18n, e: DateError) -> String {
    match e {
        DateError::YearMissing => t_string!(i18n, date_year_missing),
        DateError::YearInvalid => t_string!(i18n, date_year_invalid),
        DateError::MonthInvalid => t_string!(i18n, date_month_invalid),
        DateError::DayWithoutMonth => t_string!(i18n, date_day_without_month),
        DateError::DayInvalid => t_string!(i18n, date_day_invalid),
        DateError::DayMissing => t_string!(i18n, date_day_missing),
    }
    .to_string()
}
