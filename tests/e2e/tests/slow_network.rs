//! A page that waits for the app, on a slow network: the header and a loading line come
//! from the HTML alone; when the app does not arrive the page says so, on a page the app
//! was to load and on a static page, which stays whole; and when it does arrive, it takes a
//! static page over without moving anything on it.

use folio_e2e::network::{go, on_network, slow_3g, until_taken_over};
use folio_e2e::offline::until;
use folio_e2e::seed::SEED;
use folio_e2e::{article, only_in_chromium, Browser};
use serde_json::{json, Value};

/// What the reader sees: the header's words, whether the list of articles shows, the line
/// in place of the article, and which status lines are shown, with their words.
const SEEN: &str = "const header = document.querySelector('.site-header');
  const main = document.getElementById('folio_main');
  const shown = (e) => !!e && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
  return {
    ready: document.documentElement.dataset.folioApp === 'ready',
    header: shown(header) ? header.innerText.trim() : null,
    list: [...main.children].some(shown),
    waiting: getComputedStyle(main, '::before').content,
    lines: [...document.querySelectorAll('.app-status__line')].filter(shown).map(l => [l.dataset.folioStatus, l.getAttribute('role'), l.innerText]),
    tools: shown(document.querySelector('.article-tools')),
  };";

#[tokio::test]
async fn on_a_slow_network_a_page_the_app_loads_shows_the_header_and_says_it_is_loading() {
    if only_in_chromium(
        "on_a_slow_network_a_page_the_app_loads_shows_the_header_and_says_it_is_loading",
        "throttle the network",
    ) {
        return;
    }
    let b = on_network(360, 740, slow_3g()).await;
    go(&b, &format!("?bundle=bundles/{SEED}/")).await;
    // The app starts once the page has loaded, and its module takes seconds to arrive at
    // 50 KB/s: the page meanwhile is the HTML's own.
    let seen = b.eval(SEEN).await;
    assert_eq!(
        seen["ready"],
        json!(false),
        "the app has not started yet: {seen}"
    );
    assert!(
        seen["header"].as_str().is_some_and(|h| h.contains("Folio")),
        "the site header is on screen before the app: {seen}"
    );
    assert_eq!(
        seen["list"],
        json!(false),
        "the list of articles is not shown in place of the article: {seen}"
    );
    assert_eq!(seen["waiting"], json!("\"Loading the article…\""), "{seen}");
    b.screenshot("slow-network-loading-360").await;
    // And then the article arrives.
    until(&b, "return document.documentElement.dataset.folioApp === 'ready' && !!document.querySelector('article h1');", 60).await;
    let seen = b.eval(SEEN).await;
    assert_eq!(
        seen["waiting"],
        json!("none"),
        "the loading line is gone: {seen}"
    );
    assert_eq!(seen["lines"], json!([]), "no failure is reported: {seen}");
    b.close().await;
}

/// Starts a browser whose requests for the app's module fail, as on a connection that
/// drops it.
async fn without_the_module(width: u32) -> Browser {
    let b = Browser::start(width, 800).await;
    b.cdp("Network.enable", json!({})).await;
    b.cdp("Network.setBlockedURLs", json!({ "urls": ["*.wasm"] }))
        .await;
    b
}

#[tokio::test]
async fn when_the_app_does_not_arrive_a_page_it_was_to_load_says_so_and_offers_a_reload() {
    if only_in_chromium(
        "when_the_app_does_not_arrive_a_page_it_was_to_load_says_so_and_offers_a_reload",
        "block the module",
    ) {
        return;
    }
    let b = without_the_module(360).await;
    go(&b, &format!("?bundle=bundles/{SEED}/")).await;
    let seen = until(
        &b,
        "return document.documentElement.dataset.folioLoading === 'failed';",
        20,
    )
    .await;
    assert_eq!(seen, json!(true));
    let seen = b.eval(SEEN).await;
    let lines = seen["lines"].as_array().expect("lines");
    assert_eq!(lines.len(), 1, "one status line: {seen}");
    assert_eq!(lines[0][0], json!("load-failed"), "{seen}");
    assert_eq!(lines[0][1], json!("alert"), "announced: {seen}");
    let said = lines[0][2].as_str().unwrap();
    assert!(
        said.starts_with("The article could not be loaded.")
            && said.contains("Check your connection, then reload the page."),
        "{said}"
    );
    assert!(
        seen["header"].as_str().is_some_and(|h| h.contains("Folio")),
        "{seen}"
    );
    assert_eq!(seen["list"], json!(false), "{seen}");
    assert_eq!(
        seen["waiting"],
        json!("none"),
        "it no longer says it is loading: {seen}"
    );
    b.screenshot("app-did-not-arrive-360").await;

    // Reload, with the network back: the article opens.
    b.cdp("Network.setBlockedURLs", json!({ "urls": [] })).await;
    b.eval("window.folioBeforeReload = true; return true;")
        .await;
    b.click("[data-folio-status=load-failed] button").await;
    until(
        &b,
        "return !window.folioBeforeReload && document.documentElement.dataset.folioApp === 'ready' && !!document.querySelector('article h1');",
        20,
    )
    .await;
    assert_eq!(b.eval(SEEN).await["lines"], json!([]));
    b.close().await;
}

#[tokio::test]
async fn when_the_app_does_not_arrive_a_static_page_stays_whole_and_hides_the_tools_it_cannot_run()
{
    let test =
        "when_the_app_does_not_arrive_a_static_page_stays_whole_and_hides_the_tools_it_cannot_run";
    if only_in_chromium(test, "block the module") {
        return;
    }
    let b = without_the_module(1280).await;
    go(&b, &article(SEED)).await;
    until(
        &b,
        "return !!document.querySelector('[data-folio-status=app-failed]:not([hidden])');",
        20,
    )
    .await;
    let seen = b.eval(SEEN).await;
    let lines = seen["lines"].as_array().expect("lines");
    assert_eq!(lines.len(), 1, "one status line: {seen}");
    assert_eq!(lines[0][0], json!("app-failed"), "{seen}");
    assert!(
        lines[0][2]
            .as_str()
            .unwrap()
            .starts_with("Reading settings and Listen are unavailable."),
        "{seen}"
    );
    assert_eq!(
        seen["tools"],
        json!(false),
        "Reading settings and Listen, which need the app, are not offered: {seen}"
    );
    let story = b
        .eval("return document.querySelectorAll('article .story-body p').length;")
        .await;
    assert!(
        story.as_u64().is_some_and(|n| n > 5),
        "the article is all there: {story}"
    );
    b.screenshot("app-did-not-arrive-static-1280").await;
    b.close().await;
}

/// Where each element of the page's `<main>` is, in document order: its name and class,
/// its top and its height, to the nearest pixel.
const PLACES: &str = "return [...document.querySelectorAll('main *')].map(e => {
    const r = e.getBoundingClientRect();
    return e.localName + '.' + String(e.getAttribute('class') || '').split(' ')[0] + ' ' + Math.round(r.top) + '+' + Math.round(r.height);
  });";

#[tokio::test]
async fn the_app_takes_a_static_page_over_without_moving_anything_on_it() {
    if only_in_chromium(
        "the_app_takes_a_static_page_over_without_moving_anything_on_it",
        "throttle the network",
    ) {
        return;
    }
    // Nothing may move when the app's copy replaces the static page: a reader would see the
    // jump, and the browser counts the moved photo as a new largest paint (LCP).
    for (id, width) in [(SEED, 412), (SEED, 1280), ("folio-russian-test", 412)] {
        let b = on_network(width, 900, slow_3g()).await;
        go(&b, &article(id)).await;
        let before = b.eval(PLACES).await;
        assert_eq!(
            b.eval("return document.documentElement.dataset.folioApp || null;")
                .await,
            json!(null),
            "{id} at {width} px: measured before the app took over"
        );
        until_taken_over(&b).await;
        let after = b.eval(PLACES).await;
        let (before, after) = (before.as_array().unwrap(), after.as_array().unwrap());
        assert_eq!(
            before.len(),
            after.len(),
            "{id} at {width} px: the same elements"
        );
        let moved: Vec<String> = before
            .iter()
            .zip(after)
            .filter(|(b, a)| b != a)
            .map(|(b, a)| format!("{b} -> {a}"))
            .take(6)
            .collect();
        assert_eq!(
            moved,
            Vec::<String>::new(),
            "{id} at {width} px: moved by the takeover"
        );
        b.close().await;
    }
}

#[tokio::test]
async fn the_app_s_copy_of_a_static_page_is_never_counted_as_a_new_largest_paint() {
    if only_in_chromium(
        "the_app_s_copy_of_a_static_page_is_never_counted_as_a_new_largest_paint",
        "throttle the network and processor",
    ) {
        return;
    }
    // The browser reports a largest contentful paint again when the app's copy of the lead
    // photo is painted a pixel larger than the static page's, as it was when page margins
    // fell between pixels; then the page's LCP is the takeover's moment, seconds late. Each
    // entry's element tells: the static page's elements are gone after the takeover.
    for width in [360, 412] {
        let network = json!({ "offline": false, "latency": 150, "downloadThroughput": 200000, "uploadThroughput": 93750 });
        let b = on_network(width, 823, network).await;
        b.cdp("Emulation.setCPUThrottlingRate", json!({ "rate": 4 }))
            .await;
        // A phone's screen, 1.75 device pixels to the CSS pixel: where a fraction of a
        // pixel rounds differently from one paint to the next.
        let phone =
            json!({ "width": width, "height": 823, "deviceScaleFactor": 1.75, "mobile": true });
        b.cdp("Emulation.setDeviceMetricsOverride", phone).await;
        go(&b, &article(SEED)).await;
        until_taken_over(&b).await;
        let entries = b
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 new PerformanceObserver(list => done(list.getEntries().map(e =>
                   [Math.round(e.startTime), e.size, e.element ? e.element.localName : null, !!e.element && e.element.isConnected])))
                   .observe({ type: 'largest-contentful-paint', buffered: true });",
                vec![],
            )
            .await
            .expect("LCP entries");
        let entries = entries.as_array().expect("a list").clone();
        assert!(!entries.is_empty(), "{width} px: no LCP entry at all");
        let late: Vec<&Value> = entries.iter().filter(|e| e[3] == json!(true)).collect();
        assert!(
            late.is_empty(),
            "{width} px: the app's copy was counted as a new largest paint: {late:?} (all: {entries:?})"
        );
        b.close().await;
    }
}
