//! Export (on the task list) and import (on the drafts page) of a Libretto as a file.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use sportello_core::libretto::cv_import::{CvImport, CvSection, LeftOut};
use sportello_core::libretto::export::{ImportError, Imported};
use sportello_core::{Draft, DraftId};
use wasm_bindgen::JsCast;

use super::draft::use_session;
use crate::components::form::Bound;
use crate::components::form::choice::Checkbox;
use crate::components::store_error::StoreErrorMessage;
use crate::i18n::{t, t_string, use_i18n};
use crate::store::transfer::{
    ImportMode, ImportProblem, Incoming, download, export_cv, export_europass, export_json, read_import,
    save_cv, save_import,
};
use crate::store::{Store, StoreError};
use crate::tr;

#[component]
pub fn ExportPanel() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let include = RwSignal::new(true);
    let outcome = RwSignal::new(None::<Result<Exported, StoreError>>);
    let export = move |_| {
        session.flush();
        let draft = session.draft.get_untracked();
        leptos::task::spawn_local(async move {
            let result = export_json(&draft, include.get_untracked())
                .await
                .and_then(|(json, missing)| {
                    offer(
                        &json,
                        &format!("libretto-sportello-{}.json", today()),
                        "application/json",
                    )
                    .map(|()| Exported::Libretto { missing })
                });
            outcome.try_set(Some(result));
        });
    };
    let export_as_cv = move |_| {
        session.flush();
        let result = session.draft.with_untracked(export_cv).and_then(|json| {
            offer(
                &json,
                &format!("cv-sportello-{}.json", today()),
                "application/json",
            )
            .map(|()| Exported::Cv)
        });
        outcome.set(Some(result));
    };
    let export_as_europass = move |_| {
        session.flush();
        let xml = session.draft.with_untracked(export_europass);
        let result = offer(
            &xml,
            &format!("europass-sportello-{}.xml", today()),
            "application/xml",
        )
        .map(|()| Exported::Cv);
        outcome.set(Some(result));
    };
    view! {
        <section class="panel" aria-labelledby="esporta-titolo">
            <h2 id="esporta-titolo">{t!(i18n, export_heading)}</h2>
            <p>{t!(i18n, export_text)}</p>
            <Checkbox field="includi_file" label=tr!(i18n, export_include_files)
                value=Bound::from(include) />
            <button type="button" class="button button--secondary" on:click=export>{t!(i18n, export_button)}</button>
            <p>{t!(i18n, export_cv_text)}</p>
            <div class="button-row">
                <button type="button" class="button button--secondary" on:click=export_as_cv>{t!(i18n, export_cv_button)}</button>
                <button type="button" class="button button--secondary" on:click=export_as_europass>{t!(i18n, export_europass_button)}</button>
            </div>
            {move || outcome.get().map(|r| match r {
                Ok(Exported::Libretto { missing: 0 } | Exported::Cv) => view! {
                    <p class="notice notice--success" role="status">{t!(i18n, export_done)}</p>
                }.into_any(),
                Ok(Exported::Libretto { .. }) => view! {
                    <p class="notice notice--warning" role="status">{t!(i18n, export_done_missing)}</p>
                }.into_any(),
                Err(error) => view! { <StoreErrorMessage error /> }.into_any(),
            })}
        </section>
    }
}

/// What the last export wrote.
#[derive(Debug, Clone, PartialEq)]
enum Exported {
    /// The Libretto file; `missing`: documents whose file was not on this device.
    Libretto {
        missing: usize,
    },
    Cv,
}

fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

fn offer(text: &str, name: &str, mime: &str) -> Result<(), StoreError> {
    download(text, name, mime).map_err(|e| StoreError::Other(format!("{e:?}")))
}

fn import_message(i18n: crate::I18n, p: &ImportProblem) -> String {
    match p {
        ImportProblem::Unreadable => t_string!(i18n, import_unreadable).to_string(),
        ImportProblem::Format(ImportError::NotJson { line, column }) => t_string!(i18n, import_not_json)
            .replace("%l", &line.to_string())
            .replace("%c", &column.to_string()),
        ImportProblem::Format(ImportError::NotAnExport) => t_string!(i18n, import_not_export).to_string(),
        ImportProblem::Format(ImportError::NotXml { line, column }) => t_string!(i18n, import_not_xml)
            .replace("%l", &line.to_string())
            .replace("%c", &column.to_string()),
        ImportProblem::Format(ImportError::TooLarge) => t_string!(i18n, import_too_large).to_string(),
        ImportProblem::Format(ImportError::PdfWithoutCv) => {
            t_string!(i18n, import_pdf_without_cv).to_string()
        }
        ImportProblem::Format(ImportError::NewerVersion { found }) => {
            t_string!(i18n, import_newer).replace("%s", &found.to_string())
        }
        ImportProblem::Format(ImportError::Invalid { line, column, .. }) => t_string!(i18n, import_invalid)
            .replace("%l", &line.to_string())
            .replace("%c", &column.to_string()),
        ImportProblem::Format(ImportError::FileDamaged { name }) => {
            t_string!(i18n, import_file_damaged).replace("%s", name)
        }
        ImportProblem::Format(ImportError::FileNotAllowed { name }) => {
            t_string!(i18n, import_file_not_allowed).replace("%s", name)
        }
        ImportProblem::Store(_) => String::new(),
    }
}

/// Choosing a file, checking it, and asking before replacing a draft that is already here.
#[component]
pub fn ImportPanel() -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let problem = RwSignal::new(None::<ImportProblem>);
    // A valid import whose draft already exists here, waiting for the citizen's choice.
    let pending = RwSignal::new(None::<(Imported, String)>);
    // A CV holding things the Libretto cannot, listed until the citizen imports it or not.
    let pending_cv = RwSignal::new(None::<CvImport>);
    // Opens the draft just stored, or says why it could not be stored.
    let settle = move |saved: Result<DraftId, StoreError>| match saved {
        Ok(id) => navigate(&format!("/libretto/{id}"), Default::default()),
        Err(e) => {
            problem.try_set(Some(ImportProblem::Store(e)));
        }
    };
    let finish_cv = {
        let settle = settle.clone();
        move |cv: CvImport| {
            let settle = settle.clone();
            let name = t_string!(i18n, import_cv_draft_name).replace("%s", &cv.name);
            leptos::task::spawn_local(async move { settle(save_cv(cv, name).await) });
        }
    };
    let finish = move |imported: Imported, mode: ImportMode| {
        let settle = settle.clone();
        let suffix = t_string!(i18n, import_copy_suffix).to_string();
        leptos::task::spawn_local(async move { settle(save_import(imported, mode, &suffix).await) });
    };
    let on_change = {
        let finish = finish.clone();
        let finish_cv = finish_cv.clone();
        move |ev: leptos::ev::Event| {
            let Some(file) = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                .and_then(|i| i.files())
                .and_then(|f| f.get(0))
            else {
                return;
            };
            problem.set(None);
            pending.set(None);
            pending_cv.set(None);
            let finish = finish.clone();
            let finish_cv = finish_cv.clone();
            leptos::task::spawn_local(async move {
                let imported = match read_import(&file).await {
                    Ok(Incoming::Libretto(i)) => i,
                    Ok(Incoming::Cv(cv)) if cv.left_out.is_empty() => return finish_cv(cv),
                    Ok(Incoming::Cv(cv)) => {
                        pending_cv.try_set(Some(cv));
                        return;
                    }
                    Err(p) => {
                        problem.try_set(Some(p));
                        return;
                    }
                };
                match existing_name(imported.draft.id).await {
                    Ok(Some(name)) => {
                        pending.try_set(Some((imported, name)));
                    }
                    Ok(None) => finish(imported, ImportMode::Replace),
                    Err(e) => {
                        problem.try_set(Some(ImportProblem::Store(e)));
                    }
                }
            });
        }
    };
    let choose = move |mode: Option<ImportMode>| {
        if let Some((imported, _)) = pending.get_untracked() {
            pending.set(None);
            if let Some(mode) = mode {
                finish(imported, mode);
            }
        }
    };
    let choose2 = choose.clone();
    let choose3 = choose.clone();
    let import_cv = move |_| {
        if let Some(cv) = pending_cv.get_untracked() {
            pending_cv.set(None);
            finish_cv(cv);
        }
    };
    view! {
        <section class="panel" aria-labelledby="importa-titolo">
            <h2 id="importa-titolo">{t!(i18n, import_heading)}</h2>
            <div class="field">
                <label class="field__label" for="campo-importa">{t!(i18n, import_label)}</label>
                <p class="field__hint" id="campo-importa-hint">{t!(i18n, import_hint)}</p>
                <input type="file" id="campo-importa" class="input input--file" accept=".json,.xml,.pdf,application/json,application/xml,text/xml,application/pdf"
                    aria-describedby="campo-importa-hint" on:change=on_change />
            </div>
            {move || problem.get().map(|p| match p {
                ImportProblem::Store(error) => view! { <StoreErrorMessage error /> }.into_any(),
                other => view! { <p class="notice notice--error" role="alert">{import_message(i18n, &other)}</p> }.into_any(),
            })}
            {move || pending.get().map(|(_, name)| {
                let choose = choose.clone();
                let choose2 = choose2.clone();
                let choose3 = choose3.clone();
                view! {
                    <div class="notice notice--warning" role="alert">
                        <p>{t_string!(i18n, import_exists).replace("%s", &name)}</p>
                        <div class="button-row">
                            <button type="button" class="button" on:click=move |_| choose(Some(ImportMode::Copy))>
                                {t!(i18n, import_as_copy)}
                            </button>
                            <button type="button" class="button button--warning" on:click=move |_| choose2(Some(ImportMode::Replace))>
                                {t!(i18n, import_replace)}
                            </button>
                            <button type="button" class="button button--secondary" on:click=move |_| choose3(None)>
                                {t!(i18n, import_cancel)}
                            </button>
                        </div>
                    </div>
                }
            })}
            {move || pending_cv.get().map(|cv| {
                let import_cv = import_cv.clone();
                view! {
                    <div class="notice notice--warning" role="alert">
                        <p>{t!(i18n, import_cv_left_out)}</p>
                        <ul class="left-out">
                            {cv.left_out.iter().map(|x| view! {
                                <li><strong>{where_label(i18n, x)}</strong>" "{x.text.clone()}</li>
                            }).collect_view()}
                        </ul>
                        <div class="button-row">
                            <button type="button" class="button" on:click=import_cv>{t!(i18n, import_cv_confirm)}</button>
                            <button type="button" class="button button--secondary" on:click=move |_| pending_cv.set(None)>
                                {t!(i18n, import_cancel)}
                            </button>
                        </div>
                    </div>
                }
            })}
        </section>
    }
}

/// "Esperienze di lavoro, voce 1 (url):": where a left-out value was in the CV.
fn where_label(i18n: crate::I18n, x: &LeftOut) -> String {
    let section = match x.section {
        CvSection::Personal => t_string!(i18n, cv_section_basics),
        CvSection::Work => t_string!(i18n, cv_section_work),
        CvSection::Volunteer => t_string!(i18n, cv_section_volunteer),
        CvSection::Education => t_string!(i18n, cv_section_education),
        CvSection::Awards => t_string!(i18n, cv_section_awards),
        CvSection::Certificates => t_string!(i18n, cv_section_certificates),
        CvSection::Publications => t_string!(i18n, cv_section_publications),
        CvSection::Skills => t_string!(i18n, cv_section_skills),
        CvSection::Languages => t_string!(i18n, cv_section_languages),
        CvSection::Interests => t_string!(i18n, cv_section_interests),
        CvSection::References => t_string!(i18n, cv_section_references),
        CvSection::Projects => t_string!(i18n, cv_section_projects),
        CvSection::Attachments => t_string!(i18n, cv_section_attachments),
        CvSection::Other => t_string!(i18n, cv_section_other),
    }
    .to_string();
    let mut label = match x.item {
        Some(n) => format!(
            "{section}, {}",
            t_string!(i18n, cv_item).replace("%n", &n.to_string())
        ),
        None => section,
    };
    if !x.field.is_empty() {
        label = format!("{label} ({})", x.field);
    }
    label + ":"
}

async fn existing_name(id: DraftId) -> Result<Option<String>, StoreError> {
    let store = Store::open().await?;
    Ok(store.get::<Draft>(&id.to_string()).await?.map(|d| d.name))
}
