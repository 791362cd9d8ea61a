//! The intake API over real HTTP on loopback, on both storage engines: a real SQLite file in
//! a temp dir, and a fresh database in the throwaway PostgreSQL cluster that `cargo xtask
//! test` starts (`SPORTELLO_TEST_POSTGRES`). Every check reads what the server stored with
//! its own SQL, not only what it answered.

mod common;

use common::*;
use sha2::Digest as _;
use sportello_core::cpi::{ReceiptCode, SubmissionReceipt, SubmissionStatus};
use sportello_core::evidence;
use sportello_core::libretto::Libretto;

on_both_engines!(
    a_submission_is_stored_once_with_a_receipt_and_a_hashed_token,
    a_retry_gets_the_first_answer_byte_for_byte,
    a_key_reused_with_another_body_is_a_conflict,
    fifty_concurrent_identical_posts_make_one_record,
    evidence_must_match_its_hash_and_be_what_its_bytes_say,
    oversize_bodies_are_refused,
    malformed_and_invalid_submissions_are_explained,
    the_status_needs_the_right_token,
    a_restart_loses_nothing,
);

// ── scenarios ────────────────────────────────────────────────────────────────────────────

async fn a_submission_is_stored_once_with_a_receipt_and_a_hashed_token(s: Server) {
    let pdf = file_ref("attestato.pdf", PDF, "application/pdf");
    let r = request(std::slice::from_ref(&pdf));
    let receipt = submit(&s, &r).await;
    assert!(
        ReceiptCode::parse(&receipt.receipt_code).is_ok(),
        "{}",
        receipt.receipt_code
    );
    assert_eq!(receipt.office_id, "pistoia");
    assert_eq!(receipt.evidence_expected, vec![pdf.sha256.clone()]);
    assert!(receipt.status_token.len() >= 22, "at least 128 bits");

    let pool = s.sql().await;
    let rows: Vec<(String, String, String, String, String)> =
        sqlx::query_as("SELECT id, receipt_code, status, token_hash, libretto_json FROM submissions")
            .fetch_all(&pool)
            .await
            .expect("rows");
    assert_eq!(rows.len(), 1);
    let (id, code, status, token_hash, libretto_json) = &rows[0];
    assert_eq!(id, &receipt.submission_id);
    assert_eq!(code, &receipt.receipt_code);
    assert_eq!(status, "inviata");
    assert_ne!(
        token_hash, &receipt.status_token,
        "the token is stored only as a hash"
    );
    assert_eq!(
        token_hash,
        &hex(&sha2::Sha256::digest(receipt.status_token.as_bytes()))
    );
    let stored: Libretto = serde_json::from_str(libretto_json).expect("stored libretto");
    assert_eq!(stored, r.libretto);
    let dump: Vec<(String,)> = sqlx::query_as("SELECT response_json FROM submissions")
        .fetch_all(&pool)
        .await
        .expect("r");
    assert!(
        !dump[0].0.contains(&receipt.status_token),
        "nor inside the stored answer"
    );
    pool.close().await;

    // The file, then its status.
    let res = put(&s, &receipt, &pdf.sha256, PDF, Some(&receipt.status_token)).await;
    assert_eq!(res.status(), 201);
    let again = put(&s, &receipt, &pdf.sha256, PDF, Some(&receipt.status_token)).await;
    assert_eq!(again.status(), 200, "a second upload is harmless");
    let pool = s.sql().await;
    let files: Vec<(String, Vec<u8>, String)> =
        sqlx::query_as("SELECT sha256, bytes, mime_type FROM evidence_files")
            .fetch_all(&pool)
            .await
            .expect("files");
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].1, PDF, "byte-identical");
    assert_eq!(files[0].2, "application/pdf");
    pool.close().await;

    let status: SubmissionStatus = reqwest::Client::new()
        .get(s.url(&format!("/api/v1/submissions/{}", receipt.submission_id)))
        .header("x-status-token", &receipt.status_token)
        .send()
        .await
        .expect("get")
        .json()
        .await
        .expect("status");
    assert_eq!(status.status, sportello_core::LifecycleState::Inviata);
    assert_eq!(status.evidence_received, vec![pdf.sha256.clone()]);
    assert!(status.evidence_missing.is_empty());
}

async fn a_retry_gets_the_first_answer_byte_for_byte(s: Server) {
    let r = request(&[]);
    let key = "retry-0000-aaaa-bbbb";
    let first = post(&s, key, body(&r)).await;
    assert_eq!(first.status(), 201);
    let first = first.bytes().await.expect("bytes");
    for _ in 0..3 {
        let again = post(&s, key, body(&r)).await;
        assert_eq!(again.status(), 201);
        assert_eq!(
            again.headers().get("idempotent-replayed").map(|v| v.as_bytes()),
            Some(&b"true"[..])
        );
        assert_eq!(again.bytes().await.expect("bytes"), first);
    }
    assert_eq!(s.count("SELECT COUNT(*) FROM submissions").await, 1);
}

async fn a_key_reused_with_another_body_is_a_conflict(s: Server) {
    let r = request(&[]);
    let key = "reuse-0000-aaaa-bbbb";
    assert_eq!(post(&s, key, body(&r)).await.status(), 201);
    let mut other = r.clone();
    other.libretto.dati_personali.nome = "Bianca".into();
    assert_eq!(
        error_code(post(&s, key, body(&other)).await).await,
        (409, "idempotency_key_reused".into())
    );
    let pool = s.sql().await;
    let rows: Vec<(String,)> = sqlx::query_as("SELECT libretto_json FROM submissions")
        .fetch_all(&pool)
        .await
        .expect("rows");
    assert_eq!(rows.len(), 1);
    assert!(rows[0].0.contains("\"Anna\""), "the first body stays");
    pool.close().await;
}

async fn fifty_concurrent_identical_posts_make_one_record(s: Server) {
    let pdf = file_ref("a.pdf", PDF, "application/pdf");
    let b = body(&request(&[pdf]));
    let key = "concurrent-0000-aaaa";
    let answers = futures::future::join_all((0..50).map(|_| {
        let b = b.clone();
        let s = &s;
        async move {
            let res = post(s, key, b).await;
            (res.status().as_u16(), res.bytes().await.expect("bytes"))
        }
    }))
    .await;
    let first = &answers[0].1;
    for (status, bytes) in &answers {
        assert_eq!(*status, 201);
        assert_eq!(bytes, first, "every answer is the one receipt");
    }
    assert_eq!(s.count("SELECT COUNT(*) FROM submissions").await, 1);
}

async fn evidence_must_match_its_hash_and_be_what_its_bytes_say(s: Server) {
    // A PNG renamed .pdf and declared as a PDF: stored as what its bytes are.
    let disguised = file_ref("scansione.pdf", PNG, "application/pdf");
    let html = b"<html><script>alert(1)</script></html>";
    let html_ref = file_ref("pagina.pdf", html, "application/pdf");
    let receipt = submit(&s, &request(&[disguised.clone(), html_ref.clone()])).await;
    let token = receipt.status_token.clone();

    // Wrong hash in the path for these bytes.
    assert_eq!(
        error_code(put(&s, &receipt, &disguised.sha256, PDF, Some(&token)).await).await,
        (422, "hash_mismatch".into())
    );
    // A file that is not part of the submission.
    let stranger = hex(&sha2::Sha256::digest(PDF));
    assert_eq!(
        error_code(put(&s, &receipt, &stranger, PDF, Some(&token)).await).await,
        (404, "evidence_not_expected".into())
    );
    // Not a hash at all.
    assert_eq!(
        error_code(put(&s, &receipt, "..%2F..%2Fetc", PDF, Some(&token)).await)
            .await
            .0,
        400
    );
    // HTML, whatever it is called, is refused by its bytes.
    assert_eq!(
        error_code(put(&s, &receipt, &html_ref.sha256, html, Some(&token)).await).await,
        (415, "unsupported_type".into())
    );
    let res = put(&s, &receipt, &disguised.sha256, PNG, Some(&token)).await;
    assert_eq!(res.status(), 201);
    let v: serde_json::Value = res.json().await.expect("json");
    assert_eq!(v["mime_type"], "image/png");

    let pool = s.sql().await;
    let rows: Vec<(String, String, Vec<u8>)> =
        sqlx::query_as("SELECT sha256, mime_type, bytes FROM evidence_files")
            .fetch_all(&pool)
            .await
            .expect("rows");
    assert_eq!(rows.len(), 1, "only the good file is stored");
    assert_eq!(
        rows[0].1, "image/png",
        "the type comes from the bytes, not the header or name"
    );
    assert_eq!(rows[0].2, PNG);
    pool.close().await;
}

async fn oversize_bodies_are_refused(s: Server) {
    let big = vec![b'%'; evidence::MAX_FILE_BYTES as usize + 1];
    let mut big_ref = file_ref("grande.pdf", &big, "application/pdf");
    // Declared within limits, so intake accepts it; the upload itself is what is too big.
    big_ref.dimensione = 1000;
    let receipt = submit(&s, &request(std::slice::from_ref(&big_ref))).await;
    // The server answers 413 as soon as the limit is passed and closes the connection; the
    // client may still be sending and then sees a reset instead of the answer. Try again
    // until the answer is read (a reset is never a pass).
    let mut answer = None;
    for _ in 0..5 {
        let url = s.url(&format!(
            "/api/v1/submissions/{}/evidence/{}",
            receipt.submission_id, big_ref.sha256
        ));
        let sent = reqwest::Client::new()
            .put(url)
            .header("x-status-token", &receipt.status_token)
            .body(big.clone())
            .send()
            .await;
        if let Ok(res) = sent {
            answer = Some(error_code(res).await);
            break;
        }
    }
    assert_eq!(answer.map(|a| a.0), Some(413));

    let mut huge = request(&[]);
    huge.libretto.dati_personali.luogo_nascita = "x".repeat(6 * 1024 * 1024);
    let (status, code) = error_code(post(&s, "huge-0000-aaaa-bbbb", body(&huge)).await).await;
    assert_eq!((status, code.as_str()), (413, "too_large"));
    assert_eq!(s.count("SELECT COUNT(*) FROM evidence_files").await, 0);
    assert_eq!(s.count("SELECT COUNT(*) FROM submissions").await, 1);
}

async fn malformed_and_invalid_submissions_are_explained(s: Server) {
    let (status, code) = error_code(post(&s, "bad-json-0000-aaaa", b"{\"office_id\": ".to_vec()).await).await;
    assert_eq!((status, code.as_str()), (400, "malformed_json"));

    let (status, code) =
        error_code(post(&s, "bad-shape-0000-aaa", br#"{"office_id": 3}"#.to_vec()).await).await;
    assert_eq!((status, code.as_str()), (422, "invalid_submission"));

    let mut wrong_cf = request(&[]);
    wrong_cf.libretto.dati_personali.codice_fiscale = "RSSNNA80A41G713X".into();
    let (status, code) = error_code(post(&s, "bad-cf-0000-aaaa", body(&wrong_cf)).await).await;
    assert_eq!((status, code.as_str()), (422, "personal_data_missing"));

    let mut broken = request(&[]);
    broken.libretto.esperienze_lavorative.push(Default::default());
    let (status, code) = error_code(post(&s, "bad-entry-0000-aaa", body(&broken)).await).await;
    assert_eq!((status, code.as_str()), (422, "libretto_invalid"));

    let mut office = request(&[]);
    office.office_id = "atlantide".into();
    let (status, code) = error_code(post(&s, "bad-office-0000-aa", body(&office)).await).await;
    assert_eq!((status, code.as_str()), (422, "unknown_office"));

    let res = reqwest::Client::new()
        .post(s.url("/api/v1/submissions"))
        .body(body(&request(&[])))
        .send()
        .await
        .expect("post");
    assert_eq!(error_code(res).await, (400, "idempotency_key_missing".into()));
    assert_eq!(
        error_code(post(&s, "short", body(&request(&[]))).await).await.1,
        "idempotency_key_invalid"
    );

    assert_eq!(
        s.count("SELECT COUNT(*) FROM submissions").await,
        0,
        "nothing refused is stored"
    );
}

async fn the_status_needs_the_right_token(s: Server) {
    let receipt = submit(&s, &request(&[])).await;
    let other = submit(&s, &request(&[])).await;
    let get = |token: Option<String>| {
        let mut req =
            reqwest::Client::new().get(s.url(&format!("/api/v1/submissions/{}", receipt.submission_id)));
        if let Some(t) = token {
            req = req.header("x-status-token", t);
        }
        req.send()
    };
    assert_eq!(
        error_code(get(None).await.expect("get")).await,
        (401, "token_missing".into())
    );
    assert_eq!(
        error_code(get(Some(other.status_token.clone())).await.expect("get")).await,
        (403, "token_wrong".into())
    );
    assert_eq!(
        error_code(get(Some(String::new())).await.expect("get")).await,
        (403, "token_wrong".into())
    );
    let ok = get(Some(receipt.status_token.clone())).await.expect("get");
    assert_eq!(ok.status(), 200);
    assert_eq!(
        ok.headers().get("cache-control").map(|v| v.as_bytes()),
        Some(&b"no-store"[..])
    );
    let unknown = reqwest::Client::new()
        .get(s.url("/api/v1/submissions/nope"))
        .header("x-status-token", &receipt.status_token)
        .send()
        .await
        .expect("get");
    assert_eq!(error_code(unknown).await, (404, "not_found".into()));
}

async fn a_restart_loses_nothing(mut s: Server) {
    let pdf = file_ref("a.pdf", PDF, "application/pdf");
    let r = request(std::slice::from_ref(&pdf));
    let key = "restart-0000-aaaa-bbbb";
    let first = post(&s, key, body(&r)).await.bytes().await.expect("bytes");
    let receipt: SubmissionReceipt = serde_json::from_slice(&first).expect("receipt");
    assert_eq!(
        put(&s, &receipt, &pdf.sha256, PDF, Some(&receipt.status_token))
            .await
            .status(),
        201
    );
    s.restart().await;
    let again = post(&s, key, body(&r)).await;
    assert_eq!(
        again.bytes().await.expect("bytes"),
        first,
        "same answer, same token, after a restart"
    );
    let status = reqwest::Client::new()
        .get(s.url(&format!("/api/v1/submissions/{}", receipt.submission_id)))
        .header("x-status-token", &receipt.status_token)
        .send()
        .await
        .expect("get");
    assert_eq!(status.status(), 200);
    assert_eq!(s.count("SELECT COUNT(*) FROM submissions").await, 1);
    assert_eq!(s.count("SELECT COUNT(*) FROM evidence_files").await, 1);
}

// ── the API's own description ────────────────────────────────────────────────────────────

#[tokio::test]
async fn offices_are_listed_and_every_documented_route_exists() {
    let s = Server::start(Engine::Sqlite).await.expect("sqlite");
    let offices: Vec<sportello_core::cpi::Office> = reqwest::get(s.url("/api/v1/offices"))
        .await
        .expect("get")
        .json()
        .await
        .expect("json");
    assert!(offices.iter().any(|o| o.id == "pistoia" && o.province == "PT"));
    assert!(offices.iter().any(|o| o.id == "varese" && o.province == "VA"));

    let doc: serde_json::Value = reqwest::get(s.url("/api/v1/openapi.json"))
        .await
        .expect("get")
        .json()
        .await
        .expect("json");
    assert!(
        doc["openapi"].as_str().is_some_and(|v| v.starts_with("3.1")),
        "{}",
        doc["openapi"]
    );
    let paths = doc["paths"].as_object().expect("paths");
    let mut documented = Vec::new();
    for (path, item) in paths {
        for method in item.as_object().expect("path item").keys() {
            documented.push(format!("{} {path}", method.to_uppercase()));
            let concrete = path.replace("{id}", "x").replace("{sha256}", &"0".repeat(64));
            let m = reqwest::Method::from_bytes(method.to_uppercase().as_bytes()).expect("method");
            let res = reqwest::Client::new()
                .request(m, s.url(&concrete))
                .send()
                .await
                .expect("request");
            let status = res.status().as_u16();
            let code = if status >= 400 {
                error_code(res).await.1
            } else {
                String::new()
            };
            // A real route may refuse the empty request, but never as an unknown route.
            assert!(
                status != 405 && !(status == 404 && code == "not_found" && !concrete.contains("/x")),
                "{method} {path}: {status} {code}"
            );
        }
    }
    documented.sort();
    assert_eq!(
        documented,
        [
            "DELETE /api/v1/desk/session",
            "GET /api/v1/desk/monitoring",
            "GET /api/v1/desk/session",
            "GET /api/v1/desk/submissions",
            "GET /api/v1/desk/submissions/{id}",
            "GET /api/v1/desk/submissions/{id}/evidence/{sha256}",
            "GET /api/v1/offices",
            "GET /api/v1/submissions/{id}",
            "POST /api/v1/desk/session",
            "POST /api/v1/desk/submissions/{id}/open",
            "POST /api/v1/submissions",
            "PUT /api/v1/desk/submissions/{id}/review",
            "PUT /api/v1/submissions/{id}/evidence/{sha256}",
        ]
    );
    // And an undocumented path is not served as the app.
    let missing = reqwest::get(s.url("/api/v1/nothing-here")).await.expect("get");
    assert_eq!(error_code(missing).await, (404, "not_found".into()));
}
