//! The orientatore's note on one item, beside its block in the document: a verdict
//! (`verificato`, `serve documento`, or none) and a free comment. Every note of the review
//! lives in one list; a note with neither verdict nor comment is no note.

use leptos::prelude::*;
use sportello_core::cpi::review::{Annotation, MAX_COMMENT_CHARS, Verdict};
use sportello_core::libretto::{ItemId, Section};

use crate::i18n::{t, t_string, use_i18n};

/// The review being written: its notes, and whether it can still change.
#[derive(Clone, Copy)]
pub struct Notes {
    pub list: RwSignal<Vec<Annotation>>,
    pub locked: Signal<bool>,
}

impl Notes {
    fn of(&self, section: Section, item: &Option<ItemId>) -> Option<Annotation> {
        self.list.with(|l| {
            l.iter()
                .find(|a| a.section == section && &a.item == item)
                .cloned()
        })
    }

    fn change(&self, section: Section, item: &Option<ItemId>, edit: impl FnOnce(&mut Annotation)) {
        self.list.update(|l| {
            let at = l.iter().position(|a| a.section == section && &a.item == item);
            let mut note = at.map(|i| l.remove(i)).unwrap_or(Annotation {
                section,
                item: item.clone(),
                verdict: None,
                comment: String::new(),
            });
            edit(&mut note);
            if note.verdict.is_some() || !note.comment.trim().is_empty() {
                l.insert(at.unwrap_or(l.len()), note);
            }
        });
    }
}

/// The controls for one item; `title` names it for screen readers, since every block has the
/// same controls.
pub fn annotation_controls(notes: Notes, section: Section, item: Option<ItemId>, title: String) -> AnyView {
    let i18n = use_i18n();
    let key = format!(
        "{}-{}",
        section.slug(),
        item.as_ref().map_or("scheda", |i| i.0.as_str())
    );
    let comment_id = format!("commento-{key}");
    let group = format!("verdetto-{key}");
    let verdict_item = item.clone();
    let verdict = Signal::derive(move || notes.of(section, &verdict_item).and_then(|a| a.verdict));
    let comment_item = item.clone();
    let comment = Signal::derive(move || {
        notes
            .of(section, &comment_item)
            .map(|a| a.comment)
            .unwrap_or_default()
    });
    let choices = [
        (None, "nessuno"),
        (Some(Verdict::Verificato), "verificato"),
        (Some(Verdict::ServeDocumento), "serve-documento"),
    ];
    let radios = choices
        .into_iter()
        .map(|(value, code)| {
            let id = format!("{group}-{code}");
            let item = item.clone();
            let label = move || match value {
                None => t_string!(i18n, desk_verdict_none),
                Some(Verdict::Verificato) => t_string!(i18n, desk_verdict_verificato),
                Some(Verdict::ServeDocumento) => t_string!(i18n, desk_verdict_serve_documento),
            };
            view! {
                <div class="radios__item">
                    <input
                        type="radio"
                        id=id.clone()
                        name=group.clone()
                        value=code
                        disabled=notes.locked
                        prop:checked=move || verdict.get() == value
                        on:change=move |_| notes.change(section, &item, |a| a.verdict = value)
                    />
                    <label for=id>{label}</label>
                </div>
            }
        })
        .collect_view();
    let too_long = move || comment.with(|c| c.chars().count() > MAX_COMMENT_CHARS);
    let message_id = format!("{comment_id}-messaggio");
    let described = message_id.clone();
    view! {
        <fieldset class="annotation">
            <legend class="annotation__legend">
                {t!(i18n, desk_note_legend)} <span class="visually-hidden">": " {title}</span>
            </legend>
            <div class="radios radios--inline">{radios}</div>
            <label class="field__label" for=comment_id.clone()>{t!(i18n, desk_comment_label)}</label>
            {move || too_long().then(|| view! {
                <p class="field__message field__message--error" id=message_id.clone()>
                    {t_string!(i18n, desk_comment_too_long).replace("%n", &MAX_COMMENT_CHARS.to_string())}
                </p>
            })}
            <textarea
                id=comment_id
                class="input textarea"
                rows="2"
                readonly=notes.locked
                aria-describedby=move || too_long().then(|| described.clone())
                prop:value=comment
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    notes.change(section, &item, |a| a.comment = text);
                }
            ></textarea>
        </fieldset>
    }
    .into_any()
}
