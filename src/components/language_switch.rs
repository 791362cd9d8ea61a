//! The six languages, each named in its own language (a reader looks for theirs by its own
//! name) and marked with its `lang`, so a screen reader says each name in its own voice.

use leptos::prelude::*;
use sportello_core::Lang;

use crate::i18n::{t, t_string, use_i18n};

#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let option = move |lang: Lang| {
        view! {
            <button
                type="button"
                class="lang-switch__option"
                lang=lang.code()
                dir=lang.dir()
                aria-pressed=move || (i18n.lang() == lang).to_string()
                on:click=move |_| i18n.choose(lang)
            >
                {lang.endonym()}
            </button>
        }
    };
    view! {
        <div class="lang-switch" role="group" aria-label=move || t_string!(i18n, lang_label)>
            <span class="lang-switch__label" aria-hidden="true">{t!(i18n, lang_label)}</span>
            {Lang::ALL.map(option)}
            <Show when=move || i18n.failed().is_some()>
                <p class="lang-switch__error" role="alert">{t!(i18n, lang_load_failed)}</p>
            </Show>
        </div>
    }
}
