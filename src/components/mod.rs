//! Pieces several screens share: the page chrome, headings, language choice, messages.

pub mod employment_status;
pub mod eqf;
pub mod evidence_file;
pub mod focus;
pub mod form;
pub mod glossary;
pub mod in_language;
pub mod language_switch;
pub mod layout;
pub mod libretto_document;
pub mod libretto_prefill;
pub mod local_time;
pub mod on_demand;
pub mod page_heading;
pub mod profile_questions;
pub mod programme_result;
pub mod review_notes;
pub mod save_status;
pub mod saved_simulations;
pub mod section_label;
pub mod sent_versions;
pub mod store_error;
pub mod submission_labels;
pub mod submission_summary;
pub mod update_notice;
