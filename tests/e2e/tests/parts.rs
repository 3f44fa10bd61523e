//! The module's parts fetched on first use (ADR 013): Reading settings and Listen fetch
//! theirs only when first pressed, and only once; a part the network fails to bring says
//! so beside its button, nothing stops, and pressing again fetches it. The pages the app
//! loads itself (`?bundle=`), with the bundle reader, are a part fetched only for such a
//! page, never for a static one.

use folio_e2e::reading::{OPENER, SEED};
use folio_e2e::{page, Browser};
use serde_json::json;

const LISTEN: &str = ".read-aloud__listen";

/// The parts this page has fetched, by the names the build gives them before their hash
/// (`split_reading_panel`, `split_read_aloud`, `split_loading`), in the order fetched.
async fn parts_fetched(b: &Browser) -> Vec<String> {
    b.requested_urls()
        .await
        .iter()
        .filter_map(|url| url.rsplit('/').next())
        .filter_map(|file| file.strip_prefix("folio-")?.strip_suffix(".wasm"))
        .filter(|stem| stem.starts_with("split_"))
        .filter_map(|stem| stem.rsplit_once('-').map(|(name, _)| name.to_owned()))
        .collect()
}

/// [`parts_fetched`] once it equals `expected`, or as it is after 5 s: a browser may list a
/// fetch among its resources a little after the part it brought is in use (WebKit under
/// load), so a part fetched is looked for, not only looked at, before the test says it was
/// not; a part fetched twice is never equal to a list with it once.
async fn parts_fetched_as(b: &Browser, expected: &[&str]) -> Vec<String> {
    let start = std::time::Instant::now();
    loop {
        let fetched = parts_fetched(b).await;
        if fetched == expected || start.elapsed() > std::time::Duration::from_secs(5) {
            return fetched;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

async fn panel_open(b: &Browser) -> bool {
    b.eval("return document.querySelector('dialog#folio_reading_panel').open;")
        .await
        == json!(true)
}

/// From here on the test server fails every part this browser asks for
/// (`xtask/src/server.rs`, `fails_parts`), as a network that drops after the page came.
/// The service worker cannot keep the shell either, so it brings none of them.
async fn fail_parts(b: &Browser) {
    b.client
        .goto(&page("__test/no-parts"))
        .await
        .expect("navigation");
}

/// The network brings the parts again.
async fn bring_parts(b: &Browser) {
    b.eval("document.cookie = 'folio-test=; path=/; max-age=0'; return true;")
        .await;
}

async fn nothing_stopped(b: &Browser) {
    assert_eq!(
        b.eval("return document.documentElement.dataset.folioError || null;")
            .await,
        json!(null),
        "nothing stopped the app"
    );
}

#[tokio::test]
async fn reading_settings_and_listen_fetch_their_parts_when_first_pressed_and_only_once() {
    let b = Browser::start(1280, 900).await;
    b.open(SEED).await;
    assert!(
        parts_fetched(&b).await.is_empty(),
        "a part was fetched before any tool was pressed: {:?}",
        parts_fetched(&b).await
    );

    b.click(OPENER).await;
    b.wait_for_css("dialog#folio_reading_panel[open] .reading-switch")
        .await;
    assert_eq!(
        parts_fetched_as(&b, &["split_reading_panel"]).await,
        ["split_reading_panel"]
    );
    b.click(".reading-panel__close").await;
    assert!(!panel_open(&b).await, "Close closes the panel");
    b.click(OPENER).await;
    b.wait_for_css("dialog#folio_reading_panel[open] .reading-switch")
        .await;
    assert_eq!(
        parts_fetched(&b).await,
        ["split_reading_panel"],
        "opening the panel again fetches nothing"
    );
    b.click(".reading-panel__close").await;

    b.click(LISTEN).await;
    b.wait_for_css(&format!("{LISTEN}[aria-expanded='true']"))
        .await;
    assert!(
        b.focus_is(LISTEN).await,
        "the focus stays on Listen when its part arrives: {}",
        b.focused().await
    );
    let fetched = parts_fetched_as(&b, &["split_reading_panel", "split_read_aloud"]).await;
    assert_eq!(
        fetched.iter().filter(|p| *p == "split_read_aloud").count(),
        1,
        "{fetched:?}"
    );
    b.click(LISTEN).await;
    b.wait_for_css(&format!("{LISTEN}[aria-expanded='false']"))
        .await;
    b.click(LISTEN).await;
    b.wait_for_css(&format!("{LISTEN}[aria-expanded='true']"))
        .await;
    assert_eq!(
        parts_fetched(&b).await,
        fetched,
        "opening Listen again fetches nothing"
    );
    assert_eq!(b.console_errors().await, Vec::<String>::new());
    b.close().await;
}

#[tokio::test]
async fn a_part_the_network_fails_to_bring_says_so_and_pressing_again_fetches_it() {
    let b = Browser::start(1280, 900).await;
    fail_parts(&b).await;
    b.open(SEED).await;

    b.click(OPENER).await;
    let said = b
        .wait_for_css(".article-tools__problem[role='alert']")
        .await;
    let said = said.text().await.expect("the message's text");
    assert_eq!(
        said,
        "Reading settings: this tool could not be loaded. Check your connection, then press the button again."
    );
    assert!(!panel_open(&b).await, "an empty panel is not opened");
    b.click(LISTEN).await;
    let listen = b.wait_for_css(".read-aloud [role='alert']").await;
    assert!(
        listen
            .text()
            .await
            .expect("the message's text")
            .starts_with("Read aloud: this tool could not be loaded."),
        "Listen says so too"
    );
    nothing_stopped(&b).await;

    bring_parts(&b).await;
    b.click(OPENER).await;
    b.wait_for_css("dialog#folio_reading_panel[open] .reading-switch")
        .await;
    assert_eq!(
        b.eval("return document.querySelectorAll('.article-tools__problem').length;")
            .await,
        json!(0),
        "the message goes once the part has come"
    );
    b.click(".reading-panel__close").await;
    b.click(LISTEN).await;
    b.wait_for_css(&format!("{LISTEN}[aria-expanded='true']"))
        .await;
    b.close().await;
}

#[tokio::test]
async fn an_article_opened_by_its_address_fetches_its_part_and_says_so_when_it_cannot() {
    const MINIMAL: &str = "?bundle=fixtures/bundles/valid-minimal/";
    let b = Browser::start(1280, 900).await;
    // The part of the pages the app loads itself among them.
    fail_parts(&b).await;
    b.open(MINIMAL).await;
    let failure = b.wait_for_css("[data-failure]").await;
    assert_eq!(
        failure.attr("data-failure").await.expect("an attribute"),
        Some("network".into())
    );
    let said = failure.text().await.expect("the failure's text");
    assert!(said.contains("could not reach"), "{said}");
    nothing_stopped(&b).await;

    bring_parts(&b).await;
    b.click("[data-failure] button").await;
    b.wait_for_css("h1.headline").await;
    assert_eq!(b.text("h1.headline").await, "The Smallest Valid Bundle");
    assert_eq!(
        parts_fetched(&b).await.last().map(String::as_str),
        Some("split_loading"),
        "the part is fetched for an article read in the browser"
    );
    b.close().await;
}
