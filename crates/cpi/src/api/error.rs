//! Error answers of the API: always JSON `{code, message}`, the code stable for programs,
//! the message plain English for whoever reads a log. The app shows its own translated text
//! for each code.

use axum::Json;
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use sportello_core::cpi::ApiError;

use crate::db::DbError;

#[derive(Debug)]
pub struct Failure {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
}

impl Failure {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            status,
            code,
            message: message.into(),
        }
    }
}

impl IntoResponse for Failure {
    fn into_response(self) -> Response {
        let body = ApiError {
            code: self.code.to_owned(),
            message: self.message,
        };
        (self.status, Json(body)).into_response()
    }
}

impl From<DbError> for Failure {
    fn from(e: DbError) -> Self {
        tracing::error!("storage failure: {e}");
        Failure::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "storage_unavailable",
            "the CPI could not store or read this now; try again later",
        )
    }
}

/// A stored submission that no longer reads: logged with its id, answered as a server failure.
pub fn damaged(id: &str, e: impl std::fmt::Display) -> Failure {
    tracing::error!(submission = id, "stored submission is damaged: {e}");
    Failure::new(
        StatusCode::INTERNAL_SERVER_ERROR,
        "internal",
        "the server failed; try again later",
    )
}

/// Answers that axum or tower produce on their own (no route, wrong method, body too large,
/// timeout) come out as plain text; this turns them into the same JSON shape as ours.
pub async fn json_errors(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    let status = response.status();
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    if !(status.is_client_error() || status.is_server_error()) || is_json {
        return response;
    }
    let (code, message) = match status {
        StatusCode::NOT_FOUND => ("not_found", "no such API route"),
        StatusCode::METHOD_NOT_ALLOWED => ("method_not_allowed", "this route does not take that method"),
        StatusCode::PAYLOAD_TOO_LARGE => ("too_large", "the body is larger than this route accepts"),
        StatusCode::REQUEST_TIMEOUT => ("timeout", "the request took too long"),
        StatusCode::UNSUPPORTED_MEDIA_TYPE => {
            ("unsupported_media_type", "this route takes another content type")
        }
        s if s.is_server_error() => ("internal", "the server failed; try again later"),
        _ => ("bad_request", "the request is not valid"),
    };
    let mut out = Failure::new(status, code, message).into_response();
    if let Some(allow) = response.headers().get(header::ALLOW) {
        out.headers_mut().insert(header::ALLOW, allow.clone());
    }
    out.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    out
}
