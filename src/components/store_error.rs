//! Explains a storage failure to the citizen, in their language.

use leptos::prelude::*;

use crate::i18n::{t, use_i18n};
use crate::store::StoreError;

#[component]
pub fn StoreErrorMessage(error: StoreError) -> impl IntoView {
    let i18n = use_i18n();
    let message = move || match &error {
        StoreError::QuotaExceeded => t!(i18n, store_error_quota).into_any(),
        StoreError::Blocked => t!(i18n, store_error_blocked).into_any(),
        StoreError::Corrupt(_) => t!(i18n, store_error_corrupt).into_any(),
        StoreError::Unavailable(_) => t!(i18n, store_error_unavailable).into_any(),
        StoreError::Conflict { .. } => t!(i18n, store_error_conflict).into_any(),
        StoreError::Other(_) => t!(i18n, store_error_other).into_any(),
    };
    view! { <p class="notice notice--error" role="alert">{message}</p> }
}
