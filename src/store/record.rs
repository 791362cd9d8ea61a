//! Which core type lives in which object store, under which key.

use serde::Serialize;
use serde::de::DeserializeOwned;
use sportello_core::{Draft, OutboxItem, SimulationRecord, SubmissionRecord};

use super::StoreName;

/// A core type that has its own object store and a string key inside its serialized form.
pub trait Record: Serialize + DeserializeOwned {
    const STORE: StoreName;
    fn key(&self) -> String;
}

impl Record for Draft {
    const STORE: StoreName = StoreName::Drafts;
    fn key(&self) -> String {
        self.id.to_string()
    }
}

impl Record for OutboxItem {
    const STORE: StoreName = StoreName::Outbox;
    fn key(&self) -> String {
        self.idempotency_key.clone()
    }
}

impl Record for SubmissionRecord {
    const STORE: StoreName = StoreName::Submissions;
    fn key(&self) -> String {
        self.submission_id.clone()
    }
}

impl Record for SimulationRecord {
    const STORE: StoreName = StoreName::Simulations;
    fn key(&self) -> String {
        self.id.clone()
    }
}
