//! Schema migrations: the same SQL files for both engines, applied in order at start.
//!
//! Each file runs once, inside a transaction with its row in `schema_migrations`, so a server
//! stopped half-way leaves the database as it was. The only engine difference allowed is the
//! binary type, written `{blob}`.

use sqlx::AnyPool;

use super::{DbError, Engine};

const MIGRATIONS: &[(i64, &str)] = &[
    (1, include_str!("../../migrations/0001_intake.sql")),
    (2, include_str!("../../migrations/0002_desk_accounts.sql")),
    (3, include_str!("../../migrations/0003_reviews.sql")),
    (4, include_str!("../../migrations/0004_interest.sql")),
];

pub async fn apply(pool: &AnyPool, engine: Engine) -> Result<(), DbError> {
    sqlx::query(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, applied_at TEXT NOT NULL)",
    )
    .execute(pool)
    .await?;
    for (version, sql) in MIGRATIONS {
        let done: Option<(i64,)> = sqlx::query_as("SELECT version FROM schema_migrations WHERE version = $1")
            .bind(version)
            .fetch_optional(pool)
            .await?;
        if done.is_some() {
            continue;
        }
        let sql = sql.replace("{blob}", engine.blob_type());
        let mut tx = pool.begin().await?;
        for statement in statements(&sql) {
            sqlx::query(&statement).execute(&mut *tx).await?;
        }
        sqlx::query("INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)")
            .bind(version)
            .bind(chrono::Utc::now().to_rfc3339())
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
    }
    Ok(())
}

/// The statements of a migration file: comments dropped, then split on `;`.
fn statements(sql: &str) -> Vec<String> {
    let code: String = sql
        .lines()
        .filter(|l| !l.trim_start().starts_with("--"))
        .collect::<Vec<_>>()
        .join("\n");
    code.split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}
