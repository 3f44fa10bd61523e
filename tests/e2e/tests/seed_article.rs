//! The sample article shows every part of the seed story, with the right text, and meets
//! the page-level promises: accessible, quiet console, no request to any other host.

use folio_e2e::reading::no_sideways_scroll;
use folio_e2e::seed::{seed_manifest, seed_paragraphs, squash, SEED};
use folio_e2e::Browser;

#[tokio::test]
async fn every_part_of_the_seed_article_is_visible_with_the_right_text() {
    let b = Browser::start(1280, 900).await;
    b.open(&format!("?article={SEED}")).await;
    let m = seed_manifest();
    assert_eq!(b.text("h1.headline").await, m["headline"].as_str().unwrap());
    assert_eq!(b.text(".kicker").await, "Breaking News");
    let time = b.wait_for_css(".published time").await;
    assert_eq!(
        time.attr("datetime").await.unwrap().as_deref(),
        Some("2007-10-13")
    );
    assert_eq!(
        time.text().await.unwrap(),
        "October 13, 2007",
        "Intl.DateTimeFormat long style for en"
    );
    assert!(b
        .text(".published")
        .await
        .starts_with("Published October 13, 2007"));
    assert!(
        b.text(".age-warning").await.contains("years old"),
        "old news is marked as old"
    );
    assert_eq!(
        b.text(".dateline").await,
        "October 13, 2007 (RFE/RL) \u{2013}"
    );
    assert!(b.text(".article-meta").await.contains("RFE/RL"));

    let lead = squash(&b.text(".lead figcaption").await);
    assert_eq!(
        lead,
        "Image: Gates (left) and Rice with Putin on October 12 (Credit: ITAR-TASS)"
    );

    let body = squash(&b.text(".story-body").await);
    for paragraph in seed_paragraphs() {
        assert!(
            body.contains(&squash(&paragraph)),
            "body paragraph missing on screen: {paragraph}"
        );
    }
    assert_eq!(
        b.texts(".story-body h2").await,
        ["Array Of Activists", "Missile-Defense Disagreement"]
    );

    let sidebar = squash(&b.text(".sidebar").await);
    assert!(sidebar.starts_with("Moscow And Washington: Toe To Toe"));
    assert!(sidebar.contains("U.S. President George W. Bush (left) and Russian President Vladimir Putin at the G8 summit in Germany on June 7 (Credit: AFP)"));
    assert!(sidebar.contains("MOUNTING TENSIONS. Relations between Russia and the United States have grown increasingly tense"));
    assert!(sidebar.contains("said democratic reforms in Russia have been \"derailed\"...."));
    assert_eq!(b.text(".sidebar__more").await, "(more)");

    assert_eq!(
        b.texts(".related__list li").await,
        [
            "Silent Diplomacy Versus Public Criticism",
            "Analysts Say New Arms Race Unlikely",
            "Moscow's Patience With U.S., Allies 'Wearing Thin'",
            "Russian Parliament Accuses U.S. Of Election Meddling",
        ]
    );
    assert_eq!(
        b.text(".more-coverage").await,
        "MORE: A special archive of RFE/RL's coverage of U.S.-Russian relations."
    );

    let notice = squash(&b.text(".notice--safety").await);
    assert!(notice.contains(
        "RFE/RL has been declared an \"undesirable organization\" by the Russian government."
    ));
    assert!(notice.contains("you could face fines or imprisonment for sharing, liking, commenting on, or saving our content, or for contacting us."));
    assert!(notice.contains("To find out more, click here."));
    b.close().await;
}

#[tokio::test]
async fn article_page_sets_title_canonical_opengraph_and_json_ld() {
    let b = Browser::start(1280, 900).await;
    b.open(&format!("?article={SEED}")).await;
    b.wait_for_css("h1.headline").await;
    let title = b.client.title().await.unwrap();
    assert_eq!(
        title,
        "U.S. Officials Meet With Russian Dissidents, Military \u{2014} RFE/RL"
    );
    let head = b
        .eval(
            "return {
               description: document.querySelector('meta[name=description]')?.content,
               canonical: document.querySelector('link[rel=canonical]')?.href,
               ogTitle: document.querySelector('meta[property=\"og:title\"]')?.content,
               ogType: document.querySelector('meta[property=\"og:type\"]')?.content,
               ld: JSON.parse(document.querySelector('script[type=\"application/ld+json\"]').textContent)
             };",
        )
        .await;
    assert!(head["description"]
        .as_str()
        .unwrap()
        .starts_with("Secretary of State Condoleezza Rice"));
    assert_eq!(
        head["canonical"].as_str().unwrap(),
        folio_e2e::page(&folio_e2e::article(SEED)),
        "the canonical address is the article's static page"
    );
    assert_eq!(
        head["ogTitle"],
        "U.S. Officials Meet With Russian Dissidents, Military"
    );
    assert_eq!(head["ogType"], "article");
    assert_eq!(head["ld"]["@type"], "NewsArticle");
    assert_eq!(head["ld"]["datePublished"], "2007-10-13");
    assert_eq!(head["ld"]["publisher"]["name"], "RFE/RL");
    b.close().await;
}

#[tokio::test]
async fn pages_request_nothing_from_other_hosts_and_log_no_errors() {
    let b = Browser::start(1280, 900).await;
    for query in ["", &format!("?article={SEED}")] {
        b.open(query).await;
        b.wait_for_css("main h1").await;
        b.assert_only_own_origin_requests(query).await;
        assert_eq!(
            b.console_errors().await,
            Vec::<String>::new(),
            "console errors on {query:?}"
        );
    }
    b.close().await;
}

#[tokio::test]
async fn axe_finds_no_violations_on_the_catalog_and_the_article() {
    let b = Browser::start(1280, 900).await;
    for query in ["", &format!("?article={SEED}")] {
        b.open(query).await;
        b.wait_for_css("main h1").await;
        b.wait_for_css(if query.is_empty() { ".card" } else { ".notice" })
            .await;
        assert_eq!(
            b.axe_violations().await,
            Vec::<String>::new(),
            "axe violations on {query:?}"
        );
    }
    b.close().await;
}

#[tokio::test]
async fn screenshots_at_phone_and_desktop_widths_are_kept() {
    for (width, height) in [(360, 800), (1280, 900)] {
        let b = Browser::start(width, height).await;
        b.open("").await;
        b.wait_for_css(".card").await;
        b.screenshot(&format!("catalog-{width}")).await;
        b.open(&format!("?article={SEED}")).await;
        b.wait_for_css(".notice").await;
        b.screenshot(&format!("article-{width}")).await;
        no_sideways_scroll(&b, &format!("the article at {width} px")).await;
        b.close().await;
    }
}

#[tokio::test]
async fn no_page_scrolls_sideways_from_320_to_1920_px() {
    let pages = [
        "",
        "?article=us-officials-meet-russian-dissidents",
        "?article=folio-long-read-test",
        "?article=folio-russian-test",
    ];
    for width in [320, 1920] {
        let b = Browser::start(width, 900).await;
        for query in pages {
            b.open(query).await;
            b.wait_for_css("main h1").await;
            b.wait_for_css(if query.is_empty() {
                ".card"
            } else {
                ".article-footer"
            })
            .await;
            no_sideways_scroll(&b, &format!("{query:?} at {width} px")).await;
        }
        b.close().await;
    }
}
