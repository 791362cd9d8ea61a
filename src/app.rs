//! The router table: Sportello's site map, one line per screen.

use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::path;

use crate::components::layout::Layout;
use crate::i18n::I18nContextProvider;
use crate::pages::libretto::{
    draft::DraftLayout, invio::InvioPage, overview::OverviewPage, riepilogo::RiepilogoPage,
    section::SectionEntryPage, section::SectionPage, stampa::StampaPage,
};
use crate::pages::{
    dote::DotePage, home::HomePage, ila::IlaPage, impostazioni::ImpostazioniPage, invii::InviiPage,
    libretto::LibrettoPage, not_found::NotFoundPage, revisione::RevisionePage, ricevuta::RicevutaPage,
};
use crate::store::outbox::Outbox;

/// Only `/`: what a first visit needs, a fraction of the whole app's size. A link to any other
/// route is followed by the router into the fallback, which asks the server for that address
/// again; the server answers it with the whole app (`index.html`).
#[component]
pub fn HomeApp() -> impl IntoView {
    view! {
        <Shell>
            <Routes fallback=|| view! { <LoadWholeApp /> }>
                <Route path=path!("/") view=HomePage />
            </Routes>
        </Shell>
    }
}

/// Loads the address the router was sent to from the server, which serves the whole app
/// there. After the frame, so that the router has put the address in the history: then a
/// reload fetches it without a second history entry (and if it has not, the address is
/// opened as a new entry, so "back" still returns home).
#[component]
fn LoadWholeApp() -> impl IntoView {
    let target = use_location().pathname.get_untracked();
    request_animation_frame(move || {
        let here = window().location();
        if here.pathname().ok().as_deref() == Some(target.as_str()) {
            let _ = here.reload();
        } else {
            let _ = here.assign(&target);
        }
    });
}

/// What both entries draw their routes in: page metadata, translations, the router and the
/// page chrome.
#[component]
fn Shell(children: Children) -> impl IntoView {
    // `<html lang dir>` and the page titles are set through leptos_meta.
    provide_meta_context();
    view! {
        // The language is remembered in localStorage by `prefs`, not in a cookie: nothing
        // about the citizen's choices travels to the server.
        <I18nContextProvider enable_cookie=false>
            <Router>
                <Layout>{children()}</Layout>
            </Router>
        </I18nContextProvider>
    }
}

#[component]
pub fn App() -> impl IntoView {
    // Submissions waiting in the outbox are sent whatever screen is open.
    Outbox::provide();

    view! {
        <Shell>
                    <Routes fallback=|| view! { <NotFoundPage /> }>
                        <Route path=path!("/") view=HomePage />
                        <Route path=path!("/libretto") view=LibrettoPage />
                        <ParentRoute path=path!("/libretto/:id") view=DraftLayout>
                            <Route path=path!("") view=OverviewPage />
                            <Route path=path!("riepilogo") view=RiepilogoPage />
                            <Route path=path!("stampa") view=StampaPage />
                            <Route path=path!("invio") view=InvioPage />
                            <Route path=path!(":sezione") view=SectionPage />
                            <Route path=path!(":sezione/:voce") view=SectionEntryPage />
                        </ParentRoute>
                        <Route path=path!("/ila") view=IlaPage />
                        <Route path=path!("/dote") view=DotePage />
                        <Route path=path!("/invii") view=InviiPage />
                        <Route path=path!("/invii/:chiave") view=RicevutaPage />
                        <Route path=path!("/revisione") view=RevisionePage />
                        <Route path=path!("/impostazioni") view=ImpostazioniPage />
                    </Routes>
        </Shell>
    }
}
