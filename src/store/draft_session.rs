//! The draft being edited: one signal the screens change, saved to IndexedDB behind them.
//!
//! Every edit is written at once: a crash, a killed tab or a flat battery fires no `pagehide`,
//! so anything held back behind a timer would be lost. One write is in flight at a time;
//! edits made while it runs are coalesced into the next one, so fast typing costs one write
//! per write's duration, not one per keystroke. The save is conditional on the revision this
//! tab last saw ([`Store::save_draft`]), and every save is announced to the other tabs on a
//! `BroadcastChannel`: two tabs editing one draft never silently overwrite each other, and a
//! tab with nothing unsaved simply picks up the other's changes.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use chrono::{DateTime, Local, Utc};
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use serde::{Deserialize, Serialize};
use sportello_core::Draft;
use sportello_core::libretto::validation::{Finding, validate};
use sportello_core::libretto::{Entry, ItemId, Libretto};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;

use super::{Store, StoreError};

const CHANNEL: &str = "sportello-drafts";
/// User Timing names for each autosave write, read by the typing bench (`cargo xtask bench`).
const WRITE_MARK: &str = "sportello-autosave-start";
const WRITE_MEASURE: &str = "sportello-autosave";

/// What the save indicator says.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveStatus {
    /// Loaded, nothing changed yet.
    Unchanged,
    Saving,
    Saved(DateTime<Local>),
    Failed(StoreError),
    /// Another tab saved a newer revision while this one had unsaved changes.
    Conflict,
}

#[derive(Serialize, Deserialize)]
struct SavedMessage {
    id: String,
    revision: u64,
}

type Handoff = Rc<RefCell<Option<Draft>>>;

thread_local! {
    /// Draft writes started and not yet ended, in every session of this page.
    static WRITING: Cell<u32> = const { Cell::new(0) };
}

/// One write in flight, counted in [`WRITING`] until dropped, whichever way the write ends.
struct Writing;

impl Writing {
    fn start() -> Self {
        WRITING.with(|w| w.set(w.get() + 1));
        Self
    }
}

impl Drop for Writing {
    fn drop(&mut self) {
        WRITING.with(|w| w.set(w.get().saturating_sub(1)));
    }
}

/// Resolves once no draft is being written, or after five seconds (a write that hangs must
/// not hold the page for ever): what the page waits for before it reloads itself, since a
/// write still running when a page unloads may be lost.
pub async fn writes_settled() {
    for _ in 0..100 {
        if WRITING.with(Cell::get) == 0 {
            return;
        }
        let tick = js_sys::Promise::new(&mut |resolve, _| {
            let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 50);
        });
        let _ = wasm_bindgen_futures::JsFuture::from(tick).await;
    }
}

#[derive(Clone, Copy)]
pub struct DraftSession {
    pub draft: RwSignal<Draft>,
    /// Everything validation has to say about the draft, recomputed once per change.
    pub findings: Memo<Vec<Finding>>,
    pub status: RwSignal<SaveStatus>,
    /// The stored revision this tab's copy is based on.
    base_revision: StoredValue<u64>,
    /// Edits not yet written.
    dirty: StoredValue<bool>,
    saving: StoredValue<bool>,
    /// Kept open for the session: opening IndexedDB per keystroke would double each write.
    store: StoredValue<Option<SendWrapper<Store>>>,
    /// Edits made during the last write of a screen being left: the write in flight outlives
    /// the session's signals, and picks these up from here.
    handoff: StoredValue<SendWrapper<Handoff>>,
    /// The files the last saved copy refers to: when a save drops one, its bytes may be freed.
    files: StoredValue<Vec<String>>,
    channel: StoredValue<Option<SendWrapper<web_sys::BroadcastChannel>>>,
}

impl DraftSession {
    /// Starts editing a loaded draft; listeners live as long as the calling owner.
    pub fn start(draft: Draft) -> Self {
        let draft = RwSignal::new(draft);
        let findings = Memo::new(move |_| draft.with(|d| validate(&d.libretto, Local::now().date_naive())));
        let session = Self {
            base_revision: StoredValue::new(draft.with_untracked(|d| d.revision)),
            draft,
            findings,
            status: RwSignal::new(SaveStatus::Unchanged),
            dirty: StoredValue::new(false),
            saving: StoredValue::new(false),
            store: StoredValue::new(None),
            handoff: StoredValue::new(SendWrapper::new(Handoff::default())),
            files: StoredValue::new(draft.with_untracked(file_hashes)),
            channel: StoredValue::new(None),
        };
        session.listen();
        session
    }

    /// Changes the Libretto and saves it; nothing happens once the screen is gone (an answer
    /// arriving late, such as a file still hashing).
    pub fn edit(&self, f: impl FnOnce(&mut Libretto)) {
        if self.draft.try_update(|d| f(&mut d.libretto)).is_some() {
            self.changed();
        }
    }

    pub fn rename(&self, name: String) {
        self.draft.update(|d| d.name = name);
        self.changed();
    }

    /// One part of the Libretto (a single-form section), for a form to bind its fields to.
    pub fn part<T: Default + 'static>(
        &self,
        read: fn(&Libretto) -> &T,
        write: fn(&mut Libretto) -> &mut T,
    ) -> Lens<T> {
        Lens {
            session: *self,
            locate: StoredValue::new(Locate {
                read: Box::new(move |l| Some(read(l))),
                write: Box::new(move |l| Some(write(l))),
            }),
        }
    }

    /// One entry of a repeated section, found by its id at every read and write; `None` if
    /// there is no such entry now.
    pub fn entry<E>(&self, id: &ItemId) -> Option<Lens<E>>
    where
        E: Entry + Send + Sync,
    {
        let exists = self
            .draft
            .with_untracked(|d| E::list(&d.libretto).iter().any(|e| e.id() == id));
        let (id, id2) = (id.clone(), id.clone());
        exists.then(|| Lens {
            session: *self,
            locate: StoredValue::new(Locate {
                read: Box::new(move |l| E::list(l).iter().find(|e| *e.id() == id)),
                write: Box::new(move |l| E::list_mut(l).iter_mut().find(|e| *e.id() == id2)),
            }),
        })
    }

    fn changed(&self) {
        self.dirty.set_value(true);
        if !matches!(self.status.get_untracked(), SaveStatus::Conflict) {
            self.status.set(SaveStatus::Saving);
        }
        self.flush();
    }

    /// Starts writing pending edits unless a write is already running (which picks them up
    /// when it ends). What to write is taken at once: the page may be gone by the time the
    /// write ends, so the asynchronous part only reports back if the session still exists.
    pub fn flush(&self) {
        let ready = self.dirty.try_get_value() == Some(true)
            && self.saving.try_get_value() == Some(false)
            && self
                .status
                .try_get_untracked()
                .is_some_and(|s| s != SaveStatus::Conflict);
        if !ready {
            return;
        }
        let (Some(mut draft), Some(base), Some(handoff)) = (
            self.draft.try_get_untracked(),
            self.base_revision.try_get_value(),
            self.handoff.try_with_value(|h| Rc::clone(h)),
        ) else {
            return;
        };
        draft.revision = base;
        draft.touch(Utc::now());
        self.saving.set_value(true);
        self.dirty.set_value(false);
        timing(|p| p.mark(WRITE_MARK).map(|_| ()));
        let session = *self;
        let writing = Writing::start();
        leptos::task::spawn_local(async move {
            session.save(draft, base, handoff).await;
            drop(writing);
        });
    }

    async fn save(self, draft: Draft, base: u64, handoff: Handoff) {
        let result = match self.open_store().await {
            Ok(store) => store.save_draft(&draft, base).await.map(|()| store),
            Err(e) => Err(e),
        };
        timing(|p| p.measure_with_start_mark(WRITE_MEASURE, WRITE_MARK).map(|_| ()));
        if self.saving.try_set_value(false).is_some() {
            // The citizen left the Libretto while this was written; what they typed in the
            // meantime was handed over on the way out.
            let left = handoff.borrow_mut().take();
            if let (Ok(store), Some(mut last)) = (result, left) {
                last.revision = draft.revision;
                last.touch(Utc::now());
                let _ = store.save_draft(&last, draft.revision).await;
            }
            return;
        }
        let result = result.map(|_| ());
        match result {
            Ok(()) => {
                self.base_revision.set_value(draft.revision);
                let now = file_hashes(&draft);
                let dropped = self
                    .files
                    .with_value(|before| before.iter().any(|f| !now.contains(f)));
                self.files.set_value(now);
                if dropped && let Ok(store) = self.open_store().await {
                    // Best effort, beside the saves: a file left behind is freed at a later
                    // removal or by "erase everything".
                    leptos::task::spawn_local(async move {
                        let _ = store.free_unreferenced_evidence().await;
                    });
                }
                self.draft.update_untracked(|d| {
                    d.revision = draft.revision;
                    d.updated_at = draft.updated_at;
                });
                self.announce(draft.revision);
                if self.dirty.get_value() {
                    self.flush();
                } else {
                    self.status
                        .set(SaveStatus::Saved(draft.updated_at.with_timezone(&Local)));
                }
            }
            Err(StoreError::Conflict { .. }) => {
                self.dirty.set_value(true);
                self.status.set(SaveStatus::Conflict);
            }
            Err(e) => {
                // Keep the edits: the next change or a flush tries again.
                self.dirty.set_value(true);
                self.status.set(SaveStatus::Failed(e));
            }
        }
    }

    async fn open_store(&self) -> Result<Store, StoreError> {
        if let Some(Some(store)) = self.store.try_with_value(|s| s.as_ref().map(|s| (**s).clone())) {
            return Ok(store);
        }
        let store = Store::open().await?;
        self.store.try_set_value(Some(SendWrapper::new(store.clone())));
        Ok(store)
    }

    /// Resolves a conflict by writing this tab's version over the other one.
    pub fn keep_mine(&self) {
        let session = *self;
        leptos::task::spawn_local(async move {
            let stored = match session.open_store().await {
                Ok(store) => {
                    store
                        .get::<Draft>(&session.draft.with_untracked(|d| d.id.to_string()))
                        .await
                }
                Err(e) => Err(e),
            };
            match stored {
                Ok(Some(stored)) => session.base_revision.set_value(stored.revision),
                Ok(None) => {}
                Err(e) => return session.status.set(SaveStatus::Failed(e)),
            }
            session.status.set(SaveStatus::Saving);
            session.dirty.set_value(true);
            session.flush();
        });
    }

    /// Whether edits are waiting to be written (the page warns before leaving).
    pub fn has_unsaved(&self) -> bool {
        self.dirty.get_value() || self.saving.get_value()
    }

    fn announce(&self, revision: u64) {
        let id = self.draft.with_untracked(|d| d.id.to_string());
        self.channel.with_value(|c| {
            if let Some(channel) = c
                && let Ok(msg) = serde_json::to_string(&SavedMessage { id, revision })
            {
                let _ = channel.post_message(&wasm_bindgen::JsValue::from_str(&msg));
            }
        });
    }

    fn listen(&self) {
        let session = *self;
        let hidden = window_event_listener(leptos::ev::visibilitychange, move |_| {
            if document().hidden() {
                session.flush();
            }
        });
        let pagehide = window_event_listener(leptos::ev::pagehide, move |_| session.flush());

        let channel = web_sys::BroadcastChannel::new(CHANNEL).ok();
        let on_message =
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
                let Some(Ok(msg)) = ev
                    .data()
                    .as_string()
                    .map(|s| serde_json::from_str::<SavedMessage>(&s))
                else {
                    return;
                };
                session.other_tab_saved(msg);
            });
        if let Some(c) = &channel {
            c.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        }
        self.channel.set_value(channel.map(SendWrapper::new));
        let on_message = SendWrapper::new(on_message);
        let handles = SendWrapper::new((hidden, pagehide));
        on_cleanup(move || {
            if session.saving.try_get_value() == Some(true) && session.dirty.try_get_value() == Some(true) {
                let last = session.draft.try_get_untracked();
                session.handoff.with_value(|h| *h.borrow_mut() = last);
            }
            session.flush();
            let (hidden, pagehide) = handles.take();
            hidden.remove();
            pagehide.remove();
            if let Some(c) = session.channel.try_update_value(Option::take).flatten() {
                c.set_onmessage(None);
                c.close();
            }
            drop(on_message);
        });
    }

    fn other_tab_saved(&self, msg: SavedMessage) {
        let ours = self.draft.with_untracked(|d| d.id.to_string());
        if msg.id != ours || msg.revision <= self.base_revision.get_value() {
            return;
        }
        if self.has_unsaved() {
            self.status.set(SaveStatus::Conflict);
            return;
        }
        // Nothing of ours would be lost: show what the other tab saved.
        reload_page();
    }
}

fn file_hashes(d: &Draft) -> Vec<String> {
    d.libretto
        .evidence_files()
        .into_iter()
        .map(|f| f.sha256)
        .collect()
}

/// Records a User Timing entry; timing is best effort and never stops a save.
fn timing(f: impl FnOnce(&web_sys::Performance) -> Result<(), wasm_bindgen::JsValue>) {
    if let Some(performance) = window().performance() {
        let _ = f(&performance);
    }
}

type Read<T> = Box<dyn for<'a> Fn(&'a Libretto) -> Option<&'a T> + Send + Sync>;
type Write<T> = Box<dyn for<'a> Fn(&'a mut Libretto) -> Option<&'a mut T> + Send + Sync>;

struct Locate<T: 'static> {
    read: Read<T>,
    write: Write<T>,
}

/// A view into one part of the draft: reads and writes go straight to the session's one
/// draft signal, with no copy to keep in sync, so that forms bind to plain struct fields
/// (`bind!(entry, datore)`). Every write is an [`DraftSession::edit`], saved at once.
pub struct Lens<T: 'static> {
    session: DraftSession,
    locate: StoredValue<Locate<T>>,
}

impl<T: 'static> Clone for Lens<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: 'static> Copy for Lens<T> {}

impl<T: Default + 'static> Lens<T> {
    /// Reads the part, tracking changes; a part that has gone (an entry removed in another
    /// tab) reads as empty rather than failing.
    pub fn with<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        self.session.draft.with(|d| self.read(&d.libretto, f))
    }

    pub fn with_untracked<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        self.session.draft.with_untracked(|d| self.read(&d.libretto, f))
    }

    fn read<R>(&self, l: &Libretto, f: impl FnOnce(&T) -> R) -> R {
        match self.locate.try_with_value(|loc| (loc.read)(l)).flatten() {
            Some(t) => f(t),
            None => f(&T::default()),
        }
    }

    /// Changes the part and saves; `None` if the screen is gone or the part no longer exists.
    pub fn try_update(&self, f: impl FnOnce(&mut T)) -> Option<()> {
        let locate = self.locate;
        let mut done = None;
        self.session.edit(|l| {
            if let Some(t) = locate.try_with_value(move |loc| (loc.write)(l)).flatten() {
                f(t);
                done = Some(());
            }
        });
        done
    }

    pub fn update(&self, f: impl FnOnce(&mut T)) {
        let _ = self.try_update(f);
    }
}

/// Starts over from what is stored (after a conflict, "use the saved version").
pub fn reload_page() {
    let _ = window().location().reload();
}

/// Loads a draft for editing, bringing older shapes up to date.
pub async fn load_draft(id: &str) -> Result<Option<Draft>, StoreError> {
    let store = Store::open().await?;
    let draft = store.get::<Draft>(id).await?;
    Ok(draft.map(|mut d| {
        d.upgrade();
        d
    }))
}
