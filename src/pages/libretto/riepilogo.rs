//! `/libretto/:id/riepilogo`: check your answers before anything leaves the browser. Every
//! block has its change link; what still needs fixing is listed first, linking to the screen.

use leptos::prelude::*;
use leptos_router::components::A;
use sportello_core::libretto::validation::Severity;

use super::draft::{draft_path, use_session};
use crate::components::form::messages;
use crate::components::libretto_document::LibrettoDocument;
use crate::components::page_heading::PageHeading;
use crate::components::section_label::section_title;
use crate::i18n::{t, t_string, use_i18n};

#[component]
pub fn RiepilogoPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let base = draft_path(session);
    let send_href = format!("{base}/invio");
    let libretto = Signal::derive(move || session.draft.with(|d| d.libretto.clone()));
    let change_base = base.clone();
    let problems = move || {
        session
            .findings
            .get()
            .into_iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| {
                let href = match &f.item {
                    Some(id) => format!("{base}/{}/{id}", f.section.slug()),
                    None => format!("{base}/{}", f.section.slug()),
                };
                let text = format!(
                    "{}: {}",
                    section_title(i18n, f.section),
                    messages::finding(i18n, &f)
                );
                view! { <li><A href=href>{text}</A></li> }
            })
            .collect::<Vec<_>>()
    };
    view! {
        <PageHeading title=Signal::derive(move || t_string!(i18n, riepilogo_title).to_string()) />
        <p class="lead">{t!(i18n, riepilogo_intro)}</p>
        {move || {
            let items = problems();
            if items.is_empty() {
                view! {
                    <div class="notice notice--success">
                        <p>{t!(i18n, riepilogo_no_problems)}</p>
                        <p><A href=send_href.clone() attr:id="invia-al-cpi">{t!(i18n, overview_send)}</A></p>
                    </div>
                }
                .into_any()
            } else {
                view! {
                    <div class="notice notice--warning">
                        <h2>{t!(i18n, riepilogo_problems)}</h2>
                        <ul>{items}</ul>
                    </div>
                }
                .into_any()
            }
        }}
        <LibrettoDocument libretto change_base />
    }
}
