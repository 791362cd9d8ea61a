//! Not a test: `cargo xtask bench` runs this to time the store and the rules engine in a
//! real Chromium.
//! It prints `BENCH name median_ms p95_ms` lines that xtask collects; it asserts nothing
//! about speed (targets belong in the bench report, not in pass/fail).
#![cfg(target_arch = "wasm32")]

use sportello::store::Store;
use sportello_core::libretto::validation::validate;
use sportello_core::libretto::{Competenza, Contesto, EsperienzaLavorativa, ItemId, PartialDate, Tipologia};
use sportello_core::programmes::{Profile, catalogue, evaluate_all};
use sportello_core::records::SimulationKind;
use sportello_core::{Draft, SimulationRecord};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const RUNS: usize = 20;

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or_default()
}

fn report(name: &str, mut samples: Vec<f64>) {
    samples.sort_by(f64::total_cmp);
    let median = samples[samples.len() / 2];
    let p95 = samples[(samples.len() * 95 / 100).min(samples.len() - 1)];
    console_log!(
        "BENCH {name} median_ms={median:.4} p95_ms={p95:.4} runs={}",
        samples.len()
    );
}

/// About 1 MB of JSON: 2,000 entries of ~500 bytes, shaped like real text fields.
fn one_megabyte_record() -> SimulationRecord {
    let entries: Vec<serde_json::Value> = (0..2000)
        .map(|i| {
            serde_json::json!({
                "id": format!("voce-{i}"),
                "descrizione": "È in grado di gestire la contabilità ordinaria di una piccola impresa, \
                    predisporre la prima nota, registrare fatture attive e passive e riconciliare \
                    gli estratti conto bancari con il supporto di software gestionali diffusi. "
                    .repeat(2),
                "ore": i % 40,
            })
        })
        .collect();
    SimulationRecord {
        id: "bench-1mb".into(),
        kind: SimulationKind::DoteScenario,
        name: "1 MB".into(),
        saved_at: chrono::Utc::now(),
        body: serde_json::Value::Array(entries),
    }
}

#[wasm_bindgen_test]
async fn bench_put_get_one_megabyte() {
    let store = Store::open_named(&format!("sportello-bench-{}", uuid::Uuid::new_v4()))
        .await
        .expect("open");
    let record = one_megabyte_record();
    let size = serde_json::to_string(&record)
        .map(|s| s.len())
        .unwrap_or_default();
    console_log!("BENCH record_bytes {size}");
    let (mut puts, mut gets) = (Vec::new(), Vec::new());
    for _ in 0..RUNS {
        let t = now_ms();
        store.put(&record).await.expect("put");
        puts.push(now_ms() - t);
        let t = now_ms();
        let back = store.get::<SimulationRecord>("bench-1mb").await.expect("get");
        gets.push(now_ms() - t);
        assert!(back.is_some());
    }
    report("store_put_1mb", puts);
    report("store_get_1mb", gets);
}

#[wasm_bindgen_test]
fn bench_evaluate_all_programmes() {
    let programmes = catalogue().expect("catalogue");
    let profile = Profile::from_json(include_str!("../docs/profile.example.json")).expect("profile");
    let on = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).expect("date");
    let _ = evaluate_all(programmes, &profile, on);
    // Each sample is 100 evaluations, so the timer's resolution does not dominate.
    let samples = (0..RUNS)
        .map(|_| {
            let t = now_ms();
            for _ in 0..100 {
                std::hint::black_box(evaluate_all(programmes, &profile, on));
            }
            (now_ms() - t) / 100.0
        })
        .collect();
    report("rules_all_chromium", samples);
}

/// A Libretto with 500 entries: 250 work experiences and 250 competences linked to them,
/// each with realistic text lengths. The same shape as `tests/bench/cold_load.mjs` seeds.
fn five_hundred_item_draft() -> Draft {
    let mut d = Draft::new("Bench 500", chrono::Utc::now());
    let l = &mut d.libretto;
    for i in 0..250 {
        let id = ItemId(format!("e{i}"));
        l.esperienze_lavorative.push(EsperienzaLavorativa {
            id: id.clone(),
            inizio: PartialDate::month(2000 + (i % 20), 1 + (i % 12) as u32).ok(),
            fine: PartialDate::year(2021).ok(),
            datore: format!("Azienda numero {i} S.r.l."),
            mansioni: "Gestione del magazzino, ricevimento merci, inventario periodico e \
                preparazione degli ordini con palmare e gestionale."
                .into(),
            ..Default::default()
        });
        l.competenze.push(Competenza {
            id: ItemId(format!("c{i}")),
            tipologia: Some(Tipologia::TecnicoProfessionale),
            descrizione: "Sono in grado di organizzare lo stoccaggio delle merci secondo criteri di \
                rotazione e sicurezza, usando il gestionale di magazzino."
                .into(),
            contesto: Some(Contesto::Informale),
            esperienze: vec![id],
            ..Default::default()
        });
    }
    d
}

#[wasm_bindgen_test]
async fn bench_autosave_500_items() {
    let store = Store::open_named(&format!("sportello-bench-{}", uuid::Uuid::new_v4()))
        .await
        .expect("open");
    let mut draft = five_hundred_item_draft();
    let size = serde_json::to_string(&draft).map(|s| s.len()).unwrap_or_default();
    console_log!("BENCH libretto_500_bytes {size}");
    store.save_draft(&draft, 0).await.expect("first save");
    let mut samples = Vec::new();
    for _ in 0..RUNS {
        let base = draft.revision;
        draft.revision += 1;
        draft.libretto.esperienze_lavorative[0].datore.push('x');
        // What one autosave does: the conditional write of the whole draft in one transaction.
        let t = now_ms();
        store.save_draft(&draft, base).await.expect("save");
        samples.push(now_ms() - t);
    }
    report("autosave_500_items", samples);
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).expect("date");
    let samples = (0..RUNS)
        .map(|_| {
            let t = now_ms();
            std::hint::black_box(validate(&draft.libretto, today));
            now_ms() - t
        })
        .collect();
    report("validate_500_items", samples);
}
