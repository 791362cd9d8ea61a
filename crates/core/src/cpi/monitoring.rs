//! The office's figures, as Regione Toscana publishes them for the Libretto (seed `001`):
//! submissions by status, provincia of residence, genere and fascia d'età, evidence files by
//! category and work experiences by data source (*banca dati regionale* or
//! *autodichiarazione*). One tally, used by the server's endpoint; the desk draws it as charts
//! and tables and writes it as CSV.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::draft::LifecycleState;
use crate::libretto::vocab::vocabulary;
use crate::libretto::{Libretto, Vocabulary};

/// What an answer left blank is counted under.
pub const NOT_GIVEN: &str = "non_indicato";

vocabulary! {
    /// The age bands, by age on the day the submission was received.
    AgeBand {
        Under25 = "meno_di_25", ["Meno di 25 anni", "Under 25", "Moins de 25 ans", "Sub 25 de ani", "Nën 25 vjeç", "أقل من 25 سنة"];
        From25 = "25_34", ["Da 25 a 34 anni", "25 to 34", "De 25 à 34 ans", "Între 25 și 34 de ani", "Nga 25 deri në 34 vjeç", "من 25 إلى 34 سنة"];
        From35 = "35_44", ["Da 35 a 44 anni", "35 to 44", "De 35 à 44 ans", "Între 35 și 44 de ani", "Nga 35 deri në 44 vjeç", "من 35 إلى 44 سنة"];
        From45 = "45_54", ["Da 45 a 54 anni", "45 to 54", "De 45 à 54 ans", "Între 45 și 54 de ani", "Nga 45 deri në 54 vjeç", "من 45 إلى 54 سنة"];
        From55 = "55_e_oltre", ["55 anni e oltre", "55 and over", "55 ans et plus", "55 de ani și peste", "55 vjeç e lart", "55 سنة فأكثر"];
    }
}

impl AgeBand {
    /// The first and last age in the band, in completed years.
    pub fn years(self) -> (u32, u32) {
        match self {
            Self::Under25 => (0, 24),
            Self::From25 => (25, 34),
            Self::From35 => (35, 44),
            Self::From45 => (45, 54),
            Self::From55 => (55, u32::MAX),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Count {
    /// A code: the status, the provincia's sigla, `M`/`F`, an age band, a vocabulary code, or
    /// [`NOT_GIVEN`].
    pub key: String,
    pub count: u64,
}

/// `GET /api/v1/desk/monitoring`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Monitoring {
    /// Submissions (every version counts) received in the period.
    pub submissions: u64,
    pub by_status: Vec<Count>,
    pub by_provincia: Vec<Count>,
    pub by_genere: Vec<Count>,
    pub by_eta: Vec<Count>,
    /// Evidence files in those submissions.
    pub by_evidence_category: Vec<Count>,
    /// Work experiences in those submissions.
    pub by_data_source: Vec<Count>,
}

#[derive(Default)]
pub struct Tally {
    submissions: u64,
    status: Vec<Count>,
    provincia: Vec<Count>,
    genere: Vec<Count>,
    eta: Vec<Count>,
    evidence: Vec<Count>,
    source: Vec<Count>,
}

impl Tally {
    pub fn add(&mut self, l: &Libretto, status: LifecycleState, received: NaiveDate) {
        self.submissions += 1;
        bump(&mut self.status, status.code());
        let p = &l.dati_personali;
        let provincia = p.residenza.provincia.trim().to_uppercase();
        bump(
            &mut self.provincia,
            if provincia.is_empty() {
                NOT_GIVEN
            } else {
                &provincia
            },
        );
        bump(&mut self.genere, p.sesso.map_or(NOT_GIVEN, |s| s.code()));
        bump(
            &mut self.eta,
            p.data_nascita.map_or(NOT_GIVEN, |born| age_band(born, received)),
        );
        for e in &l.evidenze {
            bump(&mut self.evidence, e.categoria.map_or(NOT_GIVEN, |c| c.code()));
        }
        for e in &l.esperienze_lavorative {
            bump(&mut self.source, e.fonte.code());
        }
    }

    /// The figures, each list largest first (ties by key), age bands in age order.
    pub fn finish(self) -> Monitoring {
        let sorted = |mut v: Vec<Count>| {
            v.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.key.cmp(&b.key)));
            v
        };
        let mut eta = self.eta;
        let order = |k: &str| {
            AgeBand::ALL
                .iter()
                .position(|b| b.code() == k)
                .unwrap_or(AgeBand::ALL.len())
        };
        eta.sort_by_key(|c| order(&c.key));
        Monitoring {
            submissions: self.submissions,
            by_status: sorted(self.status),
            by_provincia: sorted(self.provincia),
            by_genere: sorted(self.genere),
            by_eta: eta,
            by_evidence_category: sorted(self.evidence),
            by_data_source: sorted(self.source),
        }
    }
}

fn bump(counts: &mut Vec<Count>, key: &str) {
    match counts.iter_mut().find(|c| c.key == key) {
        Some(c) => c.count += 1,
        None => counts.push(Count {
            key: key.to_owned(),
            count: 1,
        }),
    }
}

/// Completed years on `on`; a birth date after it is counted as not given.
pub fn age_band(born: NaiveDate, on: NaiveDate) -> &'static str {
    let Some(mut years) = on.year().checked_sub(born.year()) else {
        return NOT_GIVEN;
    };
    if (on.month(), on.day()) < (born.month(), born.day()) {
        years -= 1;
    }
    let Ok(years) = u32::try_from(years) else {
        return NOT_GIVEN;
    };
    AgeBand::ALL
        .iter()
        .find(|b| (b.years().0..=b.years().1).contains(&years))
        .map_or(NOT_GIVEN, |b| b.code())
}

/// The figures as CSV (`table,key,count`), one line per count: what the desk downloads.
pub fn to_csv(m: &Monitoring) -> String {
    let mut out = String::from("tabella,voce,conteggio\n");
    out.push_str(&format!("totale,invii,{}\n", m.submissions));
    for (table, counts) in [
        ("stato", &m.by_status),
        ("provincia", &m.by_provincia),
        ("genere", &m.by_genere),
        ("fascia_eta", &m.by_eta),
        ("categoria_evidenza", &m.by_evidence_category),
        ("fonte_dati", &m.by_data_source),
    ] {
        for c in counts {
            // Keys are codes the tally made, but a provincia is typed by a citizen.
            out.push_str(&format!("{table},{},{}\n", crate::csv::cell(&c.key), c.count));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::libretto::{CategoriaEvidenza, EsperienzaLavorativa, Evidenza, Fonte, Sesso};

    fn day(s: &str) -> NaiveDate {
        s.parse().expect("date")
    }

    #[test]
    fn age_bands_turn_on_the_birthday() {
        assert_eq!(age_band(day("2000-06-15"), day("2025-06-14")), "meno_di_25");
        assert_eq!(age_band(day("2000-06-15"), day("2025-06-15")), "25_34");
        assert_eq!(age_band(day("1970-01-01"), day("2025-01-01")), "55_e_oltre");
        assert_eq!(age_band(day("2030-01-01"), day("2025-01-01")), NOT_GIVEN);
    }

    #[test]
    fn a_tally_counts_people_files_and_experiences_apart() {
        let mut l = Libretto::default();
        l.dati_personali.sesso = Some(Sesso::F);
        l.dati_personali.residenza.provincia = "pt ".into();
        l.dati_personali.data_nascita = Some(day("1990-05-01"));
        l.add_entry::<Evidenza>();
        l.add_entry::<Evidenza>();
        l.evidenze[0].categoria = Some(CategoriaEvidenza::Lavoro);
        l.add_entry::<EsperienzaLavorativa>();
        l.esperienze_lavorative[0].fonte = Fonte::BancaDatiRegionale;
        let mut t = Tally::default();
        t.add(&l, LifecycleState::Inviata, day("2026-12-01"));
        t.add(
            &Libretto::default(),
            LifecycleState::Consolidata,
            day("2026-12-01"),
        );
        let m = t.finish();
        let pairs = |v: &[Count]| v.iter().map(|c| (c.key.clone(), c.count)).collect::<Vec<_>>();
        assert_eq!(m.submissions, 2);
        assert_eq!(pairs(&m.by_provincia), [("PT".into(), 1), (NOT_GIVEN.into(), 1)]);
        assert_eq!(pairs(&m.by_genere), [("F".into(), 1), (NOT_GIVEN.into(), 1)]);
        assert_eq!(pairs(&m.by_eta), [("35_44".into(), 1), (NOT_GIVEN.into(), 1)]);
        assert_eq!(
            pairs(&m.by_evidence_category),
            [("lavoro".into(), 1), (NOT_GIVEN.into(), 1)]
        );
        assert_eq!(pairs(&m.by_data_source), [("banca_dati_regionale".into(), 1)]);
        let csv = to_csv(&m);
        assert!(csv.contains("provincia,\"PT\",1\n"), "{csv}");
        assert!(csv.starts_with("tabella,voce,conteggio\ntotale,invii,2\n"));
    }
}
