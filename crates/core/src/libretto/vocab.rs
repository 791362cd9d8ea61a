//! The Libretto's closed lists, as data: each value has a stable code (what is stored and
//! exported) and its label in Italian and English.
//!
//! Sources and confidence are in `domain-libretto.md` §4; lists marked [U] there are design
//! proposals and say so in their doc comment. Labels live here, beside the codes, so the
//! app, the print view and the CPI server name a value the same way.

/// A closed list the citizen chooses from.
pub trait Vocabulary: Copy + Eq + 'static {
    const ALL: &'static [Self];
    /// The stored and exported code.
    fn code(self) -> &'static str;
    fn label(self, italian: bool) -> &'static str;
    fn from_code(code: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.code() == code)
    }
}

macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $code:literal, $it:literal, $en:literal;)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord,
                 serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
        pub enum $name {
            $(#[serde(rename = $code)] $variant,)+
        }

        impl Vocabulary for $name {
            const ALL: &'static [Self] = &[$(Self::$variant),+];
            fn code(self) -> &'static str {
                match self { $(Self::$variant => $code,)+ }
            }
            fn label(self, italian: bool) -> &'static str {
                match self { $(Self::$variant => if italian { $it } else { $en },)+ }
            }
        }
    };
}
pub(crate) use vocabulary;

vocabulary! {
    /// Where a work experience's data came from (SAP sez. 4 "fonte del dato").
    Fonte {
        Autodichiarazione = "autodichiarazione", "Dichiarata da me", "Declared by me";
        BancaDatiRegionale = "banca_dati_regionale", "Banca dati regionale", "Regional database";
    }
}

vocabulary! {
    /// Contract types: the CO "Tipo contratti" table (28 codes, `X.NN.NN`), from a third-party
    /// copy of the Ministry workbook; to be checked against the Ministry's current table.
    TipoContratto {
        A0100 = "A.01.00", "Tempo indeterminato", "Permanent";
        A0200 = "A.02.00", "Tempo determinato", "Fixed-term";
        A0201 = "A.02.01", "Tempo determinato per sostituzione", "Fixed-term, replacing a worker";
        A0308 = "A.03.08", "Apprendistato per la qualifica e il diploma", "Apprenticeship for a qualification or diploma";
        A0309 = "A.03.09", "Apprendistato professionalizzante", "Vocational apprenticeship";
        A0310 = "A.03.10", "Apprendistato di alta formazione e ricerca", "Higher education and research apprenticeship";
        A0315 = "A.03.15", "Apprendistato nella pubblica amministrazione", "Apprenticeship in public administration";
        A0400 = "A.04.00", "Lavoro domestico", "Domestic work";
        A0401 = "A.04.01", "Lavoro domestico (A.04.01)", "Domestic work (A.04.01)";
        A0402 = "A.04.02", "Lavoro domestico (A.04.02)", "Domestic work (A.04.02)";
        A0502 = "A.05.02", "Lavoro intermittente", "On-call work";
        A0600 = "A.06.00", "Somministrazione a tempo indeterminato", "Agency work, permanent";
        A0601 = "A.06.01", "Somministrazione a tempo determinato", "Agency work, fixed-term";
        A0802 = "A.08.02", "Lavoro a domicilio", "Home-based work";
        B0100 = "B.01.00", "Lavoro a progetto / co.co.co.", "Project work / coordinated collaboration";
        B0200 = "B.02.00", "Lavoro occasionale", "Occasional work";
        B0300 = "B.03.00", "Collaborazione coordinata e continuativa", "Coordinated and continuous collaboration";
        B0400 = "B.04.00", "Collaborazione occasionale sportiva", "Occasional sports collaboration";
        C0100 = "C.01.00", "Tirocinio", "Traineeship";
        C0300 = "C.03.00", "Lavori socialmente utili (LSU-ASU)", "Socially useful work (LSU-ASU)";
        C0400 = "C.04.00", "Borsa lavoro e altre work experience", "Work grant and other work experience";
        G0300 = "G.03.00", "Lavoro autonomo nello spettacolo", "Self-employment in performing arts";
        H0200 = "H.02.00", "Lavoro congiunto in agricoltura", "Joint work in agriculture";
        H0300 = "H.03.00", "Prestazione agricola occasionale a tempo determinato", "Occasional fixed-term farm work";
        M0200 = "M.02.00", "Contratto di agenzia", "Agency contract";
        N0100 = "N.01.00", "Lavoro con piattaforma a tempo indeterminato", "Platform work, permanent";
        N0200 = "N.02.00", "Lavoro con piattaforma a tempo determinato", "Platform work, fixed-term";
        N0300 = "N.03.00", "Lavoro con piattaforma per sostituzione", "Platform work, replacing a worker";
    }
}

vocabulary! {
    /// Units of a course's duration (SAP: O/G/M/A).
    UnitaDurata {
        Ore = "O", "ore", "hours";
        Giorni = "G", "giorni", "days";
        Mesi = "M", "mesi", "months";
        Anni = "A", "anni", "years";
    }
}

vocabulary! {
    /// What a course released. SAP "Tabella Attestazioni" codes are not verified: proposal [U].
    Attestazione {
        Frequenza = "frequenza", "Attestato di frequenza", "Certificate of attendance";
        Profitto = "profitto", "Attestato di frequenza con profitto", "Certificate of attendance with assessment";
        Qualifica = "qualifica", "Attestato di qualifica", "Qualification certificate";
        Specializzazione = "specializzazione", "Attestato di specializzazione", "Specialisation certificate";
        Nessuna = "nessuna", "Nessuna attestazione", "No certificate";
        Altro = "altro", "Altro", "Other";
    }
}

vocabulary! {
    /// Common European Framework of Reference levels.
    Cefr {
        A1 = "A1", "A1 – base", "A1 – basic";
        A2 = "A2", "A2 – base", "A2 – basic";
        B1 = "B1", "B1 – autonomo", "B1 – independent";
        B2 = "B2", "B2 – autonomo", "B2 – independent";
        C1 = "C1", "C1 – avanzato", "C1 – proficient";
        C2 = "C2", "C2 – avanzato", "C2 – proficient";
    }
}

vocabulary! {
    /// DigComp proficiency as Europass v3 records it.
    LivelloDigitale {
        Base = "A", "Base", "Basic";
        Intermedio = "B", "Intermedio", "Independent";
        Avanzato = "C", "Avanzato", "Proficient";
    }
}

vocabulary! {
    /// Driving licence categories (Directive 2006/126/EC).
    Patente {
        Am = "AM", "AM", "AM";
        A1 = "A1", "A1", "A1";
        A2 = "A2", "A2", "A2";
        A = "A", "A", "A";
        B1 = "B1", "B1", "B1";
        B = "B", "B", "B";
        Be = "BE", "BE", "BE";
        C1 = "C1", "C1", "C1";
        C1e = "C1E", "C1E", "C1E";
        C = "C", "C", "C";
        Ce = "CE", "CE", "CE";
        D1 = "D1", "D1", "D1";
        D1e = "D1E", "D1E", "D1E";
        D = "D", "D", "D";
        De = "DE", "DE", "DE";
    }
}

vocabulary! {
    /// Kinds of competence: a proposal [U]; Europass v3 headings are used for the mapping.
    Tipologia {
        TecnicoProfessionale = "tecnico_professionale", "Tecnico-professionale", "Technical or job-related";
        Trasversale = "trasversale", "Trasversale (comunicative, organizzative…)", "Transversal (communication, organisation…)";
        Linguistica = "linguistica", "Linguistica", "Language";
        Digitale = "digitale", "Digitale", "Digital";
        Altro = "altro", "Altro", "Other";
    }
}

vocabulary! {
    /// Learning context (D.Lgs. 13/2013).
    Contesto {
        Formale = "formale", "Formale (scuola, università, corsi con titolo)", "Formal (school, university, courses leading to a qualification)";
        NonFormale = "non_formale", "Non formale (corsi, formazione sul lavoro)", "Non-formal (courses, training at work)";
        Informale = "informale", "Informale (lavoro, volontariato, vita quotidiana)", "Informal (work, volunteering, everyday life)";
    }
}

vocabulary! {
    /// The competence status ladder (§4.5): it only goes up within a version. The citizen's
    /// competences start `autodichiarata`; the others are set in review.
    StatoCompetenza {
        Autodichiarata = "autodichiarata", "Autodichiarata", "Self-declared";
        Documentata = "documentata", "Documentata", "Documented";
        Validata = "validata", "Validata", "Validated";
        Certificata = "certificata", "Certificata", "Certified";
    }
}

vocabulary! {
    /// Evidence categories: the first and last are Toscana's confirmed groups; the middle two
    /// are plausible but unconfirmed [U].
    CategoriaEvidenza {
        Lavoro = "lavoro", "Documento rilasciato in ambito professionale o lavorativo", "Document from work or a profession";
        Formazione = "formazione", "Documento rilasciato in ambito formativo o di istruzione", "Document from education or training";
        ExtraProfessionale = "extra_professionale", "Documento in ambito sociale, di volontariato o familiare", "Document from social, volunteer or family life";
        Altra = "altra", "Altra documentazione", "Other documentation";
    }
}

/// Sex as recorded with the codice fiscale, and as the programme rules ask it. Written by
/// hand rather than by `vocabulary!` for one reason: profiles and rule files written before the
/// two were one type spelled the codes in lower case, and they must still read.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
pub enum Sesso {
    #[serde(rename = "F", alias = "f")]
    F,
    #[serde(rename = "M", alias = "m")]
    M,
}

impl Vocabulary for Sesso {
    const ALL: &'static [Self] = &[Self::F, Self::M];
    fn code(self) -> &'static str {
        match self {
            Self::F => "F",
            Self::M => "M",
        }
    }
    fn label(self, italian: bool) -> &'static str {
        match (self, italian) {
            (Self::F, true) => "Femmina",
            (Self::F, false) => "Female",
            (Self::M, true) => "Maschio",
            (Self::M, false) => "Male",
        }
    }
}

// The macro cannot mark a `#[default]` variant; these two say which value a new entry gets.
#[allow(clippy::derivable_impls)]
impl Default for StatoCompetenza {
    fn default() -> Self {
        Self::Autodichiarata
    }
}

#[allow(clippy::derivable_impls)]
impl Default for Fonte {
    fn default() -> Self {
        Self::Autodichiarazione
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes_are_unique_and_round_trip<V: Vocabulary + serde::Serialize + std::fmt::Debug>() {
        let mut seen = std::collections::HashSet::new();
        for &v in V::ALL {
            assert!(seen.insert(v.code()), "duplicate code {}", v.code());
            assert_eq!(V::from_code(v.code()), Some(v));
            assert_eq!(serde_json::to_value(v).expect("ser"), serde_json::json!(v.code()));
            assert!(!v.label(true).is_empty() && !v.label(false).is_empty());
        }
    }

    #[test]
    fn every_list_has_unique_codes_that_serialize_as_themselves() {
        codes_are_unique_and_round_trip::<Fonte>();
        codes_are_unique_and_round_trip::<TipoContratto>();
        codes_are_unique_and_round_trip::<UnitaDurata>();
        codes_are_unique_and_round_trip::<Attestazione>();
        codes_are_unique_and_round_trip::<Cefr>();
        codes_are_unique_and_round_trip::<LivelloDigitale>();
        codes_are_unique_and_round_trip::<Patente>();
        codes_are_unique_and_round_trip::<Tipologia>();
        codes_are_unique_and_round_trip::<Contesto>();
        codes_are_unique_and_round_trip::<StatoCompetenza>();
        codes_are_unique_and_round_trip::<CategoriaEvidenza>();
        codes_are_unique_and_round_trip::<Sesso>();
    }

    #[test]
    fn sex_written_in_lower_case_before_the_types_were_one_still_reads() {
        let old: Vec<Sesso> = serde_json::from_str(r#"["f", "m", "F"]"#).expect("lower case reads");
        assert_eq!(old, [Sesso::F, Sesso::M, Sesso::F]);
        assert_eq!(serde_json::to_string(&Sesso::F).expect("serialize"), r#""F""#);
        assert!(serde_json::from_str::<Sesso>(r#""x""#).is_err());
    }

    #[test]
    fn the_contract_table_has_its_28_codes() {
        assert_eq!(TipoContratto::ALL.len(), 28);
    }

    #[test]
    fn the_status_ladder_is_ordered() {
        assert!(StatoCompetenza::Autodichiarata < StatoCompetenza::Documentata);
        assert!(StatoCompetenza::Validata < StatoCompetenza::Certificata);
    }
}
