//! `/dote`: would a Lombardy dote be open to me, in which *fascia*, and what plan of services
//! (PIP) fits its budget? Scenarios are saved on the device, reopened, and two or three of
//! them compared side by side.
//!
//! Eligibility comes from the programme rules in `sportello-core`; the fasce, services,
//! budget, allowance and plan arithmetic from `sportello_core::programmes::dote`. Figures no
//! source confirms are editable and labelled "Valore illustrativo – non ufficiale" (R1–R2).

mod allowance;
mod compare;
mod editor;

use leptos::prelude::*;
use sportello_core::programmes::dote::Scenario;
use sportello_core::programmes::{Kind, Profile, evaluate_kinds};
use sportello_core::records::{SimulationKind, SimulationRecord};

use crate::components::libretto_prefill::PrefillFromLibretto;
use crate::components::page_heading::PageHeading;
use crate::components::profile_questions::Questions;
use crate::components::programme_result::ProgrammeResults;
use crate::components::saved_simulations::{SavedSimulations, saved_of};
use crate::i18n::{t, t_string, use_i18n};
use crate::tr;

use allowance::Allowance;
use compare::CompareScenarios;
use editor::{Editing, ScenarioEditor};

#[component]
pub fn DotePage() -> impl IntoView {
    let i18n = use_i18n();
    let profile = RwSignal::new(Profile::default());
    let today = chrono::Local::now().date_naive();
    let results =
        Memo::new(move |_| profile.with(|p| evaluate_kinds(&[Kind::Dote, Kind::IncomeSupport], p, today)));
    let version = RwSignal::new(0u32);
    let saved = saved_of(SimulationKind::DoteScenario, version);
    let editing = RwSignal::new(Editing::new(Scenario::new()));
    let compare = RwSignal::new(Vec::<String>::new());
    let open = Callback::new(move |record: SimulationRecord| {
        if let Ok(scenario) = serde_json::from_value::<Scenario>(record.body.clone()) {
            editing.set(Editing::reopened(record, scenario));
            request_animation_frame(|| crate::components::focus::focus_by_id("dote-piano"));
        }
    });

    view! {
        <PageHeading title=Signal::derive(move || t_string!(i18n, dote_title).to_string()) />
        <p class="lead">{t!(i18n, dote_intro)}</p>
        <p class="notice">{t!(i18n, ila_simulation_notice)}</p>

        <PrefillFromLibretto profile />
        <Questions profile results results_id="dote-esiti" />

        <section aria-labelledby="dote-esiti" class="results">
            <h2 id="dote-esiti" tabindex="-1">{t!(i18n, dote_results_heading)}</h2>
            <ProgrammeResults results />
        </section>

        <section aria-labelledby="dote-piano" class="plan-section">
            <h2 id="dote-piano" tabindex="-1">{t!(i18n, dote_plan_heading)}</h2>
            <p>{t!(i18n, dote_plan_hint)}</p>
            {move || {
                // A new editor (and form) for each scenario opened, so that nothing typed
                // for one leaks into another.
                let current = editing.get();
                view! { <ScenarioEditor editing=current version /> }
            }}
            <button
                type="button"
                class="button button--secondary"
                on:click=move |_| editing.set(Editing::new(Scenario::new()))
            >
                {t!(i18n, dote_new_scenario)}
            </button>
        </section>

        <SavedSimulations
            saved
            version
            on_open=open
            compare
            heading=tr!(i18n, dote_saved_heading)
            empty=tr!(i18n, dote_saved_empty)
        />
        <CompareScenarios saved compare />
        <Allowance />
    }
}
