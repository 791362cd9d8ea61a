//! Showing euro amounts the way each language writes them: "€ 2.500,00" in Italian,
//! "€2,500.00" in English. Always two decimals, rounded half away from zero.

use rust_decimal::{Decimal, RoundingStrategy};

pub fn format_eur(amount: Decimal, italian: bool) -> String {
    let rounded = amount.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    let negative = rounded.is_sign_negative() && !rounded.is_zero();
    let text = format!("{:.2}", rounded.abs());
    let (int, frac) = text.split_once('.').unwrap_or((&text, "00"));
    let (group, decimal) = if italian { ('.', ',') } else { (',', '.') };
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(group);
        }
        grouped.push(c);
    }
    let sign = if negative { "-" } else { "" };
    if italian {
        format!("{sign}€ {grouped}{decimal}{frac}")
    } else {
        format!("{sign}€{grouped}{decimal}{frac}")
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
    fn italian_and_english_formats() {
        assert_eq!(format_eur(eur("2500"), true), "€ 2.500,00");
        assert_eq!(format_eur(eur("2500"), false), "€2,500.00");
        assert_eq!(format_eur(eur("1234567.891"), true), "€ 1.234.567,89");
        assert_eq!(format_eur(eur("0.005"), true), "€ 0,01");
        assert_eq!(format_eur(eur("999.99"), false), "€999.99");
        assert_eq!(format_eur(eur("-500"), true), "-€ 500,00");
    }
}
