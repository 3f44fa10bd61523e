//! The bench page's binary (`cargo xtask bench`): mounts nothing; the page calls the
//! `#[wasm_bindgen]` functions of `folio::bench` itself.

fn main() {
    folio::bench::start();
}
