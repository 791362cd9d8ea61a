//! Text inputs and text areas with label, hint and message.

use leptos::prelude::*;
use sportello_core::libretto::validation::Severity;

use super::{Bound, FieldMessage, field_id, use_form};

/// A translated text as a signal: `tr!(i18n, key)`.
#[macro_export]
macro_rules! tr {
    ($i18n:expr, $key:ident) => {{
        let i18n = $i18n;
        ::leptos::prelude::Signal::derive(move || $crate::i18n::t_string!(i18n, $key).to_string())
    }};
}

/// Label, hint and message around one input; the input itself is `children`.
#[component]
pub fn FieldFrame(
    field: &'static str,
    label: Signal<String>,
    hint: Option<Signal<String>>,
    /// For groups of checkboxes or radios the label is a legend.
    #[prop(optional)]
    fieldset: bool,
    children: Children,
) -> impl IntoView {
    let form = use_form();
    if let Some(f) = form {
        let drawing = f.register(field, label);
        on_cleanup(move || f.forget(field, drawing));
    }
    let message = Memo::new(move |_| form.and_then(|f| f.message(field)));
    let id = field_id(field);
    let hint_id = format!("{id}-hint");
    let message_id = format!("{id}-messaggio");
    let class = move || match message.get() {
        Some(FieldMessage {
            severity: Severity::Error,
            ..
        }) => "field field--error",
        _ => "field",
    };
    let hint_view = hint.map(|h| view! { <p class="field__hint" id=hint_id.clone()>{h}</p> });
    let message_view = move || {
        message.get().map(|m| {
            let class = match m.severity {
                Severity::Error => "field__message field__message--error",
                Severity::Warning => "field__message field__message--warning",
            };
            view! { <p class=class id=message_id.clone()>{m.text}</p> }
        })
    };
    if fieldset {
        view! {
            <fieldset class=class>
                <legend class="field__label">{label}</legend>
                {hint_view}
                {message_view}
                {children()}
            </fieldset>
        }
        .into_any()
    } else {
        view! {
            <div class=class>
                <label class="field__label" for=id>{label}</label>
                {hint_view}
                {message_view}
                {children()}
            </div>
        }
        .into_any()
    }
}

/// The `aria-describedby` and `aria-invalid` of a field's input.
pub fn described_by(field: &'static str, has_hint: bool) -> impl Fn() -> Option<String> + Send + Sync + Copy {
    move || {
        let id = field_id(field);
        let form = use_form();
        let mut ids = Vec::new();
        if has_hint {
            ids.push(format!("{id}-hint"));
        }
        if form.and_then(|f| f.message(field)).is_some() {
            ids.push(format!("{id}-messaggio"));
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

pub fn invalid(field: &'static str) -> impl Fn() -> Option<&'static str> + Send + Sync + Copy {
    move || {
        use_form()
            .and_then(|f| f.message(field))
            .filter(|m| m.severity == Severity::Error)
            .map(|_| "true")
    }
}

#[component]
pub fn TextField(
    field: &'static str,
    label: Signal<String>,
    value: Bound<String>,
    #[prop(optional)] hint: Option<Signal<String>>,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] inputmode: Option<&'static str>,
    /// A width class such as `input--short` for codes and numbers.
    #[prop(optional)]
    width: Option<&'static str>,
    /// Values to choose from while typing (a birthplace from the Belfiore table), offered
    /// through the browser's own list, so the field still takes any text.
    #[prop(optional)]
    suggestions: Option<Signal<Vec<String>>>,
) -> impl IntoView {
    let has_hint = hint.is_some();
    let class = format!("input {}", width.unwrap_or_default());
    let list_id = suggestions.map(|_| format!("{}-elenco", field_id(field)));
    let list = suggestions.map(|options| {
        view! {
            <datalist id=list_id.clone()>
                {move || options.get().into_iter().map(|o| view! { <option value=o></option> }).collect_view()}
            </datalist>
        }
    });
    view! {
        <FieldFrame field label hint>
            <input
                id=field_id(field)
                name=field
                class=class
                list=list_id
                type=input_type
                autocomplete=autocomplete
                inputmode=inputmode
                spellcheck="false"
                aria-describedby=described_by(field, has_hint)
                aria-invalid=invalid(field)
                prop:value=move || value.get.get()
                on:input=move |ev| value.set.run(event_target_value(&ev))
            />
            {list}
        </FieldFrame>
    }
}

#[component]
pub fn TextArea(
    field: &'static str,
    label: Signal<String>,
    value: Bound<String>,
    #[prop(optional)] hint: Option<Signal<String>>,
    #[prop(default = 4)] rows: u32,
) -> impl IntoView {
    let has_hint = hint.is_some();
    view! {
        <FieldFrame field label hint>
            <textarea
                id=field_id(field)
                name=field
                class="input textarea"
                rows=rows
                aria-describedby=described_by(field, has_hint)
                aria-invalid=invalid(field)
                prop:value=move || value.get.get()
                on:input=move |ev| value.set.run(event_target_value(&ev))
            ></textarea>
        </FieldFrame>
    }
}
