//! `/ila`: is an ILA or a training voucher open to me, and why?
//!
//! Reads top to bottom like the screen: prefill from a Libretto draft, the questions still
//! needed in short steps, then the programmes, open ones first, with outcome and reasons;
//! the check can be saved, and saved checks are listed, reopened, renamed and deleted; last,
//! a citizen who already holds an ILA card keeps track of it (`carta`).
//! The rules are `sportello-core`'s; this page only collects answers and shows findings.

mod carta;

use leptos::prelude::*;
use sportello_core::programmes::{Kind, Profile, evaluate_kinds};
use sportello_core::records::{SimulationKind, SimulationRecord};

use crate::components::focus::focus_by_id;
use crate::components::libretto_prefill::PrefillFromLibretto;
use crate::components::local_time::local_time;
use crate::components::page_heading::PageHeading;
use crate::components::profile_questions::Questions;
use crate::components::programme_result::ProgrammeResults;
use crate::components::saved_simulations::{SavedSimulations, saved_of};
use crate::components::store_error::StoreErrorMessage;
use crate::i18n::{t, t_string, use_i18n};
use crate::store::Store;
use crate::tr;

const RESULTS: &str = "risultati";

#[component]
pub fn IlaPage() -> impl IntoView {
    let i18n = use_i18n();
    // The answers given so far: the single source the questions write and the results read.
    let profile = RwSignal::new(Profile::default());
    // Bumped when a saved check is reopened, so the questions start over from its answers.
    let opened = RwSignal::new(0u32);
    let today = chrono::Local::now().date_naive();
    let results = Memo::new(move |_| profile.with(|p| evaluate_kinds(&[Kind::Ila, Kind::Voucher], p, today)));
    let version = RwSignal::new(0u32);
    let saved = saved_of(SimulationKind::IlaCheck, version);

    let save = Action::new_local(move |_: &()| {
        let now = chrono::Utc::now();
        let record = SimulationRecord {
            id: uuid::Uuid::new_v4().to_string(),
            kind: SimulationKind::IlaCheck,
            name: format!("{} {}", t_string!(i18n, ila_check_name), local_time(now)),
            saved_at: now,
            body: serde_json::to_value(profile.get_untracked()).unwrap_or_default(),
        };
        async move { Store::open().await?.put(&record).await }
    });
    Effect::new(move |_| {
        if let Some(Ok(())) = save.value().get() {
            version.update(|v| *v += 1);
        }
    });
    let open = Callback::new(move |record: SimulationRecord| {
        if let Ok(answers) = serde_json::from_value::<Profile>(record.body) {
            profile.set(answers);
            opened.update(|o| *o += 1);
            request_animation_frame(|| focus_by_id(RESULTS));
        }
    });

    view! {
        <PageHeading title=Signal::derive(move || t_string!(i18n, ila_title).to_string()) />
        <p class="lead">{t!(i18n, ila_intro)}</p>
        <p class="notice">{t!(i18n, ila_simulation_notice)}</p>

        <PrefillFromLibretto profile />
        {move || {
            opened.track();
            view! { <Questions profile results with_course=true results_id=RESULTS /> }
        }}

        <section aria-labelledby=RESULTS class="results">
            <h2 id=RESULTS tabindex="-1">{t!(i18n, ila_results_heading)}</h2>
            <ProgrammeResults results />
            <button type="button" class="button" on:click=move |_| { save.dispatch(()); }>
                {t!(i18n, ila_save)}
            </button>
            <p role="status" class="save-status">
                {move || matches!(save.value().get(), Some(Ok(()))).then(|| t_string!(i18n, ila_saved))}
            </p>
            {move || save.value().get().and_then(Result::err).map(|error| view! { <StoreErrorMessage error /> })}
        </section>

        <SavedSimulations
            saved
            version
            on_open=open
            heading=tr!(i18n, ila_saved_heading)
            empty=tr!(i18n, ila_saved_empty)
        />

        <carta::CardTracker />
    }
}
