//! The server over real HTTP on loopback, against a small app build in a temp directory.

use std::path::Path;

use sportello_cpi::Config;

const INDEX: &str = r#"<!DOCTYPE html><html><head>
<script type="module">import init from '/app-0123456789abcdef.js'; await init();</script>
</head><body><div id="app">Caricamento…</div></body></html>"#;

struct Running {
    base: String,
    _dist: tempfile::TempDir,
    data: tempfile::TempDir,
}

async fn start(files: &[(&str, &[u8])]) -> Running {
    let dist = tempfile::tempdir().expect("dist dir");
    let data = tempfile::tempdir().expect("data dir");
    write(dist.path(), "index.html", INDEX.as_bytes());
    for (name, bytes) in files {
        write(dist.path(), name, bytes);
    }
    let config = Config {
        dist: dist.path().to_path_buf(),
        data_dir: data.path().join("cpi"),
        addr: ([127, 0, 0, 1], 0).into(),
        database_url: None,
        offices: None,
    };
    let router = sportello_cpi::router(&config).await.expect("router");
    let listener = tokio::net::TcpListener::bind(config.addr).await.expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(async move { axum::serve(listener, router).await });
    Running {
        base: format!("http://{addr}"),
        _dist: dist,
        data,
    }
}

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("mkdir");
    }
    std::fs::write(path, bytes).expect("write");
}

async fn get(url: &str, accept_encoding: Option<&str>) -> reqwest::Response {
    let client = reqwest::Client::new();
    let mut req = client.get(url);
    if let Some(enc) = accept_encoding {
        req = req.header("accept-encoding", enc);
    }
    req.send().await.expect("request")
}

fn header(res: &reqwest::Response, name: &str) -> String {
    res.headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

#[tokio::test]
async fn healthz_answers_and_the_data_directory_is_created() {
    let app = start(&[]).await;
    let res = get(&format!("{}/healthz", app.base), None).await;
    assert_eq!(res.status(), 200);
    let body: serde_json::Value = res.json().await.expect("json");
    assert_eq!(body["status"], "ok");
    assert!(app.data.path().join("cpi").is_dir());
}

#[tokio::test]
async fn app_routes_get_index_with_a_csp_pinning_the_inline_loader() {
    let app = start(&[]).await;
    for route in ["/", "/libretto", "/libretto/abc/dati-personali", "/impostazioni"] {
        let res = get(&format!("{}{route}", app.base), None).await;
        assert_eq!(res.status(), 200, "{route}");
        assert_eq!(header(&res, "cache-control"), "no-cache", "{route}");
        let csp = header(&res, "content-security-policy");
        // sha256 of the inline script body above, base64.
        let expected = {
            use base64::Engine as _;
            use sha2::Digest as _;
            let body = "import init from '/app-0123456789abcdef.js'; await init();";
            base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(body))
        };
        assert!(csp.contains(&format!("'sha256-{expected}'")), "{csp}");
        assert!(csp.contains("'wasm-unsafe-eval'"));
        assert!(!csp.contains("unsafe-inline"));
        assert!(csp.contains("frame-ancestors 'none'"));
        assert_eq!(header(&res, "x-content-type-options"), "nosniff");
        assert_eq!(header(&res, "referrer-policy"), "no-referrer");
        assert!(res.text().await.expect("body").contains("Caricamento"));
    }
}

#[tokio::test]
async fn with_a_home_page_built_slash_gets_it_compressed_and_every_other_route_the_app() {
    const HOME: &str = r#"<!DOCTYPE html><html><head>
<script type="module">import init from '/home-0123456789abcdef.js'; await init();</script>
</head><body><h1>Sportello per il lavoro</h1></body></html>"#;
    let english = HOME.replace("Sportello per il lavoro", "Sportello for work and training");
    let app = start(&[
        ("home.html", HOME.as_bytes()),
        ("home.html.gz", b"GZIP-HOME"),
        ("home.en.html", english.as_bytes()),
    ])
    .await;

    let home = get(&format!("{}/", app.base), None).await;
    assert_eq!(home.status(), 200);
    assert_eq!(header(&home, "cache-control"), "no-cache");
    assert!(header(&home, "content-type").starts_with("text/html"));
    let csp = header(&home, "content-security-policy");
    assert!(header(&home, "vary").contains("Accept-Language"));
    assert!(
        home.text()
            .await
            .expect("body")
            .contains("Sportello per il lavoro")
    );
    // A browser that prefers English gets the English first paint; one that prefers a
    // language without its own page gets the default (Italian).
    let client = reqwest::Client::new();
    let lang = |accept: &'static str| {
        client
            .get(format!("{}/", app.base))
            .header("accept-language", accept)
            .send()
    };
    let en = lang("en-GB,en;q=0.9,it;q=0.5").await.expect("request");
    assert!(
        en.text()
            .await
            .expect("body")
            .contains("Sportello for work and training")
    );
    let ar = lang("ar,fr;q=0.8").await.expect("request");
    assert!(ar.text().await.expect("body").contains("Sportello per il lavoro"));
    let gz = get(&format!("{}/", app.base), Some("gzip")).await;
    assert_eq!(header(&gz, "content-encoding"), "gzip");
    assert_eq!(gz.bytes().await.expect("body").as_ref(), b"GZIP-HOME");

    // One policy for both pages: each page's inline loader is pinned.
    let hash = |body: &str| {
        use base64::Engine as _;
        use sha2::Digest as _;
        format!(
            "'sha256-{}'",
            base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(body))
        )
    };
    assert!(
        csp.contains(&hash(
            "import init from '/home-0123456789abcdef.js'; await init();"
        )),
        "{csp}"
    );
    assert!(
        csp.contains(&hash(
            "import init from '/app-0123456789abcdef.js'; await init();"
        )),
        "{csp}"
    );

    for route in ["/libretto", "/ila", "/libretto/abc/stampa"] {
        let res = get(&format!("{}{route}", app.base), None).await;
        assert_eq!(res.status(), 200, "{route}");
        assert!(
            res.text().await.expect("body").contains("Caricamento"),
            "{route} gets the app"
        );
    }
}

#[tokio::test]
async fn with_a_libretto_entry_built_its_addresses_get_it_and_no_others_do() {
    const LIBRETTO: &str = r#"<!DOCTYPE html><html><head>
<script type="module">import init from '/libretto-0123456789abcdef.js'; await init();</script>
</head><body><div id="app">Libretto entry</div></body></html>"#;
    let app = start(&[
        ("libretto.html", LIBRETTO.as_bytes()),
        ("libretto.html.gz", b"GZIP-LIBRETTO"),
    ])
    .await;
    for route in [
        "/libretto",
        "/libretto/abc/esperienze-lavorative",
        "/invii",
        "/invii/k-1",
    ] {
        let res = get(&format!("{}{route}", app.base), None).await;
        assert_eq!(res.status(), 200, "{route}");
        assert_eq!(header(&res, "cache-control"), "no-cache", "{route}");
        assert!(header(&res, "content-type").starts_with("text/html"), "{route}");
        let csp = header(&res, "content-security-policy");
        let expected = {
            use base64::Engine as _;
            use sha2::Digest as _;
            let body = "import init from '/libretto-0123456789abcdef.js'; await init();";
            base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(body))
        };
        assert!(csp.contains(&format!("'sha256-{expected}'")), "{csp}");
        assert!(
            res.text().await.expect("body").contains("Libretto entry"),
            "{route} gets the Libretto's entry"
        );
    }
    let gz = get(&format!("{}/libretto/abc", app.base), Some("gzip")).await;
    assert_eq!(header(&gz, "content-encoding"), "gzip");
    assert_eq!(gz.bytes().await.expect("body").as_ref(), b"GZIP-LIBRETTO");

    for route in ["/", "/ila", "/librettox", "/impostazioni/invii"] {
        let res = get(&format!("{}{route}", app.base), None).await;
        assert_eq!(res.status(), 200, "{route}");
        assert!(
            res.text().await.expect("body").contains("Caricamento"),
            "{route} gets the rest of the app"
        );
    }
    let missing = get(&format!("{}/libretto/foto.png", app.base), None).await;
    assert_eq!(missing.status(), 404);
}

/// The service worker serves pages offline from the table the server publishes: it must name
/// the entries this build has with their addresses, and never be kept stale by a cache.
#[tokio::test]
async fn the_route_table_for_the_service_worker_lists_the_entries_built() {
    let without = start(&[]).await;
    let res = get(&format!("{}/app-routes.json", without.base), None).await;
    assert_eq!(res.status(), 200);
    assert_eq!(header(&res, "cache-control"), "no-cache");
    let table: serde_json::Value = res.json().await.expect("json");
    assert_eq!(table, serde_json::json!({ "pages": [], "other": "/index.html" }));

    let with = start(&[("libretto.html", b"<html></html>")]).await;
    let res = get(&format!("{}/app-routes.json", with.base), None).await;
    assert!(header(&res, "content-type").starts_with("application/json"));
    let table: serde_json::Value = res.json().await.expect("json");
    assert_eq!(
        table,
        serde_json::json!({
            "pages": [{ "page": "/libretto.html", "routes": ["/libretto", "/invii"] }],
            "other": "/index.html"
        })
    );
}

#[tokio::test]
async fn hashed_assets_are_cached_for_a_year_and_served_precompressed() {
    let js = b"console.log('app')".repeat(50);
    let app = start(&[
        ("app-0123456789abcdef.js", &js),
        ("app-0123456789abcdef.js.br", b"BROTLI"),
        ("app-0123456789abcdef.js.gz", b"GZIP"),
        ("fonts/font.woff2", b"font"),
    ])
    .await;
    let url = format!("{}/app-0123456789abcdef.js", app.base);

    let br = get(&url, Some("br, gzip")).await;
    assert_eq!(br.status(), 200);
    assert_eq!(
        header(&br, "cache-control"),
        "public, max-age=31536000, immutable"
    );
    assert_eq!(header(&br, "content-encoding"), "br");
    assert!(header(&br, "content-type").contains("javascript"));
    assert_eq!(br.bytes().await.expect("body").as_ref(), b"BROTLI");

    let gz = get(&url, Some("gzip")).await;
    assert_eq!(header(&gz, "content-encoding"), "gzip");
    assert_eq!(gz.bytes().await.expect("body").as_ref(), b"GZIP");

    let plain = get(&url, None).await;
    assert_eq!(header(&plain, "content-encoding"), "");
    assert_eq!(plain.bytes().await.expect("body").as_ref(), js.as_slice());

    // Not content-hashed: must be revalidated.
    let font = get(&format!("{}/fonts/font.woff2", app.base), None).await;
    assert_eq!(font.status(), 200);
    assert_eq!(header(&font, "cache-control"), "no-cache");
}

#[tokio::test]
async fn a_missing_file_is_404_not_the_app() {
    let app = start(&[]).await;
    let res = get(&format!("{}/app-ffffffffffffffff.js", app.base), None).await;
    assert_eq!(res.status(), 404);
    assert_eq!(header(&res, "cache-control"), "no-cache");
}

#[tokio::test]
async fn a_missing_build_is_a_clear_error() {
    let empty = tempfile::tempdir().expect("dir");
    let config = Config {
        dist: empty.path().join("dist"),
        data_dir: empty.path().join("data"),
        addr: ([127, 0, 0, 1], 0).into(),
        database_url: None,
        offices: None,
    };
    let Err(err) = sportello_cpi::router(&config).await else {
        panic!("a missing build must fail")
    };
    assert!(err.to_string().contains("index.html"), "{err}");
}
