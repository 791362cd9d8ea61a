//! On a draft's task list: the versions already sent, each with its receipt, and the plain
//! statement that editing now makes a new version and never changes what was sent; when the
//! latest version was reviewed, the CPI's notes beside links to the items they concern.

use leptos::prelude::*;
use leptos_router::components::A;
use sportello_core::DraftId;
use sportello_core::libretto::Libretto;

use crate::components::local_time::local_time;
use crate::components::review_notes::ReviewNotes;
use crate::i18n::{t, t_string, use_i18n};
use crate::store::outbox::{Outbox, refresh_statuses, versions_of};

#[component]
pub fn SentVersions(
    draft_id: DraftId,
    /// The draft as it is now: names the items the notes concern.
    #[prop(into)]
    libretto: Signal<Libretto>,
) -> impl IntoView {
    let i18n = use_i18n();
    let outbox = Outbox::get();
    // What the CPI said since: an outcome and its notes show here without visiting /invii.
    leptos::task::spawn_local(refresh_statuses(outbox, Some(draft_id)));
    let versions = LocalResource::new(move || {
        outbox.changed.track();
        versions_of(draft_id)
    });
    move || {
        let list = versions.get().and_then(Result::ok).filter(|l| !l.is_empty())?;
        let next = list.last().map_or(1, |v| v.version + 1);
        let notes = list.last().and_then(|v| v.review.clone()).map(|review| {
            view! {
                <ReviewNotes
                    review
                    libretto=libretto.get_untracked()
                    draft_href=format!("/libretto/{draft_id}")
                    on_draft=true
                />
            }
        });
        let rows = list
            .into_iter()
            .map(|v| {
                let when = local_time(v.at);
                let code = v.receipt_code.clone();
                view! {
                    <li>
                        <A href=format!("/invii/{}", v.idempotency_key)>
                            {move || t_string!(i18n, sent_version_label)} " " {v.version}
                        </A>
                        " – " {when} " – "
                        {match code {
                            Some(c) => view! { <span>{move || t_string!(i18n, ricevuta_code_label)} " " {c.clone()}</span> }.into_any(),
                            None => view! { <span>{move || t_string!(i18n, invii_in_outbox)}</span> }.into_any(),
                        }}
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            {notes}
            <section class="notice" aria-labelledby="versioni-inviate">
                <h2 id="versioni-inviate">{t!(i18n, sent_versions_heading)}</h2>
                <ul class="plain-list">{rows}</ul>
                <p>{move || t_string!(i18n, sent_versions_next).replace("%s", &next.to_string())}</p>
            </section>
        })
    }
}
