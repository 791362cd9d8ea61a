//! The chrome around every page: skip link, header with navigation, main, footer.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

use crate::components::language_switch::LanguageSwitch;
use crate::components::page_heading::MAIN_HEADING_ID;
use crate::i18n::{t, t_string, use_i18n};
use crate::prefs;

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    // Apply the remembered language before anything renders, so the first paint is right.
    if let Some(saved) = prefs::saved_locale() {
        i18n.set_locale(saved);
    }
    move_focus_to_heading_on_navigation();

    view! {
        <a class="skip-link" href="#contenuto">{t!(i18n, skip_to_content)}</a>
        <header class="site-header">
            <div class="container site-header__top">
                <A href="/" attr:class="brand">
                    <span class="brand__name">{t!(i18n, app_name)}</span>
                    <span class="brand__tagline">{t!(i18n, app_tagline)}</span>
                </A>
                <LanguageSwitch />
            </div>
            <nav class="site-nav" aria-label=move || t_string!(i18n, nav_label)>
                <ul class="container site-nav__list">
                    <li><A href="/" exact=true>{t!(i18n, nav_home)}</A></li>
                    <li><A href="/libretto">{t!(i18n, nav_libretto)}</A></li>
                    <li><A href="/ila">{t!(i18n, nav_ila)}</A></li>
                    <li><A href="/dote">{t!(i18n, nav_dote)}</A></li>
                    <li><A href="/invii">{t!(i18n, nav_invii)}</A></li>
                    <li><A href="/revisione">{t!(i18n, nav_revisione)}</A></li>
                    <li><A href="/impostazioni">{t!(i18n, nav_impostazioni)}</A></li>
                </ul>
            </nav>
        </header>
        <main id="contenuto" class="container site-main" tabindex="-1">
            {children()}
        </main>
        <footer class="site-footer">
            <div class="container">
                <p>{t!(i18n, footer_privacy)}</p>
                <p>{t!(i18n, footer_project)}</p>
            </div>
        </footer>
    }
}

/// After a client-side navigation, screen-reader and keyboard users would otherwise stay on
/// the link they activated; moving focus to the new page's h1 tells them the page changed.
/// The first load is left alone: the browser's own focus start is right there.
fn move_focus_to_heading_on_navigation() {
    let location = use_location();
    let first = StoredValue::new(true);
    Effect::new(move |_| {
        location.pathname.track();
        if first.get_value() {
            first.set_value(false);
            return;
        }
        request_animation_frame(|| {
            if let Some(h1) = document()
                .get_element_by_id(MAIN_HEADING_ID)
                .and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el).ok())
            {
                let _ = h1.focus();
            }
        });
    });
}
