//! The languages Sportello speaks. Italian is the official one: the default, the language
//! every text falls back to, and the only one of the print view and the Documento di
//! trasparenza. The others are there because the citizens of a CPI speak them — the seeds'
//! ILA campaign translated its leaflet for the communities it wanted to reach.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    It,
    En,
    Fr,
    Ro,
    Sq,
    Ar,
}

impl Lang {
    /// In the order the language switch offers them.
    pub const ALL: [Lang; 6] = [Lang::It, Lang::En, Lang::Fr, Lang::Ro, Lang::Sq, Lang::Ar];

    /// The BCP 47 code (`lang` attribute, file names, stored preference).
    pub fn code(self) -> &'static str {
        match self {
            Lang::It => "it",
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Ro => "ro",
            Lang::Sq => "sq",
            Lang::Ar => "ar",
        }
    }

    /// Reads a language tag as a browser sends it ("fr-BE", "ar", "en_GB"): only the primary
    /// subtag counts, since Sportello has one variety of each language.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = primary_subtag(tag)?;
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// The first language of a preference list (`navigator.languages`, or an
    /// `Accept-Language` header's tags in order) that Sportello speaks.
    pub fn first_supported<'a>(tags: impl IntoIterator<Item = &'a str>) -> Option<Lang> {
        tags.into_iter().find_map(Lang::from_tag)
    }

    /// Written right to left: the layout mirrors.
    pub fn is_rtl(self) -> bool {
        self == Lang::Ar
    }

    /// The `dir` attribute of an element in this language.
    pub fn dir(self) -> &'static str {
        if self.is_rtl() { "rtl" } else { "ltr" }
    }

    /// The language's own name, as the language switch shows it (never translated: a
    /// reader looks for their language by its own name).
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::It => "Italiano",
            Lang::En => "English",
            Lang::Fr => "Français",
            Lang::Ro => "Română",
            Lang::Sq => "Shqip",
            Lang::Ar => "العربية",
        }
    }

    /// Position in [`Lang::ALL`], for tables indexed by language.
    pub fn index(self) -> usize {
        self as usize
    }
}

/// Italian names that stay Italian in every language: they are what the citizen hears at the
/// CPI and reads on its forms, so a translation names them the same way and explains them
/// around the name. A test checks that every text naming one in Italian names it in all
/// six languages (`tests/translations.rs` in core, `tests/i18n_keys.rs` in the app).
pub const GLOSSARY: &[&str] = &[
    "Libretto",
    "dote",
    "fascia",
    "CPI",
    "NASpI",
    "ISEE",
    "DID",
    "PIP",
    "GOL",
    "Patto di servizio",
    "SPID",
    "CNS",
    "codice fiscale",
    "Garanzia Giovani",
    "cassa integrazione",
];

/// The glossary terms `text` names, as whole words, whatever their case ("Dote Lavoro"
/// names "dote"; "dotazione" does not).
pub fn glossary_terms(text: &str) -> Vec<&'static str> {
    let lower = text.to_lowercase();
    GLOSSARY
        .iter()
        .copied()
        .filter(|term| {
            let term = term.to_lowercase();
            lower.match_indices(&term).any(|(i, _)| {
                let before = lower[..i].chars().next_back();
                let after = lower[i + term.len()..].chars().next();
                !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
            })
        })
        .collect()
}

/// A language tag's primary subtag, lower-cased ("fr-BE" → "fr", "en_GB" → "en").
pub fn primary_subtag(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next()?;
    (!primary.is_empty()).then(|| primary.to_ascii_lowercase())
}

/// Parses an `Accept-Language` header into tags ordered by their `q` weights (ties keep
/// the header's order); a tag with `q=0` is refused, as the header's grammar says.
pub fn accept_language(header: &str) -> Vec<&str> {
    let mut tags: Vec<(&str, u16)> = header
        .split(',')
        .filter_map(|part| {
            let mut pieces = part.split(';');
            let tag = pieces.next()?.trim();
            let q = pieces
                .find_map(|p| p.trim().strip_prefix("q="))
                .map_or(Some(1000), |q| {
                    q.trim()
                        .parse::<f32>()
                        .ok()
                        .map(|q| (q.clamp(0.0, 1.0) * 1000.0) as u16)
                })?;
            (!tag.is_empty() && q > 0).then_some((tag, q))
        })
        .collect();
    tags.sort_by_key(|t| std::cmp::Reverse(t.1));
    tags.into_iter().map(|(t, _)| t).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_read_by_primary_subtag() {
        assert_eq!(Lang::from_tag("fr-BE"), Some(Lang::Fr));
        assert_eq!(Lang::from_tag("AR"), Some(Lang::Ar));
        assert_eq!(Lang::from_tag("en_GB"), Some(Lang::En));
        assert_eq!(Lang::from_tag("de"), None);
        assert_eq!(Lang::first_supported(["de-DE", "ro", "en"]), Some(Lang::Ro));
        assert_eq!(primary_subtag(" EN_gb"), Some("en".to_owned()));
        assert_eq!(primary_subtag("-x"), None);
    }

    #[test]
    fn accept_language_by_weight() {
        assert_eq!(
            accept_language("de;q=0.9, sq, ar;q=0.95, it;q=0"),
            vec!["sq", "ar", "de"]
        );
        assert_eq!(accept_language(""), Vec::<&str>::new());
    }

    #[test]
    fn glossary_terms_are_whole_words() {
        assert_eq!(glossary_terms("Dote Lavoro – Lombardia"), vec!["dote"]);
        assert_eq!(glossary_terms("la dotazione del CPI."), vec!["CPI"]);
        assert!(glossary_terms("NASpIx").is_empty());
    }

    #[test]
    fn codes_round_trip() {
        for l in Lang::ALL {
            assert_eq!(Lang::from_tag(l.code()), Some(l));
            assert_eq!(Lang::ALL[l.index()], l);
        }
    }
}
