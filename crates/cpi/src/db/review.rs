//! Reviews of submitted versions, and what the desk reads of a submission.

use super::{Db, DbError, SUBMISSION_COLUMNS, SubmissionRow};

/// A review as stored.
#[derive(Debug, Clone)]
pub struct ReviewRow {
    pub revision: i64,
    pub reviewer_email: String,
    pub annotations_json: String,
    pub outcome: Option<String>,
    pub updated_at: String,
}

/// What a save of a review found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveReview {
    Saved,
    /// Someone saved another revision in between.
    Conflict,
    /// The version is consolidated: nothing changes any more.
    Consolidated,
}

/// One evidence file as stored.
pub struct EvidenceFile {
    pub mime_type: String,
    pub bytes: Vec<u8>,
}

impl Db {
    /// A submission of `office_id`, with its Libretto and draft id; `None` for another
    /// office's, exactly as for one that does not exist.
    pub async fn office_submission(
        &self,
        office_id: &str,
        id: &str,
    ) -> Result<Option<(SubmissionRow, String, String, i64)>, DbError> {
        // One read, scoped to the office in the query itself.
        let sql = format!(
            "SELECT {SUBMISSION_COLUMNS}, libretto_json, draft_id, version FROM submissions \
             WHERE id = $1 AND office_id = $2"
        );
        type Row = (
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
            String,
            String,
            i64,
        );
        let Some(r): Option<Row> = sqlx::query_as(&sql)
            .bind(id)
            .bind(office_id)
            .fetch_optional(&self.pool)
            .await?
        else {
            return Ok(None);
        };
        let (libretto_json, draft_id, version) = (r.11, r.12, r.13);
        let row = SubmissionRow::from((r.0, r.1, r.2, r.3, r.4, r.5, r.6, r.7, r.8, r.9, r.10));
        Ok(Some((row, libretto_json, draft_id, version)))
    }

    /// Moves a submission that is waiting (`inviata`) to `in_revisione`; any other status stays.
    pub async fn open_submission(&self, office_id: &str, id: &str, now: &str) -> Result<(), DbError> {
        sqlx::query(
            "UPDATE submissions SET status = 'in_revisione', updated_at = $1 \
             WHERE id = $2 AND office_id = $3 AND status = 'inviata'",
        )
        .bind(now)
        .bind(id)
        .bind(office_id)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    pub async fn review(&self, submission_id: &str) -> Result<Option<ReviewRow>, DbError> {
        let row: Option<(i64, String, String, Option<String>, String)> = sqlx::query_as(
            "SELECT revision, reviewer_email, annotations_json, outcome, updated_at FROM reviews \
             WHERE submission_id = $1",
        )
        .bind(submission_id)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(
            |(revision, reviewer_email, annotations_json, outcome, updated_at)| ReviewRow {
                revision,
                reviewer_email,
                annotations_json,
                outcome,
                updated_at,
            },
        ))
    }

    /// Saves revision `expected + 1` of a review, and the submission's new status, in one
    /// transaction; refused if the stored revision is not `expected` or the version is
    /// consolidated.
    pub async fn save_review(
        &self,
        submission_id: &str,
        expected: i64,
        review: &ReviewRow,
        status: &str,
    ) -> Result<SaveReview, DbError> {
        let mut tx = self.pool.begin().await?;
        // The status guard first: it also takes the row's write lock on PostgreSQL, so two
        // saves of one submission are serialised here.
        let open = sqlx::query(
            "UPDATE submissions SET status = $1, updated_at = $2 WHERE id = $3 AND status <> 'consolidata'",
        )
        .bind(status)
        .bind(&review.updated_at)
        .bind(submission_id)
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        if !open {
            return Ok(SaveReview::Consolidated);
        }
        let written = if expected == 0 {
            sqlx::query(
                "INSERT INTO reviews (submission_id, revision, reviewer_email, annotations_json, outcome, updated_at) \
                 VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (submission_id) DO NOTHING",
            )
            .bind(submission_id)
            .bind(review.revision)
            .bind(&review.reviewer_email)
            .bind(&review.annotations_json)
            .bind(&review.outcome)
            .bind(&review.updated_at)
            .execute(&mut *tx)
            .await?
        } else {
            sqlx::query(
                "UPDATE reviews SET revision = $1, reviewer_email = $2, annotations_json = $3, outcome = $4, \
                 updated_at = $5 WHERE submission_id = $6 AND revision = $7",
            )
            .bind(review.revision)
            .bind(&review.reviewer_email)
            .bind(&review.annotations_json)
            .bind(&review.outcome)
            .bind(&review.updated_at)
            .bind(submission_id)
            .bind(expected)
            .execute(&mut *tx)
            .await?
        };
        if written.rows_affected() != 1 {
            // Dropping the transaction rolls the status change back.
            return Ok(SaveReview::Conflict);
        }
        tx.commit().await?;
        Ok(SaveReview::Saved)
    }

    /// The versions of one draft sent to one office: (id, version, status, received_at), in order.
    pub async fn versions(
        &self,
        office_id: &str,
        draft_id: &str,
    ) -> Result<Vec<(String, i64, String, String)>, DbError> {
        Ok(sqlx::query_as(
            "SELECT id, version, status, received_at FROM submissions WHERE office_id = $1 AND draft_id = $2 \
             ORDER BY version, received_at",
        )
        .bind(office_id)
        .bind(draft_id)
        .fetch_all(&self.pool)
        .await?)
    }

    /// One received file of a submission of `office_id`; `None` for another office's.
    pub async fn evidence_file(
        &self,
        office_id: &str,
        submission_id: &str,
        sha256: &str,
    ) -> Result<Option<EvidenceFile>, DbError> {
        let row: Option<(String, Vec<u8>)> = sqlx::query_as(
            "SELECT e.mime_type, e.bytes FROM evidence_files e JOIN submissions s ON s.id = e.submission_id \
             WHERE e.submission_id = $1 AND e.sha256 = $2 AND s.office_id = $3",
        )
        .bind(submission_id)
        .bind(sha256)
        .bind(office_id)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|(mime_type, bytes)| EvidenceFile { mime_type, bytes }))
    }
}
