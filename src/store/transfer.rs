//! Export and import of a draft as a file, with its evidence files read from or written to
//! the store. The format itself (versions, checks) lives in `sportello_core::libretto::export`.

use chrono::Utc;
use sportello_core::libretto::FileRef;
use sportello_core::libretto::cv_import::CvImport;
use sportello_core::libretto::export::{ImportError, Imported, export};
use sportello_core::libretto::incoming;
pub use sportello_core::libretto::incoming::Incoming;
use sportello_core::libretto::{europass, json_resume};
use sportello_core::{Draft, DraftId, EvidenceMeta};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::{Store, StoreError};

/// The export file's text; with `include_files`, every attached file is embedded.
/// Returns the JSON and how many attached files were not found on this device.
pub async fn export_json(draft: &Draft, include_files: bool) -> Result<(String, usize), StoreError> {
    let mut files: Vec<(FileRef, Vec<u8>)> = Vec::new();
    let mut missing = 0;
    if include_files {
        let store = Store::open().await?;
        let refs: Vec<FileRef> = draft
            .libretto
            .evidenze
            .iter()
            .filter_map(|e| e.file.clone())
            .collect();
        for r in refs {
            if files.iter().any(|(f, _)| f.sha256 == r.sha256) {
                continue;
            }
            match store.get_evidence(&r.sha256).await? {
                Some((_, blob)) => files.push((r, blob_bytes(&blob).await?)),
                None => missing += 1,
            }
        }
    }
    let doc = export(draft, &files, Utc::now());
    let json = serde_json::to_string(&doc).map_err(|e| StoreError::Other(e.to_string()))?;
    Ok((json, missing))
}

pub async fn blob_bytes(blob: &web_sys::Blob) -> Result<Vec<u8>, StoreError> {
    let buffer = JsFuture::from(blob.array_buffer())
        .await
        .map_err(|e| StoreError::Other(format!("{e:?}")))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Reads a chosen file and tells what it is by its bytes (`sportello_core::libretto::incoming`).
pub async fn read_import(file: &web_sys::File) -> Result<Incoming, ImportProblem> {
    let bytes = blob_bytes(file).await.map_err(|_| ImportProblem::Unreadable)?;
    incoming::read(&bytes).map_err(ImportProblem::Format)
}

/// Stores a CV's Libretto as a new draft (never over an existing one); returns its id.
pub async fn save_cv(cv: CvImport, name: String) -> Result<DraftId, StoreError> {
    let store = Store::open().await?;
    let mut draft = Draft::new(name, Utc::now());
    draft.libretto = cv.libretto;
    store.put(&draft).await?;
    Ok(draft.id)
}

/// The Libretto as a JSON Resume CV file.
pub fn export_cv(draft: &Draft) -> Result<String, StoreError> {
    serde_json::to_string_pretty(&json_resume::export(&draft.libretto, Utc::now()))
        .map_err(|e| StoreError::Other(e.to_string()))
}

/// The Libretto as a Europass CV (v3.4 XML).
pub fn export_europass(draft: &Draft) -> String {
    europass::export(&draft.libretto, Utc::now())
}

#[derive(Debug, Clone, PartialEq)]
pub enum ImportProblem {
    Unreadable,
    Format(ImportError),
    Store(StoreError),
}

/// How to store an imported draft when one with the same id is already here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportMode {
    /// Nothing with that id exists, or the citizen chose to replace it.
    Replace,
    /// Keep both: the import becomes a new draft.
    Copy,
}

/// Stores the imported files and the draft; returns the id it was stored under.
pub async fn save_import(
    imported: Imported,
    mode: ImportMode,
    copy_suffix: &str,
) -> Result<DraftId, StoreError> {
    let store = Store::open().await?;
    for f in &imported.files {
        let blob = bytes_to_blob(&f.bytes, &f.meta.tipo_mime)?;
        let meta = EvidenceMeta {
            file: f.meta.clone(),
            added_at: Utc::now(),
        };
        store.put_evidence(&meta, &blob).await?;
    }
    let mut draft = imported.draft;
    match mode {
        ImportMode::Copy => {
            draft.id = DraftId::new_random();
            draft.name = format!("{} {copy_suffix}", draft.name);
            draft.revision = 0;
        }
        ImportMode::Replace => {
            // Above whatever is stored, so an open tab on the old copy sees a conflict
            // instead of writing over the import.
            let stored = store.get::<Draft>(&draft.id.to_string()).await.ok().flatten();
            draft.revision = stored.map_or(draft.revision, |s| s.revision.max(draft.revision) + 1);
        }
    }
    store.put(&draft).await?;
    Ok(draft.id)
}

fn bytes_to_blob(bytes: &[u8], mime: &str) -> Result<web_sys::Blob, StoreError> {
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .map_err(|e| StoreError::Other(format!("{e:?}")))
}

/// Offers text as a file download, without any request leaving the browser.
pub fn download(text: &str, file_name: &str, mime: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = leptos::prelude::document();
    let a: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    a.set_href(&url);
    a.set_download(file_name);
    a.click();
    web_sys::Url::revoke_object_url(&url)
}
