//! Response headers every answer carries: security policy and caching.

use axum::Router;
use axum::extract::Request;
use axum::http::{HeaderValue, header};
use axum::middleware::{self, Next};
use axum::response::Response;
use tower_http::set_header::SetResponseHeaderLayer;

/// Only our own origin, wasm compilation allowed, and inline script only for the exact
/// loader trunk wrote (by hash). No third party can be reached from the page.
pub fn content_security_policy(inline_script_hashes: &[String]) -> String {
    let mut script_src = String::from("'self' 'wasm-unsafe-eval'");
    for hash in inline_script_hashes {
        script_src.push(' ');
        script_src.push_str(hash);
    }
    format!(
        "default-src 'self'; script-src {script_src}; style-src 'self'; img-src 'self' data: blob:; \
         font-src 'self'; connect-src 'self'; object-src 'none'; frame-src 'self' blob:; base-uri 'none'; \
         form-action 'self'; frame-ancestors 'none'"
    )
}

/// What an evidence file answers instead of the page policy: the desk, on our own origin, may
/// show it in a frame. Nothing else is restricted because Chromium's PDF viewer runs under the
/// file's own policy and draws nothing under `default-src 'none'` or `sandbox`; the bytes were
/// checked to be a PDF, PNG or JPEG at intake and go out with `nosniff`, so no page can run.
pub const EVIDENCE_FRAMING: (&str, &str) = ("frame-ancestors 'self'", "SAMEORIGIN");

pub fn apply(router: Router, csp: &str) -> Router {
    let fixed: [(header::HeaderName, &'static str); 4] = [
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "no-referrer"),
        (
            header::HeaderName::from_static("permissions-policy"),
            "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
        ),
        (
            header::HeaderName::from_static("cross-origin-opener-policy"),
            "same-origin",
        ),
    ];
    let mut router = router.layer(middleware::from_fn(cache_control));
    for (name, value) in fixed {
        router = router.layer(SetResponseHeaderLayer::overriding(
            name,
            HeaderValue::from_static(value),
        ));
    }
    // Framing and the page policy are set for every answer that did not set its own (only
    // evidence files do, see `EVIDENCE_FRAMING`).
    router = router.layer(SetResponseHeaderLayer::if_not_present(
        header::X_FRAME_OPTIONS,
        HeaderValue::from_static("DENY"),
    ));
    match HeaderValue::from_str(csp) {
        Ok(value) => router.layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            value,
        )),
        // Hashes are base64 and the rest is ASCII: this cannot fail, but if it ever did, the
        // strictest policy is the safe answer.
        Err(_) => router.layer(SetResponseHeaderLayer::overriding(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("default-src 'none'"),
        )),
    }
}

/// Content-hashed files never change under their name: cache them for a year. Everything
/// else (index.html, app routes) must be revalidated, so a new release is seen; API answers
/// are never stored.
async fn cache_control(request: Request, next: Next) -> Response {
    let immutable = is_content_hashed(request.uri().path());
    let api = request.uri().path().starts_with("/api/");
    let mut response = next.run(request).await;
    let value = if api {
        // Receipts and statuses are personal: no cache, shared or private, keeps them.
        "no-store"
    } else if immutable && response.status().is_success() {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(value));
    response
}

/// Trunk names hashed files `name-<16 hex digits>[_bg].ext`.
pub fn is_content_hashed(path: &str) -> bool {
    let file = path.rsplit('/').next().unwrap_or_default();
    let Some((stem, _ext)) = file.rsplit_once('.') else {
        return false;
    };
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    let Some((_, hash)) = stem.rsplit_once('-') else {
        return false;
    };
    // trunk writes its 64-bit hash in hex without leading zeros: 16 digits, sometimes fewer
    // (one build in sixteen has 15). Twelve or more keeps words like `normal` out.
    (12..=16).contains(&hash.len()) && hash.bytes().all(|b| b.is_ascii_hexdigit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_trunk_hashed_names() {
        assert!(is_content_hashed("/sportello-5f1c2a3b4d5e6f70_bg.wasm"));
        assert!(is_content_hashed("/main-0123456789abcdef.css"));
        assert!(
            is_content_hashed("/sportello-84046ae7d5afb1b_bg.wasm"),
            "15 digits: a leading zero dropped"
        );
        assert!(!is_content_hashed("/x-cafe.css"));
        assert!(!is_content_hashed("/index.html"));
        assert!(!is_content_hashed("/fonts/titillium-web-latin-400-normal.woff2"));
        assert!(!is_content_hashed("/libretto"));
    }

    #[test]
    fn csp_pins_each_inline_hash() {
        let csp = content_security_policy(&["'sha256-abc='".to_owned()]);
        assert!(csp.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-abc='"));
        assert!(!csp.contains("unsafe-inline"));
    }
}
