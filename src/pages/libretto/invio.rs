//! `/libretto/:id/invio`: the consent screen. It says exactly what will leave the device and
//! to which office, in plain words; nothing is sent before "Conferma e invia". On confirm
//! the frozen version goes to the outbox first, then the receipt screen follows the send.

use chrono::{Local, Utc};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use sportello_core::OutboxItem;
use sportello_core::cpi::{IntakeError, Interest, SubmissionRequest, check_libretto, preselect_office};
use sportello_core::libretto::validation::Code;

use super::draft::{draft_path, use_session};
use crate::api;
use crate::components::form::Bound;
use crate::components::form::choice::{Radios, Select};
use crate::components::form::error_summary::ErrorSummary;
use crate::components::form::{FormState, screen_error};
use crate::components::page_heading::PageHeading;
use crate::components::store_error::StoreErrorMessage;
use crate::components::submission_summary::SubmissionSummary;
use crate::i18n::{t, t_string, use_i18n};
use crate::store::StoreError;
use crate::store::outbox::{Outbox, versions_of};
use crate::tr;

const OFFICE_FIELD: &str = "ufficio";

#[component]
pub fn InvioPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let base = draft_path(session);
    let draft_id = session.draft.with_untracked(|d| d.id);
    let offices = LocalResource::new(api::offices);
    let version = LocalResource::new(move || next_version(draft_id));
    let interest = RwSignal::new(None::<Interest>);
    // A new version asks about what the last one did, unless the citizen changes it.
    Effect::new(move |_| {
        if let Some(Ok((_, last))) = version.get() {
            interest.set(last);
        }
    });
    let chosen = RwSignal::new(None::<String>);

    // Preselect the office of the citizen's province once the list arrives.
    Effect::new(move |_| {
        if let Some(Ok(list)) = offices.get()
            && chosen.get_untracked().is_none()
        {
            let pick = session
                .draft
                .with_untracked(|d| preselect_office(&list, &d.libretto).map(|o| o.id.clone()));
            chosen.set(pick);
        }
    });

    let request = move || -> Option<SubmissionRequest> {
        let (version, _) = version.get().and_then(Result::ok)?;
        Some(session.draft.with(|d| SubmissionRequest {
            office_id: chosen.get().unwrap_or_default(),
            draft_id: d.id,
            version,
            libretto: d.libretto.clone(),
            interest: interest.get(),
        }))
    };
    // The CPI's own intake rule, run here first, so nothing is sent that it would refuse.
    let blocker = Memo::new(move |_| {
        session
            .draft
            .with(|d| check_libretto(&d.libretto, Local::now().date_naive()).err())
    });

    let findings = Signal::derive(move || {
        if chosen.get().is_some() {
            Vec::new()
        } else {
            vec![screen_error(OFFICE_FIELD, Code::Required)]
        }
    });
    let form = FormState::provide(findings);
    let (attempt, set_attempt) = signal(0u32);
    let sent = StoredValue::new(false);
    let navigate = use_navigate();
    let send = Action::new_local(move |item: &OutboxItem| {
        let item = item.clone();
        async move { Outbox::get().enqueue(&item).await.map(|()| item.idempotency_key) }
    });
    Effect::new(move |_| {
        if let Some(Ok(key)) = send.value().get() {
            navigate(&format!("/invii/{key}"), Default::default());
        }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // One confirmation makes one submission, however often the button is activated.
        if sent.get_value() || send.pending().get_untracked() {
            return;
        }
        if !form.try_continue() {
            set_attempt.update(|n| *n += 1);
            return;
        }
        let (Some(Ok(list)), Some(req)) = (offices.get_untracked(), request()) else {
            return;
        };
        let Some(office) = list.iter().find(|o| o.id == req.office_id).cloned() else {
            return;
        };
        sent.set_value(true);
        send.dispatch(OutboxItem {
            idempotency_key: uuid::Uuid::new_v4().to_string(),
            draft_name: session.draft.with_untracked(|d| d.name.clone()),
            office,
            request: req,
            created_at: Utc::now(),
            attempts: 0,
            last_error: None,
            next_attempt_at: None,
            refused: false,
            receipt: None,
            uploaded: Vec::new(),
        });
    };
    // Reading the earlier versions or writing the outbox failed: say so, keep the button.
    let store_failed = move || match (send.value().get(), version.get()) {
        (Some(Err(error)), _) => {
            sent.set_value(false);
            Some(view! { <StoreErrorMessage error /> })
        }
        (_, Some(Err(error))) => Some(view! { <StoreErrorMessage error /> }),
        _ => None,
    };

    let office_options = Signal::derive(move || match offices.get() {
        Some(Ok(list)) => list.into_iter().map(|o| (o.id, o.name)).collect(),
        _ => Vec::new(),
    });
    let summary = move || {
        let (Some(Ok(list)), Some(req)) = (offices.get(), request()) else {
            return None;
        };
        let office = list
            .iter()
            .find(|o| Some(&o.id) == chosen.get().as_ref())
            .cloned();
        office.map(|office| view! { <SubmissionSummary request=req office /> })
    };

    view! {
        <ErrorSummary form attempt />
        <PageHeading title=Signal::derive(move || t_string!(i18n, invio_title).to_string()) />
        {move || match blocker.get() {
            Some(problem) => view! {
                <div class="notice notice--warning">
                    <p>{blocker_text(i18n, &problem)}</p>
                    <p><A href=format!("{base}/riepilogo")>{t!(i18n, invio_fix_link)}</A></p>
                </div>
            }
            .into_any(),
            None => view! {
                <p class="lead">{t!(i18n, invio_intro)}</p>
                {move || match offices.get() {
                    None => view! { <p role="status">{t!(i18n, invio_offices_loading)}</p> }.into_any(),
                    Some(Err(_)) => view! {
                        <div class="notice notice--warning" role="alert">
                            <p>{t!(i18n, invio_offices_unreachable)}</p>
                            <button type="button" class="button button--secondary" on:click=move |_| offices.refetch()>
                                {t!(i18n, invio_try_again)}
                            </button>
                        </div>
                    }
                    .into_any(),
                    Some(Ok(_)) => view! {
                        <form class="form" novalidate on:submit=on_submit>
                            <Select
                                field=OFFICE_FIELD
                                label=tr!(i18n, invio_office_label)
                                hint=Some(tr!(i18n, invio_office_hint))
                                value=Bound::from(chosen)
                                options=office_options
                                key=|id: &String| id.clone()
                            />
                            <Radios
                                field="interesse"
                                label=tr!(i18n, invio_interest_label)
                                hint=tr!(i18n, invio_interest_hint)
                                value=Bound::from(interest)
                            />
                            {summary}
                            <h2>{t!(i18n, invio_consent_heading)}</h2>
                            <p>{t!(i18n, invio_consent_text)}</p>
                            {store_failed}
                            <button type="submit" class="button" id="conferma-invio" disabled=move || send.pending().get()>
                                {t!(i18n, invio_confirm)}
                            </button>
                        </form>
                    }
                    .into_any(),
                }}
            }
            .into_any(),
        }}
    }
}

fn blocker_text(i18n: crate::I18n, problem: &IntakeError) -> String {
    match problem {
        IntakeError::PersonalDataMissing => t_string!(i18n, invio_blocked_personal),
        IntakeError::Invalid(_) => t_string!(i18n, invio_blocked_errors),
        IntakeError::FileTooLarge(_) | IntakeError::TotalTooLarge | IntakeError::TooManyFiles => {
            t_string!(i18n, invio_blocked_files_size)
        }
        IntakeError::BadHash(_) | IntakeError::BadType(_) | IntakeError::BadVersion => {
            t_string!(i18n, invio_blocked_files_kind)
        }
    }
    .to_string()
}

/// One more than the versions of this draft already sent or waiting to be, and the programme
/// the last of them asked about.
async fn next_version(draft_id: sportello_core::DraftId) -> Result<(u32, Option<Interest>), StoreError> {
    let versions = versions_of(draft_id).await?;
    let last = versions.last();
    Ok((last.map_or(0, |v| v.version) + 1, last.and_then(|v| v.interest)))
}
