//! Reader journeys across pages: catalog → article → related article → back, reloads
//! and bookmarks, and a failed image that keeps its caption and its space.

use folio_e2e::seed::catalog_size;
use folio_e2e::{page, Browser};

const LONG: &str = "folio-long-read-test";
const RUSSIAN: &str = "folio-russian-test";
const SEED: &str = "us-officials-meet-russian-dissidents";

#[tokio::test]
async fn catalog_lists_every_bundle_newest_first_with_date_language_and_picture() {
    let b = Browser::start(1280, 900).await;
    b.open("").await;
    b.wait_for_css(".card").await;
    let headlines = b.texts(".card__headline").await;
    assert_eq!(headlines.len(), catalog_size(), "{headlines:?}");
    let dates = b.eval("return [...document.querySelectorAll('.card time')].map(t => t.getAttribute('datetime'));").await;
    let mut sorted: Vec<String> = dates
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d.as_str().unwrap().to_owned())
        .collect();
    let shown = sorted.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(shown, sorted, "cards are newest first");
    assert_eq!(b.texts(".card__image").await.len(), catalog_size());
    let languages = b.texts(".card__language").await;
    assert!(languages.iter().any(|l| l == "English"), "{languages:?}");
    assert!(
        languages
            .iter()
            .any(|l| l.to_lowercase().starts_with("рус")),
        "{languages:?}"
    );
    b.close().await;
}

#[tokio::test]
async fn catalog_to_article_to_related_article_and_back() {
    let b = Browser::start(1280, 900).await;
    b.open("").await;
    let card = b
        .wait_for_css(&format!(".card a[href='articles/{LONG}/']"))
        .await;
    card.click().await.expect("open the long article");
    b.wait_for_app().await;
    let long_headline = b.text("h1.headline").await;
    assert!(b
        .client
        .current_url()
        .await
        .unwrap()
        .as_str()
        .ends_with(&format!("/articles/{LONG}/")));

    let related = b
        .wait_for_css(&format!(".related a[href='../../articles/{RUSSIAN}/']"))
        .await;
    related.click().await.expect("open the related article");
    b.client
        .wait()
        .for_element(fantoccini::Locator::Css("article[lang='ru'] h1.headline"))
        .await
        .expect("the Russian article's page opens");

    b.client.back().await.unwrap();
    b.client
        .wait()
        .for_element(fantoccini::Locator::Css("article[lang='en']"))
        .await
        .unwrap();
    assert_eq!(
        b.text("h1.headline").await,
        long_headline,
        "Back returns to the long article"
    );

    b.client.back().await.unwrap();
    b.wait_for_css(".card").await;
    b.client.forward().await.unwrap();
    assert_eq!(
        b.text("h1.headline").await,
        long_headline,
        "Forward works too"
    );
    b.close().await;
}

#[tokio::test]
async fn an_old_article_address_leads_to_its_page_which_survives_a_reload() {
    let b = Browser::start(1280, 900).await;
    b.client
        .goto(&page(&format!("?article={SEED}")))
        .await
        .unwrap();
    b.wait_for_app().await;
    let here = b.client.current_url().await.unwrap().to_string();
    assert_eq!(
        here,
        page(&folio_e2e::article(SEED)),
        "?article= leads to the static page"
    );
    let first = b.text("h1.headline").await;
    b.client.back().await.unwrap();
    assert_ne!(
        b.client.current_url().await.unwrap().to_string(),
        page(&format!("?article={SEED}")),
        "the old address is replaced, so Back does not bounce the reader forward again"
    );
    b.client.goto(&here).await.unwrap();
    b.client.refresh().await.unwrap();
    assert_eq!(b.text("h1.headline").await, first);
    b.close().await;
}

#[tokio::test]
async fn external_links_open_in_a_new_tab_without_referrer_and_targetless_items_are_text() {
    let b = Browser::start(1280, 900).await;
    b.open(&format!("?article={SEED}")).await;
    b.wait_for_css(".related").await;
    let links = b
        .eval("return document.querySelectorAll('.related a').length;")
        .await;
    assert_eq!(
        links, 0,
        "the seed's related headlines have no known targets, so they are plain text"
    );
    b.open(&format!("?article={LONG}")).await;
    b.wait_for_css("h1.headline").await;
    let external = b
        .eval("const links = [...document.querySelectorAll('article a[target=_blank]')];
               return { count: links.length, safe: links.every(a => a.rel.includes('noopener') && a.rel.includes('noreferrer')) };")
        .await;
    assert!(
        external["count"].as_u64().unwrap_or(0) > 0,
        "the long read has an external link to check"
    );
    assert_eq!(external["safe"], true);
    b.close().await;
}

#[tokio::test]
async fn every_page_has_one_h1_and_an_unknown_article_says_so() {
    let b = Browser::start(1280, 900).await;
    let h1s = "return document.querySelectorAll('h1').length;";
    b.open("").await;
    assert_eq!(b.eval(h1s).await, serde_json::json!(1));
    let card = b
        .wait_for_css(&format!(".card a[href='articles/{SEED}/']"))
        .await;
    card.click().await.expect("open the seed article");
    b.wait_for_app().await;
    b.wait_for_css("h1.headline").await;
    assert_eq!(b.eval(h1s).await, serde_json::json!(1));
    b.client.back().await.expect("back");
    b.wait_for_css(".card").await;
    b.open("?article=no-such-article").await;
    b.wait_for_css("[data-failure]").await;
    assert_eq!(b.eval(h1s).await, serde_json::json!(1));
    b.close().await;
}

#[tokio::test]
async fn the_first_tab_reaches_the_skip_link_and_enter_moves_to_the_content() {
    use fantoccini::key::Key;
    let b = Browser::start(1280, 900).await;
    b.open(&folio_e2e::article(SEED)).await;
    b.press(Key::Tab).await;
    assert!(
        b.focus_is("a.skip-link").await,
        "the first Tab stop is the skip link, not {}",
        b.focused().await
    );
    let shown = b
        .eval("const r = document.activeElement.getBoundingClientRect(); return r.top >= 0 && r.height > 0;")
        .await;
    assert_eq!(
        shown,
        serde_json::json!(true),
        "the focused skip link is visible"
    );
    b.press(Key::Enter).await;
    assert!(
        b.focus_is("#folio_main").await,
        "Enter moves focus to the article, not {}",
        b.focused().await
    );
    b.close().await;
}
