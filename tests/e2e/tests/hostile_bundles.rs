//! Hostile bundles, each within every size cap, opened as a reader would: each ends in the
//! article or in a clear error, the wasm never traps or panics, and the tab still answers.
//! The list, with what each must give, comes from the test server (`xtask/src/hostile.rs`).
//! How long each takes is measured by `cargo xtask bench`, not asserted here.

use folio_e2e::Browser;
use serde_json::Value;

/// The hostile bundles the server makes: `[{"kind", "what", "shown", "words"}]`.
async fn hostile_bundles(b: &Browser) -> Vec<Value> {
    let list = b
        .eval(
            "const r = new XMLHttpRequest();
             r.open('GET', '__test/hostile/index.json', false);
             r.send();
             return JSON.parse(r.responseText);",
        )
        .await;
    list.as_array().cloned().unwrap_or_default()
}

/// Waits, up to a minute, for the article or a failure; returns the failure's kind and text.
async fn outcome(b: &Browser) -> Option<(String, String)> {
    let done =
        "return !!document.querySelector('main [data-failure], main article .article-footer');";
    for _ in 0..1_200 {
        if b.eval(done).await == Value::Bool(true) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let failure = b
        .eval(
            "const f = document.querySelector('main [data-failure]');
             return f ? [f.dataset.failure, f.textContent] : null;",
        )
        .await;
    let pair = failure.as_array()?;
    Some((
        pair[0].as_str().unwrap_or_default().to_owned(),
        pair[1].as_str().unwrap_or_default().to_owned(),
    ))
}

#[tokio::test]
async fn every_hostile_bundle_ends_in_the_article_or_a_clear_error() {
    let b = Browser::start(1280, 900).await;
    b.open("").await;
    let list = hostile_bundles(&b).await;
    assert!(
        list.len() >= 10,
        "the server lists its hostile bundles: {list:?}"
    );
    for h in &list {
        let kind = h["kind"].as_str().unwrap_or_default();
        let what = h["what"].as_str().unwrap_or_default();
        b.open(&format!("?bundle=__test/hostile/{kind}/")).await;
        let result = outcome(&b).await;
        if h["shown"] == Value::Bool(true) {
            assert_eq!(result, None, "{kind} ({what}) is shown");
            let headline = b.text("h1#folio_headline").await;
            assert!(headline.starts_with("Hostile:"), "{kind}: {headline}");
        } else {
            let words = h["words"].as_str().unwrap_or_default();
            let (failure, text) =
                result.unwrap_or_else(|| panic!("{kind} ({what}) ends in an error"));
            assert!(
                text.contains(words),
                "{kind} ({what}): the {failure} error says {words:?}: {text}"
            );
        }
        if kind == "endless" || kind == "million-references" {
            b.screenshot(&format!("hostile-{kind}")).await;
        }
        // The tab still answers, and the wasm neither trapped nor panicked.
        assert_eq!(b.eval("return 6 * 7;").await, Value::from(42), "{kind}");
        let errors: Vec<String> = b
            .console_errors()
            .await
            .into_iter()
            .filter(|e| !e.contains("404") && !e.contains("Failed to load resource"))
            .collect();
        assert!(
            errors.is_empty(),
            "{kind} ({what}): console errors {errors:?}"
        );
        let warnings = b.console_messages().await;
        assert!(
            warnings.len() <= 3,
            "{kind}: the bundle's warnings come summarised in one message, not {}: {:?}",
            warnings.len(),
            warnings.first()
        );
    }
    b.close().await;
}

#[tokio::test]
async fn a_media_link_downloads_the_image_and_never_opens_it_as_a_page() {
    let b = Browser::start(1280, 900).await;
    b.open("?bundle=fixtures/bundles/hostile-markdown/").await;
    b.wait_for_css("article .article-footer").await;
    let links = b
        .eval(
            "return [...document.querySelectorAll('article a[href*=\"/media/\"]')]
                .map(a => [a.getAttribute('href'), a.hasAttribute('download'), a.target]);",
        )
        .await;
    let links = links.as_array().cloned().unwrap_or_default();
    assert!(!links.is_empty(), "the fixture links to its media file");
    for link in links {
        assert_eq!(link[1], Value::Bool(true), "{link:?} is a download");
    }
    b.close().await;
}
