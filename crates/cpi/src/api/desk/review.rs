//! One submission on the desk: reading it, opening it for review, its evidence files, and
//! saving the review.

use axum::Json;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;
use chrono::{DateTime, Utc};
use sportello_core::LifecycleState;
use sportello_core::cpi::ApiError;
use sportello_core::cpi::desk::{EvidenceOnFile, SubmissionDetail, VersionRef};
use sportello_core::cpi::review::{Review, ReviewOutcome, ReviewRequest, check_review};
use sportello_core::evidence;
use sportello_core::libretto::{FileRef, Libretto};

use super::SignedIn;
use crate::api::AppState;
use crate::api::error::Failure;
use crate::api::submissions::{parse_status_name, status_name};
use crate::db::{QueueRow, ReviewRow, SaveReview, timestamp};

/// One submission of the signed-in orientatore's office.
#[utoipa::path(
    get,
    path = "/api/v1/desk/submissions/{id}",
    tag = "desk",
    params(("id" = String, Path, description = "The submission id")),
    responses(
        (status = 200, description = "The version, its files, the other versions and the review so far", body = SubmissionDetail),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 404, description = "No such submission at this office", body = ApiError),
    )
)]
pub async fn detail(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Path(id): Path<String>,
) -> Result<Json<SubmissionDetail>, Failure> {
    Ok(Json(load(&state, &signed_in, &id).await?))
}

/// Opens a submission for review: a waiting one (`inviata`) becomes `in_revisione`.
#[utoipa::path(
    post,
    path = "/api/v1/desk/submissions/{id}/open",
    tag = "desk",
    params(
        ("id" = String, Path, description = "The submission id"),
        ("X-CSRF-Token" = String, Header, description = "The session's CSRF token"),
    ),
    responses(
        (status = 200, description = "Opened (or already past waiting): the submission", body = SubmissionDetail),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 403, description = "Missing or wrong CSRF token", body = ApiError),
        (status = 404, description = "No such submission at this office", body = ApiError),
    )
)]
pub async fn open(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Path(id): Path<String>,
) -> Result<Json<SubmissionDetail>, Failure> {
    let office = &signed_in.orientatore.office_id;
    state
        .db
        .open_submission(office, &id, &timestamp(Utc::now()))
        .await?;
    Ok(Json(load(&state, &signed_in, &id).await?))
}

/// One evidence file's bytes, as received (its type was checked by its bytes at intake).
#[utoipa::path(
    get,
    path = "/api/v1/desk/submissions/{id}/evidence/{sha256}",
    tag = "desk",
    params(
        ("id" = String, Path, description = "The submission id"),
        ("sha256" = String, Path, description = "The file's SHA-256"),
    ),
    responses(
        (status = 200, description = "The file: a PDF, PNG or JPEG", content_type = "application/octet-stream"),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 404, description = "No such submission at this office, or no such file received", body = ApiError),
    )
)]
pub async fn evidence_file(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Path((id, sha256)): Path<(String, String)>,
) -> Result<Response, Failure> {
    let office = &signed_in.orientatore.office_id;
    if !evidence::is_sha256_hex(&sha256) {
        return Err(not_found());
    }
    let file = state
        .db
        .evidence_file(office, &id, &sha256)
        .await?
        .ok_or_else(not_found)?;
    let mut response = Response::new(Body::from(file.bytes));
    let headers = response.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&file.mime_type) {
        headers.insert(header::CONTENT_TYPE, v);
    }
    headers.insert(header::CONTENT_DISPOSITION, HeaderValue::from_static("inline"));
    let (policy, frame_options) = crate::headers::EVIDENCE_FRAMING;
    headers.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(policy));
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static(frame_options));
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    Ok(response)
}

/// Saves the review of one version: annotations, and an outcome when it is finished.
#[utoipa::path(
    put,
    path = "/api/v1/desk/submissions/{id}/review",
    tag = "desk",
    params(
        ("id" = String, Path, description = "The submission id"),
        ("X-CSRF-Token" = String, Header, description = "The session's CSRF token"),
    ),
    request_body(content = ReviewRequest, content_type = "application/json"),
    responses(
        (status = 200, description = "Saved: the new revision", body = Review),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 403, description = "Missing or wrong CSRF token", body = ApiError),
        (status = 404, description = "No such submission at this office", body = ApiError),
        (status = 409, description = "Another revision was saved in between (`review_conflict`), or the version is consolidated (`consolidated`)", body = ApiError),
        (status = 422, description = "An annotation on an item the Libretto does not have, or another rule of the review", body = ApiError),
    )
)]
pub async fn save(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Path(id): Path<String>,
    Json(request): Json<ReviewRequest>,
) -> Result<Json<Review>, Failure> {
    let office = &signed_in.orientatore.office_id;
    let (_, libretto_json, _, _) = state
        .db
        .office_submission(office, &id)
        .await?
        .ok_or_else(not_found)?;
    let libretto: Libretto = serde_json::from_str(&libretto_json).map_err(|_| damaged(&id))?;
    check_review(&libretto, &request)
        .map_err(|e| Failure::new(StatusCode::UNPROCESSABLE_ENTITY, e.code(), e.to_string()))?;
    let now = Utc::now();
    let status = match request.outcome {
        None => LifecycleState::InRevisione,
        Some(ReviewOutcome::ModificheRichieste) => LifecycleState::ModificheRichieste,
        Some(ReviewOutcome::Consolidata) => LifecycleState::Consolidata,
    };
    let row = ReviewRow {
        revision: i64::from(request.revision) + 1,
        reviewer_email: signed_in.orientatore.email.clone(),
        annotations_json: serde_json::to_string(&request.annotations).map_err(|_| damaged(&id))?,
        outcome: request.outcome.map(|o| outcome_name(o).to_owned()),
        updated_at: timestamp(now),
    };
    match state
        .db
        .save_review(&id, i64::from(request.revision), &row, status_name(status))
        .await?
    {
        SaveReview::Saved => {
            tracing::info!(submission = %id, revision = row.revision, "review saved");
            Ok(Json(Review {
                revision: request.revision + 1,
                annotations: request.annotations,
                outcome: request.outcome,
                reviewer: row.reviewer_email,
                updated_at: now,
            }))
        }
        SaveReview::Conflict => Err(Failure::new(
            StatusCode::CONFLICT,
            "review_conflict",
            "another revision of this review was saved in the meantime; reload it before saving",
        )),
        SaveReview::Consolidated => Err(Failure::new(
            StatusCode::CONFLICT,
            "consolidated",
            "this version is consolidated and can no longer change",
        )),
    }
}

fn outcome_name(o: ReviewOutcome) -> &'static str {
    match o {
        ReviewOutcome::ModificheRichieste => "modifiche_richieste",
        ReviewOutcome::Consolidata => "consolidata",
    }
}

async fn load(state: &AppState, signed_in: &SignedIn, id: &str) -> Result<SubmissionDetail, Failure> {
    let office = &signed_in.orientatore.office_id;
    let (row, libretto_json, draft_id, version) = state
        .db
        .office_submission(office, id)
        .await?
        .ok_or_else(not_found)?;
    let libretto: Libretto = serde_json::from_str(&libretto_json).map_err(|_| damaged(id))?;
    let files: Vec<FileRef> = serde_json::from_str(&row.evidence_json).map_err(|_| damaged(id))?;
    let received = state.db.evidence_received(id).await?;
    let versions = state
        .db
        .versions(office, &draft_id)
        .await?
        .into_iter()
        .map(|(submission_id, version, status, received_at)| {
            Ok(VersionRef {
                version: u32::try_from(version).map_err(|_| damaged(id))?,
                status: parse_status_name(&status).ok_or_else(|| damaged(id))?,
                received_at: time(&received_at, id)?,
                submission_id,
            })
        })
        .collect::<Result<_, Failure>>()?;
    let review = stored_review(&state.db, id).await?;
    Ok(SubmissionDetail {
        item: super::queue::item(QueueRow {
            id: row.id,
            receipt_code: row.receipt_code,
            draft_id,
            version,
            status: row.status,
            received_at: row.received_at,
            updated_at: row.updated_at,
            interest: row.interest,
        })?,
        libretto,
        evidence: files
            .into_iter()
            .map(|file| EvidenceOnFile {
                received: received.contains(&file.sha256),
                file,
            })
            .collect(),
        versions,
        review,
    })
}

/// The review of a submission as saved, if any (also what the citizen's status shows).
pub(crate) async fn stored_review(db: &crate::db::Db, id: &str) -> Result<Option<Review>, Failure> {
    let Some(r) = db.review(id).await? else {
        return Ok(None);
    };
    Ok(Some(Review {
        revision: u32::try_from(r.revision).map_err(|_| damaged(id))?,
        annotations: serde_json::from_str(&r.annotations_json).map_err(|_| damaged(id))?,
        outcome: r
            .outcome
            .map(|o| serde_json::from_value(serde_json::Value::String(o)))
            .transpose()
            .map_err(|_| damaged(id))?,
        reviewer: r.reviewer_email,
        updated_at: time(&r.updated_at, id)?,
    }))
}

fn time(t: &str, id: &str) -> Result<DateTime<Utc>, Failure> {
    t.parse().map_err(|_| damaged(id))
}

fn not_found() -> Failure {
    Failure::new(
        StatusCode::NOT_FOUND,
        "not_found",
        "no such submission at this office",
    )
}

fn damaged(id: &str) -> Failure {
    tracing::error!(submission = id, "stored submission is damaged");
    Failure::new(
        StatusCode::INTERNAL_SERVER_ERROR,
        "internal",
        "the server failed; try again later",
    )
}
