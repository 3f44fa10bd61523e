//! The browser's `Intl` formatters, called so that a language tag they refuse gives `None`
//! instead of a RangeError thrown through the WebAssembly, which would kill the page.

use wasm_bindgen::{JsCast, JsValue};

/// `new Intl[formatter]([language], options)[method](value)` as a string, or `None` when the
/// browser lacks the formatter or refuses the language or options.
pub fn format(
    formatter: &str,
    language: &str,
    options: &js_sys::Object,
    method: &str,
    value: &JsValue,
) -> Option<String> {
    let intl = js_sys::Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
    let ctor: js_sys::Function = js_sys::Reflect::get(&intl, &formatter.into())
        .ok()?
        .dyn_into()
        .ok()?;
    let args = js_sys::Array::of2(&js_sys::Array::of1(&language.into()), options);
    let instance = js_sys::Reflect::construct(&ctor, &args).ok()?;
    let call: js_sys::Function = js_sys::Reflect::get(&instance, &method.into())
        .ok()?
        .dyn_into()
        .ok()?;
    call.call1(&instance, value).ok()?.as_string()
}
