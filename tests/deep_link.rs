//! A deep link to an element not built yet, in headless Chromium: remembered, and landed on
//! once a screen's height of the document is built below the element, so that it comes to
//! the top of the screen, or once the document is complete. Run by `cargo xtask test`.
#![cfg(target_arch = "wasm32")]

mod browser;

use browser::{host, sleep};
use folio::article::slices::deep_link::DeepLink;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn window() -> web_sys::Window {
    web_sys::window().unwrap()
}

fn screen() -> i32 {
    window().inner_height().unwrap().as_f64().unwrap() as i32
}

/// A block `height` pixels tall, with `id` if given, added at the end of `root`.
fn add(root: &web_sys::HtmlElement, height: i32, id: Option<&str>) {
    let block: web_sys::HtmlElement = window()
        .document()
        .unwrap()
        .create_element("div")
        .unwrap()
        .unchecked_into();
    block
        .style()
        .set_property("height", &format!("{height}px"))
        .unwrap();
    if let Some(id) = id {
        block.set_id(id);
    }
    root.append_child(&block).unwrap();
}

/// Where element `id`'s top is on the screen, in pixels.
fn top(id: &str) -> f64 {
    let document = window().document().unwrap();
    document
        .get_element_by_id(id)
        .unwrap()
        .get_bounding_client_rect()
        .top()
}

/// A page three screens tall, an address asking for `id` before it exists, and the watch;
/// then the element, with `after` pixels of document below its top.
async fn asked_then_built(id: &str, after: i32) -> (web_sys::HtmlElement, DeepLink) {
    window().scroll_to_with_x_and_y(0.0, 0.0);
    window().location().set_hash(id).unwrap();
    // The `hashchange` this fires has come and gone before the watch starts.
    sleep(50).await;
    let root = host();
    add(&root, 3 * screen(), None);
    let link = DeepLink::watch();
    add(&root, 40, Some(id));
    add(&root, after - 40, None);
    (root, link)
}

fn done(root: web_sys::HtmlElement) {
    root.remove();
    window().location().set_hash("").unwrap();
    window().scroll_to_with_x_and_y(0.0, 0.0);
}

#[wasm_bindgen_test]
async fn a_deep_link_waits_for_a_screen_of_document_below_its_element_then_lands() {
    let (root, link) = asked_then_built("a-late-heading", screen() / 3).await;
    link.land(false);
    sleep(50).await;
    assert_eq!(
        window().scroll_y().unwrap(),
        0.0,
        "not landed while the scroll would stop short of the element"
    );
    add(&root, screen(), None);
    link.land(false);
    sleep(50).await;
    let top = top("a-late-heading");
    assert!(top.abs() < 1.0, "landed at the top: {top}");
    done(root);
}

#[wasm_bindgen_test]
async fn a_deep_link_near_the_end_lands_once_the_document_is_complete() {
    let (root, link) = asked_then_built("the-last-heading", screen() / 3).await;
    link.land(true);
    sleep(50).await;
    let screen = f64::from(screen());
    assert!(
        window().scroll_y().unwrap() > 2.0 * screen,
        "landed as far as the document goes"
    );
    let top = top("the-last-heading");
    assert!(
        top > 0.0 && top < screen,
        "the element is on the screen: {top}"
    );
    done(root);
}
