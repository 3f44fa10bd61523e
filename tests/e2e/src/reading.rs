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
    let widths = b
        .eval("return [document.documentElement.scrollWidth, window.innerWidth, document.body.scrollWidth];")
        .await;
    let (scroll, inner) = (widths[0].as_i64().unwrap(), widths[1].as_i64().unwrap());
    assert!(
        scroll <= inner,
        "{what}: the page is {scroll} px wide in a {inner} px viewport"
    );
}

/// Fails the test if the browser's console has any error.
pub async fn assert_quiet_console(b: &Browser) {
    let errors = b.console_errors().await;
    assert!(errors.is_empty(), "{errors:?}");
}
