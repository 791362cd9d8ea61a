//! The browser's own storage: one IndexedDB database holding drafts, evidence files, the
//! outbox, submission receipts and saved simulations.
//!
//! Pages never touch IndexedDB directly; they call [`Store`] with `sportello-core` types and
//! get back either those types or a [`StoreError`] they can explain to the citizen. Reads are
//! defensive: a record that no longer matches its type is reported as corrupt, never a panic,
//! and one bad record does not hide the good ones in a listing.

pub mod draft_session;
mod error;
pub mod outbox;
mod record;
mod schema;
pub mod transfer;

use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use serde::Serialize;
use sportello_core::records::OutboxItem;
use sportello_core::{Draft, EvidenceMeta, SubmissionRecord};
use wasm_bindgen::{JsCast, JsValue};

pub use error::{CorruptRecord, StoreError};
pub use record::Record;
pub use schema::{DB_NAME, SCHEMA_VERSION, StoreName};

/// A listing that keeps going past damaged records: the good ones in `items`, the rest
/// named in `corrupt` so the UI can say so without losing what is readable.
#[derive(Debug, Clone)]
pub struct Listing<T> {
    pub items: Vec<T>,
    pub corrupt: Vec<CorruptRecord>,
}

/// An open connection to Sportello's database. Cheap to clone: clones share the connection.
#[derive(Clone, Debug)]
pub struct Store {
    db: Database,
}

impl Store {
    /// Opens the app's database at the current schema version, upgrading it if needed.
    pub async fn open() -> Result<Self, StoreError> {
        Self::open_named(DB_NAME).await
    }

    /// Opens a database by name at the current schema version (tests use their own names).
    pub async fn open_named(name: &str) -> Result<Self, StoreError> {
        Self::open_at_version(name, SCHEMA_VERSION).await
    }

    /// Opens a database at an older schema version, running only the steps up to it.
    /// It exists so that tests can build the databases that earlier releases left behind.
    pub async fn open_at_version(name: &str, version: u32) -> Result<Self, StoreError> {
        schema::open(name, version).await.map(|db| Self { db })
    }

    /// Closes the connection, so that another one may upgrade or delete the database.
    pub fn close(self) {
        self.db.close();
    }

    pub fn version(&self) -> u32 {
        // IndexedDB versions are whole numbers; the f64 is only JavaScript's number type.
        self.db.version() as u32
    }

    /// The names of the object stores this database has, for upgrade checks.
    pub fn store_names(&self) -> Vec<String> {
        self.db.object_store_names().collect()
    }

    pub async fn put<R: Record>(&self, record: &R) -> Result<(), StoreError> {
        let value = to_js(record, R::STORE)?;
        self.write(R::STORE, |store| store.put(value).primitive().map(|_| ()))
            .await
    }

    pub async fn get<R: Record>(&self, key: &str) -> Result<Option<R>, StoreError> {
        let raw = self.get_raw(R::STORE, key).await?;
        raw.map(|value| from_js(value, R::STORE, key)).transpose()
    }

    pub async fn delete<R: Record>(&self, key: &str) -> Result<(), StoreError> {
        let key = key.to_owned();
        self.write(R::STORE, move |store| store.delete(key).primitive().map(|_| ()))
            .await
    }

    pub async fn list<R: Record>(&self) -> Result<Listing<R>, StoreError> {
        self.listing(R::STORE).await
    }

    /// Saves a draft only if the stored copy is still the one this tab last read or wrote
    /// (`base_revision`), checking and writing in one transaction; the saved draft carries
    /// `base_revision + 1`. A newer stored copy means another tab saved in between: nothing is
    /// written and [`StoreError::Conflict`] says which revision is there.
    pub async fn save_draft(&self, draft: &Draft, base_revision: u64) -> Result<(), StoreError> {
        let store = StoreName::Drafts;
        let tx = self.tx(store, TransactionMode::Readwrite)?;
        {
            let object_store = tx.object_store(store.as_str()).map_err(StoreError::from_idb)?;
            let key = draft.id.to_string();
            let stored: Option<JsValue> = object_store
                .get(key.as_str())
                .primitive()
                .map_err(StoreError::from_idb)?
                .await
                .map_err(StoreError::from_idb)?;
            if let Some(stored) = stored {
                let revision = js_sys::Reflect::get(&stored, &JsValue::from_str("revision"))
                    .ok()
                    .and_then(|r| r.as_f64())
                    .map_or(0, |r| r as u64);
                if revision != base_revision {
                    return Err(StoreError::Conflict { stored: revision });
                }
            }
            let value = to_js(draft, store)?;
            object_store
                .put(value)
                .primitive()
                .map_err(StoreError::from_idb)?;
        }
        tx.commit().await.map_err(StoreError::from_idb)
    }

    /// Records a finished send: the receipt goes in, the outbox item goes out, in one
    /// transaction, so a crash in between can neither lose the receipt nor send twice.
    pub async fn finish_submission(
        &self,
        record: &SubmissionRecord,
        outbox_key: &str,
    ) -> Result<(), StoreError> {
        let value = to_js(record, StoreName::Submissions)?;
        let tx = self.tx_over(&[StoreName::Submissions, StoreName::Outbox])?;
        tx.object_store(StoreName::Submissions.as_str())
            .map_err(StoreError::from_idb)?
            .put(value)
            .primitive()
            .map_err(StoreError::from_idb)?;
        tx.object_store(StoreName::Outbox.as_str())
            .map_err(StoreError::from_idb)?
            .delete(outbox_key)
            .primitive()
            .map_err(StoreError::from_idb)?;
        tx.commit().await.map_err(StoreError::from_idb)
    }

    /// Empties every store in one transaction: drafts, evidence files, outbox, receipts and
    /// simulations. For shared computers, where the citizen must be able to leave nothing.
    pub async fn erase_everything(&self) -> Result<(), StoreError> {
        let tx = self.tx_over(&StoreName::ALL)?;
        for name in StoreName::ALL.map(StoreName::as_str) {
            tx.object_store(name)
                .map_err(StoreError::from_idb)?
                .clear()
                .map_err(StoreError::from_idb)?;
        }
        tx.commit().await.map_err(StoreError::from_idb)
    }

    /// Stores an evidence file beside its description, in one transaction: either both are
    /// saved or neither is.
    pub async fn put_evidence(&self, meta: &EvidenceMeta, file: &web_sys::Blob) -> Result<(), StoreError> {
        let value = to_js(meta, StoreName::Evidence)?;
        js_sys::Reflect::set(&value, &JsValue::from_str(EVIDENCE_BLOB_FIELD), file)
            .map_err(|e| StoreError::Other(format!("{e:?}")))?;
        self.write(StoreName::Evidence, |store| {
            store.put(value).primitive().map(|_| ())
        })
        .await
    }

    pub async fn get_evidence(
        &self,
        sha256: &str,
    ) -> Result<Option<(EvidenceMeta, web_sys::Blob)>, StoreError> {
        let raw = self.get_raw(StoreName::Evidence, sha256).await?;
        let Some(raw) = raw else { return Ok(None) };
        let blob = js_sys::Reflect::get(&raw, &JsValue::from_str(EVIDENCE_BLOB_FIELD))
            .ok()
            .and_then(|b| b.dyn_into::<web_sys::Blob>().ok())
            .ok_or_else(|| {
                StoreError::Corrupt(CorruptRecord {
                    store: StoreName::Evidence,
                    key: sha256.to_owned(),
                    reason: "the file's bytes are missing".to_owned(),
                })
            })?;
        let meta = from_js(raw, StoreName::Evidence, sha256)?;
        Ok(Some((meta, blob)))
    }

    pub async fn delete_evidence(&self, sha256: &str) -> Result<(), StoreError> {
        let key = sha256.to_owned();
        self.write(StoreName::Evidence, move |store| {
            store.delete(key).primitive().map(|_| ())
        })
        .await
    }

    /// Frees the bytes of files that nothing refers to any more (see
    /// [`sportello_core::records::unreferenced_evidence`]). If any draft or waiting send cannot
    /// be read, nothing is freed: a file it may refer to must not go.
    pub async fn free_unreferenced_evidence(&self) -> Result<usize, StoreError> {
        let drafts = self.list::<Draft>().await?;
        let outbox = self.list::<OutboxItem>().await?;
        let evidence = self.list_evidence().await?;
        if !drafts.corrupt.is_empty() || !outbox.corrupt.is_empty() {
            return Ok(0);
        }
        let freed = sportello_core::records::unreferenced_evidence(
            &evidence.items,
            &drafts.items,
            &outbox.items,
            chrono::Utc::now(),
        );
        for sha256 in &freed {
            self.delete_evidence(sha256).await?;
        }
        Ok(freed.len())
    }

    /// Lists evidence descriptions only; the files themselves are read one at a time.
    pub async fn list_evidence(&self) -> Result<Listing<EvidenceMeta>, StoreError> {
        self.listing(StoreName::Evidence).await
    }

    /// Writes one raw value, bypassing the types: only for tests that need a damaged record.
    pub async fn put_raw(&self, store: StoreName, value: JsValue) -> Result<(), StoreError> {
        self.write(store, |s| s.put(value).primitive().map(|_| ())).await
    }

    /// One read-write transaction over several stores: all their writes commit or none.
    fn tx_over(
        &self,
        stores: &[StoreName],
    ) -> Result<indexed_db_futures::transaction::Transaction<'_>, StoreError> {
        let names: Vec<&str> = stores.iter().map(|s| s.as_str()).collect();
        self.db
            .transaction(names)
            .with_mode(TransactionMode::Readwrite)
            .build()
            .map_err(StoreError::from_idb)
    }

    fn tx(
        &self,
        store: StoreName,
        mode: TransactionMode,
    ) -> Result<indexed_db_futures::transaction::Transaction<'_>, StoreError> {
        self.db
            .transaction(store.as_str())
            .with_mode(mode)
            .build()
            .map_err(StoreError::from_idb)
    }

    /// Runs one write in its own transaction and returns only once the transaction has
    /// committed: "saved" must mean saved.
    async fn write<F>(&self, store: StoreName, op: F) -> Result<(), StoreError>
    where
        F: FnOnce(&indexed_db_futures::object_store::ObjectStore<'_>) -> indexed_db_futures::Result<()>,
    {
        let tx = self.tx(store, TransactionMode::Readwrite)?;
        {
            let object_store = tx.object_store(store.as_str()).map_err(StoreError::from_idb)?;
            // The request is sent when built; the commit below waits for it and reports its
            // error, so `op` may drop the request's own future.
            op(&object_store).map_err(StoreError::from_idb)?;
        }
        tx.commit().await.map_err(StoreError::from_idb)
    }

    async fn get_raw(&self, store: StoreName, key: &str) -> Result<Option<JsValue>, StoreError> {
        let tx = self.tx(store, TransactionMode::Readonly)?;
        let object_store = tx.object_store(store.as_str()).map_err(StoreError::from_idb)?;
        object_store
            .get(key)
            .primitive()
            .map_err(StoreError::from_idb)?
            .await
            .map_err(StoreError::from_idb)
    }

    /// How many records a store holds, without reading them.
    pub async fn count(&self, store: StoreName) -> Result<u32, StoreError> {
        let tx = self.tx(store, TransactionMode::Readonly)?;
        let object_store = tx.object_store(store.as_str()).map_err(StoreError::from_idb)?;
        object_store
            .count()
            .primitive()
            .map_err(StoreError::from_idb)?
            .await
            .map_err(StoreError::from_idb)
    }

    /// Reads a whole store, setting aside the records that no longer match their type.
    async fn listing<T: serde::de::DeserializeOwned>(
        &self,
        store: StoreName,
    ) -> Result<Listing<T>, StoreError> {
        let (values, keys) = self.raw_all(store).await?;
        let mut listing = Listing {
            items: Vec::with_capacity(values.len()),
            corrupt: Vec::new(),
        };
        for (value, key) in values.into_iter().zip(keys) {
            match from_js::<T>(value, store, &key) {
                Ok(item) => listing.items.push(item),
                Err(StoreError::Corrupt(c)) => listing.corrupt.push(c),
                Err(other) => return Err(other),
            }
        }
        Ok(listing)
    }

    /// Every value of a store with its key, in key order.
    async fn raw_all(&self, store: StoreName) -> Result<(Vec<JsValue>, Vec<String>), StoreError> {
        let tx = self.tx(store, TransactionMode::Readonly)?;
        let object_store = tx.object_store(store.as_str()).map_err(StoreError::from_idb)?;
        let values: Vec<JsValue> = object_store
            .get_all()
            .primitive()
            .map_err(StoreError::from_idb)?
            .await
            .map_err(StoreError::from_idb)?
            .collect::<Result<_, _>>()
            .map_err(StoreError::from_idb)?;
        let keys: Vec<JsValue> = object_store
            .get_all_keys()
            .primitive()
            .map_err(StoreError::from_idb)?
            .await
            .map_err(StoreError::from_idb)?
            .collect::<Result<_, _>>()
            .map_err(StoreError::from_idb)?;
        let keys = keys
            .into_iter()
            .map(|k| k.as_string().unwrap_or_else(|| format!("{k:?}")))
            .collect();
        Ok((values, keys))
    }
}

/// The property of an evidence record that holds the file's `Blob`.
const EVIDENCE_BLOB_FIELD: &str = "blob";

/// Records go through JSON text, the one serde format the app already carries for the CPI
/// API and export: every type's (de)serialisation is compiled once, not once per back-end
/// (`serde-wasm-bindgen` cost ~40 KB of its own plus a copy of every record type's code). The
/// browser's `JSON.parse` makes a plain object, whose key paths (`id`, `sha256`) resolve.
fn to_js<T: Serialize>(value: &T, store: StoreName) -> Result<JsValue, StoreError> {
    let text = serde_json::to_string(value)
        .map_err(|e| StoreError::Other(format!("cannot serialize a record for {}: {e}", store.as_str())))?;
    js_sys::JSON::parse(&text).map_err(|e| StoreError::Other(format!("{e:?}")))
}

fn from_js<T: serde::de::DeserializeOwned>(
    value: JsValue,
    store: StoreName,
    key: &str,
) -> Result<T, StoreError> {
    let corrupt = |reason: String| {
        StoreError::Corrupt(CorruptRecord {
            store,
            key: key.to_owned(),
            reason,
        })
    };
    let text = js_sys::JSON::stringify(&value)
        .ok()
        .and_then(|s| s.as_string())
        .ok_or_else(|| corrupt("not representable as JSON".to_owned()))?;
    serde_json::from_str(&text).map_err(|e| corrupt(e.to_string()))
}
