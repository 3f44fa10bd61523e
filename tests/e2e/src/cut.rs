//! Pages cut short on their way, as a connection that closes partway leaves them: the test
//! server sends this browser the app's pages without the data after their article
//! (`xtask/src/server/answer.rs`, `cut_short`), so the app leaves each one as it arrived,
//! as the static HTML and CSS alone make it.

use crate::offline::until;
use crate::{page, Browser};

/// From here on this browser gets the app's pages cut short.
pub async fn cut_pages(b: &Browser) {
    b.client
        .goto(&page("__test/cut-pages"))
        .await
        .expect("navigation");
}

/// This browser gets whole pages again.
pub async fn whole_pages(b: &Browser) {
    b.eval("document.cookie = 'folio-test=; path=/; max-age=0'; return true;")
        .await;
}

/// Goes to `query`, cut short, and waits up to 20 s for the page to say it stays as it
/// arrived (its status line `unread`).
pub async fn open_cut(b: &Browser, query: &str) {
    b.client.goto(&page(query)).await.expect("navigation");
    until(
        b,
        "return !!document.querySelector('[data-folio-status=unread]:not([hidden])');",
        20,
    )
    .await;
}
