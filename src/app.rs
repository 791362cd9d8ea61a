//! The router tables: Sportello's site map, one line per screen, by entry.

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
use crate::pages::revisione::{
    DeskLayout, coda::CodaPage, monitoraggio::MonitoraggioPage, pratica::PraticaPage,
};
use crate::pages::{
    dote::DotePage, home::HomePage, ila::IlaPage, impostazioni::ImpostazioniPage, invii::InviiPage,
    libretto::LibrettoPage, not_found::NotFoundPage, ricevuta::RicevutaPage, trasparenza::TrasparenzaPage,
};
use crate::store::outbox::Outbox;

// The app is built as four entries, so that no screen downloads the code of screens it does
// not show: `/` (the home page alone, `bin/home.rs`), the Libretto and its submissions
// (`bin/libretto.rs`), the orientatore's review desk (`bin/revisione.rs`) and the rest
// (`main.rs`). The server picks the entry by the address
// (`crates/cpi/src/app_files.rs`); a link into another entry's routes is loaded from the
// server by `LoadFromServer`.

/// Only `/`: what a first visit needs, a fraction of the whole app's size.
#[component]
pub fn HomeApp() -> impl IntoView {
    view! {
        <Shell>
            <Routes fallback=|| view! { <LoadFromServer /> }>
                <Route path=path!("/") view=HomePage />
            </Routes>
        </Shell>
    }
}

/// The Libretto: the drafts on this device, every screen of one draft, sending it to the CPI
/// and what was sent.
#[component]
pub fn LibrettoApp() -> impl IntoView {
    // Submissions waiting in the outbox are sent whatever screen is open.
    Outbox::provide();
    view! {
        <Shell>
            <Routes fallback=|| view! { <LoadFromServer /> }>
                // Home is small: every entry has it, so going home needs no page load.
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
                <Route path=path!("/invii") view=InviiPage />
                <Route path=path!("/invii/:chiave") view=RicevutaPage />
                <Route path=path!("/invii/:chiave/trasparenza") view=TrasparenzaPage />
            </Routes>
        </Shell>
    }
}

/// The orientatore's review desk: another person's tool, which no citizen's page downloads.
#[component]
pub fn DeskApp() -> impl IntoView {
    view! {
        <Shell>
            <Routes fallback=|| view! { <LoadFromServer /> }>
                <Route path=path!("/") view=HomePage />
                <ParentRoute path=path!("/revisione") view=DeskLayout>
                    <Route path=path!("") view=CodaPage />
                    <Route path=path!("monitoraggio") view=MonitoraggioPage />
                    <Route path=path!(":id") view=PraticaPage />
                </ParentRoute>
            </Routes>
        </Shell>
    }
}

/// Everything else: the programme checks, the dote, settings, and the not-found page.
#[component]
pub fn App() -> impl IntoView {
    Outbox::provide();
    view! {
        <Shell>
            <Routes fallback=|| view! { <LoadFromServer /> }>
                <Route path=path!("/") view=HomePage />
                <Route path=path!("/ila") view=IlaPage />
                <Route path=path!("/dote") view=DotePage />
                <Route path=path!("/impostazioni") view=ImpostazioniPage />
            </Routes>
        </Shell>
    }
}

/// A route this entry does not have. Reached by a link, it is another entry's: the address is
/// loaded from the server, after the frame, so that the router has put it in the history (then
/// a reload fetches it without a second history entry; if it has not, the address is opened
/// as a new entry, so "back" still returns). Reached by loading this very address, the server
/// has already chosen this entry for it: no entry has it, and the page says so — never a
/// reload loop.
#[component]
fn LoadFromServer() -> impl IntoView {
    let target = use_location().pathname.get_untracked();
    if crate::loaded_at() == Some(target.as_str()) {
        return view! { <NotFoundPage /> }.into_any();
    }
    request_animation_frame(move || {
        let here = window().location();
        if here.pathname().ok().as_deref() == Some(target.as_str()) {
            let _ = here.reload();
        } else {
            let _ = here.assign(&target);
        }
    });
    ().into_any()
}

/// What every entry draws its routes in: page metadata, translations, the router and the
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
