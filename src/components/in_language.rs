//! A part of a screen in one language whatever the screen's: what is printed or released as a
//! document (the print view, the Documento di trasparenza) is in Italian, the official
//! language, so that the CPI and any office read the same text. Everything inside — labels,
//! closed-list values, dates, amounts — takes its language from the context given here.

use leptos::context::Provider;
use leptos::prelude::*;
use sportello_core::Lang;

use crate::i18n::I18n;

/// The context is given to the children alone (`Provider` makes them an owner of their own):
/// provided in this component's body it would also reach the siblings drawn after it.
#[component]
pub fn InLanguage(lang: Lang, children: Children) -> impl IntoView {
    view! {
        <Provider value=I18n::fixed(lang)>
            <div lang=lang.code() dir=lang.dir()>
                {children()}
            </div>
        </Provider>
    }
}

/// On a screen not in Italian, says (not in print) why the document below is: a citizen
/// who chose another language must not think the switch failed.
#[component]
pub fn ItalianOnly() -> impl IntoView {
    let i18n = crate::i18n::use_i18n();
    view! {
        <Show when=move || i18n.lang() != Lang::It>
            <p class="notice no-print">{crate::i18n::t!(i18n, doc_in_italian)}</p>
        </Show>
    }
}
