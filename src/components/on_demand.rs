//! Screens whose code is a wasm chunk of its own, fetched the first time one is shown.
//!
//! A split function (`split_fn!`: `#[wasm_split(module, fallible)]`, from the helpers crate
//! Leptos builds on) becomes an `async fn` that loads its module before running; every
//! function naming the same module lands in the same chunk. `cargo xtask build` cuts the wasm
//! (`xtask/src/split.rs`); on other targets, and without the `split` feature, they just run.

use std::pin::Pin;
use std::sync::Arc;

use leptos::prelude::*;
pub use leptos::wasm_split::SplitLoaderError;

use crate::components::page_heading::PageHeading;
use crate::i18n::{t, t_string, use_i18n};

/// What a split screen function returns: its view, or why its chunk did not arrive.
pub type Loaded = Result<AnyView, SplitLoaderError>;

/// The view `load` gives, drawn once its chunk has arrived (at once if it already has).
/// Nothing is drawn meanwhile: the page around it is already there. A chunk that does not
/// arrive (the connection dropped) is said so, with a button that tries again: a failed
/// load is not remembered, so the next attempt fetches afresh.
pub fn on_demand<Fut>(load: impl Fn() -> Fut + Send + Sync + 'static) -> AnyView
where
    Fut: Future<Output = Loaded> + 'static,
{
    drawn(Arc::new(move || {
        Box::pin(load()) as Pin<Box<dyn Future<Output = Loaded>>>
    }))
}

type Loader = Arc<dyn Fn() -> Pin<Box<dyn Future<Output = Loaded>>> + Send + Sync>;

/// One concrete function for every split screen, so the view code around them is compiled
/// once, not once per screen, and it stays in the main module.
fn drawn(load: Loader) -> AnyView {
    let attempt = RwSignal::new(0u32);
    (move || {
        attempt.track();
        let loading = load();
        // The loader is not `Send` (it runs in the page's one thread); `Suspend` asks for it.
        Suspend::new(send_wrapper::SendWrapper::new(async move {
            match loading.await {
                Ok(view) => view,
                Err(_) => view! { <LoadFailed attempt /> }.into_any(),
            }
        }))
    })
    .into_any()
}

/// In place of the screen: its own heading (the tab's title, and where focus lands) and why.
#[component]
fn LoadFailed(attempt: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageHeading title=Signal::derive(move || t_string!(i18n, screen_load_failed_title).to_string()) />
        <div class="notice notice--error" role="alert">
            <p>{t!(i18n, screen_load_failed)}</p>
            <button type="button" class="button" on:click=move |_| attempt.update(|n| *n += 1)>
                {t!(i18n, screen_load_retry)}
            </button>
        </div>
    }
}

/// A split function in the chunk `$module` (functions naming the same module share a chunk);
/// callers `.await` it. Without the `split` feature (browser tests, which are not split) it is
/// the same function run in place.
macro_rules! split_fn {
    ($module:ident, $vis:vis fn $name:ident($($arg:ident: $ty:ty),*) -> $ret:ty $body:block) => {
        #[cfg(feature = "split")]
        #[::leptos::wasm_split::wasm_split($module, fallible, wasm_split_path = ::leptos::wasm_split)]
        $vis fn $name($($arg: $ty),*) -> $ret $body

        #[cfg(not(feature = "split"))]
        $vis async fn $name($($arg: $ty),*) -> $ret $body
    };
}
pub(crate) use split_fn;

/// A screen (a component taking no props) as a split function named `$name` in the chunk
/// `$module`: `split_screen!(libretto_overview, overview, OverviewPage);`.
macro_rules! split_screen {
    ($module:ident, $name:ident, $page:ident) => {
        $crate::components::on_demand::split_fn!(
            $module,
            pub fn $name() -> $crate::components::on_demand::Loaded {
                Ok(::leptos::prelude::IntoAny::into_any(
                    ::leptos::prelude::view! { <$page /> },
                ))
            }
        );
    };
}
pub(crate) use split_screen;
