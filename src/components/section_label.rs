//! The name of each Libretto section, of its entries and of each section state, in the
//! current language: one home for labels that the task list, the section screens, the
//! summary, the print view and the consent screen all show.

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

/// The name of one entry of a section ("Esperienza lavorativa"), for headings.
pub fn entry_noun(i18n: crate::I18n, section: Section) -> String {
    match section {
        Section::EsperienzeLavorative => t_string!(i18n, entry_esperienza_lavorativa),
        Section::TitoliIstruzione => t_string!(i18n, entry_titolo),
        Section::EsperienzeFormative => t_string!(i18n, entry_corso),
        Section::Lingue => t_string!(i18n, entry_lingua),
        Section::Competenze => t_string!(i18n, entry_competenza),
        Section::Evidenze => t_string!(i18n, entry_evidenza),
        _ => t_string!(i18n, entry_generic),
    }
    .to_string()
}

/// How an entry is named in lists and links: its summary, or "Documento 2" while empty.
pub fn entry_name(i18n: crate::I18n, section: Section, summary: String, index: usize) -> String {
    if summary.is_empty() {
        format!("{} {}", entry_noun(i18n, section), index + 1)
    } else {
        summary
    }
}

/// "Aggiungi un'altra esperienza" and its first-time form.
pub fn add_label(i18n: crate::I18n, section: Section, first: bool) -> String {
    match (section, first) {
        (Section::EsperienzeLavorative, true) => t_string!(i18n, add_first_esperienza),
        (Section::EsperienzeLavorative, false) => t_string!(i18n, add_esperienza),
        (Section::TitoliIstruzione, true) => t_string!(i18n, add_first_titolo),
        (Section::TitoliIstruzione, false) => t_string!(i18n, add_titolo),
        (Section::EsperienzeFormative, true) => t_string!(i18n, add_first_corso),
        (Section::EsperienzeFormative, false) => t_string!(i18n, add_corso),
        (Section::Lingue, true) => t_string!(i18n, add_first_lingua),
        (Section::Lingue, false) => t_string!(i18n, add_lingua),
        (Section::Competenze, true) => t_string!(i18n, add_first_competenza),
        (Section::Competenze, false) => t_string!(i18n, add_competenza),
        (_, true) => t_string!(i18n, add_first_evidenza),
        (_, false) => t_string!(i18n, add_evidenza),
    }
    .to_string()
}

/// The explanation under a section's heading.
pub fn section_intro(i18n: crate::I18n, section: Section) -> String {
    match section {
        Section::DatiPersonali => t_string!(i18n, intro_dati_personali),
        Section::EsperienzeLavorative => t_string!(i18n, intro_esperienze_lavorative),
        Section::TitoliIstruzione => t_string!(i18n, intro_titoli_istruzione),
        Section::EsperienzeFormative => t_string!(i18n, intro_esperienze_formative),
        Section::Lingue => t_string!(i18n, intro_lingue),
        Section::CompetenzeDigitali => t_string!(i18n, intro_competenze_digitali),
        Section::Patenti => t_string!(i18n, intro_patenti),
        Section::Competenze => t_string!(i18n, intro_competenze),
        Section::Evidenze => t_string!(i18n, intro_evidenze),
    }
    .to_string()
}
