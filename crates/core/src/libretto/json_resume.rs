//! JSON Resume (schema 1.0.0, as the `@jsonresume/schema` package publishes it): the CV format
//! many CV builders read and write. A Libretto goes out as a CV, in Italian like the print
//! view; a CV comes in as a new draft for the citizen to complete.
//!
//! The two do not hold the same things. Going out, what a CV has no place for (codice fiscale,
//! birth data, contract types, classification codes, evidence files) stays home; the export
//! panel says so. Coming in, every value the mapping does not use is returned as
//! [`LeftOut`], so the citizen sees it before choosing to import: nothing is dropped silently.

use crate::Lang;
use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::{Map, Value, json};

use super::cv_import::{CvImport, CvSection, LeftOut};
use super::dates::PartialDate;
use super::export::ImportError;
use super::vocab::{Cefr, LivelloDigitale, Patente, Tipologia, Vocabulary};
use super::{
    CodiceOTesto, Competenza, EsperienzaFormativa, EsperienzaLavorativa, ItemId, Libretto, Lingua,
    TitoloIstruzione,
};

/// The schema version written in `meta.version`.
pub const SCHEMA_VERSION: &str = "v1.0.0";

/// How a course is told apart from a school title among `education` entries.
const COURSE: &str = "Corso di formazione";
const NATIVE: &str = "Madrelingua";
/// A title's EQF level, as `studyType`: "EQF 4".
const EQF: &str = "EQF ";
/// The five CEFR skills as `fluency` spells them: "Ascolto B2, Lettura B1, …".
const CEFR_SKILLS: [&str; 5] = [
    "Ascolto",
    "Lettura",
    "Interazione",
    "Produzione orale",
    "Scrittura",
];
const DIGITAL: &str = "Competenze digitali (DigComp)";
const DIGITAL_AREAS: [&str; 5] = [
    "Informazione e dati",
    "Comunicazione e collaborazione",
    "Creazione di contenuti",
    "Sicurezza",
    "Risoluzione di problemi",
];
const LICENCES: &str = "Patenti di guida";

/// The Libretto as a JSON Resume document.
pub fn export(l: &Libretto, now: DateTime<Utc>) -> Value {
    let p = &l.dati_personali;
    let mut basics = Map::new();
    put(&mut basics, "name", p.full_name());
    put(&mut basics, "email", p.email.trim());
    put(&mut basics, "phone", p.telefono.trim());
    let r = &p.residenza;
    let mut location = Map::new();
    put(&mut location, "address", r.indirizzo.trim());
    put(&mut location, "postalCode", r.cap.trim());
    put(&mut location, "city", r.comune.trim());
    put(&mut location, "region", r.provincia.trim());
    if !location.is_empty() {
        location.insert("countryCode".into(), "IT".into());
        basics.insert("location".into(), Value::Object(location));
    }

    let work: Vec<Value> = l
        .esperienze_lavorative
        .iter()
        .map(|e| {
            let mut w = Map::new();
            put(&mut w, "name", e.datore.trim());
            put(&mut w, "position", e.professione.descrizione.trim());
            put(&mut w, "description", e.settore.descrizione.trim());
            put(&mut w, "location", e.comune_sede.trim());
            date(&mut w, "startDate", e.inizio.as_ref());
            if !e.in_corso {
                date(&mut w, "endDate", e.fine.as_ref());
            }
            put(&mut w, "summary", e.mansioni.trim());
            Value::Object(w)
        })
        .collect();

    let titles = l.titoli_istruzione.iter().map(|t| {
        let mut ed = Map::new();
        put(&mut ed, "institution", t.istituto.trim());
        put(&mut ed, "area", t.denominazione.trim());
        if let Some(level) = t.livello_eqf {
            put(&mut ed, "studyType", format!("{EQF}{level}"));
        }
        if t.completato {
            date(&mut ed, "endDate", t.anno.as_ref());
        }
        put(&mut ed, "score", t.votazione.trim());
        Value::Object(ed)
    });
    let courses = l.esperienze_formative.iter().map(|c| {
        let mut ed = Map::new();
        put(&mut ed, "institution", c.ente.trim());
        put(&mut ed, "area", c.titolo.trim());
        put(&mut ed, "studyType", COURSE);
        date(&mut ed, "startDate", c.inizio.as_ref());
        date(&mut ed, "endDate", c.fine.as_ref());
        Value::Object(ed)
    });
    let education: Vec<Value> = titles.chain(courses).collect();

    let mut skills: Vec<Value> = l
        .competenze
        .iter()
        .filter(|c| !c.descrizione.trim().is_empty())
        .map(|c| {
            let mut s = Map::new();
            put(&mut s, "name", c.descrizione.trim());
            if let Some(t) = c.tipologia {
                s.insert("keywords".into(), json!([t.label(Lang::It)]));
            }
            Value::Object(s)
        })
        .collect();
    let d = &l.competenze_digitali;
    let digital: Vec<String> = DIGITAL_AREAS
        .iter()
        .zip([
            d.informazione,
            d.comunicazione,
            d.creazione_contenuti,
            d.sicurezza,
            d.risoluzione_problemi,
        ])
        .filter_map(|(area, level)| level.map(|v| format!("{area}: {}", v.label(Lang::It))))
        .collect();
    if !digital.is_empty() {
        skills.push(json!({ "name": DIGITAL, "keywords": digital }));
    }
    let mut licences: Vec<String> = l.patenti.categorie.iter().map(|c| c.code().to_owned()).collect();
    if !l.patenti.altre.trim().is_empty() {
        licences.push(l.patenti.altre.trim().to_owned());
    }
    if !licences.is_empty() {
        skills.push(json!({ "name": LICENCES, "keywords": licences }));
    }

    let languages: Vec<Value> = l
        .lingue
        .iter()
        .filter(|x| !x.lingua.trim().is_empty())
        .map(|x| {
            let mut lang = Map::new();
            put(&mut lang, "language", x.lingua.trim());
            put(&mut lang, "fluency", fluency(x));
            Value::Object(lang)
        })
        .collect();

    let mut doc = Map::new();
    doc.insert("basics".into(), Value::Object(basics));
    for (key, list) in [
        ("work", work),
        ("education", education),
        ("skills", skills),
        ("languages", languages),
    ] {
        if !list.is_empty() {
            doc.insert(key.into(), Value::Array(list));
        }
    }
    doc.insert(
        "meta".into(),
        json!({ "version": SCHEMA_VERSION, "lastModified": now.to_rfc3339_opts(SecondsFormat::Secs, true) }),
    );
    Value::Object(doc)
}

fn fluency(x: &Lingua) -> String {
    if x.madrelingua {
        return NATIVE.to_owned();
    }
    CEFR_SKILLS
        .iter()
        .zip([
            x.ascolto,
            x.lettura,
            x.interazione,
            x.produzione_orale,
            x.scrittura,
        ])
        .filter_map(|(skill, level)| level.map(|v| format!("{skill} {}", v.code())))
        .collect::<Vec<_>>()
        .join(", ")
}

fn put(map: &mut Map<String, Value>, key: &str, text: impl Into<String>) {
    let text = text.into();
    if !text.is_empty() {
        map.insert(key.into(), Value::String(text));
    }
}

fn date(map: &mut Map<String, Value>, key: &str, d: Option<&PartialDate>) {
    if let Some(d) = d {
        map.insert(key.into(), Value::String(d.to_string()));
    }
}

/// Whether a JSON document is meant as a JSON Resume: an object with at least one of its
/// sections, and not a Sportello export.
pub fn is_resume(doc: &Value) -> bool {
    doc.as_object().is_some_and(|o| {
        !o.contains_key("formato")
            && ["basics", "work", "education", "skills", "languages"]
                .iter()
                .any(|k| o.contains_key(*k))
    })
}

/// Reads a JSON Resume into a new Libretto, with everything it did not use.
pub fn import(json: &str) -> Result<CvImport, ImportError> {
    let doc: Value = serde_json::from_str(json).map_err(|e| ImportError::NotJson {
        line: e.line(),
        column: e.column(),
    })?;
    if !is_resume(&doc) {
        return Err(ImportError::NotAnExport);
    }
    let Value::Object(mut root) = doc else {
        return Err(ImportError::NotAnExport);
    };
    let mut r = Reader::default();
    let mut l = Libretto::default();
    let mut name = String::new();

    if let Some(mut basics) = r.object(&mut root, "basics", "") {
        name = r.text(&mut basics, "name", "basics");
        let (nome, cognome) = split_name(&name);
        let p = &mut l.dati_personali;
        p.nome = nome;
        p.cognome = cognome;
        p.email = r.text(&mut basics, "email", "basics");
        p.telefono = r.text(&mut basics, "phone", "basics");
        if let Some(mut loc) = r.object(&mut basics, "location", "basics") {
            let at = "basics.location";
            p.residenza.indirizzo = r.text(&mut loc, "address", at);
            p.residenza.cap = r.text(&mut loc, "postalCode", at);
            p.residenza.comune = r.text(&mut loc, "city", at);
            let region = r.text(&mut loc, "region", at);
            if is_province(&region) {
                p.residenza.provincia = region.to_ascii_uppercase();
            } else {
                r.leave(&format!("{at}.region"), &region);
            }
            let country = r.text(&mut loc, "countryCode", at);
            if !country.eq_ignore_ascii_case("IT") {
                r.leave(&format!("{at}.countryCode"), &country);
            }
            r.rest(at, Value::Object(loc));
        }
        r.rest("basics", Value::Object(basics));
    }

    for (at, mut w) in r.list(&mut root, "work") {
        let mut e = EsperienzaLavorativa {
            id: ItemId::new_random(),
            datore: r.text(&mut w, "name", &at),
            professione: CodiceOTesto::described(r.text(&mut w, "position", &at)),
            settore: CodiceOTesto::described(r.text(&mut w, "description", &at)),
            comune_sede: r.text(&mut w, "location", &at),
            inizio: r.date(&mut w, "startDate", &at),
            ..Default::default()
        };
        let ended = w.contains_key("endDate");
        e.fine = r.date(&mut w, "endDate", &at);
        e.in_corso = e.inizio.is_some() && !ended;
        let summary = r.text(&mut w, "summary", &at);
        let highlights = r.texts(&mut w, "highlights", &at);
        e.mansioni = std::iter::once(summary)
            .chain(highlights.into_iter().map(|h| format!("• {h}")))
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("\n");
        r.rest(&at, Value::Object(w));
        l.esperienze_lavorative.push(e);
    }

    for (at, mut ed) in r.list(&mut root, "education") {
        let study = r.text(&mut ed, "studyType", &at);
        let area = r.text(&mut ed, "area", &at);
        let institution = r.text(&mut ed, "institution", &at);
        if study.eq_ignore_ascii_case(COURSE) {
            l.esperienze_formative.push(EsperienzaFormativa {
                id: ItemId::new_random(),
                titolo: area,
                ente: institution,
                inizio: r.date(&mut ed, "startDate", &at),
                fine: r.date(&mut ed, "endDate", &at),
                ..Default::default()
            });
        } else {
            let level = study
                .strip_prefix(EQF)
                .and_then(|n| n.parse::<u8>().ok())
                .filter(|n| (1..=8).contains(n));
            let denominazione = match level {
                Some(_) => area,
                None => join_with(&[&study, &area], " – "),
            };
            let anno = r.date(&mut ed, "endDate", &at);
            l.titoli_istruzione.push(TitoloIstruzione {
                id: ItemId::new_random(),
                denominazione,
                livello_eqf: level,
                istituto: institution,
                completato: anno.is_some(),
                anno,
                votazione: r.text(&mut ed, "score", &at),
                ..Default::default()
            });
        }
        r.rest(&at, Value::Object(ed));
    }

    for (at, mut c) in r.list(&mut root, "certificates") {
        l.esperienze_formative.push(EsperienzaFormativa {
            id: ItemId::new_random(),
            titolo: r.text(&mut c, "name", &at),
            ente: r.text(&mut c, "issuer", &at),
            fine: r.date(&mut c, "date", &at),
            ..Default::default()
        });
        r.rest(&at, Value::Object(c));
    }

    for (at, mut s) in r.list(&mut root, "skills") {
        let name = r.text(&mut s, "name", &at);
        let keywords = r.texts(&mut s, "keywords", &at);
        let taken = (name == DIGITAL && digital(&keywords, &mut l))
            || (name == LICENCES && licences(keywords.clone(), &mut l));
        if !taken {
            let level = r.text(&mut s, "level", &at);
            let tipologia = match keywords.as_slice() {
                [one] => Tipologia::ALL.iter().copied().find(|t| t.label(Lang::It) == one),
                _ => None,
            };
            let mut descrizione = join_with(&[&name, &level], " – ");
            if tipologia.is_none() && !keywords.is_empty() {
                descrizione = format!("{descrizione} ({})", keywords.join(", "));
            }
            if !descrizione.is_empty() {
                l.competenze.push(Competenza {
                    id: ItemId::new_random(),
                    tipologia,
                    descrizione,
                    ..Default::default()
                });
            }
        }
        r.rest(&at, Value::Object(s));
    }

    for (at, mut x) in r.list(&mut root, "languages") {
        let mut lingua = Lingua {
            id: ItemId::new_random(),
            lingua: r.text(&mut x, "language", &at),
            ..Default::default()
        };
        let fluency = r.text(&mut x, "fluency", &at);
        if !read_fluency(&fluency, &mut lingua) {
            r.leave(&format!("{at}.fluency"), &fluency);
        }
        r.rest(&at, Value::Object(x));
        l.lingue.push(lingua);
    }

    // The file's own bookkeeping, not the citizen's data.
    root.remove("meta");
    root.remove("$schema");
    r.rest("", Value::Object(root));
    Ok(CvImport {
        libretto: l,
        name,
        left_out: r.left_out,
    })
}

fn join_with(parts: &[&str], sep: &str) -> String {
    parts
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(sep)
}

/// "Anna Maria Bianchi" → ("Anna Maria", "Bianchi"): a CV has one name field; the citizen
/// corrects a split that guessed wrong in the form.
fn split_name(name: &str) -> (String, String) {
    match name.trim().rsplit_once(' ') {
        Some((first, last)) => (first.trim().to_owned(), last.trim().to_owned()),
        None => (name.trim().to_owned(), String::new()),
    }
}

fn is_province(s: &str) -> bool {
    s.len() == 2 && s.bytes().all(|b| b.is_ascii_alphabetic())
}

/// "Madrelingua" (or native, mother tongue); one CEFR level for all five skills ("B2"); or
/// our own "Ascolto B2, Lettura B1, …". Anything else is left out.
fn read_fluency(fluency: &str, x: &mut Lingua) -> bool {
    let lower = fluency.trim().to_lowercase();
    if lower.is_empty() {
        return true;
    }
    if ["madrelingua", "native", "mother tongue", "lingua madre"]
        .iter()
        .any(|w| lower.contains(w))
    {
        x.madrelingua = true;
        return true;
    }
    if let Some(level) = Cefr::from_code(&fluency.trim().to_ascii_uppercase()) {
        for slot in [
            &mut x.ascolto,
            &mut x.lettura,
            &mut x.interazione,
            &mut x.produzione_orale,
            &mut x.scrittura,
        ] {
            *slot = Some(level);
        }
        return true;
    }
    let mut found = [None; 5];
    for part in fluency.split(',') {
        let Some((skill, level)) = part.trim().rsplit_once(' ') else {
            return false;
        };
        let (Some(i), Some(level)) = (
            CEFR_SKILLS.iter().position(|s| *s == skill.trim()),
            Cefr::from_code(level),
        ) else {
            return false;
        };
        found[i] = Some(level);
    }
    [
        x.ascolto,
        x.lettura,
        x.interazione,
        x.produzione_orale,
        x.scrittura,
    ] = found;
    true
}

/// Walks the document taking what it maps; what is left is recorded in `left_out`.
#[derive(Default)]
struct Reader {
    left_out: Vec<LeftOut>,
}

impl Reader {
    /// Records every non-empty value under `value` as left out.
    fn rest(&mut self, path: &str, value: Value) {
        match value {
            Value::Null => {}
            Value::String(s) => self.leave(path, &s),
            Value::Array(items) => {
                for (i, item) in items.into_iter().enumerate() {
                    self.rest(&format!("{path}[{i}]"), item);
                }
            }
            Value::Object(map) => {
                for (k, v) in map {
                    self.rest(&child(path, &k), v);
                }
            }
            other => self.leave(path, &other.to_string()),
        }
    }

    fn leave(&mut self, path: &str, text: &str) {
        let key = &path[..path.find(['[', '.']).unwrap_or(path.len())];
        let item = path
            .strip_prefix(key)
            .and_then(|rest| rest.strip_prefix('['))
            .and_then(|rest| rest[..rest.find(']')?].parse::<usize>().ok())
            .map(|i| i + 1);
        let last = path.rsplit('.').next().unwrap_or_default();
        let field = &last[..last.find('[').unwrap_or(last.len())];
        let field = if path.contains('.') { field } else { "" };
        let section = match key {
            "basics" => CvSection::Personal,
            "work" => CvSection::Work,
            "volunteer" => CvSection::Volunteer,
            "education" => CvSection::Education,
            "awards" => CvSection::Awards,
            "certificates" => CvSection::Certificates,
            "publications" => CvSection::Publications,
            "skills" => CvSection::Skills,
            "languages" => CvSection::Languages,
            "interests" => CvSection::Interests,
            "references" => CvSection::References,
            "projects" => CvSection::Projects,
            _ => CvSection::Other,
        };
        self.left_out
            .extend(LeftOut::new(path.to_owned(), section, item, field, text));
    }

    fn text(&mut self, obj: &mut Map<String, Value>, key: &str, at: &str) -> String {
        match obj.remove(key) {
            Some(Value::String(s)) => s.trim().to_owned(),
            Some(other) => {
                self.rest(&child(at, key), other);
                String::new()
            }
            None => String::new(),
        }
    }

    fn texts(&mut self, obj: &mut Map<String, Value>, key: &str, at: &str) -> Vec<String> {
        match obj.remove(key) {
            Some(Value::Array(items)) => items
                .into_iter()
                .enumerate()
                .filter_map(|(i, item)| match item {
                    Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
                    other => {
                        self.rest(&format!("{}[{i}]", child(at, key)), other);
                        None
                    }
                })
                .collect(),
            Some(other) => {
                self.rest(&child(at, key), other);
                Vec::new()
            }
            None => Vec::new(),
        }
    }

    fn date(&mut self, obj: &mut Map<String, Value>, key: &str, at: &str) -> Option<PartialDate> {
        let text = self.text(obj, key, at);
        if text.is_empty() {
            return None;
        }
        let parsed = text.parse().ok();
        if parsed.is_none() {
            self.leave(&child(at, key), &text);
        }
        parsed
    }

    fn object(&mut self, obj: &mut Map<String, Value>, key: &str, at: &str) -> Option<Map<String, Value>> {
        match obj.remove(key) {
            Some(Value::Object(map)) => Some(map),
            Some(other) => {
                self.rest(&child(at, key), other);
                None
            }
            None => None,
        }
    }

    /// The objects of the array `key`, each with its path; anything else is left out.
    fn list(&mut self, obj: &mut Map<String, Value>, key: &str) -> Vec<(String, Map<String, Value>)> {
        match obj.remove(key) {
            Some(Value::Array(items)) => items
                .into_iter()
                .enumerate()
                .filter_map(|(i, item)| {
                    let at = format!("{key}[{i}]");
                    match item {
                        Value::Object(map) => Some((at, map)),
                        other => {
                            self.rest(&at, other);
                            None
                        }
                    }
                })
                .collect(),
            Some(other) => {
                self.rest(key, other);
                Vec::new()
            }
            None => Vec::new(),
        }
    }
}

/// Our own "Area: Livello" digital keywords; false (and nothing taken) if any is not one.
fn digital(keywords: &[String], l: &mut Libretto) -> bool {
    let mut levels = [None; 5];
    for k in keywords {
        let Some((area, label)) = k.split_once(": ") else {
            return false;
        };
        let area = DIGITAL_AREAS.iter().position(|a| *a == area);
        let level = LivelloDigitale::ALL
            .iter()
            .copied()
            .find(|v| v.label(Lang::It) == label);
        let (Some(area), Some(level)) = (area, level) else {
            return false;
        };
        levels[area] = Some(level);
    }
    let d = &mut l.competenze_digitali;
    [
        d.informazione,
        d.comunicazione,
        d.creazione_contenuti,
        d.sicurezza,
        d.risoluzione_problemi,
    ] = levels;
    true
}

/// Our own licence keywords: categories by code, anything else as other licences.
fn licences(keywords: Vec<String>, l: &mut Libretto) -> bool {
    for k in keywords {
        match Patente::from_code(&k) {
            Some(p) if !l.patenti.categorie.contains(&p) => l.patenti.categorie.push(p),
            Some(_) => {}
            None => l.patenti.altre = join_with(&[&l.patenti.altre, &k], ", "),
        }
    }
    true
}

fn child(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::libretto::vocab::{Attestazione, Cefr, LivelloDigitale, Patente, Tipologia};
    use crate::libretto::{CompetenzeDigitali, Indirizzo, Patenti};

    fn d(s: &str) -> Option<PartialDate> {
        Some(s.parse().expect("date"))
    }

    fn libretto() -> Libretto {
        let mut l = Libretto::default();
        let p = &mut l.dati_personali;
        p.nome = "Anna Maria".into();
        p.cognome = "Bianchi".into();
        p.codice_fiscale = "BNCNMR75D50G713X".into();
        p.email = "anna@example.it".into();
        p.telefono = "+39 333 1234567".into();
        p.residenza = Indirizzo {
            indirizzo: "Via Roma 1".into(),
            cap: "51100".into(),
            comune: "Pistoia".into(),
            provincia: "PT".into(),
            regione: "toscana".into(),
        };
        l.esperienze_lavorative = vec![
            EsperienzaLavorativa {
                id: ItemId("e1".into()),
                inizio: d("2010-03"),
                fine: d("2020"),
                datore: "Officine Srl".into(),
                comune_sede: "Milano".into(),
                settore: CodiceOTesto {
                    codice: "25.62".into(),
                    descrizione: "Meccanica".into(),
                },
                professione: CodiceOTesto {
                    codice: "6.2.2.1.0".into(),
                    descrizione: "Tornitrice".into(),
                },
                mansioni: "Tornio CNC".into(),
                ..Default::default()
            },
            EsperienzaLavorativa {
                id: ItemId("e2".into()),
                inizio: d("2021-01-15"),
                in_corso: true,
                datore: "Fabbrica Spa".into(),
                ..Default::default()
            },
        ];
        l.titoli_istruzione = vec![TitoloIstruzione {
            id: ItemId("t1".into()),
            denominazione: "Diploma di perito meccanico".into(),
            livello_eqf: Some(4),
            istituto: "ITIS Fermi".into(),
            anno: d("1994"),
            votazione: "54/60".into(),
            completato: true,
            ..Default::default()
        }];
        l.esperienze_formative = vec![EsperienzaFormativa {
            id: ItemId("f1".into()),
            titolo: "Sicurezza sul lavoro".into(),
            ente: "Ente Formazione".into(),
            attestazione: Some(Attestazione::Frequenza),
            inizio: d("2019-05-06"),
            fine: d("2019-05-07"),
            ..Default::default()
        }];
        l.lingue = vec![
            Lingua {
                id: ItemId("l1".into()),
                lingua: "Italiano".into(),
                madrelingua: true,
                ..Default::default()
            },
            Lingua {
                id: ItemId("l2".into()),
                lingua: "Inglese".into(),
                ascolto: Some(Cefr::B2),
                lettura: Some(Cefr::B1),
                scrittura: Some(Cefr::A2),
                ..Default::default()
            },
        ];
        l.competenze_digitali = CompetenzeDigitali {
            informazione: Some(LivelloDigitale::Intermedio),
            sicurezza: Some(LivelloDigitale::Base),
            ..Default::default()
        };
        l.patenti = Patenti {
            categorie: vec![Patente::B, Patente::C],
            altre: "Muletto".into(),
        };
        l.competenze = vec![Competenza {
            id: ItemId("c1".into()),
            tipologia: Some(Tipologia::TecnicoProfessionale),
            descrizione: "Uso del tornio CNC".into(),
            ..Default::default()
        }];
        l
    }

    fn now() -> DateTime<Utc> {
        "2026-12-04T10:00:00Z".parse().expect("now")
    }

    #[test]
    fn our_export_reads_back_with_every_mapped_field_and_nothing_left_out() {
        let l = libretto();
        let json = export(&l, now()).to_string();
        let back = import(&json).expect("import");
        assert_eq!(back.left_out, vec![]);
        assert_eq!(back.name, "Anna Maria Bianchi");
        let (a, b) = (&l.dati_personali, &back.libretto.dati_personali);
        assert_eq!(
            (&b.nome, &b.cognome, &b.email, &b.telefono),
            (&a.nome, &a.cognome, &a.email, &a.telefono)
        );
        assert_eq!(b.residenza.indirizzo, a.residenza.indirizzo);
        assert_eq!(
            (&b.residenza.cap, &b.residenza.comune, &b.residenza.provincia),
            (&a.residenza.cap, &a.residenza.comune, &a.residenza.provincia)
        );
        assert_eq!(b.codice_fiscale, "", "a CV has no place for the codice fiscale");

        let work = &back.libretto.esperienze_lavorative;
        assert_eq!(work.len(), 2);
        assert_eq!(work[0].datore, "Officine Srl");
        assert_eq!(work[0].professione.descrizione, "Tornitrice");
        assert_eq!(work[0].settore.descrizione, "Meccanica");
        assert_eq!(work[0].comune_sede, "Milano");
        assert_eq!(
            (work[0].inizio, work[0].fine, work[0].in_corso),
            (d("2010-03"), d("2020"), false)
        );
        assert_eq!(work[0].mansioni, "Tornio CNC");
        assert_eq!(
            (work[1].inizio, work[1].fine, work[1].in_corso),
            (d("2021-01-15"), None, true)
        );

        let [t] = back.libretto.titoli_istruzione.as_slice() else {
            panic!("one title")
        };
        assert_eq!(
            (t.denominazione.as_str(), t.livello_eqf, t.istituto.as_str()),
            ("Diploma di perito meccanico", Some(4), "ITIS Fermi")
        );
        assert_eq!(
            (t.anno, t.completato, t.votazione.as_str()),
            (d("1994"), true, "54/60")
        );
        let [c] = back.libretto.esperienze_formative.as_slice() else {
            panic!("one course")
        };
        assert_eq!(
            (c.titolo.as_str(), c.ente.as_str(), c.inizio, c.fine),
            (
                "Sicurezza sul lavoro",
                "Ente Formazione",
                d("2019-05-06"),
                d("2019-05-07")
            )
        );

        let langs = &back.libretto.lingue;
        assert_eq!(langs[0].lingua, "Italiano");
        assert!(langs[0].madrelingua);
        assert_eq!(
            [
                langs[1].ascolto,
                langs[1].lettura,
                langs[1].interazione,
                langs[1].produzione_orale,
                langs[1].scrittura
            ],
            [Some(Cefr::B2), Some(Cefr::B1), None, None, Some(Cefr::A2)]
        );
        assert_eq!(back.libretto.competenze_digitali, l.competenze_digitali);
        assert_eq!(back.libretto.patenti, l.patenti);
        let [k] = back.libretto.competenze.as_slice() else {
            panic!("one competence")
        };
        assert_eq!(
            (k.descrizione.as_str(), k.tipologia),
            ("Uso del tornio CNC", Some(Tipologia::TecnicoProfessionale))
        );
    }

    #[test]
    fn export_has_the_schema_shape_and_leaves_out_what_a_cv_does_not_hold() {
        let doc = export(&libretto(), now());
        assert_eq!(doc["meta"]["version"], SCHEMA_VERSION);
        assert_eq!(doc["meta"]["lastModified"], "2026-12-04T10:00:00Z");
        assert_eq!(doc["basics"]["location"]["countryCode"], "IT");
        assert_eq!(
            doc["work"][1].get("endDate"),
            None,
            "a current job has no end date"
        );
        assert_eq!(doc["education"][1]["studyType"], COURSE);
        let text = doc.to_string();
        for private in ["BNCNMR75D50G713X", "25.62", "6.2.2.1.0"] {
            assert!(!text.contains(private), "{private}");
        }
        assert!(is_resume(&doc));
        assert_eq!(export(&Libretto::default(), now())["basics"], json!({}));
    }

    #[test]
    fn a_foreign_cv_keeps_what_fits_and_lists_everything_else() {
        let json = r#"{
          "$schema": "https://example.org/schema.json",
          "basics": { "name": "Richard Hendriks", "label": "Programmer", "url": "https://example.org",
            "location": { "city": "San Francisco", "region": "California", "countryCode": "US" },
            "profiles": [{ "network": "Twitter", "username": "neutralthoughts" }] },
          "work": [{ "name": "Pied Piper", "position": "CEO", "startDate": "2013-12-01", "endDate": "2014-6",
            "summary": "Compression.", "highlights": ["Built an app"], "url": "https://piedpiper.example" }],
          "volunteer": [{ "organization": "CoderDojo" }],
          "education": [{ "institution": "University", "area": "Information Technology", "studyType": "Bachelor",
            "startDate": "2011-06-01", "endDate": "2013-01-01", "score": "4.0", "courses": ["DB1101"] }],
          "certificates": [{ "name": "Certified Kubernetes", "issuer": "CNCF", "date": "2021-11-07" }],
          "skills": [{ "name": "Web Development", "level": "Master", "keywords": ["HTML", "CSS"] }],
          "languages": [{ "language": "English", "fluency": "Native speaker" }, { "language": "Italiano", "fluency": "Fluent" }],
          "interests": [{ "name": "Wildlife" }],
          "meta": { "version": "v1.0.0" },
          "awards": 7
        }"#;
        let got = import(json).expect("import");
        let l = &got.libretto;
        assert_eq!(
            (l.dati_personali.nome.as_str(), l.dati_personali.cognome.as_str()),
            ("Richard", "Hendriks")
        );
        assert_eq!(l.dati_personali.residenza.comune, "San Francisco");
        let w = &l.esperienze_lavorative[0];
        assert_eq!(
            (w.datore.as_str(), w.professione.descrizione.as_str()),
            ("Pied Piper", "CEO")
        );
        assert_eq!(
            (w.inizio, w.fine, w.in_corso),
            (d("2013-12-01"), None, false),
            "an end date it could not read is not 'ongoing'"
        );
        assert_eq!(w.mansioni, "Compression.\n• Built an app");
        let t = &l.titoli_istruzione[0];
        assert_eq!(
            (t.denominazione.as_str(), t.anno, t.completato, t.livello_eqf),
            ("Bachelor – Information Technology", d("2013-01-01"), true, None)
        );
        assert_eq!(l.esperienze_formative[0].titolo, "Certified Kubernetes");
        assert_eq!(l.esperienze_formative[0].fine, d("2021-11-07"));
        assert_eq!(
            l.competenze[0].descrizione,
            "Web Development – Master (HTML, CSS)"
        );
        assert!(l.lingue[0].madrelingua);
        assert_eq!(l.lingue[1].lingua, "Italiano");

        let paths: Vec<&str> = got.left_out.iter().map(|x| x.path.as_str()).collect();
        assert_eq!(
            paths,
            vec![
                "basics.location.region",
                "basics.location.countryCode",
                "basics.label",
                "basics.profiles[0].network",
                "basics.profiles[0].username",
                "basics.url",
                "work[0].endDate",
                "work[0].url",
                "education[0].courses[0]",
                "education[0].startDate",
                "languages[1].fluency",
                "awards",
                "interests[0].name",
                "volunteer[0].organization",
            ]
        );
        assert_eq!(got.left_out[6].text, "2014-6");
        let w = &got.left_out[7];
        assert_eq!(
            (w.section, w.item, w.field.as_str()),
            (CvSection::Work, Some(1), "url")
        );
        let p = &got.left_out[3];
        assert_eq!(
            (p.section, p.item, p.field.as_str()),
            (CvSection::Personal, None, "network")
        );
        let a = &got.left_out[11];
        assert_eq!(
            (a.section, a.item, a.field.as_str()),
            (CvSection::Awards, None, "")
        );
        let c = &got.left_out[8];
        assert_eq!(
            (c.section, c.item, c.field.as_str()),
            (CvSection::Education, Some(1), "courses")
        );
        assert_eq!(got.left_out[11].text, "7");
    }

    #[test]
    fn what_is_not_a_cv_is_refused_with_the_reason() {
        assert!(matches!(
            import("{ \"basics\": "),
            Err(ImportError::NotJson { line: 1, .. })
        ));
        assert_eq!(import("[1, 2]"), Err(ImportError::NotAnExport));
        assert_eq!(import(r#"{ "name": "x" }"#), Err(ImportError::NotAnExport));
        assert_eq!(
            import(r#"{ "formato": "sportello-libretto", "basics": {} }"#),
            Err(ImportError::NotAnExport)
        );
        let long = format!(r#"{{ "basics": {{ "summary": "{}" }} }}"#, "x".repeat(500));
        let got = import(&long).expect("import");
        assert_eq!(
            got.left_out[0].text.chars().count(),
            crate::libretto::cv_import::PREVIEW_CHARS
        );
    }
}
