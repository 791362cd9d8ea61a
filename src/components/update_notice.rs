//! Registers the service worker that keeps the app working offline (`public/sw.js`), and says
//! when a new version of the app is ready.
//!
//! A new release installs beside the one running; only the citizen's click swaps them, since a
//! reload under someone typing would take the page from under them. Before the reload the page
//! waits for draft writes in flight, so nothing typed is lost.

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;
use web_sys::{ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

use crate::i18n::{t, use_i18n};
use crate::store::draft_session::writes_settled;

/// What the page asks a waiting worker, once accepted, to take over (`public/sw.js`).
const TAKE_OVER: &str = "sportello-update";

type Waiting = RwSignal<Option<SendWrapper<ServiceWorker>>>;

#[component]
pub fn UpdateNotice() -> impl IntoView {
    let i18n = use_i18n();
    let waiting: Waiting = RwSignal::new(None);
    let accepted = RwSignal::new(false);
    Effect::new(move |_| {
        if let Some(container) = container() {
            leptos::task::spawn_local(register(container, waiting));
        }
    });
    let accept = move |_| {
        let (Some(worker), Some(container)) = (waiting.get_untracked(), container()) else {
            return;
        };
        accepted.set(true);
        leptos::task::spawn_local(async move {
            writes_settled().await;
            let reload = Closure::<dyn FnMut()>::new(|| {
                let _ = window().location().reload();
            });
            container.set_oncontrollerchange(Some(reload.as_ref().unchecked_ref()));
            reload.forget();
            let _ = worker.post_message(&TAKE_OVER.into());
        });
    };

    // The live region is always there, so screen readers announce what appears in it.
    view! {
        <div class="update-notice" role="status">
            <Show when=move || waiting.with(Option::is_some)>
                <div class="notice">
                    <p>{t!(i18n, update_available)}</p>
                    <button type="button" class="button" on:click=accept prop:disabled=accepted>
                        {t!(i18n, update_reload)}
                    </button>
                </div>
            </Show>
        </div>
    }
}

/// The page's service worker container, where the browser has one (not on plain HTTP other
/// than localhost, nor in some private modes).
fn container() -> Option<ServiceWorkerContainer> {
    let navigator = window().navigator();
    js_sys::Reflect::has(&navigator, &"serviceWorker".into())
        .unwrap_or(false)
        .then(|| navigator.service_worker())
}

async fn register(container: ServiceWorkerContainer, waiting: Waiting) {
    // Without a registration (refused, or a browser that blocks workers and answers nothing)
    // the app still works online, as before.
    let Ok(Ok(registration)) = wasm_bindgen_futures::JsFuture::from(container.register("/sw.js"))
        .await
        .map(|r| r.dyn_into::<ServiceWorkerRegistration>())
    else {
        return;
    };
    // The browser looks for a new version when a page opens, possibly before this code runs:
    // it may be waiting already, or still installing.
    if let Some(worker) = registration.waiting() {
        offer(&container, worker, waiting);
    }
    if let Some(worker) = registration.installing() {
        watch(container.clone(), worker, waiting);
    }
    let found = {
        let registration = registration.clone();
        Closure::<dyn FnMut()>::new(move || {
            if let Some(worker) = registration.installing() {
                watch(container.clone(), worker, waiting);
            }
        })
    };
    registration.set_onupdatefound(Some(found.as_ref().unchecked_ref()));
    found.forget();
}

/// Offers `worker` once it has installed.
fn watch(container: ServiceWorkerContainer, worker: ServiceWorker, waiting: Waiting) {
    let installed = {
        let worker = worker.clone();
        Closure::<dyn FnMut()>::new(move || {
            if worker.state() == ServiceWorkerState::Installed {
                offer(&container, worker.clone(), waiting);
            }
        })
    };
    worker.set_onstatechange(Some(installed.as_ref().unchecked_ref()));
    installed.forget();
}

/// A worker that installed while another controls the page is a new version; without a
/// controller it is the first install, which takes over by itself.
fn offer(container: &ServiceWorkerContainer, worker: ServiceWorker, waiting: Waiting) {
    if container.controller().is_some() {
        waiting.set(Some(SendWrapper::new(worker)));
    }
}
