//! Serving the trunk build: files as they are, precompressed variants when the browser
//! accepts them, and `index.html` for every app route so deep links and reloads work.

use std::path::{Path, PathBuf};

use axum::body::Body;
use axum::http::{HeaderValue, Request, StatusCode, header};
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};
use tower_http::services::ServeDir;

#[derive(Debug, thiserror::Error)]
pub enum AppFilesError {
    #[error("cannot read {path}: {source}; build the app first with `cargo xtask serve`")]
    Io { path: PathBuf, source: std::io::Error },
}

pub struct AppFiles {
    dist: PathBuf,
    index_html: String,
    /// `sha256-…` sources of the inline scripts in `index.html` (trunk's loader), so the
    /// CSP can allow exactly those and nothing else inline.
    pub inline_script_hashes: Vec<String>,
}

impl AppFiles {
    pub fn load(dist: &Path) -> Result<Self, AppFilesError> {
        let index_path = dist.join("index.html");
        let index_html = std::fs::read_to_string(&index_path).map_err(|source| AppFilesError::Io {
            path: index_path,
            source,
        })?;
        let inline_script_hashes = inline_scripts(&index_html).map(csp_hash).collect();
        Ok(Self {
            dist: dist.to_path_buf(),
            index_html,
            inline_script_hashes,
        })
    }

    pub fn service(
        self,
    ) -> ServeDir<tower::util::BoxCloneSyncService<Request<Body>, Response, std::convert::Infallible>> {
        let index = self.index_html;
        let fallback = tower::service_fn(move |req: Request<Body>| {
            let index = index.clone();
            async move { Ok::<_, std::convert::Infallible>(app_route_or_404(req.uri().path(), index)) }
        });
        ServeDir::new(self.dist)
            .precompressed_br()
            .precompressed_gzip()
            .fallback(tower::util::BoxCloneSyncService::new(fallback))
    }
}

/// A path with a file extension that is not in `dist/` is a missing file, not an app route.
fn app_route_or_404(path: &str, index: String) -> Response {
    let last = path.rsplit('/').next().unwrap_or_default();
    if last.contains('.') {
        return StatusCode::NOT_FOUND.into_response();
    }
    let mut response = index.into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    response
}

/// The bodies of `<script>` elements that have no `src`.
fn inline_scripts(html: &str) -> impl Iterator<Item = &str> {
    html.split("<script").skip(1).filter_map(|rest| {
        let (attrs, after) = rest.split_once('>')?;
        if attrs.contains("src=") {
            return None;
        }
        let (body, _) = after.split_once("</script>")?;
        Some(body)
    })
}

fn csp_hash(script: &str) -> String {
    use base64::Engine as _;
    let digest = Sha256::digest(script.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_only_inline_scripts() {
        let html = r#"<head><script src="/a.js"></script><script type="module">init()</script></head>"#;
        let found: Vec<_> = inline_scripts(html).collect();
        assert_eq!(found, vec!["init()"]);
    }

    #[test]
    fn hash_matches_the_csp_format() {
        // echo -n 'init()' | openssl dgst -sha256 -binary | base64
        assert_eq!(
            csp_hash("init()"),
            "'sha256-w4ujnOpjBoH2vcasx+reJRUwYivG8Q3afx/XevGJod8='"
        );
    }
}
