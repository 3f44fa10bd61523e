//! Tables on a phone: a table wider than the screen says so, in words at its start and in
//! shaded edges, scrolls by keyboard, and keeps its hint in view while it scrolls; a table
//! that fits says nothing.

use fantoccini::key::Key;
use folio_e2e::cut::{cut_pages, open_cut, whole_pages};
use folio_e2e::reading::{close_panel, set_text_size};
use folio_e2e::{article, Browser};
use serde_json::{json, Value};

const LONG_READ: &str = "folio-long-read-test";

/// The long read's table, brought near the top of the screen, as the reader sees it.
const TABLE: &str = "const box = document.querySelector('.story-body .table-scroll');
  box.scrollIntoView({ block: 'start' }); scrollBy(0, -48);
  const hint = box.querySelector('.table-scroll__hint');
  const b = box.getBoundingClientRect(), h = hint.getBoundingClientRect();
  const shown = hint.getClientRects().length > 0 && getComputedStyle(hint).visibility === 'visible';
  return {
    height: b.height,
    scrolls: box.scrollWidth > box.clientWidth + 1,
    left: Math.round(box.scrollLeft),
    hint: shown ? hint.innerText : null,
    hint_in_view: shown && h.left >= b.left - 1 && h.right <= b.right + 1 && h.top >= b.top - 1,
    hint_unread: hint.getAttribute('aria-hidden'),
    label: box.getAttribute('aria-label'),
    role: box.getAttribute('role'),
    keyboard: box.tabIndex,
    shades: getComputedStyle(box).backgroundAttachment,
  };";

async fn table(b: &Browser) -> Value {
    b.eval(TABLE).await
}

#[tokio::test]
async fn a_table_wider_than_a_phone_says_it_scrolls_and_scrolls_by_keyboard() {
    let b = Browser::start(320, 740).await;
    b.open(&article(LONG_READ)).await;
    set_text_size(&b, 150).await;
    close_panel(&b).await;
    let seen = table(&b).await;
    assert_eq!(
        seen["scrolls"],
        json!(true),
        "at 320 px and 150% the table is wider than the screen: {seen}"
    );
    assert_eq!(
        seen["hint"],
        json!("Scroll sideways to see all 4 columns"),
        "{seen}"
    );
    assert_eq!(seen["hint_in_view"], json!(true), "{seen}");
    assert_eq!(
        seen["hint_unread"],
        json!("true"),
        "screen readers read the table whole, not the hint: {seen}"
    );
    assert_eq!(
        (&seen["role"], &seen["label"], &seen["keyboard"]),
        (&json!("region"), &json!("Table"), &json!(0)),
        "a named region that takes focus: {seen}"
    );
    assert!(
        seen["shades"]
            .as_str()
            .is_some_and(|s| s.starts_with("local, local, scroll, scroll")),
        "the edges shade where columns lie out of sight: covers that travel with the table \
         over shades that stay with its box: {seen}"
    );
    b.screenshot("table-320-hint").await;

    // By keyboard: focus the table and move along it; the hint stays at the start.
    b.eval("document.querySelector('.story-body .table-scroll').focus(); return true;")
        .await;
    for _ in 0..6 {
        b.press(Key::Right).await;
    }
    let moved = table(&b).await;
    assert!(
        moved["left"].as_i64().is_some_and(|l| l > 0),
        "the arrow keys scroll the table: {moved}"
    );
    assert_eq!(
        moved["hint_in_view"],
        json!(true),
        "the hint stays in view: {moved}"
    );
    b.screenshot("table-320-scrolled").await;
    b.close().await;
}

#[tokio::test]
async fn a_table_that_fits_says_nothing_about_scrolling() {
    for width in [412, 1280] {
        let b = Browser::start(width, 900).await;
        b.open(&article(LONG_READ)).await;
        let seen = table(&b).await;
        assert_eq!(seen["scrolls"], json!(false), "{width} px: {seen}");
        assert_eq!(
            seen["hint"],
            json!(null),
            "{width} px: no hint for a table that fits: {seen}"
        );
        b.screenshot(&format!("table-{width}-fits")).await;
        b.close().await;
    }
}

#[tokio::test]
async fn a_wide_table_is_as_tall_in_the_static_page_as_once_the_app_shows_its_hint() {
    let b = Browser::start(320, 740).await;
    // The static page alone, as the HTML and CSS make it: the app cannot read it.
    cut_pages(&b).await;
    open_cut(&b, &article(LONG_READ)).await;
    let alone = table(&b).await;
    assert_eq!(alone["scrolls"], json!(true), "{alone}");
    whole_pages(&b).await;
    b.open(&article(LONG_READ)).await;
    let taken_over = table(&b).await;
    assert!(
        taken_over["hint"].is_string(),
        "the app shows the hint: {taken_over}"
    );
    // Where the engine cannot ask CSS whether the box scrolls, the static page keeps the
    // hint's room, so the text does not move when the app shows it.
    assert_eq!(
        alone["height"], taken_over["height"],
        "the static page {alone} and the app's page {taken_over}"
    );
    b.close().await;
}
