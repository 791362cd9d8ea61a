//! What the server's integration tests share: the server on loopback on a fresh database
//! of either engine, reading its database beside it, and request fixtures.
#![allow(dead_code)] // each test file uses its own part

use std::path::PathBuf;

use sha2::Digest as _;
use sportello_core::DraftId;
use sportello_core::cpi::{SubmissionReceipt, SubmissionRequest};
use sportello_core::libretto::{CategoriaEvidenza, Evidenza, FileRef, Libretto};
use sqlx::AnyPool;

pub const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";
pub const PDF: &[u8] = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";

// ── the server under test ────────────────────────────────────────────────────────────────

#[derive(Clone, Copy, Debug)]
pub enum Engine {
    Sqlite,
    Postgres,
}

pub struct Server {
    pub base: String,
    pub data: PathBuf,
    pub database_url: Option<String>,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    task: Option<tokio::task::JoinHandle<()>>,
    _dirs: Vec<tempfile::TempDir>,
}

impl Server {
    /// A server on a fresh database; `None` when PostgreSQL is asked for but not available
    /// (only allowed outside `cargo xtask test`, which sets `SPORTELLO_REQUIRE_POSTGRES`).
    pub async fn start(engine: Engine) -> Option<Server> {
        let dist = tempfile::tempdir().expect("dist");
        std::fs::write(dist.path().join("index.html"), "<!DOCTYPE html><title>t</title>").expect("index");
        let data = tempfile::tempdir().expect("data");
        let database_url = match engine {
            Engine::Sqlite => None,
            Engine::Postgres => Some(fresh_postgres_database().await?),
        };
        let mut s = Server {
            base: String::new(),
            data: data.path().to_path_buf(),
            database_url,
            shutdown: None,
            task: None,
            _dirs: vec![dist, data],
        };
        s.run(0).await;
        Some(s)
    }

    pub fn config(&self, port: u16) -> sportello_cpi::Config {
        sportello_cpi::Config {
            dist: self._dirs[0].path().to_path_buf(),
            data_dir: self.data.clone(),
            addr: ([127, 0, 0, 1], port).into(),
            database_url: self.database_url.clone(),
            offices: None,
        }
    }

    pub async fn run(&mut self, port: u16) {
        let config = self.config(port);
        let router = sportello_cpi::router(&config).await.expect("router");
        let listener = tokio::net::TcpListener::bind(config.addr).await.expect("bind");
        self.base = format!("http://{}", listener.local_addr().expect("addr"));
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        self.shutdown = Some(tx);
        self.task = Some(tokio::spawn(async move {
            let service = router.into_make_service_with_connect_info::<std::net::SocketAddr>();
            let _ = axum::serve(listener, service)
                .with_graceful_shutdown(async {
                    let _ = rx.await;
                })
                .await;
        }));
    }

    /// Stops the server and starts a new one on the same data (a restart of the service).
    pub async fn restart(&mut self) {
        let port: u16 = self
            .base
            .rsplit(':')
            .next()
            .and_then(|p| p.parse().ok())
            .expect("port");
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(task) = self.task.take() {
            task.await.expect("server task");
        }
        self.run(port).await;
    }

    /// The server's database, read with plain SQL beside the server.
    pub async fn sql(&self) -> AnyPool {
        sqlx::any::install_default_drivers();
        let url = match &self.database_url {
            Some(u) => u.clone(),
            None => format!("sqlite://{}", self.data.join("cpi.sqlite3").display()),
        };
        AnyPool::connect(&url).await.expect("open the server's database")
    }

    pub async fn count(&self, sql: &str) -> i64 {
        let pool = self.sql().await;
        let (n,): (i64,) = sqlx::query_as(sql).fetch_one(&pool).await.expect("count");
        pool.close().await;
        n
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

/// A new empty database in the test cluster, so tests never see each other's rows.
pub async fn fresh_postgres_database() -> Option<String> {
    let Ok(admin) = std::env::var("SPORTELLO_TEST_POSTGRES") else {
        assert!(
            std::env::var_os("SPORTELLO_REQUIRE_POSTGRES").is_none(),
            "SPORTELLO_REQUIRE_POSTGRES is set but SPORTELLO_TEST_POSTGRES is not"
        );
        eprintln!(
            "PostgreSQL variant skipped: SPORTELLO_TEST_POSTGRES is not set (cargo xtask test sets it)"
        );
        return None;
    };
    sqlx::any::install_default_drivers();
    let name = format!("t_{}", uuid::Uuid::new_v4().simple());
    let pool = AnyPool::connect(&admin)
        .await
        .expect("connect to the test cluster");
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&pool)
        .await
        .expect("create database");
    pool.close().await;
    let (base, _) = admin.rsplit_once('/').expect("admin URL ends in /database");
    Some(format!("{base}/{name}"))
}

/// Runs one scenario on SQLite and on PostgreSQL, as two tests.
#[macro_export]
macro_rules! on_both_engines {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn $name() {
                let s = super::Server::start(super::Engine::Sqlite).await.expect("sqlite");
                super::$name(s).await;
            })*
        }
        mod postgres {
            $(#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn $name() {
                if let Some(s) = super::Server::start(super::Engine::Postgres).await {
                    super::$name(s).await;
                }
            })*
        }
    };
}

// ── fixtures ─────────────────────────────────────────────────────────────────────────────

pub fn file_ref(name: &str, bytes: &[u8], mime: &str) -> FileRef {
    FileRef {
        sha256: hex(&sha2::Sha256::digest(bytes)),
        nome: name.into(),
        tipo_mime: mime.into(),
        dimensione: bytes.len() as u64,
    }
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub fn request(files: &[FileRef]) -> SubmissionRequest {
    let mut libretto: Libretto =
        serde_json::from_str(include_str!("../../../core/tests/fixtures/libretto-anna.json"))
            .expect("fixture");
    libretto.evidenze = files
        .iter()
        .map(|f| Evidenza {
            titolo: f.nome.clone(),
            categoria: Some(CategoriaEvidenza::Formazione),
            file: Some(f.clone()),
            ..Default::default()
        })
        .collect();
    SubmissionRequest {
        office_id: "pistoia".into(),
        draft_id: DraftId::new_random(),
        version: 1,
        libretto,
        interest: None,
    }
}

pub fn body(r: &SubmissionRequest) -> Vec<u8> {
    serde_json::to_vec(r).expect("json")
}

pub async fn post(s: &Server, key: &str, body: Vec<u8>) -> reqwest::Response {
    reqwest::Client::new()
        .post(s.url("/api/v1/submissions"))
        .header("idempotency-key", key)
        .header("content-type", "application/json")
        .body(body)
        .send()
        .await
        .expect("post")
}

pub async fn put(
    s: &Server,
    receipt: &SubmissionReceipt,
    sha: &str,
    bytes: &[u8],
    token: Option<&str>,
) -> reqwest::Response {
    let mut req = reqwest::Client::new()
        .put(s.url(&format!(
            "/api/v1/submissions/{}/evidence/{sha}",
            receipt.submission_id
        )))
        .header("content-type", "application/pdf")
        .body(bytes.to_vec());
    if let Some(t) = token {
        req = req.header("x-status-token", t);
    }
    req.send().await.expect("put")
}

pub async fn submit(s: &Server, r: &SubmissionRequest) -> SubmissionReceipt {
    let res = post(s, &uuid::Uuid::new_v4().to_string(), body(r)).await;
    if res.status() != 201 {
        panic!(
            "submission refused: {} {}",
            res.status(),
            res.text().await.unwrap_or_default()
        );
    }
    res.json().await.expect("receipt")
}

pub async fn error_code(res: reqwest::Response) -> (u16, String) {
    let status = res.status().as_u16();
    let ct = res
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    assert!(ct.starts_with("application/json"), "errors are JSON, got {ct}");
    let v: serde_json::Value = res.json().await.expect("error json");
    assert!(v["message"].as_str().is_some_and(|m| !m.is_empty()));
    (status, v["code"].as_str().unwrap_or_default().to_owned())
}
