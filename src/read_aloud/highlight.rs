//! Shows which paragraph is being read: a class on it, and a scroll that keeps it in view,
//! smooth unless the reader asked for reduced motion.

use super::js::{call, number};
use js_sys::Array;
use web_sys::{Element, ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition};

/// The class on the paragraph being read.
pub const CLASS: &str = "is-being-read";

/// Marks `element` as being read and scrolls it into view if it is not wholly in view.
pub fn mark(element: &Element) {
    let _ = element.class_list().add_1(CLASS);
    keep_in_view(element);
}

/// Takes the mark off `element`.
pub fn unmark(element: &Element) {
    let _ = element.class_list().remove_1(CLASS);
}

/// Whether the reader wants less motion: the system setting, or Folio's own reading
/// setting, which puts `data-folio-motion="reduce"` on the root element.
pub fn reduced_motion() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let system = window
        .match_media("(prefers-reduced-motion: reduce)")
        .ok()
        .flatten()
        .is_some_and(|query| query.matches());
    let own = window
        .document()
        .and_then(|d| d.document_element())
        .and_then(|root| root.get_attribute("data-folio-motion"))
        .is_some_and(|value| value == "reduce");
    system || own
}

fn keep_in_view(element: &Element) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let height = window
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    // Through `Reflect`, as web-sys's `DomRect` feature is not enabled.
    let rect = call(element, "getBoundingClientRect", &Array::new()).unwrap_or_default();
    let edge = |name: &str| number(&rect, name);
    if let (Some(top), Some(bottom)) = (edge("top"), edge("bottom")) {
        if top >= 0.0 && bottom <= height {
            return;
        }
    }
    let options = ScrollIntoViewOptions::new();
    options.set_block(ScrollLogicalPosition::Center);
    options.set_behavior(if reduced_motion() {
        ScrollBehavior::Instant
    } else {
        ScrollBehavior::Smooth
    });
    element.scroll_into_view_with_scroll_into_view_options(&options);
}
