//! Form building blocks for every screen (Libretto, ILA, dote), in the GOV.UK pattern: a label above
//! each field, a hint, the message next to the field and again in an error summary at the
//! top that links to it. Fields bind to plain struct fields through [`Bound`].
//!
//! Errors appear once the citizen first presses "Salva e continua" (answers are saved as
//! typed anyway); warnings, which never block, appear as soon as they apply.

pub mod choice;
pub mod date_field;
pub mod error_summary;
pub mod messages;
pub mod text_field;

use leptos::prelude::*;
use rust_decimal::Decimal;
use sportello_core::libretto::DateError;
use sportello_core::libretto::Section;
use sportello_core::libretto::validation::{Code, Finding, Severity};
use sportello_core::programmes::CardError;

/// A field's value and the way to change it.
pub struct Bound<T: Send + Sync + 'static> {
    pub get: Signal<T>,
    pub set: Callback<T>,
}

impl<T: Send + Sync + 'static> Clone for Bound<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Send + Sync + 'static> Copy for Bound<T> {}

/// A field that is the whole of one signal, as a screen's own choices are.
impl<T: Clone + Send + Sync + 'static> From<RwSignal<T>> for Bound<T> {
    fn from(signal: RwSignal<T>) -> Self {
        Bound {
            get: signal.into(),
            set: Callback::new(move |v: T| signal.set(v)),
        }
    }
}

impl<T: Clone + Send + Sync + 'static> Bound<T> {
    /// For a field that always has a value, offered as a choice that may be empty.
    pub fn some(self) -> Bound<Option<T>> {
        Bound {
            get: Signal::derive(move || Some(self.get.get())),
            set: Callback::new(move |v: Option<T>| {
                if let Some(v) = v {
                    self.set.run(v);
                }
            }),
        }
    }
}

/// Binds a field of the struct in an `RwSignal`: `bind!(entry, professione.descrizione)`.
#[macro_export]
macro_rules! bind {
    ($sig:expr, $($path:tt)+) => {{
        let sig = $sig;
        $crate::components::form::Bound {
            get: ::leptos::prelude::Signal::derive(move || sig.with(|x| x.$($path)+.clone())),
            // `try_`: an answer arriving after the screen closed (a file still hashing) is
            // dropped instead of touching a disposed signal.
            set: ::leptos::prelude::Callback::new(move |v| {
                sig.try_update(|x| x.$($path)+ = v);
            }),
        }
    }};
}

/// An error of a screen's own field, outside any Libretto section's rules (the office to
/// send to, the desk's sign-in).
pub fn screen_error(field: &'static str, code: Code) -> Finding {
    Finding {
        section: Section::DatiPersonali,
        item: None,
        field,
        code,
        severity: Severity::Error,
        detail: None,
    }
}

/// The DOM id of a field's input, which the error summary links to.
pub fn field_id(field: &str) -> String {
    format!("campo-{field}")
}

/// What is wrong with what was typed in a field, before any rule looks at it (the field
/// keeps the text as typed), or with a figure the screen computes from the fields.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum InputError {
    Date(DateError),
    /// Not an amount in euro with at most two decimals.
    Money,
    /// Not a whole number of zero or more.
    WholeNumber,
    /// Not a province's two-letter code.
    Province,
    /// The plan costs more than its budget, by this much.
    OverBudget(Decimal),
    /// The ILA card's rules refuse the movement typed.
    Card(CardError),
}

/// What one screen's fields and its error summary share.
#[derive(Clone, Copy)]
pub struct FormState {
    findings: Signal<Vec<Finding>>,
    input_errors: RwSignal<Vec<(&'static str, InputError)>>,
    /// Errors are shown after the first attempt to continue.
    pub shown: RwSignal<bool>,
    /// Fields on screen in the order they were rendered, with their labels, for the summary;
    /// the number tells a field's latest drawing from an earlier one being cleaned up.
    labels: StoredValue<Vec<(&'static str, Signal<String>, u64)>>,
    drawings: StoredValue<u64>,
}

/// A message next to a field.
#[derive(Clone, PartialEq)]
pub struct FieldMessage {
    pub severity: Severity,
    pub text: String,
}

impl FormState {
    pub fn provide(findings: Signal<Vec<Finding>>) -> Self {
        let state = Self {
            findings,
            input_errors: RwSignal::new(Vec::new()),
            shown: RwSignal::new(false),
            labels: StoredValue::new(Vec::new()),
            drawings: StoredValue::new(0),
        };
        provide_context(state);
        state
    }

    /// Puts a field on the summary's list. A field drawn again (a step shown again, a
    /// question that came back) brings a new label signal, which replaces the old one in
    /// place; when a field leaves the screen, [`forget`](Self::forget) takes it off, with what
    /// its input said (the text typed went with the input).
    pub fn register(&self, field: &'static str, label: Signal<String>) -> u64 {
        let drawing = self.drawings.get_value() + 1;
        self.drawings.set_value(drawing);
        self.labels
            .update_value(|l| match l.iter_mut().find(|(f, _, _)| *f == field) {
                Some(slot) => *slot = (field, label, drawing),
                None => l.push((field, label, drawing)),
            });
        drawing
    }

    /// Takes a field off the form unless it was drawn again since `drawing`.
    pub fn forget(&self, field: &'static str, drawing: u64) {
        let mut gone = false;
        self.labels.try_update_value(|l| {
            l.retain(|(f, _, d)| {
                let this = *f == field && *d == drawing;
                gone |= this;
                !this
            })
        });
        if gone {
            self.input_errors
                .try_update(|errs| errs.retain(|(f, _)| *f != field));
        }
    }

    /// A form with no validation findings: only what its fields report about their input.
    pub fn provide_inputs_only() -> Self {
        Self::provide(Signal::derive(Vec::new))
    }

    pub fn set_input_error(&self, field: &'static str, error: Option<InputError>) {
        // `try_`: a file read or a table loaded may answer after the form has gone.
        let Some(current) = self
            .input_errors
            .try_with_untracked(|errs| errs.iter().find(|(f, _)| *f == field).map(|(_, e)| *e))
        else {
            return;
        };
        if current == error {
            return;
        }
        self.input_errors.try_update(|errs| {
            errs.retain(|(f, _)| *f != field);
            if let Some(e) = error {
                errs.push((field, e));
            }
        });
    }

    /// A text field kept exactly as typed: `take` gets each new text and says whether it
    /// could read it (and used it); while it cannot, the field reports `error`.
    pub fn typed_text(
        &self,
        field: &'static str,
        text: RwSignal<String>,
        take: impl Fn(&str) -> bool + Send + Sync + 'static,
        error: InputError,
    ) -> Bound<String> {
        let form = *self;
        Bound {
            get: text.into(),
            set: Callback::new(move |v: String| {
                form.set_input_error(field, (!take(&v)).then_some(error));
                text.set(v);
            }),
        }
    }

    /// What the field's input reports now (not tracked: for a screen deciding what to clear).
    pub fn input_error(&self, field: &'static str) -> Option<InputError> {
        self.input_errors
            .with_untracked(|errs| errs.iter().find(|(f, _)| *f == field).map(|(_, e)| *e))
    }

    pub fn set_date_error(&self, field: &'static str, error: Option<DateError>) {
        self.set_input_error(field, error.map(InputError::Date));
    }

    /// The message to show next to `field`, in the current language.
    pub fn message(&self, field: &'static str) -> Option<FieldMessage> {
        let i18n = crate::i18n::use_i18n();
        let shown = self.shown.get();
        if shown
            && let Some((_, e)) = self
                .input_errors
                .with(|d| d.iter().find(|(f, _)| *f == field).copied())
        {
            return Some(FieldMessage {
                severity: Severity::Error,
                text: messages::input_error(i18n, e),
            });
        }
        self.findings.with(|all| {
            let mine = all.iter().filter(|f| f.field == field);
            let error = mine.clone().find(|f| f.severity == Severity::Error && shown);
            let warning = mine.clone().find(|f| f.severity == Severity::Warning);
            error.or(warning).map(|f| FieldMessage {
                severity: f.severity,
                text: messages::finding(i18n, f),
            })
        })
    }

    /// Every error on the screen, in field order: (field, label, message).
    pub fn errors(&self) -> Vec<(&'static str, String, String)> {
        let i18n = crate::i18n::use_i18n();
        let labels = self.labels.get_value();
        let inputs = self.input_errors.get();
        let findings = self.findings.get();
        let mut out = Vec::new();
        for (field, label, _) in labels {
            if let Some((_, e)) = inputs.iter().find(|(f, _)| *f == field) {
                out.push((field, label.get(), messages::input_error(i18n, *e)));
            } else if let Some(f) = findings
                .iter()
                .find(|f| f.field == field && f.severity == Severity::Error)
            {
                out.push((field, label.get(), messages::finding(i18n, f)));
            }
        }
        out
    }

    /// Called by "Salva e continua": true when the citizen may move on.
    pub fn try_continue(&self) -> bool {
        self.shown.set(true);
        self.errors().is_empty()
    }
}

pub fn use_form() -> Option<FormState> {
    use_context::<FormState>()
}
