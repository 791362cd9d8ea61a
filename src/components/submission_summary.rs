//! Exactly what a submission carries, in plain words: to which office, which sections (with
//! how many entries) and each evidence file with its size. The consent screen shows it
//! before anything is sent, the receipt after; both show the same frozen version.

use leptos::prelude::*;
use sportello_core::cpi::{Office, SubmissionRequest};
use sportello_core::libretto::Section;

use crate::components::evidence_file::human_size;
use crate::components::section_label::section_title;
use crate::components::submission_labels::interest_label;
use crate::i18n::screen_lang;
use crate::i18n::{t, t_string, use_i18n};

#[component]
pub fn SubmissionSummary(
    request: SubmissionRequest,
    office: Office,
    /// On the receipt: what *was* sent, not what will be.
    #[prop(optional)]
    sent: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let lang = screen_lang();
    let libretto = request.libretto.clone();
    let sections = move || {
        Section::ALL
            .into_iter()
            .filter(|s| !libretto.section_is_empty(*s))
            .map(|s| {
                let count = libretto.entry_count(s);
                let text = match count {
                    Some(n) => format!("{}: {n}", section_title(i18n, s)),
                    None => section_title(i18n, s),
                };
                view! { <li>{text}</li> }
            })
            .collect_view()
    };
    let files = request.evidence_files();
    let has_files = !files.is_empty();
    let file_rows = move || {
        files
            .iter()
            .map(|f| {
                let size = human_size(f.dimensione, lang.get());
                view! { <li><span class="file-name">{f.nome.clone()}</span> " (" {size} ")"</li> }
            })
            .collect_view()
    };
    let person = {
        let p = &request.libretto.dati_personali;
        format!("{} {} – {}", p.nome, p.cognome, p.codice_fiscale)
    };
    view! {
        <dl class="summary-list">
            <div class="summary-list__row">
                <dt>{t!(i18n, invio_to)}</dt>
                <dd>{office.name.clone()}</dd>
            </div>
            <div class="summary-list__row">
                <dt>{t!(i18n, invio_person)}</dt>
                <dd>{person}</dd>
            </div>
            <div class="summary-list__row">
                <dt>{t!(i18n, invio_version)}</dt>
                <dd>{request.version}</dd>
            </div>
            {request.interest.map(|interest| view! {
                <div class="summary-list__row">
                    <dt>{t!(i18n, invio_interest)}</dt>
                    <dd>{move || interest_label(i18n, Some(interest))}</dd>
                </div>
            })}
        </dl>
        <h2>
            {move || if sent {
                t_string!(i18n, invio_sections_sent_heading)
            } else {
                t_string!(i18n, invio_sections_heading)
            }}
        </h2>
        <ul class="plain-list">{sections}</ul>
        <h2>
            {move || if sent { t_string!(i18n, invio_files_sent_heading) } else { t_string!(i18n, invio_files_heading) }}
        </h2>
        {if has_files {
            view! { <ul class="plain-list">{file_rows}</ul> }.into_any()
        } else {
            view! { <p>{move || t_string!(i18n, invio_no_files)}</p> }.into_any()
        }}
    }
}
