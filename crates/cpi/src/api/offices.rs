//! `GET /api/v1/offices`: where a citizen can send their Libretto.

use axum::Json;
use axum::extract::State;
use sportello_core::cpi::Office;

use super::AppState;

/// The CPI offices this server receives submissions for.
#[utoipa::path(
    get,
    path = "/api/v1/offices",
    tag = "intake",
    responses((status = 200, description = "The offices, in the configured order", body = [Office]))
)]
pub async fn list_offices(State(state): State<AppState>) -> Json<Vec<Office>> {
    Json(state.offices.as_ref().clone())
}
