//! Sending to the CPI through the outbox: exactly once, whatever happens to the network, the
//! server or the browser.
//!
//! The consent screen writes the frozen submission to the `outbox` store *before* anything
//! leaves the device. This module drains the outbox: it posts the submission with its
//! idempotency key, uploads each evidence file the CPI expects, and finally moves the
//! receipt to `submissions` and removes the item, in one transaction. Progress is written
//! after every step, so a reload, a reconnect (`online`) or a browser restart resumes where
//! it stopped, with the same key; the CPI answers a repeated key with the first receipt.
//! A failure that may pass (no network, server down) is retried with backoff; a refusal
//! (the CPI says the submission is not acceptable) waits for the citizen.

use std::time::Duration;

use chrono::Utc;
use leptos::prelude::*;
use sportello_core::{OutboxItem, SubmissionRecord};

use super::{Store, StoreError, StoreName};
use crate::api::{self, ApiFailure};

/// The app-wide sender. Lives as long as the app; screens read its signals.
#[derive(Clone, Copy)]
pub struct Outbox {
    /// Bumped after every change to the outbox or the receipts, so screens read them again.
    pub changed: RwSignal<u32>,
    /// The submission being sent now (its key) and its bytes confirmed / in all.
    pub sending: RwSignal<Option<(String, u64, u64)>>,
    running: StoredValue<bool>,
    again: StoredValue<bool>,
}

enum Failure {
    Api(ApiFailure),
    Store(StoreError),
    /// An evidence file of the frozen version is no longer on this device.
    FileMissing,
}

impl Failure {
    /// The code kept in the outbox and turned into words by the screens.
    fn code(&self) -> String {
        match self {
            Failure::Api(e) => e.code(),
            Failure::Store(_) => "storage".into(),
            Failure::FileMissing => "file_missing".into(),
        }
    }

    /// Whether trying again later may succeed without the citizen doing anything.
    fn is_temporary(&self) -> bool {
        match self {
            Failure::Api(e) => e.is_temporary(),
            Failure::Store(_) => true,
            Failure::FileMissing => false,
        }
    }
}

impl From<ApiFailure> for Failure {
    fn from(e: ApiFailure) -> Self {
        Failure::Api(e)
    }
}

impl From<StoreError> for Failure {
    fn from(e: StoreError) -> Self {
        Failure::Store(e)
    }
}

impl Outbox {
    /// Starts the sender for the whole app: now, and whenever the browser comes back online.
    pub fn provide() -> Self {
        let outbox = Self {
            changed: RwSignal::new(0),
            sending: RwSignal::new(None),
            running: StoredValue::new(false),
            again: StoredValue::new(false),
        };
        provide_context(outbox);
        let handle = window_event_listener(leptos::ev::online, move |_| outbox.kick());
        // The sender lives as long as the page: the listener is never removed.
        std::mem::forget(handle);
        outbox.kick();
        outbox
    }

    pub fn get() -> Self {
        expect_context::<Self>()
    }

    /// Writes a confirmed submission to the outbox, then starts sending it. Once this
    /// returns `Ok`, the submission will reach the CPI even if the tab closes now.
    pub async fn enqueue(self, item: &OutboxItem) -> Result<(), StoreError> {
        Store::open().await?.put(item).await?;
        self.changed.update(|n| *n += 1);
        self.kick();
        Ok(())
    }

    /// "Riprova ora": forget the backoff (and a refusal, after the citizen acted) and send.
    pub async fn retry_now(self, key: &str) -> Result<(), StoreError> {
        let store = Store::open().await?;
        if let Some(mut item) = store.get::<OutboxItem>(key).await? {
            item.next_attempt_at = None;
            item.refused = false;
            store.put(&item).await?;
        }
        self.kick();
        Ok(())
    }

    /// Drains the outbox unless a drain is running, in which case that one goes round again.
    pub fn kick(self) {
        if self.running.get_value() {
            self.again.set_value(true);
            return;
        }
        self.running.set_value(true);
        leptos::task::spawn_local(async move {
            loop {
                self.again.set_value(false);
                // The sender is a wasm chunk of its own (`components::on_demand`): a page
                // with nothing waiting to be sent does not download it.
                let next = if !waiting().await {
                    None
                } else {
                    match sender::drain_once(self).await {
                        Ok(drain) => drain.await,
                        // Offline before the sender arrived: coming back online kicks again.
                        Err(_) => Some(SENDER_RETRY),
                    }
                };
                if !self.again.get_value() {
                    self.running.set_value(false);
                    if let Some(wait) = next {
                        set_timeout(move || self.kick(), wait);
                    }
                    break;
                }
            }
        });
    }
}

/// Whether anything is in the outbox; a store that cannot be opened is logged by the sender.
async fn waiting() -> bool {
    match Store::open().await {
        Ok(store) => store.count(StoreName::Outbox).await.map_or(true, |n| n > 0),
        Err(_) => true,
    }
}

/// When to try again to fetch a sender that did not arrive.
const SENDER_RETRY: Duration = Duration::from_secs(30);

mod sender {
    use std::pin::Pin;

    use leptos::wasm_split::SplitLoaderError;

    use super::*;
    use crate::components::on_demand::split_fn;

    pub type Drain = Pin<Box<dyn Future<Output = Option<Duration>>>>;

    // Sending, from the sender's own chunk (see `components::on_demand`).
    split_fn!(
        outbox_sender,
        pub fn drain_once(outbox: Outbox) -> Result<Drain, SplitLoaderError> {
            Ok(Box::pin(outbox.drain_once()))
        }
    );
}

impl Outbox {
    /// Sends every item that is due; returns how long until the next one is.
    async fn drain_once(self) -> Option<Duration> {
        let store = match Store::open().await {
            Ok(s) => s,
            Err(e) => {
                leptos::logging::warn!("outbox: cannot open the store: {e}");
                return None;
            }
        };
        let items = match store.list::<OutboxItem>().await {
            Ok(listing) => listing.items,
            Err(e) => {
                leptos::logging::warn!("outbox: cannot read: {e}");
                return None;
            }
        };
        let mut next: Option<Duration> = None;
        for mut item in items.into_iter().filter(|i| !i.refused) {
            if item.next_attempt_at.is_none_or(|at| at <= Utc::now()) {
                if let Err(failure) = self.send(&store, &mut item).await {
                    record_failure(&store, &mut item, failure).await;
                }
                self.sending.set(None);
                self.changed.update(|n| *n += 1);
            }
            // An item still waiting (just failed, or not yet due) says when to look again.
            let now = Utc::now();
            if let Some(at) = item.next_attempt_at.filter(|at| !item.refused && *at > now) {
                let wait = (at - now).to_std().unwrap_or_default();
                next = Some(next.map_or(wait, |n| n.min(wait)));
            }
        }
        next
    }

    async fn send(self, store: &Store, item: &mut OutboxItem) -> Result<(), Failure> {
        let key = item.idempotency_key.clone();
        let (done, total) = item.progress();
        self.sending.set(Some((key.clone(), done, total)));
        let receipt = match item.receipt.clone() {
            Some(r) => r,
            None => {
                let r = api::submit(&key, &item.request).await?;
                item.receipt = Some(r.clone());
                item.last_error = None;
                store.put(item).await?;
                self.changed.update(|n| *n += 1);
                r
            }
        };
        for file in item.files_to_upload() {
            let Some((_, blob)) = store.get_evidence(&file.sha256).await? else {
                return Err(Failure::FileMissing);
            };
            api::upload_evidence(&receipt.submission_id, &receipt.status_token, &file.sha256, &blob).await?;
            item.uploaded.push(file.sha256.clone());
            store.put(item).await?;
            let (done, total) = item.progress();
            self.sending.set(Some((key.clone(), done, total)));
        }
        let record = SubmissionRecord::from_sent(item, &receipt);
        store.finish_submission(&record, &key).await?;
        Ok(())
    }
}

/// Notes a failed attempt on the item: why, and either when to try again or that it waits
/// for the citizen.
async fn record_failure(store: &Store, item: &mut OutboxItem, failure: Failure) {
    if let Failure::Store(e) = &failure {
        leptos::logging::warn!("outbox: storage failed while sending: {e}");
    }
    item.attempts = item.attempts.saturating_add(1);
    item.last_error = Some(failure.code());
    if failure.is_temporary() {
        let wait = chrono::Duration::seconds(OutboxItem::backoff_seconds(item.attempts));
        item.next_attempt_at = Some(Utc::now() + wait);
    } else {
        item.refused = true;
    }
    if let Err(e) = store.put(item).await {
        leptos::logging::warn!("outbox: cannot record a failed attempt: {e}");
    }
}

/// Where a submission of this device is, found by its idempotency key.
#[derive(Debug, Clone)]
pub enum Sent {
    Waiting(OutboxItem),
    Done(SubmissionRecord),
    Missing,
}

pub async fn find_sent(key: &str) -> Result<Sent, StoreError> {
    let store = Store::open().await?;
    if let Some(item) = store.get::<OutboxItem>(key).await? {
        return Ok(Sent::Waiting(item));
    }
    let done = store.list::<SubmissionRecord>().await?.items;
    Ok(done
        .into_iter()
        .find(|r| r.idempotency_key == key)
        .map_or(Sent::Missing, Sent::Done))
}

/// One version of a draft that left, or is leaving, this device.
#[derive(Debug, Clone, PartialEq)]
pub struct SentVersion {
    pub version: u32,
    pub idempotency_key: String,
    /// `None` while it is still in the outbox.
    pub receipt_code: Option<String>,
    pub at: chrono::DateTime<Utc>,
    /// The CPI's outcome and notes, once the version was reviewed and the status refreshed.
    pub review: Option<sportello_core::cpi::review::ReviewForCitizen>,
    /// The programme the citizen asked about with this version.
    pub interest: Option<sportello_core::cpi::Interest>,
}

/// The versions of a draft sent or waiting to be, oldest first.
pub async fn versions_of(draft_id: sportello_core::DraftId) -> Result<Vec<SentVersion>, StoreError> {
    let store = Store::open().await?;
    let done = store.list::<SubmissionRecord>().await?.items;
    let waiting = store.list::<OutboxItem>().await?.items;
    let mut versions: Vec<SentVersion> = done
        .into_iter()
        .filter(|r| r.request.draft_id == draft_id)
        .map(|r| SentVersion {
            version: r.request.version,
            idempotency_key: r.idempotency_key,
            receipt_code: Some(r.receipt_code),
            at: r.submitted_at,
            review: r.review,
            interest: r.request.interest,
        })
        .chain(
            waiting
                .into_iter()
                .filter(|o| o.request.draft_id == draft_id)
                .map(|o| SentVersion {
                    version: o.request.version,
                    idempotency_key: o.idempotency_key,
                    receipt_code: None,
                    at: o.created_at,
                    review: None,
                    interest: o.request.interest,
                }),
        )
        .collect();
    versions.sort_by_key(|v| v.version);
    Ok(versions)
}

/// Asks the CPI for each receipt's status (all of them, or one draft's) and stores what it
/// says; a status that cannot be read now keeps the last one known (and its date).
pub async fn refresh_statuses(outbox: Outbox, draft_id: Option<sportello_core::DraftId>) {
    let Ok(store) = Store::open().await else { return };
    let Ok(listing) = store.list::<SubmissionRecord>().await else {
        return;
    };
    let records = listing
        .items
        .into_iter()
        .filter(|r| draft_id.is_none_or(|d| r.request.draft_id == d));
    let mut stored = false;
    for mut record in records {
        if let Ok(status) = api::status(&record.submission_id, &record.status_token).await {
            record.status = status.status;
            record.review = status.review;
            record.last_checked_at = Some(Utc::now());
            stored |= store.put(&record).await.is_ok();
        }
    }
    // One redraw for the whole round, not one per receipt.
    if stored {
        outbox.changed.update(|n| *n += 1);
    }
}
