//! Property tests of the codice fiscale: every code the encoder side produces validates;
//! every single-character change of a valid code is caught or decodes consistently; every
//! omocode variant validates with the same birth data.

use chrono::{Datelike, NaiveDate};
use proptest::prelude::*;
use sportello_core::codice_fiscale::{CodiceFiscale, check_character, omocode_variants};
use sportello_core::programmes::Sex;

const MONTHS: &[u8; 12] = b"ABCDEHLMPRST";

/// A formally valid code for a birth date, sex and place, built by the layout rules.
fn build(name: &str, date: NaiveDate, female: bool, place: &str) -> String {
    let day = date.day() + if female { 40 } else { 0 };
    let mut code = format!(
        "{name}{:02}{}{:02}{place}",
        date.year() % 100,
        char::from(MONTHS[date.month0() as usize]),
        day
    );
    let check = check_character(code.as_bytes());
    code.push(char::from(check));
    code
}

fn inputs() -> impl Strategy<Value = (String, NaiveDate, bool, String)> {
    (
        "[A-Z]{6}",
        (1930i32..2020, 1u32..=12, 1u32..=28),
        any::<bool>(),
        ("[A-IL-MZ]", 1u32..999).prop_map(|(letter, n)| format!("{letter}{n:03}")),
    )
        .prop_map(|(name, (y, m, d), female, place)| {
            let date = NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
            (name, date, female, place)
        })
}

proptest! {
    #[test]
    fn every_built_code_validates_and_decodes_back((name, date, female, place) in inputs()) {
        let code = build(&name, date, female, &place);
        match CodiceFiscale::parse(&code) {
            Ok(CodiceFiscale::Personal { birth_date, sex, .. }) => {
                prop_assert_eq!(birth_date, date);
                prop_assert_eq!(sex, if female { Sex::F } else { Sex::M });
            }
            other => prop_assert!(false, "{code}: {other:?}"),
        }
    }

    #[test]
    fn a_single_changed_character_is_caught_or_decodes_consistently(
        (name, date, female, place) in inputs(),
        position in 0usize..16,
        replacement in "[A-Z0-9]",
    ) {
        let code = build(&name, date, female, &place);
        let mut bytes = code.clone().into_bytes();
        let new = replacement.as_bytes()[0];
        prop_assume!(bytes[position] != new);
        bytes[position] = new;
        let changed = String::from_utf8(bytes).unwrap_or_default();
        // A changed check character is always caught.
        if position == 15 {
            prop_assert!(CodiceFiscale::parse(&changed).is_err());
        }
        // Elsewhere the check character catches the change except where two values collide
        // in its table; whatever still validates must decode to real data.
        if let Ok(parsed) = CodiceFiscale::parse(&changed) {
            match parsed {
                CodiceFiscale::Personal { birth_date, .. } => {
                    prop_assert!(birth_date.year() >= 1900);
                    let recheck = check_character(&changed.as_bytes()[..15]);
                    prop_assert_eq!(recheck, changed.as_bytes()[15]);
                }
                CodiceFiscale::Temporary { .. } => prop_assert!(false, "16 characters cannot be temporary"),
            }
        }
    }

    #[test]
    fn omocode_variants_validate_with_the_same_birth((name, date, female, place) in inputs(), pick in 0usize..128) {
        let code = build(&name, date, female, &place);
        let variants = omocode_variants(&code);
        prop_assert_eq!(variants.len(), 128);
        let original = CodiceFiscale::parse(&code);
        let variant = CodiceFiscale::parse(&variants[pick]);
        match (original, variant) {
            (
                Ok(CodiceFiscale::Personal { birth_date: a, sex: sa, .. }),
                Ok(CodiceFiscale::Personal { birth_date: b, sex: sb, .. }),
            ) => {
                prop_assert_eq!(a, b);
                prop_assert_eq!(sa, sb);
            }
            other => prop_assert!(false, "{}: {other:?}", variants[pick]),
        }
    }
}
