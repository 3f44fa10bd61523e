//! Giving the browser a turn in the middle of long work: the work awaits
//! [`yield_to_browser`], and meanwhile the browser paints what was built, handles input and
//! runs its other tasks. Browser only.

use js_sys::Promise;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Resolves in a task after the next frame has been painted, so each piece of work gets a
/// frame of its own, painted before the next piece starts; in a hidden page, which paints
/// no frames, after `setTimeout(0)`. Not `scheduler.yield()`: its continuations run ahead
/// of every other task, so timers, network and speech events would wait for the whole work.
pub async fn yield_to_browser() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let visible = page_visible();
    let promise = Promise::new(&mut |resolve, _| {
        let scheduled = if visible {
            after_next_frame(&window, resolve.clone())
        } else {
            window
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
                .is_ok()
        };
        if !scheduled {
            let _ = resolve.call0(&JsValue::UNDEFINED);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Calls `then` in a task of its own once the next frame has been painted: a
/// `setTimeout(0)` started from `requestAnimationFrame`. Whether it could be scheduled.
fn after_next_frame(window: &web_sys::Window, then: js_sys::Function) -> bool {
    let after = Closure::once_into_js(move || {
        let timed = web_sys::window().map(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(&then, 0)
                .is_ok()
        });
        if timed != Some(true) {
            let _ = then.call0(&JsValue::UNDEFINED);
        }
    });
    window
        .request_animation_frame(after.unchecked_ref())
        .is_ok()
}

/// How long reading a bundle may go on before it gives the browser a turn, in ms.
pub const READING_MS: f64 = 40.0;

/// A pause for the bundle crate's readings in steps (`folio_bundle::pause`): over at once
/// until `every_ms` have passed since the last turn, then a turn for the browser. Never in
/// a hidden page, where no reader is waiting and a timer may wait a second.
pub fn turn_every(every_ms: f64) -> impl FnMut() -> folio_bundle::pause::Waiting {
    let last = std::rc::Rc::new(std::cell::Cell::new(now_ms()));
    move || {
        let last = std::rc::Rc::clone(&last);
        let due = page_visible() && now_ms() - last.get() >= every_ms;
        Box::pin(async move {
            if due {
                yield_to_browser().await;
                last.set(now_ms());
            }
        })
    }
}

/// Whether the page is shown: a hidden one paints no frames and has no reader waiting.
fn page_visible() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| !d.hidden())
}

/// The clock the work measures itself by, in milliseconds.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}
