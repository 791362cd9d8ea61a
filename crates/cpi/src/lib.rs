//! The reference Centro per l'Impiego server.
//!
//! It serves the built app as production would (precompressed assets, long caching for
//! content-hashed files, strict security headers), a health check, and the intake API under
//! `/api/v1` (`api/`), storing in SQLite or PostgreSQL (`db/`). It holds no rules: intake
//! checks call `sportello-core`.

pub mod accounts;
pub mod api;
mod app_files;
pub mod db;
mod headers;
pub mod tokens;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use axum::Router;
use axum::routing::get;

pub use app_files::AppFilesError;

#[derive(Debug, Clone)]
pub struct Config {
    /// The trunk build output (`dist/`), with `.gz`/`.br` siblings made by `cargo xtask`.
    pub dist: PathBuf,
    /// Where the server keeps its own data: the SQLite file and the token secret. Created
    /// if missing.
    pub data_dir: PathBuf,
    pub addr: SocketAddr,
    /// PostgreSQL instead of the SQLite file (`postgres://…`), from `DATABASE_URL`.
    pub database_url: Option<String>,
    /// The offices file; `None` means the reference list built in (`offices.json`).
    pub offices: Option<PathBuf>,
}

/// The offices the reference server ships with: real CPI offices named in the seeds.
pub const DEFAULT_OFFICES: &str = include_str!("../offices.json");

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error(transparent)]
    App(#[from] AppFilesError),
    #[error("cannot create the data directory {path}: {source}")]
    DataDir { path: PathBuf, source: std::io::Error },
    #[error("offices: {0}")]
    Offices(String),
    #[error("{0}")]
    Db(#[from] db::DbError),
    #[error("token secret: {0}")]
    Secret(String),
}

/// Opens the database the configuration names (migrating it) and builds the whole HTTP
/// service. Fails if the app build, the offices file or the database is unusable: a server
/// that started without them would answer every citizen with an error.
pub async fn router(config: &Config) -> Result<Router, StartError> {
    let offices = load_offices(config)?;
    let app = app_files::AppFiles::load(&config.dist)?;
    let db = open_db(config).await?;
    let key = tokens::TokenKey::load(&config.data_dir).map_err(StartError::Secret)?;
    let state = api::AppState {
        db,
        offices: Arc::new(offices),
        key,
    };
    let csp = headers::content_security_policy(&app.inline_script_hashes);
    let router = Router::new()
        .route("/healthz", get(healthz))
        .merge(api::router(state))
        .fallback_service(app.service());
    Ok(headers::apply(router, &csp))
}

/// The offices the configuration names (the reference list when it names none).
pub fn load_offices(config: &Config) -> Result<Vec<sportello_core::cpi::Office>, StartError> {
    let offices_json = match &config.offices {
        Some(path) => std::fs::read_to_string(path)
            .map_err(|e| StartError::Offices(format!("cannot read {}: {e}", path.display())))?,
        None => DEFAULT_OFFICES.to_owned(),
    };
    sportello_core::cpi::parse_offices(&offices_json).map_err(|e| StartError::Offices(e.to_string()))
}

/// The database the configuration names, migrated: PostgreSQL from `database_url`, else the
/// SQLite file in the data directory (created with it).
pub async fn open_db(config: &Config) -> Result<db::Db, StartError> {
    std::fs::create_dir_all(&config.data_dir).map_err(|source| StartError::DataDir {
        path: config.data_dir.clone(),
        source,
    })?;
    Ok(match &config.database_url {
        Some(url) => db::Db::open_postgres(url).await?,
        None => db::Db::open_sqlite(&config.data_dir).await?,
    })
}

async fn healthz() -> axum::Json<serde_json::Value> {
    axum::Json(serde_json::json!({ "status": "ok", "version": env!("CARGO_PKG_VERSION") }))
}

/// Runs the server until Ctrl-C.
pub async fn serve(config: Config) -> Result<(), Box<dyn std::error::Error>> {
    let router = router(&config).await?;
    let listener = tokio::net::TcpListener::bind(config.addr).await?;
    let local = listener.local_addr()?;
    println!(
        "Sportello CPI server: http://{local}/ (app from {})",
        config.dist.display()
    );
    // The peer's address throttles failed desk sign-ins per address.
    axum::serve(
        listener,
        router.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await?;
    Ok(())
}
