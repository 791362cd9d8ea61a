//! The release build of the app, and its precompressed copies for the server.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::cmd::{Result, command, exec, root};

/// Files worth compressing: text and wasm. Fonts (woff2) and images are compressed already.
const COMPRESSIBLE: &[&str] = &[
    "html",
    "js",
    "wasm",
    "css",
    "svg",
    "json",
    "txt",
    "tsv",
    "webmanifest",
];

pub fn dist() -> PathBuf {
    root().join("dist")
}

/// The release app and the CPI server that serves it: what `serve` and the end-to-end
/// tests both run.
pub fn app_and_server() -> Result {
    app()?;
    server()
}

pub fn app() -> Result {
    crate::cmd::timed("build: app (release)", release)
}

/// The CPI server (debug build), serving whatever `dist/` holds.
pub fn server() -> Result {
    crate::cmd::timed("build: CPI server", || {
        exec(command("cargo").args(["build", "-p", "sportello-cpi"]))
    })
}

/// The app's entries: the rest of the app (`index.html`), the Libretto's (`libretto.html`),
/// the review desk's (`revisione.html`) and the light one for `/` (`home.html`), the service
/// worker that keeps them for offline use, then compressed copies of everything.
fn release() -> Result {
    exec(command("trunk").args(["build", "--release", "--offline"]))?;
    let index = dist().join("index.html");
    let html =
        std::fs::read_to_string(&index).map_err(|e| format!("cannot read {}: {e}", index.display()))?;
    write(
        &index,
        crate::split::entry(bin_of("index.html")?, &dist(), &html)?.as_bytes(),
    )?;
    for page in ["libretto.html", "revisione.html"] {
        let html = apart(page)?;
        write(&dist().join(page), html.as_bytes())?;
    }
    let locales = sportello_locales::Locales::read(&root().join("locales"))?;
    let files = locales.files();
    home(&locales, &files)?;
    translations(&files)?;
    unsplit_split_points()?;
    crate::offline::service_worker(&dist())?;
    precompress(&dist())
}

/// An entry that links a split function but was not split would fail at load, importing a
/// module that does not exist: that entry belongs in [`ENTRIES`].
fn unsplit_split_points() -> Result {
    for path in files(&dist())? {
        if path.extension().is_some_and(|e| e == "js") {
            let text =
                std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            if text.contains("__wasm_split_placeholder__") {
                return Err(format!(
                    "{} imports wasm-split's placeholder: its entry has split points but was not split \
                     (xtask/src/build.rs, ENTRIES)",
                    path.display()
                ));
            }
        }
    }
    Ok(())
}

/// Every entry: (page, binary). Each is split after trunk by `split.rs`, even one that never
/// calls a split function: the library exports every split function's body, so without the
/// split each entry would carry every lazy screen's code (the home page, three times its size).
const ENTRIES: &[(&str, &str)] = &[
    ("index.html", "sportello"),
    ("libretto.html", "sportello-libretto"),
    ("revisione.html", "sportello-revisione"),
    ("home.html", "sportello-home"),
];

fn bin_of(page: &str) -> Result<&'static str> {
    ENTRIES
        .iter()
        .find(|(p, _)| *p == page)
        .map(|(_, bin)| *bin)
        .ok_or_else(|| format!("{page} is not an entry (xtask/src/build.rs, ENTRIES)"))
}

/// trunk builds one page per run and empties its output directory first, so every entry but
/// `index.html` is built apart and its files added to `dist/`: its own hashed script and wasm,
/// and the CSS, fonts and icon the app has already put there under the same names. Returns
/// the page, for the caller to finish and write.
fn apart(page: &str) -> Result<String> {
    let stem = page.trim_end_matches(".html");
    let out = root().join("target").join(format!("trunk-{stem}"));
    exec(
        command("trunk")
            .args(["build", page, "--release", "--offline", "--dist"])
            .arg(&out),
    )?;
    let html_name = [page, "index.html"]
        .into_iter()
        .find(|n| out.join(n).exists())
        .ok_or_else(|| format!("trunk wrote no HTML page for {page}"))?;
    let html = std::fs::read_to_string(out.join(html_name))
        .map_err(|e| format!("cannot read the page {page}: {e}"))?;
    let html = crate::split::entry(bin_of(page)?, &out, &html)?;
    for path in files(&out)? {
        let name = path.strip_prefix(&out).map_err(|e| e.to_string())?;
        if name.as_os_str() == html_name {
            continue;
        }
        let to = dist().join(name);
        if let Some(parent) = to.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        std::fs::copy(&path, &to).map_err(|e| format!("cannot copy {}: {e}", path.display()))?;
    }
    Ok(html)
}

/// The light entry, one static page per language; the server picks it by the browser's
/// Accept-Language. Each page in a language other than Italian names its translation file for
/// preloading: the app waits for it before drawing (`sportello::start`).
fn home(locales: &sportello_locales::Locales, files: &[(String, String, String)]) -> Result {
    let html = apart("home.html")?;
    for (lang, _) in &locales.languages {
        let texts = locales
            .texts(lang)
            .ok_or_else(|| format!("no texts for {lang}"))?;
        let name = if lang == sportello_locales::DEFAULT {
            "home.html".to_owned()
        } else {
            format!("home.{lang}.html")
        };
        let mut page = load_after_first_paint(&fill_texts(&html, lang, &texts)?)?;
        // After the loader's rewrite, which drops trunk's preload links.
        if let Some((_, path, _)) = files.iter().find(|(l, _, _)| l == lang) {
            let preload = format!(
                "<link rel=\"preload\" href=\"/{path}\" as=\"fetch\" type=\"application/json\" crossorigin>"
            );
            page = page.replacen("</head>", &format!("{preload}</head>"), 1);
        }
        write(&dist().join(name), page.as_bytes())?;
    }
    Ok(())
}

/// Every language but Italian as the file the app fetches when it is chosen.
fn translations(files: &[(String, String, String)]) -> Result {
    for (_, path, json) in files {
        let to = dist().join(path);
        if let Some(parent) = to.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        write(&to, json.as_bytes())?;
    }
    Ok(())
}

/// The home page is whole before any script runs, so its wasm is fetched only once that page
/// has been painted: trunk's loader (a static import, plus preload links that start both
/// downloads while the HTML is still being read) becomes a dynamic import two frames later.
/// The first paint then competes with nothing for a slow connection, and the largest paint is
/// the page's own text, not the app's redraw of it.
fn load_after_first_paint(html: &str) -> Result<String> {
    let unexpected =
        || "trunk's loader in home.html has an unexpected shape; see xtask/src/build.rs".to_owned();
    let quoted_after = |marker: &str| -> Result<String> {
        let start = html.find(marker).ok_or_else(unexpected)? + marker.len();
        let end = html[start..].find('\'').ok_or_else(unexpected)? + start;
        Ok(html[start..end].to_owned())
    };
    let js = quoted_after("import init, * as bindings from '")?;
    let wasm = quoted_after("module_or_path: '")?;
    let script_start = html.find("<script type=\"module\">").ok_or_else(unexpected)?;
    let script_end =
        html[script_start..].find("</script>").ok_or_else(unexpected)? + script_start + "</script>".len();
    let loader = format!(
        "<script type=\"module\">requestAnimationFrame(() => requestAnimationFrame(async () => {{ \
         const {{ default: init }} = await import('{js}'); await init({{ module_or_path: '{wasm}' }}); }}));</script>"
    );
    let mut out = format!("{}{loader}{}", &html[..script_start], &html[script_end..]);
    // The preload links would start both downloads at once again.
    for rel in ["<link rel=\"modulepreload\"", "<link rel=\"preload\""] {
        while let Some(start) = out.find(rel) {
            let end = out[start..].find('>').ok_or_else(unexpected)? + start + 1;
            out.replace_range(start..end, "");
        }
    }
    Ok(out)
}

/// The static first paint of `home.html` says what the app will say: `{{lang}}` becomes the
/// language code and each other `{{key}}` that key's text in that language, escaped for HTML.
/// A key the language lacks stops the build.
fn fill_texts(html: &str, lang: &str, texts: &std::collections::BTreeMap<&str, &str>) -> Result<String> {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("{{") {
        let end = rest[start..].find("}}").ok_or("unterminated {{ in home.html")? + start;
        let key = rest[start + 2..end].trim();
        let text = match key {
            "lang" => lang,
            "dir" => sportello_core::Lang::from_tag(lang).unwrap_or_default().dir(),
            _ => texts
                .get(key)
                .copied()
                .ok_or_else(|| format!("home.html asks for `{key}`, which locales/{lang}.json lacks"))?,
        };
        out.push_str(&rest[..start]);
        out.push_str(&escape_html(text));
        rest = &rest[end + 2..];
    }
    out.push_str(rest);
    Ok(out)
}

fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Writes `file.gz` and `file.br` beside each compressible file, at the highest levels: done
/// once per build, served many times.
fn precompress(dir: &Path) -> Result {
    for path in files(dir)? {
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or_default();
        if !COMPRESSIBLE.contains(&ext) {
            continue;
        }
        let raw = std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        write(&with_suffix(&path, "gz"), &gzip(&raw)?)?;
        write(&with_suffix(&path, "br"), &brotli(&raw)?)?;
    }
    Ok(())
}

pub fn gzip(raw: &[u8]) -> Result<Vec<u8>> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(raw).map_err(|e| e.to_string())?;
    enc.finish().map_err(|e| e.to_string())
}

fn brotli(raw: &[u8]) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &raw[..], &mut out, &params).map_err(|e| e.to_string())?;
    Ok(out)
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(".");
    s.push(suffix);
    PathBuf::from(s)
}

fn write(path: &Path, bytes: &[u8]) -> Result {
    std::fs::write(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// Every regular file under `dir`, recursively, in a stable order.
pub fn files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(d) = pending.pop() {
        let entries = std::fs::read_dir(&d).map_err(|e| format!("cannot list {}: {e}", d.display()))?;
        for entry in entries {
            let path = entry.map_err(|e| e.to_string())?.path();
            if path.is_dir() {
                pending.push(path);
            } else {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}
