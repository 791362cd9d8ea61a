//! `/api/v1`: the CPI contract of `docs/api.md`. Routes and the OpenAPI document come from
//! the same `#[utoipa::path]` annotations, so the document cannot list a route that does not
//! exist or miss one that does.

pub mod desk;
mod error;
mod offices;
pub mod submissions;

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::StatusCode;
use axum::routing::get;
use sportello_core::cpi::Office;
use sportello_core::evidence::MAX_FILE_BYTES;
use tower_http::timeout::TimeoutLayer;
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::db::Db;
use crate::tokens::TokenKey;

/// The largest submission body: a 500-entry Libretto is about 400 KB.
pub const MAX_SUBMISSION_BODY: usize = 5 * 1024 * 1024;
/// A slow phone uploading a 10 MB file at 1 Mbit/s needs about 80 s.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(120);

#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub offices: Arc<Vec<Office>>,
    pub key: TokenKey,
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Sportello CPI API",
        description = "The contract between the Sportello app and a Centro per l'Impiego: intake of Libretto submissions and their evidence files, and their status.",
        version = "1"
    ),
    tags(
        (name = "intake", description = "What a citizen's app sends and reads"),
        (name = "desk", description = "The orientatore's review desk: session and queue")
    )
)]
struct ApiDoc;

/// The API's routes, and the OpenAPI document describing exactly them.
pub fn router(state: AppState) -> Router {
    let (router, doc) = OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(offices::list_offices))
        .routes(routes!(submissions::create_submission))
        .routes(routes!(submissions::get_submission))
        .routes(routes!(submissions::put_evidence))
        .routes(routes!(
            desk::session::sign_in,
            desk::session::current,
            desk::session::sign_out
        ))
        .routes(routes!(desk::queue::list))
        .routes(routes!(desk::review::detail))
        .routes(routes!(desk::review::open))
        .routes(routes!(desk::review::evidence_file))
        .routes(routes!(desk::review::save))
        .routes(routes!(desk::monitoring::figures))
        .split_for_parts();
    let doc_json = doc.to_pretty_json().unwrap_or_else(|_| "{}".to_owned());
    router
        .route(
            "/api/v1/openapi.json",
            get(move || {
                let doc_json = doc_json.clone();
                async move { ([(axum::http::header::CONTENT_TYPE, "application/json")], doc_json) }
            }),
        )
        // Evidence uploads may reach 10 MB; everything else is held to the submission limit
        // by the route's own extractor limit below.
        .layer(DefaultBodyLimit::max(MAX_FILE_BYTES as usize))
        .layer(axum::middleware::from_fn(limit_non_evidence_bodies))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            REQUEST_TIMEOUT,
        ))
        // Unknown API paths answer in JSON like the rest, not with the app's index.html.
        .route(
            "/api/{*rest}",
            axum::routing::any(|| async { StatusCode::NOT_FOUND }),
        )
        .layer(axum::middleware::from_fn(error::json_errors))
        .with_state(state)
}

/// Only evidence uploads may be large: every other body stops at 5 MB, checked by the
/// declared length before anything is read and by counting while reading.
async fn limit_non_evidence_bodies(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    if request.uri().path().contains("/evidence/") {
        return next.run(request).await;
    }
    let (parts, body) = request.into_parts();
    let limited = http_body_util::Limited::new(body, MAX_SUBMISSION_BODY);
    next.run(axum::extract::Request::from_parts(
        parts,
        axum::body::Body::new(limited),
    ))
    .await
}
