//! Dates and times as the citizen reads them on their device (02/12/2026 10:42; 02.12.2026 in
//! Romanian and Albanian): one format for the drafts list, receipts, the task list, programme
//! periods and the print view, in the language of the nearest context (Italian inside a
//! printed document, see `components::in_language`).
//!
//! Written out by hand: chrono's `format` would bring its format-string parser into the wasm.

use chrono::{DateTime, Local, NaiveDate, TimeZone, Timelike, Utc};
use leptos::prelude::use_context;
use sportello_core::Lang;
use sportello_core::libretto::PartialDate;

use crate::i18n::I18n;

pub fn local_time(t: DateTime<Utc>) -> String {
    let local = t.with_timezone(&Local);
    format!("{} {}", date(local.date_naive()), clock(&local))
}

/// "10:42".
pub fn clock<Tz: TimeZone>(t: &DateTime<Tz>) -> String {
    format!("{:02}:{:02}", t.hour(), t.minute())
}

/// "02/12/2026".
pub fn date(d: NaiveDate) -> String {
    PartialDate::from(d).display(context_lang())
}

/// The language of the nearest translation context (tracked); Italian outside any.
pub fn context_lang() -> Lang {
    use_context::<I18n>().map(|i| i.lang()).unwrap_or_default()
}
