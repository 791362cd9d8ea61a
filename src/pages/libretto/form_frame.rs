//! The frame of every Libretto form screen: heading, error summary, the fields, and
//! "Salva e continua", which moves on only when the screen has no errors. Answers are saved
//! as they are typed; the button only decides whether the citizen is done here.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use sportello_core::libretto::validation::Finding;

use crate::components::focus::restore_remembered_focus;
use crate::components::form::FormState;
use crate::components::form::error_summary::ErrorSummary;
use crate::components::page_heading::PageHeading;
use crate::i18n::{t, use_i18n};

#[component]
pub fn FormFrame(
    title: Signal<String>,
    #[prop(optional)] intro: Option<Signal<String>>,
    findings: Signal<Vec<Finding>>,
    /// Where "Salva e continua" leads.
    next: String,
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let form = FormState::provide(findings);
    let (attempt, set_attempt) = signal(0u32);
    let navigate = use_navigate();
    let back = next.clone();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if form.try_continue() {
            navigate(&next, Default::default());
        } else {
            set_attempt.update(|n| *n += 1);
        }
    };
    restore_remembered_focus();
    view! {
        <ErrorSummary form attempt />
        <PageHeading title />
        {intro.map(|i| view! { <p class="lead">{i}</p> })}
        <form class="libretto-form" novalidate=true on:submit=on_submit>
            {children()}
            <div class="button-row">
                <button type="submit" class="button">{t!(i18n, form_save_continue)}</button>
                <a class="button button--secondary" href=back>{t!(i18n, form_back)}</a>
            </div>
        </form>
    }
}

/// The frame of a single-form section (personal data, digital skills, licences): its title,
/// intro and findings, back to the task list when done.
#[component]
pub fn SectionForm(
    section: sportello_core::libretto::Section,
    /// Findings the screen adds to the Libretto's own (checks that need data fetched first).
    #[prop(optional)]
    also: Option<Signal<Vec<Finding>>>,
    children: Children,
) -> impl IntoView {
    use sportello_core::libretto::validation::for_entry;

    use super::draft::{draft_path, use_session};
    use crate::components::section_label::{section_intro, section_title};

    let i18n = use_i18n();
    let session = use_session();
    let findings = Signal::derive(move || {
        let mut all: Vec<Finding> = session
            .findings
            .with(|f| for_entry(f, section, None).cloned().collect());
        if let Some(also) = also {
            all.extend(also.get());
        }
        all
    });
    view! {
        <FormFrame
            title=Signal::derive(move || section_title(i18n, section))
            intro=Signal::derive(move || section_intro(i18n, section))
            findings
            next=draft_path(session)
        >
            {children()}
        </FormFrame>
    }
}
