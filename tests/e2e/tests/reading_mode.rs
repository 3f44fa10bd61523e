//! Reading mode through the real app: the settings panel by keyboard alone, every theme's
//! contrast from rendered colours, axe-core in each theme and preset, settings that survive
//! a reload and apply before first paint, reflow at 320 px and 300% text, fonts that load
//! only when chosen, and a full storage that is reported, not fatal.

use fantoccini::key::Key;
use fantoccini::Locator;
use folio_e2e::Browser;
use serde_json::{json, Value};

const SEED: &str = "?article=us-officials-meet-russian-dissidents";
const OPENER: &str = "button[aria-controls='folio_reading_panel']";
const THEMES: [(&str, f64); 5] = [
    ("Match the system", 4.5),
    ("Light", 4.5),
    ("Sepia", 4.5),
    ("Dark", 4.5),
    ("High contrast", 7.0),
];
const PRESETS: [&str; 4] = [
    "Comfort",
    "Large text",
    "Dyslexia-friendly",
    "High contrast",
];

async fn open_panel(b: &Browser) {
    b.wait_for_css(OPENER)
        .await
        .click()
        .await
        .expect("click Reading settings");
    b.wait_for_css("dialog#folio_reading_panel[open]").await;
}

async fn close_panel(b: &Browser) {
    b.press(Key::Escape).await;
    assert_eq!(
        b.eval("return document.querySelector('dialog#folio_reading_panel').open;")
            .await,
        json!(false)
    );
}

async fn choose(b: &Browser, select: &str, label: &str) {
    let el = b.wait_for_css(select).await;
    el.select_by_label(label)
        .await
        .unwrap_or_else(|e| panic!("choose {label:?} in {select}: {e}"));
    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
}

async fn click_preset(b: &Browser, name: &str) {
    let xpath =
        format!("//button[contains(@class,'reading-preset') and normalize-space()='{name}']");
    let button = b
        .client
        .find(Locator::XPath(&xpath))
        .await
        .expect("preset button");
    button.click().await.expect("click preset");
}

async fn root_attribute(b: &Browser, name: &str) -> Value {
    b.client
        .execute(
            "return document.documentElement.getAttribute(arguments[0]);",
            vec![json!(name)],
        )
        .await
        .expect("read attribute")
}

async fn status(b: &Browser) -> String {
    b.text(".reading-panel__status").await
}

async fn contrast(b: &Browser, scope: &str, minimum: f64) -> Value {
    let script = include_str!("../src/contrast.js");
    b.client
        .execute(script, vec![json!(scope), json!(minimum)])
        .await
        .expect("contrast script")
}

async fn no_sideways_scroll(b: &Browser, what: &str) {
    let widths = b
        .eval("return [document.documentElement.scrollWidth, window.innerWidth, document.body.scrollWidth];")
        .await;
    let (scroll, inner) = (widths[0].as_i64().unwrap(), widths[1].as_i64().unwrap());
    assert!(
        scroll <= inner,
        "{what}: the page is {scroll} px wide in a {inner} px viewport"
    );
}

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
            "Shift+Tab left the panel"
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
    assert!(
        b.console_errors().await.is_empty(),
        "{:?}",
        b.console_errors().await
    );
    b.close().await;
}

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
                    "document.querySelector(arguments[0]).focus();",
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
async fn settings_survive_a_reload_and_apply_before_first_paint() {
    let b = Browser::start(1280, 900).await;
    b.open(SEED).await;
    open_panel(&b).await;
    click_preset(&b, "Large text").await;
    choose(&b, "#folio_reading_theme", "Dark").await;
    close_panel(&b).await;
    let look = "const r = document.documentElement;
        return [...r.attributes].filter(a => a.name.startsWith('data-folio')).map(a => a.name + '=' + a.value)
          .concat([...r.style].map(p => p + '=' + r.style.getPropertyValue(p))).sort();";
    let before = b.eval(look).await;
    b.client.refresh().await.expect("reload");
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
async fn at_320_px_with_text_at_300_percent_nothing_scrolls_sideways() {
    let b = Browser::start(320, 640).await;
    b.open(SEED).await;
    open_panel(&b).await;
    b.wait_for_css("#folio_reading_text_size")
        .await
        .click()
        .await
        .expect("focus slider");
    b.press(Key::End).await;
    assert_eq!(status(&b).await, "Text size: 300%");
    no_sideways_scroll(&b, "panel open at 300%").await;
    b.screenshot("reflow-320-panel-300").await;
    close_panel(&b).await;
    no_sideways_scroll(&b, "article at 300%").await;
    b.screenshot("reflow-320-article-300").await;
    for preset in PRESETS {
        open_panel(&b).await;
        click_preset(&b, preset).await;
        let el = b.wait_for_css("#folio_reading_text_size").await;
        el.click().await.expect("focus slider");
        b.press(Key::End).await;
        close_panel(&b).await;
        no_sideways_scroll(&b, &format!("{preset} at 300%")).await;
    }
    b.open("").await;
    no_sideways_scroll(&b, "catalog at 300%").await;
    b.close().await;
}

#[tokio::test]
async fn reading_fonts_load_only_when_chosen_and_from_folio_itself() {
    let b = Browser::start(1280, 900).await;
    b.open(SEED).await;
    let fonts = |urls: Vec<String>| {
        urls.into_iter()
            .filter(|u| u.contains("/fonts/"))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        fonts(b.requested_urls().await),
        Vec::<String>::new(),
        "no font before one is chosen"
    );
    open_panel(&b).await;
    choose(&b, "#folio_reading_font", "OpenDyslexic").await;
    tokio::time::sleep(std::time::Duration::from_millis(800)).await;
    let asked = fonts(b.requested_urls().await);
    assert!(
        asked
            .iter()
            .any(|u| u.contains("opendyslexic-latin-400-normal.woff2")),
        "{asked:?}"
    );
    assert!(!asked.iter().any(|u| u.contains("atkinson")), "{asked:?}");
    let loaded = b
        .eval("return document.fonts.check('1rem OpenDyslexic');")
        .await;
    assert_eq!(loaded, json!(true));
    choose(&b, "#folio_reading_font", "Atkinson Hyperlegible").await;
    tokio::time::sleep(std::time::Duration::from_millis(800)).await;
    let asked = fonts(b.requested_urls().await);
    assert!(
        asked
            .iter()
            .any(|u| u.contains("atkinson-hyperlegible-latin-400-normal.woff2")),
        "{asked:?}"
    );
    b.assert_only_own_origin_requests("reading fonts").await;
    b.close().await;
}

#[tokio::test]
async fn hide_images_keeps_captions_and_simplified_layout_puts_everything_after_the_story() {
    let b = Browser::start(1280, 900).await;
    b.open(SEED).await;
    open_panel(&b).await;
    let hide = "//label[contains(@class,'reading-control--toggle') and contains(normalize-space(),'Hide images')]/input";
    b.client
        .find(Locator::XPath(hide))
        .await
        .expect("hide images")
        .click()
        .await
        .expect("click");
    let simple = "//label[contains(normalize-space(),'Simplified layout')]/input";
    b.client
        .find(Locator::XPath(simple))
        .await
        .expect("simplified")
        .click()
        .await
        .expect("click");
    close_panel(&b).await;
    let shown = b
        .eval("return [...document.querySelectorAll('.figure__frame')].map(f => f.getClientRects().length);")
        .await;
    assert!(
        shown.as_array().unwrap().iter().all(|n| n == 0),
        "photos hidden: {shown}"
    );
    let captions = b.eval("return [...document.querySelectorAll('.figure__caption')].filter(c => c.getClientRects().length).length;").await;
    assert!(
        captions.as_u64().unwrap() >= 2,
        "captions and credits stay: {captions}"
    );
    let order = b
        .eval(
            "const y = s => document.querySelector(s).getBoundingClientRect();
             return [y('.story-body').bottom, y('.sidebars').top, y('.sidebars').bottom, y('.related').top, y('.related').bottom, y('.notices').top,
                     y('.story-body').left, y('.sidebars').left];",
        )
        .await;
    let n: Vec<f64> = order
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_f64().unwrap())
        .collect();
    assert!(
        n[0] <= n[1] && n[2] <= n[3] && n[4] <= n[5],
        "story, sidebar, related, notices in one column: {n:?}"
    );
    assert_eq!(
        n[6], n[7],
        "one column: the sidebar lines up with the story"
    );
    b.screenshot("simplified-no-images").await;
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
    assert!(
        b.console_errors().await.is_empty(),
        "{:?}",
        b.console_errors().await
    );
    b.close().await;
}

#[tokio::test]
async fn every_control_on_the_article_and_in_the_panel_is_at_least_24_css_pixels() {
    for width in [320, 1280] {
        let b = Browser::start(width, 900).await;
        b.open(SEED).await;
        open_panel(&b).await;
        let small = b
            .eval(
                "return [...document.querySelectorAll('main :is(button, input, select, a[href])')]
                   .filter(e => e.getClientRects().length && !e.closest('p, li, figcaption, td'))
                   .map(e => [e.outerHTML.slice(0, 60), e.getBoundingClientRect()])
                   .filter(([, r]) => r.width < 24 || r.height < 24)
                   .map(([h, r]) => h + ' ' + Math.round(r.width) + 'x' + Math.round(r.height));",
            )
            .await;
        assert_eq!(small, json!([]), "targets under 24x24 at {width} px");
        b.close().await;
    }
}

#[tokio::test]
async fn a_first_visit_follows_the_systems_colour_scheme_motion_and_font_size() {
    let prefs = json!({ "webkit": { "webprefs": { "default_font_size": 24 } } });
    let b = Browser::start_with(
        1280,
        900,
        &["--force-dark-mode", "--force-prefers-reduced-motion"],
        prefs,
    )
    .await;
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
        json!("reduce")
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
    assert_eq!(checked.expect("checked").as_deref(), Some("true"));
    assert_eq!(
        b.eval("return localStorage.getItem('folio.reading');")
            .await,
        Value::Null,
        "nothing saved until the reader changes something"
    );
    let page = contrast(&b, "#folio_reading_panel", 4.5).await;
    assert_eq!(page["failures"], json!([]), "system dark theme, panel");
    b.close().await;
}

#[tokio::test]
async fn under_forced_colours_the_page_uses_the_systems_colours_and_keeps_state_visible() {
    let b = Browser::start_with(1280, 900, &["--force-high-contrast"], json!({})).await;
    b.open(SEED).await;
    let forced = b
        .eval("return matchMedia('(forced-colors: active)').matches;")
        .await;
    assert_eq!(
        forced,
        json!(true),
        "Chromium emulates forced colours with --force-high-contrast"
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
