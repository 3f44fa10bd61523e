//! Starts Folio in the browser.

fn main() {
    console_error_panic_hook::set_once();
    #[cfg(target_arch = "wasm32")]
    folio::start::start();
}

/// Takes the page over again, exactly as at start-up (`window.wasmBindings.take_over()`):
/// the end-to-end tests scroll and focus first, then check that a takeover keeps both.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn take_over() {
    folio::start::start();
}
