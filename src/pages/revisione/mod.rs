//! `/revisione…`: the orientatore's review desk. It is its own entry (`bin/revisione.rs`):
//! another person on another computer uses it, and the citizen's pages never download it.
//!
//! Every desk screen sits inside [`DeskLayout`], which asks the server who is signed in and
//! shows the sign-in form instead of the screen while nobody is.

pub mod accesso;
mod annotazione;
pub mod coda;
mod modifiche;
pub mod monitoraggio;
mod periodo;
pub mod pratica;

use leptos::prelude::*;
use leptos_router::components::{A, Outlet};
use sportello_core::cpi::desk::DeskSession;

use crate::api::ApiFailure;
use crate::i18n::{t, t_string, use_i18n};
use accesso::SignIn;

/// Who is signed in on this desk; the CSRF token lives here, in memory only.
#[derive(Clone, Copy)]
pub struct Desk {
    pub session: RwSignal<Option<DeskSession>>,
}

impl Desk {
    pub fn get() -> Self {
        expect_context()
    }

    pub fn csrf(&self) -> String {
        self.session
            .with_untracked(|s| s.as_ref().map(|s| s.csrf_token.clone()))
            .unwrap_or_default()
    }

    /// A call refused because the session ended (expired, or signed out elsewhere) brings
    /// back the sign-in form; anything else is for the screen to tell.
    pub fn check(&self, failure: &ApiFailure) {
        if matches!(failure, ApiFailure::Refused { status: 401, .. }) {
            self.session.set(None);
        }
    }

    /// What a desk screen reads from the server: fetched again whenever what `fetch` reads
    /// changes, and checked like every other call.
    pub fn read<T, Fut>(&self, fetch: impl Fn() -> Fut + 'static) -> LocalResource<Result<T, ApiFailure>>
    where
        T: Clone + 'static,
        Fut: Future<Output = Result<T, ApiFailure>> + 'static,
    {
        let desk = *self;
        let answer = LocalResource::new(fetch);
        Effect::new(move |_| {
            answer.with(|a| {
                if let Some(Err(failure)) = a {
                    desk.check(failure);
                }
            });
        });
        answer
    }
}

/// How a desk screen draws what it read: waiting, the server unreachable, or the answer.
pub fn answer_view<T: Clone + 'static>(
    answer: LocalResource<Result<T, ApiFailure>>,
    ready: impl Fn(T) -> AnyView + Send + Sync + 'static,
) -> impl Fn() -> AnyView + Send + Sync + 'static {
    let i18n = use_i18n();
    move || match answer.get() {
        None => view! { <p role="status">{t!(i18n, desk_loading)}</p> }.into_any(),
        Some(Err(_)) => view! {
            <p class="notice notice--error" role="alert">{t!(i18n, desk_unreachable)}</p>
        }
        .into_any(),
        Some(Ok(found)) => ready(found),
    }
}

#[component]
pub fn DeskLayout() -> impl IntoView {
    let i18n = use_i18n();
    let desk = Desk {
        session: RwSignal::new(None),
    };
    provide_context(desk);
    let current = LocalResource::new(crate::api::desk::session);
    Effect::new(move |_| {
        if let Some(Ok(Some(s))) = current.get() {
            desk.session.set(Some(s));
        }
    });
    let signed_in = move || desk.session.with(Option::is_some);
    view! {
        <Show
            when=signed_in
            fallback=move || {
                if current.with(Option::is_none) {
                    view! { <p role="status">{t!(i18n, desk_loading)}</p> }.into_any()
                } else {
                    view! { <SignIn /> }.into_any()
                }
            }
        >
            <DeskBar />
            <Outlet />
        </Show>
    }
}

/// Who is signed in, for which office, and signing out (a shared computer at the CPI).
#[component]
fn DeskBar() -> impl IntoView {
    let i18n = use_i18n();
    let desk = Desk::get();
    let sign_out = Action::new_local(move |_: &()| {
        let csrf = desk.csrf();
        async move { crate::api::desk::sign_out(&csrf).await }
    });
    Effect::new(move |_| {
        if let Some(Ok(())) = sign_out.value().get() {
            desk.session.set(None);
        }
    });
    let who = move || {
        desk.session.with(|s| {
            s.as_ref()
                .map(|s| format!("{} · {}", s.email, s.office_name))
                .unwrap_or_default()
        })
    };
    view! {
        <div class="desk-bar">
            <p class="desk-bar__who">{t!(i18n, desk_signed_in_as)} " " <strong>{who}</strong></p>
            <nav class="desk-bar__nav" aria-label=move || t_string!(i18n, desk_nav_label)>
                <A href="/revisione" exact=true>{t!(i18n, desk_queue_title)}</A>
                " · "
                <A href="/revisione/monitoraggio">{t!(i18n, mon_title)}</A>
            </nav>
            <button type="button" class="button button--secondary" id="esci" on:click=move |_| { sign_out.dispatch(()); }>
                {t!(i18n, desk_sign_out)}
            </button>
            {move || matches!(sign_out.value().get(), Some(Err(_))).then(|| view! {
                <p class="notice notice--error" role="alert">{t!(i18n, desk_sign_out_failed)}</p>
            })}
        </div>
    }
}
