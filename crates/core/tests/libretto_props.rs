//! Properties of the Libretto model that must hold for any input a citizen or a file gives.

use chrono::{NaiveDate, TimeZone, Utc};
use proptest::prelude::*;
use sportello_core::Draft;
use sportello_core::libretto::export::{export, import};
use sportello_core::libretto::validation::validate;
use sportello_core::libretto::{EsperienzaLavorativa, ItemId, Libretto, PartialDate};

fn partial_date() -> impl Strategy<Value = PartialDate> {
    (1900i32..=2100, proptest::option::of(1u32..=12), 1u32..=31).prop_filter_map("real date", |(y, m, d)| {
        match m {
            None => PartialDate::year(y).ok(),
            Some(m) if d % 2 == 0 => PartialDate::month(y, m).ok(),
            Some(m) => PartialDate::day(y, m, d).ok(),
        }
    })
}

fn experience() -> impl Strategy<Value = EsperienzaLavorativa> {
    (
        proptest::option::of(partial_date()),
        proptest::option::of(partial_date()),
        any::<bool>(),
        ".{0,20}",
        ".{0,40}",
        "[0-9A-Z.]{0,8}",
    )
        .prop_map(|(inizio, fine, in_corso, datore, mansioni, codice)| {
            let mut e = EsperienzaLavorativa {
                id: ItemId::new_random(),
                inizio,
                fine,
                in_corso,
                datore,
                mansioni,
                ..Default::default()
            };
            e.settore.codice = codice;
            e
        })
}

proptest! {
    #[test]
    fn partial_dates_round_trip_through_text_and_parts(d in partial_date()) {
        prop_assert_eq!(d.to_string().parse::<PartialDate>(), Ok(d));
        let (day, month, year) = d.parts();
        prop_assert_eq!(PartialDate::from_parts(&day, &month, &year), Ok(Some(d)));
        prop_assert!(d.first_day() <= d.last_day());
    }

    #[test]
    fn any_typed_date_fields_give_a_date_or_an_error_never_a_panic(
        day in ".{0,3}", month in ".{0,3}", year in ".{0,5}"
    ) {
        let _ = PartialDate::from_parts(&day, &month, &year);
    }

    #[test]
    fn findings_point_at_entries_that_exist(
        experiences in proptest::collection::vec(experience(), 0..8),
        cf in "[A-Z0-9]{0,16}",
    ) {
        let mut l = Libretto { esperienze_lavorative: experiences, ..Default::default() };
        l.dati_personali.codice_fiscale = cf;
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).expect("date");
        for f in validate(&l, today) {
            if let Some(id) = &f.item {
                prop_assert!(l.esperienze_lavorative.iter().any(|e| &e.id == id));
            }
        }
    }

    #[test]
    fn export_and_import_are_inverse(experiences in proptest::collection::vec(experience(), 0..8)) {
        let now = Utc.with_ymd_and_hms(2026, 11, 22, 10, 0, 0).single().expect("time");
        let mut d = Draft::new("Bozza", now);
        d.libretto.esperienze_lavorative = experiences;
        let json = serde_json::to_string(&export(&d, &[], now)).expect("ser");
        let back = import(&json).expect("import");
        prop_assert_eq!(back.draft, d);
    }
}
