//! The Libretto as a document: its two sections and the dossier, one block per entry, each
//! block a list of (field, value) rows, in the order of the task list.
//!
//! One reading of a Libretto for everyone who shows it whole: the citizen's "check your
//! answers" and print view, the orientatore's review desk (annotations hang on a block's
//! [`ItemId`]) and exports. Only what was filled in becomes a row. Field names and the few
//! words a value needs ("yes", "ongoing", EQF level names) are the screen's to translate;
//! everything else is decided here.

use crate::Lang;
use chrono::NaiveDate;

use super::{
    Competenza, Entry, EsperienzaFormativa, EsperienzaLavorativa, Evidenza, Indirizzo, ItemId, Libretto,
    Lingua, PartialDate, Section, TitoloIstruzione, Vocabulary,
};

/// The three parts of the printed Libretto.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// Personal information, experiences, titles, courses, languages, digital skills, licences.
    Sezione1,
    /// Competences.
    Sezione2,
    /// The documents that support the rest.
    Dossier,
}

impl Part {
    pub fn of(section: Section) -> Self {
        match section {
            Section::Competenze => Self::Sezione2,
            Section::Evidenze => Self::Dossier,
            _ => Self::Sezione1,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub parts: Vec<DocumentPart>,
}

impl Document {
    /// Every block in the document's order, with its section: the items a review annotates,
    /// names and compares.
    pub fn into_blocks(self) -> impl Iterator<Item = (Section, Block)> {
        self.parts.into_iter().flat_map(|p| p.sections).flat_map(|s| {
            let section = s.section;
            s.blocks.into_iter().map(move |b| (section, b))
        })
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct DocumentPart {
    pub part: Part,
    pub sections: Vec<DocumentSection>,
}

/// A section of the Libretto: one block for a single form, one per entry (possibly none) for a
/// repeated section.
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentSection {
    pub section: Section,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    /// The entry shown; `None` for a single-form section.
    pub item: Option<ItemId>,
    /// The entry's summary, empty while the citizen has not named it (and for single forms).
    pub title: String,
    pub rows: Vec<Row>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub field: Field,
    pub value: Value,
}

/// What a row is about: the screen gives it its label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Nome,
    Cognome,
    CodiceFiscale,
    Sesso,
    DataNascita,
    LuogoNascita,
    Cittadinanza,
    Residenza,
    Domicilio,
    Telefono,
    Email,
    TitoloSoggiorno,
    Periodo,
    Datore,
    Professione,
    Settore,
    Contratto,
    Sede,
    Mansioni,
    DatoreCf,
    Fonte,
    Documenti,
    Livello,
    Istituto,
    Luogo,
    Anno,
    Voto,
    Completato,
    Ente,
    Durata,
    Attestazione,
    Regione,
    Stage,
    Madrelingua,
    Ascolto,
    Lettura,
    Interazione,
    ProduzioneOrale,
    Scrittura,
    Certificato,
    DigInformazione,
    DigComunicazione,
    DigCreazione,
    DigSicurezza,
    DigProblemi,
    Strumenti,
    PatentiCategorie,
    AltrePatenti,
    Tipologia,
    Contesto,
    Esperienze,
    Stato,
    Categoria,
    EmessoDa,
    Data,
    File,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// Words or a code as the citizen gave them (several parts already joined).
    Text(String),
    /// A term of a vocabulary in the document's language, with its code where the code is
    /// the official reference (contract types).
    Term {
        label: &'static str,
        code: Option<&'static str>,
    },
    Date(PartialDate),
    /// From–to; `ongoing` stands for the end.
    Period {
        from: Option<PartialDate>,
        to: Option<PartialDate>,
        ongoing: bool,
    },
    Yes,
    /// Yes, at this place (an internship at a firm; the firm may be unknown).
    YesAt(String),
    /// An EQF/QNQ level, 1–8.
    Eqf(u8),
    Duration {
        amount: u32,
        unit: Option<&'static str>,
    },
    File {
        name: String,
        bytes: u64,
    },
    /// The names of the entries this one points at (links to missing entries are left out).
    Names(Vec<String>),
}

impl Value {
    fn is_empty(&self) -> bool {
        match self {
            Value::Text(s) => s.trim().is_empty(),
            Value::Period { from, to, ongoing } => from.is_none() && to.is_none() && !ongoing,
            Value::Names(n) => n.is_empty(),
            _ => false,
        }
    }
}

/// Collects the rows of one block, leaving out what was not filled in.
#[derive(Default)]
struct Rows(Vec<Row>);

impl Rows {
    fn add(&mut self, field: Field, value: impl Into<Option<Value>>) -> &mut Self {
        if let Some(value) = value.into().filter(|v| !v.is_empty()) {
            self.0.push(Row { field, value });
        }
        self
    }

    fn text(&mut self, field: Field, text: &str) -> &mut Self {
        self.add(field, Value::Text(text.trim().to_string()))
    }

    fn term<V: Vocabulary>(&mut self, field: Field, v: Option<V>, lang: Lang) -> &mut Self {
        self.add(field, v.map(|v| term(v, lang)))
    }

    fn yes(&mut self, field: Field, b: bool) -> &mut Self {
        self.add(field, b.then_some(Value::Yes))
    }
}

fn term<V: Vocabulary>(v: V, lang: Lang) -> Value {
    Value::Term {
        label: v.label(lang),
        code: None,
    }
}

fn date(d: Option<NaiveDate>) -> Option<Value> {
    d.map(|d| Value::Date(d.into()))
}

fn joined(parts: &[&str], separator: &str) -> String {
    parts
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(separator)
}

fn code_or_text(text: &str, code: &str) -> String {
    match (text.trim(), code.trim()) {
        (t, "") => t.to_string(),
        ("", c) => c.to_string(),
        (t, c) => format!("{t} ({c})"),
    }
}

fn address(a: &Indirizzo) -> Value {
    Value::Text(joined(&[&a.indirizzo, &a.cap, &a.comune, &a.provincia], ", "))
}

/// Names of what a list of links points at, found among the dossier's documents and the
/// experiences, titles and courses.
struct Names<'a> {
    libretto: &'a Libretto,
    experiences: Vec<(ItemId, Section, String)>,
}

impl Names<'_> {
    fn of(&self, ids: &[ItemId]) -> Value {
        Value::Names(
            ids.iter()
                .filter_map(|id| {
                    self.libretto
                        .evidenze
                        .iter()
                        .find(|e| &e.id == id)
                        .map(|e| e.titolo.trim().to_string())
                        .or_else(|| {
                            self.experiences
                                .iter()
                                .find(|(x, _, _)| x == id)
                                .map(|(_, _, s)| s.clone())
                        })
                })
                .filter(|s| !s.is_empty())
                .collect(),
        )
    }
}

/// The Libretto as a document, in the task list's order; labels of vocabulary terms in
/// Italian or English.
pub fn document(l: &Libretto, lang: Lang) -> Document {
    let names = Names {
        libretto: l,
        experiences: l.experiences(lang),
    };
    let mut parts: Vec<DocumentPart> = Vec::new();
    for section in Section::ALL {
        let blocks = match section {
            Section::DatiPersonali => vec![single(personal(l, lang))],
            Section::EsperienzeLavorative => {
                entries(l, lang, |e: &EsperienzaLavorativa| work(e, &names, lang))
            }
            Section::TitoliIstruzione => entries(l, lang, |t: &TitoloIstruzione| title(t, &names)),
            Section::EsperienzeFormative => {
                entries(l, lang, |c: &EsperienzaFormativa| course(c, &names, lang))
            }
            Section::Lingue => entries(l, lang, |g: &Lingua| language(g, lang)),
            Section::CompetenzeDigitali => vec![single(digital(l, lang))],
            Section::Patenti => vec![single(licences(l))],
            Section::Competenze => entries(l, lang, |c: &Competenza| competence(c, &names, lang)),
            Section::Evidenze => entries(l, lang, evidence(lang)),
        };
        let part = Part::of(section);
        let section = DocumentSection { section, blocks };
        match parts.last_mut() {
            Some(p) if p.part == part => p.sections.push(section),
            _ => parts.push(DocumentPart {
                part,
                sections: vec![section],
            }),
        }
    }
    Document { parts }
}

fn single(rows: Rows) -> Block {
    Block {
        item: None,
        title: String::new(),
        rows: rows.0,
    }
}

fn entries<E: Entry>(l: &Libretto, lang: Lang, rows: impl Fn(&E) -> Rows) -> Vec<Block> {
    E::list(l)
        .iter()
        .map(|e| Block {
            item: Some(e.id().clone()),
            title: e.summary(lang),
            rows: rows(e).0,
        })
        .collect()
}

fn personal(l: &Libretto, lang: Lang) -> Rows {
    let p = &l.dati_personali;
    let mut r = Rows::default();
    r.text(Field::Nome, &p.nome)
        .text(Field::Cognome, &p.cognome)
        .text(Field::CodiceFiscale, &p.codice_fiscale.to_uppercase())
        .term(Field::Sesso, p.sesso, lang)
        .add(Field::DataNascita, date(p.data_nascita))
        .text(Field::LuogoNascita, &p.luogo_nascita)
        .text(Field::Cittadinanza, &p.cittadinanza)
        .add(Field::Residenza, address(&p.residenza))
        .add(Field::Domicilio, p.domicilio.as_ref().map(address))
        .text(Field::Telefono, &p.telefono)
        .text(Field::Email, &p.email);
    if let Some(s) = &p.titolo_soggiorno {
        let expiry = s
            .scadenza
            .map(|d| PartialDate::from(d).display(lang))
            .unwrap_or_default();
        r.text(
            Field::TitoloSoggiorno,
            &joined(&[&s.tipo, &s.numero, &s.motivo, &expiry], ", "),
        );
    }
    r
}

fn work(e: &EsperienzaLavorativa, names: &Names, lang: Lang) -> Rows {
    let mut r = Rows::default();
    r.add(
        Field::Periodo,
        Value::Period {
            from: e.inizio,
            to: e.fine,
            ongoing: e.in_corso,
        },
    )
    .text(Field::Datore, &e.datore)
    .text(
        Field::Professione,
        &code_or_text(&e.professione.descrizione, &e.professione.codice),
    )
    .text(
        Field::Settore,
        &code_or_text(&e.settore.descrizione, &e.settore.codice),
    )
    .add(
        Field::Contratto,
        e.tipo_contratto.map(|c| Value::Term {
            label: c.label(lang),
            code: Some(c.code()),
        }),
    )
    .text(Field::Sede, &e.comune_sede)
    .text(Field::Mansioni, &e.mansioni)
    .text(Field::DatoreCf, &e.datore_cf)
    .add(Field::Fonte, term(e.fonte, lang))
    .add(Field::Documenti, names.of(&e.evidenze));
    r
}

fn title(t: &TitoloIstruzione, names: &Names) -> Rows {
    let mut r = Rows::default();
    r.add(Field::Livello, t.livello_eqf.map(Value::Eqf))
        .text(Field::Istituto, &t.istituto)
        .text(Field::Luogo, &t.luogo)
        .add(Field::Anno, t.anno.map(Value::Date))
        .text(Field::Voto, &t.votazione)
        .yes(Field::Completato, t.completato)
        .add(Field::Documenti, names.of(&t.evidenze));
    r
}

fn course(c: &EsperienzaFormativa, names: &Names, lang: Lang) -> Rows {
    let mut r = Rows::default();
    r.text(Field::Ente, &c.ente)
        .add(
            Field::Durata,
            c.durata.map(|amount| Value::Duration {
                amount,
                unit: c.unita_durata.map(|u| u.label(lang)),
            }),
        )
        .add(
            Field::Periodo,
            Value::Period {
                from: c.inizio,
                to: c.fine,
                ongoing: false,
            },
        )
        .term(Field::Attestazione, c.attestazione, lang)
        .text(Field::Regione, &c.regione)
        .add(
            Field::Stage,
            c.stage.then(|| Value::YesAt(c.azienda_stage.trim().to_string())),
        )
        .add(Field::Documenti, names.of(&c.evidenze));
    r
}

fn language(g: &Lingua, lang: Lang) -> Rows {
    let mut r = Rows::default();
    r.yes(Field::Madrelingua, g.madrelingua)
        .term(Field::Ascolto, g.ascolto, lang)
        .term(Field::Lettura, g.lettura, lang)
        .term(Field::Interazione, g.interazione, lang)
        .term(Field::ProduzioneOrale, g.produzione_orale, lang)
        .term(Field::Scrittura, g.scrittura, lang)
        .text(Field::Certificato, &g.certificato);
    r
}

fn digital(l: &Libretto, lang: Lang) -> Rows {
    let d = &l.competenze_digitali;
    let mut r = Rows::default();
    r.term(Field::DigInformazione, d.informazione, lang)
        .term(Field::DigComunicazione, d.comunicazione, lang)
        .term(Field::DigCreazione, d.creazione_contenuti, lang)
        .term(Field::DigSicurezza, d.sicurezza, lang)
        .term(Field::DigProblemi, d.risoluzione_problemi, lang)
        .text(Field::Strumenti, &d.note);
    r
}

fn licences(l: &Libretto) -> Rows {
    let codes: Vec<&str> = l.patenti.categorie.iter().map(|c| c.code()).collect();
    let mut r = Rows::default();
    r.text(Field::PatentiCategorie, &codes.join(", "))
        .text(Field::AltrePatenti, &l.patenti.altre);
    r
}

fn competence(c: &Competenza, names: &Names, lang: Lang) -> Rows {
    let mut r = Rows::default();
    r.term(Field::Tipologia, c.tipologia, lang)
        .term(Field::Contesto, c.contesto, lang)
        .add(Field::Esperienze, names.of(&c.esperienze))
        .add(Field::Documenti, names.of(&c.evidenze))
        .add(Field::Stato, term(c.stato, lang));
    r
}

fn evidence(lang: Lang) -> impl Fn(&Evidenza) -> Rows {
    move |e| {
        let mut r = Rows::default();
        r.term(Field::Categoria, e.categoria, lang)
            .text(Field::EmessoDa, &e.emesso_da)
            .add(Field::Data, e.data.map(Value::Date))
            .add(
                Field::File,
                e.file.as_ref().map(|f| Value::File {
                    name: f.nome.clone(),
                    bytes: f.dimensione,
                }),
            );
        r
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::libretto::{Cefr, FileRef, StatoCompetenza, TipoContratto};

    fn fields(block: &Block) -> Vec<Field> {
        block.rows.iter().map(|r| r.field).collect()
    }

    fn section(d: &Document, s: Section) -> &DocumentSection {
        d.parts
            .iter()
            .flat_map(|p| &p.sections)
            .find(|x| x.section == s)
            .expect("every section is in the document")
    }

    #[test]
    fn an_empty_libretto_has_every_section_in_task_list_order_and_no_rows() {
        let d = document(&Libretto::default(), Lang::It);
        let order: Vec<Section> = d
            .parts
            .iter()
            .flat_map(|p| p.sections.iter().map(|s| s.section))
            .collect();
        assert_eq!(order, Section::ALL);
        let parts: Vec<Part> = d.parts.iter().map(|p| p.part).collect();
        assert_eq!(parts, [Part::Sezione1, Part::Sezione2, Part::Dossier]);
        for s in d.parts.iter().flat_map(|p| &p.sections) {
            let rows: usize = s.blocks.iter().map(|b| b.rows.len()).sum();
            assert_eq!(rows, 0, "{:?} shows rows for nothing entered", s.section);
            assert_eq!(s.blocks.len(), usize::from(!s.section.is_repeated()));
        }
    }

    #[test]
    fn each_entry_is_one_block_with_its_id_and_only_filled_fields() {
        let mut l = Libretto::default();
        let doc_id = l.add_entry::<Evidenza>();
        l.evidenze[0].titolo = "Attestato HACCP".into();
        l.evidenze[0].file = Some(FileRef {
            sha256: "ab".into(),
            nome: "haccp.pdf".into(),
            tipo_mime: "application/pdf".into(),
            dimensione: 2048,
        });
        let job = l.add_entry::<EsperienzaLavorativa>();
        let e = &mut l.esperienze_lavorative[0];
        e.datore = "  Trattoria Da Gino ".into();
        e.in_corso = true;
        e.tipo_contratto = Some(TipoContratto::ALL[0]);
        e.evidenze = vec![doc_id.clone(), ItemId("gone".into())];
        l.add_entry::<Lingua>();
        l.lingue[0].ascolto = Some(Cefr::ALL[2]);

        let d = document(&l, Lang::It);
        let work = section(&d, Section::EsperienzeLavorative);
        assert_eq!(work.blocks.len(), 1);
        let b = &work.blocks[0];
        assert_eq!(b.item.as_ref(), Some(&job));
        assert_eq!(b.title, "Trattoria Da Gino");
        assert_eq!(
            fields(b),
            [
                Field::Periodo,
                Field::Datore,
                Field::Contratto,
                Field::Fonte,
                Field::Documenti
            ]
        );
        assert_eq!(
            b.rows[0].value,
            Value::Period {
                from: None,
                to: None,
                ongoing: true
            }
        );
        assert_eq!(b.rows[1].value, Value::Text("Trattoria Da Gino".into()));
        assert_eq!(
            b.rows[2].value,
            Value::Term {
                label: TipoContratto::ALL[0].label(Lang::It),
                code: Some(TipoContratto::ALL[0].code())
            }
        );
        // The link to a document that no longer exists is left out, not shown empty.
        assert_eq!(b.rows[4].value, Value::Names(vec!["Attestato HACCP".into()]));

        let lang = &section(&d, Section::Lingue).blocks[0];
        assert_eq!(fields(lang), [Field::Ascolto]);
        let file = &section(&d, Section::Evidenze).blocks[0];
        assert_eq!(
            file.rows.last().map(|r| &r.value),
            Some(&Value::File {
                name: "haccp.pdf".into(),
                bytes: 2048
            })
        );
    }

    #[test]
    fn competences_name_their_experiences_and_keep_their_status() {
        let mut l = Libretto::default();
        let course = l.add_entry::<EsperienzaFormativa>();
        l.esperienze_formative[0].titolo = "Corso di cucina".into();
        l.esperienze_formative[0].stage = true;
        l.add_entry::<Competenza>();
        l.competenze[0].esperienze = vec![course];
        l.competenze[0].stato = StatoCompetenza::Documentata;

        let d = document(&l, Lang::En);
        let c = &section(&d, Section::Competenze).blocks[0];
        assert_eq!(
            c.rows[0],
            Row {
                field: Field::Esperienze,
                value: Value::Names(vec!["Corso di cucina".into()])
            }
        );
        assert_eq!(
            c.rows[1],
            Row {
                field: Field::Stato,
                value: Value::Term {
                    label: StatoCompetenza::Documentata.label(Lang::En),
                    code: None
                }
            }
        );
        // An internship is shown even when the firm is not named.
        let course = &section(&d, Section::EsperienzeFormative).blocks[0];
        assert_eq!(fields(course), [Field::Stage]);
    }

    #[test]
    fn personal_data_joins_the_address_and_upper_cases_the_code() {
        let mut l = Libretto::default();
        l.dati_personali.codice_fiscale = "rssmra80a01h501u".into();
        l.dati_personali.residenza.comune = "Prato".into();
        l.dati_personali.residenza.provincia = "PO".into();
        let d = document(&l, Lang::It);
        let p = &section(&d, Section::DatiPersonali).blocks[0];
        assert_eq!(p.item, None);
        assert_eq!(
            p.rows,
            [
                Row {
                    field: Field::CodiceFiscale,
                    value: Value::Text("RSSMRA80A01H501U".into())
                },
                Row {
                    field: Field::Residenza,
                    value: Value::Text("Prato, PO".into())
                },
            ]
        );
    }
}
