//! Europass CVs (`docs/domain-libretto.md` §9): in, the v3 XML ("SkillsPassport", v3.0–3.4,
//! 2012–2020) and the 2020+ XML ("Candidate", HR-Open/EURES namespaces); out, v3.4 XML.
//!
//! The correspondences are design choices [U] (§9.4). What a Europass CV holds that the
//! Libretto cannot is returned as [`LeftOut`] and listed before the import; embedded file
//! bytes (photo, attachments) are not listed themselves, their names and types are.
//! Conventions that make our own file read back whole: a course is an `Education` whose
//! `Activities` say "Corso di formazione"; competences of one kind are the `<li>` items of that
//! kind's description (v3 descriptions are HTML).

use chrono::{DateTime, SecondsFormat, Utc};
use roxmltree::{Document, Node, NodeId, ParsingOptions};

use super::cv_import::{CvImport, CvSection, LeftOut};
use super::dates::PartialDate;
use super::export::ImportError;
use super::vocab::{Cefr, LivelloDigitale, Patente, Sesso, Tipologia, Vocabulary};
use super::{
    CodiceOTesto, Competenza, EsperienzaFormativa, EsperienzaLavorativa, ItemId, Libretto, Lingua,
    TitoloIstruzione,
};

/// Larger files are refused before parsing: a Europass CV with a photo is well under this.
pub const MAX_BYTES: usize = 5 * 1024 * 1024;
/// Elements, texts and attributes a file may have; a CV has a few thousand.
const NODES_LIMIT: u32 = 200_000;
const NAMESPACE_V3: &str = "http://europass.cedefop.europa.eu/Europass";
const COURSE: &str = "Corso di formazione";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EuropassFormat {
    /// "SkillsPassport", v3.x.
    V3,
    /// "Candidate", the 2020+ format.
    Candidate,
}

/// Reads a Europass CV, either format.
pub fn import(xml: &str) -> Result<(EuropassFormat, CvImport), ImportError> {
    if xml.len() > MAX_BYTES {
        return Err(ImportError::TooLarge);
    }
    let options = ParsingOptions {
        nodes_limit: NODES_LIMIT,
        ..ParsingOptions::default()
    };
    let doc = Document::parse_with_options(xml, options).map_err(|e| {
        let pos = e.pos();
        ImportError::NotXml {
            line: pos.row as usize,
            column: pos.col as usize,
        }
    })?;
    let root = doc.root_element();
    let mut w = Walk::default();
    let (format, libretto) = match root.tag_name().name() {
        "SkillsPassport" => (EuropassFormat::V3, w.v3(root)),
        "Candidate" => (EuropassFormat::Candidate, w.candidate(root)),
        _ => return Err(ImportError::NotAnExport),
    };
    let name = libretto.dati_personali.full_name();
    let left_out = w.leftovers(root, format);
    Ok((
        format,
        CvImport {
            libretto,
            name,
            left_out,
        },
    ))
}

/// Whether a text looks like XML (the drafts page tells formats apart by their start).
pub fn is_xml(text: &str) -> bool {
    text.trim_start_matches('\u{feff}').trim_start().starts_with('<')
}

/// Reads the tree, remembering every element it used.
#[derive(Default)]
struct Walk {
    used: std::collections::HashSet<NodeId>,
}

fn el<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    node.children()
        .find(|c| c.is_element() && c.tag_name().name() == name)
}

fn all<'a, 'i: 'a>(node: Node<'a, 'i>, name: &'a str) -> impl Iterator<Item = Node<'a, 'i>> + 'a {
    node.children()
        .filter(move |c| c.is_element() && c.tag_name().name() == name)
}

/// Follows a path of child element names.
fn at<'a, 'i>(node: Node<'a, 'i>, path: &[&str]) -> Option<Node<'a, 'i>> {
    path.iter().try_fold(node, |n, name| el(n, name))
}

/// An element's text, all of it, trimmed.
fn text_of(node: Node) -> String {
    node.descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .collect::<String>()
        .trim()
        .to_owned()
}

impl Walk {
    /// Marks `node` and everything below it as used.
    fn use_all(&mut self, node: Node) {
        for n in node.descendants() {
            self.used.insert(n.id());
        }
    }

    /// The text at `path` below `node`, marked used; "" when absent.
    fn text(&mut self, node: Node, path: &[&str]) -> String {
        match at(node, path) {
            Some(n) => {
                self.use_all(n);
                text_of(n)
            }
            None => String::new(),
        }
    }

    /// A v3 date element (`year="2001" month="--03" day="---10"`), marked used only if it reads.
    fn v3_date(&mut self, node: Node, path: &[&str]) -> Option<PartialDate> {
        let n = at(node, path)?;
        let part = |name: &str| {
            n.attribute(name)
                .unwrap_or_default()
                .trim_start_matches('-')
                .to_owned()
        };
        let date = PartialDate::from_parts(&part("day"), &part("month"), &part("year")).ok()??;
        self.use_all(n);
        Some(date)
    }

    fn v3(&mut self, root: Node) -> Libretto {
        let mut l = Libretto::default();
        for bookkeeping in ["DocumentInfo", "PrintingPreferences"] {
            if let Some(n) = el(root, bookkeeping) {
                self.use_all(n);
            }
        }
        let Some(learner) = el(root, "LearnerInfo") else {
            return l;
        };
        if let Some(docs) = el(learner, "Documentation") {
            self.use_all(docs);
        }
        if let Some(id) = el(learner, "Identification") {
            self.v3_identification(id, &mut l);
        }
        if let Some(list) = el(learner, "WorkExperienceList") {
            for w in all(list, "WorkExperience") {
                let e = self.v3_work(w);
                l.esperienze_lavorative.push(e);
            }
        }
        if let Some(list) = el(learner, "EducationList") {
            for ed in all(list, "Education") {
                self.v3_education(ed, &mut l);
            }
        }
        if let Some(skills) = el(learner, "Skills") {
            self.v3_skills(skills, &mut l);
        }
        if let Some(list) = el(learner, "AchievementList") {
            for a in all(list, "Achievement") {
                if at(a, &["Title", "Code"]).is_some_and(|c| text_of(c) == "courses") {
                    let titolo = self.text(a, &["Description"]);
                    if let Some(t) = el(a, "Title") {
                        self.use_all(t);
                    }
                    for line in html_items(&titolo) {
                        l.esperienze_formative.push(EsperienzaFormativa {
                            id: ItemId::new_random(),
                            titolo: line,
                            ..Default::default()
                        });
                    }
                }
            }
        }
        l
    }

    fn v3_identification(&mut self, id: Node, l: &mut Libretto) {
        let p = &mut l.dati_personali;
        p.nome = self.text(id, &["PersonName", "FirstName"]);
        p.cognome = self.text(id, &["PersonName", "Surname"]);
        if let Some(contact) = at(id, &["ContactInfo", "Address", "Contact"]) {
            p.residenza.indirizzo = self.text(contact, &["AddressLine"]);
            p.residenza.cap = self.text(contact, &["PostalCode"]);
            p.residenza.comune = self.text(contact, &["Municipality"]);
            self.italy(contact);
        }
        p.email = self.text(id, &["ContactInfo", "Email", "Contact"]);
        if let Some(phone) = at(id, &["ContactInfo", "TelephoneList", "Telephone"]) {
            p.telefono = self.text(phone, &["Contact"]);
            self.use_all(phone);
        }
        if let Some(demo) = el(id, "Demographics") {
            if let Some(birth) = self.v3_date(demo, &["Birthdate"]) {
                p.data_nascita = birth.to_date();
            }
            if let Some(code) = at(demo, &["Gender", "Code"]).map(text_of)
                && let Some(sex) = Sesso::from_code(&code)
            {
                p.sesso = Some(sex);
                self.use_all(el(demo, "Gender").unwrap_or(demo));
            }
            if let Some(first) = at(demo, &["NationalityList", "Nationality"]) {
                p.cittadinanza = self.text(first, &["Label"]);
                self.use_all(first);
            }
        }
    }

    /// A `Country` of code IT is what the Libretto assumes; another stays listed.
    fn italy(&mut self, contact: Node) {
        if let Some(country) = el(contact, "Country")
            && at(country, &["Code"]).is_some_and(|c| text_of(c).eq_ignore_ascii_case("IT"))
        {
            self.use_all(country);
        }
    }

    fn v3_period(&mut self, node: Node) -> (Option<PartialDate>, Option<PartialDate>, bool) {
        let from = self.v3_date(node, &["Period", "From"]);
        let to = self.v3_date(node, &["Period", "To"]);
        let current = self.text(node, &["Period", "Current"]) == "true";
        (from, to, current)
    }

    fn v3_work(&mut self, w: Node) -> EsperienzaLavorativa {
        if let Some(docs) = el(w, "Documentation") {
            self.use_all(docs);
        }
        let (inizio, fine, in_corso) = self.v3_period(w);
        let mut e = EsperienzaLavorativa {
            id: ItemId::new_random(),
            inizio,
            fine,
            in_corso,
            professione: CodiceOTesto::described(self.text(w, &["Position", "Label"])),
            mansioni: html_to_text(&self.text(w, &["Activities"])),
            datore: self.text(w, &["Employer", "Name"]),
            ..Default::default()
        };
        if let Some(contact) = at(w, &["Employer", "ContactInfo", "Address", "Contact"]) {
            e.comune_sede = self.text(contact, &["Municipality"]);
            self.italy(contact);
        }
        if let Some(sector) = at(w, &["Employer", "Sector"]) {
            // The NACE section's label says what its letter says.
            e.settore = CodiceOTesto::described(self.text(sector, &["Label"]));
            if !e.settore.descrizione.is_empty() {
                self.use_all(sector);
            }
        }
        e
    }

    fn v3_education(&mut self, ed: Node, l: &mut Libretto) {
        if let Some(docs) = el(ed, "Documentation") {
            self.use_all(docs);
        }
        let is_course = at(ed, &["Activities"]).is_some_and(|a| html_to_text(&text_of(a)) == COURSE);
        if is_course {
            let (inizio, fine, _) = self.v3_period(ed);
            self.text(ed, &["Activities"]);
            l.esperienze_formative.push(EsperienzaFormativa {
                id: ItemId::new_random(),
                titolo: self.text(ed, &["Title"]),
                ente: self.text(ed, &["Organisation", "Name"]),
                inizio,
                fine,
                ..Default::default()
            });
            return;
        }
        let to = self.v3_date(ed, &["Period", "To"]);
        let current = self.text(ed, &["Period", "Current"]) == "true";
        let level = at(ed, &["Level", "Code"])
            .and_then(|c| text_of(c).parse::<u8>().ok())
            .filter(|n| (1..=8).contains(n));
        if level.is_some()
            && let Some(n) = el(ed, "Level")
        {
            self.use_all(n);
        }
        let mut t = TitoloIstruzione {
            id: ItemId::new_random(),
            denominazione: self.text(ed, &["Title"]),
            livello_eqf: level,
            istituto: self.text(ed, &["Organisation", "Name"]),
            completato: to.is_some() && !current,
            anno: to,
            ..Default::default()
        };
        if let Some(contact) = at(ed, &["Organisation", "ContactInfo", "Address", "Contact"]) {
            t.luogo = self.text(contact, &["Municipality"]);
            self.italy(contact);
        }
        l.titoli_istruzione.push(t);
    }

    fn v3_skills(&mut self, skills: Node, l: &mut Libretto) {
        if let Some(ling) = el(skills, "Linguistic") {
            if let Some(list) = el(ling, "MotherTongueList") {
                for m in all(list, "MotherTongue") {
                    let lingua = self.text(m, &["Description", "Label"]);
                    if !lingua.is_empty() {
                        self.use_all(m);
                        l.lingue.push(Lingua {
                            id: ItemId::new_random(),
                            lingua,
                            madrelingua: true,
                            ..Default::default()
                        });
                    }
                }
            }
            if let Some(list) = el(ling, "ForeignLanguageList") {
                for f in all(list, "ForeignLanguage") {
                    let lingua = self.text(f, &["Description", "Label"]);
                    if lingua.is_empty() {
                        continue;
                    }
                    if let Some(d) = el(f, "Description") {
                        self.use_all(d);
                    }
                    let mut x = Lingua {
                        id: ItemId::new_random(),
                        lingua,
                        ..Default::default()
                    };
                    let level = |w: &mut Self, name: &str| {
                        let n = at(f, &["ProficiencyLevel", name])?;
                        let v = Cefr::from_code(&text_of(n))?;
                        w.use_all(n);
                        Some(v)
                    };
                    x.ascolto = level(self, "Listening");
                    x.lettura = level(self, "Reading");
                    x.interazione = level(self, "SpokenInteraction");
                    x.produzione_orale = level(self, "SpokenProduction");
                    x.scrittura = level(self, "Writing");
                    if let Some(verified) = el(f, "VerifiedBy") {
                        let titles: Vec<String> = all(verified, "Certificate")
                            .map(|c| self.text(c, &["Title"]))
                            .collect();
                        x.certificato = titles
                            .into_iter()
                            .filter(|t| !t.is_empty())
                            .collect::<Vec<_>>()
                            .join("; ");
                    }
                    l.lingue.push(x);
                }
            }
        }
        for (name, tipologia) in [
            ("Communication", Tipologia::Trasversale),
            ("Organisational", Tipologia::Trasversale),
            ("JobRelated", Tipologia::TecnicoProfessionale),
            ("Computer", Tipologia::Digitale),
            ("Other", Tipologia::Altro),
        ] {
            let Some(n) = el(skills, name) else { continue };
            for descrizione in html_items(&self.text(n, &["Description"])) {
                l.competenze.push(Competenza {
                    id: ItemId::new_random(),
                    tipologia: Some(tipologia),
                    descrizione,
                    ..Default::default()
                });
            }
        }
        if let Some(levels) = at(skills, &["Computer", "ProficiencyLevel"]) {
            let d = &mut l.competenze_digitali;
            for (name, slot) in [
                ("Information", &mut d.informazione),
                ("Communication", &mut d.comunicazione),
                ("ContentCreation", &mut d.creazione_contenuti),
                ("Safety", &mut d.sicurezza),
                ("ProblemSolving", &mut d.risoluzione_problemi),
            ] {
                if let Some(n) = el(levels, name)
                    && let Some(v) = LivelloDigitale::from_code(&text_of(n))
                {
                    *slot = Some(v);
                    self.use_all(n);
                }
            }
        }
        if let Some(driving) = at(skills, &["Driving", "Description"]) {
            for licence in all(driving, "Licence") {
                let code = text_of(licence);
                if let Some(p) = Patente::from_code(&code) {
                    if !l.patenti.categorie.contains(&p) {
                        l.patenti.categorie.push(p);
                    }
                    self.use_all(licence);
                }
            }
        }
    }

    /// The 2020+ format: person, employment, education, languages, digital skills, licences,
    /// certifications (§9.2).
    fn candidate(&mut self, root: Node) -> Libretto {
        let mut l = Libretto::default();
        for bookkeeping in ["DocumentID", "CandidateSupplier", "RenderingInformation"] {
            for n in all(root, bookkeeping) {
                self.use_all(n);
            }
        }
        if let Some(person) = el(root, "CandidatePerson") {
            self.candidate_person(person, &mut l);
        }
        let Some(profile) = el(root, "CandidateProfile") else {
            return l;
        };
        if let Some(id) = el(profile, "ID") {
            self.use_all(id);
        }
        if let Some(history) = el(profile, "EmploymentHistory") {
            for employer in all(history, "EmployerHistory") {
                let datore = self.text(employer, &["OrganizationName"]);
                let mut comune = self.text(
                    employer,
                    &["OrganizationContact", "Communication", "Address", "CityName"],
                );
                if let Some(address) = at(employer, &["OrganizationContact", "Communication", "Address"]) {
                    self.italian_code(address, "CountryCode");
                }
                let settore = self.text(employer, &["IndustryCode"]);
                for position in all(employer, "PositionHistory") {
                    let (inizio, fine, in_corso) =
                        self.candidate_period(position, "EmploymentPeriod", "CurrentIndicator");
                    // The position's city, when it is the employer's, says nothing more.
                    let city = at(position, &["City"]).map(text_of).unwrap_or_default();
                    if comune.is_empty() || city == comune {
                        comune = self.text(position, &["City"]);
                    }
                    self.italian_code(position, "Country");
                    l.esperienze_lavorative.push(EsperienzaLavorativa {
                        id: ItemId::new_random(),
                        datore: datore.clone(),
                        comune_sede: comune.clone(),
                        settore: CodiceOTesto {
                            codice: settore.clone(),
                            descrizione: String::new(),
                        },
                        professione: CodiceOTesto::described(self.text(position, &["PositionTitle"])),
                        mansioni: html_to_text(&self.text(position, &["Description"])),
                        inizio,
                        fine,
                        in_corso,
                        ..Default::default()
                    });
                }
            }
        }
        if let Some(history) = el(profile, "EducationHistory") {
            for attendance in all(history, "EducationOrganizationAttendance") {
                let (_, fine, ongoing) = self.candidate_period(attendance, "AttendancePeriod", "Ongoing");
                let level = at(attendance, &["EducationLevelCode"])
                    .and_then(|c| text_of(c).parse::<u8>().ok())
                    .filter(|n| (1..=8).contains(n));
                if level.is_some() {
                    self.text(attendance, &["EducationLevelCode"]);
                }
                let mut t = TitoloIstruzione {
                    id: ItemId::new_random(),
                    denominazione: self.text(attendance, &["EducationDegree", "DegreeName"]),
                    istituto: self.text(attendance, &["OrganizationName"]),
                    livello_eqf: level,
                    completato: fine.is_some() && !ongoing,
                    anno: fine,
                    votazione: self.text(attendance, &["EducationDegree", "FinalGrade", "ScoreText"]),
                    ..Default::default()
                };
                if let Some(address) = at(attendance, &["OrganizationContact", "Communication", "Address"]) {
                    t.luogo = self.text(address, &["CityName"]);
                    self.italian_code(address, "CountryCode");
                }
                l.titoli_istruzione.push(t);
            }
        }
        if let Some(licences) = el(profile, "Licenses") {
            for licence in all(licences, "License") {
                if let Some(code) = at(licence, &["LicenseTypeCode"])
                    && let Some(p) = Patente::from_code(&text_of(code))
                {
                    if !l.patenti.categorie.contains(&p) {
                        l.patenti.categorie.push(p);
                    }
                    self.use_all(licence);
                }
            }
        }
        if let Some(certs) = el(profile, "Certifications") {
            for c in all(certs, "Certification") {
                let fine =
                    at(c, &["FirstIssuedDate", "FormattedDateTime"]).and_then(|n| text_of(n).parse().ok());
                if fine.is_some() {
                    self.text(c, &["FirstIssuedDate"]);
                }
                l.esperienze_formative.push(EsperienzaFormativa {
                    id: ItemId::new_random(),
                    titolo: self.text(c, &["CertificationName"]),
                    ente: self.text(c, &["IssuingAuthority", "Name"]),
                    fine,
                    ..Default::default()
                });
            }
        }
        if let Some(qualifications) = el(profile, "PersonQualifications") {
            for competency in all(qualifications, "PersonCompetency") {
                if at(competency, &["TaxonomyID"]).is_some_and(|t| text_of(t) == "language") {
                    self.text(competency, &["TaxonomyID"]);
                    let lingua = self.text(competency, &["CompetencyID"]);
                    let x = self.candidate_language(competency, lingua);
                    l.lingue.push(x);
                }
            }
        }
        if let Some(skills) = el(profile, "Skills") {
            let loose = all(skills, "PersonCompetency");
            let grouped = all(skills, "SkillsGroup").flat_map(|g| all(g, "PersonCompetency"));
            let competencies: Vec<Node> = loose.chain(grouped).collect();
            for competency in competencies {
                let descrizione = self.text(competency, &["CompetencyName"]);
                if descrizione.is_empty() {
                    continue;
                }
                self.text(competency, &["TaxonomyID"]);
                l.competenze.push(Competenza {
                    id: ItemId::new_random(),
                    tipologia: Some(Tipologia::Digitale),
                    descrizione,
                    ..Default::default()
                });
            }
        }
        l
    }

    fn candidate_person(&mut self, person: Node, l: &mut Libretto) {
        let p = &mut l.dati_personali;
        p.nome = self.text(person, &["PersonName", "GivenName"]);
        p.cognome = self.text(person, &["PersonName", "FamilyName"]);
        for comm in all(person, "Communication") {
            let channel = at(comm, &["ChannelCode"]).map(text_of).unwrap_or_default();
            if channel == "Email" && p.email.is_empty() {
                p.email = self.text(comm, &["URI"]);
                self.use_all(comm);
            } else if channel == "Telephone" && p.telefono.is_empty() {
                let prefix = self.text(comm, &["CountryDialing"]);
                let number = self.text(comm, &["DialNumber"]);
                p.telefono = if prefix.is_empty() {
                    number
                } else {
                    format!("+{prefix} {number}")
                };
                self.use_all(comm);
            } else if let Some(address) = el(comm, "Address")
                && p.residenza.comune.is_empty()
            {
                p.residenza.indirizzo = self.text(address, &["AddressLine"]);
                p.residenza.comune = self.text(address, &["CityName"]);
                p.residenza.cap = self.text(address, &["PostalCode"]);
                self.italian_code(address, "CountryCode");
                // How the address is used (home, work) says nothing the Libretto keeps.
                self.text(comm, &["UseCode"]);
            }
        }
        // A whole date within the years a Libretto holds; a year or month alone stays listed.
        if let Some(n) = el(person, "BirthDate")
            && let Some(d) = text_of(n).parse::<PartialDate>().ok().and_then(|d| d.to_date())
        {
            p.data_nascita = Some(d);
            self.use_all(n);
        }
        if let Some(n) = el(person, "GenderCode") {
            p.sesso = match text_of(n).to_ascii_lowercase().as_str() {
                "female" | "f" => Some(Sesso::F),
                "male" | "m" => Some(Sesso::M),
                _ => None,
            };
            if p.sesso.is_some() {
                self.use_all(n);
            }
        }
        if let Some(n) = el(person, "NationalityCode") {
            let code = text_of(n);
            p.cittadinanza = if code.eq_ignore_ascii_case("it") {
                "Italiana".into()
            } else {
                code.to_ascii_uppercase()
            };
            self.use_all(n);
        }
        for mother in all(person, "PrimaryLanguageCode") {
            let lingua = text_of(mother);
            if !lingua.is_empty() {
                self.use_all(mother);
                l.lingue.push(Lingua {
                    id: ItemId::new_random(),
                    lingua,
                    madrelingua: true,
                    ..Default::default()
                });
            }
        }
    }

    /// A country code of IT is what the Libretto assumes; another stays listed.
    fn italian_code(&mut self, node: Node, name: &str) {
        if let Some(code) = el(node, name)
            && text_of(code).eq_ignore_ascii_case("it")
        {
            self.use_all(code);
        }
    }

    fn candidate_language(&mut self, competency: Node, lingua: String) -> Lingua {
        let mut x = Lingua {
            id: ItemId::new_random(),
            lingua,
            ..Default::default()
        };
        for dim in all(competency, "CompetencyDimension") {
            let kind = at(dim, &["CompetencyDimensionTypeCode"])
                .map(text_of)
                .unwrap_or_default();
            let Some(level) = at(dim, &["Score", "ScoreText"]).and_then(|s| Cefr::from_code(&text_of(s)))
            else {
                continue;
            };
            let slot = match kind.as_str() {
                "CEF-Understanding-Listening" => &mut x.ascolto,
                "CEF-Understanding-Reading" => &mut x.lettura,
                "CEF-Speaking-Interaction" => &mut x.interazione,
                "CEF-Speaking-Production" => &mut x.produzione_orale,
                "CEF-Writing-Production" | "CEF-Writing-Interaction" => &mut x.scrittura,
                _ => continue,
            };
            // Two writing dimensions fill one: the lower level is kept.
            if slot.is_none_or(|have| level < have) {
                *slot = Some(level);
            }
            self.use_all(dim);
        }
        x
    }

    fn candidate_period(
        &mut self,
        node: Node,
        name: &str,
        ongoing: &str,
    ) -> (Option<PartialDate>, Option<PartialDate>, bool) {
        let date = |w: &mut Self, which: &str| {
            let n = at(node, &[name, which, "FormattedDateTime"])?;
            let text = text_of(n);
            // `YYYY-MM-DDThh:mm:ss` is allowed too (BR-COM-06): the day is what is kept.
            let d: PartialDate = text.get(..10).unwrap_or(&text).parse().ok()?;
            w.use_all(n);
            Some(d)
        };
        let from = date(self, "StartDate");
        let to = date(self, "EndDate");
        let current = self.text(node, &[name, ongoing]) == "true";
        (from, to, current)
    }

    /// Every value no mapping used: leaf elements' text (or attributes), with their path.
    fn leftovers(&self, root: Node, format: EuropassFormat) -> Vec<LeftOut> {
        let mut out = Vec::new();
        self.collect(root, &mut Vec::new(), format, &mut out);
        out
    }

    /// `path`: the elements from below the root down to `node`, each with its index among
    /// same-named siblings.
    fn collect(
        &self,
        node: Node,
        path: &mut Vec<(String, usize)>,
        format: EuropassFormat,
        out: &mut Vec<LeftOut>,
    ) {
        if self.used.contains(&node.id()) {
            return;
        }
        let children: Vec<Node> = node.children().filter(Node::is_element).collect();
        if children.is_empty() {
            self.leaf(node, path, format, out);
            return;
        }
        let mut counts: Vec<(&str, usize)> = Vec::new();
        for child in children {
            let name = child.tag_name().name();
            let index = match counts.iter_mut().find(|(n, _)| *n == name) {
                Some((_, count)) => {
                    *count += 1;
                    *count - 1
                }
                None => {
                    counts.push((name, 1));
                    0
                }
            };
            path.push((name.to_owned(), index));
            self.collect(child, path, format, out);
            path.pop();
        }
    }

    fn leaf(&self, node: Node, path: &[(String, usize)], format: EuropassFormat, out: &mut Vec<LeftOut>) {
        let name = node.tag_name().name();
        // Embedded bytes are listed through their file's name and type, not as base64.
        if name == "Data" || name == "EmbeddedData" {
            return;
        }
        let mut value = text_of(node);
        if value.is_empty() {
            value = node
                .attributes()
                .map(|a| format!("{}={}", a.name(), a.value()))
                .collect::<Vec<_>>()
                .join(" ");
        }
        let (section, item) = section_of(path, format);
        let parent = path.len().checked_sub(2).map(|i| path[i].0.as_str());
        let field = match parent {
            Some(parent)
                if matches!(
                    name,
                    "Label" | "Code" | "Contact" | "Description" | "Title" | "Name"
                ) =>
            {
                format!("{parent}/{name}")
            }
            _ => name.to_owned(),
        };
        let full = path
            .iter()
            .map(|(n, i)| format!("{n}[{i}]"))
            .collect::<Vec<_>>()
            .join("/");
        out.extend(LeftOut::new(full, section, item, &field, &value));
    }
}

/// The CV section a path is in, and which entry of it (counted from 1).
fn section_of(path: &[(String, usize)], format: EuropassFormat) -> (CvSection, Option<usize>) {
    let entry = |names: &[&str]| {
        path.iter()
            .find(|(n, _)| names.contains(&n.as_str()))
            .map(|(_, i)| i + 1)
    };
    let has = |name: &str| path.iter().any(|(n, _)| n == name);
    let pairs: &[(&str, CvSection)] = match format {
        EuropassFormat::V3 => &[
            ("WorkExperience", CvSection::Work),
            ("Education", CvSection::Education),
            ("Linguistic", CvSection::Languages),
            ("Skills", CvSection::Skills),
            ("Achievement", CvSection::Other),
            ("Attachment", CvSection::Attachments),
            ("Identification", CvSection::Personal),
            ("Headline", CvSection::Personal),
        ],
        EuropassFormat::Candidate => &[
            ("EmployerHistory", CvSection::Work),
            ("EducationOrganizationAttendance", CvSection::Education),
            ("Certification", CvSection::Certificates),
            ("VoluntaryWork", CvSection::Volunteer),
            ("PersonCompetency", CvSection::Skills),
            ("Attachment", CvSection::Attachments),
            ("CandidatePerson", CvSection::Personal),
        ],
    };
    for (name, section) in pairs {
        if has(name) {
            let item = match section {
                CvSection::Personal | CvSection::Skills | CvSection::Languages => None,
                _ => entry(&[name]),
            };
            return (*section, item);
        }
    }
    (CvSection::Other, None)
}

/// v3 descriptions are HTML: paragraphs and list items become lines, other tags go.
fn html_to_text(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        let Some(end) = rest[start..].find('>') else {
            rest = &rest[start..];
            break;
        };
        let tag = rest[start + 1..start + end].trim().to_ascii_lowercase();
        if tag.starts_with("li") {
            out.push_str("\n• ");
        } else if tag == "/p" || tag.starts_with("br") || tag == "/ul" || tag == "/ol" {
            out.push('\n');
        }
        rest = &rest[start + end + 1..];
    }
    out.push_str(rest);
    let text = out
        .replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    text.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty() && l != "•")
        .collect::<Vec<_>>()
        .join("\n")
}

/// The `<li>` items of an HTML description, or its text as one item.
fn html_items(html: &str) -> Vec<String> {
    let text = html_to_text(html);
    if text.lines().all(|l| l.starts_with("• ")) {
        text.lines()
            .map(|l| l.trim_start_matches("• ").to_owned())
            .collect()
    } else if text.is_empty() {
        Vec::new()
    } else {
        vec![text]
    }
}

/// The Libretto as a Europass v3.4 CV.
pub fn export(l: &Libretto, now: DateTime<Utc>) -> String {
    let mut x = Xml::default();
    x.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    x.open(&format!("SkillsPassport xmlns=\"{NAMESPACE_V3}\" locale=\"it\""));
    let stamp = now.to_rfc3339_opts(SecondsFormat::Millis, true);
    x.wrap("DocumentInfo", |x| {
        x.leaf("DocumentType", "ECV");
        x.leaf("CreationDate", &stamp);
        x.leaf("LastUpdateDate", &stamp);
        x.leaf("XSDVersion", "V3.4");
        x.leaf("Generator", "Sportello");
    });
    x.wrap("LearnerInfo", |x| {
        let p = &l.dati_personali;
        x.wrap("Identification", |x| {
            x.wrap("PersonName", |x| {
                x.leaf("FirstName", &p.nome);
                x.leaf("Surname", &p.cognome);
            });
            x.wrap("ContactInfo", |x| {
                let r = &p.residenza;
                if !(r.indirizzo.trim().is_empty() && r.cap.trim().is_empty() && r.comune.trim().is_empty()) {
                    x.wrap("Address", |x| {
                        x.wrap("Contact", |x| {
                            x.leaf("AddressLine", &r.indirizzo);
                            x.leaf("PostalCode", &r.cap);
                            x.leaf("Municipality", &r.comune);
                            x.wrap("Country", |x| x.leaf("Code", "IT"));
                        })
                    });
                }
                if !p.email.trim().is_empty() {
                    x.wrap("Email", |x| x.leaf("Contact", &p.email));
                }
                if !p.telefono.trim().is_empty() {
                    x.wrap("TelephoneList", |x| {
                        x.wrap("Telephone", |x| x.leaf("Contact", &p.telefono))
                    });
                }
            });
            x.wrap("Demographics", |x| {
                if let Some(d) = p.data_nascita {
                    x.date("Birthdate", &PartialDate::from(d));
                }
                if let Some(s) = p.sesso {
                    x.wrap("Gender", |x| x.leaf("Code", s.code()));
                }
                if !p.cittadinanza.trim().is_empty() {
                    x.wrap("NationalityList", |x| {
                        x.wrap("Nationality", |x| x.leaf("Label", &p.cittadinanza))
                    });
                }
            });
        });
        if !l.esperienze_lavorative.is_empty() {
            x.wrap("WorkExperienceList", |x| {
                for e in &l.esperienze_lavorative {
                    x.wrap("WorkExperience", |x| {
                        x.period(
                            e.inizio.as_ref(),
                            if e.in_corso { None } else { e.fine.as_ref() },
                            e.in_corso,
                        );
                        x.wrap("Position", |x| x.leaf("Label", &e.professione.descrizione));
                        x.leaf("Activities", &html_paragraphs(&e.mansioni));
                        x.wrap("Employer", |x| {
                            x.leaf("Name", &e.datore);
                            if !e.comune_sede.trim().is_empty() {
                                x.wrap("ContactInfo", |x| {
                                    x.wrap("Address", |x| {
                                        x.wrap("Contact", |x| x.leaf("Municipality", &e.comune_sede))
                                    })
                                });
                            }
                            if !e.settore.descrizione.trim().is_empty() {
                                x.wrap("Sector", |x| x.leaf("Label", &e.settore.descrizione));
                            }
                        });
                    });
                }
            });
        }
        if !(l.titoli_istruzione.is_empty() && l.esperienze_formative.is_empty()) {
            x.wrap("EducationList", |x| {
                for t in &l.titoli_istruzione {
                    x.wrap("Education", |x| {
                        if t.completato
                            && let Some(anno) = &t.anno
                        {
                            x.period(None, Some(anno), false);
                        }
                        x.leaf("Title", &t.denominazione);
                        x.wrap("Organisation", |x| {
                            x.leaf("Name", &t.istituto);
                            if !t.luogo.trim().is_empty() {
                                x.wrap("ContactInfo", |x| {
                                    x.wrap("Address", |x| {
                                        x.wrap("Contact", |x| x.leaf("Municipality", &t.luogo))
                                    })
                                });
                            }
                        });
                        if let Some(level) = t.livello_eqf {
                            x.wrap("Level", |x| x.leaf("Code", &level.to_string()));
                        }
                    });
                }
                for c in &l.esperienze_formative {
                    x.wrap("Education", |x| {
                        x.period(c.inizio.as_ref(), c.fine.as_ref(), false);
                        x.leaf("Title", &c.titolo);
                        x.leaf("Activities", &html_paragraphs(COURSE));
                        x.wrap("Organisation", |x| x.leaf("Name", &c.ente));
                    });
                }
            });
        }
        x.wrap("Skills", |x| {
            let (native, foreign): (Vec<&Lingua>, Vec<&Lingua>) = l
                .lingue
                .iter()
                .filter(|g| !g.lingua.trim().is_empty())
                .partition(|g| g.madrelingua);
            if !(native.is_empty() && foreign.is_empty()) {
                x.wrap("Linguistic", |x| {
                    if !native.is_empty() {
                        x.wrap("MotherTongueList", |x| {
                            for g in &native {
                                x.wrap("MotherTongue", |x| {
                                    x.wrap("Description", |x| x.leaf("Label", &g.lingua))
                                });
                            }
                        });
                    }
                    if !foreign.is_empty() {
                        x.wrap("ForeignLanguageList", |x| {
                            for g in &foreign {
                                x.wrap("ForeignLanguage", |x| {
                                    x.wrap("Description", |x| x.leaf("Label", &g.lingua));
                                    x.wrap("ProficiencyLevel", |x| {
                                        for (name, v) in [
                                            ("Listening", g.ascolto),
                                            ("Reading", g.lettura),
                                            ("SpokenInteraction", g.interazione),
                                            ("SpokenProduction", g.produzione_orale),
                                            ("Writing", g.scrittura),
                                        ] {
                                            if let Some(v) = v {
                                                x.leaf(name, v.code());
                                            }
                                        }
                                    });
                                    if !g.certificato.trim().is_empty() {
                                        x.wrap("VerifiedBy", |x| {
                                            for title in g.certificato.split("; ") {
                                                x.wrap("Certificate", |x| x.leaf("Title", title));
                                            }
                                        });
                                    }
                                });
                            }
                        });
                    }
                });
            }
            let of = |kind: &[Option<Tipologia>]| -> Vec<&str> {
                l.competenze
                    .iter()
                    .filter(|c| kind.contains(&c.tipologia) && !c.descrizione.trim().is_empty())
                    .map(|c| c.descrizione.trim())
                    .collect()
            };
            let described_list = |x: &mut Xml, name: &str, items: Vec<&str>| {
                if !items.is_empty() {
                    x.wrap(name, |x| x.leaf("Description", &html_list(&items)));
                }
            };
            described_list(x, "Organisational", of(&[Some(Tipologia::Trasversale)]));
            described_list(x, "JobRelated", of(&[Some(Tipologia::TecnicoProfessionale)]));
            let digital = of(&[Some(Tipologia::Digitale)]);
            let d = &l.competenze_digitali;
            let levels = [
                ("Information", d.informazione),
                ("Communication", d.comunicazione),
                ("ContentCreation", d.creazione_contenuti),
                ("Safety", d.sicurezza),
                ("ProblemSolving", d.risoluzione_problemi),
            ];
            if !digital.is_empty() || levels.iter().any(|(_, v)| v.is_some()) {
                x.wrap("Computer", |x| {
                    if !digital.is_empty() {
                        x.leaf("Description", &html_list(&digital));
                    }
                    x.wrap("ProficiencyLevel", |x| {
                        for (name, v) in levels {
                            if let Some(v) = v {
                                x.leaf(name, v.code());
                            }
                        }
                    });
                });
            }
            if !l.patenti.categorie.is_empty() {
                x.wrap("Driving", |x| {
                    x.wrap("Description", |x| {
                        for p in &l.patenti.categorie {
                            x.leaf("Licence", p.code());
                        }
                    })
                });
            }
            described_list(
                x,
                "Other",
                of(&[Some(Tipologia::Altro), Some(Tipologia::Linguistica), None]),
            );
        });
    });
    x.close("SkillsPassport");
    x.out
}

/// Paragraphs of plain text as the HTML a v3 description holds.
fn html_paragraphs(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| format!("<p>{}</p>", escape(l)))
        .collect()
}

fn html_list(items: &[&str]) -> String {
    let items: String = items.iter().map(|i| format!("<li>{}</li>", escape(i))).collect();
    format!("<ul>{items}</ul>")
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// A small indenting XML writer: empty leaves are not written.
#[derive(Default)]
struct Xml {
    out: String,
    depth: usize,
}

impl Xml {
    fn raw(&mut self, s: &str) {
        self.out.push_str(s);
    }

    fn indent(&mut self) {
        for _ in 0..self.depth {
            self.out.push_str("  ");
        }
    }

    /// Opens `tag` (a name, with attributes if any) on its own line.
    fn open(&mut self, tag: &str) {
        self.indent();
        self.out.push_str(&format!("<{tag}>\n"));
        self.depth += 1;
    }

    fn close(&mut self, name: &str) {
        self.depth = self.depth.saturating_sub(1);
        self.indent();
        self.out.push_str(&format!("</{name}>\n"));
    }

    fn wrap(&mut self, name: &str, inner: impl FnOnce(&mut Self)) {
        self.open(name);
        inner(self);
        self.close(name);
    }

    fn leaf(&mut self, name: &str, text: &str) {
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        self.indent();
        self.out.push_str(&format!("<{name}>{}</{name}>\n", escape(text)));
    }

    fn date(&mut self, name: &str, d: &PartialDate) {
        let (day, month, year) = d.parts();
        self.indent();
        self.out.push_str(&format!("<{name} year=\"{year}\""));
        if !month.is_empty() {
            self.out.push_str(&format!(" month=\"--{month:0>2}\""));
        }
        if !day.is_empty() {
            self.out.push_str(&format!(" day=\"---{day:0>2}\""));
        }
        self.out.push_str("/>\n");
    }

    fn period(&mut self, from: Option<&PartialDate>, to: Option<&PartialDate>, current: bool) {
        if from.is_none() && to.is_none() && !current {
            return;
        }
        self.wrap("Period", |x| {
            if let Some(f) = from {
                x.date("From", f);
            }
            if let Some(t) = to {
                x.date("To", t);
            }
            if current {
                x.leaf("Current", "true");
            }
        });
    }
}
