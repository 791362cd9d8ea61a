//! The choices for links between entries: documents of the dossier, and the experiences,
//! titles and courses a competence comes from.

use leptos::prelude::*;
use sportello_core::libretto::{Entry, Evidenza, ItemId};

use super::draft::use_session;
use crate::components::section_label::{entry_name, entry_noun};
use crate::i18n::screen_lang;
use crate::i18n::use_i18n;

pub fn evidence_options() -> Signal<Vec<(ItemId, String)>> {
    let session = use_session();
    let i18n = use_i18n();
    let lang = screen_lang();
    Signal::derive(move || {
        let lang = lang.get();
        session.draft.with(|d| {
            d.libretto
                .evidenze
                .iter()
                .enumerate()
                .map(|(i, e)| {
                    (
                        e.id.clone(),
                        entry_name(i18n, Evidenza::SECTION, e.summary(lang), i),
                    )
                })
                .collect()
        })
    })
}

pub fn experience_options() -> Signal<Vec<(ItemId, String)>> {
    let session = use_session();
    let i18n = use_i18n();
    let lang = screen_lang();
    Signal::derive(move || {
        let lang = lang.get();
        session.draft.with(|d| {
            d.libretto
                .experiences(lang)
                .into_iter()
                .enumerate()
                .map(|(i, (id, section, summary))| {
                    let name = format!(
                        "{}: {}",
                        entry_noun(i18n, section),
                        entry_name(i18n, section, summary, i)
                    );
                    (id, name)
                })
                .collect()
        })
    })
}
