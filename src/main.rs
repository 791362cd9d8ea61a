use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Replaces the static first paint of `index.html` (header and a loading message) with the
/// app, so the page is never blank while the wasm loads and never shows both.
fn main() {
    console_error_panic_hook::set_once();
    let root = document()
        .get_element_by_id("app")
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    match root {
        Some(root) => {
            root.set_inner_html("");
            leptos::mount::mount_to(root, sportello::App).forget();
        }
        None => leptos::mount::mount_to_body(sportello::App),
    }
}
