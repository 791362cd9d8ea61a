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

#[cfg(test)]
mod tests {
    use super::*;

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
