//! The orientatore's outcome and notes as the citizen reads them, on the receipt and on the
//! draft's task list: each note named by the item it concerns, as the Libretto's document
//! names it, and linked to that item's screen in the draft. The notes are the orientatore's
//! plain text, rendered as text.

use leptos::prelude::*;
use leptos_router::components::A;
use sportello_core::cpi::review::{ReviewForCitizen, ReviewOutcome, Verdict};
use sportello_core::libretto::Libretto;
use sportello_core::libretto::document::document;

use crate::components::local_time::local_time;
use crate::components::section_label::{entry_noun, section_title};
use crate::i18n::{t, t_string, use_i18n};

#[component]
pub fn ReviewNotes(
    review: ReviewForCitizen,
    /// Names the items: the version the notes are about, or the draft as it is now.
    libretto: Libretto,
    /// The draft's path: each note links to its item's screen there.
    draft_href: String,
    /// Already on the draft: no button that leads to it.
    #[prop(optional)]
    on_draft: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let blocks: Vec<_> = document(&libretto, i18n.lang_untracked())
        .into_blocks()
        .map(|(section, b)| (section, b.item, b.title))
        .collect();
    let has_notes = !review.annotations.is_empty();
    let notes = review
        .annotations
        .into_iter()
        .map(|a| {
            let title = blocks
                .iter()
                .find(|(s, item, _)| *s == a.section && *item == a.item)
                .map(|(_, _, title)| title.clone())
                .unwrap_or_default();
            let name = match (&a.item, title.is_empty()) {
                (None, _) => section_title(i18n, a.section),
                (Some(_), true) => format!("{} – {}", section_title(i18n, a.section), entry_noun(i18n, a.section)),
                (Some(_), false) => format!("{} – {title}", section_title(i18n, a.section)),
            };
            let href = match &a.item {
                Some(item) => format!("{draft_href}/{}/{item}", a.section.slug()),
                None => format!("{draft_href}/{}", a.section.slug()),
            };
            let verdict = a.verdict.map(|v| match v {
                Verdict::Verificato => t_string!(i18n, desk_verdict_verificato),
                Verdict::ServeDocumento => t_string!(i18n, desk_verdict_serve_documento),
            });
            let class = match a.verdict {
                Some(Verdict::ServeDocumento) => "review-note review-note--action",
                _ => "review-note",
            };
            view! {
                <li class=class>
                    <A href=href><strong>{name}</strong></A>
                    {verdict.map(|v| view! { ": " <span class="review-note__verdict">{v}</span> })}
                    {(!a.comment.is_empty()).then(|| view! { <p class="review-note__comment">{a.comment}</p> })}
                </li>
            }
        })
        .collect_view();
    let (class, heading, next) = match review.outcome {
        ReviewOutcome::ModificheRichieste => (
            "notice notice--warning",
            t_string!(i18n, review_changes_heading),
            Some(view! {
                <p>{t!(i18n, review_changes_next)}</p>
                {(!on_draft).then(|| view! {
                    <p><A href=draft_href.clone() attr:class="button">{t!(i18n, review_fix_draft)}</A></p>
                })}
            }),
        ),
        ReviewOutcome::Consolidata => (
            "notice notice--success",
            t_string!(i18n, review_consolidated_heading),
            None,
        ),
    };
    view! {
        <section class=class aria-labelledby="esito-revisione">
            <h2 id="esito-revisione">{heading}</h2>
            <p>{t!(i18n, review_when)} " " {local_time(review.updated_at)}</p>
            {next}
        </section>
        {has_notes.then(|| view! {
            <h3>{t!(i18n, review_notes_heading)}</h3>
            <ul class="review-notes">{notes}</ul>
        })}
    }
}
