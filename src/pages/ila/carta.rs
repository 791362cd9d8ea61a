//! The ILA card tracker on `/ila`: a citizen who already holds a card records each load and
//! each payment, and sees what is left, what can still be loaded and until when. The card's
//! rules (cap, top-up step, months of validity) and every check are core's
//! (`programmes::card`); this screen only collects movements and shows the figures.
//!
//! The card stays on this device (one record, `ILA_CARD_ID`) until the citizen downloads it.

use leptos::prelude::*;
use rust_decimal::Decimal;
use sportello_core::libretto::{PartialDate, Vocabulary};
use sportello_core::money::{format_eur, parse_eur};
use sportello_core::programmes::card::{Card, CardError, Movement, MovementKind};
use sportello_core::programmes::{IlaSpend, catalogue};
use sportello_core::records::{ILA_CARD_ID, SimulationKind, SimulationRecord};

use crate::components::focus::focus_by_id;
use crate::components::form::choice::{Choice, ChoiceRadios, VocabSelect};
use crate::components::form::date_field::DateField;
use crate::components::form::error_summary::ErrorSummary;
use crate::components::form::text_field::TextField;
use crate::components::form::{Bound, FormState, InputError, screen_error};
use crate::components::programme_result::mark_label;
use crate::components::store_error::StoreErrorMessage;
use crate::i18n::screen_lang;
use crate::i18n::{t, t_string, use_i18n};
use crate::store::{CorruptRecord, Store, StoreError, StoreName};
use crate::tr;
use sportello_core::libretto::validation::Code;

const HEADING: &str = "carta-ila";
const SITUATION: &str = "carta-situazione";
const MOVEMENTS: &str = "carta-movimenti";

/// The card kept on this device; a new, empty one when there is none yet.
async fn stored_card() -> Result<Card, StoreError> {
    let Some(record) = Store::open().await?.get::<SimulationRecord>(ILA_CARD_ID).await? else {
        return Ok(Card::default());
    };
    serde_json::from_value(record.body).map_err(|e| {
        StoreError::Corrupt(CorruptRecord {
            store: StoreName::Simulations,
            key: ILA_CARD_ID.to_owned(),
            reason: e.to_string(),
        })
    })
}

#[component]
pub fn CardTracker() -> impl IntoView {
    let i18n = use_i18n();
    let stored = LocalResource::new(stored_card);
    view! {
        <section aria-labelledby=HEADING class="card-tracker">
            <h2 id=HEADING>{t!(i18n, card_heading)}</h2>
            <p>{t!(i18n, card_intro)}</p>
            // A card that cannot be read is reported and left alone: nothing is written over it.
            {move || stored.get().map(|read| match read {
                Ok(card) => view! { <CardEditor card /> }.into_any(),
                Err(error) => view! { <StoreErrorMessage error /> }.into_any(),
            })}
        </section>
    }
}

#[component]
fn CardEditor(card: Card) -> impl IntoView {
    let i18n = use_i18n();
    let lang = screen_lang();
    let card = RwSignal::new(card);
    let save = Action::new_local(move |card: &Card| {
        let record = SimulationRecord {
            id: ILA_CARD_ID.to_owned(),
            kind: SimulationKind::IlaCard,
            name: t_string!(i18n, card_heading).to_owned(),
            saved_at: chrono::Utc::now(),
            body: serde_json::to_value(card).unwrap_or_default(),
        };
        async move { Store::open().await?.put(&record).await }
    });
    let change = move |next: Card| {
        card.set(next.clone());
        save.dispatch(next);
    };

    let schemes = Signal::derive(move || {
        let lang = lang.get();
        catalogue()
            .unwrap_or_default()
            .iter()
            .filter_map(|p| {
                let rules = p.card.as_ref()?;
                let step = rules
                    .top_up
                    .map(|s| format!(" · {} {}", t_string!(i18n, card_scheme_step), format_eur(s, lang)))
                    .unwrap_or_default();
                Some(Choice {
                    code: p.id.clone(),
                    label: p.name.pick(lang).to_owned(),
                    hint: Some(format!(
                        "{} {}{step} · {} {} {}",
                        t_string!(i18n, card_scheme_cap),
                        format_eur(rules.cap, lang),
                        rules.valid_months,
                        t_string!(i18n, dote_months),
                        t_string!(i18n, card_scheme_validity),
                    )),
                })
            })
            .collect()
    });
    let scheme = Bound {
        get: Signal::derive(move || card.with(|c| c.scheme().map(|p| p.id.clone()))),
        set: Callback::new(move |code: Option<String>| {
            let mut next = card.get_untracked();
            next.programme = code.unwrap_or_default();
            change(next);
        }),
    };
    let removal_refused = RwSignal::new(false);
    let remove = move |index: usize| {
        let mut next = card.get_untracked();
        match next.remove(index) {
            Ok(_) => {
                removal_refused.set(false);
                change(next);
                request_animation_frame(|| focus_by_id(MOVEMENTS));
            }
            Err(_) => removal_refused.set(true),
        }
    };
    let csv_failed = RwSignal::new(false);
    let download = move |_| {
        let csv = card.with_untracked(Card::to_csv);
        csv_failed.set(crate::store::transfer::download(&csv, "carta-ila.csv", "text/csv").is_err());
    };
    let added = RwSignal::new(0u32);

    view! {
        <ChoiceRadios field="carta-schema" label=tr!(i18n, card_scheme_label) value=scheme options=schemes hint=None />
        <Show when=move || card.with(|c| c.scheme().is_some())>
            <Situation card />
            <h3 id=MOVEMENTS tabindex="-1">{t!(i18n, card_movements_heading)}</h3>
            <Show
                when=move || card.with(|c| !c.movements.is_empty())
                fallback=move || view! { <p>{t!(i18n, card_movements_empty)}</p> }
            >
                <div class="table-scroll" role="region" aria-labelledby=MOVEMENTS tabindex="0">
                    <table class="compare">
                        <thead>
                            <tr>
                                <th scope="col">{t!(i18n, card_col_date)}</th>
                                <th scope="col">{t!(i18n, card_col_movement)}</th>
                                <th scope="col">{t!(i18n, card_col_amount)}</th>
                                <th scope="col">{t!(i18n, card_col_note)}</th>
                                <th scope="col"><span class="visually-hidden">{t!(i18n, card_col_actions)}</span></th>
                            </tr>
                        </thead>
                        <tbody>
                            <For
                                each=move || card.with(|c| c.movements.clone().into_iter().enumerate().collect::<Vec<_>>())
                                key=|(i, m)| (*i, m.clone())
                                let((index, m))
                            >
                                <MovementRow movement=m on_remove=Callback::new(move |()| remove(index)) />
                            </For>
                        </tbody>
                    </table>
                </div>
                <Show when=move || removal_refused.get()>
                    <p class="notice notice--error" role="alert">{t!(i18n, card_error_load_in_use)}</p>
                </Show>
                <button type="button" class="button button--secondary" on:click=download>{t!(i18n, card_download)}</button>
                <Show when=move || csv_failed.get()>
                    <p class="notice notice--error" role="alert">{t!(i18n, card_download_failed)}</p>
                </Show>
            </Show>
            {move || {
                added.track();
                view! { <MovementForm card change=Callback::new(move |next: Card| {
                    change(next);
                    added.update(|a| *a += 1);
                    request_animation_frame(|| focus_by_id(SITUATION));
                }) /> }
            }}
        </Show>
        <p role="status" class="save-status">
            {move || matches!(save.value().get(), Some(Ok(()))).then(|| t_string!(i18n, card_saved))}
        </p>
        {move || save.value().get().and_then(Result::err).map(|error| view! { <StoreErrorMessage error /> })}
    }
}

/// What the card holds today, under its scheme's rules, with the rules' source.
#[component]
fn Situation(card: RwSignal<Card>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = screen_lang();
    let today = chrono::Local::now().date_naive();
    let figures = move || {
        let lang = lang.get();
        card.with(|c| {
            let rules = c.scheme()?.card.as_ref()?;
            let outcome = c.outcome(rules, today)?;
            let eur = |d: Decimal| format_eur(d, lang);
            let until = outcome.valid_until.map(|d| {
                let label = if outcome.lapsed {
                    t_string!(i18n, card_lapsed_on)
                } else {
                    t_string!(i18n, card_valid_until)
                };
                view! { <div class="summary-list__row"><dt>{label}</dt> <dd>{PartialDate::from(d).display(lang)}</dd></div> }
            });
            let spent = c.spent();
            let by_category = (!spent.is_empty()).then(|| {
                let rows = spent
                    .into_iter()
                    .map(|(category, amount)| view! { <li>{category.label(lang)} ": " {eur(amount)}</li> })
                    .collect_view();
                view! { <ul class="summary-list__detail">{rows}</ul> }
            });
            Some(view! {
                <dl class="summary-list">
                    <div class="summary-list__row"><dt>{t!(i18n, card_loaded)}</dt> <dd>{eur(outcome.loaded)}</dd></div>
                    <div class="summary-list__row"><dt>{t!(i18n, card_spent)}</dt> <dd>{eur(outcome.spent)} {by_category}</dd></div>
                    <div class="summary-list__row"><dt>{t!(i18n, card_balance)}</dt> <dd>{eur(outcome.balance)}</dd></div>
                    <div class="summary-list__row"><dt>{t!(i18n, card_can_still_load)}</dt> <dd>{eur(outcome.can_still_load)}</dd></div>
                    {until}
                </dl>
                <p class="source">{t!(i18n, result_source)} " " {outcome.source} " (" {mark_label(outcome.mark)} ")"</p>
            })
        })
    };
    view! {
        <h3 id=SITUATION tabindex="-1">{t!(i18n, card_situation_heading)}</h3>
        {move || match figures() {
            Some(figures) => figures.into_any(),
            None => view! { <p>{t!(i18n, card_nothing_loaded)}</p> }.into_any(),
        }}
    }
}

#[component]
fn MovementRow(movement: Movement, on_remove: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = screen_lang();
    let date = PartialDate::from(movement.date).display(lang.get_untracked());
    let kind = movement.kind;
    let what = move || match kind {
        MovementKind::Load => t_string!(i18n, card_load).to_owned(),
        MovementKind::Spend(category) => {
            format!("{}: {}", t_string!(i18n, card_spend), category.label(lang.get()))
        }
    };
    let amount = movement.amount;
    let remove_label = {
        let date = date.clone();
        move || {
            format!(
                "{} {date}, {}",
                t_string!(i18n, card_remove_of),
                format_eur(amount, lang.get())
            )
        }
    };
    view! {
        <tr>
            <td>{date}</td>
            <td>{what}</td>
            <td>{move || format_eur(amount, lang.get())}</td>
            <td>{movement.note}</td>
            <td>
                <button type="button" class="link-button link-button--danger" aria-label=remove_label on:click=move |_| on_remove.run(())>
                    {t!(i18n, card_remove)}
                </button>
            </td>
        </tr>
    }
}

/// One movement being typed. Drawn anew after each one recorded, so its fields start empty.
#[component]
fn MovementForm(card: RwSignal<Card>, change: Callback<Card>) -> impl IntoView {
    let i18n = use_i18n();
    let kind = RwSignal::new(None::<String>);
    let date = RwSignal::new(None::<PartialDate>);
    let amount = RwSignal::new(String::new());
    let category = RwSignal::new(None::<IlaSpend>);
    let note = RwSignal::new(String::new());
    let is_spend = move || kind.with(|k| k.as_deref() == Some("spesa"));
    let findings = Signal::derive(move || {
        let mut missing = Vec::new();
        if kind.with(Option::is_none) {
            missing.push("movimento-tipo");
        }
        if date.with(Option::is_none) {
            missing.push("movimento-data");
        }
        if amount.with(|a| a.trim().is_empty()) {
            missing.push("movimento-importo");
        }
        if is_spend() && category.with(Option::is_none) {
            missing.push("movimento-categoria");
        }
        missing
            .into_iter()
            .map(|f| screen_error(f, Code::Required))
            .collect()
    });
    let form = FormState::provide(findings);
    let attempt = RwSignal::new(0u32);
    // The card rule the last attempt broke, on the field to change: typing there clears it.
    let refused = RwSignal::new(None::<&'static str>);
    let kinds = Signal::derive(move || {
        vec![
            Choice {
                code: "ricarica".into(),
                label: t_string!(i18n, card_load).to_owned(),
                hint: None,
            },
            Choice {
                code: "spesa".into(),
                label: t_string!(i18n, card_spend).to_owned(),
                hint: Some(t_string!(i18n, card_spend_hint).to_owned()),
            },
        ]
    });

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(field) = refused.get_untracked()
            && matches!(form.input_error(field), Some(InputError::Card(_)))
        {
            form.set_input_error(field, None);
        }
        let movement = (|| {
            let kind = match kind.get_untracked()?.as_str() {
                "spesa" => MovementKind::Spend(category.get_untracked()?),
                _ => MovementKind::Load,
            };
            Some(Movement {
                date: date.get_untracked()?.to_date()?,
                amount: parse_eur(&amount.get_untracked())?,
                kind,
                note: note.get_untracked().trim().to_owned(),
            })
        })();
        let Some(movement) = movement.filter(|_| form.try_continue()) else {
            attempt.update(|a| *a += 1);
            return;
        };
        let mut next = card.get_untracked();
        let Some(rules) = next.scheme().and_then(|p| p.card.as_ref()) else {
            return;
        };
        match next.add(movement, rules, chrono::Local::now().date_naive()) {
            Ok(()) => change.run(next),
            Err(error) => {
                let field = match error {
                    CardError::InFuture | CardError::BeforeFirstLoad | CardError::Lapsed { .. } => {
                        "movimento-data"
                    }
                    _ => "movimento-importo",
                };
                form.set_input_error(field, Some(InputError::Card(error)));
                refused.set(Some(field));
                form.try_continue();
                attempt.update(|a| *a += 1);
            }
        }
    };

    view! {
        <form class="card-form" novalidate on:submit=on_submit>
            <h3>{t!(i18n, card_add_heading)}</h3>
            <ErrorSummary form attempt=attempt.read_only() id="riepilogo-errori-carta" />
            <ChoiceRadios field="movimento-tipo" label=tr!(i18n, card_kind_label) value=Bound::from(kind) options=kinds hint=None />
            <DateField field="movimento-data" label=tr!(i18n, card_date_label) hint=tr!(i18n, card_date_hint)
                value=Bound::from(date) full=true />
            <TextField field="movimento-importo" label=tr!(i18n, card_amount_label) hint=tr!(i18n, card_amount_hint)
                inputmode="decimal" width="input--short"
                value=form.typed_text("movimento-importo", amount, |s| s.trim().is_empty() || parse_eur(s).is_some(), InputError::Money) />
            <Show when=is_spend>
                <VocabSelect<IlaSpend> field="movimento-categoria" label=tr!(i18n, card_category_label) value=Bound::from(category) />
            </Show>
            <TextField field="movimento-nota" label=tr!(i18n, card_note_label) hint=tr!(i18n, card_note_hint) value=Bound::from(note) />
            <button type="submit" class="button">{t!(i18n, card_add)}</button>
        </form>
    }
}
