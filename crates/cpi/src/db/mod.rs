//! The server's storage: one interface over SQLite (a file under the data directory, the
//! default) and PostgreSQL (when `DATABASE_URL` names one), through sqlx's `Any` driver.
//!
//! Every query is written once in SQL both engines accept (`$1` placeholders, `ON CONFLICT`,
//! text timestamps), so the same integration tests prove both. A write returns only after its
//! commit is durable: SQLite runs in WAL mode with `synchronous=FULL`, PostgreSQL with its
//! default `synchronous_commit`.

mod desk;
mod migrations;
mod review;

pub use desk::{Orientatore, QueueFilter, QueueRow, SessionRow};
pub use review::{EvidenceFile, ReviewRow, SaveReview};

use std::path::Path;
use std::time::Duration;

use sqlx::AnyPool;
use sqlx::any::AnyPoolOptions;

/// Times are stored as fixed-width RFC 3339 UTC, so text order is time order in both engines.
pub fn timestamp(t: chrono::DateTime<chrono::Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Micros, true)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

impl Engine {
    fn blob_type(self) -> &'static str {
        match self {
            Engine::Sqlite => "BLOB",
            Engine::Postgres => "BYTEA",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("database: {0}")]
    Sql(#[from] sqlx::Error),
    #[error("stored data is damaged: {0}")]
    Damaged(String),
}

/// A submission as stored, without the Libretto body and the files.
#[derive(Debug, Clone)]
pub struct SubmissionRow {
    pub id: String,
    pub request_sha256: String,
    pub receipt_code: String,
    pub office_id: String,
    pub status: String,
    pub token_hash: String,
    pub evidence_json: String,
    pub response_json: String,
    pub received_at: String,
    pub updated_at: String,
    /// The programme the citizen asked about (`Interest` code), when they said.
    pub interest: Option<String>,
}

/// What a new submission stores.
pub struct NewSubmission<'a> {
    pub id: &'a str,
    pub idempotency_key: &'a str,
    pub request_sha256: &'a str,
    pub receipt_code: &'a str,
    pub office_id: &'a str,
    pub draft_id: &'a str,
    pub version: i64,
    pub status: &'a str,
    pub token_hash: &'a str,
    pub libretto_json: &'a str,
    pub evidence_json: &'a str,
    pub response_json: &'a str,
    pub received_at: &'a str,
    pub interest: Option<&'a str>,
}

/// One evidence file as received.
pub struct NewEvidence<'a> {
    pub submission_id: &'a str,
    pub sha256: &'a str,
    pub mime_type: &'a str,
    pub bytes: &'a [u8],
    pub received_at: &'a str,
}

#[derive(Clone, Debug)]
pub struct Db {
    pool: AnyPool,
}

const SUBMISSION_COLUMNS: &str = "id, request_sha256, receipt_code, office_id, status, token_hash, \
     evidence_json, response_json, received_at, updated_at, interest";

impl Db {
    /// Opens (creating if needed) the SQLite file `cpi.sqlite3` under `data_dir`.
    pub async fn open_sqlite(data_dir: &Path) -> Result<Self, DbError> {
        let path = data_dir.join("cpi.sqlite3");
        let url = format!("sqlite://{}?mode=rwc", path.display());
        Self::connect(&url, Engine::Sqlite).await
    }

    /// Connects to PostgreSQL (`postgres://…`).
    pub async fn open_postgres(url: &str) -> Result<Self, DbError> {
        Self::connect(url, Engine::Postgres).await
    }

    async fn connect(url: &str, engine: Engine) -> Result<Self, DbError> {
        sqlx::any::install_default_drivers();
        let options = AnyPoolOptions::new()
            .max_connections(match engine {
                // One writer at a time is all SQLite allows; a few readers beside it.
                Engine::Sqlite => 4,
                Engine::Postgres => 16,
            })
            .acquire_timeout(Duration::from_secs(10));
        let options = match engine {
            Engine::Sqlite => options.after_connect(|conn, _meta| {
                Box::pin(async move {
                    for pragma in [
                        "PRAGMA journal_mode = WAL",
                        "PRAGMA synchronous = FULL",
                        "PRAGMA busy_timeout = 10000",
                        "PRAGMA foreign_keys = ON",
                    ] {
                        sqlx::query(pragma).execute(&mut *conn).await?;
                    }
                    Ok(())
                })
            }),
            Engine::Postgres => options,
        };
        let pool = options.connect(url).await?;
        migrations::apply(&pool, engine).await?;
        Ok(Self { pool })
    }

    /// Stores a submission unless one with the same idempotency key exists; either way
    /// returns the stored row, so concurrent identical requests all see the one record.
    /// `true` when this call created it.
    pub async fn insert_submission(&self, s: &NewSubmission<'_>) -> Result<(SubmissionRow, bool), DbError> {
        let inserted = sqlx::query(
            "INSERT INTO submissions (id, idempotency_key, request_sha256, receipt_code, office_id, \
             draft_id, version, status, token_hash, libretto_json, evidence_json, response_json, \
             received_at, updated_at, interest) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) \
             ON CONFLICT (idempotency_key) DO NOTHING",
        )
        .bind(s.id)
        .bind(s.idempotency_key)
        .bind(s.request_sha256)
        .bind(s.receipt_code)
        .bind(s.office_id)
        .bind(s.draft_id)
        .bind(s.version)
        .bind(s.status)
        .bind(s.token_hash)
        .bind(s.libretto_json)
        .bind(s.evidence_json)
        .bind(s.response_json)
        .bind(s.received_at)
        .bind(s.received_at)
        .bind(s.interest)
        .execute(&self.pool)
        .await?
        .rows_affected()
            == 1;
        let row = self
            .submission_by_key(s.idempotency_key)
            .await?
            .ok_or_else(|| DbError::Damaged("a submission vanished right after its insert".into()))?;
        Ok((row, inserted))
    }

    pub async fn submission_by_key(&self, key: &str) -> Result<Option<SubmissionRow>, DbError> {
        let sql = format!("SELECT {SUBMISSION_COLUMNS} FROM submissions WHERE idempotency_key = $1");
        let row = sqlx::query_as::<_, RowTuple>(&sql)
            .bind(key)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.map(SubmissionRow::from))
    }

    pub async fn submission(&self, id: &str) -> Result<Option<SubmissionRow>, DbError> {
        let sql = format!("SELECT {SUBMISSION_COLUMNS} FROM submissions WHERE id = $1");
        let row = sqlx::query_as::<_, RowTuple>(&sql)
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.map(SubmissionRow::from))
    }

    /// Stores an evidence file once; a second upload of the same file changes nothing.
    pub async fn insert_evidence(&self, e: &NewEvidence<'_>) -> Result<bool, DbError> {
        let size = i64::try_from(e.bytes.len()).map_err(|_| DbError::Damaged("file size".into()))?;
        let done = sqlx::query(
            "INSERT INTO evidence_files (submission_id, sha256, mime_type, size, bytes, received_at) \
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (submission_id, sha256) DO NOTHING",
        )
        .bind(e.submission_id)
        .bind(e.sha256)
        .bind(e.mime_type)
        .bind(size)
        .bind(e.bytes)
        .bind(e.received_at)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// The hashes of the files received for a submission.
    pub async fn evidence_received(&self, submission_id: &str) -> Result<Vec<String>, DbError> {
        let rows: Vec<(String,)> =
            sqlx::query_as("SELECT sha256 FROM evidence_files WHERE submission_id = $1 ORDER BY sha256")
                .bind(submission_id)
                .fetch_all(&self.pool)
                .await?;
        Ok(rows.into_iter().map(|(s,)| s).collect())
    }
}

type RowTuple = (
    String,
    String,
    String,
    String,
    String,
    String,
    String,
    String,
    String,
    String,
    Option<String>,
);

impl From<RowTuple> for SubmissionRow {
    fn from(r: RowTuple) -> Self {
        Self {
            id: r.0,
            request_sha256: r.1,
            receipt_code: r.2,
            office_id: r.3,
            status: r.4,
            token_hash: r.5,
            evidence_json: r.6,
            response_json: r.7,
            received_at: r.8,
            updated_at: r.9,
            interest: r.10,
        }
    }
}
