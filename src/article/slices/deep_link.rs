//! A `#fragment` asked for before the element it names was built (a deep link to a late
//! heading, a footnote link followed before the footnotes are there): remembered, and gone
//! to once the element exists. Browser only.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Watches the address's fragment while a document is being built; stops when dropped.
pub struct DeepLink {
    /// The element id asked for and not yet there.
    pending: Rc<RefCell<Option<String>>>,
    /// The `hashchange` listener, removed on drop.
    listener: Closure<dyn FnMut()>,
}

impl DeepLink {
    /// Starts watching: the fragment now, if its element is missing, then each change.
    pub fn watch() -> DeepLink {
        let pending = Rc::new(RefCell::new(missing_target()));
        let listener = {
            let pending = Rc::clone(&pending);
            Closure::<dyn FnMut()>::new(move || *pending.borrow_mut() = missing_target())
        };
        if let Some(window) = web_sys::window() {
            let _ = window
                .add_event_listener_with_callback("hashchange", listener.as_ref().unchecked_ref());
        }
        DeepLink { pending, listener }
    }

    /// Goes to the element asked for if it has been built since, and a screen's height of
    /// the document is built below its top, or the document is `complete`: a navigation
    /// to the same fragment, so the browser scrolls to it and Tab goes on from there, as on
    /// a page that had it from the start. Landed sooner, the scroll would stop at the end
    /// of what is built, leaving the element lower on the screen as the rest arrives.
    pub fn land(&self, complete: bool) {
        let Some(id) = self.pending.borrow().clone() else {
            return;
        };
        let Some(window) = web_sys::window() else {
            return;
        };
        let Some(document) = window.document() else {
            return;
        };
        let Some(element) = document.get_element_by_id(&id) else {
            return;
        };
        if complete || room_below(&window, &document, &element) {
            *self.pending.borrow_mut() = None;
            let location = window.location();
            if let Ok(href) = location.href() {
                let _ = location.replace(&href);
            }
        }
    }
}

impl Drop for DeepLink {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            let _ = window.remove_event_listener_with_callback(
                "hashchange",
                self.listener.as_ref().unchecked_ref(),
            );
        }
    }
}

/// Whether the document goes on at least a screen's height below `element`'s top, so
/// that scrolling to it can bring it to the top of the screen.
fn room_below(
    window: &web_sys::Window,
    document: &web_sys::Document,
    element: &web_sys::Element,
) -> bool {
    let screen = window
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or_default();
    let Some(root) = document.document_element() else {
        return true;
    };
    let below = f64::from(root.scroll_height())
        - window.scroll_y().unwrap_or_default()
        - element.get_bounding_client_rect().top();
    below >= screen
}

/// The id the address's fragment names, if no element has it yet.
fn missing_target() -> Option<String> {
    let window = web_sys::window()?;
    let hash = window.location().hash().ok()?;
    let raw = hash.strip_prefix('#').filter(|h| !h.is_empty())?;
    let id = js_sys::decode_uri_component(raw)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| raw.to_owned());
    let document = window.document()?;
    document.get_element_by_id(&id).is_none().then_some(id)
}
