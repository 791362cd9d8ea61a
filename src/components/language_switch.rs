//! Switching between Italian and English; each choice is labelled in its own language.

use leptos::prelude::*;

use leptos_i18n::Locale as _;

use crate::i18n::{Locale, t, t_string, use_i18n};
use crate::prefs;

#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let option = move |locale: Locale| {
        let label = match locale {
            Locale::it => t!(i18n, lang_it).into_any(),
            Locale::en => t!(i18n, lang_en).into_any(),
        };
        view! {
            <button
                type="button"
                class="lang-switch__option"
                lang=locale.as_str()
                aria-pressed=move || (i18n.get_locale() == locale).to_string()
                on:click=move |_| {
                    // Saved first: the layout restores the saved language on any change.
                    prefs::save_locale(locale);
                    i18n.set_locale(locale);
                }
            >
                {label}
            </button>
        }
    };
    view! {
        <div class="lang-switch" role="group" aria-label=move || t_string!(i18n, lang_label)>
            <span class="lang-switch__label" aria-hidden="true">{t!(i18n, lang_label)}</span>
            {option(Locale::it)}
            {option(Locale::en)}
        </div>
    }
}
