//! A reader's place: back to an article restores where they were reading, within a line,
//! and an article opened from the catalog starts at its top, site header in view.

use std::time::Duration;

use folio_e2e::building::wait_until_complete;
use folio_e2e::{article, Browser, Setting};
use serde_json::json;

const LONG_READ: &str = "folio-long-read-test";

/// The page's scroll position and the height of a line of the story's text.
const PLACE: &str = "const p = document.querySelector('.story-body p');
    return [scrollY, parseFloat(getComputedStyle(p).lineHeight)];";

async fn place(b: &Browser) -> (f64, f64) {
    let place: (f64, f64) = serde_json::from_value(b.eval(PLACE).await).expect("place");
    place
}

/// How the page came back: from the back-forward cache, kept whole, or loaded again (and
/// taken over again) with the browser restoring its scroll.
const CAME_BACK: &str =
    "return window.__folio_restored ? 'kept' : performance.getEntriesByType('navigation')[0].type;";

#[tokio::test]
async fn back_to_an_article_returns_to_the_line_the_reader_left() {
    // With the back-forward cache, and without it, as when a browser has evicted the page.
    let cases = [
        (360, 740, None),
        (1280, 900, None),
        (360, 740, Some(Setting::NoBackForwardCache)),
    ];
    for (width, height, flag) in cases {
        let b = Browser::start_with(width, height, flag.as_slice()).await;
        b.open(&article(LONG_READ)).await;
        wait_until_complete(&b).await;
        b.eval(
            "window.scrollTo(0, 6000);
            addEventListener('pageshow', (e) => { window.__folio_restored = e.persisted; });
            return null;",
        )
        .await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        let (left, line) = place(&b).await;
        assert_eq!(
            left, 6000.0,
            "{width} px: the long read scrolls to 6,000 px"
        );
        // Follows a link in the story to another article, as a reader's tap does, without
        // scrolling to it first.
        b.eval("document.querySelector(\"a[href*='folio-russian-test']\").click(); return null;")
            .await;
        b.wait_for_css("html[lang=ru], article[lang=ru]").await;
        b.wait_for_app().await;
        b.client.back().await.expect("back");
        b.wait_for_css(".story-body").await;
        let came_back = b.eval(CAME_BACK).await;
        assert_eq!(
            came_back,
            json!(if flag.is_some() {
                "back_forward"
            } else {
                "kept"
            }),
            "{width} px {flag:?}: how the page came back"
        );
        b.wait_for_app().await;
        wait_until_complete(&b).await;
        tokio::time::sleep(Duration::from_millis(500)).await;
        let (back, _) = place(&b).await;
        b.screenshot(&format!(
            "back-to-place-{width}-{}",
            if flag.is_some() { "reloaded" } else { "kept" }
        ))
        .await;
        assert!(
            (back - left).abs() <= line,
            "{width} px {flag:?}: back at {back} px, left at {left} px (a line is {line} px)"
        );
        assert_eq!(b.console_errors().await, Vec::<String>::new());
        b.close().await;
    }
}

#[tokio::test]
async fn an_article_opened_from_the_catalog_starts_at_its_top() {
    for (width, height) in [(360, 740), (1280, 900)] {
        let b = Browser::start(width, height).await;
        b.open("").await;
        // The reader scrolls the catalog a little, then opens the sample article's card.
        b.eval("window.scrollTo(0, 120); return null;").await;
        let card = format!("a[href*='{}']", "us-officials-meet-russian-dissidents");
        b.click(&card).await;
        b.wait_for_css("article h1").await;
        b.wait_for_app().await;
        tokio::time::sleep(Duration::from_millis(500)).await;
        let header = b
            .eval("return [scrollY, document.querySelector('.site-header').getBoundingClientRect().top];")
            .await;
        b.screenshot(&format!("from-catalog-{width}")).await;
        assert_eq!(header, json!([0, 0]), "{width} px: [scrollY, header top]");
        b.close().await;
    }
}
