//! Choosing from lists: a select, radios, a single checkbox and a group of checkboxes.
//! Options carry their value and their label in the current language.

use leptos::prelude::*;
use sportello_core::libretto::Vocabulary;

use super::text_field::{FieldFrame, described_by, invalid};
use super::{Bound, field_id};
use crate::i18n::{screen_lang, t_string, use_i18n};

/// The id of a group's n-th box: the first carries the field's own id, which the error
/// summary links to.
fn option_id(field: &str, index: usize) -> String {
    if index == 0 {
        field_id(field)
    } else {
        format!("{}-{index}", field_id(field))
    }
}

/// The values of a closed list with their labels in the current language.
pub fn vocab_options<V: Vocabulary + Send + Sync>() -> Signal<Vec<(V, String)>> {
    let lang = screen_lang();
    Signal::derive(move || {
        let lang = lang.get();
        V::ALL.iter().map(|&v| (v, v.label(lang).to_string())).collect()
    })
}

/// A drop-down with an empty first choice; `key` gives each option's value attribute.
#[component]
pub fn Select<T>(
    field: &'static str,
    label: Signal<String>,
    value: Bound<Option<T>>,
    options: Signal<Vec<(T, String)>>,
    key: fn(&T) -> String,
    hint: Option<Signal<String>>,
) -> impl IntoView
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let i18n = use_i18n();
    let has_hint = hint.is_some();
    let on_change = move |ev| {
        let chosen = event_target_value(&ev);
        let v = options.with_untracked(|o| o.iter().find(|(v, _)| key(v) == chosen).map(|(v, _)| v.clone()));
        value.set.run(v);
    };
    view! {
        <FieldFrame field label hint>
            <select
                id=field_id(field)
                name=field
                class="input select"
                aria-describedby=described_by(field, has_hint)
                aria-invalid=invalid(field)
                on:change=on_change
            >
                <option value="" selected=move || value.get.with(Option::is_none)>
                    {move || t_string!(i18n, form_choose)}
                </option>
                {move || {
                    options
                        .get()
                        .into_iter()
                        .map(|(v, text)| {
                            let code = key(&v);
                            let selected = move || value.get.with(|cur| cur.as_ref() == Some(&v));
                            view! { <option value=code selected=selected>{text}</option> }
                        })
                        .collect_view()
                }}
            </select>
        </FieldFrame>
    }
}

/// A select over a closed list.
#[component]
pub fn VocabSelect<V: Vocabulary + Send + Sync>(
    field: &'static str,
    label: Signal<String>,
    value: Bound<Option<V>>,
    #[prop(optional)] hint: Option<Signal<String>>,
) -> impl IntoView {
    view! { <Select field label value options={vocab_options::<V>()} key=|v: &V| v.code().to_string() hint /> }
}

/// One option of a radio group: the value as a code, its label and, where the choice needs
/// explaining, a hint under the label.
#[derive(Clone, PartialEq)]
pub struct Choice {
    pub code: String,
    pub label: String,
    pub hint: Option<String>,
}

/// Radios over options given as codes: one markup for every radio group, compiled once
/// (generic groups only map their values to and from codes).
#[component]
pub fn ChoiceRadios(
    field: &'static str,
    label: Signal<String>,
    value: Bound<Option<String>>,
    options: Signal<Vec<Choice>>,
    hint: Option<Signal<String>>,
) -> impl IntoView {
    view! {
        <FieldFrame field label hint fieldset=true>
            <div class="radios">
                {move || {
                    options
                        .get()
                        .into_iter()
                        .enumerate()
                        .map(|(i, choice)| {
                            let id = option_id(field, i);
                            let hint_id = format!("{id}-hint");
                            let code = choice.code.clone();
                            let checked = move || value.get.with(|v| v.as_deref() == Some(code.as_str()));
                            let chosen = choice.code.clone();
                            view! {
                                <div class="radios__item">
                                    <input
                                        type="radio"
                                        id=id.clone()
                                        name=field
                                        value=choice.code
                                        aria-describedby=choice.hint.is_some().then(|| hint_id.clone())
                                        prop:checked=checked
                                        on:change=move |_| value.set.run(Some(chosen.clone()))
                                    />
                                    <label for=id>{choice.label}</label>
                                    {choice.hint.map(|h| view! { <p class="radios__hint" id=hint_id>{h}</p> })}
                                </div>
                            }
                        })
                        .collect_view()
                }}
            </div>
        </FieldFrame>
    }
}

/// Radios for a short closed list; arrow keys move between them.
#[component]
pub fn Radios<V: Vocabulary + Send + Sync>(
    field: &'static str,
    label: Signal<String>,
    value: Bound<Option<V>>,
    #[prop(optional)] hint: Option<Signal<String>>,
) -> impl IntoView {
    let lang = screen_lang();
    let options = Signal::derive(move || {
        let lang = lang.get();
        V::ALL
            .iter()
            .map(|v| Choice {
                code: v.code().to_string(),
                label: v.label(lang).to_string(),
                hint: None,
            })
            .collect()
    });
    let value = Bound {
        get: Signal::derive(move || value.get.get().map(|v| v.code().to_string())),
        set: Callback::new(move |code: Option<String>| {
            value
                .set
                .run(code.and_then(|c| V::ALL.iter().copied().find(|v| v.code() == c)));
        }),
    };
    view! { <ChoiceRadios field label value options hint /> }
}

/// One checkbox with its label beside it.
#[component]
pub fn Checkbox(field: &'static str, label: Signal<String>, value: Bound<bool>) -> impl IntoView {
    let id = field_id(field);
    view! {
        <div class="field checkbox">
            <input
                type="checkbox"
                id=id.clone()
                name=field
                prop:checked=move || value.get.get()
                on:change=move |ev| value.set.run(event_target_checked(&ev))
            />
            <label for=id>{label}</label>
        </div>
    }
}

/// Several checkboxes choosing a subset of `options`, kept in the options' order.
#[component]
pub fn CheckboxGroup<T>(
    field: &'static str,
    label: Signal<String>,
    value: Bound<Vec<T>>,
    options: Signal<Vec<(T, String)>>,
    #[prop(optional)] hint: Option<Signal<String>>,
    /// Shown instead of the boxes when there is nothing to choose.
    #[prop(optional)]
    empty: Option<Signal<String>>,
) -> impl IntoView
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let toggle = move |item: T, on: bool| {
        let mut current = value.get.get_untracked();
        current.retain(|x| *x != item);
        if on {
            current.push(item);
        }
        // Keep the order of the options, and keep values that are no longer offered
        // (a removed entry) so that validation can point at them.
        let order = options.get_untracked();
        current.sort_by_key(|x| order.iter().position(|(o, _)| o == x).unwrap_or(usize::MAX));
        value.set.run(current);
    };
    view! {
        <FieldFrame field label hint fieldset=true>
            <Show when=move || options.with(Vec::is_empty) && empty.is_some()>
                <p class="field__hint">{move || empty.map(|e| e.get())}</p>
            </Show>
            <div class="checkboxes">
                {move || {
                    options
                        .get()
                        .into_iter()
                        .enumerate()
                        .map(|(i, (v, text))| {
                            let id = option_id(field, i);
                            let v2 = v.clone();
                            view! {
                                <div class="checkbox">
                                    <input
                                        type="checkbox"
                                        id=id.clone()
                                        prop:checked=move || value.get.with(|cur| cur.contains(&v))
                                        on:change=move |ev| toggle(v2.clone(), event_target_checked(&ev))
                                    />
                                    <label for=id>{text}</label>
                                </div>
                            }
                        })
                        .collect_view()
                }}
            </div>
        </FieldFrame>
    }
}
