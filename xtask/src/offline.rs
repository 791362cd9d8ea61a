//! The service worker for this build: `public/sw.js` with the list of files it keeps for
//! offline use and a version that changes whenever any of them does.
//!
//! The list can only be made after the build (trunk and the split step put content hashes in
//! the names), and the version must change with the build: browsers compare `sw.js` byte for
//! byte to find a new release, so a worker whose bytes stayed the same would keep serving the
//! old files for ever.

use std::path::Path;

use crate::build::files;
use crate::cmd::{Result, root};

const VERSION: &str = "__SPORTELLO_VERSION__";
const PRECACHE: &str = "__SPORTELLO_PRECACHE__";

/// Writes `dist/sw.js`.
pub fn service_worker(dist: &Path) -> Result {
    let template_path = root().join("public").join("sw.js");
    let template = std::fs::read_to_string(&template_path)
        .map_err(|e| format!("cannot read {}: {e}", template_path.display()))?;
    let mut listed = Vec::new();
    let mut hash = crate::setup::fnv1a_from(0xcbf2_9ce4_8422_2325, template.as_bytes());
    for path in files(dist)? {
        let name = path
            .strip_prefix(dist)
            .map_err(|e| e.to_string())?
            .to_string_lossy()
            .replace('\\', "/");
        if !precached(&name) {
            continue;
        }
        let bytes = std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        hash = crate::setup::fnv1a_from(crate::setup::fnv1a_from(hash, name.as_bytes()), &bytes);
        listed.push(format!("/{name}"));
    }
    let list = serde_json::to_string(&listed).map_err(|e| e.to_string())?;
    let worker = fill(&template, &format!("{hash:016x}"), &list)?;
    std::fs::write(dist.join("sw.js"), worker).map_err(|e| format!("cannot write sw.js: {e}"))
}

/// Every file of the build but its compressed copies (the server picks those by the request's
/// Accept-Encoding, and the cache keeps what it was sent), the worker itself, and the home
/// pages: `/` is kept as the server answers it, in the browser's language.
fn precached(name: &str) -> bool {
    let home_page = name.starts_with("home.") && name.ends_with(".html");
    !(name.ends_with(".gz") || name.ends_with(".br") || name == "sw.js" || home_page)
}

fn fill(template: &str, version: &str, list: &str) -> Result<String> {
    if !template.contains(VERSION) || !template.contains(PRECACHE) {
        return Err(format!(
            "public/sw.js must contain {VERSION} and {PRECACHE}, which the build fills in"
        ));
    }
    Ok(template.replacen(VERSION, version, 1).replacen(PRECACHE, list, 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_the_build_but_not_compressed_copies_the_worker_or_the_home_pages() {
        for name in [
            "index.html",
            "libretto.html",
            "chunk_14-cd219ff234d0b9e0.wasm",
            "fonts/titillium-web-latin-400-normal.woff2",
            "dati/belfiore.tsv",
            "manifest.webmanifest",
        ] {
            assert!(precached(name), "{name}");
        }
        for name in [
            "index.html.gz",
            "dati/belfiore.tsv.br",
            "sw.js",
            "home.html",
            "home.en.html",
        ] {
            assert!(!precached(name), "{name}");
        }
    }

    #[test]
    fn the_template_must_have_both_placeholders() {
        let filled = fill(
            "const V = '__SPORTELLO_VERSION__'; const P = __SPORTELLO_PRECACHE__;",
            "ab",
            "[\"/a\"]",
        );
        assert_eq!(
            filled.ok().as_deref(),
            Some("const V = 'ab'; const P = [\"/a\"];")
        );
        assert!(fill("const V = '__SPORTELLO_VERSION__';", "ab", "[]").is_err());
    }

    #[test]
    fn the_real_template_fills() {
        let template = std::fs::read_to_string(root().join("public").join("sw.js"));
        let filled = template
            .map_err(|e| e.to_string())
            .and_then(|t| fill(&t, "ab", "[]"));
        assert!(filled.is_ok_and(|w| !w.contains("__SPORTELLO")));
    }
}
