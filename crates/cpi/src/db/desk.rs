//! The review desk's storage: orientatore accounts, sessions, failed sign-ins, and the
//! office's queue of submissions.

use super::{Db, DbError};

/// An orientatore account, bound to one office.
#[derive(Debug, Clone)]
pub struct Orientatore {
    pub id: String,
    pub office_id: String,
    pub email: String,
    pub password_hash: String,
}

/// A sign-in session with its account.
#[derive(Debug, Clone)]
pub struct SessionRow {
    pub orientatore: Orientatore,
    pub created_at: String,
    pub last_seen_at: String,
    pub ended_at: Option<String>,
}

/// Which submissions of one office the queue lists.
#[derive(Debug, Clone, Default)]
pub struct QueueFilter {
    pub status: Option<String>,
    /// The programme asked about (`Interest` code).
    pub interest: Option<String>,
    /// Received at or after (RFC 3339 text, as stored).
    pub from: Option<String>,
    /// Received before.
    pub until: Option<String>,
    pub limit: i64,
    pub offset: i64,
}

/// One line of the queue.
#[derive(Debug, Clone)]
pub struct QueueRow {
    pub id: String,
    pub receipt_code: String,
    pub draft_id: String,
    pub version: i64,
    pub status: String,
    pub received_at: String,
    pub updated_at: String,
    pub interest: Option<String>,
}

const ORIENTATORE_COLUMNS: &str = "o.id, o.office_id, o.email, o.password_hash";

impl Db {
    /// Creates an account; `false` when the address already has one.
    pub async fn insert_orientatore(&self, o: &Orientatore, created_at: &str) -> Result<bool, DbError> {
        let done = sqlx::query(
            "INSERT INTO orientatori (id, office_id, email, password_hash, created_at) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (email) DO NOTHING",
        )
        .bind(&o.id)
        .bind(&o.office_id)
        .bind(&o.email)
        .bind(&o.password_hash)
        .bind(created_at)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Replaces an account's password and ends all its sessions, in one transaction.
    pub async fn set_password(&self, email: &str, password_hash: &str, now: &str) -> Result<bool, DbError> {
        let mut tx = self.pool.begin().await?;
        let done = sqlx::query("UPDATE orientatori SET password_hash = $1 WHERE email = $2")
            .bind(password_hash)
            .bind(email)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "UPDATE desk_sessions SET ended_at = $1 WHERE ended_at IS NULL AND orientatore_id IN \
             (SELECT id FROM orientatori WHERE email = $2)",
        )
        .bind(now)
        .bind(email)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(done.rows_affected() == 1)
    }

    pub async fn orientatore_by_email(&self, email: &str) -> Result<Option<Orientatore>, DbError> {
        let sql = format!("SELECT {ORIENTATORE_COLUMNS} FROM orientatori o WHERE o.email = $1");
        let row: Option<(String, String, String, String)> = sqlx::query_as(&sql)
            .bind(email)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.map(|(id, office_id, email, password_hash)| Orientatore {
            id,
            office_id,
            email,
            password_hash,
        }))
    }

    pub async fn insert_session(
        &self,
        token_hash: &str,
        orientatore_id: &str,
        now: &str,
    ) -> Result<(), DbError> {
        sqlx::query(
            "INSERT INTO desk_sessions (token_hash, orientatore_id, created_at, last_seen_at) \
             VALUES ($1, $2, $3, $3)",
        )
        .bind(token_hash)
        .bind(orientatore_id)
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    pub async fn session(&self, token_hash: &str) -> Result<Option<SessionRow>, DbError> {
        let sql = format!(
            "SELECT {ORIENTATORE_COLUMNS}, s.created_at, s.last_seen_at, s.ended_at \
             FROM desk_sessions s JOIN orientatori o ON o.id = s.orientatore_id WHERE s.token_hash = $1"
        );
        type Row = (String, String, String, String, String, String, Option<String>);
        let row: Option<Row> = sqlx::query_as(&sql)
            .bind(token_hash)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.map(
            |(id, office_id, email, password_hash, created_at, last_seen_at, ended_at)| SessionRow {
                orientatore: Orientatore {
                    id,
                    office_id,
                    email,
                    password_hash,
                },
                created_at,
                last_seen_at,
                ended_at,
            },
        ))
    }

    pub async fn touch_session(&self, token_hash: &str, now: &str) -> Result<(), DbError> {
        sqlx::query("UPDATE desk_sessions SET last_seen_at = $1 WHERE token_hash = $2 AND ended_at IS NULL")
            .bind(now)
            .bind(token_hash)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    pub async fn end_session(&self, token_hash: &str, now: &str) -> Result<(), DbError> {
        sqlx::query("UPDATE desk_sessions SET ended_at = $1 WHERE token_hash = $2 AND ended_at IS NULL")
            .bind(now)
            .bind(token_hash)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    pub async fn record_sign_in_failure(&self, subject: &str, now: &str) -> Result<(), DbError> {
        sqlx::query("INSERT INTO sign_in_failures (subject, failed_at) VALUES ($1, $2)")
            .bind(subject)
            .bind(now)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Failed sign-ins of `subject` at or after `since`, and the earliest of them.
    pub async fn sign_in_failures(
        &self,
        subject: &str,
        since: &str,
    ) -> Result<(i64, Option<String>), DbError> {
        let row: (i64, Option<String>) = sqlx::query_as(
            "SELECT COUNT(*), MIN(failed_at) FROM sign_in_failures WHERE subject = $1 AND failed_at >= $2",
        )
        .bind(subject)
        .bind(since)
        .fetch_one(&self.pool)
        .await?;
        Ok(row)
    }

    pub async fn clear_sign_in_failures(&self, subject: &str) -> Result<(), DbError> {
        sqlx::query("DELETE FROM sign_in_failures WHERE subject = $1")
            .bind(subject)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// One office's submissions, oldest waiting first, and how many match in all.
    pub async fn queue(&self, office_id: &str, f: &QueueFilter) -> Result<(Vec<QueueRow>, i64), DbError> {
        // Absent filters match everything: `$n IS NULL OR column = $n`, one statement for both engines.
        let conditions = "office_id = $1 AND ($2 IS NULL OR status = $2) \
             AND ($3 IS NULL OR received_at >= $3) AND ($4 IS NULL OR received_at < $4) \
             AND ($5 IS NULL OR interest = $5)";
        let (total,): (i64,) =
            sqlx::query_as(&format!("SELECT COUNT(*) FROM submissions WHERE {conditions}"))
                .bind(office_id)
                .bind(&f.status)
                .bind(&f.from)
                .bind(&f.until)
                .bind(&f.interest)
                .fetch_one(&self.pool)
                .await?;
        type Row = (
            String,
            String,
            String,
            i64,
            String,
            String,
            String,
            Option<String>,
        );
        let rows: Vec<Row> = sqlx::query_as(&format!(
            "SELECT id, receipt_code, draft_id, version, status, received_at, updated_at, interest \
             FROM submissions WHERE {conditions} ORDER BY received_at, id LIMIT $6 OFFSET $7"
        ))
        .bind(office_id)
        .bind(&f.status)
        .bind(&f.from)
        .bind(&f.until)
        .bind(&f.interest)
        .bind(f.limit)
        .bind(f.offset)
        .fetch_all(&self.pool)
        .await?;
        let rows = rows
            .into_iter()
            .map(
                |(id, receipt_code, draft_id, version, status, received_at, updated_at, interest)| QueueRow {
                    id,
                    receipt_code,
                    draft_id,
                    version,
                    status,
                    received_at,
                    updated_at,
                    interest,
                },
            )
            .collect();
        Ok((rows, total))
    }

    /// The Libretto, status and time of receipt of every submission one office received in
    /// `[from, until)` (either bound absent: open), for its monitoring figures.
    pub async fn monitoring_rows(
        &self,
        office_id: &str,
        from: Option<&str>,
        until: Option<&str>,
    ) -> Result<Vec<(String, String, String)>, DbError> {
        Ok(sqlx::query_as(
            "SELECT libretto_json, status, received_at FROM submissions \
             WHERE office_id = $1 AND ($2 IS NULL OR received_at >= $2) AND ($3 IS NULL OR received_at < $3)",
        )
        .bind(office_id)
        .bind(from)
        .bind(until)
        .fetch_all(&self.pool)
        .await?)
    }
}
