//! The other things the browser keeps besides drafts: evidence file metadata, the outbox of
//! submissions waiting to be sent, receipts from the CPI and saved simulations.
//!
//! They are domain types, not storage types: the store serializes them as they are.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::draft::{DraftId, LifecycleState};

/// An evidence file's description; the bytes live beside it, addressed by the same hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvidenceMeta {
    /// Lower-case hex SHA-256 of the file's bytes: the same file attached twice is stored once.
    pub sha256: String,
    pub file_name: String,
    pub mime_type: String,
    pub size: u64,
    pub added_at: DateTime<Utc>,
}

/// A submission the citizen has confirmed but the CPI has not yet acknowledged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxItem {
    /// Sent as `Idempotency-Key`: retrying never creates a second record at the CPI.
    pub idempotency_key: String,
    pub draft_id: DraftId,
    pub draft_revision: u64,
    pub created_at: DateTime<Utc>,
    pub attempts: u32,
    pub last_error: Option<String>,
}

/// What the citizen has from the CPI for one submission.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubmissionRecord {
    pub submission_id: String,
    pub draft_id: DraftId,
    pub receipt_code: String,
    pub status: LifecycleState,
    pub submitted_at: DateTime<Utc>,
    pub last_checked_at: Option<DateTime<Utc>>,
}

/// A saved ILA check or dote scenario; its body is the programme module's own type.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SimulationRecord {
    pub id: String,
    pub kind: SimulationKind,
    pub name: String,
    pub saved_at: DateTime<Utc>,
    pub body: serde_json::Value,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SimulationKind {
    IlaCheck,
    DoteScenario,
}
