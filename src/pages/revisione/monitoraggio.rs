//! `/revisione/monitoraggio`: the office's figures for a period, as the Region publishes them —
//! each as a bar chart and, with the same numbers, a table — and as a CSV file.

use leptos::prelude::*;
use sportello_core::LifecycleState;
use sportello_core::cpi::monitoring::{AgeBand, Count, Monitoring, NOT_GIVEN, to_csv};
use sportello_core::libretto::{CategoriaEvidenza, Fonte, Sesso, Vocabulary};

use super::periodo::Periodo;
use super::{Desk, answer_view};
use crate::components::form::FormState;
use crate::components::page_heading::PageHeading;
use crate::components::submission_labels::status_label;
use crate::i18n::screen_lang;
use crate::i18n::{t, t_string, use_i18n};
use crate::tr;
use sportello_core::Lang;

#[component]
pub fn MonitoraggioPage() -> impl IntoView {
    let i18n = use_i18n();
    let desk = Desk::get();
    FormState::provide_inputs_only();
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let figures = desk.read(move || {
        let (from, to) = (from.get(), to.get());
        async move { crate::api::desk::monitoring(&from, &to).await }
    });
    view! {
        <PageHeading title=tr!(i18n, mon_title) />
        <p class="lead">{t!(i18n, mon_intro)}</p>
        <Periodo from to />
        {answer_view(figures, |m| view! { <Figures m /> }.into_any())}
    }
}

#[component]
fn Figures(m: Monitoring) -> impl IntoView {
    let i18n = use_i18n();
    let lang = screen_lang().get_untracked();
    let csv = to_csv(&m);
    let failed = RwSignal::new(false);
    let download = move |_| {
        failed.set(crate::store::transfer::download(&csv, "monitoraggio-sportello.csv", "text/csv").is_err());
    };
    let total = t_string!(i18n, mon_total).replace("%n", &m.submissions.to_string());
    let status = |k: &str| LifecycleState::from_code(k).map(|s| status_label(i18n, s));
    let genere = move |k: &str| vocab_label::<Sesso>(k, lang);
    let eta = move |k: &str| vocab_label::<AgeBand>(k, lang);
    let category = move |k: &str| vocab_label::<CategoriaEvidenza>(k, lang);
    let source = move |k: &str| vocab_label::<Fonte>(k, lang);
    let provincia = |k: &str| Some(k.to_owned());
    let not_given = t_string!(i18n, mon_not_given).to_string();
    let label = |counts: &[Count], name: &dyn Fn(&str) -> Option<String>| -> Vec<(String, u64)> {
        counts
            .iter()
            .map(|c| {
                let text = if c.key == NOT_GIVEN { None } else { name(&c.key) };
                (text.unwrap_or_else(|| not_given.clone()), c.count)
            })
            .collect()
    };
    let charts = [
        (
            "mon-stato",
            t_string!(i18n, mon_by_status),
            label(&m.by_status, &status),
        ),
        (
            "mon-provincia",
            t_string!(i18n, mon_by_provincia),
            label(&m.by_provincia, &provincia),
        ),
        (
            "mon-genere",
            t_string!(i18n, mon_by_genere),
            label(&m.by_genere, &genere),
        ),
        ("mon-eta", t_string!(i18n, mon_by_eta), label(&m.by_eta, &eta)),
        (
            "mon-evidenze",
            t_string!(i18n, mon_by_evidence),
            label(&m.by_evidence_category, &category),
        ),
        (
            "mon-fonte",
            t_string!(i18n, mon_by_source),
            label(&m.by_data_source, &source),
        ),
    ];
    let headings = (t_string!(i18n, mon_item), t_string!(i18n, mon_count));
    view! {
        <p class="mon-total" id="mon-totale">{total}</p>
        <div class="button-row">
            <button type="button" class="button button--secondary" id="scarica-csv" on:click=download>
                {t!(i18n, mon_csv)}
            </button>
        </div>
        <Show when=move || failed.get()>
            <p class="notice notice--error" role="alert">{t!(i18n, tr_download_failed)}</p>
        </Show>
        {charts
            .into_iter()
            .map(|(id, title, rows)| view! { <Chart id title=title.to_owned() rows headings /> })
            .collect_view()}
    }
}

/// One figure: a bar chart (an image with its title) and the table with the same numbers.
#[component]
fn Chart(
    id: &'static str,
    title: String,
    rows: Vec<(String, u64)>,
    headings: (&'static str, &'static str),
) -> impl IntoView {
    const BAR_HEIGHT: u64 = 28;
    const LABEL_WIDTH: u64 = 220;
    const BAR_SPACE: u64 = 320;
    let max = rows.iter().map(|(_, n)| *n).max().unwrap_or(0);
    let height = BAR_HEIGHT * (rows.len() as u64).max(1);
    let bars = rows
        .iter()
        .enumerate()
        .map(|(i, (name, n))| {
            let y = i as u64 * BAR_HEIGHT;
            let width = (n * BAR_SPACE / max.max(1)).max(1);
            view! {
                <g>
                    <text x="0" y=y + 19 class="chart__label">{name.clone()}</text>
                    <rect x=LABEL_WIDTH y=y + 4 width=width height=BAR_HEIGHT - 8 class="chart__bar" />
                    <text x=LABEL_WIDTH + width + 6 y=y + 19 class="chart__value">{n.to_string()}</text>
                </g>
            }
        })
        .collect_view();
    let table_rows = rows
        .into_iter()
        .map(|(name, n)| view! { <tr><th scope="row">{name}</th><td>{n}</td></tr> })
        .collect_view();
    let view_box = format!("0 0 {} {height}", LABEL_WIDTH + BAR_SPACE + 60);
    if max == 0 {
        return view! {
            <section class="chart" aria-labelledby=id>
                <h2 id=id>{title}</h2>
                <p class="doc-empty">{t!(use_i18n(), mon_none)}</p>
            </section>
        }
        .into_any();
    }
    let title_id = format!("{id}-titolo");
    let labelled_by = title_id.clone();
    view! {
        <section class="chart" aria-labelledby=id>
            <h2 id=id>{title.clone()}</h2>
            <svg class="chart__svg" role="img" aria-labelledby=labelled_by viewBox=view_box>
                <title id=title_id>{title}</title>
                {bars}
            </svg>
            <table class="compare">
                <thead><tr><th scope="col">{headings.0}</th><th scope="col">{headings.1}</th></tr></thead>
                <tbody>{table_rows}</tbody>
            </table>
        </section>
    }
    .into_any()
}

/// A figure's key as the name of the value it counts.
fn vocab_label<V: Vocabulary>(code: &str, lang: Lang) -> Option<String> {
    V::from_code(code).map(|v| v.label(lang).to_owned())
}
