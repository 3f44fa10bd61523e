//! A reading tool pressed on a static page before the app has taken it over: the button
//! says it is busy, and the tool opens once the app and the tool's part are there, instead
//! of the press being lost.

use folio_e2e::network::{go, on_network, slow_3g, until_taken_over};
use folio_e2e::seed::SEED;
use folio_e2e::{article, only_in_chromium};
use serde_json::json;

#[tokio::test]
async fn reading_settings_pressed_before_the_app_is_there_open_once_it_is() {
    if only_in_chromium(
        "reading_settings_pressed_before_the_app_is_there_open_once_it_is",
        "throttle the network, so that the app arrives after the press",
    ) {
        return;
    }
    let b = on_network(412, 900, slow_3g()).await;
    go(&b, &article(SEED)).await;
    let pressed = b
        .eval(
            "const button = [...document.querySelectorAll('.article-tools button')]
                .find(b => b.textContent.includes('Reading settings'));
             button.click();
             return [document.documentElement.dataset.folioApp || null, button.getAttribute('aria-busy')];",
        )
        .await;
    assert_eq!(
        pressed,
        json!([null, "true"]),
        "pressed before the app took over, and the button says it is busy"
    );
    until_taken_over(&b).await;
    // The panel's controls are a part of their own, fetched now (ADR 013): the button stays
    // busy until they have come over the slow network.
    let mut waited = 0;
    while b
        .eval("return document.getElementById('folio_reading_panel').open;")
        .await
        != json!(true)
    {
        assert!(
            waited < 300,
            "the panel did not open within 30 s of the takeover"
        );
        waited += 1;
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let open = b
        .eval(
            "const panel = document.getElementById('folio_reading_panel');
             return [panel.open, document.activeElement && !!document.activeElement.closest('#folio_reading_panel'),
                     document.documentElement.hasAttribute('data-folio-pressed')];",
        )
        .await;
    assert_eq!(
        open,
        json!([true, true, false]),
        "the panel is open with the focus in it, and the press is not kept for later"
    );
    b.screenshot("before-takeover-settings-open").await;
    b.close().await;
}
