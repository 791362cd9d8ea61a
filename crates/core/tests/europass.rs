//! Europass CVs: both formats' examples import with every mappable field, what does not fit is
//! listed, and our own v3.4 export reads back whole.

use chrono::{NaiveDate, Utc};
use sportello_core::libretto::cv_import::CvSection;
use sportello_core::libretto::europass::{EuropassFormat, MAX_BYTES, export, import};
use sportello_core::libretto::export::ImportError;
use sportello_core::libretto::vocab::{Cefr, LivelloDigitale, Patente, Sesso, Tipologia};
use sportello_core::libretto::{Libretto, dates::PartialDate};

fn fixture(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read_to_string(path).expect("fixture")
}

fn d(s: &str) -> Option<PartialDate> {
    Some(s.parse().expect("date"))
}

#[test]
fn the_v3_example_imports_every_mappable_field() {
    let (format, got) = import(&fixture("europass-v3.xml")).expect("import");
    assert_eq!(format, EuropassFormat::V3);
    assert_eq!(got.name, "Giulia Ferri");
    let l = &got.libretto;
    let p = &l.dati_personali;
    assert_eq!((p.nome.as_str(), p.cognome.as_str()), ("Giulia", "Ferri"));
    assert_eq!(
        (
            p.residenza.indirizzo.as_str(),
            p.residenza.cap.as_str(),
            p.residenza.comune.as_str()
        ),
        ("Via Garibaldi 12", "25121", "Brescia")
    );
    assert_eq!(p.email, "giulia.ferri@example.it");
    assert_eq!(p.telefono, "+39 347 5551234");
    assert_eq!(p.data_nascita, NaiveDate::from_ymd_opt(1988, 7, 21));
    assert_eq!(p.sesso, Some(Sesso::F));
    assert_eq!(p.cittadinanza, "Italiana");

    let [w1, w2] = l.esperienze_lavorative.as_slice() else {
        panic!("two jobs")
    };
    assert_eq!(
        (w1.inizio, w1.fine, w1.in_corso),
        (d("2015-03"), d("2019-09"), false)
    );
    assert_eq!(w1.professione.descrizione, "Magazziniera");
    assert_eq!(
        w1.mansioni,
        "Gestione del magazzino:\n• carico e scarico merci\n• inventario & ordini"
    );
    assert_eq!(
        (w1.datore.as_str(), w1.comune_sede.as_str()),
        ("Logistica Lombarda Srl", "Montichiari")
    );
    assert_eq!(w1.settore.descrizione, "Trasporto e magazzinaggio");
    assert_eq!((w2.inizio, w2.fine, w2.in_corso), (d("2020-01-13"), None, true));

    let [t] = l.titoli_istruzione.as_slice() else {
        panic!("one title")
    };
    assert_eq!(
        (t.denominazione.as_str(), t.istituto.as_str(), t.luogo.as_str()),
        (
            "Diploma di ragioneria",
            "Istituto Tecnico Commerciale Abba-Ballini",
            "Brescia"
        )
    );
    assert_eq!((t.livello_eqf, t.anno, t.completato), (Some(4), d("2007"), true));

    let [it, en] = l.lingue.as_slice() else {
        panic!("two languages")
    };
    assert_eq!((it.lingua.as_str(), it.madrelingua), ("Italiano", true));
    assert_eq!(en.lingua, "Inglese");
    assert_eq!(
        [
            en.ascolto,
            en.lettura,
            en.interazione,
            en.produzione_orale,
            en.scrittura
        ],
        [
            Some(Cefr::B2),
            Some(Cefr::B2),
            Some(Cefr::B1),
            Some(Cefr::B1),
            Some(Cefr::A2)
        ]
    );
    assert_eq!(en.certificato, "PET");

    let competences: Vec<(Option<Tipologia>, &str)> = l
        .competenze
        .iter()
        .map(|c| (c.tipologia, c.descrizione.as_str()))
        .collect();
    assert_eq!(
        competences,
        vec![
            (
                Some(Tipologia::Trasversale),
                "Buone capacità di lavorare in gruppo"
            ),
            (
                Some(Tipologia::TecnicoProfessionale),
                "Uso del carrello elevatore"
            ),
            (
                Some(Tipologia::TecnicoProfessionale),
                "Gestione delle bolle di trasporto"
            ),
            (Some(Tipologia::Digitale), "Uso di gestionali di magazzino"),
        ]
    );
    let dc = &l.competenze_digitali;
    assert_eq!(
        [
            dc.informazione,
            dc.comunicazione,
            dc.creazione_contenuti,
            dc.sicurezza,
            dc.risoluzione_problemi
        ],
        [
            Some(LivelloDigitale::Intermedio),
            Some(LivelloDigitale::Intermedio),
            Some(LivelloDigitale::Base),
            Some(LivelloDigitale::Base),
            Some(LivelloDigitale::Intermedio)
        ]
    );
    assert_eq!(l.patenti.categorie, vec![Patente::B]);
    assert_eq!(l.esperienze_formative[0].titolo, "Sicurezza nei luoghi di lavoro");
}

#[test]
fn the_v3_example_lists_what_the_libretto_cannot_hold() {
    let (_, got) = import(&fixture("europass-v3.xml")).expect("import");
    let listed: Vec<(CvSection, Option<usize>, &str, &str)> = got
        .left_out
        .iter()
        .map(|x| (x.section, x.item, x.field.as_str(), x.text.as_str()))
        .collect();
    assert_eq!(
        listed,
        vec![
            (CvSection::Personal, None, "Telephone/Contact", "+39 030 5550000"),
            (CvSection::Personal, None, "Use/Code", "work"),
            (CvSection::Personal, None, "Use/Label", "Lavoro"),
            (
                CvSection::Personal,
                None,
                "Website/Contact",
                "https://giuliaferri.example.it"
            ),
            (CvSection::Personal, None, "MimeType", "image/jpeg"),
            (CvSection::Personal, None, "Type/Code", "preferred_job"),
            (CvSection::Personal, None, "Type/Label", "Occupazione desiderata"),
            (
                CvSection::Personal,
                None,
                "Description/Label",
                "Addetta alla logistica"
            ),
            (
                CvSection::Work,
                Some(1),
                "Website/Contact",
                "https://logistica.example.it"
            ),
            (CvSection::Education, Some(1), "From", "year=2002"),
            (CvSection::Education, Some(1), "Field/Code", "04"),
            (
                CvSection::Education,
                Some(1),
                "Field/Label",
                "Commercio, amministrazione e diritto"
            ),
            (CvSection::Other, Some(2), "Title/Label", "Volontariato"),
            (
                CvSection::Other,
                Some(2),
                "Achievement/Description",
                "Croce Rossa, sede di Brescia"
            ),
            (
                CvSection::Attachments,
                Some(1),
                "Attachment/Name",
                "referenze.pdf"
            ),
            (CvSection::Attachments, Some(1), "MimeType", "application/pdf"),
            (
                CvSection::Attachments,
                Some(1),
                "Attachment/Description",
                "Lettera di referenze"
            ),
        ]
    );
}

#[test]
fn the_2020_example_imports_every_mappable_field_and_lists_the_rest() {
    let (format, got) = import(&fixture("europass-candidate.xml")).expect("import");
    assert_eq!(format, EuropassFormat::Candidate);
    let l = &got.libretto;
    let p = &l.dati_personali;
    assert_eq!(
        (p.nome.as_str(), p.cognome.as_str(), p.email.as_str()),
        ("Ana", "Popescu", "ana.popescu@example.ro")
    );
    assert_eq!(p.telefono, "+39 3331234567");
    assert_eq!(
        (
            p.residenza.indirizzo.as_str(),
            p.residenza.comune.as_str(),
            p.residenza.cap.as_str()
        ),
        ("Via Nizza 40", "Torino", "10125")
    );
    assert_eq!((p.cittadinanza.as_str(), p.sesso), ("RO", Some(Sesso::F)));
    assert_eq!(p.data_nascita, NaiveDate::from_ymd_opt(1990, 2, 14));

    let [w] = l.esperienze_lavorative.as_slice() else {
        panic!("one job")
    };
    assert_eq!(
        (
            w.datore.as_str(),
            w.comune_sede.as_str(),
            w.settore.codice.as_str()
        ),
        ("RSA Il Glicine", "Moncalieri", "Q")
    );
    assert_eq!(w.professione.descrizione, "Operatrice socio-sanitaria");
    assert_eq!((w.inizio, w.fine, w.in_corso), (d("2018-05"), None, true));
    assert_eq!(w.mansioni, "• Assistenza agli ospiti\n• Igiene e mobilizzazione");

    let [t] = l.titoli_istruzione.as_slice() else {
        panic!("one title")
    };
    assert_eq!(
        (t.denominazione.as_str(), t.istituto.as_str(), t.luogo.as_str()),
        (
            "Qualifica di operatore socio-sanitario",
            "Agenzia formativa Casa di Carità",
            "Torino"
        )
    );
    assert_eq!(
        (t.livello_eqf, t.anno, t.completato, t.votazione.as_str()),
        (Some(3), d("2017-06"), true, "90/100")
    );

    let [ro, it] = l.lingue.as_slice() else {
        panic!("two languages")
    };
    assert_eq!((ro.lingua.as_str(), ro.madrelingua), ("Rumeno", true));
    assert_eq!(it.lingua, "Italiano");
    assert_eq!(
        [
            it.ascolto,
            it.lettura,
            it.interazione,
            it.produzione_orale,
            it.scrittura
        ],
        [
            Some(Cefr::C1),
            Some(Cefr::B2),
            Some(Cefr::C1),
            Some(Cefr::B2),
            Some(Cefr::B1)
        ]
    );
    assert_eq!(l.patenti.categorie, vec![Patente::B]);
    assert_eq!(l.competenze[0].descrizione, "Cartella clinica elettronica");

    let listed: Vec<(CvSection, &str, &str)> = got
        .left_out
        .iter()
        .map(|x| (x.section, x.field.as_str(), x.text.as_str()))
        .collect();
    assert_eq!(
        listed,
        vec![
            (CvSection::Personal, "ChannelCode", "Web"),
            (CvSection::Personal, "URI", "https://anapopescu.example.ro"),
            (
                CvSection::Other,
                "ExecutiveSummary",
                "<p>Operatrice socio-sanitaria con esperienza in RSA.</p>"
            ),
            (CvSection::Attachments, "FileType", "photo"),
            (CvSection::Attachments, "Instructions", "ProfilePicture"),
        ]
    );
}

/// Every field the v3 mapping carries, set by hand (not by an import, which would hide what
/// the import drops).
fn rich() -> Libretto {
    use sportello_core::libretto::*;
    let mut l = Libretto::default();
    let p = &mut l.dati_personali;
    p.nome = "Anna Maria".into();
    p.cognome = "D'Angelo".into();
    p.email = "anna@example.it".into();
    p.telefono = "+39 333 1234567".into();
    p.residenza.indirizzo = "Via Roma 1".into();
    p.residenza.cap = "51100".into();
    p.residenza.comune = "Pistoia".into();
    p.data_nascita = NaiveDate::from_ymd_opt(1975, 4, 10);
    p.sesso = Some(Sesso::F);
    p.cittadinanza = "Italiana".into();
    l.esperienze_lavorative = vec![
        EsperienzaLavorativa {
            inizio: d("2010-03"),
            fine: d("2020"),
            datore: "Officine & Figli Srl".into(),
            comune_sede: "Prato".into(),
            settore: CodiceOTesto {
                codice: String::new(),
                descrizione: "Meccanica".into(),
            },
            professione: CodiceOTesto {
                codice: String::new(),
                descrizione: "Tornitrice".into(),
            },
            mansioni: "Tornio CNC\nControllo qualità <ISO 9001>".into(),
            ..Default::default()
        },
        EsperienzaLavorativa {
            inizio: d("2021-01-15"),
            in_corso: true,
            datore: "Fabbrica Spa".into(),
            ..Default::default()
        },
    ];
    l.titoli_istruzione = vec![
        TitoloIstruzione {
            denominazione: "Diploma di perito meccanico".into(),
            livello_eqf: Some(4),
            istituto: "ITIS Fermi".into(),
            luogo: "Pistoia".into(),
            anno: d("1994"),
            completato: true,
            ..Default::default()
        },
        TitoloIstruzione {
            denominazione: "Laurea in ingegneria".into(),
            istituto: "Università di Pisa".into(),
            ..Default::default()
        },
    ];
    l.esperienze_formative = vec![EsperienzaFormativa {
        titolo: "Sicurezza sul lavoro".into(),
        ente: "Ente Scuola Edile".into(),
        inizio: d("2021-02"),
        fine: d("2021-03-05"),
        ..Default::default()
    }];
    l.lingue = vec![
        Lingua {
            lingua: "Italiano".into(),
            madrelingua: true,
            ..Default::default()
        },
        Lingua {
            lingua: "Inglese".into(),
            ascolto: Some(Cefr::B2),
            lettura: Some(Cefr::B1),
            interazione: Some(Cefr::B1),
            produzione_orale: Some(Cefr::A2),
            scrittura: Some(Cefr::A2),
            certificato: "PET; IELTS".into(),
            ..Default::default()
        },
    ];
    l.competenze_digitali = CompetenzeDigitali {
        informazione: Some(LivelloDigitale::Intermedio),
        comunicazione: Some(LivelloDigitale::Avanzato),
        creazione_contenuti: Some(LivelloDigitale::Base),
        sicurezza: Some(LivelloDigitale::Base),
        risoluzione_problemi: Some(LivelloDigitale::Intermedio),
        ..Default::default()
    };
    l.patenti.categorie = vec![Patente::B, Patente::C];
    for (tipologia, descrizione) in [
        (Tipologia::Trasversale, "Lavoro in gruppo"),
        (Tipologia::TecnicoProfessionale, "Uso del tornio CNC"),
        (Tipologia::TecnicoProfessionale, "Lettura del disegno tecnico"),
        (Tipologia::Digitale, "Uso di gestionali"),
        (Tipologia::Altro, "Cucina <regionale> & pasticceria"),
    ] {
        l.competenze.push(Competenza {
            tipologia: Some(tipologia),
            descrizione: descrizione.into(),
            ..Default::default()
        });
    }
    l
}

#[test]
fn our_v3_export_reads_back_with_every_mapped_field_and_nothing_left_out() {
    let l = rich();
    let xml = export(&l, Utc::now());
    let (_, back) = import(&xml).expect("our own export");
    assert_eq!(back.left_out, vec![], "{xml}");
    let strip = |mut x: Libretto| {
        for e in &mut x.esperienze_lavorative {
            e.id = Default::default();
        }
        for e in &mut x.titoli_istruzione {
            e.id = Default::default();
        }
        for e in &mut x.esperienze_formative {
            e.id = Default::default();
        }
        for e in &mut x.lingue {
            e.id = Default::default();
        }
        for e in &mut x.competenze {
            e.id = Default::default();
        }
        x
    };
    assert_eq!(strip(back.libretto), strip(l));
}

#[test]
fn what_is_not_a_europass_cv_is_refused_with_the_reason() {
    assert_eq!(
        import("<SkillsPassport>\n  <LearnerInfo></Learner>"),
        Err(ImportError::NotXml { line: 2, column: 16 })
    );
    assert_eq!(import("<html><body/></html>"), Err(ImportError::NotAnExport));
    let dtd =
        r#"<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY lol "lol">]><SkillsPassport>&lol;</SkillsPassport>"#;
    assert!(
        matches!(import(dtd), Err(ImportError::NotXml { .. })),
        "a DTD is refused"
    );
    // Found by the fuzzer: a birth date past the years a Libretto holds stays listed rather
    // than being kept as a date our own export could not write back.
    let far =
        r#"<Candidate><CandidatePerson><BirthDate>3980-02-14</BirthDate></CandidatePerson></Candidate>"#;
    let (_, cv) = import(far).expect("import");
    assert_eq!(cv.libretto.dati_personali.data_nascita, None);
    assert_eq!(cv.left_out[0].text, "3980-02-14");
    let huge = format!("<SkillsPassport>{}</SkillsPassport>", " ".repeat(MAX_BYTES));
    assert_eq!(import(&huge), Err(ImportError::TooLarge));
}
