//! How a submission's state and a failed send are told to the citizen: one home for the
//! words the receipt screen and the list of submissions share.

use sportello_core::LifecycleState;
use sportello_core::cpi::Interest;
use sportello_core::libretto::vocab::Vocabulary;

use crate::i18n::t_string;

pub fn status_label(i18n: crate::I18n, status: LifecycleState) -> String {
    match status {
        LifecycleState::Bozza => t_string!(i18n, status_bozza),
        LifecycleState::Inviata => t_string!(i18n, status_inviata),
        LifecycleState::InRevisione => t_string!(i18n, status_in_revisione),
        LifecycleState::ModificheRichieste => t_string!(i18n, status_modifiche_richieste),
        LifecycleState::Consolidata => t_string!(i18n, status_consolidata),
    }
    .to_string()
}

/// The programme a citizen asked about, or that they did not say.
pub fn interest_label(i18n: crate::I18n, interest: Option<Interest>) -> String {
    match interest {
        Some(i) => i.label(i18n.lang()).to_owned(),
        None => t_string!(i18n, desk_interest_none).to_string(),
    }
}

/// Why the last attempt failed, from the code the outbox kept.
pub fn failure_text(i18n: crate::I18n, code: &str) -> String {
    match code {
        "network" | "unavailable" | "storage_unavailable" | "timeout" | "internal" | "bad_answer" => {
            t_string!(i18n, send_error_network)
        }
        "file_missing" => t_string!(i18n, send_error_file_missing),
        "storage" => t_string!(i18n, send_error_storage),
        "personal_data_missing" | "libretto_invalid" | "invalid_submission" => {
            t_string!(i18n, send_error_invalid)
        }
        "unsupported_type"
        | "unsupported_evidence_type"
        | "hash_mismatch"
        | "size_mismatch"
        | "too_large"
        | "evidence_too_large"
        | "submission_too_large" => t_string!(i18n, send_error_file),
        "unknown_office" => t_string!(i18n, send_error_office),
        _ => t_string!(i18n, send_error_other),
    }
    .to_string()
}
