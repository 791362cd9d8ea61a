//! `/api/v1/desk`: the orientatore's side — signing in and out, the office's queue, and the
//! review of one submission.
//!
//! Every desk route but sign-in takes a [`SignedIn`]: a live session from the `HttpOnly`
//! cookie, and for anything but a read, the session's CSRF token in `X-CSRF-Token`. An
//! orientatore only ever sees their own office's submissions: every query takes the office
//! from the session, never from the request.

pub mod monitoring;
pub mod queue;
pub mod review;
pub mod session;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, Method, StatusCode, header};
use chrono::{DateTime, Duration, Utc};
use sportello_core::cpi::desk::CSRF_HEADER;

use super::AppState;
use super::error::Failure;
use crate::db::{Orientatore, timestamp};
use crate::tokens;

/// The session cookie: `HttpOnly` (no script reads it), `SameSite=Strict` (no other site's
/// page sends it), sent only to the desk API.
pub const COOKIE: &str = "sportello_desk";
const COOKIE_PATH: &str = "/api/v1/desk";
/// A session ends after this long without a call…
pub const IDLE: Duration = Duration::minutes(30);
/// …and this long after sign-in whatever happens (a working day).
pub const ABSOLUTE: Duration = Duration::hours(10);

/// A signed-in orientatore, checked for this request.
pub struct SignedIn {
    pub orientatore: Orientatore,
    pub token_hash: String,
    pub expires_at: DateTime<Utc>,
    pub csrf_token: String,
}

impl FromRequestParts<AppState> for SignedIn {
    type Rejection = Failure;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Failure> {
        let not_signed_in = || {
            Failure::new(
                StatusCode::UNAUTHORIZED,
                "not_signed_in",
                "sign in to the review desk",
            )
        };
        let token = session_cookie(&parts.headers).ok_or_else(not_signed_in)?;
        let token_hash = tokens::hash(&token);
        let session = state.db.session(&token_hash).await?.ok_or_else(not_signed_in)?;
        if session.ended_at.is_some() {
            return Err(not_signed_in());
        }
        let now = Utc::now();
        let created: DateTime<Utc> = session.created_at.parse().map_err(|_| not_signed_in())?;
        let last_seen: DateTime<Utc> = session.last_seen_at.parse().map_err(|_| not_signed_in())?;
        if now - last_seen > IDLE || now - created > ABSOLUTE {
            state.db.end_session(&token_hash, &timestamp(now)).await?;
            return Err(Failure::new(
                StatusCode::UNAUTHORIZED,
                "session_expired",
                "the session has expired; sign in again",
            ));
        }
        let csrf_token = state.key.csrf(&token);
        if !is_read(&parts.method) {
            let presented = parts
                .headers
                .get(CSRF_HEADER)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default();
            if !tokens::same(presented, &csrf_token) {
                return Err(Failure::new(
                    StatusCode::FORBIDDEN,
                    "csrf_failed",
                    "this change must carry the session's X-CSRF-Token",
                ));
            }
        }
        state.db.touch_session(&token_hash, &timestamp(now)).await?;
        Ok(SignedIn {
            orientatore: session.orientatore,
            token_hash,
            expires_at: created + ABSOLUTE,
            csrf_token,
        })
    }
}

/// The peer's address, when the server was started with it (`serve` does; a test router may
/// not): failed sign-ins are also counted per address.
pub struct PeerAddress(pub Option<std::net::IpAddr>);

impl<S: Send + Sync> FromRequestParts<S> for PeerAddress {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(PeerAddress(
            parts
                .extensions
                .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
                .map(|c| c.0.ip()),
        ))
    }
}

fn is_read(method: &Method) -> bool {
    matches!(*method, Method::GET | Method::HEAD)
}

fn session_cookie(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE)
        .map(|(_, value)| value.to_owned())
        .filter(|v| !v.is_empty())
}

/// The `Set-Cookie` value that starts a session (`Secure` when the request came through TLS,
/// as the proxy in front says), or ends it (`token` `None`).
fn set_cookie(token: Option<&str>, headers: &HeaderMap) -> String {
    let secure = headers
        .get("x-forwarded-proto")
        .is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"https"));
    let (value, max_age) = match token {
        Some(t) => (t, ABSOLUTE.num_seconds()),
        None => ("", 0),
    };
    format!(
        "{COOKIE}={value}; Path={COOKIE_PATH}; Max-Age={max_age}; HttpOnly; SameSite=Strict{}",
        if secure { "; Secure" } else { "" }
    )
}

/// The timestamps bounding the days `from`–`to` (UTC, both included): the first instant of
/// `from`, and the first instant after `to`. The queue and the monitoring filter alike.
pub(super) fn period_bounds(
    from: Option<chrono::NaiveDate>,
    to: Option<chrono::NaiveDate>,
) -> (Option<String>, Option<String>) {
    let day_start = |d: chrono::NaiveDate| d.and_hms_opt(0, 0, 0).map(|t| timestamp(t.and_utc()));
    (
        from.and_then(day_start),
        to.and_then(|d| d.succ_opt()).and_then(day_start),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cookie_is_found_among_others_and_set_safely() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::COOKIE,
            "a=1; sportello_desk=tok; b=2".parse().expect("header"),
        );
        assert_eq!(session_cookie(&headers).as_deref(), Some("tok"));
        headers.insert(header::COOKIE, "sportello_desk=".parse().expect("header"));
        assert_eq!(session_cookie(&headers), None);

        let plain = set_cookie(Some("tok"), &HeaderMap::new());
        assert!(plain.contains("HttpOnly") && plain.contains("SameSite=Strict") && !plain.contains("Secure"));
        let mut tls = HeaderMap::new();
        tls.insert("x-forwarded-proto", "https".parse().expect("header"));
        assert!(set_cookie(Some("tok"), &tls).ends_with("; Secure"));
        assert!(set_cookie(None, &tls).contains("Max-Age=0"));
    }
}
