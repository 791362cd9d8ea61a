//! Attaching a file to a document of the dossier: PDF, JPEG or PNG (by its bytes, as core's
//! `evidence` rules say) up to 10 MB, hashed in
//! chunks with visible progress, stored in IndexedDB under its SHA-256, then shown with a
//! preview (images) and links to open and download it.

use chrono::Utc;
use leptos::prelude::*;
use sportello_core::content_hash::ContentHasher;
use sportello_core::evidence::{EvidenceKind, MAX_FILE_BYTES, sniff};
use sportello_core::libretto::FileRef;
use sportello_core::{EvidenceMeta, Lang};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::components::form::field_id;
use crate::components::store_error::StoreErrorMessage;
use crate::i18n::screen_lang;
use crate::i18n::{t, t_string, use_i18n};
use crate::store::{Store, StoreError};

const CHUNK: f64 = 1024.0 * 1024.0;
/// Enough of the file's start for `sniff` (a PDF header may follow up to 1 KB of junk).
const SNIFF_BYTES: f64 = 1024.0;
pub const FILE_FIELD: &str = "file";

#[derive(Clone, PartialEq)]
enum Problem {
    WrongType,
    TooBig,
    Unreadable,
    Store(StoreError),
}

/// "1,5 MB", "820,0 kB" ("1.5 MB" in English and Arabic): sizes as people read them. In whole tenths, without floats: float
/// formatting alone would add 10 kB to the wasm.
pub fn human_size(bytes: u64, lang: Lang) -> String {
    let (unit, name) = if bytes >= 1024 * 1024 {
        (1024 * 1024, "MB")
    } else {
        (1024, "kB")
    };
    // In u64: `u128` arithmetic and formatting would cost more code than the floats did.
    let tenths = bytes.saturating_mul(10).saturating_add(unit / 2) / unit;
    let separator = if matches!(lang, Lang::En | Lang::Ar) {
        '.'
    } else {
        ','
    };
    format!("{}{separator}{} {name}", tenths / 10, tenths % 10)
}

/// What the file is, from its first bytes (`sportello_core::evidence`): a name or a type the
/// browser reports can say anything.
async fn sniff_kind(file: &web_sys::File) -> Result<Option<EvidenceKind>, Problem> {
    let head = file
        .slice_with_f64_and_f64(0.0, file.size().min(SNIFF_BYTES))
        .map_err(|_| Problem::Unreadable)?;
    let buffer = JsFuture::from(head.array_buffer())
        .await
        .map_err(|_| Problem::Unreadable)?;
    Ok(sniff(&js_sys::Uint8Array::new(&buffer).to_vec()))
}

async fn hash_in_chunks(file: &web_sys::File, progress: RwSignal<Option<u8>>) -> Result<String, Problem> {
    let size = file.size();
    let mut hasher = ContentHasher::default();
    let mut start = 0.0;
    while start < size {
        let end = (start + CHUNK).min(size);
        let chunk = file
            .slice_with_f64_and_f64(start, end)
            .map_err(|_| Problem::Unreadable)?;
        let buffer = JsFuture::from(chunk.array_buffer())
            .await
            .map_err(|_| Problem::Unreadable)?;
        hasher.update(&js_sys::Uint8Array::new(&buffer).to_vec());
        start = end;
        progress.try_set(Some(((start / size) * 100.0) as u8));
    }
    Ok(hasher.finish())
}

async fn attach(file: web_sys::File, progress: RwSignal<Option<u8>>) -> Result<FileRef, Problem> {
    if file.size() > MAX_FILE_BYTES as f64 {
        return Err(Problem::TooBig);
    }
    let Some(kind) = sniff_kind(&file).await? else {
        return Err(Problem::WrongType);
    };
    progress.try_set(Some(0));
    let sha256 = hash_in_chunks(&file, progress).await?;
    let meta = EvidenceMeta {
        file: FileRef {
            sha256,
            nome: file.name(),
            tipo_mime: kind.mime_type().to_owned(),
            dimensione: file.size() as u64,
        },
        added_at: Utc::now(),
    };
    let store = Store::open().await.map_err(Problem::Store)?;
    store.put_evidence(&meta, &file).await.map_err(Problem::Store)?;
    Ok(meta.file)
}

#[component]
pub fn EvidenceFileField(value: crate::components::form::Bound<Option<FileRef>>) -> impl IntoView {
    let i18n = use_i18n();
    let progress = RwSignal::new(None::<u8>);
    let problem = RwSignal::new(None::<Problem>);
    let on_change = move |ev: leptos::ev::Event| {
        let Some(file) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .and_then(|input| input.files())
            .and_then(|files| files.get(0))
        else {
            return;
        };
        problem.set(None);
        leptos::task::spawn_local(async move {
            match attach(file, progress).await {
                Ok(file_ref) => value.set.run(Some(file_ref)),
                Err(p) => {
                    problem.try_set(Some(p));
                }
            }
            progress.try_set(None);
        });
    };
    let problem_view = move || {
        problem.get().map(|p| {
            let text = match &p {
                Problem::WrongType => t_string!(i18n, file_wrong_type).to_string(),
                Problem::TooBig => t_string!(i18n, file_too_big).to_string(),
                Problem::Unreadable => t_string!(i18n, file_unreadable).to_string(),
                Problem::Store(_) => String::new(),
            };
            match p {
                Problem::Store(error) => view! { <StoreErrorMessage error /> }.into_any(),
                _ => view! { <p class="field__message field__message--error" id="campo-file-messaggio" role="alert">{text}</p> }
                    .into_any(),
            }
        })
    };
    let id = field_id(FILE_FIELD);
    view! {
        <div class=move || if problem.with(Option::is_some) { "field field--error" } else { "field" }>
            <label class="field__label" for=id.clone()>{t!(i18n, file_label)}</label>
            <p class="field__hint" id="campo-file-hint">{t!(i18n, file_hint)}</p>
            {problem_view}
            <input
                type="file"
                id=id
                class="input input--file"
                accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png"
                aria-describedby="campo-file-hint"
                on:change=on_change
            />
            {move || progress.get().map(|p| view! {
                <div class="progress" role="status">
                    <label for="avanzamento-file">{t!(i18n, file_progress)}</label>
                    <progress id="avanzamento-file" max="100" value=p>{format!("{p}%")}</progress>
                </div>
            })}
            {move || value.get.get().map(|f| view! { <FilePreview file=f /> })}
        </div>
    }
}

/// The attached file: name, size, links to open and download, and a thumbnail for images.
#[component]
pub fn FilePreview(file: FileRef) -> impl IntoView {
    let i18n = use_i18n();
    let sha = file.sha256.clone();
    let url = LocalResource::new(move || {
        let sha = sha.clone();
        async move { object_url(&sha).await }
    });
    on_cleanup(move || {
        if let Some(Ok(Some(u))) = url.get_untracked() {
            let _ = web_sys::Url::revoke_object_url(&u);
        }
    });
    let size = human_size(file.dimensione, screen_lang().get_untracked());
    let is_image = file.tipo_mime.starts_with("image/");
    let name = file.nome.clone();
    view! {
        <div class="file-preview">
            <p>
                <strong class="file-preview__name">{file.nome.clone()}</strong>
                " (" {size} ")"
            </p>
            {move || match url.get() {
                None => view! { <p role="status">{t!(i18n, file_loading)}</p> }.into_any(),
                Some(Ok(Some(u))) => {
                    let name = name.clone();
                    view! {
                        {is_image.then(|| view! { <img class="file-preview__image" src=u.clone() alt="" /> })}
                        <p class="button-row">
                            <a class="button button--secondary" href=u.clone() target="_blank" rel="noopener">
                                {t!(i18n, file_open)}
                            </a>
                            <a class="button button--secondary" href=u download=name>{t!(i18n, file_download)}</a>
                        </p>
                    }
                    .into_any()
                }
                Some(Ok(None)) => view! { <p class="notice notice--warning">{t!(i18n, file_missing)}</p> }.into_any(),
                Some(Err(error)) => view! { <StoreErrorMessage error /> }.into_any(),
            }}
        </div>
    }
}

/// An object URL whose type is the allow-listed one recorded for the file, never the type the
/// stored `Blob` happens to carry (a record from an older version may carry anything): a type
/// off the list becomes `application/octet-stream`, which browsers download, never render.
async fn object_url(sha256: &str) -> Result<Option<String>, StoreError> {
    let store = Store::open().await?;
    let Some((meta, blob)) = store.get_evidence(sha256).await? else {
        return Ok(None);
    };
    let mime = EvidenceKind::from_mime_type(&meta.file.tipo_mime)
        .map_or("application/octet-stream", EvidenceKind::mime_type);
    let typed = blob
        .slice_with_f64_and_f64_and_content_type(0.0, blob.size(), mime)
        .map_err(|e| StoreError::Other(format!("{e:?}")))?;
    web_sys::Url::create_object_url_with_blob(&typed)
        .map(Some)
        .map_err(|e| StoreError::Other(format!("{e:?}")))
}
