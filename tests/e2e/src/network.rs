//! Slow networks, through Chromium's DevTools protocol: a browser on a throttled
//! connection, and a page opened as a reader's browser shows it, before the app is there.

use serde_json::{json, Value};

use crate::offline::until;
use crate::{page, Browser};

/// A slow 3G connection: 400 ms to answer, 50 KB/s down.
pub fn slow_3g() -> Value {
    json!({ "offline": false, "latency": 400, "downloadThroughput": 51200, "uploadThroughput": 51200 })
}

/// A Chromium `width` × `height` CSS px whose network is `network`
/// (`Network.emulateNetworkConditions`).
pub async fn on_network(width: u32, height: u32, network: Value) -> Browser {
    let b = Browser::start(width, height).await;
    b.cdp("Network.enable", json!({})).await;
    b.cdp("Network.emulateNetworkConditions", network).await;
    b
}

/// Goes to `query` without waiting for the app, as a reader's browser shows the page.
pub async fn go(b: &Browser, query: &str) {
    b.client.goto(&page(query)).await.expect("navigation");
}

/// Waits up to a minute for the app to have taken the page over.
pub async fn until_taken_over(b: &Browser) {
    until(
        b,
        "return document.documentElement.dataset.folioApp === 'ready';",
        60,
    )
    .await;
}
