//! Serving the trunk build: files as they are, precompressed variants when the browser
//! accepts them, and for each app route the page of the entry that has it, so deep links and
//! reloads work: the light entry for `/` when the build has one (`home.html`, or
//! `home.<lang>.html` for the first of the browser's languages that has one), the Libretto's
//! entry for the Libretto and its submissions (`libretto.html`), the review desk's for
//! `/revisione…` (`revisione.html`), and `index.html` (the rest of
//! the app) for every other address. The app asks the server again for a route its entry
//! lacks, so this is the one place that decides which entry has which address; the service
//! worker, which serves the pages offline, reads the same table from [`ROUTES_JSON`].

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
    /// The light entry's pages: the default page's language (its `<html lang>`) and the
    /// languages with a page of their own (`home.<lang>.html`); `None` without a light entry.
    home_languages: Option<(String, Vec<String>)>,
    /// The entries of [`ENTRY_ROUTES`] this build has (older builds served everything from
    /// `index.html`).
    entries: Vec<(&'static str, &'static [&'static str])>,
    /// `sha256-…` sources of the inline scripts in `index.html` and `home.html` (trunk's
    /// loaders), so the CSP can allow exactly those and nothing else inline.
    pub inline_script_hashes: Vec<String>,
}

/// The light entry's page, served for `/`.
const HOME_HTML: &str = "home.html";
/// Each entry's page and the addresses it is served for (with every address below them): the
/// Libretto's, and the orientatore's review desk.
const ENTRY_ROUTES: &[(&str, &[&str])] = &[
    ("libretto.html", &["/libretto", "/invii"]),
    ("revisione.html", &["/revisione"]),
];

/// Where the table of entries and their addresses is published, for the service worker
/// (`public/sw.js`): offline, it serves each address the page the server would have served.
pub const ROUTES_JSON: &str = "/app-routes.json";

/// Whether `path` is `prefix` or an address below it.
fn under(path: &str, prefix: &str) -> bool {
    path.strip_prefix(prefix)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

impl AppFiles {
    pub fn load(dist: &Path) -> Result<Self, AppFilesError> {
        let index_path = dist.join("index.html");
        let index_html = std::fs::read_to_string(&index_path).map_err(|source| AppFilesError::Io {
            path: index_path,
            source,
        })?;
        let home_html = read_if_built(&dist.join(HOME_HTML))?;
        let mut entries = Vec::new();
        let mut entry_pages = Vec::new();
        for &(page, routes) in ENTRY_ROUTES {
            if let Some(html) = read_if_built(&dist.join(page))? {
                entries.push((page, routes));
                entry_pages.push(html);
            }
        }
        let home_languages = match &home_html {
            None => None,
            Some(html) => Some((html_lang(html).unwrap_or_default(), translated_homes(dist)?)),
        };
        // Every language's home page carries the same loader; the set keeps each hash once.
        let mut pages = vec![index_html.clone()];
        pages.extend(home_html);
        pages.extend(entry_pages);
        for lang in home_languages.iter().flat_map(|(_, translated)| translated) {
            let path = dist.join(format!("home.{lang}.html"));
            pages.push(std::fs::read_to_string(&path).map_err(|source| AppFilesError::Io { path, source })?);
        }
        let inline_script_hashes: std::collections::BTreeSet<String> = pages
            .iter()
            .flat_map(|html| inline_scripts(html).map(csp_hash))
            .collect();
        let inline_script_hashes = inline_script_hashes.into_iter().collect();
        Ok(Self {
            dist: dist.to_path_buf(),
            index_html,
            home_languages,
            entries,
            inline_script_hashes,
        })
    }

    pub fn service(
        self,
    ) -> tower::util::BoxCloneSyncService<Request<Body>, Response, std::convert::Infallible> {
        let index = self.index_html;
        let fallback = tower::service_fn(move |req: Request<Body>| {
            let index = index.clone();
            async move { Ok::<_, std::convert::Infallible>(app_route_or_404(req.uri().path(), index)) }
        });
        let files = ServeDir::new(self.dist)
            .precompressed_br()
            .precompressed_gzip()
            .fallback(tower::util::BoxCloneSyncService::new(fallback));
        let homes = self.home_languages;
        let routes_json = routes_json(&self.entries);
        let entries = self.entries;
        // An entry's page is asked of the file service in place of the address, so it comes
        // precompressed too.
        let service = tower::service_fn(move |mut req: Request<Body>| {
            let files = files.clone();
            let path = req.uri().path();
            let routes = (path == ROUTES_JSON).then(|| routes_json.clone());
            let page = match &homes {
                Some((default, translated)) if path == "/" => {
                    let accept = req
                        .headers()
                        .get(header::ACCEPT_LANGUAGE)
                        .and_then(|v| v.to_str().ok());
                    Some(home_page(accept.unwrap_or_default(), default, translated))
                }
                _ if is_app_route(path) => entries
                    .iter()
                    .find(|(_, routes)| routes.iter().any(|p| under(path, p)))
                    .map(|(page, _)| format!("/{page}")),
                _ => None,
            };
            let by_language = path == "/" && page.is_some();
            async move {
                if let Some(json) = routes {
                    let mut response = json.into_response();
                    response
                        .headers_mut()
                        .insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
                    return Ok(response);
                }
                if let Some(page) = &page
                    && let Ok(uri) = page.parse()
                {
                    *req.uri_mut() = uri;
                }
                let mut response = tower::ServiceExt::oneshot(files, req).await?.map(Body::new);
                if by_language {
                    response.headers_mut().insert(
                        header::VARY,
                        HeaderValue::from_static("Accept-Language, Accept-Encoding"),
                    );
                }
                Ok::<_, std::convert::Infallible>(response)
            }
        });
        tower::util::BoxCloneSyncService::new(service)
    }
}

/// `{"pages": [{"page": "/libretto.html", "routes": ["/libretto", …]}, …], "other":
/// "/index.html"}`: the entries this build has, each with the addresses it is served for;
/// `/` is its own entry (its page depends on the browser's languages) and every other app
/// address gets `other`.
fn routes_json(entries: &[(&'static str, &'static [&'static str])]) -> String {
    let pages: Vec<serde_json::Value> = entries
        .iter()
        .map(|(page, routes)| serde_json::json!({ "page": format!("/{page}"), "routes": routes }))
        .collect();
    serde_json::json!({ "pages": pages, "other": "/index.html" }).to_string()
}

/// A page of the build, or `None` when this build does not have it.
fn read_if_built(path: &Path) -> Result<Option<String>, AppFilesError> {
    match std::fs::read_to_string(path) {
        Ok(html) => Ok(Some(html)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(AppFilesError::Io {
            path: path.to_path_buf(),
            source,
        }),
    }
}

/// The `xx` of every `home.xx.html` in `dist/`.
fn translated_homes(dist: &Path) -> Result<Vec<String>, AppFilesError> {
    let entries = std::fs::read_dir(dist).map_err(|source| AppFilesError::Io {
        path: dist.to_path_buf(),
        source,
    })?;
    let mut languages: Vec<String> = entries
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|name| {
            let lang = name.strip_prefix("home.")?.strip_suffix(".html")?;
            (!lang.is_empty() && lang.bytes().all(|b| b.is_ascii_lowercase())).then(|| lang.to_owned())
        })
        .collect();
    languages.sort();
    Ok(languages)
}

/// The `lang` attribute of a page's `<html>` element.
fn html_lang(html: &str) -> Option<String> {
    let tag = &html[html.find("<html")?..];
    let tag = &tag[..tag.find('>')?];
    let value = &tag[tag.find("lang=\"")? + "lang=\"".len()..];
    Some(value[..value.find('"')?].to_ascii_lowercase())
}

/// The home page for the first of the browser's languages (by `q`, then order) that has one
/// (`default` is `home.html`'s own); the default page otherwise. The app itself then follows
/// the same languages, or the one the citizen chose.
fn home_page(accept_language: &str, default: &str, translated: &[String]) -> String {
    sportello_core::lang::accept_language(accept_language)
        .into_iter()
        .filter_map(sportello_core::lang::primary_subtag)
        .find(|lang| lang == default || translated.contains(lang))
        .filter(|lang| lang != default)
        .map_or_else(|| format!("/{HOME_HTML}"), |lang| format!("/home.{lang}.html"))
}

/// A path with a file extension is a file (missing, if it is not in `dist/`), not an app route.
fn is_app_route(path: &str) -> bool {
    !path.rsplit('/').next().unwrap_or_default().contains('.')
}

fn app_route_or_404(path: &str, index: String) -> Response {
    if !is_app_route(path) {
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
    fn the_home_page_follows_the_browsers_languages_by_preference() {
        let en = vec!["en".to_owned()];
        let page = |accept| home_page(accept, "it", &en);
        assert_eq!(page("en-US,en;q=0.9"), "/home.en.html");
        assert_eq!(page("it-IT,it;q=0.9,en;q=0.8"), "/home.html");
        assert_eq!(page("fr-FR;q=0.4, EN-GB;q=0.6"), "/home.en.html");
        assert_eq!(page("it;q=0.5, en;q=0.6"), "/home.en.html");
        assert_eq!(page("ar, fr"), "/home.html");
        assert_eq!(page("en;q=0"), "/home.html");
        assert_eq!(page(""), "/home.html");
        assert_eq!(home_page("en", "it", &[]), "/home.html");
        assert_eq!(
            html_lang(r#"<!DOCTYPE html><html lang="it" dir="ltr"><head>"#).as_deref(),
            Some("it")
        );
    }

    #[test]
    fn the_libretto_entry_has_its_addresses_and_no_others() {
        let entry_of = |path| {
            ENTRY_ROUTES
                .iter()
                .find(|(_, routes)| routes.iter().any(|p| under(path, p)))
                .map(|(page, _)| *page)
        };
        let libretto = |path| entry_of(path) == Some("libretto.html");
        assert_eq!(entry_of("/revisione"), Some("revisione.html"));
        assert_eq!(entry_of("/revisione/abc"), Some("revisione.html"));
        assert_eq!(entry_of("/revisionex"), None);
        assert!(libretto("/libretto"));
        assert!(libretto("/libretto/0000/esperienze-lavorative"));
        assert!(libretto("/invii/abc"));
        assert!(!libretto("/librettox"));
        assert!(!libretto("/ila"));
        assert!(!libretto("/"));
        assert!(!is_app_route("/libretto/foto.png"));
    }

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
