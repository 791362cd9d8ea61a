//! `/ila`: is an ILA or a training voucher open to me, and why?
//!
//! Reads top to bottom like the screen: prefill from a Libretto draft, the questions still
//! needed, then every ILA and voucher programme side by side with its outcome and reasons.
//! The rules are `sportello-core`'s; this page only collects answers and shows findings.

use leptos::prelude::*;
use sportello_core::programmes::{Kind, Profile, evaluate_kinds};
use sportello_core::records::{SimulationKind, SimulationRecord};

use crate::components::libretto_prefill::PrefillFromLibretto;
use crate::components::page_heading::PageHeading;
use crate::components::profile_questions::Questions;
use crate::components::programme_result::ProgrammeResults;
use crate::i18n::{t, t_string, use_i18n};
use crate::store::Store;

#[component]
pub fn IlaPage() -> impl IntoView {
    let i18n = use_i18n();
    // The answers given so far: the single source the questions write and the results read.
    let profile = RwSignal::new(Profile::default());
    let today = chrono::Local::now().date_naive();
    let results = Memo::new(move |_| profile.with(|p| evaluate_kinds(&[Kind::Ila, Kind::Voucher], p, today)));

    let save = Action::new_local(move |_: &()| {
        let record = SimulationRecord {
            id: uuid::Uuid::new_v4().to_string(),
            kind: SimulationKind::IlaCheck,
            name: format!("ILA {}", today.format("%d/%m/%Y")),
            saved_at: chrono::Utc::now(),
            body: serde_json::to_value(profile.get_untracked()).unwrap_or_default(),
        };
        async move { Store::open().await?.put(&record).await }
    });

    view! {
        <PageHeading title=Signal::derive(move || t_string!(i18n, ila_title).to_string()) />
        <p class="lead">{t!(i18n, ila_intro)}</p>
        <p class="notice">{t!(i18n, ila_simulation_notice)}</p>

        <PrefillFromLibretto profile />
        <Questions profile results with_course=true />

        <section aria-labelledby="risultati" class="results">
            <h2 id="risultati">{t!(i18n, ila_results_heading)}</h2>
            <ProgrammeResults results />
            <button type="button" class="button" on:click=move |_| { save.dispatch(()); }>
                {t!(i18n, ila_save)}
            </button>
            <p role="status" class="save-status">
                {move || match save.value().get() {
                    Some(Ok(())) => t_string!(i18n, ila_saved).to_string(),
                    Some(Err(_)) => t_string!(i18n, store_error_other).to_string(),
                    None => String::new(),
                }}
            </p>
        </section>
    }
}
