//! Receipt codes: what a citizen reads out at the CPI desk or types into a form.
//!
//! Twelve symbols in three groups (`7K3M-9QXA-2RBD`): eleven random, the last a check
//! symbol. The alphabet has 31 symbols, a prime, and leaves out those people confuse
//! (`1 I L O U`); `O` typed for `0` is forgiven. With position weights 1…11 (all non-zero and
//! distinct modulo 31), every single wrong symbol and every swap of two neighbours changes
//! the check, so a mistyped code is caught rather than matched to someone else's.

pub const ALPHABET: &[u8; 31] = b"023456789ABCDEFGHJKMNPQRSTVWXYZ";
const BODY: usize = 11;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ReceiptCode(String);

impl ReceiptCode {
    /// A code from eleven random bytes (the caller owns the randomness; core has none).
    pub fn from_random(bytes: [u8; BODY]) -> Self {
        let body: Vec<u8> = bytes
            .iter()
            .map(|b| ALPHABET[usize::from(*b) % ALPHABET.len()])
            .collect();
        let check = check_symbol(&body).unwrap_or(ALPHABET[0]);
        let mut all = body;
        all.push(check);
        Self(group(&all))
    }

    /// Reads a code as a person typed it: any case, with or without dashes or spaces.
    pub fn parse(input: &str) -> Result<Self, ReceiptCodeError> {
        let symbols: Vec<u8> = input
            .bytes()
            .filter(|b| !matches!(b, b'-' | b' '))
            .map(|b| match b.to_ascii_uppercase() {
                b'O' => b'0',
                other => other,
            })
            .collect();
        if symbols.len() != BODY + 1 {
            return Err(ReceiptCodeError::Length);
        }
        if symbols.iter().any(|s| !ALPHABET.contains(s)) {
            return Err(ReceiptCodeError::Symbol);
        }
        if check_symbol(&symbols[..BODY]) != Some(symbols[BODY]) {
            return Err(ReceiptCodeError::Check);
        }
        Ok(Self(group(&symbols)))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for ReceiptCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ReceiptCodeError {
    #[error("a receipt code has 12 letters and digits")]
    Length,
    #[error("a receipt code uses only the digits 0, 2-9 and letters other than I, L, O, U")]
    Symbol,
    #[error("this receipt code has a mistake in it")]
    Check,
}

fn value(symbol: u8) -> Option<usize> {
    ALPHABET.iter().position(|s| *s == symbol)
}

fn check_symbol(body: &[u8]) -> Option<u8> {
    let mut sum = 0;
    for (i, s) in body.iter().enumerate() {
        sum += (i + 1) * value(*s)?;
    }
    Some(ALPHABET[sum % ALPHABET.len()])
}

fn group(symbols: &[u8]) -> String {
    symbols
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(seed: u8) -> ReceiptCode {
        let mut bytes = [0u8; BODY];
        for (i, b) in bytes.iter_mut().enumerate() {
            *b = seed.wrapping_mul(31).wrapping_add(i as u8 * 7);
        }
        ReceiptCode::from_random(bytes)
    }

    #[test]
    fn a_generated_code_reads_back_in_any_form() {
        for seed in 0..=255 {
            let c = code(seed);
            assert_eq!(c.as_str().len(), 14);
            assert_eq!(ReceiptCode::parse(c.as_str()), Ok(c.clone()));
            let typed = c.as_str().replace('-', " ").to_lowercase().replace('0', "o");
            assert_eq!(ReceiptCode::parse(&typed), Ok(c));
        }
    }

    #[test]
    fn every_single_substitution_and_neighbour_swap_is_caught() {
        for seed in 0..=40 {
            let symbols: Vec<u8> = code(seed).as_str().bytes().filter(|b| *b != b'-').collect();
            for i in 0..symbols.len() {
                for s in ALPHABET {
                    if *s == symbols[i] {
                        continue;
                    }
                    let mut wrong = symbols.clone();
                    wrong[i] = *s;
                    let text = String::from_utf8(wrong).unwrap_or_default();
                    assert_eq!(ReceiptCode::parse(&text), Err(ReceiptCodeError::Check), "{text}");
                }
                if i + 1 < symbols.len() && symbols[i] != symbols[i + 1] {
                    let mut swapped = symbols.clone();
                    swapped.swap(i, i + 1);
                    let text = String::from_utf8(swapped).unwrap_or_default();
                    assert_eq!(ReceiptCode::parse(&text), Err(ReceiptCodeError::Check), "{text}");
                }
            }
        }
    }

    #[test]
    fn wrong_length_and_symbols_are_named() {
        assert_eq!(ReceiptCode::parse("ABC"), Err(ReceiptCodeError::Length));
        assert_eq!(
            ReceiptCode::parse("1111-1111-1111"),
            Err(ReceiptCodeError::Symbol)
        );
    }
}
