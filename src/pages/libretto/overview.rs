//! `/libretto/:id`: the task list. Every section with its state, the draft's name, and the
//! ways out: check your answers, print, export.

use leptos::prelude::*;
use leptos_router::components::A;
use sportello_core::libretto::Section;

use super::draft::{draft_path, use_session};
use super::transfer::ExportPanel;
use crate::components::form::Bound;
use crate::components::form::text_field::TextField;
use crate::components::page_heading::PageHeading;
use crate::components::section_label::{section_title, state_label};
use crate::components::sent_versions::SentVersions;
use crate::i18n::{t, t_string, use_i18n};
use crate::tr;

const SEZIONE_1: [Section; 7] = [
    Section::DatiPersonali,
    Section::EsperienzeLavorative,
    Section::TitoliIstruzione,
    Section::EsperienzeFormative,
    Section::Lingue,
    Section::CompetenzeDigitali,
    Section::Patenti,
];

#[component]
pub fn OverviewPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let base = draft_path(session);
    let name = Bound {
        get: Signal::derive(move || session.draft.with(|d| d.name.clone())),
        set: Callback::new(move |v: String| session.rename(v)),
    };
    let task = move |section: Section| {
        let href = format!("{}/{}", draft_path(session), section.slug());
        let id = format!("stato-{}", section.slug());
        let state = move || {
            let findings = session.findings.get();
            session
                .draft
                .with(|d| d.libretto.section_state(section, &findings))
        };
        view! {
            <li class="task-list__item">
                <A href=href attr:class="task-list__link" attr:aria-describedby=id.clone()>
                    {move || section_title(i18n, section)}
                </A>
                {move || {
                    let (class, text) = state_label(i18n, state());
                    view! { <span class=class id=id.clone()>{text}</span> }
                }}
            </li>
        }
    };
    view! {
        <PageHeading title=Signal::derive(move || t_string!(i18n, overview_title).to_string()) />
        <p class="lead">{t!(i18n, overview_intro)}</p>
        <SentVersions
            draft_id=session.draft.with_untracked(|d| d.id)
            libretto=Signal::derive(move || session.draft.with(|d| d.libretto.clone()))
        />
        <h2>{t!(i18n, overview_sezione_1)}</h2>
        <ol class="task-list">{SEZIONE_1.map(task).collect_view()}</ol>
        <h2>{t!(i18n, overview_sezione_2)}</h2>
        <ol class="task-list">{task(Section::Competenze)}</ol>
        <h2>{t!(i18n, overview_dossier)}</h2>
        <ol class="task-list">{task(Section::Evidenze)}</ol>

        <h2>{t!(i18n, overview_next)}</h2>
        <ul class="action-list">
            <li><A href=format!("{base}/riepilogo")>{t!(i18n, overview_check)}</A></li>
            <li><A href=format!("{base}/stampa")>{t!(i18n, overview_print)}</A></li>
            <li><A href=format!("{base}/invio") attr:id="invia-al-cpi">{t!(i18n, overview_send)}</A></li>
        </ul>
        <ExportPanel />
        <h2>{t!(i18n, overview_name_heading)}</h2>
        <TextField field="nome_bozza" label=tr!(i18n, overview_name_label) hint=tr!(i18n, overview_name_hint) value=name />
    }
}
