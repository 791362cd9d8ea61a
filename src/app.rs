//! The router tables: Sportello's site map, one line per screen, by entry.

use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::path;

use crate::components::layout::Layout;
use crate::components::on_demand::on_demand;
use crate::pages::libretto::draft::DraftLayout;
use crate::pages::libretto::section::{SectionEntryPage, SectionPage};
use crate::pages::revisione::{
    DeskLayout, coda::CodaPage, monitoraggio::MonitoraggioPage, pratica::PraticaPage,
};
use crate::pages::{
    dote::DotePage, home::HomePage, ila::IlaPage, impostazioni::ImpostazioniPage, not_found::NotFoundPage,
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
                <Route path=path!("/libretto") view=|| on_demand(split::drafts) />
                <ParentRoute path=path!("/libretto/:id") view=DraftLayout>
                    <Route path=path!("") view=|| on_demand(split::overview) />
                    <Route path=path!("riepilogo") view=|| on_demand(split::riepilogo) />
                    <Route path=path!("stampa") view=|| on_demand(split::stampa) />
                    <Route path=path!("invio") view=|| on_demand(split::invio) />
                    <Route path=path!(":sezione") view=SectionPage />
                    <Route path=path!(":sezione/:voce") view=SectionEntryPage />
                </ParentRoute>
                <Route path=path!("/invii") view=|| on_demand(split::invii) />
                <Route path=path!("/invii/:chiave") view=|| on_demand(split::ricevuta) />
                <Route path=path!("/invii/:chiave/trasparenza") view=|| on_demand(split::trasparenza) />
            </Routes>
        </Shell>
    }
}

/// The Libretto's other screens, split like its sections (`components::on_demand`): the
/// drafts, one draft's overview, its two document views, sending it, and what was sent.
mod split {
    use crate::components::on_demand::split_screen;
    use crate::pages::invii::InviiPage;
    use crate::pages::libretto::{
        LibrettoPage, invio::InvioPage, overview::OverviewPage, riepilogo::RiepilogoPage, stampa::StampaPage,
    };
    use crate::pages::ricevuta::RicevutaPage;
    use crate::pages::trasparenza::TrasparenzaPage;

    split_screen!(libretto_drafts, drafts, LibrettoPage);
    split_screen!(libretto_overview, overview, OverviewPage);
    split_screen!(libretto_document, riepilogo, RiepilogoPage);
    split_screen!(libretto_document, stampa, StampaPage);
    split_screen!(libretto_invio, invio, InvioPage);
    split_screen!(submissions, invii, InviiPage);
    split_screen!(submissions, ricevuta, RicevutaPage);
    split_screen!(submissions, trasparenza, TrasparenzaPage);
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
    // The page titles are set through leptos_meta; `<html lang dir>` by `i18n::I18n`, whose
    // context `start` provides (the language is remembered in localStorage by `prefs`, not in
    // a cookie: nothing about the citizen's choices travels to the server).
    provide_meta_context();
    view! {
        <Router>
            <Layout>{children()}</Layout>
        </Router>
    }
}
