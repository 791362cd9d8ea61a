//! Text that people typed, put in a CSV cell: quoted, so no comma, quote or line break
//! breaks the file, and with a leading `'` before `=`, `+`, `-` or `@`, so a spreadsheet
//! shows it instead of running it as a formula.

pub fn cell(text: &str) -> String {
    let quoted = text.replace('"', "\"\"");
    if quoted.starts_with(['=', '+', '-', '@']) {
        format!("\"'{quoted}\"")
    } else {
        format!("\"{quoted}\"")
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn quotes_and_defuses_formulas() {
        assert_eq!(super::cell("Pistoia"), "\"Pistoia\"");
        assert_eq!(super::cell("a \"b\", c"), "\"a \"\"b\"\", c\"");
        assert_eq!(super::cell("=1+1"), "\"'=1+1\"");
        assert_eq!(super::cell("-2"), "\"'-2\"");
    }
}
