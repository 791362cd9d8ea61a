//! The one rendering of a whole Libretto (`sportello_core::libretto::document`): "check your
//! answers" (with a change link per block), the print view and the review desk (with the
//! orientatore's controls beside each block).

use leptos::prelude::*;
use leptos_router::components::A;
use sportello_core::libretto::document::{Block as DocBlock, Field, Part, Row, Value, document};
use sportello_core::libretto::{ItemId, Libretto, Section};

use crate::components::eqf::eqf_label;
use crate::components::evidence_file::human_size;
use crate::components::section_label::{entry_noun, section_title};
use crate::i18n::screen_lang;
use crate::i18n::{t, t_string, use_i18n};
use sportello_core::Lang;

/// `change_base`: the draft's base path, to link every block to its screen; none in print.
#[component]
pub fn LibrettoDocument(
    #[prop(into)] libretto: Signal<Libretto>,
    #[prop(optional)] change_base: Option<String>,
    /// Drawn after each block, given the item the block shows (the review desk's controls).
    #[prop(optional)]
    aside: Option<Aside>,
) -> impl IntoView {
    let i18n = use_i18n();
    let lang = screen_lang();
    let body = move || {
        let doc = libretto.with(|l| document(l, lang.get()));
        doc.parts
            .into_iter()
            .map(|part| {
                let (id, heading) = match part.part {
                    Part::Sezione1 => ("sezione-1", t_string!(i18n, doc_sezione_1)),
                    Part::Sezione2 => ("sezione-2", t_string!(i18n, doc_sezione_2)),
                    Part::Dossier => ("dossier", t_string!(i18n, doc_dossier)),
                };
                let base = change_base.clone();
                let lang = lang.get();
                let sections = part
                    .sections
                    .into_iter()
                    .map(move |s| section_view(i18n, lang, s.section, s.blocks, base.clone(), aside))
                    .collect_view();
                view! {
                    <section class="doc-section" aria-labelledby=id>
                        <h2 id=id>{heading}</h2>
                        {sections}
                    </section>
                }
            })
            .collect_view()
    };
    view! { <div class="libretto-document">{body}</div> }
}

/// What the document draws beside the block of one item, given the item and its title.
pub type Aside = Callback<(Section, Option<ItemId>, String), AnyView>;

fn section_view(
    i18n: crate::I18n,
    lang: Lang,
    section: Section,
    blocks: Vec<DocBlock>,
    base: Option<String>,
    aside: Option<Aside>,
) -> AnyView {
    let section_href = base.as_ref().map(|b| format!("{b}/{}", section.slug()));
    if !section.is_repeated() {
        // A single form is one block (core's `document` gives each exactly one).
        let rows = blocks.into_iter().flat_map(|b| b.rows).collect();
        let title = section_title(i18n, section);
        let aside = aside.map(|a| a.run((section, None, title.clone())));
        return block_view(i18n, lang, title, rows, section_href, aside);
    }
    let empty = blocks.is_empty();
    let items = blocks
        .into_iter()
        .map(|b| {
            let title = if b.title.is_empty() {
                entry_noun(i18n, section)
            } else {
                b.title.clone()
            };
            let href = match (&base, &b.item) {
                (Some(base), Some(id)) => Some(format!("{base}/{}/{id}", section.slug())),
                _ => None,
            };
            let aside = aside.map(|a| a.run((section, b.item.clone(), title.clone())));
            block_view(i18n, lang, title, b.rows, href, aside)
        })
        .collect_view();
    view! {
        <h3 class="doc-subsection">{section_title(i18n, section)}</h3>
        {empty.then(|| view! { <p class="doc-empty">{t!(i18n, doc_nothing)}</p> })}
        {items}
        {section_href.map(|href| view! {
            <p class="no-print"><A href=href>{t!(i18n, doc_change_section)} " " {section_title(i18n, section)}</A></p>
        })}
    }
    .into_any()
}

fn block_view(
    i18n: crate::I18n,
    lang: Lang,
    title: String,
    rows: Vec<Row>,
    change: Option<String>,
    aside: Option<AnyView>,
) -> AnyView {
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
                {rows.into_iter().map(|r| view! {
                    <div class="summary-list__row">
                        <dt>{field_label(i18n, r.field)}</dt>
                        <dd>{value_text(i18n, lang, &r.value)}</dd>
                    </div>
                }).collect_view()}
            </dl>
            {aside}
        </div>
    }
    .into_any()
}

fn value_text(i18n: crate::I18n, lang: Lang, value: &Value) -> String {
    let yes = || t_string!(i18n, doc_yes).to_string();
    match value {
        Value::Text(s) => s.clone(),
        Value::Term {
            label,
            code: Some(code),
        } => format!("{label} ({code})"),
        Value::Term { label, code: None } => label.to_string(),
        Value::Date(d) => d.display(lang),
        Value::Period { from, to, ongoing } => {
            let end = if *ongoing {
                t_string!(i18n, doc_ongoing).to_string()
            } else {
                to.map(|d| d.display(lang)).unwrap_or_default()
            };
            format!("{} – {end}", from.map(|d| d.display(lang)).unwrap_or_default())
        }
        Value::Yes => yes(),
        Value::YesAt(place) => format!("{} {place}", yes()).trim().to_string(),
        Value::Eqf(level) => format!("{level} – {}", eqf_label(i18n, *level)),
        Value::Duration { amount, unit } => format!("{amount} {}", unit.unwrap_or_default())
            .trim()
            .to_string(),
        Value::File { name, bytes } => format!("{name} ({})", human_size(*bytes, lang)),
        Value::Names(names) => names.join("; "),
    }
}

pub fn field_label(i18n: crate::I18n, field: Field) -> &'static str {
    match field {
        Field::Nome => t_string!(i18n, f_nome),
        Field::Cognome => t_string!(i18n, f_cognome),
        Field::CodiceFiscale => t_string!(i18n, f_codice_fiscale),
        Field::Sesso => t_string!(i18n, doc_sesso),
        Field::DataNascita => t_string!(i18n, f_data_nascita),
        Field::LuogoNascita => t_string!(i18n, f_luogo_nascita),
        Field::Cittadinanza => t_string!(i18n, f_cittadinanza),
        Field::Residenza => t_string!(i18n, f_residenza),
        Field::Domicilio => t_string!(i18n, f_domicilio),
        Field::Telefono => t_string!(i18n, doc_telefono),
        Field::Email => t_string!(i18n, doc_email),
        Field::TitoloSoggiorno => t_string!(i18n, f_soggiorno_legend),
        Field::Periodo => t_string!(i18n, doc_periodo),
        Field::Datore => t_string!(i18n, f_datore),
        Field::Professione => t_string!(i18n, doc_professione),
        Field::Settore => t_string!(i18n, doc_settore),
        Field::Contratto => t_string!(i18n, doc_contratto),
        Field::Sede => t_string!(i18n, doc_sede),
        Field::Mansioni => t_string!(i18n, doc_mansioni),
        Field::DatoreCf => t_string!(i18n, doc_cf_datore),
        Field::Fonte => t_string!(i18n, doc_fonte),
        Field::Documenti => t_string!(i18n, doc_documenti),
        Field::Livello => t_string!(i18n, doc_livello),
        Field::Istituto => t_string!(i18n, doc_istituto),
        Field::Luogo => t_string!(i18n, doc_luogo),
        Field::Anno => t_string!(i18n, doc_anno),
        Field::Voto => t_string!(i18n, doc_voto),
        Field::Completato => t_string!(i18n, f_completato),
        Field::Ente => t_string!(i18n, doc_ente),
        Field::Durata => t_string!(i18n, doc_durata),
        Field::Attestazione => t_string!(i18n, doc_attestazione),
        Field::Regione => t_string!(i18n, doc_regione),
        Field::Stage => t_string!(i18n, doc_stage),
        Field::Madrelingua => t_string!(i18n, f_madrelingua),
        Field::Ascolto => t_string!(i18n, f_ascolto),
        Field::Lettura => t_string!(i18n, f_lettura),
        Field::Interazione => t_string!(i18n, f_interazione),
        Field::ProduzioneOrale => t_string!(i18n, f_produzione_orale),
        Field::Scrittura => t_string!(i18n, f_scrittura),
        Field::Certificato => t_string!(i18n, doc_certificato),
        Field::DigInformazione => t_string!(i18n, f_dig_informazione),
        Field::DigComunicazione => t_string!(i18n, f_dig_comunicazione),
        Field::DigCreazione => t_string!(i18n, f_dig_creazione),
        Field::DigSicurezza => t_string!(i18n, f_dig_sicurezza),
        Field::DigProblemi => t_string!(i18n, f_dig_problemi),
        Field::Strumenti => t_string!(i18n, doc_strumenti),
        Field::PatentiCategorie => t_string!(i18n, f_patenti_categorie),
        Field::AltrePatenti => t_string!(i18n, doc_altre_patenti),
        Field::Tipologia => t_string!(i18n, doc_tipologia),
        Field::Contesto => t_string!(i18n, doc_contesto),
        Field::Esperienze => t_string!(i18n, doc_esperienze),
        Field::Stato => t_string!(i18n, doc_stato),
        Field::Categoria => t_string!(i18n, doc_categoria),
        Field::EmessoDa => t_string!(i18n, doc_emesso_da),
        Field::Data => t_string!(i18n, doc_data),
        Field::File => t_string!(i18n, doc_file),
    }
}
