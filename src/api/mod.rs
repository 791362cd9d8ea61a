//! The CPI's HTTP API as the app calls it (`docs/api.md`), through `gloo-net`.
//!
//! Only this module knows URLs and headers. Every call returns the wire types of
//! `sportello_core::cpi` or an [`ApiFailure`] that says whether trying again can help, so the
//! outbox knows when to retry and the screens know what to tell the citizen.

pub mod desk;
pub mod places;

use gloo_net::http::{Request, Response};
use serde::de::DeserializeOwned;
use sportello_core::cpi::{
    ApiError, EvidenceReceipt, IDEMPOTENCY_HEADER, Office, STATUS_TOKEN_HEADER, SubmissionReceipt,
    SubmissionRequest, SubmissionStatus,
};

/// The API lives on the server that serves the app.
pub(crate) const BASE: &str = "/api/v1";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiFailure {
    /// No answer: offline, the server down, or the connection cut. Worth retrying.
    Network,
    /// The CPI answered with an error; `code` is the API's stable code.
    Refused { status: u16, code: String },
    /// An answer that is not what the API promises.
    BadAnswer,
}

impl ApiFailure {
    /// Whether the same request may succeed later without the citizen changing anything.
    pub fn is_temporary(&self) -> bool {
        match self {
            ApiFailure::Network | ApiFailure::BadAnswer => true,
            ApiFailure::Refused { status, .. } => matches!(status, 408 | 429) || *status >= 500,
        }
    }

    /// The code kept in the outbox and turned into a message by the screens.
    pub fn code(&self) -> String {
        match self {
            ApiFailure::Network => "network".into(),
            ApiFailure::Refused { code, .. } => code.clone(),
            ApiFailure::BadAnswer => "bad_answer".into(),
        }
    }
}

pub async fn offices() -> Result<Vec<Office>, ApiFailure> {
    let response = Request::get(&format!("{BASE}/offices")).send().await;
    answer(response).await
}

/// Sends a submission; retrying with the same key and request returns the same receipt.
pub async fn submit(
    idempotency_key: &str,
    request: &SubmissionRequest,
) -> Result<SubmissionReceipt, ApiFailure> {
    let body = serde_json::to_string(request).map_err(|_| ApiFailure::BadAnswer)?;
    let response = Request::post(&format!("{BASE}/submissions"))
        .header(IDEMPOTENCY_HEADER, idempotency_key)
        .header("Content-Type", "application/json")
        .body(body)
        .map_err(|_| ApiFailure::BadAnswer)?
        .send()
        .await;
    answer(response).await
}

/// Uploads one evidence file; harmless to repeat.
pub async fn upload_evidence(
    submission_id: &str,
    token: &str,
    sha256: &str,
    file: &web_sys::Blob,
) -> Result<EvidenceReceipt, ApiFailure> {
    let response = Request::put(&format!("{BASE}/submissions/{submission_id}/evidence/{sha256}"))
        .header(STATUS_TOKEN_HEADER, token)
        .header("Content-Type", "application/octet-stream")
        .body(wasm_bindgen::JsValue::from(file.clone()))
        .map_err(|_| ApiFailure::BadAnswer)?
        .send()
        .await;
    answer(response).await
}

pub async fn status(submission_id: &str, token: &str) -> Result<SubmissionStatus, ApiFailure> {
    let response = Request::get(&format!("{BASE}/submissions/{submission_id}"))
        .header(STATUS_TOKEN_HEADER, token)
        .send()
        .await;
    answer(response).await
}

pub(crate) async fn answer<T: DeserializeOwned>(
    response: Result<Response, gloo_net::Error>,
) -> Result<T, ApiFailure> {
    let response = response.map_err(|_| ApiFailure::Network)?;
    if response.ok() {
        return response.json::<T>().await.map_err(|_| ApiFailure::BadAnswer);
    }
    let status = response.status();
    let code = match response.json::<ApiError>().await {
        Ok(e) => e.code,
        // A proxy's error page, not the CPI's: treat as the server being unavailable.
        Err(_) => {
            return Err(ApiFailure::Refused {
                status: status.max(500),
                code: "unavailable".into(),
            });
        }
    };
    Err(ApiFailure::Refused { status, code })
}
