//! The chrome around every page: skip link, header with navigation, main, footer.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::focus::follow_in_page_link;
use crate::components::language_switch::LanguageSwitch;
use crate::components::page_heading::HeadingsShown;
use crate::components::update_notice::UpdateNotice;
use crate::i18n::{t, t_string, use_i18n};

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    HeadingsShown::provide();

    view! {
        <a class="skip-link" href="#contenuto" on:click=follow_in_page_link>
            {t!(i18n, skip_to_content)}
        </a>
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
            <UpdateNotice />
            {children()}
        </main>
        <footer class="site-footer">
            <div class="container">
                <p>{t!(i18n, footer_privacy)}</p>
                <p>{t!(i18n, footer_project)}</p>
                <p><a href="/impostazioni#glossario">{t!(i18n, footer_glossary)}</a></p>
            </div>
        </footer>
    }
}
