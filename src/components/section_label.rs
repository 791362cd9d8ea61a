//! The name of each Libretto section and of each section state, in the current language:
//! one home for labels that the task list, the summary, the print view and the consent
//! screen all show.

use sportello_core::libretto::{Section, SectionState};

use crate::i18n::t_string;

pub fn section_title(i18n: crate::I18n, section: Section) -> String {
    match section {
        Section::DatiPersonali => t_string!(i18n, sec_dati_personali),
        Section::EsperienzeLavorative => t_string!(i18n, sec_esperienze_lavorative),
        Section::TitoliIstruzione => t_string!(i18n, sec_titoli_istruzione),
        Section::EsperienzeFormative => t_string!(i18n, sec_esperienze_formative),
        Section::Lingue => t_string!(i18n, sec_lingue),
        Section::CompetenzeDigitali => t_string!(i18n, sec_competenze_digitali),
        Section::Patenti => t_string!(i18n, sec_patenti),
        Section::Competenze => t_string!(i18n, sec_competenze),
        Section::Evidenze => t_string!(i18n, sec_evidenze),
    }
    .to_string()
}

pub fn state_label(i18n: crate::I18n, state: SectionState) -> (&'static str, String) {
    match state {
        SectionState::NotStarted => ("tag tag--todo", t_string!(i18n, state_not_started).to_string()),
        SectionState::InProgress => (
            "tag tag--progress",
            t_string!(i18n, state_in_progress).to_string(),
        ),
        SectionState::Complete => ("tag tag--done", t_string!(i18n, state_complete).to_string()),
        SectionState::HasProblems => (
            "tag tag--problem",
            t_string!(i18n, state_has_problems).to_string(),
        ),
    }
}
