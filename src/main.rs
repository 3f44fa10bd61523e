//! Starts Folio in the browser.

fn main() {
    console_error_panic_hook::set_once();
    #[cfg(target_arch = "wasm32")]
    folio::start::start();
}
