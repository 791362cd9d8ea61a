//! The *Libretto Formativo del Cittadino*: Sezione 1 (who the person is, what they did and
//! learned) and Sezione 2 (the competences it adds up to, each with where it was acquired and
//! what documents it), plus the dossier of evidences.
//!
//! Field list: `domain-libretto.md` §3 (a reconstruction [U] from the confirmed headings and
//! the SAP standard). Every field defaults, so that a draft saved by an older version loads;
//! [`migrate`] brings older shapes up to date. Repeated entries carry an [`ItemId`] so that
//! competences and evidences can point at them and survive reordering.

pub mod changes;
pub mod cv_import;
pub mod dates;
pub mod document;
pub mod europass;
pub mod europass_pdf;
pub mod export;
pub mod incoming;
pub mod json_resume;
pub mod trasparenza;
pub mod validation;
pub mod vocab;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use dates::{DateError, PartialDate};
pub use vocab::*;

use crate::Lang;
use crate::programmes::EmploymentStatus;

/// A stable identifier for one entry of a repeated section, unique within its Libretto.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
pub struct ItemId(pub String);

impl ItemId {
    pub fn new_random() -> Self {
        let mut s = uuid::Uuid::new_v4().simple().to_string();
        s.truncate(12);
        Self(s)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl std::fmt::Display for ItemId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A value from an official classification (ATECO, CP ISTAT) given as a code, as words, or
/// both: most people know what they did, few know its code. The edition is kept with the code.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct CodiceOTesto {
    pub codice: String,
    pub descrizione: String,
}

impl CodiceOTesto {
    /// Words only, no code: what a CV says of a job or a sector.
    pub fn described(descrizione: String) -> Self {
        Self {
            codice: String::new(),
            descrizione,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.codice.trim().is_empty() && self.descrizione.trim().is_empty()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct Libretto {
    pub dati_personali: DatiPersonali,
    pub esperienze_lavorative: Vec<EsperienzaLavorativa>,
    pub titoli_istruzione: Vec<TitoloIstruzione>,
    pub esperienze_formative: Vec<EsperienzaFormativa>,
    pub lingue: Vec<Lingua>,
    pub competenze_digitali: CompetenzeDigitali,
    pub patenti: Patenti,
    /// Sezione 2.
    pub competenze: Vec<Competenza>,
    /// The dossier: documents that support experiences, titles and competences.
    pub evidenze: Vec<Evidenza>,
}

/// An address in Italy (or abroad, in words). The programme rules read region and province.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct Indirizzo {
    pub indirizzo: String,
    pub cap: String,
    pub comune: String,
    /// Two-letter province code (sigla), e.g. "PT".
    pub provincia: String,
    /// Region, lower case, e.g. "toscana".
    pub regione: String,
}

impl Indirizzo {
    pub fn is_empty(&self) -> bool {
        [
            &self.indirizzo,
            &self.cap,
            &self.comune,
            &self.provincia,
            &self.regione,
        ]
        .iter()
        .all(|s| s.trim().is_empty())
    }
}

/// For citizens of non-EU countries (SAP "status straniero").
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct TitoloSoggiorno {
    pub tipo: String,
    pub numero: String,
    pub motivo: String,
    pub scadenza: Option<NaiveDate>,
}

/// Sezione 1, informazioni personali.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct DatiPersonali {
    pub nome: String,
    pub cognome: String,
    pub codice_fiscale: String,
    pub sesso: Option<Sesso>,
    pub data_nascita: Option<NaiveDate>,
    /// Comune, or foreign country, of birth.
    pub luogo_nascita: String,
    pub cittadinanza: String,
    pub residenza: Indirizzo,
    /// Only when different from the residence.
    pub domicilio: Option<Indirizzo>,
    pub telefono: String,
    pub email: String,
    pub titolo_soggiorno: Option<TitoloSoggiorno>,
    pub condizione_occupazionale: Option<EmploymentStatus>,
}

impl DatiPersonali {
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    /// "Nome Cognome", either part left out when blank: the one name a CV carries.
    pub fn full_name(&self) -> String {
        [self.nome.trim(), self.cognome.trim()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Sezione 1: a job, paid or not (volunteering, Servizio Civile, care, family business).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct EsperienzaLavorativa {
    pub id: ItemId,
    pub inizio: Option<PartialDate>,
    pub fine: Option<PartialDate>,
    pub in_corso: bool,
    pub datore: String,
    /// Codice fiscale or partita IVA of the employer.
    pub datore_cf: String,
    pub comune_sede: String,
    /// ATECO 2025 code and/or words.
    pub settore: CodiceOTesto,
    /// CP ISTAT code and/or the job title in words.
    pub professione: CodiceOTesto,
    pub tipo_contratto: Option<TipoContratto>,
    pub mansioni: String,
    pub fonte: Fonte,
    pub evidenze: Vec<ItemId>,
}

/// Sezione 1: a school or university title.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct TitoloIstruzione {
    pub id: ItemId,
    pub denominazione: String,
    /// EQF/QNQ level 1–8.
    pub livello_eqf: Option<u8>,
    pub istituto: String,
    pub luogo: String,
    pub anno: Option<PartialDate>,
    pub votazione: String,
    pub completato: bool,
    pub evidenze: Vec<ItemId>,
}

/// Sezione 1: a training course.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct EsperienzaFormativa {
    pub id: ItemId,
    pub titolo: String,
    pub ente: String,
    pub regione: String,
    pub durata: Option<u32>,
    pub unita_durata: Option<UnitaDurata>,
    pub attestazione: Option<Attestazione>,
    pub stage: bool,
    pub azienda_stage: String,
    pub inizio: Option<PartialDate>,
    pub fine: Option<PartialDate>,
    pub evidenze: Vec<ItemId>,
}

/// A language with its CEFR level per Europass dimension (none for a mother tongue).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct Lingua {
    pub id: ItemId,
    pub lingua: String,
    pub madrelingua: bool,
    pub ascolto: Option<Cefr>,
    pub lettura: Option<Cefr>,
    pub interazione: Option<Cefr>,
    pub produzione_orale: Option<Cefr>,
    pub scrittura: Option<Cefr>,
    /// A certificate, if any ("IELTS 6.5", "CILS B1").
    pub certificato: String,
}

/// DigComp's five areas, each self-assessed A/B/C.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct CompetenzeDigitali {
    pub informazione: Option<LivelloDigitale>,
    pub comunicazione: Option<LivelloDigitale>,
    pub creazione_contenuti: Option<LivelloDigitale>,
    pub sicurezza: Option<LivelloDigitale>,
    pub risoluzione_problemi: Option<LivelloDigitale>,
    pub note: String,
}

impl CompetenzeDigitali {
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct Patenti {
    pub categorie: Vec<Patente>,
    /// Other licences and permits, in words (forklift, HACCP…).
    pub altre: String,
}

impl Patenti {
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// Sezione 2: one competence, where it was acquired and what supports it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct Competenza {
    pub id: ItemId,
    pub tipologia: Option<Tipologia>,
    /// Ideally a learning outcome: "è in grado di …".
    pub descrizione: String,
    pub contesto: Option<Contesto>,
    /// Work experiences, titles and courses where it was acquired.
    pub esperienze: Vec<ItemId>,
    pub evidenze: Vec<ItemId>,
    pub stato: StatoCompetenza,
}

/// A file's identity inside the dossier: the bytes live in the browser's store, by hash.
// The aliases read the browser's file records as store version 1 wrote them (`EvidenceMeta`
// had its own English field names then); the store test's v1 fixture holds one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct FileRef {
    /// Lower-case hex SHA-256 of the bytes.
    pub sha256: String,
    #[serde(alias = "file_name")]
    pub nome: String,
    #[serde(alias = "mime_type")]
    pub tipo_mime: String,
    #[serde(alias = "size")]
    pub dimensione: u64,
}

/// One document of the dossier.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct Evidenza {
    pub id: ItemId,
    pub titolo: String,
    pub categoria: Option<CategoriaEvidenza>,
    pub emesso_da: String,
    pub data: Option<PartialDate>,
    pub file: Option<FileRef>,
}

/// The entries of one repeated section, so that screens and checks can treat them alike.
pub trait Entry: Clone + PartialEq + Default + 'static {
    const SECTION: Section;
    fn id(&self) -> &ItemId;
    fn set_id(&mut self, id: ItemId);
    fn list(libretto: &Libretto) -> &Vec<Self>;
    fn list_mut(libretto: &mut Libretto) -> &mut Vec<Self>;
    /// A short line that tells entries apart in a list or a link.
    fn summary(&self, lang: Lang) -> String;
}

macro_rules! entry {
    ($t:ty, $section:ident, $field:ident, |$s:ident, $it:ident| $summary:expr) => {
        impl Entry for $t {
            const SECTION: Section = Section::$section;
            fn id(&self) -> &ItemId {
                &self.id
            }
            fn set_id(&mut self, id: ItemId) {
                self.id = id;
            }
            fn list(libretto: &Libretto) -> &Vec<Self> {
                &libretto.$field
            }
            fn list_mut(libretto: &mut Libretto) -> &mut Vec<Self> {
                &mut libretto.$field
            }
            fn summary(&self, lang: Lang) -> String {
                let $s = self;
                let $it = lang;
                $summary
            }
        }
    };
}

fn joined(parts: &[&str]) -> String {
    parts
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" – ")
}

entry!(
    EsperienzaLavorativa,
    EsperienzeLavorative,
    esperienze_lavorative,
    |e, _it| joined(&[&e.professione.descrizione, &e.datore])
);
entry!(TitoloIstruzione, TitoliIstruzione, titoli_istruzione, |t, _it| {
    joined(&[&t.denominazione, &t.istituto])
});
entry!(
    EsperienzaFormativa,
    EsperienzeFormative,
    esperienze_formative,
    |c, _it| joined(&[&c.titolo, &c.ente])
);
entry!(Lingua, Lingue, lingue, |l, _it| l.lingua.trim().to_string());
entry!(Competenza, Competenze, competenze, |c, _it| c
    .descrizione
    .trim()
    .to_string());
entry!(Evidenza, Evidenze, evidenze, |e, _it| e.titolo.trim().to_string());

/// The Libretto's screens and blocks, in the order of the task list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Section {
    DatiPersonali,
    EsperienzeLavorative,
    TitoliIstruzione,
    EsperienzeFormative,
    Lingue,
    CompetenzeDigitali,
    Patenti,
    Competenze,
    Evidenze,
}

impl Section {
    pub const ALL: [Section; 9] = [
        Self::DatiPersonali,
        Self::EsperienzeLavorative,
        Self::TitoliIstruzione,
        Self::EsperienzeFormative,
        Self::Lingue,
        Self::CompetenzeDigitali,
        Self::Patenti,
        Self::Competenze,
        Self::Evidenze,
    ];

    /// The path segment of the section's screen (`/libretto/:id/:sezione`).
    pub fn slug(self) -> &'static str {
        match self {
            Self::DatiPersonali => "dati-personali",
            Self::EsperienzeLavorative => "esperienze-lavorative",
            Self::TitoliIstruzione => "titoli-di-studio",
            Self::EsperienzeFormative => "esperienze-formative",
            Self::Lingue => "lingue",
            Self::CompetenzeDigitali => "competenze-digitali",
            Self::Patenti => "patenti",
            Self::Competenze => "competenze",
            Self::Evidenze => "evidenze",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.slug() == slug)
    }

    /// A list of entries, as opposed to a single form.
    pub fn is_repeated(self) -> bool {
        !matches!(
            self,
            Self::DatiPersonali | Self::CompetenzeDigitali | Self::Patenti
        )
    }

    /// Sezione 2 of the Libretto (competences) as opposed to Sezione 1 and the dossier.
    pub fn is_sezione_2(self) -> bool {
        self == Self::Competenze
    }
}

/// Where a section stands, as the task list shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SectionState {
    NotStarted,
    InProgress,
    Complete,
    HasProblems,
}

/// Adding, removing and reordering entries: the one place these rules live, for every
/// repeated section (the screens, import and tests call them).
impl Libretto {
    /// Adds an empty entry at the end of its section; returns its new id.
    pub fn add_entry<E: Entry>(&mut self) -> ItemId {
        let id = ItemId::new_random();
        let mut entry = E::default();
        entry.set_id(id.clone());
        E::list_mut(self).push(entry);
        id
    }

    /// Takes the entry at `index` out of its section, to be put back with [`insert_entry`]
    /// (undo); `None` if there is no such entry.
    ///
    /// [`insert_entry`]: Self::insert_entry
    pub fn remove_entry<E: Entry>(&mut self, index: usize) -> Option<E> {
        let list = E::list_mut(self);
        (index < list.len()).then(|| list.remove(index))
    }

    /// Puts an entry back at `index`, or at the end if the list has shrunk since.
    pub fn insert_entry<E: Entry>(&mut self, index: usize, entry: E) {
        let list = E::list_mut(self);
        list.insert(index.min(list.len()), entry);
    }

    /// Swaps two entries of a section (moving one up or down); false if either is missing.
    pub fn swap_entries<E: Entry>(&mut self, a: usize, b: usize) -> bool {
        let list = E::list_mut(self);
        let ok = a < list.len() && b < list.len();
        if ok {
            list.swap(a, b);
        }
        ok
    }

    /// True when nothing has been entered in the section.
    pub fn section_is_empty(&self, section: Section) -> bool {
        match section {
            Section::DatiPersonali => self.dati_personali.is_empty(),
            Section::EsperienzeLavorative => self.esperienze_lavorative.is_empty(),
            Section::TitoliIstruzione => self.titoli_istruzione.is_empty(),
            Section::EsperienzeFormative => self.esperienze_formative.is_empty(),
            Section::Lingue => self.lingue.is_empty(),
            Section::CompetenzeDigitali => self.competenze_digitali.is_empty(),
            Section::Patenti => self.patenti.is_empty(),
            Section::Competenze => self.competenze.is_empty(),
            Section::Evidenze => self.evidenze.is_empty(),
        }
    }

    /// The distinct files attached to the dossier, in dossier order: what a submission carries.
    pub fn evidence_files(&self) -> Vec<FileRef> {
        let mut seen = std::collections::BTreeSet::new();
        self.evidenze
            .iter()
            .filter_map(|e| e.file.clone())
            .filter(|f| seen.insert(f.sha256.clone()))
            .collect()
    }

    /// How many entries a repeated section has; `None` for the single-form sections.
    pub fn entry_count(&self, section: Section) -> Option<usize> {
        match section {
            Section::EsperienzeLavorative => Some(self.esperienze_lavorative.len()),
            Section::TitoliIstruzione => Some(self.titoli_istruzione.len()),
            Section::EsperienzeFormative => Some(self.esperienze_formative.len()),
            Section::Lingue => Some(self.lingue.len()),
            Section::Competenze => Some(self.competenze.len()),
            Section::Evidenze => Some(self.evidenze.len()),
            Section::DatiPersonali | Section::CompetenzeDigitali | Section::Patenti => None,
        }
    }

    /// A section is "in progress" while required answers are missing, "has problems" when an
    /// answer given is wrong, and complete otherwise. Warnings never hold a section back.
    pub fn section_state(&self, section: Section, findings: &[validation::Finding]) -> SectionState {
        if self.section_is_empty(section) {
            return SectionState::NotStarted;
        }
        let errors = findings
            .iter()
            .filter(|f| f.section == section && f.severity == validation::Severity::Error);
        let mut missing = false;
        for f in errors {
            if f.code != validation::Code::Required {
                return SectionState::HasProblems;
            }
            missing = true;
        }
        if missing {
            SectionState::InProgress
        } else {
            SectionState::Complete
        }
    }

    /// Every experience, title and course, for competences to point at: (id, section, summary).
    pub fn experiences(&self, lang: Lang) -> Vec<(ItemId, Section, String)> {
        fn of<E: Entry>(l: &Libretto, lang: Lang, out: &mut Vec<(ItemId, Section, String)>) {
            out.extend(
                E::list(l)
                    .iter()
                    .map(|e| (e.id().clone(), E::SECTION, e.summary(lang))),
            );
        }
        let mut out = Vec::new();
        of::<EsperienzaLavorativa>(self, lang, &mut out);
        of::<TitoloIstruzione>(self, lang, &mut out);
        of::<EsperienzaFormativa>(self, lang, &mut out);
        out
    }

    /// The entries that point at a document of the dossier, by summary: experiences, titles
    /// and courses first, then competences (links are kept on the pointing side).
    pub fn references_to(&self, evidence: &ItemId, lang: Lang) -> Vec<String> {
        fn of<E: Entry>(
            l: &Libretto,
            links: fn(&E) -> &Vec<ItemId>,
            id: &ItemId,
            lang: Lang,
            out: &mut Vec<String>,
        ) {
            out.extend(
                E::list(l)
                    .iter()
                    .filter(|e| links(e).contains(id))
                    .map(|e| e.summary(lang)),
            );
        }
        let mut out = Vec::new();
        of::<EsperienzaLavorativa>(self, |e| &e.evidenze, evidence, lang, &mut out);
        of::<TitoloIstruzione>(self, |e| &e.evidenze, evidence, lang, &mut out);
        of::<EsperienzaFormativa>(self, |e| &e.evidenze, evidence, lang, &mut out);
        of::<Competenza>(self, |e| &e.evidenze, evidence, lang, &mut out);
        out
    }

    /// Gives every entry without an id a fresh one (drafts from format version 1 had none).
    pub fn assign_missing_ids(&mut self) {
        fn fill<E: Entry>(l: &mut Libretto) {
            for e in E::list_mut(l) {
                if e.id().is_empty() {
                    e.set_id(ItemId::new_random());
                }
            }
        }
        fill::<EsperienzaLavorativa>(self);
        fill::<TitoloIstruzione>(self);
        fill::<EsperienzaFormativa>(self);
        fill::<Lingua>(self);
        fill::<Competenza>(self);
        fill::<Evidenza>(self);
    }

    /// The hashes of every file the dossier refers to.
    pub fn file_hashes(&self) -> Vec<&str> {
        let mut v: Vec<&str> = self
            .evidenze
            .iter()
            .filter_map(|e| e.file.as_ref())
            .map(|f| f.sha256.as_str())
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    }
}

/// Brings a Libretto stored by an older format version up to the current one.
pub fn migrate(libretto: &mut Libretto, from_version: u32) {
    if from_version < 2 {
        // Version 1 knew only personal data and titles, without entry ids.
        libretto.assign_missing_ids();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_round_trip_and_are_unique() {
        for s in Section::ALL {
            assert_eq!(Section::from_slug(s.slug()), Some(s));
        }
        assert_eq!(Section::from_slug("riepilogo"), None);
    }

    #[test]
    fn migration_from_version_1_gives_titles_ids() {
        let json = r#"{"dati_personali":{"nome":"Anna","residenza":{"comune":"Pistoia","provincia":"PT","regione":"toscana"}},
            "titoli_istruzione":[{"denominazione":"Diploma","livello_eqf":4,"completato":true},{"denominazione":"Laurea"}]}"#;
        let mut l: Libretto = serde_json::from_str(json).expect("v1 libretto loads");
        migrate(&mut l, 1);
        let ids: Vec<_> = l.titoli_istruzione.iter().map(|t| t.id.clone()).collect();
        assert!(ids.iter().all(|id| id.as_str().len() == 12));
        assert_ne!(ids[0], ids[1]);
        assert_eq!(l.dati_personali.residenza.comune, "Pistoia");
    }

    #[test]
    fn experiences_list_every_kind_for_linking() {
        let mut l = Libretto::default();
        l.esperienze_lavorative.push(EsperienzaLavorativa {
            datore: "Coop".into(),
            ..Default::default()
        });
        l.titoli_istruzione.push(TitoloIstruzione {
            denominazione: "Diploma".into(),
            ..Default::default()
        });
        l.esperienze_formative.push(EsperienzaFormativa {
            titolo: "HACCP".into(),
            ..Default::default()
        });
        l.assign_missing_ids();
        let ex = l.experiences(Lang::It);
        assert_eq!(ex.len(), 3);
        assert_eq!(ex[0].2, "Coop");
        assert_eq!(ex[2].1, Section::EsperienzeFormative);
    }

    #[test]
    fn references_to_a_document_come_from_every_linking_section() {
        let d = ItemId("d".into());
        let mut l = Libretto::default();
        l.esperienze_lavorative.push(EsperienzaLavorativa {
            datore: "Coop".into(),
            evidenze: vec![d.clone()],
            ..Default::default()
        });
        l.titoli_istruzione.push(TitoloIstruzione {
            denominazione: "Diploma".into(),
            ..Default::default()
        });
        l.competenze.push(Competenza {
            descrizione: "Cassa".into(),
            evidenze: vec![d.clone()],
            ..Default::default()
        });
        assert_eq!(
            l.references_to(&d, Lang::It),
            vec!["Coop".to_string(), "Cassa".to_string()]
        );
        assert!(l.references_to(&ItemId("x".into()), Lang::It).is_empty());
    }

    #[test]
    fn entries_are_added_removed_put_back_and_swapped_in_place() {
        let mut l = Libretto::default();
        let a = l.add_entry::<Lingua>();
        let b = l.add_entry::<Lingua>();
        let c = l.add_entry::<Lingua>();
        let ids = |l: &Libretto| l.lingue.iter().map(|e| e.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&l), vec![a.clone(), b.clone(), c.clone()]);
        assert!(l.swap_entries::<Lingua>(0, 1));
        assert_eq!(ids(&l), vec![b.clone(), a.clone(), c.clone()]);
        assert!(!l.swap_entries::<Lingua>(2, 3));
        let taken = l.remove_entry::<Lingua>(1).expect("second entry");
        assert_eq!(taken.id, a);
        assert_eq!(l.remove_entry::<Lingua>(5), None);
        l.insert_entry(1, taken.clone());
        assert_eq!(ids(&l), vec![b.clone(), a.clone(), c.clone()]);
        l.remove_entry::<Lingua>(1);
        l.remove_entry::<Lingua>(1);
        l.insert_entry(7, taken);
        assert_eq!(ids(&l), vec![b, a]);
        assert!(l.esperienze_lavorative.is_empty(), "other sections untouched");
    }
}
