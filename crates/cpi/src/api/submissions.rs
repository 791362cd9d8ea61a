//! The citizen's side of intake: send a Libretto version, upload its evidence files, read
//! its status. Every rule comes from `sportello_core::cpi`; this file only speaks HTTP and
//! stores.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use sportello_core::LifecycleState;
use sportello_core::content_hash::sha256_hex;
use sportello_core::cpi::{
    ApiError, EvidenceReceipt, IDEMPOTENCY_HEADER, ReceiptCode, STATUS_TOKEN_HEADER, SubmissionReceipt,
    SubmissionRequest, SubmissionStatus, check_submission,
};
use sportello_core::evidence::{self, sniff};
use sportello_core::libretto::FileRef;
use sportello_core::libretto::vocab::Vocabulary;

use super::AppState;
use super::error::{Failure, damaged};
use crate::db::{NewEvidence, NewSubmission, SubmissionRow, timestamp};
use crate::tokens;

/// Sends one version of a Libretto. Safe to retry with the same `Idempotency-Key`.
#[utoipa::path(
    post,
    path = "/api/v1/submissions",
    tag = "intake",
    params(("Idempotency-Key" = String, Header, description = "A client-chosen key (UUID), the same on every retry of this submission")),
    request_body(content = SubmissionRequest, content_type = "application/json"),
    responses(
        (status = 201, description = "Stored (or, on a retry, the first answer again, byte for byte)", body = SubmissionReceipt),
        (status = 400, description = "Missing or malformed key, or a body that is not JSON", body = ApiError),
        (status = 409, description = "The key was used before with another body", body = ApiError),
        (status = 413, description = "Body over 5 MB", body = ApiError),
        (status = 422, description = "Valid JSON that is not an acceptable submission", body = ApiError),
    )
)]
pub async fn create_submission(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, Failure> {
    let key = idempotency_key(&headers)?;
    let request_sha256 = sha256_hex(&body);
    if let Some(existing) = state.db.submission_by_key(key).await? {
        return replay(&state, &existing, &request_sha256);
    }
    let request = parse_request(&body)?;
    if !state.offices.iter().any(|o| o.id == request.office_id) {
        return Err(Failure::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "unknown_office",
            format!("no office {:?} on this server", request.office_id),
        ));
    }
    let now = Utc::now();
    check_submission(&request, now.date_naive())
        .map_err(|e| Failure::new(StatusCode::UNPROCESSABLE_ENTITY, e.code(), e.to_string()))?;

    let id = uuid::Uuid::new_v4().to_string();
    let files = request.evidence_files();
    let receipt = SubmissionReceipt {
        submission_id: id.clone(),
        receipt_code: ReceiptCode::from_random(rand::random()).to_string(),
        office_id: request.office_id.clone(),
        received_at: now,
        status: LifecycleState::Inviata,
        // Never stored: filled in from the key each time the answer is sent.
        status_token: String::new(),
        evidence_expected: files.iter().map(|f| f.sha256.clone()).collect(),
    };
    let response_json = to_json(&receipt)?;
    let libretto_json = to_json(&request.libretto)?;
    let evidence_json = to_json(&files)?;
    let received_at = timestamp(now);
    let token = state.key.token(&id);
    let token_hash = tokens::hash(&token);
    let draft_id = request.draft_id.to_string();
    let (row, created) = state
        .db
        .insert_submission(&NewSubmission {
            id: &id,
            idempotency_key: key,
            request_sha256: &request_sha256,
            receipt_code: &receipt.receipt_code,
            office_id: &request.office_id,
            draft_id: &draft_id,
            version: i64::from(request.version),
            status: status_name(LifecycleState::Inviata),
            token_hash: &token_hash,
            libretto_json: &libretto_json,
            evidence_json: &evidence_json,
            response_json: &response_json,
            received_at: &received_at,
            interest: request.interest.map(Vocabulary::code),
        })
        .await?;
    if !created {
        // Another request with the same key won the race: answer as a retry would be.
        return replay(&state, &row, &request_sha256);
    }
    tracing::info!(submission = %row.id, office = %row.office_id, "submission received");
    receipt_response(&state, &row, false)
}

/// Uploads one evidence file of a submission. Retrying is harmless.
#[utoipa::path(
    put,
    path = "/api/v1/submissions/{id}/evidence/{sha256}",
    tag = "intake",
    params(
        ("id" = String, Path, description = "The submission id from the receipt"),
        ("sha256" = String, Path, description = "Lower-case hex SHA-256 of the body"),
        ("X-Status-Token" = String, Header, description = "The status token from the receipt"),
    ),
    request_body(content = Vec<u8>, content_type = "application/octet-stream", description = "The file's bytes: a PDF, PNG or JPEG of at most 10 MB, whatever Content-Type says"),
    responses(
        (status = 201, description = "Stored", body = EvidenceReceipt),
        (status = 200, description = "Already stored", body = EvidenceReceipt),
        (status = 401, description = "No status token", body = ApiError),
        (status = 403, description = "Wrong status token", body = ApiError),
        (status = 404, description = "No such submission, or the file is not part of it", body = ApiError),
        (status = 413, description = "Over 10 MB", body = ApiError),
        (status = 415, description = "Not a PDF, PNG or JPEG by its bytes", body = ApiError),
        (status = 422, description = "The body's SHA-256 or size is not the one declared", body = ApiError),
    )
)]
pub async fn put_evidence(
    State(state): State<AppState>,
    Path((id, sha256)): Path<(String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, Failure> {
    let row = authorised(&state, &id, &headers).await?;
    if !evidence::is_sha256_hex(&sha256) {
        return Err(Failure::new(
            StatusCode::BAD_REQUEST,
            "bad_hash",
            "the path must end in a lower-case hex SHA-256",
        ));
    }
    let expected: Vec<FileRef> = serde_json::from_str(&row.evidence_json).map_err(|e| damaged(&row.id, e))?;
    let Some(declared) = expected.iter().find(|f| f.sha256 == sha256) else {
        return Err(Failure::new(
            StatusCode::NOT_FOUND,
            "evidence_not_expected",
            "this file is not part of the submission",
        ));
    };
    if sha256_hex(&body) != sha256 {
        return Err(Failure::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "hash_mismatch",
            "the body's SHA-256 is not the one in the path",
        ));
    }
    if body.len() as u64 != declared.dimensione {
        return Err(Failure::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "size_mismatch",
            "the file's size is not the one declared in the submission",
        ));
    }
    let Some(kind) = sniff(&body) else {
        return Err(Failure::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_type",
            "the file is not a PDF, PNG or JPEG",
        ));
    };
    let created = state
        .db
        .insert_evidence(&NewEvidence {
            submission_id: &row.id,
            sha256: &sha256,
            mime_type: kind.mime_type(),
            bytes: &body,
            received_at: &timestamp(Utc::now()),
        })
        .await?;
    let status = if created {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    let receipt = EvidenceReceipt {
        sha256,
        mime_type: kind.mime_type().to_owned(),
        size: body.len() as u64,
    };
    Ok((status, axum::Json(receipt)).into_response())
}

/// The status of a submission, for whoever holds its token.
#[utoipa::path(
    get,
    path = "/api/v1/submissions/{id}",
    tag = "intake",
    params(
        ("id" = String, Path, description = "The submission id from the receipt"),
        ("X-Status-Token" = String, Header, description = "The status token from the receipt"),
    ),
    responses(
        (status = 200, description = "Status, dates and which files arrived", body = SubmissionStatus),
        (status = 401, description = "No status token", body = ApiError),
        (status = 403, description = "Wrong status token", body = ApiError),
        (status = 404, description = "No such submission", body = ApiError),
    )
)]
pub async fn get_submission(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Result<axum::Json<SubmissionStatus>, Failure> {
    let row = authorised(&state, &id, &headers).await?;
    let expected: Vec<FileRef> = serde_json::from_str(&row.evidence_json).map_err(|e| damaged(&row.id, e))?;
    let received = state.db.evidence_received(&row.id).await?;
    let missing = expected
        .iter()
        .map(|f| f.sha256.clone())
        .filter(|s| !received.contains(s))
        .collect();
    Ok(axum::Json(SubmissionStatus {
        submission_id: row.id.clone(),
        receipt_code: row.receipt_code.clone(),
        office_id: row.office_id.clone(),
        status: parse_status(&row)?,
        received_at: parse_time(&row, &row.received_at)?,
        updated_at: parse_time(&row, &row.updated_at)?,
        evidence_received: received,
        evidence_missing: missing,
        review: super::desk::review::stored_review(&state.db, &row.id)
            .await?
            .and_then(|r| r.for_citizen()),
    }))
}

fn idempotency_key(headers: &HeaderMap) -> Result<&str, Failure> {
    let Some(value) = headers.get(IDEMPOTENCY_HEADER) else {
        return Err(Failure::new(
            StatusCode::BAD_REQUEST,
            "idempotency_key_missing",
            "send an Idempotency-Key header",
        ));
    };
    let key = value.to_str().unwrap_or_default();
    let ok = (8..=128).contains(&key.len())
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if !ok {
        return Err(Failure::new(
            StatusCode::BAD_REQUEST,
            "idempotency_key_invalid",
            "the Idempotency-Key must be 8 to 128 letters, digits, '-' or '_'",
        ));
    }
    Ok(key)
}

fn parse_request(body: &[u8]) -> Result<SubmissionRequest, Failure> {
    let not_json = |e: &serde_json::Error| {
        Failure::new(
            StatusCode::BAD_REQUEST,
            "malformed_json",
            format!("not JSON (line {}, column {})", e.line(), e.column()),
        )
    };
    let mut de = serde_json::Deserializer::from_slice(body);
    let request = match serde_path_to_error::deserialize::<_, SubmissionRequest>(&mut de) {
        Ok(r) => r,
        Err(e) if e.inner().is_syntax() || e.inner().is_eof() => return Err(not_json(e.inner())),
        Err(e) => {
            return Err(Failure::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid_submission",
                format!("the field {} is not valid: {}", e.path(), e.inner()),
            ));
        }
    };
    de.end().map_err(|e| not_json(&e))?;
    Ok(request)
}

/// The first answer again, for a retry with the same key and body.
fn replay(state: &AppState, row: &SubmissionRow, request_sha256: &str) -> Result<Response, Failure> {
    if row.request_sha256 != request_sha256 {
        return Err(Failure::new(
            StatusCode::CONFLICT,
            "idempotency_key_reused",
            "this Idempotency-Key was used for a different submission",
        ));
    }
    receipt_response(state, row, true)
}

/// The receipt as first stored, with the token derived again: the same bytes every time.
fn receipt_response(state: &AppState, row: &SubmissionRow, replayed: bool) -> Result<Response, Failure> {
    let mut receipt: SubmissionReceipt =
        serde_json::from_str(&row.response_json).map_err(|e| damaged(&row.id, e))?;
    receipt.status_token = state.key.token(&row.id);
    let body = to_json(&receipt)?;
    let mut response = (StatusCode::CREATED, body).into_response();
    let h = response.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    if replayed {
        h.insert("idempotent-replayed", HeaderValue::from_static("true"));
    }
    Ok(response)
}

async fn authorised(state: &AppState, id: &str, headers: &HeaderMap) -> Result<SubmissionRow, Failure> {
    let Some(token) = headers.get(STATUS_TOKEN_HEADER).and_then(|v| v.to_str().ok()) else {
        return Err(Failure::new(
            StatusCode::UNAUTHORIZED,
            "token_missing",
            "send the status token in X-Status-Token",
        ));
    };
    let Some(row) = state.db.submission(id).await? else {
        return Err(Failure::new(
            StatusCode::NOT_FOUND,
            "not_found",
            "no such submission",
        ));
    };
    if !tokens::matches(token, &row.token_hash) {
        return Err(Failure::new(
            StatusCode::FORBIDDEN,
            "token_wrong",
            "this status token is not the submission's",
        ));
    }
    Ok(row)
}

pub fn status_name(s: LifecycleState) -> &'static str {
    s.code()
}

/// A status as stored, back to its type (`None` for a name no status has).
pub fn parse_status_name(name: &str) -> Option<LifecycleState> {
    LifecycleState::from_code(name)
}

fn parse_status(row: &SubmissionRow) -> Result<LifecycleState, Failure> {
    parse_status_name(&row.status).ok_or_else(|| damaged(&row.id, format!("status {:?}", row.status)))
}

fn parse_time(row: &SubmissionRow, text: &str) -> Result<DateTime<Utc>, Failure> {
    text.parse().map_err(|e| damaged(&row.id, e))
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<String, Failure> {
    serde_json::to_string(value).map_err(|e| {
        tracing::error!("cannot serialize an answer: {e}");
        Failure::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "the server failed; try again later",
        )
    })
}
