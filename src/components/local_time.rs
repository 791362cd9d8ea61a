//! Dates and times as the citizen reads them on their device (02/12/2026 10:42): one format
//! for the drafts list, receipts, the task list, programme periods and the print view.
//!
//! Written out by hand: chrono's `format` would bring its format-string parser into the wasm.

use chrono::{DateTime, Local, NaiveDate, TimeZone, Timelike, Utc};
use sportello_core::libretto::PartialDate;

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
    PartialDate::from(d).italian()
}
