//! The database's shape, version by version.
//!
//! Each version has one upgrade step and steps only ever add: a browser that last ran an old
//! release upgrades by running every step after the version it has, in order, inside the one
//! `versionchange` transaction, so an interrupted upgrade leaves the old database untouched.
//! A new version gets a new step and a fixture test that opens the old shape with data in it.

use futures::FutureExt;
use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;

use super::StoreError;

pub const DB_NAME: &str = "sportello";

/// The schema version this build writes. Raise it only together with a new step below.
pub const SCHEMA_VERSION: u32 = 2;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoreName {
    Drafts,
    Evidence,
    Outbox,
    Submissions,
    Simulations,
}

impl StoreName {
    pub const ALL: [StoreName; 5] = [
        StoreName::Drafts,
        StoreName::Evidence,
        StoreName::Outbox,
        StoreName::Submissions,
        StoreName::Simulations,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            StoreName::Drafts => "drafts",
            StoreName::Evidence => "evidence",
            StoreName::Outbox => "outbox",
            StoreName::Submissions => "submissions",
            StoreName::Simulations => "simulations",
        }
    }

    /// The property of the serialized record that is its key.
    const fn key_path(self) -> &'static str {
        match self {
            StoreName::Drafts => "id",
            StoreName::Evidence => "sha256",
            StoreName::Outbox => "idempotency_key",
            StoreName::Submissions => "submission_id",
            StoreName::Simulations => "id",
        }
    }
}

/// The stores each version adds.
fn step(version: u32) -> &'static [StoreName] {
    match version {
        // v1: what the first release kept — drafts and their evidence files.
        1 => &[StoreName::Drafts, StoreName::Evidence],
        // v2: sending to the CPI and saving simulations.
        2 => &[StoreName::Outbox, StoreName::Submissions, StoreName::Simulations],
        _ => &[],
    }
}

pub(super) async fn open(name: &str, version: u32) -> Result<Database, StoreError> {
    let (blocked_tx, blocked_rx) = futures::channel::oneshot::channel::<()>();
    let request = Database::open(name)
        .with_version(version)
        .with_on_blocked(move |_event| {
            // Another tab holds an older connection open; tell the caller now rather than
            // leaving the page waiting for a tab the citizen may have forgotten.
            let _ = blocked_tx.send(());
            Ok(())
        })
        .with_on_upgrade_needed(move |event, db| {
            let from = event.old_version() as u32;
            let to = event.new_version().map_or(version, |v| v as u32);
            for v in (from + 1)..=to {
                for store in step(v) {
                    db.create_object_store(store.as_str())
                        .with_key_path(store.key_path().into())
                        .build()?;
                }
            }
            Ok(())
        })
        .into_future()
        .fuse();
    let blocked = blocked_rx.fuse();
    futures::pin_mut!(request, blocked);
    futures::select! {
        opened = request => opened.map_err(StoreError::from_open),
        _ = blocked => Err(StoreError::Blocked),
    }
}
