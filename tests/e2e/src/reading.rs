//! Helpers for the reading-mode journeys: the settings panel, its controls, what it writes
//! on `<html>`, text contrast from rendered colours, and sideways scrolling.

use fantoccini::key::Key;
use fantoccini::Locator;
use serde_json::{json, Value};

use crate::Browser;

pub const SEED: &str = "articles/us-officials-meet-russian-dissidents/";
pub const OPENER: &str = "button[aria-controls='folio_reading_panel']";
pub const THEMES: [(&str, f64); 5] = [
    ("Match the system", 4.5),
    ("Light", 4.5),
    ("Sepia", 4.5),
    ("Dark", 4.5),
    ("High contrast", 7.0),
];
pub const PRESETS: [&str; 4] = [
    "Comfort",
    "Large text",
    "Dyslexia-friendly",
    "High contrast",
];

pub async fn open_panel(b: &Browser) {
    b.wait_for_css(OPENER)
        .await
        .click()
        .await
        .expect("click Reading settings");
    b.wait_for_css("dialog#folio_reading_panel[open]").await;
}

pub async fn close_panel(b: &Browser) {
    b.press(Key::Escape).await;
    assert_eq!(
        b.eval("return document.querySelector('dialog#folio_reading_panel').open;")
            .await,
        json!(false)
    );
}

pub async fn choose(b: &Browser, select: &str, label: &str) {
    let el = b.wait_for_css(select).await;
    el.select_by_label(label)
        .await
        .unwrap_or_else(|e| panic!("choose {label:?} in {select}: {e}"));
    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
}

pub async fn click_preset(b: &Browser, name: &str) {
    let xpath =
        format!("//button[contains(@class,'reading-preset') and normalize-space()='{name}']");
    let button = b
        .client
        .find(Locator::XPath(&xpath))
        .await
        .expect("preset button");
    button.click().await.expect("click preset");
}

pub async fn root_attribute(b: &Browser, name: &str) -> Value {
    b.client
        .execute(
            "return document.documentElement.getAttribute(arguments[0]);",
            vec![json!(name)],
        )
        .await
        .expect("read attribute")
}

pub async fn status(b: &Browser) -> String {
    b.text(".reading-panel__status").await
}

pub async fn contrast(b: &Browser, scope: &str, minimum: f64) -> Value {
    let script = include_str!("contrast.js");
    b.client
        .execute(script, vec![json!(scope), json!(minimum)])
        .await
        .expect("contrast script")
}

pub async fn no_sideways_scroll(b: &Browser, what: &str) {
    // Against the width the test set, never `innerWidth`, which grows with overflowing content
    // under mobile emulation; and every element, not only the document: a box that scrolls
    // or clips sideways inside itself hides its content as surely. Table and code wrappers
    // that say they scroll (a labelled region, reachable by keyboard) are allowed.
    let found = b
        .client
        .execute(
            "const width = arguments[0];
             const doc = document.documentElement.scrollWidth;
             const wide = [];
             for (const e of document.querySelectorAll('body *')) {
               if (!e.getClientRects().length) continue;
               if (e.closest('.table-scroll, pre.code, .visually-hidden')) continue;
               const s = getComputedStyle(e);
               if (s.position === 'fixed' && e.closest('dialog:not([open])')) continue;
               const r = e.getBoundingClientRect();
               const out = r.right > width + 1 || r.left < -1;
               const clipped = s.overflowX !== 'visible' && e.scrollWidth > e.clientWidth + 1;
               if (out || clipped) wide.push(e.localName + '.' + String(e.className).split(' ')[0] + ' ' + Math.round(r.left) + '..' + Math.round(r.right) + (clipped ? ' holds ' + e.scrollWidth + ' in ' + e.clientWidth : ''));
             }
             return { doc, wide: wide.slice(0, 8), count: wide.length };",
            vec![serde_json::json!(b.width)],
        )
        .await
        .unwrap_or_else(|e| panic!("{what}: cannot measure: {e}"));
    let doc = found["doc"].as_i64().unwrap_or(i64::MAX);
    assert!(
        doc <= i64::from(b.width),
        "{what}: the page is {doc} px wide in a {} px viewport: {}",
        b.width,
        found["wide"]
    );
    assert_eq!(
        found["count"],
        serde_json::json!(0),
        "{what}: wider than the {} px viewport, or scrolling sideways inside: {}",
        b.width,
        found["wide"]
    );
}

/// Fails the test if the browser's console has any error.
pub async fn assert_quiet_console(b: &Browser) {
    let errors = b.console_errors().await;
    assert!(errors.is_empty(), "{errors:?}");
}
