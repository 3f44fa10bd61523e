//! `use_scrolls_sideways`: whether a box's content is wider than the box, kept up to date as
//! the screen or the reader's text size changes. Chromium shows the table hint from CSS alone
//! (a scroll-state container query); this brings it to the engines without one.

use leptos::html;
use leptos::prelude::*;

/// True while `frame`'s content is wider than `frame` (and so scrolls sideways); always
/// false when rendering natively, where the page's CSS decides.
pub fn use_scrolls_sideways(frame: NodeRef<html::Div>) -> Signal<bool> {
    let scrolls = RwSignal::new(false);
    #[cfg(target_arch = "wasm32")]
    Effect::new(move |_| {
        if let Some(frame) = frame.get() {
            watch(frame, scrolls);
        }
    });
    #[cfg(not(target_arch = "wasm32"))]
    let _ = frame;
    scrolls.into()
}

/// Watches `frame` and its children with a `ResizeObserver`, which also answers once at the
/// start; stops when the component goes.
#[cfg(target_arch = "wasm32")]
fn watch(frame: web_sys::HtmlDivElement, scrolls: RwSignal<bool>) {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    let measured = frame.clone();
    let measure = Closure::<dyn FnMut()>::new(move || {
        let wider = measured.scroll_width() > measured.client_width() + 1;
        if scrolls.get_untracked() != wider {
            scrolls.set(wider);
        }
    });
    let Ok(observer) = web_sys::ResizeObserver::new(measure.as_ref().unchecked_ref()) else {
        return;
    };
    observer.observe(&frame);
    let children = frame.children();
    for i in 0..children.length() {
        if let Some(child) = children.item(i) {
            observer.observe(&child);
        }
    }
    let kept = send_wrapper::SendWrapper::new((observer, measure));
    on_cleanup(move || kept.0.disconnect());
}
