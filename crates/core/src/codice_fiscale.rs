//! The *codice fiscale*: formal validation (16-character personal codes, omocodia included,
//! and 11-digit temporary codes), check-character computation, and decoding of birth date
//! and sex. Formal validity is not existence: only the Agenzia delle Entrate knows that.
//!
//! Rules from DM Finanze 23/12/1976 n.13813 and the Sogei checker, as summarised in
//! `domain-libretto.md` §8.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::belfiore::Table;
use crate::libretto::Sesso;

/// Positions (0-based) where omocodia may replace a digit with a letter.
const OMOCODE_POSITIONS: [usize; 7] = [6, 7, 9, 10, 12, 13, 14];
const OMOCODE_LETTERS: &[u8; 10] = b"LMNPQRSTUV";
const MONTHS: &[u8; 12] = b"ABCDEHLMPRST";
const ODD: [u32; 26] = [
    1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23,
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(rename_all = "snake_case")]
pub enum CfError {
    #[error("the code must have 16 characters (or 11 digits for a temporary code)")]
    Length,
    #[error("character {position} is not allowed there")]
    Character { position: usize },
    #[error("the check character should be {expected}")]
    CheckCharacter { expected: char },
    #[error("the month letter is not valid")]
    Month,
    #[error("the day of birth is not valid")]
    Day,
    #[error("the place of birth code is not valid")]
    Place,
    #[error("the place of birth code is not a comune or a foreign state")]
    UnknownPlace,
    #[error("the place of birth code was not in use on the date of birth")]
    PlaceNotInUse,
    #[error("the check digit of the temporary code should be {expected}")]
    CheckDigit { expected: char },
}

/// A formally valid code, normalised (upper case, no spaces).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodiceFiscale {
    Personal {
        code: String,
        birth_date: NaiveDate,
        sex: Sesso,
        /// The place of birth's Belfiore code (omocodia undone), e.g. `G713`.
        place: String,
    },
    /// The 11-digit *codice fiscale provvisorio*: carries no personal data.
    Temporary { code: String },
}

/// What people type inside a code to read it in groups (`RSS MRA 45D25 F205N`,
/// `RSS-MRA-…`, `RSS.MRA…`, `RSS/MRA…`), taken out; letters in upper case.
pub fn normalise(input: &str) -> String {
    input
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '.' | '/'))
        .collect::<String>()
        .to_uppercase()
}

impl CodiceFiscale {
    /// Checks the code's form: characters, check character, date, a place code's shape.
    pub fn parse(input: &str) -> Result<Self, CfError> {
        Self::parse_checked(input, None)
    }

    /// Also checks the place against the Belfiore table: the code must name a comune or a
    /// foreign state in use on the date of birth, which also settles the century (a comune
    /// abolished in 1924 puts a `20` year in the 1920s, not the 2020s).
    pub fn parse_with(input: &str, places: &Table) -> Result<Self, CfError> {
        Self::parse_checked(input, Some(places))
    }

    fn parse_checked(input: &str, places: Option<&Table>) -> Result<Self, CfError> {
        let code = normalise(input);
        if code.len() == 11 && code.bytes().all(|b| b.is_ascii_digit()) {
            let expected = temporary_check_digit(&code.as_bytes()[..10]);
            if code.as_bytes()[10] != expected {
                return Err(CfError::CheckDigit {
                    expected: char::from(expected),
                });
            }
            return Ok(Self::Temporary { code });
        }
        if code.chars().count() != 16 {
            return Err(CfError::Length);
        }
        let bytes = code.as_bytes();
        check_classes(bytes)?;
        let expected = check_character(&bytes[..15]);
        if bytes[15] != expected {
            return Err(CfError::CheckCharacter {
                expected: char::from(expected),
            });
        }
        let plain = decode_omocodia(bytes);
        if &plain[12..15] == b"000" {
            return Err(CfError::Place);
        }
        let place = String::from_utf8_lossy(&plain[11..15]).into_owned();
        let (birth_date, sex) = decode_birth(&plain, |born| match places {
            None => Ok(true),
            Some(table) if table.spans(&place).is_empty() => Err(CfError::UnknownPlace),
            Some(table) => Ok(table.on(&place, born).is_some()),
        })?;
        Ok(Self::Personal {
            code,
            birth_date,
            sex,
            place,
        })
    }

    pub fn code(&self) -> &str {
        match self {
            Self::Personal { code, .. } | Self::Temporary { code } => code,
        }
    }
}

/// The three letters a surname contributes (§8.2): consonants in order, then vowels, then X.
pub fn surname_code(surname: &str) -> String {
    let (consonants, vowels) = letters(surname);
    consonants_then_vowels(consonants, vowels)
}

fn consonants_then_vowels(consonants: Vec<char>, vowels: Vec<char>) -> String {
    consonants
        .into_iter()
        .chain(vowels)
        .chain(['X'; 3])
        .take(3)
        .collect()
}

/// The three letters a first name contributes (§8.2): with four or more consonants the 1st,
/// 3rd and 4th; otherwise as for a surname. Compound names count as one string.
pub fn name_code(name: &str) -> String {
    let (consonants, vowels) = letters(name);
    if consonants.len() >= 4 {
        [consonants[0], consonants[2], consonants[3]]
            .into_iter()
            .collect()
    } else {
        consonants_then_vowels(consonants, vowels)
    }
}

/// Consonants and vowels of a name, upper case, accents dropped, other characters ignored.
fn letters(s: &str) -> (Vec<char>, Vec<char>) {
    let mut consonants = Vec::new();
    let mut vowels = Vec::new();
    for c in s.chars().flat_map(char::to_uppercase) {
        let c = match c {
            'À' | 'Á' | 'Â' | 'Ä' => 'A',
            'È' | 'É' | 'Ê' | 'Ë' => 'E',
            'Ì' | 'Í' | 'Î' | 'Ï' => 'I',
            'Ò' | 'Ó' | 'Ô' | 'Ö' => 'O',
            'Ù' | 'Ú' | 'Û' | 'Ü' => 'U',
            other => other,
        };
        match c {
            'A' | 'E' | 'I' | 'O' | 'U' => vowels.push(c),
            'A'..='Z' => consonants.push(c),
            _ => {}
        }
    }
    (consonants, vowels)
}

/// The 16th character for the first 15, taken as they are (omocode letters included).
pub fn check_character(first15: &[u8]) -> u8 {
    let sum: u32 = first15
        .iter()
        .enumerate()
        .map(|(i, &b)| {
            let v = if b.is_ascii_digit() {
                u32::from(b - b'0')
            } else {
                u32::from(b.wrapping_sub(b'A'))
            };
            let v = v.min(25);
            if i % 2 == 0 { ODD[v as usize] } else { v }
        })
        .sum();
    // `sum % 26` is below 26, so the cast cannot truncate.
    b'A' + (sum % 26) as u8
}

fn temporary_check_digit(first10: &[u8]) -> u8 {
    let sum: u32 = first10
        .iter()
        .enumerate()
        .map(|(i, &b)| {
            let d = u32::from(b - b'0');
            if i % 2 == 0 {
                d
            } else {
                let twice = d * 2;
                if twice > 9 { twice - 9 } else { twice }
            }
        })
        .sum();
    b'0' + ((10 - sum % 10) % 10) as u8
}

fn check_classes(b: &[u8]) -> Result<(), CfError> {
    for (i, &c) in b.iter().enumerate() {
        let ok = match i {
            0..=5 | 15 => c.is_ascii_uppercase(),
            8 => MONTHS.contains(&c),
            11 => matches!(c, b'A'..=b'I' | b'L' | b'M' | b'Z'),
            _ if OMOCODE_POSITIONS.contains(&i) => c.is_ascii_digit() || OMOCODE_LETTERS.contains(&c),
            _ => false,
        };
        if !ok {
            return Err(CfError::Character { position: i + 1 });
        }
    }
    Ok(())
}

/// The code with omocode letters turned back into digits.
fn decode_omocodia(b: &[u8]) -> Vec<u8> {
    let mut out = b.to_vec();
    for &i in &OMOCODE_POSITIONS {
        if let Some(d) = OMOCODE_LETTERS.iter().position(|&l| l == out[i]) {
            out[i] = b'0' + d as u8;
        }
    }
    out
}

fn two_digits(b: &[u8]) -> u32 {
    u32::from(b[0] - b'0') * 10 + u32::from(b[1] - b'0')
}

/// The century is not in the code: the most recent one that gives a real date not in the
/// future, and on which the place was in use (`place_in_use`), is taken (19yy or 20yy).
fn decode_birth(
    plain: &[u8],
    place_in_use: impl Fn(NaiveDate) -> Result<bool, CfError>,
) -> Result<(NaiveDate, Sesso), CfError> {
    let yy = two_digits(&plain[6..8]) as i32;
    let month = MONTHS.iter().position(|&m| m == plain[8]).ok_or(CfError::Month)? as u32 + 1;
    let raw_day = two_digits(&plain[9..11]);
    let (day, sex) = match raw_day {
        1..=31 => (raw_day, Sesso::M),
        41..=71 => (raw_day - 40, Sesso::F),
        _ => return Err(CfError::Day),
    };
    let today = chrono::Utc::now().date_naive();
    let dates: Vec<NaiveDate> = [2000 + yy, 1900 + yy]
        .into_iter()
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
        .filter(|d| *d <= today)
        .collect();
    if dates.is_empty() {
        return Err(CfError::Day);
    }
    for d in dates {
        if place_in_use(d)? {
            return Ok((d, sex));
        }
    }
    Err(CfError::PlaceNotInUse)
}

/// Every omocode variant of a valid code: 2^7 = 128, from the rightmost digit leftwards.
pub fn omocode_variants(code: &str) -> Vec<String> {
    let bytes = code.as_bytes();
    if bytes.len() != 16 {
        return Vec::new();
    }
    let plain = decode_omocodia(bytes);
    (0u32..128)
        .map(|mask| {
            let mut v = plain.clone();
            for (bit, &pos) in OMOCODE_POSITIONS.iter().rev().enumerate() {
                if mask & (1 << bit) != 0 {
                    v[pos] = OMOCODE_LETTERS[usize::from(v[pos] - b'0')];
                }
            }
            v[15] = check_character(&v[..15]);
            String::from_utf8_lossy(&v).into_owned()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn personal(code: &str) -> (NaiveDate, Sesso) {
        match CodiceFiscale::parse(code) {
            Ok(CodiceFiscale::Personal { birth_date, sex, .. }) => (birth_date, sex),
            other => panic!("{code}: {other:?}"),
        }
    }

    #[test]
    fn published_examples_validate_and_decode() {
        assert_eq!(
            personal("RSSMRA45D25F205N"),
            (NaiveDate::from_ymd_opt(1945, 4, 25).expect("d"), Sesso::M)
        );
        assert_eq!(
            personal("FRNSST75D50A717N"),
            (NaiveDate::from_ymd_opt(1975, 4, 10).expect("d"), Sesso::F)
        );
        assert_eq!(personal(" rssmra45d25f205n "), personal("RSSMRA45D25F205N"));
        for grouped in [
            "RSS MRA 45D25 F205N",
            "rss-mra-45d25-f205n",
            "RSS.MRA.45D25.F205N",
            "RSS/MRA/45D25/F205N",
        ] {
            assert_eq!(personal(grouped), personal("RSSMRA45D25F205N"), "{grouped}");
            assert_eq!(
                CodiceFiscale::parse(grouped)
                    .map(|c| c.code().to_owned())
                    .as_deref(),
                Ok("RSSMRA45D25F205N")
            );
        }
        assert_eq!(CodiceFiscale::parse("RSS_MRA45D25F205N"), Err(CfError::Length));
    }

    #[test]
    fn a_wrong_check_letter_reports_the_expected_one() {
        assert_eq!(
            CodiceFiscale::parse("RSSMRA45D25F205X"),
            Err(CfError::CheckCharacter { expected: 'N' })
        );
    }

    #[test]
    fn the_derived_omocode_example_validates() {
        assert_eq!(personal("RSSMRA45D25F20RI"), personal("RSSMRA45D25F205N"));
    }

    #[test]
    fn every_omocode_variant_validates_with_the_same_birth() {
        let variants = omocode_variants("RSSMRA45D25F205N");
        assert_eq!(variants.len(), 128);
        for v in variants {
            assert_eq!(personal(&v), personal("RSSMRA45D25F205N"), "{v}");
        }
    }

    #[test]
    fn temporary_codes_use_the_luhn_like_digit() {
        assert!(matches!(
            CodiceFiscale::parse("12345678903"),
            Ok(CodiceFiscale::Temporary { .. })
        ));
        assert_eq!(
            CodiceFiscale::parse("12345678901"),
            Err(CfError::CheckDigit { expected: '3' })
        );
    }

    #[test]
    fn bad_shapes_are_named() {
        assert_eq!(CodiceFiscale::parse("RSSMRA45"), Err(CfError::Length));
        assert!(matches!(
            CodiceFiscale::parse("RSSMRA45Z25F205N"),
            Err(CfError::Character { position: 9 })
        ));
    }

    #[test]
    fn name_codes_follow_the_decree() {
        assert_eq!(surname_code("Rossi"), "RSS");
        assert_eq!(surname_code("Fo"), "FOX");
        assert_eq!(surname_code("De Sanctis"), "DSN");
        assert_eq!(name_code("Mario"), "MRA");
        assert_eq!(name_code("Giampiero"), "GPR");
        assert_eq!(name_code("Niccolò"), "NCL");
        assert_eq!(name_code("Anna"), "NNA");
        assert_eq!(name_code("Eva"), "VEA");
    }
}
