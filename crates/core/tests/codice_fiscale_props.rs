//! Property tests of the codice fiscale: every code the encoder side produces validates;
//! every single-character change of a valid code is caught, and with a recomputed check
//! character decodes to exactly what it encodes; every
//! omocode variant validates with the same birth data.

use chrono::{Datelike, NaiveDate};
use proptest::prelude::*;
use sportello_core::codice_fiscale::{CodiceFiscale, check_character, omocode_variants};
use sportello_core::libretto::Sesso;

const MONTHS: &[u8; 12] = b"ABCDEHLMPRST";
/// Omocodia: the digit positions and the letters that may stand for 0–9 there.
const OMOCODE_POSITIONS: [usize; 7] = [6, 7, 9, 10, 12, 13, 14];
const OMOCODE_LETTERS: &[u8; 10] = b"LMNPQRSTUV";

/// The first 15 characters with omocode letters turned back into digits, written here
/// independently of the library's decoder.
fn plain_body(code: &str) -> String {
    let mut b = code.as_bytes()[..15].to_vec();
    for i in OMOCODE_POSITIONS {
        if let Some(d) = OMOCODE_LETTERS.iter().position(|&l| l == b[i]) {
            b[i] = b'0' + d as u8;
        }
    }
    String::from_utf8(b).unwrap_or_default()
}

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

/// Every code that differs from `code` in exactly one character, with the position changed.
fn single_changes(code: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for position in 0..code.len() {
        for &new in b"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789" {
            let mut bytes = code.as_bytes().to_vec();
            if bytes[position] != new {
                bytes[position] = new;
                out.push((position, String::from_utf8(bytes).unwrap_or_default()));
            }
        }
    }
    out
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
                prop_assert_eq!(sex, if female { Sesso::F } else { Sesso::M });
            }
            other => prop_assert!(false, "{code}: {other:?}"),
        }
    }

    /// Every one of the 16 × 35 single-character changes of a valid code, not a sample, is
    /// refused: the check table gives distinct values to the characters each position allows.
    #[test]
    fn every_single_changed_character_is_caught((name, date, female, place) in inputs()) {
        let code = build(&name, date, female, &place);
        for (position, changed) in single_changes(&code) {
            prop_assert!(CodiceFiscale::parse(&changed).is_err(), "{} (position {}) was accepted", changed, position);
        }
    }

    /// The same changes with the check character computed again: whatever then validates
    /// must decode to exactly what it says. The decoded birth date and sex, encoded again by
    /// the layout rules with the code's own name and place letters, give back the code.
    #[test]
    fn every_code_that_validates_decodes_to_what_it_encodes((name, date, female, place) in inputs()) {
        let code = build(&name, date, female, &place);
        for (_, changed) in single_changes(&code) {
            let mut fixed = changed[..15].to_owned();
            fixed.push(char::from(check_character(&fixed.as_bytes()[..15])));
            match CodiceFiscale::parse(&fixed) {
                Ok(CodiceFiscale::Personal { birth_date, sex, .. }) => {
                    let plain = plain_body(&fixed);
                    let rebuilt = build(&plain[..6], birth_date, sex == Sesso::F, &plain[11..15]);
                    prop_assert_eq!(&rebuilt[..15], plain.as_str(), "{} decoded as {} {:?}", fixed, birth_date, sex);
                }
                Ok(CodiceFiscale::Temporary { .. }) => prop_assert!(false, "16 characters cannot be temporary"),
                Err(_) => {}
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
