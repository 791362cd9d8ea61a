//! The words that stay Italian in every language (`sportello_core::lang::GLOSSARY`), each
//! explained in the screen's language: what a citizen hears at the CPI and reads on its forms,
//! so a translation keeps the word and this list says what it means.

use leptos::prelude::*;
use sportello_core::lang::GLOSSARY;

use crate::i18n::{t, t_string, use_i18n};

#[component]
pub fn Glossary() -> impl IntoView {
    let i18n = use_i18n();
    let rows = GLOSSARY
        .iter()
        .map(|&term| {
            view! {
                <div class="summary-list__row">
                    <dt lang="it">{term}</dt>
                    <dd>{move || explanation(i18n, term)}</dd>
                </div>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="glossario">
            <h2 id="glossario">{t!(i18n, glossary_heading)}</h2>
            <p>{t!(i18n, glossary_intro)}</p>
            <dl class="summary-list">{rows}</dl>
        </section>
    }
}

/// Each term's key is `glossary_` and the term in snake case (`tests/i18n_keys.rs` checks
/// that every term has one).
fn explanation(i18n: crate::I18n, term: &str) -> &'static str {
    match term {
        "Libretto" => t_string!(i18n, glossary_libretto),
        "dote" => t_string!(i18n, glossary_dote),
        "fascia" => t_string!(i18n, glossary_fascia),
        "CPI" => t_string!(i18n, glossary_cpi),
        "NASpI" => t_string!(i18n, glossary_naspi),
        "ISEE" => t_string!(i18n, glossary_isee),
        "DID" => t_string!(i18n, glossary_did),
        "PIP" => t_string!(i18n, glossary_pip),
        "GOL" => t_string!(i18n, glossary_gol),
        "Patto di servizio" => t_string!(i18n, glossary_patto_di_servizio),
        "SPID" => t_string!(i18n, glossary_spid),
        "CNS" => t_string!(i18n, glossary_cns),
        "codice fiscale" => t_string!(i18n, glossary_codice_fiscale),
        "Garanzia Giovani" => t_string!(i18n, glossary_garanzia_giovani),
        "cassa integrazione" => t_string!(i18n, glossary_cassa_integrazione),
        _ => "",
    }
}
