//! The Belfiore table as shipped, and what it lets a codice fiscale check: a place that
//! exists, a place in use on the day of birth, and the century that follows from it.

use chrono::NaiveDate;
use sportello_core::belfiore::Table;
use sportello_core::codice_fiscale::{CfError, CodiceFiscale, check_character};
use sportello_core::libretto::DatiPersonali;
use sportello_core::libretto::validation::{Code, Severity, validate_places};

fn table() -> Table {
    Table::parse(include_str!("../data/belfiore.tsv")).expect("the shipped table parses")
}

fn d(s: &str) -> NaiveDate {
    s.parse().expect("date")
}

/// A well-formed code for Mario Rossi, born on 1 January of `yy`, at `place`.
fn code(yy: &str, place: &str) -> String {
    let first15 = format!("RSSMRA{yy}A01{place}");
    let check = check_character(first15.as_bytes());
    format!("{first15}{}", char::from(check))
}

fn born(cf: &CodiceFiscale) -> (NaiveDate, &str) {
    match cf {
        CodiceFiscale::Personal {
            birth_date, place, ..
        } => (*birth_date, place.as_str()),
        CodiceFiscale::Temporary { .. } => panic!("a personal code"),
    }
}

#[test]
fn the_table_holds_comuni_and_states_with_their_dates() {
    let t = table();
    assert!(t.len() > 11_000, "{}", t.len());
    let pistoia = t.on("G713", d("2026-12-03")).expect("Pistoia today");
    assert_eq!(
        (pistoia.name.as_str(), pistoia.province.as_str()),
        ("Pistoia", "PT")
    );
    let czechoslovakia = t.latest("Z105").expect("a former state");
    assert!(czechoslovakia.is_foreign());
    assert_eq!(czechoslovakia.to, Some(d("1993-01-01")));
    assert!(t.spans("M999").is_empty());
}

#[test]
fn a_current_comune_a_foreign_state_and_an_unknown_place() {
    let t = table();
    let pistoia = CodiceFiscale::parse_with(&code("80", "G713"), &t).expect("Pistoia");
    assert_eq!(born(&pistoia), (d("1980-01-01"), "G713"));
    let afghanistan = CodiceFiscale::parse_with(&code("99", "Z200"), &t).expect("a foreign state");
    assert_eq!(born(&afghanistan).0, d("1999-01-01"));
    // Only its form is checked without the table; with it, M999 is no place at all.
    assert!(CodiceFiscale::parse(&code("80", "M999")).is_ok());
    assert_eq!(
        CodiceFiscale::parse_with(&code("80", "M999"), &t),
        Err(CfError::UnknownPlace)
    );
}

#[test]
fn a_suppressed_place_decides_the_century_or_refuses_the_date() {
    let t = table();
    // Acquate (CO) was merged away on 1924-01-11: a "20" is 1920, never 2020.
    let acquate = CodiceFiscale::parse_with(&code("20", "A046"), &t).expect("born in 1920");
    assert_eq!(born(&acquate).0, d("1920-01-01"));
    assert_eq!(
        born(&CodiceFiscale::parse(&code("20", "A046")).expect("form")).0,
        d("2020-01-01")
    );
    // A "50": neither 1950 (after Acquate ended) nor 2050 (the future).
    assert_eq!(
        CodiceFiscale::parse_with(&code("50", "A046"), &t),
        Err(CfError::PlaceNotInUse)
    );
    // Czechoslovakia ended in 1993: a "05" is 1905.
    let czech = CodiceFiscale::parse_with(&code("05", "Z105"), &t).expect("born in 1905");
    assert_eq!(born(&czech).0, d("1905-01-01"));
}

#[test]
fn codes_typed_in_groups_are_checked_against_the_table_too() {
    let t = table();
    let grouped = code("80", "G713");
    let typed = format!("{} {}-{}", &grouped[..3], &grouped[3..6], &grouped[6..]);
    let cf = CodiceFiscale::parse_with(&typed, &t).expect("grouped");
    assert_eq!(cf.code(), grouped);
}

#[test]
fn a_damaged_table_names_its_line() {
    let err = Table::parse("# header\nG713\tPistoia\tPT\t1939-10-26\n").expect_err("4 columns");
    assert_eq!(err.line, 2);
    let err = Table::parse("G713\tPistoia\tPT\tieri\t\n").expect_err("bad date");
    assert!(err.to_string().contains("YYYY-MM-DD"), "{err}");
}

fn warnings(cf: &str, birthplace: &str) -> Vec<(Code, &'static str, Option<String>)> {
    let p = DatiPersonali {
        codice_fiscale: cf.to_owned(),
        luogo_nascita: birthplace.to_owned(),
        ..DatiPersonali::default()
    };
    validate_places(&p, &table())
        .into_iter()
        .map(|f| {
            assert_eq!(f.severity, Severity::Warning, "never blocking");
            (f.code, f.field, f.detail)
        })
        .collect()
}

#[test]
fn the_libretto_warns_of_an_unknown_place_a_place_not_in_use_and_another_birthplace() {
    assert_eq!(
        warnings(&code("80", "M999"), ""),
        [(Code::CfPlaceUnknown, "codice_fiscale", Some("M999".into()))]
    );
    assert_eq!(
        warnings(&code("50", "A046"), ""),
        [(Code::CfPlaceNotInUse, "codice_fiscale", Some("01/01/1950".into()))]
    );
    for same in ["Pistoia", "PISTOIA (PT)", " pistoia pt ", ""] {
        assert_eq!(warnings(&code("80", "G713"), same), [], "{same:?}");
    }
    assert_eq!(
        warnings(&code("80", "G713"), "Firenze"),
        [(
            Code::BirthplaceMismatch,
            "luogo_nascita",
            Some("Pistoia (PT)".into())
        )]
    );
    assert_eq!(warnings(&code("99", "Z200"), "Afghanistan"), []);
    // Acquate's code with a "20": the table puts the birth in 1920, when Acquate existed.
    assert_eq!(warnings(&code("20", "A046"), "Acquate"), []);
    // No code, or a malformed one, is the form's own business: nothing more to say here.
    assert_eq!(warnings("", "Firenze"), []);
    assert_eq!(warnings("RSSMRA80A01G71", "Firenze"), []);
}

#[test]
fn a_birthplace_the_table_does_not_know_is_noted_as_typed_without_a_code_too() {
    assert_eq!(
        warnings("", "Firenzze"),
        [(Code::BirthplaceUnknown, "luogo_nascita", Some("Firenzze".into()))]
    );
    // A misspelt birthplace is reported once, as unknown, not also as another place.
    assert_eq!(
        warnings(&code("80", "G713"), "Pistoja"),
        [(Code::BirthplaceUnknown, "luogo_nascita", Some("Pistoja".into()))]
    );
    for known in ["Forli'", "FORLÌ (FC)", "Francia", "Acquate"] {
        assert_eq!(warnings("", known), [], "{known:?}");
    }
}

#[test]
fn typing_a_birthplace_offers_the_places_that_begin_so() {
    let t = table();
    let pist = t.suggest("pist", 10);
    assert!(pist.contains(&"Pistoia (PT)".to_owned()), "{pist:?}");
    assert!(
        pist.iter().all(|p| p.to_lowercase().starts_with("pist")),
        "{pist:?}"
    );
    // Accents and case do not matter; foreign states come by name alone.
    assert!(t.suggest("FORLI", 10).contains(&"Forlì (FC)".to_owned()));
    assert!(t.suggest("fran", 10).contains(&"Francia".to_owned()));
    // One letter is too little to list; the list is never longer than asked.
    assert!(t.suggest("p", 10).is_empty());
    assert_eq!(t.suggest("sa", 5).len(), 5);
    // Comuni no longer in use (Acquacanina, merged in 2016) come after the current ones.
    let acq = t.suggest("acqua", 50);
    let merged = acq.iter().position(|p| p == "Acquacanina (MC)").expect("listed");
    let current = acq
        .iter()
        .position(|p| p == "Acquapendente (VT)")
        .expect("listed");
    assert!(current < merged, "{acq:?}");
}
