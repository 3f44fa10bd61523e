//! The sample article embedded in a partner newsroom's page on another origin (the test
//! server's `localhost` name, while the app is at `127.0.0.1`), through pym.js's own parent
//! script from npm: the frame is as tall as its content after load, a width change and a
//! text-size change; links leave the frame; malformed messages change nothing; the partner's
//! page is not touched.

use folio_e2e::reading::assert_quiet_console;
use folio_e2e::seed::{seed_manifest, SEED};
use folio_e2e::{app_url, Browser};
use serde_json::{json, Value};

/// The partner page, on the other origin, embedding the sample article with pym.js.
fn partner_page() -> String {
    let app = app_url();
    let embed = format!("{app}embed/{SEED}/");
    let partner = app.replace("127.0.0.1", "localhost");
    format!(
        "{partner}__test/partner/pym?app={}",
        embed.replace(':', "%3A").replace('/', "%2F")
    )
}

/// The frame's height and its content's, once they agree within 8 px (or after 15 s, when
/// the test fails).
async fn sized(b: &Browser, what: &str) -> (f64, f64) {
    let start = std::time::Instant::now();
    loop {
        let frame = b
            .eval("const f = document.querySelector('#folio-embed iframe'); return f ? f.getBoundingClientRect().height : 0;")
            .await
            .as_f64()
            .unwrap_or(0.0);
        b.wait_for_css("#folio-embed iframe")
            .await
            .enter_frame()
            .await
            .expect("into the frame");
        let inner = b
            .eval("const r = document.getElementById('folio_root'); return r && document.documentElement.dataset.folioApp === 'ready' ? r.getBoundingClientRect().height : 0;")
            .await
            .as_f64()
            .unwrap_or(0.0);
        b.client
            .enter_parent_frame()
            .await
            .expect("back to the partner page");
        if inner > 0.0 && (frame - inner).abs() <= 8.0 {
            return (frame, inner);
        }
        assert!(
            start.elapsed() < std::time::Duration::from_secs(15),
            "{what}: the frame is {frame} px tall for {inner} px of content"
        );
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
}

#[tokio::test]
async fn a_pym_parent_on_another_origin_sizes_the_embed_to_its_content() {
    let b = Browser::start(1280, 900).await;
    b.client
        .goto(&partner_page())
        .await
        .expect("the partner page");
    let (frame, _) = sized(&b, "after load").await;
    assert!(frame > 1000.0, "the whole article is shown: {frame} px");

    // Inside: the article alone, no site header, no inner scroll bar.
    b.wait_for_css("#folio-embed iframe")
        .await
        .enter_frame()
        .await
        .unwrap();
    assert_eq!(
        b.text("h1.headline").await,
        seed_manifest()["headline"].as_str().unwrap()
    );
    assert_eq!(
        b.eval("return document.querySelectorAll('.site-header, .site-footer').length;")
            .await,
        json!(0)
    );
    assert_eq!(
        b.eval("return document.documentElement.scrollHeight <= window.innerHeight + 1;")
            .await,
        json!(true),
        "no scroll bar inside the frame"
    );
    // Links leave the frame: a new tab, or in-page anchors that stay put.
    let stays: Value = b
        .eval(
            "const base = (document.querySelector('base') || {}).target || '';
             return [...document.querySelectorAll('a[href]')]
               .filter(a => (a.target || base || '_self') === '_self' && !a.getAttribute('href').startsWith('#'))
               .map(a => a.outerHTML);",
        )
        .await;
    assert_eq!(stays, json!([]), "links that would navigate the frame");
    let read_on = b.text(".embed__read-on a").await;
    assert_eq!(read_on, "Read the full article on Folio");
    let axe = b.axe_violations().await;
    assert_eq!(axe, Vec::<String>::new(), "axe inside the frame");
    b.client.enter_parent_frame().await.unwrap();

    // A narrower frame: taller content, and the frame follows.
    b.eval("document.getElementById('folio-embed').style.width = '420px'; return true;")
        .await;
    let (narrow, _) = sized(&b, "after a width change").await;
    assert!(
        narrow > frame,
        "narrower is taller: {narrow} px against {frame} px"
    );

    // Larger text inside the frame: the frame follows again.
    b.wait_for_css("#folio-embed iframe")
        .await
        .enter_frame()
        .await
        .unwrap();
    b.eval("document.documentElement.style.fontSize = '150%'; return true;")
        .await;
    b.client.enter_parent_frame().await.unwrap();
    let (larger, _) = sized(&b, "after a text-size change").await;
    assert!(
        larger > narrow,
        "larger text is taller: {larger} px against {narrow} px"
    );

    // Malformed messages to the embed change nothing.
    b.eval(
        "const w = document.querySelector('#folio-embed iframe').contentWindow;
         for (const m of ['pymxPYMxnope', 'pym' + 'xPYMx' + 'folio-embed' + 'xPYMx' + 'height' + 'xPYMx' + '1', {height: 1}, 42, null]) w.postMessage(m, '*');
         return true;",
    )
    .await;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let (after, _) = sized(&b, "after malformed messages").await;
    assert!(
        (after - larger).abs() <= 8.0,
        "{after} px against {larger} px"
    );

    // The partner's page is its own: the same text around the frame.
    assert_eq!(
        b.text("#before").await,
        "The partner's own text comes first."
    );
    assert_eq!(
        b.text("#after").await,
        "The partner's page goes on after the embed."
    );
    assert_eq!(
        b.eval("return document.title;").await,
        json!("A partner newsroom's page")
    );
    b.screenshot("embed-pym-partner").await;
    assert_quiet_console(&b).await;
    b.close().await;
}
