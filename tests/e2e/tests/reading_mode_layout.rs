//! Reading mode's layout: reflow at 320 px with text at 300%, fonts that load only when
//! chosen, hidden images and the one-column layout, and touch targets of 24 CSS px.

use fantoccini::key::Key;
use fantoccini::Locator;
use folio_e2e::reading::*;
use folio_e2e::Browser;
use serde_json::json;

#[tokio::test]
async fn at_320_px_with_text_at_300_percent_nothing_scrolls_sideways() {
    let b = Browser::start(320, 640).await;
    b.open(SEED).await;
    let size = "return parseFloat(getComputedStyle(document.getElementById('body_p_1')).fontSize);";
    let before = b.eval(size).await.as_f64().expect("a font size");
    focus_text_size(&b).await;
    b.press(Key::End).await;
    assert_eq!(status(&b).await, "Text size: 300%");
    // The article's text really is three times the size, not only the status line.
    let after = b.eval(size).await.as_f64().expect("a font size");
    assert!(
        (after / before - 3.0).abs() < 0.05,
        "body text went from {before} px to {after} px at 300%"
    );
    no_sideways_scroll(&b, "panel open at 300%").await;
    b.screenshot("reflow-320-panel-300").await;
    close_panel(&b).await;
    no_sideways_scroll(&b, "article at 300%").await;
    b.screenshot("reflow-320-article-300").await;
    for preset in PRESETS {
        open_panel(&b).await;
        click_preset(&b, preset).await;
        b.click("#folio_reading_text_size").await;
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
    let fonts = "return ['.kicker', '.dateline', '.story-body p:not(.dateline)', '.sidebar p', '.notice p', '.tags li']
        .map(s => { const e = document.querySelector(s); return e ? getComputedStyle(e).fontFamily : s + ' is missing'; });";
    let before = b.eval(fonts).await;
    open_panel(&b).await;
    let hide = "//label[contains(@class,'reading-control--toggle') and contains(normalize-space(),'Hide images')]/input";
    b.client
        .find(Locator::XPath(hide))
        .await
        .expect("hide images")
        .click()
        .await
        .expect("click");
    // Hiding images changes no font: labels stay sans-serif, the story serif.
    assert_eq!(b.eval(fonts).await, before, "fonts after Hide images alone");
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
    let frames = shown.as_array().expect("a list of photo frames");
    assert!(
        frames.len() >= 2,
        "the lead and sidebar photos are there to hide: {shown}"
    );
    assert!(frames.iter().all(|n| n == 0), "photos hidden: {shown}");
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
async fn each_spacing_control_at_its_end_changes_the_article_text_it_names() {
    let b = Browser::start(1280, 900).await;
    b.open(SEED).await;
    let measure = "const p = document.getElementById('body_p_1'), s = getComputedStyle(p);
        const size = parseFloat(s.fontSize);
        const body = getComputedStyle(document.querySelector('.story-body'));
        return { line: parseFloat(s.lineHeight) / size, letters: (parseFloat(s.letterSpacing) || 0) / size,
                 words: (parseFloat(s.wordSpacing) || 0) / size, after: parseFloat(s.marginBottom) / size,
                 width: parseFloat(body.maxWidth), align: s.textAlign, hyphens: s.hyphens };";
    let before = b.eval(measure).await;
    open_panel(&b).await;
    for slider in [
        "#folio_reading_line_height",
        "#folio_reading_letter_spacing",
        "#folio_reading_word_spacing",
        "#folio_reading_paragraph_spacing",
        "#folio_reading_line_width",
    ] {
        b.wait_for_css(slider)
            .await
            .click()
            .await
            .expect("focus slider");
        b.press(Key::End).await;
    }
    choose(
        &b,
        "#folio_reading_alignment",
        "Justified, with hyphenation",
    )
    .await;
    close_panel(&b).await;
    let after = b.eval(measure).await;
    let near = |key: &str, want: f64| {
        let got = after[key].as_f64().unwrap_or(f64::NAN);
        assert!(
            (got - want).abs() < 0.02,
            "{key}: {got}, not {want} ({after})"
        );
    };
    // The ends of each control (src/reading/settings.rs), in ems of the text.
    near("line", 2.2);
    near("letters", 0.16);
    near("words", 0.32);
    near("after", 3.0);
    let (wide, narrow) = (
        after["width"].as_f64().unwrap_or(0.0),
        before["width"].as_f64().unwrap_or(1.0),
    );
    assert!(
        (wide / narrow - 85.0 / 65.0).abs() < 0.02,
        "line width went from 65 to 85 characters: {narrow} px to {wide} px"
    );
    assert_eq!(after["align"], json!("justify"));
    assert_eq!(after["hyphens"], json!("auto"));
    b.close().await;
}
