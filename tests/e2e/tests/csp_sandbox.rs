//! What only the test server shows (it serves the fixtures and the `/__test/` paths): a
//! scripted SVG from a bundle folder, opened on its own, runs no script; a violation made
//! on purpose reaches the server's report log, so the tier's "no violation reported"
//! check is one that can fail; and the sub-folder deployment's pages carry the policy of
//! its own settings.

use std::time::Duration;

use folio_e2e::plain_http::get_as;
use folio_e2e::{app_url, page, Browser, Engine};
use serde_json::Value;

/// Where the server's policy sends what a probe loads: a name that never resolves.
const PROBE: &str = "http://csp-probe.invalid";

#[tokio::test]
async fn a_scripted_svg_from_a_bundle_folder_opened_on_its_own_runs_no_script() {
    let b = Browser::start(800, 600).await;
    b.client
        .goto(&page("fixtures/sandbox/scripted.svg"))
        .await
        .expect("open the SVG");
    tokio::time::sleep(Duration::from_millis(500)).await;
    // WebDriver's own script may be refused in a sandboxed document (Chromium refuses it);
    // if it runs, the SVG's must not have.
    let ran = b
        .client
        .execute(
            "return document.documentElement.getAttribute('data-ran');",
            vec![],
        )
        .await;
    if let Ok(ran) = &ran {
        assert_eq!(ran, &Value::Null, "the SVG's script ran");
    }
    if b.engine == Engine::Chromium {
        let console = b.console_errors().await;
        assert!(
            console
                .iter()
                .any(|m| m.contains("Blocked script execution") && m.contains("sandboxed")),
            "the browser says the sandbox stopped the script: {console:?}"
        );
    } else {
        // The other engines give no console log, so WebDriver's look inside is the proof.
        assert!(
            ran.is_ok(),
            "the SVG's document could not be looked into: {ran:?}"
        );
    }
    // Nothing reached Folio's storage.
    b.open("").await;
    let stored = b
        .eval("return localStorage.getItem('folio.scripted-svg');")
        .await;
    assert_eq!(stored, Value::Null);
    b.close().await;
}

#[tokio::test]
async fn a_violation_on_a_page_reaches_the_server_s_report_log() {
    let b = Browser::start(1280, 900).await;
    b.open("").await;
    b.eval(&format!(
        "const probe = new Image(); probe.src = '{PROBE}/pixel.png'; document.body.append(probe); return true;"
    ))
    .await;
    let mut reports = Value::Null;
    for _ in 0..100 {
        reports = b
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 fetch('__test/csp-reports').then(r => r.json()).then(done, () => done([]));",
                vec![],
            )
            .await
            .expect("read the server's reports");
        let arrived = reports.as_array().is_some_and(|list| {
            list.iter()
                .any(|r| r.as_str().is_some_and(|r| r.contains(PROBE)))
        });
        if arrived {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let probe_report = reports
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .find(|r| r.contains(PROBE))
        .unwrap_or_else(|| panic!("no report of the probe arrived: {reports}"))
        .to_owned();
    assert!(probe_report.contains("img-src"), "{probe_report}");
    // The browser says so too, and that is the probe's doing, not the page's (only
    // Chromium's driver reads the console out).
    if b.engine == Engine::Chromium {
        let console = b.console_messages().await;
        assert!(
            console
                .iter()
                .any(|m| m.contains("Content Security Policy")),
            "{console:?}"
        );
    }
    b.close().await;
}

#[test]
fn the_sub_folder_s_pages_allow_the_origin_its_own_settings_name() {
    let port = url::Url::parse(&app_url())
        .ok()
        .and_then(|u| u.port())
        .expect("FOLIO_URL has a port");
    let host = format!("127.0.0.1:{port}");
    let policy = |path: &str| {
        get_as(path, &host)
            .header("content-security-policy")
            .unwrap_or_default()
            .to_owned()
    };
    let own = format!("http://localhost:{port}");
    let sub = policy("news/folio/");
    assert!(
        sub.contains(&format!("img-src 'self' {own};"))
            && sub.contains(&format!("connect-src 'self' {own};")),
        "{sub}"
    );
    let root = policy("");
    assert!(!root.contains(&own), "{root}");
    // Reports go to the deployment's own folder, like every other request of its pages.
    assert!(
        sub.ends_with("; report-uri /news/folio/__test/csp-report"),
        "{sub}"
    );
}
