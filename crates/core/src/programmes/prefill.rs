//! Answers that a Libretto draft already gives, so the ILA and dote checks do not ask again.

use crate::codice_fiscale::CodiceFiscale;
use crate::draft::Libretto;
use crate::programmes::Profile;
use crate::programmes::questions::{Question, region};

/// The profile fields the Libretto fills, with the questions they answer.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Prefill {
    pub profile: Profile,
    pub filled: Vec<Question>,
}

impl Prefill {
    /// Writes the answers the Libretto gave into `profile`, leaving the others as they are.
    pub fn apply(&self, profile: &mut Profile) {
        for q in &self.filled {
            // Both sides are the same type: a question always accepts its own answer.
            let _ = q.copy(&self.profile, profile);
        }
    }
}

pub fn from_libretto(libretto: &Libretto) -> Prefill {
    let mut out = Prefill::default();
    let personali = &libretto.dati_personali;
    let from_cf = match CodiceFiscale::parse(&personali.codice_fiscale) {
        Ok(CodiceFiscale::Personal { birth_date, sex, .. }) => Some((birth_date, sex)),
        _ => None,
    };
    // A date typed by the citizen wins over the one read from the code (omocodia, errors).
    if let Some(birth) = personali.data_nascita.or(from_cf.map(|(d, _)| d)) {
        out.profile.birth_date = Some(birth);
        out.filled.push(Question::BirthDate);
    }
    if let Some(sex) = personali.sesso.or(from_cf.map(|(_, s)| s)) {
        out.profile.sex = Some(sex);
        out.filled.push(Question::Sex);
    }
    let residenza = &personali.residenza;
    // Free text in the Libretto: only a region the rules know is an answer.
    if let Some((code, _)) = region(&residenza.regione) {
        out.profile.residence_region = Some(code.to_owned());
        out.filled.push(Question::ResidenceRegion);
    }
    if !residenza.provincia.trim().is_empty() {
        out.profile.residence_province = Some(residenza.provincia.trim().to_uppercase());
        out.filled.push(Question::ResidenceProvince);
    }
    if let Some(level) = libretto
        .titoli_istruzione
        .iter()
        .filter(|t| t.completato)
        .filter_map(|t| t.livello_eqf)
        .max()
    {
        out.profile.education_eqf = Some(level);
        out.filled.push(Question::EducationEqf);
    }
    if let Some(status) = personali.condizione_occupazionale {
        out.profile.employment_status = Some(status);
        out.filled.push(Question::EmploymentStatus);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::libretto::Sesso;
    use crate::libretto::{Indirizzo, TitoloIstruzione};
    use crate::programmes::EmploymentStatus;

    #[test]
    fn fills_what_the_libretto_knows_and_nothing_else() {
        let mut l = Libretto::default();
        l.dati_personali.codice_fiscale = "FRNSST75D50A717N".into();
        l.dati_personali.residenza = Indirizzo {
            comune: "Pistoia".into(),
            provincia: "pt".into(),
            regione: "Toscana".into(),
            ..Default::default()
        };
        l.dati_personali.condizione_occupazionale = Some(EmploymentStatus::Disoccupato);
        l.titoli_istruzione = vec![
            TitoloIstruzione {
                denominazione: "Diploma".into(),
                livello_eqf: Some(4),
                completato: true,
                ..Default::default()
            },
            TitoloIstruzione {
                denominazione: "Laurea".into(),
                livello_eqf: Some(6),
                completato: false,
                ..Default::default()
            },
        ];
        let p = from_libretto(&l);
        assert_eq!(p.profile.birth_date, chrono::NaiveDate::from_ymd_opt(1975, 4, 10));
        assert_eq!(p.profile.sex, Some(Sesso::F));
        // What the citizen chose wins over what the code says, as for the birth date.
        let mut typed = l.clone();
        typed.dati_personali.sesso = Some(Sesso::M);
        assert_eq!(from_libretto(&typed).profile.sex, Some(Sesso::M));
        assert_eq!(p.profile.residence_region.as_deref(), Some("toscana"));
        assert_eq!(p.profile.residence_province.as_deref(), Some("PT"));
        assert_eq!(
            p.profile.education_eqf,
            Some(4),
            "an unfinished degree does not count"
        );
        assert_eq!(p.profile.employment_status, Some(EmploymentStatus::Disoccupato));
        assert_eq!(p.profile.isee, None);
        assert_eq!(p.filled.len(), 6);
    }

    #[test]
    fn an_empty_libretto_fills_nothing() {
        assert!(from_libretto(&Libretto::default()).filled.is_empty());
    }
}
