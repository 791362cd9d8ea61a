//! The reference Centro per l'Impiego server.
//!
//! Today it serves the built app as production would (precompressed assets, long caching
//! for content-hashed files, strict security headers) plus a health check. The intake and
//! review API of `docs/architecture.md` will live beside it, under `/api/v1`. It holds no
//! rules: validation on intake will call `sportello-core`.

mod app_files;
mod headers;

use std::net::SocketAddr;
use std::path::PathBuf;

use axum::Router;
use axum::routing::get;

pub use app_files::AppFilesError;

#[derive(Debug, Clone)]
pub struct Config {
    /// The trunk build output (`dist/`), with `.gz`/`.br` siblings made by `cargo xtask`.
    pub dist: PathBuf,
    /// Where the server keeps its own data (the SQLite file, later). Created if missing.
    pub data_dir: PathBuf,
    pub addr: SocketAddr,
}

/// Builds the whole HTTP service. Fails if the app build is missing or unreadable: a server
/// that starts without its app would answer every citizen with an error page.
pub fn router(config: &Config) -> Result<Router, AppFilesError> {
    std::fs::create_dir_all(&config.data_dir).map_err(|source| AppFilesError::Io {
        path: config.data_dir.clone(),
        source,
    })?;
    let app = app_files::AppFiles::load(&config.dist)?;
    let csp = headers::content_security_policy(&app.inline_script_hashes);
    let router = Router::new()
        .route("/healthz", get(healthz))
        .fallback_service(app.service());
    Ok(headers::apply(router, &csp))
}

async fn healthz() -> axum::Json<serde_json::Value> {
    axum::Json(serde_json::json!({ "status": "ok", "version": env!("CARGO_PKG_VERSION") }))
}

/// Runs the server until Ctrl-C.
pub async fn serve(config: Config) -> Result<(), Box<dyn std::error::Error>> {
    let router = router(&config)?;
    let listener = tokio::net::TcpListener::bind(config.addr).await?;
    let local = listener.local_addr()?;
    println!(
        "Sportello CPI server: http://{local}/ (app from {})",
        config.dist.display()
    );
    axum::serve(listener, router)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
    Ok(())
}
