//! The review desk's sign-in and queue over real HTTP on both engines, and the authorization
//! matrix: every desk route against every kind of caller, each allowed exactly where it should
//! be. What the server stored is read with its own SQL.

mod common;

use common::*;
use sportello_core::cpi::desk::{CSRF_HEADER, DeskSession, QueuePage};
use sportello_core::cpi::{STATUS_TOKEN_HEADER, SubmissionReceipt};

const PASSWORD: &str = "una password molto lunga";

on_both_engines!(
    signing_in_sets_an_httponly_strict_cookie_and_stores_only_hashes,
    wrong_passwords_and_unknown_addresses_get_the_same_answer_and_are_throttled,
    the_authorization_matrix_holds_for_every_desk_route,
    the_queue_is_the_offices_own_oldest_first_and_filtered,
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
    let m = reqwest::Method::from_bytes(method.as_bytes()).expect("method");
    let mut req = reqwest::Client::new().request(m, s.url(path));
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
    let receipt = submit_to(&s, "pistoia").await;

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
        ("anonymous", 0, "GET /api/v1/desk/session", 401, "not_signed_in"),
        ("citizen", 0, "GET /api/v1/desk/session", 401, "not_signed_in"),
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
        let res = call(&s, method, path, caller).await;
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
            }
        }
    }
    // What the server holds: the signed-out and the expired sessions have ended.
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
    for _ in 0..3 {
        sent.push(submit_to(&s, "pistoia").await.submission_id);
    }
    submit_to(&s, "milano").await;
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
}
