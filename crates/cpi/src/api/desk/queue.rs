//! The office's queue of submissions.

use axum::Json;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use chrono::{DateTime, NaiveDate, Utc};
use serde::Deserialize;
use sportello_core::LifecycleState;
use sportello_core::cpi::desk::{QueueItem, QueuePage};
use sportello_core::cpi::{ApiError, Interest};
use sportello_core::libretto::vocab::Vocabulary;

use super::SignedIn;
use crate::api::AppState;
use crate::api::error::Failure;
use crate::api::submissions::{parse_status_name, status_name};
use crate::db::{QueueFilter, QueueRow};

pub const PAGE_SIZE: u32 = 50;

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct QueueQuery {
    /// `inviata`, `in_revisione`, `modifiche_richieste` or `consolidata`.
    pub status: Option<String>,
    /// Received on or after this day (`YYYY-MM-DD`, UTC).
    pub from: Option<NaiveDate>,
    /// Received on or before this day.
    pub to: Option<NaiveDate>,
    /// The programme the citizen asked about: `ila`, `voucher`, `dote` or `orientamento`.
    pub interest: Option<String>,
    /// From 1.
    pub page: Option<u32>,
}

/// The signed-in orientatore's office's submissions, oldest waiting first.
#[utoipa::path(
    get,
    path = "/api/v1/desk/submissions",
    tag = "desk",
    params(QueueQuery),
    responses(
        (status = 200, description = "One page of the queue", body = QueuePage),
        (status = 400, description = "An unknown status or programme, or a page below 1", body = ApiError),
        (status = 401, description = "Not signed in", body = ApiError),
    )
)]
pub async fn list(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Query(q): Query<QueueQuery>,
) -> Result<Json<QueuePage>, Failure> {
    let status = match q.status.as_deref() {
        None | Some("") => None,
        Some(s) => Some(parse_status(s).ok_or_else(|| {
            Failure::new(StatusCode::BAD_REQUEST, "bad_status", format!("no status {s:?}"))
        })?),
    };
    let interest = match q.interest.as_deref() {
        None | Some("") => None,
        Some(s) => Some(Interest::from_code(s).ok_or_else(|| {
            Failure::new(
                StatusCode::BAD_REQUEST,
                "bad_interest",
                format!("no programme {s:?}"),
            )
        })?),
    };
    let page = q.page.unwrap_or(1);
    if page == 0 {
        return Err(Failure::new(
            StatusCode::BAD_REQUEST,
            "bad_page",
            "pages start at 1",
        ));
    }
    let (from, until) = super::period_bounds(q.from, q.to);
    let filter = QueueFilter {
        status: status.map(|s| status_name(s).to_owned()),
        interest: interest.map(|i| i.code().to_owned()),
        from,
        until,
        limit: i64::from(PAGE_SIZE),
        offset: i64::from(page - 1) * i64::from(PAGE_SIZE),
    };
    let (rows, total) = state.db.queue(&signed_in.orientatore.office_id, &filter).await?;
    let items = rows.into_iter().map(item).collect::<Result<_, _>>()?;
    Ok(Json(QueuePage {
        items,
        total: u64::try_from(total).unwrap_or(0),
        page,
        page_size: PAGE_SIZE,
    }))
}

/// A status the queue can hold: every one but the citizen's own draft.
fn parse_status(s: &str) -> Option<LifecycleState> {
    parse_status_name(s).filter(|s| *s != LifecycleState::Bozza)
}

/// A stored submission as the desk lists it (also the head of one submission's view).
pub(super) fn item(row: QueueRow) -> Result<QueueItem, Failure> {
    let damaged = || {
        tracing::error!(submission = %row.id, "stored submission is damaged");
        Failure::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "the server failed; try again later",
        )
    };
    let time = |t: &str| t.parse::<DateTime<Utc>>().map_err(|_| damaged());
    let interest = match row.interest.as_deref() {
        None => None,
        Some(code) => Some(Interest::from_code(code).ok_or_else(damaged)?),
    };
    Ok(QueueItem {
        status: parse_status(&row.status).ok_or_else(damaged)?,
        interest,
        version: u32::try_from(row.version).map_err(|_| damaged())?,
        received_at: time(&row.received_at)?,
        updated_at: time(&row.updated_at)?,
        submission_id: row.id,
        receipt_code: row.receipt_code,
        draft_id: row.draft_id,
    })
}
