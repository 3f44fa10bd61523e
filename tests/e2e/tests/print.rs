//! A printed article: the article alone, no interface controls, no footnote back arrows,
//! and the full address of every related article. Printing is Chromium's own, through CDP:
//! a real print (`Page.printToPDF`, which fires `beforeprint`), then the print media
//! emulated to read the page as it printed.

use folio_e2e::{app_url, article, only_in_chromium, Browser};
use serde_json::json;

const SEED: &str = "us-officials-meet-russian-dissidents";
const LONG_READ: &str = "folio-long-read-test";

/// Prints the page, then shows it as printed.
async fn print(b: &Browser) {
    let pdf = b.cdp("Page.printToPDF", json!({})).await;
    assert!(
        pdf["data"].as_str().is_some_and(|d| d.len() > 1000),
        "a PDF was printed"
    );
    b.cdp("Emulation.setEmulatedMedia", json!({ "media": "print" }))
        .await;
}

/// Controls the printed page shows. A checklist's boxes are the article's content, not
/// controls (checklists.rs checks they print).
const SHOWN_CONTROLS: &str = "return [...document.querySelectorAll('button, select, input:not(.task > input), [role=switch], .footnote-back, .site-header')]
    .filter(e => e.getClientRects().length > 0).map(e => e.outerHTML.slice(0, 80));";

#[tokio::test]
async fn a_printed_article_has_no_controls_and_the_full_address_of_each_related_article() {
    if only_in_chromium(
        "a_printed_article_has_no_controls_and_the_full_address_of_each_related_article",
        "print to PDF and emulate print media",
    ) {
        return;
    }
    let b = Browser::start(1280, 900).await;
    for id in [SEED, LONG_READ] {
        b.open(&article(id)).await;
        print(&b).await;
        assert_eq!(
            b.eval(SHOWN_CONTROLS).await,
            json!([]),
            "{id}: printed controls"
        );
        let addresses = b
            .eval("return [...document.querySelectorAll('.related a')].map(a => getComputedStyle(a, '::after').content);")
            .await;
        let addresses: Vec<String> = serde_json::from_value(addresses).unwrap();
        // The sample article's related headlines are not links (its source gives no
        // addresses); the long read's are.
        assert_eq!(
            addresses.is_empty(),
            id == SEED,
            "{id}: related links {addresses:?}"
        );
        for address in &addresses {
            assert!(
                address.starts_with(&format!("\" <{}", app_url()))
                    || address.starts_with("\" <https://"),
                "{id}: a full address is printed: {address}"
            );
        }
        b.screenshot(&format!("print-{id}")).await;
        b.cdp("Emulation.setEmulatedMedia", json!({ "media": "" }))
            .await;
    }
    b.close().await;
}

#[tokio::test]
async fn a_block_still_waiting_to_be_laid_out_prints_as_it_is() {
    if only_in_chromium(
        "a_block_still_waiting_to_be_laid_out_prints_as_it_is",
        "print to PDF and emulate print media",
    ) {
        return;
    }
    let b = Browser::start(1280, 900).await;
    b.open(&article(LONG_READ)).await;
    // A heading far down the long read, marked as the takeover marks a block far from the
    // screen while it waits to be laid out (src/start/laying_out.rs).
    let look = "const h = document.querySelectorAll('.story-body > h2')[3];
        h.classList.add('waiting-layout'); h.style.setProperty('--folio-waiting-height', '10px');
        const s = getComputedStyle(h); return [s.contentVisibility, s.marginTop];";
    assert_eq!(
        b.eval(look).await,
        json!(["auto", "0px"]),
        "on screen it waits, without its margin"
    );
    print(&b).await;
    let printed = b.eval(look).await;
    assert_eq!(printed[0], json!("visible"), "printed whole: {printed}");
    assert_ne!(printed[1], json!("0px"), "with its margin: {printed}");
    b.close().await;
}
