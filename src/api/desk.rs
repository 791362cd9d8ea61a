//! The review desk's calls (`/api/v1/desk`, `docs/api.md`). The session is an `HttpOnly`
//! cookie the browser sends by itself; what the app holds is the CSRF token, in memory only,
//! sent back on every call that changes something.

use gloo_net::http::{Request, RequestBuilder};
use serde::Serialize;
use serde::de::DeserializeOwned;
use sportello_core::cpi::desk::{CSRF_HEADER, DeskSession, QueuePage, SignInRequest, SubmissionDetail};
use sportello_core::cpi::monitoring::Monitoring;
use sportello_core::cpi::review::{Review, ReviewRequest};

use super::{ApiFailure, BASE, answer};

pub async fn sign_in(request: &SignInRequest) -> Result<DeskSession, ApiFailure> {
    send_json(Request::post(&format!("{BASE}/desk/session")), request).await
}

/// Who is signed in on this browser: `None` when nobody is (204), `Refused { status: 401, .. }`
/// when the session ended or expired.
pub async fn session() -> Result<Option<DeskSession>, ApiFailure> {
    let response = Request::get(&format!("{BASE}/desk/session")).send().await;
    if matches!(&response, Ok(r) if r.status() == 204) {
        return Ok(None);
    }
    answer(response).await.map(Some)
}

pub async fn sign_out(csrf: &str) -> Result<(), ApiFailure> {
    let response = Request::delete(&format!("{BASE}/desk/session"))
        .header(CSRF_HEADER, csrf)
        .send()
        .await
        .map_err(|_| ApiFailure::Network)?;
    match response.status() {
        204 | 401 => Ok(()),
        status => Err(ApiFailure::Refused {
            status,
            code: "sign_out_failed".into(),
        }),
    }
}

/// One page of the office's queue; `status` is the lifecycle state's code, empty for all;
/// received in the days `from`–`to` (`YYYY-MM-DD`, either may be empty).
pub async fn queue(
    status: &str,
    interest: &str,
    from: &str,
    to: &str,
    page: u32,
) -> Result<QueuePage, ApiFailure> {
    let url = format!(
        "{BASE}/desk/submissions?status={status}&interest={interest}&page={page}&{}",
        period_query(from, to)
    );
    answer(Request::get(&url).send().await).await
}

/// Opens a submission for review (it moves to `in_revisione` if it was waiting).
pub async fn open(id: &str, csrf: &str) -> Result<SubmissionDetail, ApiFailure> {
    let url = format!("{BASE}/desk/submissions/{id}/open");
    answer(Request::post(&url).header(CSRF_HEADER, csrf).send().await).await
}

/// Another version of the same Libretto, read without opening it.
pub async fn detail(id: &str) -> Result<SubmissionDetail, ApiFailure> {
    answer(
        Request::get(&format!("{BASE}/desk/submissions/{id}"))
            .send()
            .await,
    )
    .await
}

pub async fn save_review(id: &str, csrf: &str, review: &ReviewRequest) -> Result<Review, ApiFailure> {
    let url = format!("{BASE}/desk/submissions/{id}/review");
    send_json(Request::put(&url).header(CSRF_HEADER, csrf), review).await
}

/// Where the browser can show one evidence file (the cookie goes with it).
pub fn evidence_url(id: &str, sha256: &str) -> String {
    format!("{BASE}/desk/submissions/{id}/evidence/{sha256}")
}

async fn send_json<B: Serialize, T: DeserializeOwned>(
    builder: RequestBuilder,
    body: &B,
) -> Result<T, ApiFailure> {
    let json = serde_json::to_string(body).map_err(|_| ApiFailure::BadAnswer)?;
    let request = builder
        .header("Content-Type", "application/json")
        .body(json)
        .map_err(|_| ApiFailure::BadAnswer)?;
    answer(request.send().await).await
}

/// The office's figures for the days `from`–`to` (`YYYY-MM-DD`, either may be empty).
pub async fn monitoring(from: &str, to: &str) -> Result<Monitoring, ApiFailure> {
    let url = format!("{BASE}/desk/monitoring?{}", period_query(from, to));
    answer(Request::get(&url).send().await).await
}

fn period_query(from: &str, to: &str) -> String {
    [("from", from), ("to", to)]
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("&")
}
