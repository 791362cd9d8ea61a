//! The whole Libretto as a document, in its two-section layout plus the dossier: read by
//! "check your answers" (with a change link per block) and by the print view.

use leptos::prelude::*;
use leptos_router::components::A;
use sportello_core::libretto::{
    Competenza, Entry, EsperienzaFormativa, EsperienzaLavorativa, Evidenza, ItemId, Libretto, Lingua,
    PartialDate, Section, TitoloIstruzione, Vocabulary,
};

use super::draft::{draft_path, use_session};
use super::titoli::eqf_options;
use crate::components::evidence_file::human_size;
use crate::components::form::choice::italian;
use crate::components::section_label::{entry_noun, section_title};
use crate::i18n::{t, t_string, use_i18n};

type Rows = Vec<(String, String)>;

fn push(rows: &mut Rows, label: &str, value: impl Into<String>) {
    let value = value.into();
    if !value.trim().is_empty() {
        rows.push((label.to_string(), value));
    }
}

fn date(d: &Option<PartialDate>) -> String {
    d.map(|d| d.italian()).unwrap_or_default()
}

fn vocab<V: Vocabulary>(v: Option<V>, it: bool) -> String {
    v.map(|v| v.label(it).to_string()).unwrap_or_default()
}

fn yes(i18n: crate::I18n, b: bool) -> String {
    if b {
        t_string!(i18n, doc_yes).to_string()
    } else {
        String::new()
    }
}

fn period(i18n: crate::I18n, from: &Option<PartialDate>, to: &Option<PartialDate>, ongoing: bool) -> String {
    let end = if ongoing {
        t_string!(i18n, doc_ongoing).to_string()
    } else {
        date(to)
    };
    match (date(from), end) {
        (a, b) if a.is_empty() && b.is_empty() => String::new(),
        (a, b) => format!("{a} – {b}"),
    }
}

/// The linked entries' names; `experiences` is `Libretto::experiences`, computed once per
/// render rather than once per link.
fn names(ids: &[ItemId], l: &Libretto, experiences: &[(ItemId, Section, String)]) -> String {
    let mut out: Vec<String> = Vec::new();
    for id in ids {
        if let Some(e) = l.evidenze.iter().find(|e| &e.id == id) {
            out.push(e.titolo.clone());
        } else if let Some((_, _, s)) = experiences.iter().find(|(x, _, _)| x == id) {
            out.push(s.clone());
        }
    }
    out.join("; ")
}

#[component]
fn Block(title: String, rows: Rows, #[prop(optional)] change: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let change_name = title.clone();
    view! {
        <div class="doc-block">
            <div class="doc-block__head">
                <h3>{title}</h3>
                {change.map(|href| view! {
                    <A href=href attr:class="no-print">
                        {t!(i18n, entry_change)} <span class="visually-hidden">" " {change_name}</span>
                    </A>
                })}
            </div>
            <dl class="summary-list">
                {rows.into_iter().map(|(k, v)| view! {
                    <div class="summary-list__row"><dt>{k}</dt><dd>{v}</dd></div>
                }).collect_view()}
            </dl>
        </div>
    }
}

#[component]
pub fn LibrettoDocument(#[prop(optional)] editable: bool) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let it = italian();
    let base = draft_path(session);
    let eqf = eqf_options();
    let link = move |section: Section, id: Option<&ItemId>| {
        editable.then(|| match id {
            Some(id) => format!("{base}/{}/{id}", section.slug()),
            None => format!("{base}/{}", section.slug()),
        })
    };
    let body = move || {
        let it = it.get();
        let l = session.draft.with(|d| d.libretto.clone());
        let experiences = l.experiences(it);
        let p = &l.dati_personali;
        let mut personal = Rows::new();
        push(&mut personal, t_string!(i18n, f_nome), p.nome.clone());
        push(&mut personal, t_string!(i18n, f_cognome), p.cognome.clone());
        push(
            &mut personal,
            t_string!(i18n, f_codice_fiscale),
            p.codice_fiscale.to_uppercase(),
        );
        push(&mut personal, t_string!(i18n, doc_sesso), vocab(p.sesso, it));
        push(
            &mut personal,
            t_string!(i18n, f_data_nascita),
            p.data_nascita
                .map(|d| d.format("%d/%m/%Y").to_string())
                .unwrap_or_default(),
        );
        push(
            &mut personal,
            t_string!(i18n, f_luogo_nascita),
            p.luogo_nascita.clone(),
        );
        push(
            &mut personal,
            t_string!(i18n, f_cittadinanza),
            p.cittadinanza.clone(),
        );
        let address = |a: &sportello_core::libretto::Indirizzo| {
            [
                a.indirizzo.as_str(),
                a.cap.as_str(),
                a.comune.as_str(),
                a.provincia.as_str(),
            ]
            .iter()
            .filter(|s| !s.trim().is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(", ")
        };
        push(&mut personal, t_string!(i18n, f_residenza), address(&p.residenza));
        if let Some(d) = &p.domicilio {
            push(&mut personal, t_string!(i18n, f_domicilio), address(d));
        }
        push(&mut personal, t_string!(i18n, doc_telefono), p.telefono.clone());
        push(&mut personal, t_string!(i18n, doc_email), p.email.clone());
        if let Some(s) = &p.titolo_soggiorno {
            let expiry = s
                .scadenza
                .map(|d| d.format("%d/%m/%Y").to_string())
                .unwrap_or_default();
            push(
                &mut personal,
                t_string!(i18n, f_soggiorno_legend),
                [
                    s.tipo.as_str(),
                    s.numero.as_str(),
                    s.motivo.as_str(),
                    expiry.as_str(),
                ]
                .iter()
                .filter(|x| !x.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join(", "),
            );
        }

        let work = l
            .esperienze_lavorative
            .iter()
            .map(|e: &EsperienzaLavorativa| {
                let mut r = Rows::new();
                push(
                    &mut r,
                    t_string!(i18n, doc_periodo),
                    period(i18n, &e.inizio, &e.fine, e.in_corso),
                );
                push(&mut r, t_string!(i18n, f_datore), e.datore.clone());
                push(
                    &mut r,
                    t_string!(i18n, doc_professione),
                    join_code(&e.professione.descrizione, &e.professione.codice),
                );
                push(
                    &mut r,
                    t_string!(i18n, doc_settore),
                    join_code(&e.settore.descrizione, &e.settore.codice),
                );
                push(
                    &mut r,
                    t_string!(i18n, doc_contratto),
                    e.tipo_contratto
                        .map(|c| format!("{} ({})", c.label(it), c.code()))
                        .unwrap_or_default(),
                );
                push(&mut r, t_string!(i18n, doc_sede), e.comune_sede.clone());
                push(&mut r, t_string!(i18n, doc_mansioni), e.mansioni.clone());
                push(&mut r, t_string!(i18n, doc_cf_datore), e.datore_cf.clone());
                push(&mut r, t_string!(i18n, doc_fonte), e.fonte.label(it).to_string());
                push(
                    &mut r,
                    t_string!(i18n, doc_documenti),
                    names(&e.evidenze, &l, &experiences),
                );
                (
                    title_or(e.summary(it), i18n, Section::EsperienzeLavorative),
                    r,
                    link(Section::EsperienzeLavorative, Some(&e.id)),
                )
            })
            .collect::<Vec<_>>();

        let titles = l
            .titoli_istruzione
            .iter()
            .map(|t: &TitoloIstruzione| {
                let mut r = Rows::new();
                let level = t
                    .livello_eqf
                    .and_then(|lv| eqf.with(|o| o.iter().find(|(x, _)| *x == lv).map(|(_, s)| s.clone())));
                push(&mut r, t_string!(i18n, doc_livello), level.unwrap_or_default());
                push(&mut r, t_string!(i18n, doc_istituto), t.istituto.clone());
                push(&mut r, t_string!(i18n, doc_luogo), t.luogo.clone());
                push(&mut r, t_string!(i18n, doc_anno), date(&t.anno));
                push(&mut r, t_string!(i18n, doc_voto), t.votazione.clone());
                push(&mut r, t_string!(i18n, f_completato), yes(i18n, t.completato));
                push(
                    &mut r,
                    t_string!(i18n, doc_documenti),
                    names(&t.evidenze, &l, &experiences),
                );
                (
                    title_or(t.summary(it), i18n, Section::TitoliIstruzione),
                    r,
                    link(Section::TitoliIstruzione, Some(&t.id)),
                )
            })
            .collect::<Vec<_>>();

        let courses = l
            .esperienze_formative
            .iter()
            .map(|c: &EsperienzaFormativa| {
                let mut r = Rows::new();
                push(&mut r, t_string!(i18n, doc_ente), c.ente.clone());
                let duration = c
                    .durata
                    .map(|d| format!("{d} {}", vocab(c.unita_durata, it)))
                    .unwrap_or_default();
                push(&mut r, t_string!(i18n, doc_durata), duration);
                push(
                    &mut r,
                    t_string!(i18n, doc_periodo),
                    period(i18n, &c.inizio, &c.fine, false),
                );
                push(
                    &mut r,
                    t_string!(i18n, doc_attestazione),
                    vocab(c.attestazione, it),
                );
                push(&mut r, t_string!(i18n, doc_regione), c.regione.clone());
                push(
                    &mut r,
                    t_string!(i18n, doc_stage),
                    if c.stage {
                        format!("{} {}", yes(i18n, true), c.azienda_stage)
                    } else {
                        String::new()
                    },
                );
                push(
                    &mut r,
                    t_string!(i18n, doc_documenti),
                    names(&c.evidenze, &l, &experiences),
                );
                (
                    title_or(c.summary(it), i18n, Section::EsperienzeFormative),
                    r,
                    link(Section::EsperienzeFormative, Some(&c.id)),
                )
            })
            .collect::<Vec<_>>();

        let languages = l
            .lingue
            .iter()
            .map(|g: &Lingua| {
                let mut r = Rows::new();
                if g.madrelingua {
                    push(&mut r, t_string!(i18n, f_madrelingua), yes(i18n, true));
                }
                push(&mut r, t_string!(i18n, f_ascolto), vocab(g.ascolto, it));
                push(&mut r, t_string!(i18n, f_lettura), vocab(g.lettura, it));
                push(&mut r, t_string!(i18n, f_interazione), vocab(g.interazione, it));
                push(
                    &mut r,
                    t_string!(i18n, f_produzione_orale),
                    vocab(g.produzione_orale, it),
                );
                push(&mut r, t_string!(i18n, f_scrittura), vocab(g.scrittura, it));
                push(&mut r, t_string!(i18n, doc_certificato), g.certificato.clone());
                (
                    title_or(g.summary(it), i18n, Section::Lingue),
                    r,
                    link(Section::Lingue, Some(&g.id)),
                )
            })
            .collect::<Vec<_>>();

        let d = &l.competenze_digitali;
        let mut digital = Rows::new();
        push(
            &mut digital,
            t_string!(i18n, f_dig_informazione),
            vocab(d.informazione, it),
        );
        push(
            &mut digital,
            t_string!(i18n, f_dig_comunicazione),
            vocab(d.comunicazione, it),
        );
        push(
            &mut digital,
            t_string!(i18n, f_dig_creazione),
            vocab(d.creazione_contenuti, it),
        );
        push(
            &mut digital,
            t_string!(i18n, f_dig_sicurezza),
            vocab(d.sicurezza, it),
        );
        push(
            &mut digital,
            t_string!(i18n, f_dig_problemi),
            vocab(d.risoluzione_problemi, it),
        );
        push(&mut digital, t_string!(i18n, doc_strumenti), d.note.clone());

        let mut licences = Rows::new();
        push(
            &mut licences,
            t_string!(i18n, f_patenti_categorie),
            l.patenti
                .categorie
                .iter()
                .map(|c| c.code())
                .collect::<Vec<_>>()
                .join(", "),
        );
        push(
            &mut licences,
            t_string!(i18n, doc_altre_patenti),
            l.patenti.altre.clone(),
        );

        let competences = l
            .competenze
            .iter()
            .map(|c: &Competenza| {
                let mut r = Rows::new();
                push(&mut r, t_string!(i18n, doc_tipologia), vocab(c.tipologia, it));
                push(&mut r, t_string!(i18n, doc_contesto), vocab(c.contesto, it));
                push(
                    &mut r,
                    t_string!(i18n, doc_esperienze),
                    names(&c.esperienze, &l, &experiences),
                );
                push(
                    &mut r,
                    t_string!(i18n, doc_documenti),
                    names(&c.evidenze, &l, &experiences),
                );
                push(&mut r, t_string!(i18n, doc_stato), c.stato.label(it).to_string());
                (
                    title_or(c.summary(it), i18n, Section::Competenze),
                    r,
                    link(Section::Competenze, Some(&c.id)),
                )
            })
            .collect::<Vec<_>>();

        let evidence = l
            .evidenze
            .iter()
            .map(|e: &Evidenza| {
                let mut r = Rows::new();
                push(&mut r, t_string!(i18n, doc_categoria), vocab(e.categoria, it));
                push(&mut r, t_string!(i18n, doc_emesso_da), e.emesso_da.clone());
                push(&mut r, t_string!(i18n, doc_data), date(&e.data));
                push(
                    &mut r,
                    t_string!(i18n, doc_file),
                    e.file
                        .as_ref()
                        .map(|f| format!("{} ({})", f.nome, human_size(f.dimensione, it)))
                        .unwrap_or_default(),
                );
                (
                    title_or(e.summary(it), i18n, Section::Evidenze),
                    r,
                    link(Section::Evidenze, Some(&e.id)),
                )
            })
            .collect::<Vec<_>>();

        let blocks = |items: Vec<(String, Rows, Option<String>)>| {
            items
                .into_iter()
                .map(|(title, rows, change)| match change {
                    Some(change) => view! { <Block title rows change /> }.into_any(),
                    None => view! { <Block title rows /> }.into_any(),
                })
                .collect_view()
        };
        let single = |section: Section, rows: Rows| {
            let title = section_title(i18n, section);
            match link(section, None) {
                Some(change) => view! { <Block title rows change /> }.into_any(),
                None => view! { <Block title rows /> }.into_any(),
            }
        };
        let list = |section: Section, items: Vec<(String, Rows, Option<String>)>| {
            let empty = items.is_empty();
            view! {
                <h3 class="doc-subsection">{section_title(i18n, section)}</h3>
                {empty.then(|| view! { <p class="doc-empty">{t!(i18n, doc_nothing)}</p> })}
                {blocks(items)}
                {link(section, None).map(|href| view! {
                    <p class="no-print"><A href=href>{t!(i18n, doc_change_section)} " " {section_title(i18n, section)}</A></p>
                })}
            }
        };
        view! {
            <section class="doc-section" aria-labelledby="sezione-1">
                <h2 id="sezione-1">{t!(i18n, doc_sezione_1)}</h2>
                {single(Section::DatiPersonali, personal)}
                {list(Section::EsperienzeLavorative, work)}
                {list(Section::TitoliIstruzione, titles)}
                {list(Section::EsperienzeFormative, courses)}
                {list(Section::Lingue, languages)}
                {single(Section::CompetenzeDigitali, digital)}
                {single(Section::Patenti, licences)}
            </section>
            <section class="doc-section" aria-labelledby="sezione-2">
                <h2 id="sezione-2">{t!(i18n, doc_sezione_2)}</h2>
                {list(Section::Competenze, competences)}
            </section>
            <section class="doc-section" aria-labelledby="dossier">
                <h2 id="dossier">{t!(i18n, doc_dossier)}</h2>
                {list(Section::Evidenze, evidence)}
            </section>
        }
    };
    view! { <div class="libretto-document">{body}</div> }
}

fn join_code(text: &str, code: &str) -> String {
    match (text.trim(), code.trim()) {
        (t, "") => t.to_string(),
        ("", c) => c.to_string(),
        (t, c) => format!("{t} ({c})"),
    }
}

fn title_or(summary: String, i18n: crate::I18n, section: Section) -> String {
    if summary.is_empty() {
        entry_noun(i18n, section)
    } else {
        summary
    }
}
