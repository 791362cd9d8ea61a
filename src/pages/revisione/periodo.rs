//! The period a desk screen looks at: two date fields, received from and to (both optional).

use leptos::prelude::*;

use crate::components::form::Bound;
use crate::components::form::text_field::TextField;
use crate::i18n::use_i18n;
use crate::tr;

/// The days `from`–`to` as `YYYY-MM-DD` (empty: no bound); a change also runs `on_change`
/// (the queue goes back to its first page).
#[component]
pub fn Periodo(
    from: RwSignal<String>,
    to: RwSignal<String>,
    #[prop(optional)] on_change: Option<Callback<()>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let bound = move |s: RwSignal<String>| Bound {
        get: s.into(),
        set: Callback::new(move |v| {
            s.set(v);
            if let Some(f) = on_change {
                f.run(());
            }
        }),
    };
    view! {
        <div class="period">
            <TextField field="dal" label=tr!(i18n, desk_received_from) value=bound(from) input_type="date" />
            <TextField field="al" label=tr!(i18n, desk_received_to) value=bound(to) input_type="date" />
        </div>
    }
}
