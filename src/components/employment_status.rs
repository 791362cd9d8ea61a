//! The one set of labels for a person's employment status, used where the Libretto asks it
//! (dati personali) and where the ILA and dote checks ask it.

use sportello_core::programmes::EmploymentStatus;

use crate::i18n::t_string;

pub fn employment_status_label(i18n: crate::I18n, s: EmploymentStatus) -> &'static str {
    match s {
        EmploymentStatus::Disoccupato => t_string!(i18n, status_disoccupato),
        EmploymentStatus::Inoccupato => t_string!(i18n, status_inoccupato),
        EmploymentStatus::Inattivo => t_string!(i18n, status_inattivo),
        EmploymentStatus::Occupato => t_string!(i18n, status_occupato),
        EmploymentStatus::Autonomo => t_string!(i18n, status_autonomo),
    }
}
