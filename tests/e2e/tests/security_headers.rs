//! The headers the build is served with, by whichever server serves it (`xtask`'s in the
//! end-to-end tier, nginx with `deploy/nginx.conf` in the nginx tier): a strict
//! Content-Security-Policy on every page, under which both inline scripts still run and
//! the app still takes each page over; a sandbox on a bundle's files; `nosniff` everywhere.

use folio_e2e::plain_http::{get, Answer};
use folio_e2e::{article, Browser};

const SEED: &str = "us-officials-meet-russian-dissidents";

/// The page policy of `answer`, after checking it is strict.
fn strict_policy(answer: &Answer, page: &str) -> String {
    assert_eq!(answer.status, 200, "{page}");
    let policy = answer
        .header("content-security-policy")
        .unwrap_or_else(|| panic!("{page}: no Content-Security-Policy"))
        .to_owned();
    let directives: Vec<&str> = policy.split(';').map(str::trim).collect();
    for wanted in ["default-src 'self'", "object-src 'none'", "base-uri 'none'"] {
        assert!(
            directives.contains(&wanted),
            "{page}: no {wanted}: {policy}"
        );
    }
    let script = directives
        .iter()
        .find(|d| d.starts_with("script-src "))
        .unwrap_or_else(|| panic!("{page}: no script-src: {policy}"));
    assert!(
        script.starts_with("script-src 'self' 'wasm-unsafe-eval' 'sha256-"),
        "{page}: scripts are the app's own files and hashed inline ones: {script}"
    );
    for loose in [
        "'unsafe-inline'",
        "'unsafe-eval'",
        "'unsafe-hashes'",
        " * ",
        "data:",
    ] {
        assert!(!policy.contains(loose), "{page}: {loose} in {policy}");
    }
    assert!(
        directives.iter().any(|d| d.starts_with("frame-ancestors ")),
        "{page}: {policy}"
    );
    for (name, value) in [
        ("x-content-type-options", "nosniff"),
        ("referrer-policy", "no-referrer"),
    ] {
        assert_eq!(answer.header(name), Some(value), "{page}: {name}");
    }
    policy
}

#[test]
fn every_page_is_served_with_the_strict_policy_and_the_security_headers() {
    let catalog = strict_policy(&get(""), "the catalog");
    let page = strict_policy(&get(&article(SEED)), "the article");
    assert_eq!(catalog, page, "one policy for every page of a build");
    let embed = strict_policy(&get(&format!("embed/{SEED}/")), "the embed");
    assert_eq!(
        catalog, embed,
        "an embed has the pages' policy, frame-ancestors included"
    );
    let old_address = get(&format!("?article={SEED}"));
    assert_eq!(
        old_address.header("content-security-policy"),
        Some(catalog.as_str())
    );
}

#[test]
fn a_bundle_s_files_are_served_as_a_sandbox_that_is_never_sniffed() {
    for file in [
        format!("bundles/{SEED}/bundle.json"),
        format!("bundles/{SEED}/body.md"),
    ] {
        let answer = get(&file);
        assert_eq!(answer.status, 200, "{file}");
        let policy = answer.header("content-security-policy").unwrap_or("");
        assert!(
            policy.split(';').any(|d| d.trim() == "sandbox"),
            "{file}: {policy}"
        );
        assert_eq!(
            answer.header("x-content-type-options"),
            Some("nosniff"),
            "{file}"
        );
    }
}

#[test]
fn partners_pages_may_read_the_oembed_answers() {
    let answer = get(&format!("embed/{SEED}/oembed.json"));
    assert_eq!(answer.status, 200);
    assert_eq!(answer.header("access-control-allow-origin"), Some("*"));
    assert_eq!(answer.header("x-content-type-options"), Some("nosniff"));
    // Only the oEmbed answers: a page is not readable from other origins.
    assert_eq!(
        get(&format!("embed/{SEED}/")).header("access-control-allow-origin"),
        None
    );
}

#[tokio::test]
async fn under_the_policy_each_page_runs_its_inline_scripts_and_is_taken_over() {
    let b = Browser::start(1280, 900).await;
    for page in [
        String::new(),
        article(SEED),
        format!("embed/{SEED}/"),
        format!("?bundle=bundles/{SEED}/"),
    ] {
        // `open` waits until the app has started: the hashed module script ran.
        b.open(&page).await;
        let early = b
            .eval("return document.documentElement.hasAttribute('data-folio-js');")
            .await;
        assert_eq!(
            early,
            serde_json::json!(true),
            "{page}: the hashed script before first paint ran"
        );
        let blocked: Vec<String> = b
            .console_messages()
            .await
            .into_iter()
            .filter(|m| m.contains("Content Security Policy"))
            .collect();
        assert_eq!(blocked, Vec::<String>::new(), "{page}");
    }
    b.close().await;
}
