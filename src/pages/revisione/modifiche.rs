//! For a resubmitted version: what the citizen changed since the version before, item by
//! item (core's `libretto::changes`), so the orientatore reads the changes first.

use leptos::prelude::*;
use sportello_core::cpi::desk::VersionRef;
use sportello_core::libretto::Libretto;
use sportello_core::libretto::changes::{ChangeKind, changes};

use super::{Desk, answer_view};
use crate::components::libretto_document::field_label;
use crate::components::section_label::section_title;
use crate::i18n::{t, t_string, use_i18n};

#[component]
pub fn ChangesSince(previous: VersionRef, libretto: Libretto) -> impl IntoView {
    let i18n = use_i18n();
    let desk = Desk::get();
    let id = previous.submission_id.clone();
    let before = desk.read(move || {
        let id = id.clone();
        async move { crate::api::desk::detail(&id).await }
    });
    let heading = t_string!(i18n, desk_changes_title).replace("%v", &previous.version.to_string());
    let list = answer_view(before, move |before| {
        let found = changes(&before.libretto, &libretto);
        if found.is_empty() {
            return view! { <p>{t!(i18n, desk_changes_none)}</p> }.into_any();
        }
        let items = found
            .into_iter()
            .map(|c| {
                let what = match &c.kind {
                    ChangeKind::Added => t_string!(i18n, desk_change_added).to_string(),
                    ChangeKind::Removed => t_string!(i18n, desk_change_removed).to_string(),
                    ChangeKind::Changed(fields) => {
                        let names: Vec<&str> = fields.iter().map(|f| field_label(i18n, *f)).collect();
                        format!("{} {}", t_string!(i18n, desk_change_changed), names.join(", "))
                    }
                };
                let section = section_title(i18n, c.section);
                let name = if c.title.is_empty() || c.item.is_none() {
                    section
                } else {
                    format!("{section} – {}", c.title)
                };
                view! { <li><strong>{name}</strong> ": " {what}</li> }
            })
            .collect_view();
        view! { <ul class="changes">{items}</ul> }.into_any()
    });
    view! {
        <section class="desk-changes" aria-labelledby="modifiche">
            <h2 id="modifiche">{heading}</h2>
            {list}
        </section>
    }
}
