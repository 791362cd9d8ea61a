//! The review desk's sign-in and queue over real HTTP on both engines, and the authorization
//! matrix: every desk route against every kind of caller, each allowed exactly where it should
//! be. What the server stored is read with its own SQL.

mod common;

use common::*;
use sportello_core::cpi::desk::{CSRF_HEADER, DeskSession, QueuePage};
use sportello_core::cpi::{Interest, STATUS_TOKEN_HEADER, SubmissionReceipt};

const PASSWORD: &str = "una password molto lunga";

on_both_engines!(
    signing_in_sets_an_httponly_strict_cookie_and_stores_only_hashes,
    wrong_passwords_and_unknown_addresses_get_the_same_answer_and_are_throttled,
    the_authorization_matrix_holds_for_every_desk_route,
    the_queue_is_the_offices_own_oldest_first_and_filtered,
    a_review_takes_a_version_through_its_states_and_a_consolidated_one_is_read_only,
    two_orientatori_saving_one_revision_one_is_told_nothing_is_overwritten,
    evidence_files_are_served_as_received_to_their_office_only,
    the_citizen_sees_a_review_only_once_it_has_an_outcome_and_not_who_wrote_it,
    monitoring_figures_equal_counts_made_directly_in_sql,
);

// ── helpers ──────────────────────────────────────────────────────────────────────────────

async fn add_account(s: &Server, office: &str, email: &str) {
    let db = sportello_cpi::open_db(&s.config(0)).await.expect("db");
    let offices = sportello_cpi::load_offices(&s.config(0)).expect("offices");
    sportello_cpi::accounts::add(&db, &offices, office, email, PASSWORD)
        .await
        .expect("account");
}

/// Signs in; the session cookie (`name=value`) and what the server answered.
async fn sign_in(s: &Server, email: &str, password: &str) -> reqwest::Response {
    reqwest::Client::new()
        .post(s.url("/api/v1/desk/session"))
        .json(&serde_json::json!({ "email": email, "password": password }))
        .send()
        .await
        .expect("sign in")
}

struct Session {
    cookie: String,
    csrf: String,
}

async fn session(s: &Server, email: &str) -> Session {
    let res = sign_in(s, email, PASSWORD).await;
    assert_eq!(res.status(), 200, "{email} signs in");
    let cookie = set_cookie(&res).split(';').next().unwrap_or_default().to_owned();
    let body: DeskSession = res.json().await.expect("session");
    Session {
        cookie,
        csrf: body.csrf_token,
    }
}

fn set_cookie(res: &reqwest::Response) -> String {
    res.headers()
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

/// Who calls: the headers they send.
#[derive(Clone, Default)]
struct Caller {
    cookie: Option<String>,
    csrf: Option<String>,
    status_token: Option<String>,
}

async fn call(s: &Server, method: &str, path: &str, who: &Caller) -> reqwest::Response {
    call_with(s, method, path, who, None).await
}

async fn call_with(
    s: &Server,
    method: &str,
    path: &str,
    who: &Caller,
    body: Option<&serde_json::Value>,
) -> reqwest::Response {
    let m = reqwest::Method::from_bytes(method.as_bytes()).expect("method");
    let mut req = reqwest::Client::new().request(m, s.url(path));
    if let Some(b) = body {
        req = req.json(b);
    }
    if let Some(c) = &who.cookie {
        req = req.header("cookie", c);
    }
    if let Some(t) = &who.csrf {
        req = req.header(CSRF_HEADER, t);
    }
    if let Some(t) = &who.status_token {
        req = req.header(STATUS_TOKEN_HEADER, t);
    }
    req.send().await.expect("call")
}

async fn sql_exec(s: &Server, sql: &str) {
    let pool = s.sql().await;
    sqlx::query(sql).execute(&pool).await.expect("sql");
    pool.close().await;
}

async fn submit_to(s: &Server, office: &str) -> SubmissionReceipt {
    let mut r = request(&[]);
    r.office_id = office.into();
    submit(s, &r).await
}

// ── scenarios ────────────────────────────────────────────────────────────────────────────

async fn signing_in_sets_an_httponly_strict_cookie_and_stores_only_hashes(s: Server) {
    add_account(&s, "pistoia", "Anna.Rossi@cpi.example.it").await;
    // The address is matched as accounts are keyed: trimmed, lower-case.
    let res = sign_in(&s, " anna.rossi@CPI.example.it", PASSWORD).await;
    assert_eq!(res.status(), 200);
    let cookie = set_cookie(&res);
    assert!(cookie.starts_with("sportello_desk="), "{cookie}");
    for attribute in ["HttpOnly", "SameSite=Strict", "Path=/api/v1/desk"] {
        assert!(cookie.contains(attribute), "{attribute} in {cookie}");
    }
    assert_eq!(
        res.headers().get("cache-control").and_then(|v| v.to_str().ok()),
        Some("no-store")
    );
    let token = cookie
        .split(';')
        .next()
        .and_then(|c| c.split_once('='))
        .map(|(_, v)| v.to_owned())
        .expect("token");
    let body: DeskSession = res.json().await.expect("session");
    assert_eq!(body.email, "anna.rossi@cpi.example.it");
    assert_eq!(body.office_id, "pistoia");
    assert_eq!(body.office_name, "Centro per l'Impiego di Pistoia");

    let pool = s.sql().await;
    let (hash,): (String,) = sqlx::query_as("SELECT password_hash FROM orientatori")
        .fetch_one(&pool)
        .await
        .expect("account");
    assert!(hash.starts_with("$argon2id$") && !hash.contains(PASSWORD));
    let (stored,): (String,) = sqlx::query_as("SELECT token_hash FROM desk_sessions")
        .fetch_one(&pool)
        .await
        .expect("session");
    assert_eq!(
        stored,
        sportello_cpi::tokens::hash(&token),
        "the token's SHA-256 only"
    );
    assert_ne!(stored, token);
    pool.close().await;
}

async fn wrong_passwords_and_unknown_addresses_get_the_same_answer_and_are_throttled(s: Server) {
    add_account(&s, "pistoia", "anna@cpi.example.it").await;
    add_account(&s, "pistoia", "bruno@cpi.example.it").await;
    let wrong = error_code(sign_in(&s, "anna@cpi.example.it", "not the password").await).await;
    let unknown = error_code(sign_in(&s, "nobody@cpi.example.it", PASSWORD).await).await;
    assert_eq!(wrong, (401, "sign_in_failed".into()));
    assert_eq!(unknown, wrong, "the answer does not tell which addresses exist");

    // Five failures for one account stop it, even with the right password…
    for _ in 0..4 {
        sign_in(&s, "anna@cpi.example.it", "not the password").await;
    }
    let res = sign_in(&s, "anna@cpi.example.it", PASSWORD).await;
    assert!(res.headers().get("retry-after").is_some());
    assert_eq!(error_code(res).await, (429, "too_many_attempts".into()));
    // …but not another account.
    assert_eq!(sign_in(&s, "bruno@cpi.example.it", PASSWORD).await.status(), 200);
    // Twenty failures from one address stop every account from it.
    for i in 0..14 {
        sign_in(&s, &format!("guess{i}@cpi.example.it"), "whatever").await;
    }
    let res = sign_in(&s, "bruno@cpi.example.it", PASSWORD).await;
    assert_eq!(error_code(res).await, (429, "too_many_attempts".into()));
    assert_eq!(
        s.count("SELECT COUNT(*) FROM sign_in_failures WHERE subject = 'address:127.0.0.1'")
            .await,
        20
    );
}

async fn the_authorization_matrix_holds_for_every_desk_route(s: Server) {
    add_account(&s, "pistoia", "anna@cpi.example.it").await;
    add_account(&s, "milano", "marco@cpi.example.it").await;
    let pdf = file_ref("attestato.pdf", PDF, "application/pdf");
    let receipt = submit(&s, &request(std::slice::from_ref(&pdf))).await;
    let uploaded = put(&s, &receipt, &pdf.sha256, PDF, Some(&receipt.status_token)).await;
    assert_eq!(uploaded.status(), 201);

    let right = session(&s, "anna@cpi.example.it").await;
    let other_office = session(&s, "marco@cpi.example.it").await;
    let idle = session(&s, "anna@cpi.example.it").await;
    let old = session(&s, "anna@cpi.example.it").await;
    let signed_out = session(&s, "anna@cpi.example.it").await;
    let hash_of = |c: &Session| sportello_cpi::tokens::hash(c.cookie.split_once('=').map_or("", |(_, v)| v));
    // 31 minutes without a call; signed in 11 hours ago (used a minute ago).
    let now = chrono::Utc::now();
    let ts = |t: chrono::DateTime<chrono::Utc>| t.to_rfc3339_opts(chrono::SecondsFormat::Micros, true);
    sql_exec(
        &s,
        &format!(
            "UPDATE desk_sessions SET last_seen_at = '{}' WHERE token_hash = '{}'",
            ts(now - chrono::Duration::minutes(31)),
            hash_of(&idle)
        ),
    )
    .await;
    sql_exec(
        &s,
        &format!(
            "UPDATE desk_sessions SET created_at = '{}', last_seen_at = '{}' WHERE token_hash = '{}'",
            ts(now - chrono::Duration::hours(11)),
            ts(now - chrono::Duration::minutes(1)),
            hash_of(&old)
        ),
    )
    .await;
    let out = Caller {
        cookie: Some(signed_out.cookie.clone()),
        csrf: Some(signed_out.csrf.clone()),
        ..Default::default()
    };
    assert_eq!(
        call(&s, "DELETE", "/api/v1/desk/session", &out).await.status(),
        204
    );

    let with = |c: &Session| Caller {
        cookie: Some(c.cookie.clone()),
        csrf: Some(c.csrf.clone()),
        ..Default::default()
    };
    let callers: Vec<(&str, Caller)> = vec![
        ("anonymous", Caller::default()),
        (
            "citizen",
            Caller {
                status_token: Some(receipt.status_token.clone()),
                ..Default::default()
            },
        ),
        ("other office", with(&other_office)),
        ("idle session", with(&idle)),
        ("session past 10 hours", with(&old)),
        ("signed out", out.clone()),
        (
            "no CSRF token",
            Caller {
                csrf: None,
                ..with(&right)
            },
        ),
        (
            "wrong CSRF token",
            Caller {
                csrf: Some(other_office.csrf.clone()),
                ..with(&right)
            },
        ),
        ("right orientatore", with(&right)),
    ];
    // (caller, method, path) → (status, error code); the last row signs the right one out.
    let expected: &[(&str, u16, &str, u16, &str)] = &[
        // GET /desk/session
        ("anonymous", 0, "GET /api/v1/desk/session", 204, ""),
        ("citizen", 0, "GET /api/v1/desk/session", 204, ""),
        ("other office", 0, "GET /api/v1/desk/session", 200, ""),
        (
            "idle session",
            0,
            "GET /api/v1/desk/session",
            401,
            "session_expired",
        ),
        (
            "session past 10 hours",
            0,
            "GET /api/v1/desk/session",
            401,
            "session_expired",
        ),
        ("signed out", 0, "GET /api/v1/desk/session", 401, "not_signed_in"),
        ("no CSRF token", 0, "GET /api/v1/desk/session", 200, ""),
        ("wrong CSRF token", 0, "GET /api/v1/desk/session", 200, ""),
        ("right orientatore", 0, "GET /api/v1/desk/session", 200, ""),
        // GET /desk/submissions
        (
            "anonymous",
            0,
            "GET /api/v1/desk/submissions",
            401,
            "not_signed_in",
        ),
        ("citizen", 0, "GET /api/v1/desk/submissions", 401, "not_signed_in"),
        ("other office", 0, "GET /api/v1/desk/submissions", 200, ""),
        (
            "idle session",
            0,
            "GET /api/v1/desk/submissions",
            401,
            "not_signed_in",
        ),
        (
            "session past 10 hours",
            0,
            "GET /api/v1/desk/submissions",
            401,
            "not_signed_in",
        ),
        (
            "signed out",
            0,
            "GET /api/v1/desk/submissions",
            401,
            "not_signed_in",
        ),
        ("no CSRF token", 0, "GET /api/v1/desk/submissions", 200, ""),
        ("wrong CSRF token", 0, "GET /api/v1/desk/submissions", 200, ""),
        ("right orientatore", 0, "GET /api/v1/desk/submissions", 200, ""),
        // GET /desk/monitoring: the office's own figures (checked apart)
        (
            "anonymous",
            0,
            "GET /api/v1/desk/monitoring",
            401,
            "not_signed_in",
        ),
        ("citizen", 0, "GET /api/v1/desk/monitoring", 401, "not_signed_in"),
        ("other office", 0, "GET /api/v1/desk/monitoring", 200, ""),
        (
            "idle session",
            0,
            "GET /api/v1/desk/monitoring",
            401,
            "not_signed_in",
        ),
        (
            "session past 10 hours",
            0,
            "GET /api/v1/desk/monitoring",
            401,
            "not_signed_in",
        ),
        (
            "signed out",
            0,
            "GET /api/v1/desk/monitoring",
            401,
            "not_signed_in",
        ),
        ("no CSRF token", 0, "GET /api/v1/desk/monitoring", 200, ""),
        ("wrong CSRF token", 0, "GET /api/v1/desk/monitoring", 200, ""),
        ("right orientatore", 0, "GET /api/v1/desk/monitoring", 200, ""),
        // DELETE /desk/session (a change: the CSRF token is needed)
        (
            "anonymous",
            0,
            "DELETE /api/v1/desk/session",
            401,
            "not_signed_in",
        ),
        ("citizen", 0, "DELETE /api/v1/desk/session", 401, "not_signed_in"),
        (
            "idle session",
            0,
            "DELETE /api/v1/desk/session",
            401,
            "not_signed_in",
        ),
        (
            "signed out",
            0,
            "DELETE /api/v1/desk/session",
            401,
            "not_signed_in",
        ),
        (
            "no CSRF token",
            0,
            "DELETE /api/v1/desk/session",
            403,
            "csrf_failed",
        ),
        (
            "wrong CSRF token",
            0,
            "DELETE /api/v1/desk/session",
            403,
            "csrf_failed",
        ),
        // One submission: read, opened, its file, its review (a change each but the reads).
        (
            "anonymous",
            0,
            "GET /api/v1/desk/submissions/{id}",
            401,
            "not_signed_in",
        ),
        (
            "citizen",
            0,
            "GET /api/v1/desk/submissions/{id}",
            401,
            "not_signed_in",
        ),
        (
            "other office",
            0,
            "GET /api/v1/desk/submissions/{id}",
            404,
            "not_found",
        ),
        ("no CSRF token", 0, "GET /api/v1/desk/submissions/{id}", 200, ""),
        (
            "right orientatore",
            0,
            "GET /api/v1/desk/submissions/{id}",
            200,
            "",
        ),
        (
            "anonymous",
            0,
            "GET /api/v1/desk/submissions/{id}/evidence/{sha}",
            401,
            "not_signed_in",
        ),
        (
            "citizen",
            0,
            "GET /api/v1/desk/submissions/{id}/evidence/{sha}",
            401,
            "not_signed_in",
        ),
        (
            "other office",
            0,
            "GET /api/v1/desk/submissions/{id}/evidence/{sha}",
            404,
            "not_found",
        ),
        (
            "right orientatore",
            0,
            "GET /api/v1/desk/submissions/{id}/evidence/{sha}",
            200,
            "",
        ),
        (
            "anonymous",
            0,
            "POST /api/v1/desk/submissions/{id}/open",
            401,
            "not_signed_in",
        ),
        (
            "citizen",
            0,
            "POST /api/v1/desk/submissions/{id}/open",
            401,
            "not_signed_in",
        ),
        (
            "signed out",
            0,
            "POST /api/v1/desk/submissions/{id}/open",
            401,
            "not_signed_in",
        ),
        (
            "other office",
            0,
            "POST /api/v1/desk/submissions/{id}/open",
            404,
            "not_found",
        ),
        (
            "no CSRF token",
            0,
            "POST /api/v1/desk/submissions/{id}/open",
            403,
            "csrf_failed",
        ),
        (
            "wrong CSRF token",
            0,
            "POST /api/v1/desk/submissions/{id}/open",
            403,
            "csrf_failed",
        ),
        (
            "right orientatore",
            0,
            "POST /api/v1/desk/submissions/{id}/open",
            200,
            "",
        ),
        (
            "anonymous",
            0,
            "PUT /api/v1/desk/submissions/{id}/review",
            401,
            "not_signed_in",
        ),
        (
            "citizen",
            0,
            "PUT /api/v1/desk/submissions/{id}/review",
            401,
            "not_signed_in",
        ),
        (
            "signed out",
            0,
            "PUT /api/v1/desk/submissions/{id}/review",
            401,
            "not_signed_in",
        ),
        (
            "other office",
            0,
            "PUT /api/v1/desk/submissions/{id}/review",
            404,
            "not_found",
        ),
        (
            "no CSRF token",
            0,
            "PUT /api/v1/desk/submissions/{id}/review",
            403,
            "csrf_failed",
        ),
        (
            "wrong CSRF token",
            0,
            "PUT /api/v1/desk/submissions/{id}/review",
            403,
            "csrf_failed",
        ),
        (
            "right orientatore",
            0,
            "PUT /api/v1/desk/submissions/{id}/review",
            200,
            "",
        ),
        ("right orientatore", 0, "DELETE /api/v1/desk/session", 204, ""),
        (
            "right orientatore",
            0,
            "GET /api/v1/desk/submissions",
            401,
            "not_signed_in",
        ),
    ];
    for (who, _, route, status, code) in expected {
        let caller = &callers.iter().find(|(name, _)| name == who).expect("caller").1;
        let (method, path) = route.split_once(' ').expect("route");
        let path = path
            .replace("{id}", &receipt.submission_id)
            .replace("{sha}", &pdf.sha256);
        let path = path.as_str();
        let draft_review = serde_json::json!({ "revision": 0, "annotations": [] });
        let body = (method == "PUT").then_some(&draft_review);
        let res = call_with(&s, method, path, caller, body).await;
        let got_status = res.status().as_u16();
        if *status >= 400 {
            assert_eq!(
                error_code(res).await,
                (*status, (*code).to_owned()),
                "{who}: {route}"
            );
        } else {
            assert_eq!(got_status, *status, "{who}: {route}");
            if path == "/api/v1/desk/submissions" {
                let page: QueuePage = res.json().await.expect("queue");
                let sees = page
                    .items
                    .iter()
                    .any(|i| i.submission_id == receipt.submission_id);
                assert_eq!(sees, *who != "other office", "{who} sees only their own office");
            } else if path == "/api/v1/desk/monitoring" {
                let figures: sportello_core::cpi::monitoring::Monitoring = res.json().await.expect("figures");
                let counted = u64::from(*who != "other office");
                assert_eq!(figures.submissions, counted, "{who} counts only their own office");
            }
        }
    }
    // What the server holds: only the right orientatore opened and reviewed the submission.
    let pool = s.sql().await;
    let (status,): (String,) = sqlx::query_as("SELECT status FROM submissions")
        .fetch_one(&pool)
        .await
        .expect("status");
    assert_eq!(status, "in_revisione");
    let (revision, reviewer): (i64, String) = sqlx::query_as("SELECT revision, reviewer_email FROM reviews")
        .fetch_one(&pool)
        .await
        .expect("review");
    assert_eq!((revision, reviewer.as_str()), (1, "anna@cpi.example.it"));
    pool.close().await;
    // The signed-out and the expired sessions have ended.
    assert_eq!(
        s.count("SELECT COUNT(*) FROM desk_sessions WHERE ended_at IS NULL")
            .await,
        1,
        "only the other office's session is still live"
    );
}

async fn the_queue_is_the_offices_own_oldest_first_and_filtered(s: Server) {
    add_account(&s, "pistoia", "anna@cpi.example.it").await;
    let mut sent = Vec::new();
    for interest in [Some(Interest::Ila), None, Some(Interest::Dote)] {
        let mut r = request(&[]);
        r.interest = interest;
        sent.push(submit(&s, &r).await.submission_id);
    }
    let mut elsewhere = request(&[]);
    elsewhere.office_id = "milano".into();
    elsewhere.interest = Some(Interest::Ila);
    submit(&s, &elsewhere).await;
    sql_exec(
        &s,
        &format!(
            "UPDATE submissions SET status = 'in_revisione' WHERE id = '{}'",
            sent[1]
        ),
    )
    .await;
    let me = session(&s, "anna@cpi.example.it").await;
    let who = Caller {
        cookie: Some(me.cookie.clone()),
        ..Default::default()
    };
    let page = |query: &'static str| {
        let who = who.clone();
        let s = &s;
        async move {
            let res = call(s, "GET", &format!("/api/v1/desk/submissions{query}"), &who).await;
            assert_eq!(res.status(), 200, "{query}");
            res.json::<QueuePage>().await.expect("queue")
        }
    };
    let all = page("").await;
    assert_eq!(all.total, 3);
    let ids: Vec<&str> = all.items.iter().map(|i| i.submission_id.as_str()).collect();
    assert_eq!(
        ids,
        sent.iter().map(String::as_str).collect::<Vec<_>>(),
        "oldest first"
    );
    let waiting = page("?status=inviata").await;
    assert_eq!(waiting.total, 2);
    assert_eq!(page("?status=in_revisione").await.items[0].submission_id, sent[1]);
    assert_eq!(page("?from=2000-01-01&to=2000-12-31").await.total, 0);
    let today = chrono::Utc::now().date_naive();
    let res = call(
        &s,
        "GET",
        &format!("/api/v1/desk/submissions?from={today}&to={today}"),
        &who,
    )
    .await;
    assert_eq!(res.json::<QueuePage>().await.expect("queue").total, 3);
    assert_eq!(page("?page=2").await.items.len(), 0);
    let bad = call(&s, "GET", "/api/v1/desk/submissions?status=bozza", &who).await;
    assert_eq!(error_code(bad).await, (400, "bad_status".into()));

    // By the programme asked about: only this office's, and only those that said so.
    let ila = page("?interest=ila").await;
    assert_eq!(ila.total, 1);
    assert_eq!(ila.items[0].submission_id, sent[0]);
    assert_eq!(ila.items[0].interest, Some(Interest::Ila));
    let dote = page("?interest=dote&status=inviata").await;
    assert_eq!(
        dote.items
            .iter()
            .map(|i| i.submission_id.as_str())
            .collect::<Vec<_>>(),
        [sent[2].as_str()]
    );
    assert_eq!(page("?interest=voucher").await.total, 0);
    assert_eq!(all.items[1].interest, None, "a submission that did not say");
    let stored: Vec<(String, Option<String>)> = {
        let pool = s.sql().await;
        let rows = sqlx::query_as(
            "SELECT id, interest FROM submissions WHERE office_id = 'pistoia' ORDER BY received_at, id",
        )
        .fetch_all(&pool)
        .await
        .expect("sql");
        pool.close().await;
        rows
    };
    assert_eq!(
        stored,
        vec![
            (sent[0].clone(), Some("ila".to_owned())),
            (sent[1].clone(), None),
            (sent[2].clone(), Some("dote".to_owned())),
        ]
    );
    let bad = call(&s, "GET", "/api/v1/desk/submissions?interest=mutuo", &who).await;
    assert_eq!(error_code(bad).await, (400, "bad_interest".into()));
}

/// A signed-in orientatore of `office` as a caller that sends the CSRF token.
async fn orientatore(s: &Server, office: &str, email: &str) -> Caller {
    add_account(s, office, email).await;
    let me = session(s, email).await;
    Caller {
        cookie: Some(me.cookie),
        csrf: Some(me.csrf),
        ..Default::default()
    }
}

async fn save_review(s: &Server, who: &Caller, id: &str, body: serde_json::Value) -> reqwest::Response {
    call_with(
        s,
        "PUT",
        &format!("/api/v1/desk/submissions/{id}/review"),
        who,
        Some(&body),
    )
    .await
}

async fn stored(s: &Server, id: &str) -> (String, Option<i64>, Option<String>) {
    let pool = s.sql().await;
    let (status,): (String,) = sqlx::query_as("SELECT status FROM submissions WHERE id = $1")
        .bind(id)
        .fetch_one(&pool)
        .await
        .expect("status");
    let review: Option<(i64, String)> =
        sqlx::query_as("SELECT revision, annotations_json FROM reviews WHERE submission_id = $1")
            .bind(id)
            .fetch_optional(&pool)
            .await
            .expect("review");
    pool.close().await;
    (status, review.as_ref().map(|r| r.0), review.map(|r| r.1))
}

async fn a_review_takes_a_version_through_its_states_and_a_consolidated_one_is_read_only(s: Server) {
    let anna = orientatore(&s, "pistoia", "anna@cpi.example.it").await;
    let mut r = request(&[]);
    let experience = r
        .libretto
        .add_entry::<sportello_core::libretto::EsperienzaLavorativa>()
        .0;
    let e = &mut r.libretto.esperienze_lavorative[0];
    e.datore = "Biblioteca San Giorgio".into();
    e.professione.descrizione = "Bibliotecaria".into();
    e.inizio = "2019-03".parse().ok();
    e.in_corso = true;
    e.mansioni = "Prestito e catalogazione".into();
    let id = submit(&s, &r).await.submission_id;
    let detail: sportello_core::cpi::desk::SubmissionDetail =
        call(&s, "GET", &format!("/api/v1/desk/submissions/{id}"), &anna)
            .await
            .json()
            .await
            .expect("detail");
    assert_eq!(detail.libretto, r.libretto);
    assert_eq!(stored(&s, &id).await.0, "inviata", "reading does not open it");
    let opened = call(&s, "POST", &format!("/api/v1/desk/submissions/{id}/open"), &anna).await;
    assert_eq!(opened.status(), 200);
    assert_eq!(stored(&s, &id).await.0, "in_revisione");

    let unknown = save_review(
        &s,
        &anna,
        &id,
        serde_json::json!({ "revision": 0, "annotations": [{ "section": "titoli-istruzione", "item": experience, "verdict": "verificato" }] }),
    )
    .await;
    assert_eq!(error_code(unknown).await, (422, "unknown_item".into()));
    assert_eq!(stored(&s, &id).await.1, None, "nothing saved");

    let changes = serde_json::json!({
        "revision": 0,
        "annotations": [
            { "section": "dati-personali", "verdict": "verificato" },
            { "section": "esperienze-lavorative", "item": experience, "verdict": "serve_documento", "comment": "<script>alert(1)</script> manca il contratto" }
        ],
        "outcome": "modifiche_richieste"
    });
    let saved = save_review(&s, &anna, &id, changes.clone()).await;
    assert_eq!(saved.status(), 200);
    let (status, revision, annotations) = stored(&s, &id).await;
    assert_eq!((status.as_str(), revision), ("modifiche_richieste", Some(1)));
    let annotations: serde_json::Value =
        serde_json::from_str(&annotations.unwrap_or_default()).expect("json");
    assert_eq!(annotations, changes["annotations"], "kept as written, as text");

    // A save based on the old revision is refused and changes nothing.
    let stale = save_review(
        &s,
        &anna,
        &id,
        serde_json::json!({ "revision": 0, "annotations": [] }),
    )
    .await;
    assert_eq!(error_code(stale).await, (409, "review_conflict".into()));
    assert_eq!(stored(&s, &id).await.1, Some(1));

    let consolidate = serde_json::json!({ "revision": 1, "annotations": [], "outcome": "consolidata" });
    assert_eq!(save_review(&s, &anna, &id, consolidate).await.status(), 200);
    assert_eq!(stored(&s, &id).await.0, "consolidata");
    // Consolidated: read-only, whatever the revision says.
    let after = save_review(
        &s,
        &anna,
        &id,
        serde_json::json!({ "revision": 2, "annotations": [] }),
    )
    .await;
    assert_eq!(error_code(after).await, (409, "consolidated".into()));
    let opened_again = call(&s, "POST", &format!("/api/v1/desk/submissions/{id}/open"), &anna).await;
    assert_eq!(opened_again.status(), 200);
    assert_eq!(
        stored(&s, &id).await,
        ("consolidata".into(), Some(2), Some("[]".into()))
    );
}

async fn two_orientatori_saving_one_revision_one_is_told_nothing_is_overwritten(s: Server) {
    let anna = orientatore(&s, "pistoia", "anna@cpi.example.it").await;
    let bruno = orientatore(&s, "pistoia", "bruno@cpi.example.it").await;
    let id = submit_to(&s, "pistoia").await.submission_id;
    let note = |who: &str| serde_json::json!({ "revision": 0, "annotations": [{ "section": "dati-personali", "comment": who }] });
    let (a, b) = tokio::join!(
        save_review(&s, &anna, &id, note("anna")),
        save_review(&s, &bruno, &id, note("bruno"))
    );
    let mut statuses = [a.status().as_u16(), b.status().as_u16()];
    statuses.sort_unstable();
    assert_eq!(statuses, [200, 409], "one saves, the other is told");
    let winner = if a.status() == 200 { "anna" } else { "bruno" };
    let (_, revision, annotations) = stored(&s, &id).await;
    assert_eq!(revision, Some(1));
    assert!(annotations.unwrap_or_default().contains(winner));
}

async fn evidence_files_are_served_as_received_to_their_office_only(s: Server) {
    let anna = orientatore(&s, "pistoia", "anna@cpi.example.it").await;
    let marco = orientatore(&s, "milano", "marco@cpi.example.it").await;
    let pdf = file_ref("attestato.pdf", PDF, "application/pdf");
    let png = file_ref("foto.png", PNG, "image/png");
    let receipt = submit(&s, &request(&[pdf.clone(), png.clone()])).await;
    assert_eq!(
        put(&s, &receipt, &pdf.sha256, PDF, Some(&receipt.status_token))
            .await
            .status(),
        201
    );
    let path = |sha: &str| {
        format!(
            "/api/v1/desk/submissions/{}/evidence/{sha}",
            receipt.submission_id
        )
    };

    let res = call(&s, "GET", &path(&pdf.sha256), &anna).await;
    assert_eq!(res.status(), 200);
    assert_eq!(
        res.headers().get("content-type").and_then(|v| v.to_str().ok()),
        Some("application/pdf")
    );
    assert_eq!(
        res.headers()
            .get("x-content-type-options")
            .and_then(|v| v.to_str().ok()),
        Some("nosniff")
    );
    // The desk, and only a page of this origin, may show it in a frame.
    let header = |res: &reqwest::Response, name: &str| {
        res.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    assert_eq!(header(&res, "x-frame-options").as_deref(), Some("SAMEORIGIN"));
    assert_eq!(
        header(&res, "content-security-policy").as_deref(),
        Some("frame-ancestors 'self'")
    );
    assert_eq!(res.bytes().await.expect("bytes").as_ref(), PDF);
    // Every other answer, refusals of this same route included, keeps the page policy.
    let refused = call(&s, "GET", &path(&pdf.sha256), &marco).await;
    assert_eq!(header(&refused, "x-frame-options").as_deref(), Some("DENY"));
    assert!(
        header(&refused, "content-security-policy").is_some_and(|p| p.contains("frame-ancestors 'none'")),
        "{:?}",
        header(&refused, "content-security-policy")
    );
    // Declared but not received yet; another office's orientatore; not a hash.
    assert_eq!(call(&s, "GET", &path(&png.sha256), &anna).await.status(), 404);
    assert_eq!(call(&s, "GET", &path(&pdf.sha256), &marco).await.status(), 404);
    assert_eq!(call(&s, "GET", &path("nope"), &anna).await.status(), 404);

    let detail: sportello_core::cpi::desk::SubmissionDetail = call(
        &s,
        "GET",
        &format!("/api/v1/desk/submissions/{}", receipt.submission_id),
        &anna,
    )
    .await
    .json()
    .await
    .expect("detail");
    let received: Vec<(String, bool)> = detail
        .evidence
        .iter()
        .map(|e| (e.file.nome.clone(), e.received))
        .collect();
    assert_eq!(
        received,
        [("attestato.pdf".into(), true), ("foto.png".into(), false)]
    );
    assert_eq!(detail.versions.len(), 1);
}

async fn the_citizen_sees_a_review_only_once_it_has_an_outcome_and_not_who_wrote_it(s: Server) {
    let anna = orientatore(&s, "pistoia", "anna@cpi.example.it").await;
    let receipt = submit_to(&s, "pistoia").await;
    let id = receipt.submission_id.clone();
    let citizen = Caller {
        status_token: Some(receipt.status_token.clone()),
        ..Default::default()
    };
    let status = || async {
        let res = call(&s, "GET", &format!("/api/v1/submissions/{id}"), &citizen).await;
        assert_eq!(res.status(), 200);
        res.json::<serde_json::Value>().await.expect("status")
    };
    assert!(status().await.get("review").is_none(), "nothing reviewed yet");

    let note = serde_json::json!([{ "section": "dati-personali", "comment": "Manca la residenza" }]);
    let draft = serde_json::json!({ "revision": 0, "annotations": note });
    assert_eq!(save_review(&s, &anna, &id, draft).await.status(), 200);
    assert!(
        status().await.get("review").is_none(),
        "notes still being written stay on the desk"
    );

    let changes = serde_json::json!({ "revision": 1, "annotations": note, "outcome": "modifiche_richieste" });
    assert_eq!(save_review(&s, &anna, &id, changes).await.status(), 200);
    let shown = status().await;
    assert_eq!(shown["status"], "modifiche_richieste");
    assert_eq!(shown["review"]["outcome"], "modifiche_richieste");
    assert_eq!(shown["review"]["annotations"], note);
    assert!(
        !shown.to_string().contains("anna@cpi.example.it"),
        "the orientatore's address is not the citizen's to see"
    );
}

/// What one figure counts, as SQL over the stored JSON for each engine: `(key, count)` rows,
/// with `{office}` and `{period}` to fill in.
struct Figure {
    name: &'static str,
    sqlite: &'static str,
    postgres: &'static str,
}

const NOT_GIVEN: &str = "'non_indicato'";

fn figures() -> Vec<Figure> {
    vec![
        Figure {
            name: "status",
            sqlite: "SELECT status, COUNT(*) FROM submissions WHERE {where} GROUP BY 1",
            postgres: "SELECT status, COUNT(*) FROM submissions WHERE {where} GROUP BY 1",
        },
        Figure {
            name: "provincia",
            sqlite: "SELECT COALESCE(NULLIF(UPPER(TRIM(json_extract(libretto_json, '$.dati_personali.residenza.provincia'))), ''), {ng}), COUNT(*) FROM submissions WHERE {where} GROUP BY 1",
            postgres: "SELECT COALESCE(NULLIF(UPPER(TRIM(libretto_json::jsonb #>> '{dati_personali,residenza,provincia}')), ''), {ng}), COUNT(*) FROM submissions WHERE {where} GROUP BY 1",
        },
        Figure {
            name: "genere",
            sqlite: "SELECT COALESCE(json_extract(libretto_json, '$.dati_personali.sesso'), {ng}), COUNT(*) FROM submissions WHERE {where} GROUP BY 1",
            postgres: "SELECT COALESCE(libretto_json::jsonb #>> '{dati_personali,sesso}', {ng}), COUNT(*) FROM submissions WHERE {where} GROUP BY 1",
        },
        Figure {
            name: "eta",
            sqlite: "SELECT CASE WHEN age IS NULL OR age < 0 THEN {ng} WHEN age < 25 THEN 'meno_di_25' WHEN age < 35 THEN '25_34' \
                     WHEN age < 45 THEN '35_44' WHEN age < 55 THEN '45_54' ELSE '55_e_oltre' END, COUNT(*) FROM ( \
                     SELECT CAST(strftime('%Y', received_at) AS INTEGER) - CAST(strftime('%Y', b) AS INTEGER) \
                       - (strftime('%m-%d', received_at) < strftime('%m-%d', b)) AS age \
                     FROM (SELECT received_at, json_extract(libretto_json, '$.dati_personali.data_nascita') AS b \
                           FROM submissions WHERE {where})) GROUP BY 1",
            postgres: "SELECT CASE WHEN age IS NULL OR age < 0 THEN {ng} WHEN age < 25 THEN 'meno_di_25' WHEN age < 35 THEN '25_34' \
                     WHEN age < 45 THEN '35_44' WHEN age < 55 THEN '45_54' ELSE '55_e_oltre' END, COUNT(*) FROM ( \
                     SELECT CAST(date_part('year', age(CAST(received_at AS timestamptz)::date, CAST(b AS date))) AS INTEGER) AS age \
                     FROM (SELECT received_at, libretto_json::jsonb #>> '{dati_personali,data_nascita}' AS b \
                           FROM submissions WHERE {where}) x) y GROUP BY 1",
        },
        Figure {
            name: "evidence category",
            sqlite: "SELECT COALESCE(json_extract(e.value, '$.categoria'), {ng}), COUNT(*) \
                     FROM submissions, json_each(submissions.libretto_json, '$.evidenze') AS e WHERE {where} GROUP BY 1",
            postgres: "SELECT COALESCE(e ->> 'categoria', {ng}), COUNT(*) \
                     FROM submissions, jsonb_array_elements(libretto_json::jsonb -> 'evidenze') AS e WHERE {where} GROUP BY 1",
        },
        Figure {
            name: "data source",
            sqlite: "SELECT json_extract(e.value, '$.fonte'), COUNT(*) \
                     FROM submissions, json_each(submissions.libretto_json, '$.esperienze_lavorative') AS e WHERE {where} GROUP BY 1",
            postgres: "SELECT e ->> 'fonte', COUNT(*) \
                     FROM submissions, jsonb_array_elements(libretto_json::jsonb -> 'esperienze_lavorative') AS e WHERE {where} GROUP BY 1",
        },
    ]
}

/// A small deterministic generator, so a failure can be replayed.
struct Lcg(u64);
impl Lcg {
    fn pick(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

async fn monitoring_figures_equal_counts_made_directly_in_sql(s: Server) {
    use sportello_core::cpi::monitoring::{Count, Monitoring};
    use sportello_core::libretto::{CategoriaEvidenza, EsperienzaLavorativa, Evidenza, Fonte, Sesso};

    let anna = orientatore(&s, "pistoia", "anna@cpi.example.it").await;
    let mut g = Lcg(20261202);
    let provinces = ["PT", "pt ", "FI", "PO", "", "LU"];
    let mut ids = Vec::new();
    for n in 0..230 {
        let mut r = request(&[]);
        // A few go to another office: never in this office's figures.
        r.office_id = if n % 23 == 0 {
            "prato".into()
        } else {
            "pistoia".into()
        };
        let p = &mut r.libretto.dati_personali;
        p.sesso = [Some(Sesso::F), Some(Sesso::M), None][g.pick(3) as usize];
        p.residenza.provincia = provinces[g.pick(provinces.len() as u64) as usize].into();
        // Born 1950–2007; some turn 25, 35, 45 or 55 on the day of receipt (a band's edge).
        p.data_nascita = if g.pick(8) == 0 {
            chrono::NaiveDate::from_ymd_opt([2001, 1991, 1981, 1971][g.pick(4) as usize], 11, 20)
        } else {
            chrono::NaiveDate::from_ymd_opt(
                1950 + g.pick(58) as i32,
                1 + g.pick(12) as u32,
                1 + g.pick(28) as u32,
            )
        };
        r.libretto.evidenze.clear();
        for _ in 0..g.pick(4) {
            let id = r.libretto.add_entry::<Evidenza>();
            let e = r
                .libretto
                .evidenze
                .iter_mut()
                .find(|e| e.id == id)
                .expect("added");
            e.titolo = "Attestato".into();
            e.categoria = [
                Some(CategoriaEvidenza::Lavoro),
                Some(CategoriaEvidenza::Formazione),
                Some(CategoriaEvidenza::Altra),
                Some(CategoriaEvidenza::ExtraProfessionale),
            ][g.pick(4) as usize];
        }
        for _ in 0..g.pick(3) {
            let id = r.libretto.add_entry::<EsperienzaLavorativa>();
            let e = r
                .libretto
                .esperienze_lavorative
                .iter_mut()
                .find(|e| e.id == id)
                .expect("added");
            e.datore = "Ditta".into();
            e.inizio = "2019-03".parse().ok();
            e.in_corso = true;
            e.mansioni = "Magazzino".into();
            e.fonte = [Fonte::Autodichiarazione, Fonte::BancaDatiRegionale][g.pick(2) as usize];
        }
        ids.push(submit(&s, &r).await.submission_id);
    }
    // Some further along, and some received long ago (outside the period asked for below).
    for (i, id) in ids.iter().enumerate() {
        let status = ["inviata", "in_revisione", "modifiche_richieste", "consolidata"][i % 4];
        let received = if i % 5 == 0 {
            "2025-03-10T09:00:00.000000Z"
        } else {
            "2026-11-20T09:00:00.000000Z"
        };
        sql_exec(
            &s,
            &format!(
                "UPDATE submissions SET status = '{status}', received_at = '{received}' WHERE id = '{id}'"
            ),
        )
        .await;
    }

    let postgres = s.database_url.is_some();
    for (query, condition) in [
        ("", "office_id = 'pistoia'"),
        (
            "?from=2026-01-01&to=2026-12-31",
            "office_id = 'pistoia' AND received_at >= '2026-01-01' AND received_at < '2027-01-01'",
        ),
    ] {
        let got: Monitoring = call(&s, "GET", &format!("/api/v1/desk/monitoring{query}"), &anna)
            .await
            .json()
            .await
            .expect("figures");
        let (total,): (i64,) = {
            let pool = s.sql().await;
            let row = sqlx::query_as(&format!("SELECT COUNT(*) FROM submissions WHERE {condition}"))
                .fetch_one(&pool)
                .await
                .expect("total");
            pool.close().await;
            row
        };
        assert!(total >= 150, "enough submissions to mean something: {total}");
        assert_eq!(
            got.submissions,
            u64::try_from(total).expect("count"),
            "total {query}"
        );
        let lists = [
            &got.by_status,
            &got.by_provincia,
            &got.by_genere,
            &got.by_eta,
            &got.by_evidence_category,
            &got.by_data_source,
        ];
        for (figure, list) in figures().iter().zip(lists) {
            let sql = if postgres { figure.postgres } else { figure.sqlite }
                .replace("{where}", condition)
                .replace("{ng}", NOT_GIVEN);
            let pool = s.sql().await;
            let rows: Vec<(String, i64)> = sqlx::query_as(&sql).fetch_all(&pool).await.expect(figure.name);
            pool.close().await;
            let mut want: Vec<(String, u64)> = rows
                .into_iter()
                .map(|(k, n)| (k, u64::try_from(n).expect("count")))
                .collect();
            let mut have: Vec<(String, u64)> = list
                .iter()
                .map(|Count { key, count }| (key.clone(), *count))
                .collect();
            want.sort();
            have.sort();
            assert_eq!(have, want, "{} {query}", figure.name);
        }
    }
}
