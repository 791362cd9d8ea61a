//! "C'è un problema": the box at the top of a screen listing each error as a link to its
//! field. It takes focus when it appears, so keyboard and screen-reader users hear it first.

use leptos::html::Div;
use leptos::prelude::*;

use super::{FormState, field_id};
use crate::components::focus::follow_in_page_link;
use crate::i18n::{t, use_i18n};

pub const ERROR_SUMMARY_ID: &str = "riepilogo-errori";

#[component]
pub fn ErrorSummary(
    form: FormState,
    /// Bumped on each failed attempt, to focus the box again.
    attempt: ReadSignal<u32>,
    /// For a second form on the same screen (the dote's questions and its plan).
    #[prop(default = ERROR_SUMMARY_ID)]
    id: &'static str,
) -> impl IntoView {
    let title_id = format!("{id}-titolo");
    let i18n = use_i18n();
    let errors = Memo::new(move |_| {
        if form.shown.get() {
            form.errors()
        } else {
            Vec::new()
        }
    });
    let node = NodeRef::<Div>::new();
    Effect::new(move |_| {
        if attempt.get() > 0
            && let Some(el) = node.get_untracked()
        {
            let _ = el.focus();
            el.scroll_into_view();
        }
    });
    view! {
        <Show when=move || !errors.with(Vec::is_empty)>
            <div
                class="error-summary"
                id=id
                role="alert"
                tabindex="-1"
                aria-labelledby=title_id.clone()
                node_ref=node
            >
                <h2 id=title_id.clone() class="error-summary__title">{t!(i18n, error_summary_title)}</h2>
                <ul class="error-summary__list">
                    {move || {
                        errors
                            .get()
                            .into_iter()
                            .map(|(field, label, message)| {
                                let href = format!("#{}", field_id(field));
                                view! {
                                    <li>
                                        <a href=href on:click=follow_in_page_link>{format!("{label}: {message}")}</a>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </div>
        </Show>
    }
}
