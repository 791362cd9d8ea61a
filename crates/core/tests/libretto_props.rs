//! Properties of the Libretto model that must hold for any input a citizen or a file gives.

use chrono::{NaiveDate, TimeZone, Utc};
use proptest::prelude::*;
use sportello_core::Draft;
use sportello_core::libretto::export::{export, import};
use sportello_core::libretto::validation::{Code, validate};
use sportello_core::libretto::{
    Competenza, EsperienzaFormativa, EsperienzaLavorativa, Evidenza, ItemId, Libretto, PartialDate, Section,
    TitoloIstruzione,
};

fn partial_date() -> impl Strategy<Value = PartialDate> {
    (1900i32..=2100, proptest::option::of(1u32..=12), 1u32..=31).prop_filter_map("real date", |(y, m, d)| {
        match m {
            None => PartialDate::year(y).ok(),
            Some(m) if d % 2 == 0 => PartialDate::month(y, m).ok(),
            Some(m) => PartialDate::day(y, m, d).ok(),
        }
    })
}

fn experience() -> impl Strategy<Value = EsperienzaLavorativa> {
    (
        proptest::option::of(partial_date()),
        proptest::option::of(partial_date()),
        any::<bool>(),
        ".{0,20}",
        ".{0,40}",
        "[0-9A-Z.]{0,8}",
    )
        .prop_map(|(inizio, fine, in_corso, datore, mansioni, codice)| {
            let mut e = EsperienzaLavorativa {
                id: ItemId::new_random(),
                inizio,
                fine,
                in_corso,
                datore,
                mansioni,
                ..Default::default()
            };
            e.settore.codice = codice;
            e
        })
}

/// Links to the entries named by `prefixes` (which may or may not exist) and to ids that
/// never do (`x…`).
fn links(prefixes: &'static [&'static str]) -> impl Strategy<Value = Vec<ItemId>> {
    let target = prop_oneof![
        (proptest::sample::select(prefixes), 0usize..4).prop_map(|(p, n)| ItemId(format!("{p}{n}"))),
        (0usize..4).prop_map(|n| ItemId(format!("x{n}"))),
    ];
    proptest::collection::vec(target, 0..3)
}

fn course() -> impl Strategy<Value = EsperienzaFormativa> {
    (".{0,20}", proptest::option::of(partial_date()), links(&["d"])).prop_map(|(titolo, inizio, evidenze)| {
        EsperienzaFormativa {
            titolo,
            inizio,
            evidenze,
            ..Default::default()
        }
    })
}

fn competence() -> impl Strategy<Value = Competenza> {
    (".{0,30}", links(&["e", "t", "f"]), links(&["d"])).prop_map(|(descrizione, esperienze, evidenze)| {
        Competenza {
            descrizione,
            esperienze,
            evidenze,
            ..Default::default()
        }
    })
}

fn document() -> impl Strategy<Value = Evidenza> {
    (".{0,20}", proptest::option::of(partial_date())).prop_map(|(titolo, data)| Evidenza {
        titolo,
        data,
        ..Default::default()
    })
}

/// A Libretto with entries in every repeated section; ids are `e0…` (work), `t0…` (titles),
/// `f0…` (courses), `c0…` (competences), `d0…` (documents), so links can be drawn from them.
fn libretto() -> impl Strategy<Value = Libretto> {
    (
        proptest::collection::vec((experience(), links(&["d"])), 0..4),
        proptest::collection::vec(course(), 0..3),
        proptest::collection::vec(competence(), 0..4),
        proptest::collection::vec(document(), 0..3),
        0usize..3,
        "[A-Z0-9]{0,16}",
    )
        .prop_map(|(work, courses, competences, documents, titles, cf)| {
            let id = |prefix: &str, i: usize| ItemId(format!("{prefix}{i}"));
            let mut l = Libretto::default();
            l.dati_personali.codice_fiscale = cf;
            for (i, (mut e, evidenze)) in work.into_iter().enumerate() {
                e.id = id("e", i);
                e.evidenze = evidenze;
                l.esperienze_lavorative.push(e);
            }
            for i in 0..titles {
                l.titoli_istruzione.push(TitoloIstruzione {
                    id: id("t", i),
                    ..Default::default()
                });
            }
            for (i, mut c) in courses.into_iter().enumerate() {
                c.id = id("f", i);
                l.esperienze_formative.push(c);
            }
            for (i, mut c) in competences.into_iter().enumerate() {
                c.id = id("c", i);
                l.competenze.push(c);
            }
            for (i, mut d) in documents.into_iter().enumerate() {
                d.id = id("d", i);
                l.evidenze.push(d);
            }
            l
        })
}

/// The ids of a section's entries, read straight from the Libretto.
fn ids_of(l: &Libretto, section: Section) -> Vec<&ItemId> {
    match section {
        Section::EsperienzeLavorative => l.esperienze_lavorative.iter().map(|e| &e.id).collect(),
        Section::TitoliIstruzione => l.titoli_istruzione.iter().map(|e| &e.id).collect(),
        Section::EsperienzeFormative => l.esperienze_formative.iter().map(|e| &e.id).collect(),
        Section::Lingue => l.lingue.iter().map(|e| &e.id).collect(),
        Section::Competenze => l.competenze.iter().map(|e| &e.id).collect(),
        Section::Evidenze => l.evidenze.iter().map(|e| &e.id).collect(),
        Section::DatiPersonali | Section::CompetenzeDigitali | Section::Patenti => Vec::new(),
    }
}

proptest! {
    #[test]
    fn partial_dates_round_trip_through_text_and_parts(d in partial_date()) {
        prop_assert_eq!(d.to_string().parse::<PartialDate>(), Ok(d));
        let (day, month, year) = d.parts();
        prop_assert_eq!(PartialDate::from_parts(&day, &month, &year), Ok(Some(d)));
        prop_assert!(d.first_day() <= d.last_day());
    }

    #[test]
    fn any_typed_date_fields_give_a_date_or_an_error_never_a_panic(
        day in ".{0,3}", month in ".{0,3}", year in ".{0,5}"
    ) {
        let _ = PartialDate::from_parts(&day, &month, &year);
    }

    /// Findings are checked against oracles written here from the rules' statements, over
    /// Libretti with every repeated section and links that may point nowhere: each finding
    /// names an entry of its own section; a link is reported broken exactly when one of its
    /// ids is not an entry it may point at; an end date is reported before its start exactly
    /// when it certainly is.
    #[test]
    fn findings_agree_with_the_rules_they_state(l in libretto()) {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).expect("date");
        let findings = validate(&l, today);
        for f in &findings {
            if let Some(id) = &f.item {
                prop_assert!(ids_of(&l, f.section).contains(&id), "{:?} names {:?}, not in its section", f.section, id);
            }
        }
        let reported = |section: Section, id: &ItemId, field: &str, code: Code| {
            findings.iter().any(|f| f.section == section && f.item.as_ref() == Some(id) && f.field == field && f.code == code)
        };
        let evidence = ids_of(&l, Section::Evidenze);
        let mut sources = ids_of(&l, Section::EsperienzeLavorative);
        sources.extend(ids_of(&l, Section::TitoliIstruzione));
        sources.extend(ids_of(&l, Section::EsperienzeFormative));
        let broken = |links: &[ItemId], allowed: &[&ItemId]| links.iter().any(|id| !allowed.contains(&id));
        for e in &l.esperienze_lavorative {
            prop_assert_eq!(reported(Section::EsperienzeLavorative, &e.id, "evidenze", Code::LinkBroken), broken(&e.evidenze, &evidence));
            let backwards = matches!((&e.inizio, &e.fine), (Some(a), Some(b)) if b.last_day() < a.first_day());
            prop_assert_eq!(reported(Section::EsperienzeLavorative, &e.id, "fine", Code::EndBeforeStart), backwards, "{:?}", e);
        }
        for c in &l.esperienze_formative {
            prop_assert_eq!(reported(Section::EsperienzeFormative, &c.id, "evidenze", Code::LinkBroken), broken(&c.evidenze, &evidence));
        }
        for c in &l.competenze {
            prop_assert_eq!(reported(Section::Competenze, &c.id, "esperienze", Code::LinkBroken), broken(&c.esperienze, &sources));
            prop_assert_eq!(reported(Section::Competenze, &c.id, "evidenze", Code::LinkBroken), broken(&c.evidenze, &evidence));
        }
    }

    #[test]
    fn export_and_import_are_inverse(l in libretto()) {
        let now = Utc.with_ymd_and_hms(2026, 11, 22, 10, 0, 0).single().expect("time");
        let mut d = Draft::new("Bozza", now);
        d.libretto = l;
        let json = serde_json::to_string(&export(&d, &[], now)).expect("ser");
        let back = import(&json).expect("import");
        prop_assert_eq!(back.draft, d);
    }
}
