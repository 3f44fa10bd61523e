//! Calls into JavaScript objects through `Reflect`, which give `Err` or `None` instead of
//! throwing: for browser APIs that may be missing, or replaced by a test's fake.

use js_sys::{Array, Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// `globalThis[name]`, unless it is missing, `undefined` or `null`; always `None` when
/// rendering natively, where there is no JavaScript.
pub fn global(name: &str) -> Option<JsValue> {
    if !cfg!(target_arch = "wasm32") {
        return None;
    }
    Reflect::get(&js_sys::global(), &name.into())
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

/// `target[method](...args)`, with anything thrown returned as `Err`.
pub fn call(target: &JsValue, method: &str, args: &Array) -> Result<JsValue, JsValue> {
    let function: Function = Reflect::get(target, &method.into())?.dyn_into()?;
    Reflect::apply(&function, target, args)
}

/// `from[key]` as a string; empty when it is not one.
pub fn string(from: &JsValue, key: &str) -> String {
    Reflect::get(from, &key.into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// `from[key]` as a number, if it is one.
pub fn number(from: &JsValue, key: &str) -> Option<f64> {
    Reflect::get(from, &key.into())
        .ok()
        .and_then(|v| v.as_f64())
}

/// Whether `from[key]` is `true`.
pub fn is_true(from: &JsValue, key: &str) -> bool {
    Reflect::get(from, &key.into())
        .ok()
        .and_then(|v| v.as_bool())
        == Some(true)
}
