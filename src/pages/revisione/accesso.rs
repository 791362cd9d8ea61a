//! The desk's sign-in: e-mail and password, checked here for shape and by the server for
//! truth. A refusal never says which of the two was wrong.

use leptos::html::Div;
use leptos::prelude::*;
use sportello_core::cpi::desk::{SignInRequest, normalise_email};
use sportello_core::libretto::validation::Code;

use super::Desk;
use crate::api::ApiFailure;
use crate::components::form::error_summary::ErrorSummary;
use crate::components::form::text_field::TextField;
use crate::components::form::{Bound, FormState, screen_error};
use crate::components::page_heading::PageHeading;
use crate::i18n::{t, t_string, use_i18n};
use crate::tr;

#[component]
pub fn SignIn() -> impl IntoView {
    let i18n = use_i18n();
    let desk = Desk::get();
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let findings = Signal::derive(move || {
        let mut out = Vec::new();
        if email.with(|e| e.trim().is_empty()) {
            out.push(screen_error("email", Code::Required));
        } else if email.with(|e| normalise_email(e).is_none()) {
            out.push(screen_error("email", Code::EmailInvalid));
        }
        if password.with(String::is_empty) {
            out.push(screen_error("password", Code::Required));
        }
        out
    });
    let form = FormState::provide(findings);
    let (attempt, set_attempt) = signal(0u32);
    let sign_in = Action::new_local(move |request: &SignInRequest| {
        let request = request.clone();
        async move { crate::api::desk::sign_in(&request).await }
    });
    let refusal = NodeRef::<Div>::new();
    Effect::new(move |_| match sign_in.value().get() {
        Some(Ok(session)) => desk.session.set(Some(session)),
        Some(Err(_)) => {
            // The password is typed again; the address stays.
            password.set(String::new());
            if let Some(el) = refusal.get_untracked() {
                let _ = el.focus();
            }
        }
        None => {}
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if sign_in.pending().get_untracked() {
            return;
        }
        if !form.try_continue() {
            set_attempt.update(|n| *n += 1);
            return;
        }
        sign_in.dispatch(SignInRequest {
            email: email.get_untracked(),
            password: password.get_untracked(),
        });
    };
    let refusal_text = move || {
        let Some(Err(failure)) = sign_in.value().get() else {
            return None;
        };
        Some(match failure {
            ApiFailure::Refused { status: 401, .. } => t_string!(i18n, desk_sign_in_refused),
            ApiFailure::Refused { status: 429, .. } => t_string!(i18n, desk_sign_in_throttled),
            _ => t_string!(i18n, desk_unreachable),
        })
    };
    view! {
        <ErrorSummary form attempt />
        <PageHeading title=tr!(i18n, revisione_title) />
        <p class="lead">{t!(i18n, revisione_intro)}</p>
        <div id="accesso-esito" node_ref=refusal tabindex="-1">
            {move || refusal_text().map(|text| view! {
                <p class="notice notice--error" role="alert">{text}</p>
            })}
        </div>
        <form class="form" novalidate on:submit=on_submit>
            <TextField
                field="email"
                label=tr!(i18n, desk_email)
                value=Bound::from(email)
                input_type="email"
                autocomplete="username"
            />
            <TextField
                field="password"
                label=tr!(i18n, desk_password)
                value=Bound::from(password)
                input_type="password"
                autocomplete="current-password"
            />
            <div class="button-row">
                <button type="submit" class="button" id="accedi" aria-disabled=move || sign_in.pending().get().then_some("true")>
                    {t!(i18n, desk_sign_in)}
                </button>
            </div>
        </form>
    }
}
