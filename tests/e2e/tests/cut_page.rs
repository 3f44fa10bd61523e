//! A static page that did not arrive whole: the article is there, but not the data after it
//! that the app reads. The app leaves the page as it arrived and says so, with a Reload
//! button, rather than put anything in the article's place; the tools it cannot run are
//! hidden. Reloaded whole, the page is taken over as usual.

use folio_e2e::cut::{cut_pages, open_cut, whole_pages};
use folio_e2e::seed::SEED;
use folio_e2e::{article, Browser};
use serde_json::json;

/// What the reader has: the headline, how many of the story's paragraphs, whether a list of
/// articles shows, the status lines shown with their words, whether the tools show, and
/// what the page keeps of what went wrong.
const SEEN: &str = "const shown = (e) => !!e && e.getClientRects().length > 0;
  return {
    headline: document.querySelector('article h1')?.innerText ?? null,
    paragraphs: document.querySelectorAll('article .story-body p').length,
    list: !!document.querySelector('.card'),
    lines: [...document.querySelectorAll('.app-status__line')].filter(shown).map(l => [l.dataset.folioStatus, l.getAttribute('role'), l.innerText]),
    tools: shown(document.querySelector('.article-tools')),
    ready: document.documentElement.dataset.folioApp === 'ready',
    error: document.documentElement.dataset.folioError ?? null,
  };";

#[tokio::test]
async fn a_static_page_cut_short_before_its_data_stays_as_it_arrived_and_says_so() {
    let b = Browser::start(1280, 900).await;
    cut_pages(&b).await;
    open_cut(&b, &article(SEED)).await;
    let seen = b.eval(SEEN).await;
    assert!(
        seen["headline"]
            .as_str()
            .is_some_and(|h| h.starts_with("U.S. Officials Meet With Russian Dissidents")),
        "{seen}"
    );
    assert!(
        seen["paragraphs"].as_u64().is_some_and(|n| n > 5),
        "the article that arrived is all still there: {seen}"
    );
    assert_eq!(
        seen["list"],
        json!(false),
        "nothing took the article's place: {seen}"
    );
    assert_eq!(
        seen["ready"],
        json!(false),
        "the app did not take over: {seen}"
    );
    let lines = seen["lines"].as_array().expect("lines");
    assert_eq!(lines.len(), 1, "one status line: {seen}");
    assert_eq!(lines[0][0], json!("unread"), "{seen}");
    assert_eq!(lines[0][1], json!("alert"), "{seen}");
    let words = lines[0][2].as_str().unwrap_or_default();
    assert!(
        words.starts_with("Reading settings and Listen are unavailable.")
            && words.contains("could not read this page")
            && words.contains("Reload"),
        "{seen}"
    );
    assert_eq!(
        seen["tools"],
        json!(false),
        "Reading settings and Listen, which need the app, are not offered: {seen}"
    );
    assert_eq!(
        seen["error"],
        json!("the static page has no data: it may not have arrived whole"),
        "{seen}"
    );
    b.screenshot("cut-page-1280").await;

    // The network sends whole pages again, and Reload brings the app.
    whole_pages(&b).await;
    b.click("[data-folio-status=unread] button").await;
    b.wait_for_app().await;
    let seen = b.eval(SEEN).await;
    assert_eq!(seen["lines"], json!([]), "{seen}");
    assert_eq!(seen["tools"], json!(true), "{seen}");
    assert_eq!(seen["error"], json!(null), "{seen}");
    b.close().await;
}
