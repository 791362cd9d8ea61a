//! `/revisione/:id`: one submitted version. Opening it moves it to `in_revisione`; the page
//! reads top to bottom as the orientatore works: what it is, what changed since the version
//! before, the evidence files, the Libretto with a note beside each item, the outcome.

use leptos::html::Div;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use sportello_core::LifecycleState;
use sportello_core::cpi::desk::{EvidenceOnFile, SubmissionDetail};
use sportello_core::cpi::review::{ReviewOutcome, ReviewRequest, check_review};

use super::annotazione::{Notes, annotation_controls};
use super::modifiche::ChangesSince;
use super::{Desk, answer_view};
use crate::api::ApiFailure;
use crate::api::desk::evidence_url;
use crate::components::evidence_file::human_size;
use crate::components::libretto_document::LibrettoDocument;
use crate::components::local_time::local_time;
use crate::components::page_heading::PageHeading;
use crate::components::submission_labels::{interest_label, status_label};
use crate::i18n::screen_lang;
use crate::i18n::{t, t_string, use_i18n};

#[component]
pub fn PraticaPage() -> impl IntoView {
    let i18n = use_i18n();
    let desk = Desk::get();
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let opened = desk.read(move || {
        let (id, csrf) = (id.get(), desk.csrf());
        async move { crate::api::desk::open(&id, &csrf).await }
    });
    let drawn = answer_view(opened, |detail| view! { <Pratica detail /> }.into_any());
    let missing = move || opened.with(|o| matches!(o, Some(Err(ApiFailure::Refused { status: 404, .. }))));
    view! {
        <Show when=missing fallback=drawn>
            <PageHeading title=Signal::derive(move || t_string!(i18n, desk_not_found_title).to_string()) />
            <p>{t!(i18n, desk_not_found_text)}</p>
            <p><A href="/revisione">{t!(i18n, desk_back_to_queue)}</A></p>
        </Show>
    }
}

#[component]
fn Pratica(detail: SubmissionDetail) -> impl IntoView {
    let i18n = use_i18n();
    let desk = Desk::get();
    let SubmissionDetail {
        item,
        libretto,
        evidence,
        versions,
        review,
    } = detail;
    let status = RwSignal::new(item.status);
    let revision = RwSignal::new(review.as_ref().map_or(0, |r| r.revision));
    let notes = Notes {
        list: RwSignal::new(review.map(|r| r.annotations).unwrap_or_default()),
        locked: Signal::derive(move || status.get() == LifecycleState::Consolidata),
    };
    let previous = versions
        .iter()
        .filter(|v| v.version < item.version)
        .max_by_key(|v| v.version)
        .cloned();
    let title = t_string!(i18n, desk_review_title).replace("%c", &item.receipt_code);
    let id = item.submission_id.clone();
    let stored = StoredValue::new(libretto.clone());

    let save = Action::new_local(move |outcome: &Option<ReviewOutcome>| {
        let request = ReviewRequest {
            revision: revision.get_untracked(),
            annotations: notes.list.get_untracked(),
            outcome: *outcome,
        };
        let (id, csrf) = (id.clone(), desk.csrf());
        async move { crate::api::desk::save_review(&id, &csrf, &request).await }
    });
    let confirming = RwSignal::new(None::<ReviewOutcome>);
    let refused_here = RwSignal::new(None::<&'static str>);
    let result = NodeRef::<Div>::new();
    Effect::new(move |_| {
        match save.value().get() {
            Some(Ok(saved)) => {
                revision.set(saved.revision);
                status.set(match saved.outcome {
                    None => LifecycleState::InRevisione,
                    Some(ReviewOutcome::ModificheRichieste) => LifecycleState::ModificheRichieste,
                    Some(ReviewOutcome::Consolidata) => LifecycleState::Consolidata,
                });
                confirming.set(None);
            }
            Some(Err(failure)) => desk.check(&failure),
            None => return,
        }
        if let Some(el) = result.get_untracked() {
            let _ = el.focus();
        }
    });
    // The review is checked here by the server's own rule, so a refusal is explained before
    // anything is sent.
    let check = move |outcome: Option<ReviewOutcome>| {
        let request = ReviewRequest {
            revision: 0,
            annotations: notes.list.get_untracked(),
            outcome,
        };
        let verdict = stored.with_value(|l| check_review(l, &request));
        refused_here.set(verdict.as_ref().err().map(|e| e.code()));
        if verdict.is_err()
            && let Some(el) = result.get_untracked()
        {
            let _ = el.focus();
        }
        verdict.is_ok()
    };
    let save_notes = move |_| {
        confirming.set(None);
        if check(None) {
            save.dispatch(None);
        }
    };
    let ask = move |outcome: ReviewOutcome| {
        if check(Some(outcome)) {
            confirming.set(Some(outcome));
        }
    };
    let result_text = move || {
        if let Some(code) = refused_here.get() {
            return Some((true, review_error(i18n, code)));
        }
        match save.value().get()? {
            Ok(saved) => Some((
                false,
                match saved.outcome {
                    None => t_string!(i18n, desk_saved_notes).replace("%t", &local_time(saved.updated_at)),
                    Some(ReviewOutcome::ModificheRichieste) => {
                        t_string!(i18n, desk_saved_changes).to_string()
                    }
                    Some(ReviewOutcome::Consolidata) => t_string!(i18n, desk_saved_consolidated).to_string(),
                },
            )),
            Err(ApiFailure::Refused { code, .. }) if code == "review_conflict" => {
                Some((true, t_string!(i18n, desk_conflict).to_string()))
            }
            Err(ApiFailure::Refused { code, .. }) if code == "consolidated" => {
                Some((true, t_string!(i18n, desk_already_consolidated).to_string()))
            }
            Err(ApiFailure::Refused { code, .. }) => Some((true, review_error(i18n, &code))),
            Err(_) => Some((true, t_string!(i18n, desk_unreachable).to_string())),
        }
    };
    let aside = Callback::new(move |(section, item, title)| annotation_controls(notes, section, item, title));

    view! {
        <p class="no-print"><A href="/revisione">{t!(i18n, desk_back_to_queue)}</A></p>
        <PageHeading title=Signal::derive(move || title.clone()) />
        <dl class="summary-list">
            <div class="summary-list__row">
                <dt>{t!(i18n, desk_col_version)}</dt><dd>{item.version}</dd>
            </div>
            <div class="summary-list__row">
                <dt>{t!(i18n, desk_col_received)}</dt><dd>{local_time(item.received_at)}</dd>
            </div>
            <div class="summary-list__row">
                <dt>{t!(i18n, desk_col_status)}</dt><dd>{move || status_label(i18n, status.get())}</dd>
            </div>
            <div class="summary-list__row">
                <dt>{t!(i18n, desk_interest_label)}</dt><dd>{move || interest_label(i18n, item.interest)}</dd>
            </div>
        </dl>
        {previous.map(|previous| view! { <ChangesSince previous libretto=libretto.clone() /> })}
        <EvidenceList id=item.submission_id.clone() evidence />
        <LibrettoDocument libretto=Signal::stored(libretto) aside />
        <section class="desk-outcome" aria-labelledby="esito">
            <h2 id="esito">{t!(i18n, desk_outcome_title)}</h2>
            <div id="esito-messaggio" node_ref=result tabindex="-1">
                {move || result_text().map(|(error, text)| {
                    if error {
                        view! { <p class="notice notice--error" role="alert">{text}</p> }.into_any()
                    } else {
                        view! {
                            <div class="notice notice--success" role="status">
                                <p>{text}</p>
                                <p><A href="/revisione">{t!(i18n, desk_back_to_queue)}</A></p>
                            </div>
                        }
                        .into_any()
                    }
                })}
            </div>
            <Show when=move || !notes.locked.get()>
                <p>{t!(i18n, desk_outcome_hint)}</p>
                <div class="button-row">
                    <button type="button" class="button button--secondary" id="salva-note" on:click=save_notes>
                        {t!(i18n, desk_save_notes)}
                    </button>
                    <button type="button" class="button button--secondary" id="chiedi-modifiche" on:click=move |_| ask(ReviewOutcome::ModificheRichieste)>
                        {t!(i18n, desk_ask_changes)}
                    </button>
                    <button type="button" class="button" id="consolida" on:click=move |_| ask(ReviewOutcome::Consolidata)>
                        {t!(i18n, desk_consolidate)}
                    </button>
                </div>
            </Show>
            {move || confirming.get().map(|outcome| view! {
                <Confirm outcome on_confirm=Callback::new(move |()| { save.dispatch(Some(outcome)); }) on_cancel=Callback::new(move |()| confirming.set(None)) />
            })}
        </section>
    }
}

/// "Are you sure?" before an outcome the citizen will see; it takes focus when it appears.
#[component]
fn Confirm(outcome: ReviewOutcome, on_confirm: Callback<()>, on_cancel: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let node = NodeRef::<Div>::new();
    Effect::new(move |_| {
        if let Some(el) = node.get() {
            let _ = el.focus();
        }
    });
    let question = move || match outcome {
        ReviewOutcome::ModificheRichieste => t_string!(i18n, desk_confirm_changes),
        ReviewOutcome::Consolidata => t_string!(i18n, desk_confirm_consolidate),
    };
    view! {
        <div class="notice notice--warning" id="conferma" role="group" aria-labelledby="conferma-esito" tabindex="-1" node_ref=node>
            <p id="conferma-esito">{question}</p>
            <div class="button-row">
                <button type="button" class="button" id="conferma-esito-si" on:click=move |_| on_confirm.run(())>{t!(i18n, desk_confirm)}</button>
                <button type="button" class="button button--secondary" id="conferma-esito-no" on:click=move |_| on_cancel.run(())>{t!(i18n, desk_cancel)}</button>
            </div>
        </div>
    }
}

/// The evidence files: images shown in the page, PDFs opened in the browser's viewer (the
/// server's headers forbid framing), each downloadable.
#[component]
fn EvidenceList(id: String, evidence: Vec<EvidenceOnFile>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = screen_lang();
    if evidence.is_empty() {
        return ().into_any();
    }
    let items = evidence
        .into_iter()
        .map(|e| {
            let name = format!("{} ({})", e.file.nome, human_size(e.file.dimensione, lang.get_untracked()));
            if !e.received {
                return view! { <li>{name} " – " {t!(i18n, desk_evidence_missing)}</li> }.into_any();
            }
            let url = evidence_url(&id, &e.file.sha256);
            let image = e.file.tipo_mime.starts_with("image/");
            let file_name = e.file.nome.clone();
            // An image is small and shown at once; a PDF is drawn by the browser's viewer only
            // when asked for, in a frame the server allows on this origin alone.
            let inline = if image {
                view! { <img class="evidence-preview" src=url.clone() alt=file_name.clone() /> }.into_any()
            } else {
                let shown = RwSignal::new(false);
                let (src, title) = (url.clone(), file_name.clone());
                view! {
                    <details class="details" on:toggle=move |ev| shown.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())>
                        <summary>
                            {t!(i18n, desk_evidence_show)} <span class="visually-hidden">" " {file_name.clone()}</span>
                        </summary>
                        <Show when=move || shown.get()>
                            <iframe class="evidence-frame" src=src.clone() title=title.clone()></iframe>
                        </Show>
                    </details>
                }
                .into_any()
            };
            view! {
                <li class="evidence-item">
                    <p>
                        {name} " – "
                        <a href=url.clone() target="_blank" rel="noopener noreferrer">
                            {t!(i18n, desk_evidence_open)} <span class="visually-hidden">" " {e.file.nome.clone()}</span>
                        </a>
                        " · "
                        <a href=url.clone() download=file_name.clone()>
                            {t!(i18n, desk_evidence_download)} <span class="visually-hidden">" " {file_name.clone()}</span>
                        </a>
                    </p>
                    {inline}
                </li>
            }
            .into_any()
        })
        .collect_view();
    view! {
        <section aria-labelledby="documenti">
            <h2 id="documenti">{t!(i18n, desk_evidence_title)}</h2>
            <ul class="evidence-list">{items}</ul>
        </section>
    }
    .into_any()
}

fn review_error(i18n: crate::I18n, code: &str) -> String {
    match code {
        "no_reason_for_changes" => t_string!(i18n, desk_error_no_reason),
        "comment_too_long" => t_string!(i18n, desk_error_comment_too_long),
        _ => t_string!(i18n, desk_error_other),
    }
    .to_string()
}
