//! Reading mode's colours: contrast of every rendered text and focus ring in each theme,
//! axe-core in each theme and preset, a first visit that follows the system, forced colours.

use fantoccini::key::Key;
use fantoccini::Locator;
use folio_e2e::reading::*;
use folio_e2e::{Browser, Setting};
use serde_json::{json, Value};

#[tokio::test]
async fn every_theme_keeps_text_links_and_focus_rings_above_the_contrast_minimum() {
    let b = Browser::start(1280, 900).await;
    b.open(SEED).await;
    for (theme, minimum) in THEMES {
        open_panel(&b).await;
        choose(&b, "#folio_reading_theme", theme).await;
        let panel = contrast(&b, "#folio_reading_panel", minimum).await;
        assert!(
            panel["checked"].as_u64().unwrap() > 20,
            "{theme}: panel text checked: {panel}"
        );
        assert_eq!(
            panel["failures"],
            json!([]),
            "{theme}: panel text below {minimum}:1"
        );
        close_panel(&b).await;
        // A real key press makes the next programmatic focus show its ring.
        b.press(Key::Shift).await;
        for link in [".safety-pointer a", ".site-header__name", OPENER] {
            b.client
                .execute(
                    "document.querySelector(arguments[0]).focus({ focusVisible: true });",
                    vec![json!(link)],
                )
                .await
                .expect("focus");
            let page = contrast(&b, ".site-header, main, .site-footer", minimum).await;
            assert!(
                page["checked"].as_u64().unwrap() > 30,
                "{theme}: text checked: {page}"
            );
            assert_eq!(
                page["failures"],
                json!([]),
                "{theme}: text below {minimum}:1"
            );
            let ring = page["focus"]
                .as_f64()
                .unwrap_or_else(|| panic!("{theme}: {link} shows no focus ring"));
            assert!(
                ring >= minimum,
                "{theme}: the focus ring on {link} is {ring:.2}:1"
            );
        }
        b.screenshot(&format!("theme-{}", theme.to_lowercase().replace(' ', "-")))
            .await;
    }
    b.close().await;
}

#[tokio::test]
async fn axe_finds_no_violations_in_each_theme_and_in_reading_mode_with_each_preset() {
    let b = Browser::start(1280, 900).await;
    b.open(SEED).await;
    for (theme, _) in THEMES {
        open_panel(&b).await;
        choose(&b, "#folio_reading_theme", theme).await;
        close_panel(&b).await;
        assert_eq!(
            b.axe_violations().await,
            Vec::<String>::new(),
            "axe, theme {theme}"
        );
    }
    for preset in PRESETS {
        open_panel(&b).await;
        click_preset(&b, preset).await;
        assert_eq!(
            b.axe_violations().await,
            Vec::<String>::new(),
            "axe, panel open, preset {preset}"
        );
        close_panel(&b).await;
        assert_eq!(root_attribute(&b, "data-folio-reading").await, json!("on"));
        assert_eq!(
            b.axe_violations().await,
            Vec::<String>::new(),
            "axe, preset {preset}"
        );
        b.screenshot(&format!(
            "preset-{}",
            preset.to_lowercase().replace(' ', "-")
        ))
        .await;
    }
    b.close().await;
}

#[tokio::test]
async fn a_first_visit_follows_the_systems_colour_scheme_motion_and_font_size() {
    let system = [
        Setting::DarkMode,
        Setting::ReducedMotion,
        Setting::FontSize(24),
    ];
    let test = "a_first_visit_follows_the_systems_colour_scheme_motion_and_font_size";
    let Some(b) = Browser::start_for(test, 1280, 900, &system).await else {
        return;
    };
    b.open(SEED).await;
    let media = b
        .eval("return [matchMedia('(prefers-color-scheme: dark)').matches, matchMedia('(prefers-reduced-motion: reduce)').matches];")
        .await;
    assert_eq!(
        media,
        json!([true, true]),
        "the browser reports the system settings"
    );
    assert_eq!(
        b.eval("return getComputedStyle(document.body).backgroundColor;")
            .await,
        json!("rgb(22, 24, 27)")
    );
    assert_eq!(
        root_attribute(&b, "data-folio-theme").await,
        Value::Null,
        "no theme chosen: the system's"
    );
    assert_eq!(
        root_attribute(&b, "data-folio-motion").await,
        Value::Null,
        "the system's reduced motion is followed by CSS, not saved as the reader's choice"
    );
    // Body text is 1.125rem of the browser's own size: 24 px here, not a fixed 16.
    assert_eq!(
        b.eval("return getComputedStyle(document.body).fontSize;")
            .await,
        json!("27px")
    );
    open_panel(&b).await;
    let motion = "//label[contains(normalize-space(),'Reduce motion')]/input";
    let checked = b
        .client
        .find(Locator::XPath(motion))
        .await
        .expect("reduce motion")
        .prop("checked")
        .await;
    assert_eq!(
        checked.expect("checked").as_deref(),
        Some("false"),
        "the box is the reader's own choice; the system's is applied anyway"
    );
    assert_eq!(
        b.eval("return localStorage.getItem('folio.reading');")
            .await,
        Value::Null,
        "nothing saved until the reader changes something"
    );
    let page = contrast(&b, "#folio_reading_panel", 4.5).await;
    assert!(
        page["checked"].as_u64().unwrap_or(0) > 20,
        "system dark theme: the panel's text was checked: {page}"
    );
    assert_eq!(page["failures"], json!([]), "system dark theme, panel");
    b.close().await;
}

#[tokio::test]
async fn under_forced_colours_the_page_uses_the_systems_colours_and_keeps_state_visible() {
    let test = "under_forced_colours_the_page_uses_the_systems_colours_and_keeps_state_visible";
    let Some(b) = Browser::start_for(test, 1280, 900, &[Setting::ForcedColours]).await else {
        return;
    };
    b.open(SEED).await;
    let forced = b
        .eval("return matchMedia('(forced-colors: active)').matches;")
        .await;
    assert_eq!(
        forced,
        json!(true),
        "the browser was started with forced colours"
    );
    open_panel(&b).await;
    click_preset(&b, "Comfort").await;
    let pressed = b
        .eval("const s = getComputedStyle(document.querySelector('.reading-preset[aria-pressed=true]')); return [s.outlineStyle, s.outlineWidth];")
        .await;
    assert_eq!(
        pressed,
        json!(["solid", "3px"]),
        "the pressed preset shows by outline, not colour alone"
    );
    let page = contrast(&b, "#folio_reading_panel", 4.5).await;
    assert_eq!(page["failures"], json!([]), "system colours in the panel");
    close_panel(&b).await;
    let page = contrast(&b, "main", 4.5).await;
    assert_eq!(page["failures"], json!([]), "system colours on the article");
    assert_eq!(b.axe_violations().await, Vec::<String>::new());
    b.screenshot("forced-colours").await;
    b.close().await;
}
