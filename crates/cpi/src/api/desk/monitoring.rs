//! The office's monitoring figures for a period (`sportello_core::cpi::monitoring`).

use axum::Json;
use axum::extract::{Query, State};
use chrono::{DateTime, NaiveDate, Utc};
use serde::Deserialize;
use sportello_core::LifecycleState;
use sportello_core::cpi::ApiError;
use sportello_core::cpi::monitoring::{Monitoring, Tally};
use sportello_core::libretto::Libretto;

use super::SignedIn;
use crate::api::AppState;
use crate::api::error::Failure;

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct Period {
    /// Received on or after this day (`YYYY-MM-DD`, UTC).
    pub from: Option<NaiveDate>,
    /// Received on or before this day.
    pub to: Option<NaiveDate>,
}

/// Counts of the signed-in orientatore's office's submissions received in the period.
#[utoipa::path(
    get,
    path = "/api/v1/desk/monitoring",
    tag = "desk",
    params(Period),
    responses(
        (status = 200, description = "The figures", body = Monitoring),
        (status = 400, description = "A date that is not YYYY-MM-DD", body = ApiError),
        (status = 401, description = "Not signed in", body = ApiError),
    )
)]
pub async fn figures(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Query(p): Query<Period>,
) -> Result<Json<Monitoring>, Failure> {
    let (from, until) = super::period_bounds(p.from, p.to);
    let rows = state
        .db
        .monitoring_rows(
            &signed_in.orientatore.office_id,
            from.as_deref(),
            until.as_deref(),
        )
        .await?;
    let mut tally = Tally::default();
    for (libretto_json, status, received_at) in rows {
        // A row that cannot be read is logged and left out, never a failed page.
        let libretto = serde_json::from_str::<Libretto>(&libretto_json);
        let status = LifecycleState::from_code(&status);
        let received = received_at.parse::<DateTime<Utc>>();
        match (libretto, status, received) {
            (Ok(l), Some(s), Ok(r)) => tally.add(&l, s, r.date_naive()),
            _ => tracing::error!("a stored submission could not be read for monitoring"),
        }
    }
    Ok(Json(tally.finish()))
}
