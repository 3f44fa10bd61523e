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

/// The text sizes from 100% up, as the panel's slider steps through them.
pub const TEXT_SIZES: [u32; 8] = [100, 110, 125, 150, 175, 200, 250, 300];
/// Steps below 100% on the slider.
const TEXT_SIZES_BELOW_100: usize = 2;

/// Opens the panel and focuses its text-size slider, by clicking it as a reader would.
pub async fn focus_text_size(b: &Browser) {
    open_panel(b).await;
    b.click("#folio_reading_text_size").await;
}

/// Sets the text size to `percent`, one of [`TEXT_SIZES`], with the panel's slider and
/// the arrow keys, leaving the panel open.
pub async fn set_text_size(b: &Browser, percent: u32) {
    let step = TEXT_SIZES
        .iter()
        .position(|s| *s == percent)
        .unwrap_or_else(|| panic!("{percent}% is not a step of the slider"));
    focus_text_size(b).await;
    b.press(Key::Home).await;
    for _ in 0..TEXT_SIZES_BELOW_100 + step {
        b.press(Key::Right).await;
    }
    assert_eq!(status(b).await, format!("Text size: {percent}%"));
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

/// Chooses the interface language named `name` (in itself, such as "Русский") in the
/// reading panel, opening it if it is closed, and waits for the page drawn again in it.
pub async fn choose_language(b: &Browser, name: &str) {
    let open = b
        .eval("return document.querySelector('dialog#folio_reading_panel').open;")
        .await;
    if open != json!(true) {
        open_panel(b).await;
    }
    choose(b, "#folio_reading_language", name).await;
    b.wait_for_app().await;
    b.wait_for_css("dialog#folio_reading_panel[open]").await;
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
    // or clips sideways inside itself hides its content as surely. A table wrapper that
    // says it scrolls is allowed: a labelled region, reachable by keyboard, that shows its
    // hint while it scrolls (or, in an engine without scroll-state queries, shades its
    // edges); so are code blocks, which wrap.
    let found = b
        .client
        .execute(
            "const width = arguments[0];
             const doc = document.documentElement.scrollWidth;
             const visual = visualViewport.width;
             const queries = CSS.supports('container-type: scroll-state');
             const says = (w) => w.getAttribute('role') === 'region' && !!w.getAttribute('aria-label') && w.tabIndex === 0
               && (w.scrollWidth <= w.clientWidth + 1 || (queries
                 ? [...w.children].some(c => c.matches('.table-scroll__hint') && c.getClientRects().length > 0)
                 : getComputedStyle(w).backgroundAttachment.includes('local')));
             const wide = [];
             for (const e of document.querySelectorAll('body *')) {
               if (!e.getClientRects().length) continue;
               const table = e.closest('.table-scroll');
               if (table && says(table)) continue;
               if (e.closest('pre.code, .visually-hidden')) continue;
               const s = getComputedStyle(e);
               if (s.position === 'fixed' && e.closest('dialog:not([open])')) continue;
               const r = e.getBoundingClientRect();
               const out = r.right > width + 1 || r.left < -1;
               const clipped = s.overflowX !== 'visible' && e.scrollWidth > e.clientWidth + 1;
               if (out || clipped) wide.push(e.localName + '.' + String(e.className).split(' ')[0] + ' ' + Math.round(r.left) + '..' + Math.round(r.right) + (clipped ? ' holds ' + e.scrollWidth + ' in ' + e.clientWidth : ''));
             }
             return { doc, visual, wide: wide.slice(0, 8), count: wide.length };",
            vec![serde_json::json!(b.width)],
        )
        .await
        .unwrap_or_else(|e| panic!("{what}: cannot measure: {e}"));
    // The screen the reader sees is the width set: the check measures against it.
    assert_eq!(
        found["visual"].as_f64(),
        Some(f64::from(b.width)),
        "{what}: the visual viewport is the {} px set",
        b.width
    );
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

/// Words broken across lines although they would fit on one line of their box: a reader
/// at a large text size sees "R / eadin / g". Words longer than their box's line may
/// break (they must, not to overflow), in a page title only where they would not fit at the
/// body text's size, and a compound may break after its hyphen or slash.
pub async fn chopped_words(b: &Browser) -> Vec<String> {
    let found = b
        .eval(
            "const chopped = [];
             const walker = document.createTreeWalker(document.querySelector('main') || document.body, NodeFilter.SHOW_TEXT);
             const range = document.createRange();
             for (let node = walker.nextNode(); node; node = walker.nextNode()) {
               const box = node.parentElement.closest('p, li, h1, h2, h3, h4, button, a, figcaption, dd, dt, td, th, label, legend, div');
               if (!box || !node.parentElement.getClientRects().length) continue;
               if (node.parentElement.closest('.visually-hidden, pre, code')) continue;
               const s = getComputedStyle(box);
               const line = box.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
               for (const m of node.data.matchAll(/[^\\s\\u00ad]+/g)) {
                 range.setStart(node, m.index);
                 range.setEnd(node, m.index + m[0].length);
                 const rects = [...range.getClientRects()].filter(r => r.width > 0);
                 if (rects.length < 2) continue;
                 const width = rects.reduce((sum, r) => sum + r.width, 0);
                 // A page title is sized down so that its words fit where they would in the
                 // body text (base.css): it may break a word only where the body would.
                 const title = box.localName === 'h1' ? parseFloat(getComputedStyle(document.body).fontSize) / parseFloat(s.fontSize) : 1;
                 if (width * Math.min(title, 1) > line) continue;
                 // A break after a hyphen is where a compound may break; after a slash
                 // ('RFE/RL') too, as Unicode's line breaking allows and Firefox does.
                 const breaks = [];
                 let last = null;
                 for (let i = 0; i < m[0].length; i++) {
                   range.setStart(node, m.index + i);
                   range.setEnd(node, m.index + i + 1);
                   // WebKit also gives an empty box at the end of the line before a wrapped one.
                   const r = [...range.getClientRects()].filter(r => r.width > 0)[0];
                   if (!r) continue;
                   if (last !== null && r.top > last + 1) breaks.push(i);
                   last = r.top;
                 }
                 if (breaks.every(i => m[0][i - 1] === '-' || m[0][i - 1] === '/')) continue;
                 chopped.push(m[0] + ' in ' + box.localName + '.' + String(box.className).split(' ')[0] + ' (' + Math.round(width) + ' px in a ' + Math.round(line) + ' px line, ' + rects.map(r => Math.round(r.width) + '@' + Math.round(r.top)).join('+') + ', hyphens ' + s.hyphens + ')');
               }
             }
             return chopped.slice(0, 12);",
        )
        .await;
    serde_json::from_value(found).unwrap_or_default()
}
