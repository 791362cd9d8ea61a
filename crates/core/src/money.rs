//! Showing euro amounts the way each language writes them: "€ 2.500,00" in Italian,
//! "€2,500.00" in English, "2 500,00 €" in French and Albanian, "2.500,00 €" in Romanian.
//! Always two decimals, rounded half away from zero, Latin digits (an amount must match the
//! one on the citizen's papers). Arabic text writes it as English does; the app keeps it
//! left to right inside the right-to-left line.

use rust_decimal::{Decimal, RoundingStrategy};

use crate::Lang;

pub fn format_eur(amount: Decimal, lang: Lang) -> String {
    let rounded = amount.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    let negative = rounded.is_sign_negative() && !rounded.is_zero();
    let text = format!("{:.2}", rounded.abs());
    let (int, frac) = text.split_once('.').unwrap_or((&text, "00"));
    // French and Albanian group with a narrow no-break space, so an amount never wraps.
    let (group, decimal) = match lang {
        Lang::It | Lang::Ro => ('.', ','),
        Lang::En | Lang::Ar => (',', '.'),
        Lang::Fr | Lang::Sq => ('\u{202f}', ','),
    };
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(group);
        }
        grouped.push(c);
    }
    let sign = if negative { "-" } else { "" };
    match lang {
        Lang::It => format!("{sign}€ {grouped}{decimal}{frac}"),
        Lang::En | Lang::Ar => format!("{sign}€{grouped}{decimal}{frac}"),
        Lang::Fr | Lang::Ro | Lang::Sq => format!("{sign}{grouped}{decimal}{frac}\u{a0}€"),
    }
}

/// An amount as it is put back in a text field: two decimals after a comma, no thousands
/// separator ("3000,00"), so that [`parse_eur`] reads it back unchanged.
pub fn format_input(amount: Decimal) -> String {
    format!("{:.2}", amount.round_dp(2)).replace('.', ",")
}

/// Reads an amount typed by a person: "12.500,00", "12500,5", "12500.50", "€ 1.000".
/// A lone separator followed by exactly three digits is read as thousands ("1.000" = 1000).
pub fn parse_eur(input: &str) -> Option<Decimal> {
    let s: String = input
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '€')
        .collect();
    if s.is_empty() || s.starts_with('-') {
        return None;
    }
    let last_sep = s.rfind([',', '.']);
    let normalised = match last_sep {
        Some(i) => {
            let (int, frac) = (&s[..i], &s[i + 1..]);
            let only_one = s.matches([',', '.']).count() == 1;
            if only_one && frac.len() == 3 {
                format!("{int}{frac}")
            } else {
                let int: String = int.chars().filter(char::is_ascii_digit).collect();
                if int.len() != s[..i].chars().filter(|c| *c != '.' && *c != ',').count() {
                    return None;
                }
                format!("{int}.{frac}")
            }
        }
        None => s.clone(),
    };
    if !normalised.chars().all(|c| c.is_ascii_digit() || c == '.') || normalised.matches('.').count() > 1 {
        return None;
    }
    let value: Decimal = normalised.parse().ok()?;
    (value.scale() <= 2).then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_amount_put_back_in_a_field_reads_back_the_same() {
        for s in ["0", "35", "3000", "12.5", "1234567.89"] {
            let d: Decimal = s.parse().expect("decimal");
            assert_eq!(parse_eur(&format_input(d)), Some(d), "{s}");
        }
        assert_eq!(format_input("3000".parse().expect("decimal")), "3000,00");
    }

    #[test]
    fn reads_amounts_as_people_type_them() {
        assert_eq!(parse_eur("12.500,00"), Some(eur("12500.00")));
        assert_eq!(parse_eur("12500,5"), Some(eur("12500.5")));
        assert_eq!(parse_eur("12500.50"), Some(eur("12500.50")));
        assert_eq!(parse_eur("€ 1.000"), Some(eur("1000")));
        assert_eq!(parse_eur("50,000.01"), Some(eur("50000.01")));
        assert_eq!(parse_eur("1.234.567,89"), Some(eur("1234567.89")));
        assert_eq!(parse_eur("dodici"), None);
        assert_eq!(parse_eur(""), None);
        assert_eq!(parse_eur("-5"), None);
        assert_eq!(parse_eur("1,001"), Some(eur("1001")));
        assert_eq!(parse_eur("10.123,4567"), None);
    }

    fn eur(s: &str) -> Decimal {
        s.parse().expect("decimal")
    }

    #[test]
    fn formats_of_each_language() {
        assert_eq!(format_eur(eur("2500"), Lang::It), "€ 2.500,00");
        assert_eq!(format_eur(eur("2500"), Lang::En), "€2,500.00");
        assert_eq!(format_eur(eur("1234567.891"), Lang::It), "€ 1.234.567,89");
        assert_eq!(format_eur(eur("0.005"), Lang::It), "€ 0,01");
        assert_eq!(format_eur(eur("999.99"), Lang::En), "€999.99");
        assert_eq!(format_eur(eur("-500"), Lang::It), "-€ 500,00");
        assert_eq!(format_eur(eur("2500"), Lang::Fr), "2\u{202f}500,00\u{a0}€");
        assert_eq!(format_eur(eur("2500"), Lang::Sq), "2\u{202f}500,00\u{a0}€");
        assert_eq!(format_eur(eur("1234567.5"), Lang::Ro), "1.234.567,50\u{a0}€");
        assert_eq!(format_eur(eur("2500"), Lang::Ar), "€2,500.00");
    }

    #[test]
    fn every_language_reads_back_what_it_writes() {
        for lang in Lang::ALL {
            for amount in ["2500", "0.5", "1234567.89"] {
                assert_eq!(
                    parse_eur(&format_eur(eur(amount), lang)),
                    Some(eur(amount)),
                    "{lang:?}"
                );
            }
        }
    }
}
