//! The same build served from a sub-folder, `/news/folio/`, with its own `folio.json`
//! (tests/fixtures/deployments/news-folio/): every page works there, bundles load from an
//! origin its settings allow, and its own timeout applies.

use folio_e2e::seed::catalog_size;
use folio_e2e::{app_url, page, Browser};

const SUB: &str = "news/folio/";
const SEED: &str = "us-officials-meet-russian-dissidents";

/// The app's server under its other name: another origin, the one the settings allow.
fn other_origin() -> String {
    app_url().replace("127.0.0.1", "localhost")
}

#[tokio::test]
async fn the_catalog_and_an_article_work_from_a_sub_folder() {
    let b = Browser::start(1280, 900).await;
    b.open(SUB).await;
    assert_eq!(b.texts(".card__headline").await.len(), catalog_size());
    let card = b
        .wait_for_css(&format!(".card a[href='articles/{SEED}/']"))
        .await;
    card.click().await.expect("open the sample article");
    b.wait_for_app().await;
    assert_eq!(
        b.client.current_url().await.unwrap().to_string(),
        page(&format!("{SUB}articles/{SEED}/"))
    );
    assert_eq!(
        b.text("h1.headline").await,
        "U.S. Officials Meet With Russian Dissidents, Military"
    );
    b.click(".tool-button").await;
    // Reading settings open: the app took the page over. (Waited for: once, in WebKitGTK
    // under CI's load, the panel was not yet open when read straight after the click.)
    b.wait_for_css("dialog#folio_reading_panel[open]").await;
    // Everything the page asked for came from inside the sub-folder.
    let inside = format!("{}{SUB}", app_url());
    for url in b.requested_urls().await {
        assert!(url.starts_with(&inside), "a request outside {SUB}: {url}");
    }
    assert_eq!(b.console_errors().await, Vec::<String>::new());
    b.close().await;
}

#[tokio::test]
async fn a_bundle_from_an_origin_the_settings_allow_opens_and_one_they_do_not_is_refused() {
    let b = Browser::start(1280, 900).await;
    let bundle = format!("{}fixtures/bundles/valid-minimal/", other_origin());
    b.open(&format!("{SUB}?bundle={bundle}")).await;
    assert_eq!(b.text("h1.headline").await, "The Smallest Valid Bundle");
    // The root deployment allows no other origin.
    b.open(&format!("?bundle={bundle}")).await;
    let refused = b.wait_for_css("[data-failure='refused']").await;
    let text = refused.text().await.unwrap_or_default();
    assert!(text.contains("not allowed"), "{text}");
    b.close().await;
}

#[tokio::test]
async fn the_deployment_s_own_timeout_applies() {
    let b = Browser::start(1280, 900).await;
    b.open(&format!("{SUB}?bundle=__test/hang/")).await;
    let view = b.wait_for_css("[data-failure='timeout']").await;
    let text = view.text().await.unwrap_or_default();
    // The message names the deployment's two seconds, not the default twenty.
    assert!(text.contains("after 2 seconds"), "{text}");
    b.close().await;
}
