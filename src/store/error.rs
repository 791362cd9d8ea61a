//! What can go wrong with the browser's storage, in terms the UI can explain.

use indexed_db_futures::error::{DomException, Error as IdbError, OpenDbError};

use super::StoreName;

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum StoreError {
    /// The browser refused to store more: the citizen must free space.
    #[error("storage quota exceeded")]
    QuotaExceeded,
    /// An older connection in another tab prevents the schema upgrade.
    #[error("database upgrade blocked by another tab")]
    Blocked,
    /// A stored record no longer matches its type.
    #[error("corrupt record {} in {}: {}", .0.key, .0.store.as_str(), .0.reason)]
    Corrupt(CorruptRecord),
    /// IndexedDB is missing or forbidden (some private modes, locked-down browsers).
    #[error("storage unavailable: {0}")]
    Unavailable(String),
    /// Another tab saved this draft after this tab last read it.
    #[error("the draft was saved elsewhere at revision {stored}")]
    Conflict { stored: u64 },
    #[error("storage error: {0}")]
    Other(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct CorruptRecord {
    pub store: StoreName,
    pub key: String,
    pub reason: String,
}

impl StoreError {
    pub(super) fn from_idb(err: IdbError) -> Self {
        match &err {
            IdbError::DomException(dom) => Self::from_dom(dom),
            _ => Self::Other(err.to_string()),
        }
    }

    pub(super) fn from_open(err: OpenDbError) -> Self {
        match err {
            OpenDbError::UnsupportedEnvironment | OpenDbError::NullFactory => {
                Self::Unavailable(err.to_string())
            }
            OpenDbError::Base(base) => Self::from_idb(base),
            other => Self::Other(other.to_string()),
        }
    }

    fn from_dom(dom: &DomException) -> Self {
        let name = web_sys::DomException::from(dom.clone()).name();
        match name.as_str() {
            "QuotaExceededError" => Self::QuotaExceeded,
            "SecurityError" | "InvalidAccessError" => Self::Unavailable(dom.message()),
            _ => Self::Other(format!("{name}: {}", dom.message())),
        }
    }
}
