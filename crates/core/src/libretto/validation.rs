//! What is wrong or doubtful in a Libretto, field by field.
//!
//! Validation never changes data and never refuses to keep it: the citizen's answers are
//! saved as typed, and these findings tell them what to fix. An **error** is a missing
//! required answer (the "M" fields of `domain-libretto.md` §3, a proposal [U]) or a value that
//! cannot be right; a **warning** is something to double-check that may well be legitimate
//! (a codice fiscale that does not match the name, because of omocodia or a transliterated
//! name, §8.7). Each finding names its section, its entry and its field, and carries a code
//! that the UI turns into a sentence in the citizen's language.

use chrono::NaiveDate;
use serde::Serialize;

use super::{
    Competenza, DatiPersonali, Entry, EsperienzaFormativa, EsperienzaLavorativa, Evidenza, Indirizzo, ItemId,
    Libretto, Lingua, PartialDate, Section, TitoloIstruzione,
};
use crate::belfiore::Table;
use crate::codice_fiscale::{self, CfError, CodiceFiscale};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Error,
    Warning,
}

/// What a finding is about; `key()` names its message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Code {
    Required,
    EndBeforeStart,
    InFuture,
    EndWhileOngoing,
    CfLength,
    CfCharacter,
    CfCheckCharacter,
    CfMonth,
    CfDay,
    CfPlace,
    CfCheckDigit,
    CfBirthDateMismatch,
    CfSexMismatch,
    CfSurnameMismatch,
    CfNameMismatch,
    CfPlaceUnknown,
    CfPlaceNotInUse,
    BirthplaceMismatch,
    BirthplaceUnknown,
    EmailInvalid,
    PhoneInvalid,
    CapInvalid,
    ProvinciaInvalid,
    EmployerCodeInvalid,
    AtecoInvalid,
    CpIstatInvalid,
    EqfInvalid,
    LanguageLevelsMissing,
    DurationUnitMissing,
    DurationInvalid,
    PermitExpired,
    LinkBroken,
    NoExperienceLinked,
}

impl Code {
    /// The suffix of the translation key (`finding_<key>`).
    pub fn key(self) -> &'static str {
        match self {
            Self::Required => "required",
            Self::EndBeforeStart => "end_before_start",
            Self::InFuture => "in_future",
            Self::EndWhileOngoing => "end_while_ongoing",
            Self::CfLength => "cf_length",
            Self::CfCharacter => "cf_character",
            Self::CfCheckCharacter => "cf_check_character",
            Self::CfMonth => "cf_month",
            Self::CfDay => "cf_day",
            Self::CfPlace => "cf_place",
            Self::CfCheckDigit => "cf_check_digit",
            Self::CfBirthDateMismatch => "cf_birth_date_mismatch",
            Self::CfSexMismatch => "cf_sex_mismatch",
            Self::CfSurnameMismatch => "cf_surname_mismatch",
            Self::CfNameMismatch => "cf_name_mismatch",
            Self::CfPlaceUnknown => "cf_place_unknown",
            Self::CfPlaceNotInUse => "cf_place_not_in_use",
            Self::BirthplaceMismatch => "birthplace_mismatch",
            Self::BirthplaceUnknown => "birthplace_unknown",
            Self::EmailInvalid => "email_invalid",
            Self::PhoneInvalid => "phone_invalid",
            Self::CapInvalid => "cap_invalid",
            Self::ProvinciaInvalid => "provincia_invalid",
            Self::EmployerCodeInvalid => "employer_code_invalid",
            Self::AtecoInvalid => "ateco_invalid",
            Self::CpIstatInvalid => "cp_istat_invalid",
            Self::EqfInvalid => "eqf_invalid",
            Self::LanguageLevelsMissing => "language_levels_missing",
            Self::DurationUnitMissing => "duration_unit_missing",
            Self::DurationInvalid => "duration_invalid",
            Self::PermitExpired => "permit_expired",
            Self::LinkBroken => "link_broken",
            Self::NoExperienceLinked => "no_experience_linked",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub section: Section,
    /// The entry of a repeated section; `None` for single-form sections.
    pub item: Option<ItemId>,
    /// The field, as the screens name their inputs (`campo-<field>`).
    pub field: &'static str,
    pub code: Code,
    pub severity: Severity,
    /// A value the message needs, e.g. the expected check character.
    pub detail: Option<String>,
}

/// Collects findings for one section and entry.
struct Sink<'a> {
    out: &'a mut Vec<Finding>,
    section: Section,
    item: Option<ItemId>,
}

impl Sink<'_> {
    fn push(&mut self, field: &'static str, code: Code, severity: Severity, detail: Option<String>) {
        self.out.push(Finding {
            section: self.section,
            item: self.item.clone(),
            field,
            code,
            severity,
            detail,
        });
    }

    fn error(&mut self, field: &'static str, code: Code) {
        self.push(field, code, Severity::Error, None);
    }

    fn warning(&mut self, field: &'static str, code: Code) {
        self.push(field, code, Severity::Warning, None);
    }

    fn required(&mut self, field: &'static str, value: &str) {
        if value.trim().is_empty() {
            self.error(field, Code::Required);
        }
    }

    fn required_some<T>(&mut self, field: &'static str, value: &Option<T>) {
        if value.is_none() {
            self.error(field, Code::Required);
        }
    }

    fn not_future(&mut self, field: &'static str, date: Option<&PartialDate>, today: NaiveDate) {
        if date.is_some_and(|d| d.certainly_after(today)) {
            self.error(field, Code::InFuture);
        }
    }

    fn period(&mut self, inizio: Option<&PartialDate>, fine: Option<&PartialDate>, today: NaiveDate) {
        self.not_future("inizio", inizio, today);
        self.not_future("fine", fine, today);
        if let (Some(a), Some(b)) = (inizio, fine)
            && b.certainly_before(a)
        {
            self.error("fine", Code::EndBeforeStart);
        }
    }

    fn links(&mut self, field: &'static str, ids: &[ItemId], known: &[&ItemId]) {
        if ids.iter().any(|id| !known.contains(&id)) {
            self.error(field, Code::LinkBroken);
        }
    }
}

/// Every finding in the Libretto, in screen order.
pub fn validate(libretto: &Libretto, today: NaiveDate) -> Vec<Finding> {
    let mut out = Vec::new();
    dati_personali(&libretto.dati_personali, today, &mut out);
    let evidence_ids: Vec<&ItemId> = libretto.evidenze.iter().map(|e| &e.id).collect();
    let experience_ids: Vec<&ItemId> = libretto
        .esperienze_lavorative
        .iter()
        .map(|e| &e.id)
        .chain(libretto.titoli_istruzione.iter().map(|t| &t.id))
        .chain(libretto.esperienze_formative.iter().map(|c| &c.id))
        .collect();
    for e in &libretto.esperienze_lavorative {
        let mut s = sink::<EsperienzaLavorativa>(&mut out, e);
        esperienza_lavorativa(e, today, &mut s);
        s.links("evidenze", &e.evidenze, &evidence_ids);
    }
    for t in &libretto.titoli_istruzione {
        let mut s = sink::<TitoloIstruzione>(&mut out, t);
        titolo(t, today, &mut s);
        s.links("evidenze", &t.evidenze, &evidence_ids);
    }
    for c in &libretto.esperienze_formative {
        let mut s = sink::<EsperienzaFormativa>(&mut out, c);
        corso(c, today, &mut s);
        s.links("evidenze", &c.evidenze, &evidence_ids);
    }
    for l in &libretto.lingue {
        lingua(l, &mut sink::<Lingua>(&mut out, l));
    }
    for c in &libretto.competenze {
        let mut s = sink::<Competenza>(&mut out, c);
        competenza(c, &mut s);
        s.links("esperienze", &c.esperienze, &experience_ids);
        s.links("evidenze", &c.evidenze, &evidence_ids);
    }
    for e in &libretto.evidenze {
        evidenza(e, today, &mut sink::<Evidenza>(&mut out, e));
    }
    out
}

/// Only the findings about one entry (or, with `None`, a single-form section).
pub fn for_entry<'a>(
    findings: &'a [Finding],
    section: Section,
    item: Option<&'a ItemId>,
) -> impl Iterator<Item = &'a Finding> + 'a {
    findings
        .iter()
        .filter(move |f| f.section == section && f.item.as_ref() == item)
}

fn sink<'a, E: Entry>(out: &'a mut Vec<Finding>, entry: &E) -> Sink<'a> {
    Sink {
        out,
        section: E::SECTION,
        item: Some(entry.id().clone()),
    }
}

fn dati_personali(p: &DatiPersonali, today: NaiveDate, out: &mut Vec<Finding>) {
    if p.is_empty() {
        return;
    }
    let mut s = Sink {
        out,
        section: Section::DatiPersonali,
        item: None,
    };
    s.required("nome", &p.nome);
    s.required("cognome", &p.cognome);
    s.required_some("data_nascita", &p.data_nascita);
    if p.data_nascita.is_some_and(|d| d > today) {
        s.error("data_nascita", Code::InFuture);
    }
    s.required("luogo_nascita", &p.luogo_nascita);
    s.required("cittadinanza", &p.cittadinanza);
    codice_fiscale(p, &mut s);
    indirizzo(&p.residenza, "residenza", true, &mut s);
    if let Some(d) = &p.domicilio {
        indirizzo(d, "domicilio", false, &mut s);
    }
    if !p.email.trim().is_empty() && !plausible_email(p.email.trim()) {
        s.error("email", Code::EmailInvalid);
    }
    if !p.telefono.trim().is_empty() && !plausible_phone(&p.telefono) {
        s.error("telefono", Code::PhoneInvalid);
    }
    if let Some(permit) = &p.titolo_soggiorno
        && permit.scadenza.is_some_and(|d| d < today)
    {
        s.warning("soggiorno_scadenza", Code::PermitExpired);
    }
}

fn codice_fiscale(p: &DatiPersonali, s: &mut Sink<'_>) {
    if p.codice_fiscale.trim().is_empty() {
        s.error("codice_fiscale", Code::Required);
        return;
    }
    match CodiceFiscale::parse(&p.codice_fiscale) {
        Err(e) => {
            let (code, detail) = match e {
                CfError::Length => (Code::CfLength, None),
                CfError::Character { position } => (Code::CfCharacter, Some(position.to_string())),
                CfError::CheckCharacter { expected } => (Code::CfCheckCharacter, Some(expected.to_string())),
                CfError::Month => (Code::CfMonth, None),
                CfError::Day => (Code::CfDay, None),
                CfError::Place | CfError::UnknownPlace | CfError::PlaceNotInUse => (Code::CfPlace, None),
                CfError::CheckDigit { expected } => (Code::CfCheckDigit, Some(expected.to_string())),
            };
            s.push("codice_fiscale", code, Severity::Error, detail);
        }
        Ok(CodiceFiscale::Temporary { .. }) => {}
        Ok(CodiceFiscale::Personal {
            code,
            birth_date,
            sex,
            ..
        }) => {
            // Soft cross-check (§8.7): only warnings, never blocking a formally valid code.
            if !p.cognome.trim().is_empty() && codice_fiscale::surname_code(&p.cognome) != code[0..3] {
                s.warning("codice_fiscale", Code::CfSurnameMismatch);
            }
            if !p.nome.trim().is_empty() && codice_fiscale::name_code(&p.nome) != code[3..6] {
                s.warning("codice_fiscale", Code::CfNameMismatch);
            }
            if p.data_nascita.is_some_and(|d| d != birth_date) {
                s.warning("codice_fiscale", Code::CfBirthDateMismatch);
            }
            if p.sesso.is_some_and(|x| x != sex) {
                s.warning("codice_fiscale", Code::CfSexMismatch);
            }
        }
    }
}

/// The checks the Belfiore table allows, once it is at hand: warnings only, because a comune
/// created after the table was made is real even if the table does not know it yet.
/// - the code's place is no comune or foreign state (`M999`);
/// - it was not in use on the date of birth the code gives;
/// - the place of birth typed is no comune or state the table knows (`detail`: as typed);
/// - the place of birth typed does not name the code's place (`detail`: the table's name).
pub fn validate_places(p: &DatiPersonali, places: &Table) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut s = Sink {
        out: &mut out,
        section: Section::DatiPersonali,
        item: None,
    };
    let typed = p.luogo_nascita.trim();
    let unknown = !typed.is_empty() && !places.knows(typed);
    if unknown {
        s.push(
            "luogo_nascita",
            Code::BirthplaceUnknown,
            Severity::Warning,
            Some(typed.to_owned()),
        );
    }
    let Ok(CodiceFiscale::Personal {
        place, birth_date, ..
    }) = CodiceFiscale::parse(&p.codice_fiscale)
    else {
        return out;
    };
    let Some(latest) = places.latest(&place) else {
        s.push(
            "codice_fiscale",
            Code::CfPlaceUnknown,
            Severity::Warning,
            Some(place),
        );
        return out;
    };
    // The century the form alone chose may be the wrong one; the table decides.
    let in_use = match CodiceFiscale::parse_with(&p.codice_fiscale, places) {
        Ok(CodiceFiscale::Personal { birth_date, .. }) => places.on(&place, birth_date),
        _ => None,
    };
    let Some(named) = in_use else {
        let day = birth_date.format("%d/%m/%Y").to_string();
        s.push(
            "codice_fiscale",
            Code::CfPlaceNotInUse,
            Severity::Warning,
            Some(day),
        );
        return out;
    };
    if !typed.is_empty() && !unknown && !named.is_named(typed) && !latest.is_named(typed) {
        s.push(
            "luogo_nascita",
            Code::BirthplaceMismatch,
            Severity::Warning,
            Some(named.label()),
        );
    }
    out
}

fn indirizzo(a: &Indirizzo, prefix: &'static str, required: bool, s: &mut Sink<'_>) {
    let field = |name: &'static str| -> &'static str {
        match (prefix, name) {
            ("residenza", "comune") => "residenza_comune",
            ("residenza", "cap") => "residenza_cap",
            ("residenza", "provincia") => "residenza_provincia",
            ("residenza", "indirizzo") => "residenza_indirizzo",
            (_, "comune") => "domicilio_comune",
            (_, "cap") => "domicilio_cap",
            (_, "provincia") => "domicilio_provincia",
            _ => "domicilio_indirizzo",
        }
    };
    if required || !a.is_empty() {
        s.required(field("indirizzo"), &a.indirizzo);
        s.required(field("comune"), &a.comune);
    }
    let cap = a.cap.trim();
    if !cap.is_empty() && !is_code(cap, 5, |b| b.is_ascii_digit()) {
        s.error(field("cap"), Code::CapInvalid);
    }
    let prov = a.provincia.trim();
    if !prov.is_empty() && !is_code(prov, 2, |b| b.is_ascii_alphabetic()) {
        s.error(field("provincia"), Code::ProvinciaInvalid);
    }
}

fn esperienza_lavorativa(e: &EsperienzaLavorativa, today: NaiveDate, s: &mut Sink<'_>) {
    s.required_some("inizio", &e.inizio);
    if e.in_corso {
        if e.fine.is_some() {
            s.error("fine", Code::EndWhileOngoing);
        }
    } else {
        s.required_some("fine", &e.fine);
    }
    s.period(e.inizio.as_ref(), e.fine.as_ref(), today);
    s.required("datore", &e.datore);
    s.required("mansioni", &e.mansioni);
    let cf = e.datore_cf.trim();
    if !cf.is_empty() && CodiceFiscale::parse(cf).is_err() {
        s.error("datore_cf", Code::EmployerCodeInvalid);
    }
    if !e.settore.codice.trim().is_empty() && !plausible_ateco(e.settore.codice.trim()) {
        s.error("settore_codice", Code::AtecoInvalid);
    }
    if !e.professione.codice.trim().is_empty() && !plausible_cp_istat(e.professione.codice.trim()) {
        s.error("professione_codice", Code::CpIstatInvalid);
    }
}

fn titolo(t: &TitoloIstruzione, today: NaiveDate, s: &mut Sink<'_>) {
    s.required("denominazione", &t.denominazione);
    match t.livello_eqf {
        None => s.error("livello_eqf", Code::Required),
        Some(l) if !(1..=8).contains(&l) => s.error("livello_eqf", Code::EqfInvalid),
        Some(_) => {}
    }
    s.not_future("anno", t.anno.as_ref(), today);
}

fn corso(c: &EsperienzaFormativa, today: NaiveDate, s: &mut Sink<'_>) {
    s.required("titolo", &c.titolo);
    match (c.durata, c.unita_durata) {
        (Some(0), _) => s.error("durata", Code::DurationInvalid),
        (Some(_), None) => s.error("unita_durata", Code::DurationUnitMissing),
        _ => {}
    }
    s.period(c.inizio.as_ref(), c.fine.as_ref(), today);
}

fn lingua(l: &Lingua, s: &mut Sink<'_>) {
    s.required("lingua", &l.lingua);
    let levels = [
        l.ascolto,
        l.lettura,
        l.interazione,
        l.produzione_orale,
        l.scrittura,
    ];
    if !l.madrelingua && levels.iter().all(Option::is_none) {
        s.error("ascolto", Code::LanguageLevelsMissing);
    }
}

fn competenza(c: &Competenza, s: &mut Sink<'_>) {
    s.required_some("tipologia", &c.tipologia);
    s.required("descrizione", &c.descrizione);
    s.required_some("contesto", &c.contesto);
    if c.esperienze.is_empty() {
        s.warning("esperienze", Code::NoExperienceLinked);
    }
}

fn evidenza(e: &Evidenza, today: NaiveDate, s: &mut Sink<'_>) {
    s.required("titolo", &e.titolo);
    s.required_some("categoria", &e.categoria);
    s.not_future("data", e.data.as_ref(), today);
}

/// Exactly `len` characters, each accepted by `ok`.
fn is_code(s: &str, len: usize, ok: impl Fn(&u8) -> bool) -> bool {
    s.len() == len && s.bytes().all(|b| ok(&b))
}

/// Something@something.tld, no spaces: enough to catch typing slips without refusing real
/// addresses (the CPI confirms contacts anyway).
fn plausible_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !s.contains(char::is_whitespace)
        && !domain.contains('@')
        && domain.split('.').count() >= 2
        && domain.split('.').all(|p| !p.is_empty())
}

/// Digits with an optional leading +, spaces, dots, dashes or slashes: 6 to 15 digits (E.164).
fn plausible_phone(s: &str) -> bool {
    let t = s.trim();
    let body = t.strip_prefix('+').unwrap_or(t);
    let digits = body.bytes().filter(u8::is_ascii_digit).count();
    body.bytes().all(|b| b.is_ascii_digit() || b" .-/".contains(&b)) && (6..=15).contains(&digits)
}

/// ATECO: a section letter, or 2 digits then up to four more in pairs/singles ("47", "47.11",
/// "47.11.10", "47.11.1").
fn plausible_ateco(s: &str) -> bool {
    if s.len() == 1 {
        return s.bytes().all(|b| b.is_ascii_uppercase());
    }
    let parts: Vec<&str> = s.split('.').collect();
    parts.len() <= 3
        && parts[0].len() == 2
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 2 && p.bytes().all(|b| b.is_ascii_digit()))
}

/// CP ISTAT: one to five numeric levels separated by dots ("5", "5.1.2.2", "5.1.2.2.0").
fn plausible_cp_istat(s: &str) -> bool {
    let parts: Vec<&str> = s.split('.').collect();
    parts.len() <= 5
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 2 && p.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::libretto::{Contesto, Sesso, Tipologia};

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).expect("date")
    }

    fn codes(findings: &[Finding], field: &str) -> Vec<(Code, Severity)> {
        findings
            .iter()
            .filter(|f| f.field == field)
            .map(|f| (f.code, f.severity))
            .collect()
    }

    fn anna() -> DatiPersonali {
        DatiPersonali {
            nome: "Anna".into(),
            cognome: "Rossi".into(),
            codice_fiscale: "RSSNNA80A41G713W".into(),
            sesso: Some(Sesso::F),
            data_nascita: NaiveDate::from_ymd_opt(1980, 1, 1),
            luogo_nascita: "Pistoia".into(),
            cittadinanza: "Italiana".into(),
            residenza: Indirizzo {
                indirizzo: "Via Roma 1".into(),
                cap: "51100".into(),
                comune: "Pistoia".into(),
                provincia: "PT".into(),
                regione: "toscana".into(),
            },
            ..Default::default()
        }
    }

    #[test]
    fn an_empty_libretto_has_nothing_to_say() {
        assert!(validate(&Libretto::default(), today()).is_empty());
    }

    #[test]
    fn complete_personal_data_is_clean() {
        let l = Libretto {
            dati_personali: anna(),
            ..Default::default()
        };
        let f = validate(&l, today());
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn a_wrong_check_letter_is_an_error_naming_the_expected_one() {
        let mut p = anna();
        p.codice_fiscale = "RSSNNA80A41G713X".into();
        let f = validate(
            &Libretto {
                dati_personali: p,
                ..Default::default()
            },
            today(),
        );
        let cf: Vec<_> = f.iter().filter(|f| f.field == "codice_fiscale").collect();
        assert_eq!(cf.len(), 1);
        assert_eq!(cf[0].code, Code::CfCheckCharacter);
        assert_eq!(cf[0].severity, Severity::Error);
        assert_eq!(cf[0].detail.as_deref(), Some("W"));
    }

    #[test]
    fn a_formally_valid_code_that_disagrees_only_warns() {
        let mut p = anna();
        p.codice_fiscale = "RSSMRA45D25F205N".into();
        let f = validate(
            &Libretto {
                dati_personali: p,
                ..Default::default()
            },
            today(),
        );
        let cf = codes(&f, "codice_fiscale");
        assert!(cf.iter().all(|(_, s)| *s == Severity::Warning), "{cf:?}");
        for code in [
            Code::CfNameMismatch,
            Code::CfBirthDateMismatch,
            Code::CfSexMismatch,
        ] {
            assert!(cf.iter().any(|(c, _)| *c == code), "{code:?} in {cf:?}");
        }
        assert!(!cf.iter().any(|(c, _)| *c == Code::CfSurnameMismatch));
    }

    #[test]
    fn the_published_female_example_matches_its_owner() {
        let mut p = anna();
        p.cognome = "Fiorentino".into();
        p.nome = "Sesta".into();
        p.codice_fiscale = "FRNSST75D50A717N".into();
        p.data_nascita = NaiveDate::from_ymd_opt(1975, 4, 10);
        let f = validate(
            &Libretto {
                dati_personali: p,
                ..Default::default()
            },
            today(),
        );
        assert!(codes(&f, "codice_fiscale").is_empty(), "{f:?}");
    }

    #[test]
    fn required_and_malformed_personal_fields() {
        let p = DatiPersonali {
            nome: "Anna".into(),
            email: "anna@".into(),
            telefono: "abc".into(),
            residenza: Indirizzo {
                cap: "5110".into(),
                provincia: "Pistoia".into(),
                ..Default::default()
            },
            ..Default::default()
        };
        let f = validate(
            &Libretto {
                dati_personali: p,
                ..Default::default()
            },
            today(),
        );
        assert_eq!(codes(&f, "cognome"), vec![(Code::Required, Severity::Error)]);
        assert_eq!(
            codes(&f, "codice_fiscale"),
            vec![(Code::Required, Severity::Error)]
        );
        assert_eq!(codes(&f, "email"), vec![(Code::EmailInvalid, Severity::Error)]);
        assert_eq!(codes(&f, "telefono"), vec![(Code::PhoneInvalid, Severity::Error)]);
        assert_eq!(
            codes(&f, "residenza_cap"),
            vec![(Code::CapInvalid, Severity::Error)]
        );
        assert_eq!(
            codes(&f, "residenza_provincia"),
            vec![(Code::ProvinciaInvalid, Severity::Error)]
        );
        assert!(codes(&f, "nome").is_empty());
    }

    #[test]
    fn experience_periods_respect_precision_and_today() {
        let month = |y, m| PartialDate::month(y, m).ok();
        let mut e = EsperienzaLavorativa {
            id: ItemId("a".into()),
            inizio: month(2020, 5),
            fine: month(2020, 4),
            datore: "Coop".into(),
            mansioni: "Cassa".into(),
            ..Default::default()
        };
        let l = |e: &EsperienzaLavorativa| Libretto {
            esperienze_lavorative: vec![e.clone()],
            ..Default::default()
        };
        assert_eq!(
            codes(&validate(&l(&e), today()), "fine"),
            vec![(Code::EndBeforeStart, Severity::Error)]
        );
        e.fine = PartialDate::year(2020).ok();
        assert!(
            validate(&l(&e), today()).is_empty(),
            "same year is not before May"
        );
        e.fine = None;
        assert_eq!(
            codes(&validate(&l(&e), today()), "fine"),
            vec![(Code::Required, Severity::Error)]
        );
        e.in_corso = true;
        assert!(validate(&l(&e), today()).is_empty());
        e.inizio = month(2026, 12);
        assert_eq!(
            codes(&validate(&l(&e), today()), "inizio"),
            vec![(Code::InFuture, Severity::Error)]
        );
        e.inizio = month(2026, 11);
        assert!(
            validate(&l(&e), today()).is_empty(),
            "this month is not the future"
        );
    }

    #[test]
    fn codes_of_classifications_are_checked_only_when_given() {
        let mut e = EsperienzaLavorativa {
            id: ItemId("a".into()),
            inizio: PartialDate::year(2019).ok(),
            in_corso: true,
            datore: "Coop".into(),
            mansioni: "Cassa".into(),
            ..Default::default()
        };
        e.settore.codice = "47.11".into();
        e.professione.codice = "5.1.2.2.0".into();
        e.datore_cf = "00000000000".into();
        let l = Libretto {
            esperienze_lavorative: vec![e.clone()],
            ..Default::default()
        };
        assert!(validate(&l, today()).is_empty(), "{:?}", validate(&l, today()));
        e.settore.codice = "4711x".into();
        e.professione.codice = "5..1".into();
        e.datore_cf = "123".into();
        let l = Libretto {
            esperienze_lavorative: vec![e],
            ..Default::default()
        };
        let f = validate(&l, today());
        assert_eq!(
            codes(&f, "settore_codice"),
            vec![(Code::AtecoInvalid, Severity::Error)]
        );
        assert_eq!(
            codes(&f, "professione_codice"),
            vec![(Code::CpIstatInvalid, Severity::Error)]
        );
        assert_eq!(
            codes(&f, "datore_cf"),
            vec![(Code::EmployerCodeInvalid, Severity::Error)]
        );
    }

    #[test]
    fn competences_need_kind_description_context_and_links_that_exist() {
        let c = Competenza {
            id: ItemId("c".into()),
            esperienze: vec![ItemId("gone".into())],
            ..Default::default()
        };
        let l = Libretto {
            competenze: vec![c],
            ..Default::default()
        };
        let f = validate(&l, today());
        for field in ["tipologia", "descrizione", "contesto"] {
            assert_eq!(
                codes(&f, field),
                vec![(Code::Required, Severity::Error)],
                "{field}"
            );
        }
        assert_eq!(codes(&f, "esperienze"), vec![(Code::LinkBroken, Severity::Error)]);
        let ok = Competenza {
            id: ItemId("c".into()),
            tipologia: Some(Tipologia::Trasversale),
            descrizione: "È in grado di gestire una cassa".into(),
            contesto: Some(Contesto::Informale),
            ..Default::default()
        };
        let f = validate(
            &Libretto {
                competenze: vec![ok],
                ..Default::default()
            },
            today(),
        );
        assert_eq!(
            codes(&f, "esperienze"),
            vec![(Code::NoExperienceLinked, Severity::Warning)]
        );
    }

    #[test]
    fn section_states_follow_findings() {
        use crate::libretto::SectionState;
        let mut l = Libretto::default();
        assert_eq!(
            l.section_state(Section::DatiPersonali, &[]),
            SectionState::NotStarted
        );
        l.dati_personali.nome = "Anna".into();
        let f = validate(&l, today());
        assert_eq!(
            l.section_state(Section::DatiPersonali, &f),
            SectionState::InProgress
        );
        l.dati_personali = anna();
        l.dati_personali.email = "x".into();
        let f = validate(&l, today());
        assert_eq!(
            l.section_state(Section::DatiPersonali, &f),
            SectionState::HasProblems
        );
        l.dati_personali.email.clear();
        let f = validate(&l, today());
        assert_eq!(
            l.section_state(Section::DatiPersonali, &f),
            SectionState::Complete
        );
    }

    #[test]
    fn languages_need_levels_unless_mother_tongue() {
        let mut l = Lingua {
            id: ItemId("l".into()),
            lingua: "Inglese".into(),
            ..Default::default()
        };
        let lib = |l: &Lingua| Libretto {
            lingue: vec![l.clone()],
            ..Default::default()
        };
        assert_eq!(
            codes(&validate(&lib(&l), today()), "ascolto"),
            vec![(Code::LanguageLevelsMissing, Severity::Error)]
        );
        l.madrelingua = true;
        assert!(validate(&lib(&l), today()).is_empty());
    }
}
