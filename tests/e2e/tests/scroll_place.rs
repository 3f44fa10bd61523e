//! A reader's place: back to an article restores where they were reading, within a line,
//! and an article opened from the catalog starts at its top, site header in view.

use std::time::Duration;

use folio_e2e::building::wait_until_complete;
use folio_e2e::{article, Browser, Setting};
use serde_json::json;

const LONG_READ: &str = "folio-long-read-test";

/// The page's scroll position, the height of a line of the story's text, and the reader's
/// line: the first block of the story still on screen, by its place, and its top.
const PLACE: &str = "const p = document.querySelector('.story-body p');
    const blocks = [...document.querySelectorAll('.story-body > *')];
    const line = blocks.findIndex((e) => e.getBoundingClientRect().bottom > 0);
    return [scrollY, parseFloat(getComputedStyle(p).lineHeight), line, blocks[line].getBoundingClientRect().top];";

/// Where the reader is: scroll position, a line's height, the first block on screen and
/// its top.
async fn place(b: &Browser) -> (f64, f64, usize, f64) {
    let place: (f64, f64, usize, f64) = serde_json::from_value(b.eval(PLACE).await).expect("place");
    place
}

/// How the page came back: from the back-forward cache, kept whole, or loaded again (and
/// taken over again) with the browser restoring its scroll.
const CAME_BACK: &str =
    "return window.__folio_restored ? 'kept' : performance.getEntriesByType('navigation')[0].type;";

/// Waits, 10 s at most, until the page has nothing left to fetch: every picture it has
/// started loaded (scrolling brings lazy ones in; those never started have no `currentSrc`)
/// and the service worker ready, then 300 ms more. A page with a request still under way as
/// it is left is not kept in Firefox's back-forward cache, and the case with the cache is
/// about a page that is kept. Whether everything loaded.
const QUIET: &str = "const done = arguments[arguments.length - 1];
    const start = performance.now();
    const loaded = () => [...document.images].every((i) => i.complete || !i.currentSrc);
    const worker = 'serviceWorker' in navigator ? navigator.serviceWorker.ready : Promise.resolve();
    const waited = new Promise((r) => setTimeout(r, 5000));
    Promise.race([worker, waited]).then(() => {
      const check = () => loaded() || performance.now() - start > 10000
        ? setTimeout(() => done(loaded()), 300)
        : setTimeout(check, 50);
      check();
    });";

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
        let quiet = b.client.execute_async(QUIET, vec![]).await;
        assert_eq!(
            quiet.ok(),
            Some(json!(true)),
            "{width} px: the page's pictures loaded"
        );
        let (left, line, block, top) = place(&b).await;
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
        let (back, _, back_block, back_top) = place(&b).await;
        b.screenshot(&format!(
            "back-to-place-{width}-{}",
            if flag.is_some() { "reloaded" } else { "kept" }
        ))
        .await;
        // The words on screen, not the scroll position: in a browser without CSS scroll-state
        // queries (Firefox), the app's table shows its "scroll sideways" hint where the
        // static page's cannot, so it is taller, and scroll anchoring keeps the reader's line
        // by scrolling.
        assert!(
            back_block == block && (back_top - top).abs() <= line,
            "{width} px {flag:?}: back at block {back_block}, {back_top} px from the top \
             (scrolled to {back} px); left at block {block}, {top} px (scrolled to {left} px); \
             a line is {line} px"
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
