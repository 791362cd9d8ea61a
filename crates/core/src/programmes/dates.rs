//! Counting ages and periods the way the rules read: calendar years and calendar months.
//!
//! - Age: whole years completed on the reference date; a person turns 18 **on** their 18th
//!   birthday. Someone born on 29 February turns a year older on 1 March in common years.
//! - "N months since D": the date D + N calendar months, clamped to the end of a shorter
//!   month (31 January + 1 month = 28/29 February). "At least N months" holds from that date
//!   on; "more than N months" from the day after.
//!
//! These are design choices (the sources do not define counting): `docs/profile.md` states them.

use chrono::{Datelike, Months, NaiveDate};

pub fn age_on(birth: NaiveDate, on: NaiveDate) -> Option<u32> {
    if on < birth {
        return None;
    }
    let mut years = on.year() - birth.year();
    if (on.month(), on.day()) < (birth.month(), birth.day()) {
        years -= 1;
    }
    u32::try_from(years).ok()
}

/// The first day on which "at least `months` months since `since`" holds.
pub fn months_after(since: NaiveDate, months: u32) -> Option<NaiveDate> {
    since.checked_add_months(Months::new(months))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().expect("date")
    }

    #[test]
    fn eighteen_on_the_birthday_not_the_day_before() {
        assert_eq!(age_on(d("2008-05-10"), d("2026-05-09")), Some(17));
        assert_eq!(age_on(d("2008-05-10"), d("2026-05-10")), Some(18));
    }

    #[test]
    fn leap_day_birthdays_count_from_first_march() {
        assert_eq!(age_on(d("2008-02-29"), d("2026-02-28")), Some(17));
        assert_eq!(age_on(d("2008-02-29"), d("2026-03-01")), Some(18));
    }

    #[test]
    fn months_clamp_to_the_end_of_short_months() {
        assert_eq!(months_after(d("2026-01-31"), 1), Some(d("2026-02-28")));
        assert_eq!(months_after(d("2026-01-15"), 3), Some(d("2026-04-15")));
    }
}
