//! The browser store, in a real Chromium: every object store round-trips its core type, a
//! database left by schema v1 upgrades with its data intact, and damaged records are reported
//! as such instead of panicking.
#![cfg(target_arch = "wasm32")]

use chrono::{DateTime, Utc};
use sportello::store::{Listing, Record, SCHEMA_VERSION, Store, StoreError, StoreName};
use sportello_core::cpi::{Office, SubmissionReceipt, SubmissionRequest};
use sportello_core::records::SimulationKind;
use sportello_core::{Draft, EvidenceMeta, LifecycleState, OutboxItem, SimulationRecord, SubmissionRecord};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const V1_FIXTURE: &str = include_str!("fixtures/store-v1.json");

fn at(s: &str) -> DateTime<Utc> {
    s.parse().expect("test timestamp")
}

/// Each test gets a database of its own, so they cannot see each other's records.
fn db_name(test: &str) -> String {
    format!("sportello-test-{test}-{}", uuid::Uuid::new_v4())
}

fn blob(bytes: &[u8], mime: &str) -> web_sys::Blob {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).expect("blob")
}

fn file_ref(sha256: &str, name: &str, size: u64) -> sportello_core::libretto::FileRef {
    sportello_core::libretto::FileRef {
        sha256: sha256.into(),
        nome: name.into(),
        tipo_mime: "application/pdf".into(),
        dimensione: size,
    }
}

async fn bytes(blob: &web_sys::Blob) -> Vec<u8> {
    let buffer = wasm_bindgen_futures::JsFuture::from(blob.array_buffer())
        .await
        .expect("read blob");
    js_sys::Uint8Array::new(&buffer).to_vec()
}

fn office() -> Office {
    Office {
        id: "pistoia".into(),
        name: "Centro per l'Impiego di Pistoia".into(),
        province: "PT".into(),
        region: "toscana".into(),
    }
}

fn outbox_item(key: &str, draft: &Draft) -> OutboxItem {
    OutboxItem {
        idempotency_key: key.into(),
        draft_name: draft.name.clone(),
        office: office(),
        request: SubmissionRequest {
            office_id: "pistoia".into(),
            draft_id: draft.id,
            version: 1,
            libretto: draft.libretto.clone(),
            interest: None,
        },
        created_at: at("2026-05-01T09:00:00Z"),
        attempts: 2,
        last_error: Some("network".into()),
        next_attempt_at: Some(at("2026-05-01T09:00:04Z")),
        refused: false,
        receipt: None,
        uploaded: vec!["ab".repeat(32)],
    }
}

fn receipt(id: &str) -> SubmissionReceipt {
    SubmissionReceipt {
        submission_id: id.into(),
        receipt_code: "7K3M-9QXA-2RBD".into(),
        office_id: "pistoia".into(),
        received_at: at("2026-05-02T10:00:00Z"),
        status: LifecycleState::Inviata,
        status_token: "token".into(),
        evidence_expected: Vec::new(),
    }
}

async fn assert_round_trip<R: Record + PartialEq + std::fmt::Debug + Clone>(store: &Store, record: R) {
    let key = record.key();
    store.put(&record).await.expect("put");
    assert_eq!(store.get::<R>(&key).await.expect("get"), Some(record.clone()));
    let Listing { items, corrupt } = store.list::<R>().await.expect("list");
    assert_eq!(items, vec![record]);
    assert!(corrupt.is_empty());
    store.delete::<R>(&key).await.expect("delete");
    assert_eq!(store.get::<R>(&key).await.expect("get after delete"), None);
}

#[wasm_bindgen_test]
async fn every_store_round_trips_its_type() {
    let store = Store::open_named(&db_name("round-trip")).await.expect("open");
    assert_eq!(store.version(), SCHEMA_VERSION);

    let mut draft = Draft::new("Libretto di Marco", at("2026-05-01T08:00:00Z"));
    draft.libretto.dati_personali.nome = "Marco".into();
    draft.touch(at("2026-05-01T08:03:00Z"));
    assert_round_trip(&store, draft.clone()).await;

    let mut item = outbox_item("k-1", &draft);
    assert_round_trip(&store, item.clone()).await;
    item.receipt = Some(receipt("s-1"));
    let mut record = SubmissionRecord::from_sent(&item, &receipt("s-1"));
    record.status = LifecycleState::InRevisione;
    assert_round_trip(&store, record).await;

    assert_round_trip(
        &store,
        SimulationRecord {
            id: "sim-1".into(),
            kind: SimulationKind::DoteScenario,
            name: "Scenario A".into(),
            saved_at: at("2026-05-03T11:00:00Z"),
            body: serde_json::json!({ "fascia": 2, "services": [{ "id": "colloquio", "hours": 2 }] }),
        },
    )
    .await;

    let content = b"%PDF-1.4 fake but bytes are bytes".to_vec();
    let meta = EvidenceMeta {
        file: file_ref(&"ab".repeat(32), "contratto.pdf", content.len() as u64),
        added_at: at("2026-05-04T12:00:00Z"),
    };
    store
        .put_evidence(&meta, &blob(&content, "application/pdf"))
        .await
        .expect("put evidence");
    let (got_meta, got_blob) = store
        .get_evidence(&meta.file.sha256)
        .await
        .expect("get evidence")
        .expect("present");
    assert_eq!(got_meta, meta);
    assert_eq!(bytes(&got_blob).await, content);
    assert_eq!(got_blob.type_(), "application/pdf");
    assert_eq!(
        store.list_evidence().await.expect("list evidence").items,
        vec![meta.clone()]
    );
    store
        .delete_evidence(&meta.file.sha256)
        .await
        .expect("delete evidence");
    assert!(
        store
            .get_evidence(&meta.file.sha256)
            .await
            .expect("get after delete")
            .is_none()
    );
}

#[wasm_bindgen_test]
async fn a_v1_database_upgrades_with_its_data_intact() {
    let name = db_name("upgrade");
    let fixture: serde_json::Value = serde_json::from_str(V1_FIXTURE).expect("fixture is JSON");

    // Build the database exactly as schema v1 left it, from raw records.
    let v1 = Store::open_at_version(&name, 1).await.expect("open v1");
    let mut names = v1.store_names();
    names.sort();
    assert_eq!(names, vec!["drafts", "evidence"]);
    let to_js = |v: &serde_json::Value| js_sys::JSON::parse(&v.to_string()).expect("fixture to JS");
    for draft in fixture["drafts"].as_array().expect("drafts") {
        v1.put_raw(StoreName::Drafts, to_js(draft))
            .await
            .expect("put v1 draft");
    }
    for ev in fixture["evidence"].as_array().expect("evidence") {
        let record = to_js(ev);
        let content = ev["content"].as_str().expect("content");
        js_sys::Reflect::set(
            &record,
            &JsValue::from_str("blob"),
            &blob(content.as_bytes(), "application/pdf"),
        )
        .expect("attach blob");
        v1.put_raw(StoreName::Evidence, record)
            .await
            .expect("put v1 evidence");
    }
    v1.close();

    let store = Store::open_named(&name).await.expect("open current");
    assert_eq!(store.version(), SCHEMA_VERSION);
    let mut names = store.store_names();
    names.sort();
    assert_eq!(
        names,
        vec!["drafts", "evidence", "outbox", "simulations", "submissions"]
    );

    // What the store gives back, checked against the values written in the fixture file (not
    // against the fixture parsed by the same serde the store uses, which would agree with a
    // field both silently dropped).
    let listed = store.list::<Draft>().await.expect("list drafts");
    assert!(listed.corrupt.is_empty());
    let mut got: Vec<(String, String, u64, u32, String, String)> = listed
        .items
        .iter()
        .map(|d| {
            (
                d.id.to_string(),
                d.name.clone(),
                d.revision,
                d.format_version,
                d.libretto.dati_personali.cognome.clone(),
                d.libretto.dati_personali.codice_fiscale.clone(),
            )
        })
        .collect();
    got.sort();
    let row = |id: &str, name: &str, revision, cognome: &str, cf: &str| {
        (
            id.to_owned(),
            name.to_owned(),
            revision,
            1,
            cognome.to_owned(),
            cf.to_owned(),
        )
    };
    assert_eq!(
        got,
        vec![
            row(
                "0b7f3c2e-5d41-4c3a-9a55-2f7e1c9d8a01",
                "Libretto di Anna",
                7,
                "Bianchi",
                "BNCNNA80A41H501X"
            ),
            row(
                "6c1d9e44-0f2a-4b8e-8d3c-77aa10b2c3d4",
                "Libretto di Karim",
                1,
                "",
                ""
            ),
        ]
    );
    let anna = listed
        .items
        .iter()
        .find(|d| d.revision == 7)
        .expect("Anna's draft is listed");
    assert_eq!(anna.libretto.dati_personali.nome, "Anna");
    assert_eq!(anna.updated_at, at("2026-03-05T18:40:12Z"));

    let sha = fixture["evidence"][0]["sha256"].as_str().expect("sha");
    let (meta, file) = store
        .get_evidence(sha)
        .await
        .expect("get evidence")
        .expect("evidence kept");
    // Version 1 wrote the file's description with English field names; it still reads.
    assert_eq!(meta.file, file_ref(sha, "attestato.pdf", 5));
    assert_eq!(bytes(&file).await, b"hello");

    // The stores v2 added work straight away.
    let item = outbox_item("after-upgrade", anna);
    store.put(&item).await.expect("outbox usable after upgrade");
    assert_eq!(
        store.get::<OutboxItem>("after-upgrade").await.expect("get"),
        Some(item)
    );
}

#[wasm_bindgen_test]
async fn a_corrupt_record_is_reported_not_panicked_on() {
    let store = Store::open_named(&db_name("corrupt")).await.expect("open");
    let good = Draft::new("Intatta", at("2026-07-01T10:00:00Z"));
    store.put(&good).await.expect("put good");
    let bad = js_sys::JSON::parse(r#"{"id":"rotto","name":42,"revision":"many"}"#).expect("json");
    store.put_raw(StoreName::Drafts, bad).await.expect("put bad");

    match store.get::<Draft>("rotto").await {
        Err(StoreError::Corrupt(c)) => {
            assert_eq!(c.key, "rotto");
            assert_eq!(c.store, StoreName::Drafts);
        }
        other => panic!("expected a corrupt-record error, got {other:?}"),
    }

    let listing = store
        .list::<Draft>()
        .await
        .expect("a listing survives one bad record");
    assert_eq!(listing.items, vec![good]);
    assert_eq!(listing.corrupt.len(), 1);
    assert_eq!(listing.corrupt[0].key, "rotto");

    // An evidence record whose file is missing is corrupt too.
    let no_blob = js_sys::JSON::parse(
        r#"{"sha256":"cd","file_name":"x.png","mime_type":"image/png","size":1,"added_at":"2026-07-01T10:00:00Z"}"#,
    )
    .expect("json");
    store
        .put_raw(StoreName::Evidence, no_blob)
        .await
        .expect("put evidence without blob");
    assert!(matches!(
        store.get_evidence("cd").await,
        Err(StoreError::Corrupt(_))
    ));
}

#[wasm_bindgen_test]
async fn an_upgrade_blocked_by_an_old_tab_is_reported() {
    let name = db_name("blocked");
    // An "old tab": a v1 connection that stays open and does not react to versionchange.
    let _old = Store::open_at_version(&name, 1).await.expect("open v1");
    let result = Store::open_named(&name).await;
    assert!(matches!(result, Err(StoreError::Blocked)), "got {result:?}");
}

#[wasm_bindgen_test]
async fn a_draft_saves_only_over_the_revision_it_was_based_on() {
    let store = Store::open_named(&db_name("conditional-save"))
        .await
        .expect("open");
    let mut draft = Draft::new("Libretto di Anna", at("2026-05-01T08:00:00Z"));
    store
        .save_draft(&draft, 0)
        .await
        .expect("first save: nothing stored yet");
    draft.revision = 1;
    store
        .save_draft(&draft, 0)
        .await
        .expect("based on what is stored (revision 0)");
    // Another tab still based on revision 0 must not write over revision 1.
    let mut stale = draft.clone();
    stale.revision = 1;
    stale.libretto.dati_personali.nome = "scritto altrove".into();
    assert_eq!(
        store.save_draft(&stale, 0).await,
        Err(StoreError::Conflict { stored: 1 })
    );
    let kept = store
        .get::<Draft>(&draft.id.to_string())
        .await
        .expect("get")
        .expect("stored");
    assert_eq!(kept, draft);
}

#[wasm_bindgen_test]
async fn a_file_no_draft_or_waiting_send_refers_to_is_freed_and_the_others_stay() {
    let store = Store::open_named(&db_name("free")).await.expect("open");
    let file = |c: &str| EvidenceMeta {
        file: file_ref(&c.repeat(64), &format!("{c}.pdf"), 3),
        added_at: at("2026-05-01T08:00:00Z"),
    };
    let reference = |meta: &EvidenceMeta| sportello_core::libretto::Evidenza {
        id: sportello_core::libretto::ItemId::new_random(),
        file: Some(meta.file.clone()),
        ..Default::default()
    };
    let (in_draft, in_outbox, orphan) = (file("a"), file("b"), file("c"));
    for meta in [&in_draft, &in_outbox, &orphan] {
        store
            .put_evidence(meta, &blob(b"pdf", "application/pdf"))
            .await
            .expect("evidence");
    }
    let mut draft = Draft::new("Libretto", at("2026-05-01T08:00:00Z"));
    draft.libretto.evidenze.push(reference(&in_draft));
    store.put(&draft).await.expect("draft");
    let mut sent = Draft::new("Inviato", at("2026-05-01T08:00:00Z"));
    sent.libretto.evidenze.push(reference(&in_outbox));
    store.put(&outbox_item("waiting", &sent)).await.expect("outbox");

    assert_eq!(store.free_unreferenced_evidence().await.expect("free"), 1);
    let mut left: Vec<String> = store
        .list_evidence()
        .await
        .expect("list")
        .items
        .into_iter()
        .map(|m| m.file.sha256)
        .collect();
    left.sort();
    assert_eq!(
        left,
        vec![in_draft.file.sha256.clone(), in_outbox.file.sha256.clone()]
    );
    assert!(
        store
            .get_evidence(&orphan.file.sha256)
            .await
            .expect("get")
            .is_none()
    );
    assert!(
        store
            .get_evidence(&in_draft.file.sha256)
            .await
            .expect("get")
            .is_some()
    );
}

#[wasm_bindgen_test]
async fn erase_everything_leaves_every_store_empty() {
    let store = Store::open_named(&db_name("erase")).await.expect("open");
    store
        .put(&Draft::new("Libretto", at("2026-05-01T08:00:00Z")))
        .await
        .expect("draft");
    let meta = EvidenceMeta {
        file: file_ref(&"ab".repeat(32), "a.pdf", 3),
        added_at: at("2026-05-01T08:00:00Z"),
    };
    store
        .put_evidence(&meta, &blob(b"pdf", "application/pdf"))
        .await
        .expect("evidence");
    let draft = Draft::new("Inviato", at("2026-05-01T08:00:00Z"));
    let item = outbox_item("pending", &draft);
    store.put(&item).await.expect("outbox");
    store
        .put(&SubmissionRecord::from_sent(&item, &receipt("s-9")))
        .await
        .expect("receipt");
    store
        .put(&SimulationRecord {
            id: "sim".into(),
            kind: SimulationKind::IlaCheck,
            name: "ILA".into(),
            saved_at: at("2026-05-01T08:00:00Z"),
            body: serde_json::json!({}),
        })
        .await
        .expect("simulation");
    // Every store really holds something before the erase, or the test proves nothing.
    assert_eq!(store.list::<OutboxItem>().await.expect("list").items.len(), 1);
    assert_eq!(
        store.list::<SubmissionRecord>().await.expect("list").items.len(),
        1
    );
    assert_eq!(
        store.list::<SimulationRecord>().await.expect("list").items.len(),
        1
    );
    store.erase_everything().await.expect("erase");
    assert!(store.list::<Draft>().await.expect("list").items.is_empty());
    assert!(store.list_evidence().await.expect("list").items.is_empty());
    assert!(store.list::<OutboxItem>().await.expect("list").items.is_empty());
    assert!(
        store
            .list::<SubmissionRecord>()
            .await
            .expect("list")
            .items
            .is_empty()
    );
    assert!(
        store
            .list::<SimulationRecord>()
            .await
            .expect("list")
            .items
            .is_empty()
    );
    assert_eq!(
        store.version(),
        SCHEMA_VERSION,
        "the database itself stays, empty"
    );
}

#[wasm_bindgen_test]
async fn finishing_a_submission_moves_it_from_the_outbox_to_the_receipts_at_once() {
    let store = Store::open_named(&db_name("finish")).await.expect("open");
    let draft = Draft::new("Anna", at("2026-05-01T08:00:00Z"));
    let mut item = outbox_item("k-finish", &draft);
    store.put(&item).await.expect("outbox");
    item.receipt = Some(receipt("s-finish"));
    let record = SubmissionRecord::from_sent(&item, &receipt("s-finish"));
    store
        .finish_submission(&record, "k-finish")
        .await
        .expect("finish");
    assert_eq!(store.get::<OutboxItem>("k-finish").await.expect("get"), None);
    assert_eq!(
        store.get::<SubmissionRecord>("s-finish").await.expect("get"),
        Some(record.clone())
    );
    assert_eq!(
        record.request.libretto, draft.libretto,
        "the frozen version is kept"
    );
}
