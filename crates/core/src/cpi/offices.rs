//! The CPI offices a server receives submissions for, and which one a citizen most likely
//! means.
//!
//! A server hosts one or more offices from a JSON file (the reference one ships
//! `crates/cpi/offices.json`); each submission belongs to exactly one, and an orientatore
//! will see only their own office's.

use serde::{Deserialize, Serialize};

use crate::libretto::Libretto;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Office {
    /// Stable, lower-case, used in URLs and the database: `pistoia`.
    pub id: String,
    /// As the citizen knows it: "Centro per l'Impiego di Pistoia".
    pub name: String,
    /// Two-letter province code (sigla), upper case: `PT`.
    pub province: String,
    /// Region, lower case: `toscana`.
    pub region: String,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OfficeConfigError {
    #[error("the offices file is not valid JSON: {0}")]
    NotJson(String),
    #[error("the offices file lists no office")]
    Empty,
    #[error("office id {0:?} must be lower-case letters, digits and dashes")]
    BadId(String),
    #[error("office id {0:?} appears twice")]
    Duplicate(String),
    #[error("office {0:?} needs a name and a two-letter province")]
    Incomplete(String),
}

/// Reads and checks an offices file: `[{"id", "name", "province", "region"}, …]`.
pub fn parse_offices(json: &str) -> Result<Vec<Office>, OfficeConfigError> {
    let offices: Vec<Office> =
        serde_json::from_str(json).map_err(|e| OfficeConfigError::NotJson(e.to_string()))?;
    if offices.is_empty() {
        return Err(OfficeConfigError::Empty);
    }
    let mut seen = std::collections::BTreeSet::new();
    for o in &offices {
        let id_ok = !o.id.is_empty()
            && o.id.len() <= 64
            && o.id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !id_ok {
            return Err(OfficeConfigError::BadId(o.id.clone()));
        }
        if !seen.insert(o.id.as_str()) {
            return Err(OfficeConfigError::Duplicate(o.id.clone()));
        }
        let province_ok = o.province.len() == 2 && o.province.bytes().all(|b| b.is_ascii_uppercase());
        if o.name.trim().is_empty() || !province_ok {
            return Err(OfficeConfigError::Incomplete(o.id.clone()));
        }
    }
    Ok(offices)
}

/// The office in the province where the citizen lives now (domicilio), else where they are
/// resident; `None` when neither matches an office, so the citizen chooses.
pub fn preselect_office<'a>(offices: &'a [Office], libretto: &Libretto) -> Option<&'a Office> {
    let p = &libretto.dati_personali;
    let provinces = [
        p.domicilio.as_ref().map(|d| d.provincia.as_str()),
        Some(p.residenza.provincia.as_str()),
    ];
    provinces.into_iter().flatten().find_map(|province| {
        let province = province.trim().to_ascii_uppercase();
        offices
            .iter()
            .find(|o| !province.is_empty() && o.province == province)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::libretto::Indirizzo;

    const OFFICES: &str = r#"[
        {"id":"pistoia","name":"Centro per l'Impiego di Pistoia","province":"PT","region":"toscana"},
        {"id":"varese","name":"Centro per l'Impiego di Varese","province":"VA","region":"lombardia"}
    ]"#;

    fn at(province: &str) -> Indirizzo {
        Indirizzo {
            provincia: province.into(),
            ..Default::default()
        }
    }

    #[test]
    fn domicilio_wins_over_residenza_and_unknown_provinces_choose_nothing() {
        let offices = parse_offices(OFFICES).expect("valid");
        let mut l = Libretto::default();
        l.dati_personali.residenza = at("pt");
        assert_eq!(
            preselect_office(&offices, &l).map(|o| o.id.as_str()),
            Some("pistoia")
        );
        l.dati_personali.domicilio = Some(at("VA"));
        assert_eq!(
            preselect_office(&offices, &l).map(|o| o.id.as_str()),
            Some("varese")
        );
        l.dati_personali.domicilio = Some(at("RM"));
        assert_eq!(
            preselect_office(&offices, &l).map(|o| o.id.as_str()),
            Some("pistoia")
        );
        l.dati_personali.residenza = at("");
        assert_eq!(preselect_office(&offices, &l), None);
    }

    #[test]
    fn a_bad_offices_file_says_what_is_wrong() {
        assert!(matches!(parse_offices("{"), Err(OfficeConfigError::NotJson(_))));
        assert_eq!(parse_offices("[]"), Err(OfficeConfigError::Empty));
        let bad_id = r#"[{"id":"Pistoia/../x","name":"x","province":"PT","region":"toscana"}]"#;
        assert!(matches!(parse_offices(bad_id), Err(OfficeConfigError::BadId(_))));
        let twice = r#"[{"id":"a","name":"x","province":"PT","region":"t"},{"id":"a","name":"y","province":"PO","region":"t"}]"#;
        assert_eq!(
            parse_offices(twice),
            Err(OfficeConfigError::Duplicate("a".into()))
        );
        let no_province = r#"[{"id":"a","name":"x","province":"","region":"t"}]"#;
        assert_eq!(
            parse_offices(no_province),
            Err(OfficeConfigError::Incomplete("a".into()))
        );
    }
}
