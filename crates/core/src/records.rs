//! The other things the browser keeps besides drafts: evidence file metadata, the outbox of
//! submissions waiting to be sent, receipts from the CPI and saved simulations.
//!
//! They are domain types, not storage types: the store serializes them as they are.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::cpi::{Office, SubmissionReceipt, SubmissionRequest};
use crate::draft::{Draft, LifecycleState};
use crate::libretto::FileRef;

/// A stored evidence file's description: the dossier's reference to it, and when it was
/// stored. The bytes live beside it, addressed by the same hash, so the same file attached
/// twice is stored once.
///
/// Flattened, so that the record's key (`sha256`) stays at the top, where the object store
/// looks for it; records written before this type reused [`FileRef`] still read (see there).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvidenceMeta {
    #[serde(flatten)]
    pub file: FileRef,
    pub added_at: DateTime<Utc>,
}

/// How long a stored file is kept even when nothing refers to it yet: a file is stored a
/// moment before the draft that refers to it is saved, and must not be collected in between.
pub const EVIDENCE_GRACE_MINUTES: i64 = 10;

/// The stored files (by SHA-256) that no draft and no waiting send refers to any more, and
/// were stored long enough ago: their bytes can be freed. Files are shared by hash, so one
/// still attached to another draft, or waiting to be uploaded, stays.
pub fn unreferenced_evidence(
    evidence: &[EvidenceMeta],
    drafts: &[Draft],
    outbox: &[OutboxItem],
    now: DateTime<Utc>,
) -> Vec<String> {
    let referenced: std::collections::BTreeSet<String> = drafts
        .iter()
        .map(|d| &d.libretto)
        .chain(outbox.iter().map(|o| &o.request.libretto))
        .flat_map(|l| l.evidence_files().into_iter().map(|f| f.sha256))
        .collect();
    let settled = now - chrono::Duration::minutes(EVIDENCE_GRACE_MINUTES);
    evidence
        .iter()
        .filter(|e| e.added_at < settled && !referenced.contains(&e.file.sha256))
        .map(|e| e.file.sha256.clone())
        .collect()
}

/// A submission the citizen has confirmed but that has not yet fully reached the CPI: the
/// frozen version, where sending got to, and why the last attempt failed.
///
/// It is written before anything is sent, so that a closed tab, a lost connection or a
/// restarted browser resumes the same submission with the same idempotency key.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutboxItem {
    /// Sent as `Idempotency-Key`: retrying never creates a second record at the CPI.
    pub idempotency_key: String,
    /// The draft's name when sent, to tell submissions apart on a shared device.
    pub draft_name: String,
    pub office: Office,
    /// Exactly what leaves the device; later edits of the draft never change it.
    pub request: SubmissionRequest,
    pub created_at: DateTime<Utc>,
    pub attempts: u32,
    /// The API error code (or `network`) of the last failed attempt.
    pub last_error: Option<String>,
    /// Not retried automatically before this time (backoff after a failure).
    pub next_attempt_at: Option<DateTime<Utc>>,
    /// True once the CPI refused the submission for good (the citizen must act).
    pub refused: bool,
    /// The CPI's answer, once it has stored the submission.
    pub receipt: Option<SubmissionReceipt>,
    /// The evidence files the CPI has confirmed, by SHA-256.
    pub uploaded: Vec<String>,
}

impl OutboxItem {
    /// The files still to upload: those the CPI expects that it has not confirmed.
    pub fn files_to_upload(&self) -> Vec<FileRef> {
        let expected = self
            .receipt
            .as_ref()
            .map(|r| r.evidence_expected.as_slice())
            .unwrap_or_default();
        self.request
            .evidence_files()
            .into_iter()
            .filter(|f| expected.contains(&f.sha256) && !self.uploaded.contains(&f.sha256))
            .collect()
    }

    /// Bytes confirmed and bytes in all, for a progress bar.
    pub fn progress(&self) -> (u64, u64) {
        let files = self.request.evidence_files();
        let total = files.iter().map(|f| f.dimensione).sum();
        let done = files
            .iter()
            .filter(|f| self.uploaded.contains(&f.sha256))
            .map(|f| f.dimensione)
            .sum();
        (done, total)
    }

    /// How long to wait after `attempts` failures: 2 s doubling up to 5 minutes.
    pub fn backoff_seconds(attempts: u32) -> i64 {
        2i64.saturating_mul(1 << attempts.min(9).saturating_sub(1))
            .min(300)
    }
}

/// What the citizen keeps of one submission that reached the CPI: the receipt, the frozen
/// version and the token to ask for its status.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SubmissionRecord {
    pub submission_id: String,
    pub idempotency_key: String,
    pub draft_name: String,
    pub office: Office,
    pub receipt_code: String,
    pub status: LifecycleState,
    /// The CPI's time of receipt.
    pub submitted_at: DateTime<Utc>,
    pub last_checked_at: Option<DateTime<Utc>>,
    /// Kept only on this device, to read the status; never shown.
    pub status_token: String,
    pub request: SubmissionRequest,
    /// The orientatore's outcome and notes, as last read from the CPI.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<crate::cpi::review::ReviewForCitizen>,
}

impl SubmissionRecord {
    /// The record of a finished send: every file confirmed.
    pub fn from_sent(item: &OutboxItem, receipt: &SubmissionReceipt) -> Self {
        Self {
            submission_id: receipt.submission_id.clone(),
            idempotency_key: item.idempotency_key.clone(),
            draft_name: item.draft_name.clone(),
            office: item.office.clone(),
            receipt_code: receipt.receipt_code.clone(),
            status: receipt.status,
            submitted_at: receipt.received_at,
            last_checked_at: None,
            status_token: receipt.status_token.clone(),
            request: item.request.clone(),
            review: None,
        }
    }
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
    /// The ILA card the citizen keeps track of (`programmes::Card`): one per device, under
    /// [`ILA_CARD_ID`].
    IlaCard,
}

/// The key of the one ILA card record: a person holds one card at a time.
pub const ILA_CARD_ID: &str = "carta-ila";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::libretto::{Evidenza, ItemId};

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().expect("time")
    }

    fn meta(sha: &str, added: &str) -> EvidenceMeta {
        EvidenceMeta {
            file: FileRef {
                sha256: sha.into(),
                nome: format!("{sha}.pdf"),
                tipo_mime: "application/pdf".into(),
                dimensione: 1,
            },
            added_at: at(added),
        }
    }

    fn draft_with(files: &[&str]) -> Draft {
        let mut d = Draft::new("d", at("2026-12-01T10:00:00Z"));
        for sha in files {
            d.libretto.evidenze.push(Evidenza {
                id: ItemId::new_random(),
                file: Some(FileRef {
                    sha256: (*sha).into(),
                    nome: "x.pdf".into(),
                    tipo_mime: "application/pdf".into(),
                    dimensione: 1,
                }),
                ..Default::default()
            });
        }
        d
    }

    #[test]
    fn only_files_nobody_refers_to_and_old_enough_are_freed() {
        let evidence = [
            meta("kept-by-a", "2026-12-01T09:00:00Z"),
            meta("kept-by-b", "2026-12-01T09:00:00Z"),
            meta("orphan", "2026-12-01T09:00:00Z"),
            meta("just-stored", "2026-12-02T09:55:00Z"),
        ];
        let drafts = [draft_with(&["kept-by-a"]), draft_with(&["kept-by-a"])];
        let mut waiting = draft_with(&["kept-by-b"]).libretto;
        waiting.evidenze[0].titolo = "in the outbox".into();
        let outbox: Vec<OutboxItem> = serde_json::from_value(serde_json::json!([{
            "idempotency_key": "k", "draft_name": "d",
            "office": {"id": "pt", "name": "CPI Pistoia", "province": "PT", "region": "toscana"},
            "request": {"office_id": "pt", "draft_id": drafts[0].id, "version": 1, "libretto": waiting},
            "created_at": "2026-12-01T10:00:00Z", "attempts": 0, "last_error": null,
            "next_attempt_at": null, "refused": false, "receipt": null, "uploaded": []
        }]))
        .expect("outbox item");
        let freed = unreferenced_evidence(&evidence, &drafts, &outbox, at("2026-12-02T10:00:00Z"));
        assert_eq!(freed, vec!["orphan".to_owned()]);
    }

    #[test]
    fn backoff_doubles_from_two_seconds_to_five_minutes() {
        let waits: Vec<i64> = (1..=10).map(OutboxItem::backoff_seconds).collect();
        assert_eq!(waits, [2, 4, 8, 16, 32, 64, 128, 256, 300, 300]);
        assert_eq!(OutboxItem::backoff_seconds(0), 2);
        assert_eq!(OutboxItem::backoff_seconds(u32::MAX), 300);
    }
}
