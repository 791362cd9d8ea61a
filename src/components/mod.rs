//! Pieces several screens share: the page chrome, headings, language choice, messages.

pub mod language_switch;
pub mod layout;
pub mod page_heading;
pub mod programme_result;
pub mod store_error;
