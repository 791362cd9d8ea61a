//! Signing an orientatore in and out.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Duration, Utc};
use sportello_core::cpi::ApiError;
use sportello_core::cpi::desk::{DeskSession, SignInRequest, normalise_email};

use super::{ABSOLUTE, PeerAddress, SignedIn, session_cookie, set_cookie};
use crate::accounts;
use crate::api::AppState;
use crate::api::error::Failure;
use crate::db::{Orientatore, timestamp};
use crate::tokens;

/// Failed sign-ins are counted over this window…
pub const THROTTLE_WINDOW: Duration = Duration::minutes(15);
/// …and refused beyond this many for one account (someone guessing one password)…
pub const MAX_FAILURES_PER_ACCOUNT: i64 = 5;
/// …or from one address (someone trying many accounts).
pub const MAX_FAILURES_PER_ADDRESS: i64 = 20;

/// Signs in; the session is in the `HttpOnly` cookie of the answer.
#[utoipa::path(
    post,
    path = "/api/v1/desk/session",
    tag = "desk",
    request_body(content = SignInRequest, content_type = "application/json"),
    responses(
        (status = 200, description = "Signed in: the session cookie is set", body = DeskSession),
        (status = 401, description = "Wrong address or password (the answer does not say which)", body = ApiError),
        (status = 429, description = "Too many failed sign-ins for this account or from this address; see Retry-After", body = ApiError),
    )
)]
pub async fn sign_in(
    State(state): State<AppState>,
    headers: HeaderMap,
    PeerAddress(peer): PeerAddress,
    Json(request): Json<SignInRequest>,
) -> Result<Response, Failure> {
    let now = Utc::now();
    let email = normalise_email(&request.email).unwrap_or_default();
    let subjects = [
        format!("account:{email}"),
        format!(
            "address:{}",
            peer.map_or_else(|| "unknown".to_owned(), |ip| ip.to_string())
        ),
    ];
    let since = timestamp(now - THROTTLE_WINDOW);
    for (subject, limit) in subjects
        .iter()
        .zip([MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS])
    {
        let (failures, earliest) = state.db.sign_in_failures(subject, &since).await?;
        if failures >= limit {
            let retry = earliest
                .and_then(|t| t.parse::<DateTime<Utc>>().ok())
                .map_or(THROTTLE_WINDOW, |t| t + THROTTLE_WINDOW - now);
            let mut response = Failure::new(
                StatusCode::TOO_MANY_REQUESTS,
                "too_many_attempts",
                "too many failed sign-ins; wait before trying again",
            )
            .into_response();
            let seconds = retry.num_seconds().max(1).to_string();
            if let Ok(v) = HeaderValue::from_str(&seconds) {
                response.headers_mut().insert(header::RETRY_AFTER, v);
            }
            return Ok(response);
        }
    }

    let account = state.db.orientatore_by_email(&email).await?;
    let stored = account
        .as_ref()
        .map_or(accounts::dummy_hash(), |a| a.password_hash.as_str());
    let password = request.password.clone();
    let stored = stored.to_owned();
    // Hashing takes tens of milliseconds of CPU: off the async workers.
    let verified = tokio::task::spawn_blocking(move || accounts::verify_password(&password, &stored))
        .await
        .unwrap_or(false);
    let Some(account) = account.filter(|_| verified) else {
        for subject in &subjects {
            state.db.record_sign_in_failure(subject, &timestamp(now)).await?;
        }
        tracing::warn!("failed desk sign-in");
        return Err(Failure::new(
            StatusCode::UNAUTHORIZED,
            "sign_in_failed",
            "wrong e-mail address or password",
        ));
    };
    state.db.clear_sign_in_failures(&subjects[0]).await?;
    let token = tokens::random();
    state
        .db
        .insert_session(&tokens::hash(&token), &account.id, &timestamp(now))
        .await?;
    tracing::info!(orientatore = %account.id, office = %account.office_id, "desk sign-in");
    let body = describe(&state, &account, state.key.csrf(&token), now + ABSOLUTE);
    let mut response = (StatusCode::OK, Json(body)).into_response();
    if let Ok(v) = HeaderValue::from_str(&set_cookie(Some(&token), &headers)) {
        response.headers_mut().insert(header::SET_COOKIE, v);
    }
    Ok(no_store(response))
}

/// Who is signed in, with the session's CSRF token (for a desk page loaded again). A browser
/// with no session cookie gets 204: "nobody" is an answer, not an error, and a desk page
/// opened before signing in should not log a failed request.
#[utoipa::path(
    get,
    path = "/api/v1/desk/session",
    tag = "desk",
    responses(
        (status = 200, description = "Signed in", body = DeskSession),
        (status = 204, description = "No session cookie: nobody is signed in on this browser"),
        (status = 401, description = "The session cookie's session ended or expired", body = ApiError),
    )
)]
pub async fn current(
    State(state): State<AppState>,
    headers: HeaderMap,
    signed_in: Result<SignedIn, Failure>,
) -> Response {
    match signed_in {
        Ok(s) => {
            let body = describe(&state, &s.orientatore, s.csrf_token, s.expires_at);
            no_store(Json(body).into_response())
        }
        Err(_) if session_cookie(&headers).is_none() => no_store(StatusCode::NO_CONTENT.into_response()),
        Err(failure) => failure.into_response(),
    }
}

/// Signs out: the session ends on the server, whatever the browser keeps.
#[utoipa::path(
    delete,
    path = "/api/v1/desk/session",
    tag = "desk",
    params(("X-CSRF-Token" = String, Header, description = "The session's CSRF token")),
    responses(
        (status = 204, description = "Signed out"),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 403, description = "Missing or wrong CSRF token", body = ApiError),
    )
)]
pub async fn sign_out(
    State(state): State<AppState>,
    headers: HeaderMap,
    signed_in: SignedIn,
) -> Result<Response, Failure> {
    state
        .db
        .end_session(&signed_in.token_hash, &timestamp(Utc::now()))
        .await?;
    let mut response = StatusCode::NO_CONTENT.into_response();
    if let Ok(v) = HeaderValue::from_str(&set_cookie(None, &headers)) {
        response.headers_mut().insert(header::SET_COOKIE, v);
    }
    Ok(response)
}

fn describe(state: &AppState, o: &Orientatore, csrf_token: String, expires_at: DateTime<Utc>) -> DeskSession {
    let office_name = state
        .offices
        .iter()
        .find(|office| office.id == o.office_id)
        .map_or_else(|| o.office_id.clone(), |office| office.name.clone());
    DeskSession {
        email: o.email.clone(),
        office_id: o.office_id.clone(),
        office_name,
        csrf_token,
        expires_at,
    }
}

fn no_store(mut response: Response) -> Response {
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}
