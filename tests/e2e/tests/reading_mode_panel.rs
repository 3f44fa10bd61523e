//! Reading mode's panel through the real app: keyboard alone, settings that survive a reload
//! and apply before first paint, Reset, a full storage that is reported, not fatal, and a
//! click on the dimmed page behind it that closes it.

use fantoccini::key::Key;
use folio_e2e::reading::*;
use folio_e2e::Browser;
use serde_json::{json, Value};

#[tokio::test]
async fn keyboard_alone_opens_the_panel_reaches_and_operates_every_control_and_gets_focus_back() {
    let b = Browser::start(1280, 900).await;
    b.open(SEED).await;
    b.tab_to(OPENER, 30).await;
    b.press(Key::Enter).await;
    b.wait_for_css("dialog#folio_reading_panel[open]").await;

    // Tab cycles through every control of the panel and never leaves it, both ways.
    let controls = b
        .eval("return [...document.querySelectorAll('#folio_reading_panel :is(button, input, select)')].length;")
        .await
        .as_u64()
        .unwrap() as usize;
    assert!(
        controls >= 17,
        "switch, 4 presets, 6 sliders, 3 lists, 3 boxes, reset, close: {controls}"
    );
    let mut reached = std::collections::BTreeSet::new();
    for _ in 0..controls + 2 {
        b.press(Key::Tab).await;
        assert!(
            b.focus_is("#folio_reading_panel *").await,
            "focus left the open panel: {}",
            b.focused().await
        );
        reached.insert(b.focused().await);
    }
    assert_eq!(
        reached.len(),
        controls,
        "every control reached by Tab: {reached:#?}"
    );
    for _ in 0..controls + 2 {
        b.press_with(Key::Tab, true).await;
        assert!(
            b.focus_is("#folio_reading_panel *").await,
            "Shift+Tab left the panel: {}",
            b.focused().await
        );
    }

    b.tab_to(".reading-switch", controls).await;
    b.press(Key::Space).await;
    assert_eq!(
        b.eval("return document.querySelector('.reading-switch').getAttribute('aria-checked');")
            .await,
        json!("true")
    );
    assert_eq!(root_attribute(&b, "data-folio-reading").await, json!("on"));
    assert_eq!(status(&b).await, "Reading mode on");

    b.tab_to("#folio_reading_text_size", controls).await;
    b.press(Key::End).await;
    assert_eq!(b.eval("return getComputedStyle(document.documentElement).getPropertyValue('--folio-text-scale');").await, json!("3"));
    assert_eq!(status(&b).await, "Text size: 300%");
    b.press(Key::Home).await;
    b.press(Key::Right).await;
    assert_eq!(status(&b).await, "Text size: 90%");

    b.tab_to("#folio_reading_theme", controls).await;
    b.press(Key::Down).await;
    assert_eq!(root_attribute(&b, "data-folio-theme").await, json!("light"));
    assert_eq!(status(&b).await, "Theme: Light");

    b.tab_to("#folio_reading_panel input[type=checkbox]", controls)
        .await;
    b.press(Key::Space).await;
    assert_eq!(
        root_attribute(&b, "data-folio-motion").await,
        json!("reduce")
    );

    let preset = "#folio_reading_panel .reading-preset:nth-of-type(4)";
    b.tab_to(preset, controls).await;
    b.press(Key::Enter).await;
    assert_eq!(
        root_attribute(&b, "data-folio-theme").await,
        json!("high-contrast")
    );
    assert_eq!(status(&b).await, "Preset: High contrast");
    assert_eq!(
        b.eval(&format!(
            "return document.querySelector('{preset}').getAttribute('aria-pressed');"
        ))
        .await,
        json!("true")
    );

    b.press(Key::Escape).await;
    assert_eq!(
        b.eval("return document.querySelector('dialog#folio_reading_panel').open;")
            .await,
        json!(false)
    );
    assert!(
        b.focus_is(OPENER).await,
        "focus returns to the button, not {}",
        b.focused().await
    );
    // Closed, the panel holds nothing: Tab moves on into the article.
    b.press(Key::Tab).await;
    assert!(!b.focus_is("#folio_reading_panel *").await);
    assert_quiet_console(&b).await;
    b.close().await;
}

#[tokio::test]
async fn settings_survive_a_reload_and_apply_before_first_paint() {
    let b = Browser::start(1280, 900).await;
    b.open(SEED).await;
    open_panel(&b).await;
    click_preset(&b, "Large text").await;
    choose(&b, "#folio_reading_theme", "Dark").await;
    close_panel(&b).await;
    let look = "const r = document.documentElement;
        return [...r.attributes].filter(a => a.name.startsWith('data-folio') && !['data-folio-app', 'data-folio-body', 'data-folio-laying-out', 'data-folio-sw'].includes(a.name)).map(a => a.name + '=' + a.value)
          .concat([...r.style].map(p => p + '=' + r.style.getPropertyValue(p))).sort();";
    let before = b.eval(look).await;
    b.client.refresh().await.expect("reload");
    // Read before the app has taken the page over (`data-folio-app`, `data-folio-body` and
    // `data-folio-laying-out`, its own marks, and `data-folio-sw`, the service worker's
    // state, are left out): what the pre-paint script alone applied.
    b.wait_for_css("#folio_headline").await;
    let after = b.eval(look).await;
    assert_eq!(
        before, after,
        "the same attributes and properties after a reload"
    );
    assert_eq!(root_attribute(&b, "data-folio-theme").await, json!("dark"));
    let timing = b
        .eval(
            "const mark = performance.getEntriesByName('folio-reading-applied')[0];
             const paint = performance.getEntriesByType('paint').map(p => p.startTime);
             return { mark: mark ? mark.startTime : null, paint: paint.length ? Math.min(...paint) : null };",
        )
        .await;
    let mark = timing["mark"]
        .as_f64()
        .expect("the saved settings were applied by index.html");
    let paint = timing["paint"]
        .as_f64()
        .expect("the browser reports its first paint");
    assert!(
        mark < paint,
        "settings applied at {mark} ms, first paint at {paint} ms"
    );
    let background = b
        .eval("return getComputedStyle(document.body).backgroundColor;")
        .await;
    assert_eq!(
        background,
        json!("rgb(22, 24, 27)"),
        "dark background after reload"
    );
    // And once the app has taken over and laid the whole article out: its own marks on
    // `<html>` come and go without touching the reader's settings.
    b.wait_for_app().await;
    assert_eq!(
        before,
        b.eval(look).await,
        "the same attributes and properties once the app has taken over"
    );
    open_panel(&b).await;
    assert_eq!(
        b.eval("return document.querySelector('.reading-switch').getAttribute('aria-checked');")
            .await,
        json!("true")
    );
    assert_eq!(
        b.eval(
            "return document.querySelector('#folio_reading_theme').selectedOptions[0].textContent;"
        )
        .await,
        json!("Dark")
    );
    assert_eq!(b.eval("return document.querySelector('#folio_reading_text_size').getAttribute('aria-valuetext');").await, json!("175%"));
    b.close().await;
}

#[tokio::test]
async fn reset_restores_the_defaults_and_forgets_the_saved_settings() {
    let b = Browser::start(1280, 900).await;
    b.open(SEED).await;
    open_panel(&b).await;
    click_preset(&b, "Dyslexia-friendly").await;
    assert!(b
        .eval("return localStorage.getItem('folio.reading');")
        .await
        .is_string());
    b.wait_for_css(".reading-panel__reset")
        .await
        .click()
        .await
        .expect("reset");
    assert_eq!(status(&b).await, "Reading settings reset to the defaults");
    assert_eq!(
        b.eval("return localStorage.getItem('folio.reading');")
            .await,
        Value::Null
    );
    for name in ["data-folio-theme", "data-folio-reading", "data-folio-font"] {
        assert_eq!(
            root_attribute(&b, name).await,
            Value::Null,
            "{name} removed"
        );
    }
    assert_eq!(
        b.eval("return document.documentElement.style.length;")
            .await,
        json!(0)
    );
    b.close().await;
}

#[tokio::test]
async fn a_full_storage_is_reported_and_the_settings_still_apply() {
    let b = Browser::start(1280, 900).await;
    b.open(SEED).await;
    // Fill this origin's real storage until the browser refuses more.
    let filled = b
        .eval(
            "let size = 1024 * 1024, i = 0, refused = null;
             while (size >= 1 && i < 10000) {
               try { localStorage.setItem('filler-' + i++, 'x'.repeat(size)); }
               catch (e) { refused = e.name; size = Math.floor(size / 2); }
             }
             return refused;",
        )
        .await;
    assert_eq!(filled, json!("QuotaExceededError"));
    open_panel(&b).await;
    choose(&b, "#folio_reading_theme", "Sepia").await;
    assert_eq!(
        root_attribute(&b, "data-folio-theme").await,
        json!("sepia"),
        "the change applies anyway"
    );
    let problem = b.text(".reading-panel__problem").await;
    assert!(
        problem.contains("will not be kept") && problem.contains("full"),
        "{problem}"
    );
    b.eval("localStorage.clear(); return true;").await;
    choose(&b, "#folio_reading_theme", "Dark").await;
    assert_eq!(
        b.texts(".reading-panel__problem").await,
        Vec::<String>::new(),
        "the message goes once saving works"
    );
    assert_quiet_console(&b).await;
    b.close().await;
}

#[tokio::test]
async fn a_click_on_the_dimmed_page_closes_the_panel_and_a_click_inside_does_not() {
    let b = Browser::start(1280, 900).await;
    b.open(SEED).await;
    open_panel(&b).await;
    let is_open = "return document.querySelector('dialog#folio_reading_panel').open;";
    // Inside the panel, on its padding: the panel stays.
    let inside = b
        .eval("const r = document.querySelector('#folio_reading_panel').getBoundingClientRect(); return [r.left + 4, r.bottom - 4];")
        .await;
    b.click_at(inside[0].as_f64().unwrap(), inside[1].as_f64().unwrap())
        .await;
    assert_eq!(b.eval(is_open).await, json!(true), "a click inside");
    // On the dimmed page to its left: closed, focus back on its button.
    b.click_at(40.0, 450.0).await;
    assert_eq!(
        b.eval(is_open).await,
        json!(false),
        "a click on the backdrop"
    );
    assert!(
        b.focus_is(OPENER).await,
        "focus is on {}",
        b.focused().await
    );
    assert_quiet_console(&b).await;
    b.close().await;
}

#[tokio::test]
async fn with_reading_mode_off_the_panel_says_its_settings_wait_and_dims_them() {
    let b = Browser::start(1280, 900).await;
    b.open(SEED).await;
    open_panel(&b).await;
    click_preset(&b, "Large text").await;
    let look = "const g = document.querySelector('.reading-panel__group--mode'), note = document.querySelector('.reading-panel__off-note');
        return [note.hidden, getComputedStyle(g).color === getComputedStyle(note).color, document.documentElement.dataset.folioReading || null];";
    assert_eq!(b.eval(look).await, json!([true, false, "on"]), "on");
    b.wait_for_css(".reading-switch")
        .await
        .click()
        .await
        .unwrap();
    assert_eq!(
        b.eval(look).await,
        json!([false, true, null]),
        "off: the note shows, the kept settings are muted, the article is as published"
    );
    b.screenshot("reading-panel-off").await;
    assert_eq!(
        b.axe_violations().await,
        Vec::<String>::new(),
        "axe, panel open, mode off"
    );
    assert_quiet_console(&b).await;
    b.close().await;
}
