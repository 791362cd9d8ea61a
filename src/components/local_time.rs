//! Times as the citizen reads them on their device (02/12/2026 10:42): one format for the
//! drafts list, receipts and the task list.

use chrono::{DateTime, Local, Utc};

pub fn local_time(t: DateTime<Utc>) -> String {
    t.with_timezone(&Local).format("%d/%m/%Y %H:%M").to_string()
}
