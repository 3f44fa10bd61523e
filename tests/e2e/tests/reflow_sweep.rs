//! Reflow at every text size: from 100% to 300%, step by step, at 320, 360 and 412 px, on
//! the catalog, the sample article, the long read and the Russian article, with the Reading
//! settings panel open and closed, nothing is wider than the screen and nothing scrolls
//! sideways (WCAG 1.4.4 and 1.4.10). Measured against the width set, as
//! `no_sideways_scroll` says why.

use folio_e2e::reading::*;
use folio_e2e::{article, Browser};

const OTHER_ARTICLES: [&str; 3] = [
    "folio-long-read-test",
    "folio-russian-test",
    "folio-persian-test",
];

/// Checks an article page with its panel open, then closed.
async fn check_article(b: &Browser, what: &str) {
    no_sideways_scroll(b, &format!("{what}, panel open")).await;
    close_panel(b).await;
    check_page(b, what).await;
}

/// Checks a page: nothing sideways, and no word broken that would fit on a line.
async fn check_page(b: &Browser, what: &str) {
    no_sideways_scroll(b, what).await;
    assert_eq!(
        chopped_words(b).await,
        Vec::<String>::new(),
        "{what}: words broken mid-word"
    );
}

#[tokio::test]
async fn no_text_size_from_100_to_300_percent_scrolls_any_page_sideways_on_a_phone() {
    for width in [320, 360, 412] {
        let b = Browser::start(width, 740).await;
        for size in TEXT_SIZES {
            let at = format!("{width} px, text at {size}%");
            b.open(SEED).await;
            set_text_size(&b, size).await;
            check_article(&b, &format!("sample article, {at}")).await;
            if size == 300 {
                b.eval("scrollTo(0, 0); return null;").await;
                b.screenshot(&format!("reflow-sweep-article-{width}-300"))
                    .await;
            }
            // The other pages take the saved size before their first paint.
            for id in OTHER_ARTICLES {
                b.open(&article(id)).await;
                open_panel(&b).await;
                check_article(&b, &format!("{id}, {at}")).await;
            }
            b.open("").await;
            check_page(&b, &format!("catalog, {at}")).await;
            if size == 300 {
                b.screenshot(&format!("reflow-sweep-catalog-{width}-300"))
                    .await;
            }
        }
        b.close().await;
    }
}
