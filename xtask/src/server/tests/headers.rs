//! The headers the server sends: the build's policy on the app's pages, the sandbox on
//! everything else, the common headers on every answer; in test mode, reports asked for and
//! kept, and the sub-folder deployment's pages under the policy of its own settings.

use super::*;

/// A built site with a page holding an inline script, a bundle holding a page of its own,
/// and settings allowing one other origin; with fixtures if `testing`.
fn built(name: &str, testing: bool) -> Site {
    let dir = temp_dir(name);
    let dist = dir.join("dist");
    for folder in ["articles/a", "bundles/a"] {
        std::fs::create_dir_all(dist.join(folder)).unwrap();
    }
    let files = [
        ("index.html", "<script>alert(1)</script>"),
        ("articles/a/index.html", "<script>alert(1)</script>"),
        ("bundles/a/bundle.json", "{}"),
        ("bundles/a/page.html", "<script>alert(2)</script>"),
        ("folio-0123456789abcdef.js", "export {}"),
        (
            "folio.json",
            r#"{"bundle_origins": ["https://cdn.example.org"], "frame_ancestors": ["'self'", "https://cms.example.org"]}"#,
        ),
    ];
    for (file, text) in files {
        std::fs::write(dist.join(file), text).unwrap();
    }
    let fixtures = testing.then(|| {
        let fixtures = dir.join("fixtures");
        std::fs::create_dir_all(fixtures.join("deployments/news-folio")).unwrap();
        std::fs::write(
            fixtures.join("deployments/news-folio/folio.json"),
            r#"{"bundle_origins": ["http://localhost:{port}"]}"#,
        )
        .unwrap();
        std::fs::write(fixtures.join("picture.svg"), "<svg/>").unwrap();
        fixtures
    });
    Site {
        dist,
        fixtures,
        partners: Vec::new(),
    }
}

const ALERT: &str = "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='";

#[test]
fn pages_get_the_build_s_policy_and_every_other_answer_the_sandbox() {
    let site = built("policy", false);
    let expected = csp::page_policy(
        &csp::of_site(&site.dist).unwrap(),
        &csp::Settings::read(&site.dist.join("folio.json")).unwrap(),
    );
    let port = spawn(site).unwrap();
    for page in ["/", "/articles/a/"] {
        let answer = get(port, page, "");
        let policy = header(&answer, "Content-Security-Policy").unwrap_or_default();
        assert_eq!(policy, expected, "{page}");
        assert!(policy.contains(ALERT), "the page's inline script: {policy}");
        assert!(policy.contains("img-src 'self' https://cdn.example.org"));
        assert!(policy.contains("frame-ancestors 'self' https://cms.example.org"));
        assert!(!policy.contains("report-uri"), "reports only in test mode");
    }
    for other in [
        "/bundles/a/bundle.json",
        "/bundles/a/page.html",
        "/folio-0123456789abcdef.js",
        "/missing",
    ] {
        let answer = get(port, other, "");
        assert_eq!(
            header(&answer, "Content-Security-Policy"),
            Some(csp::SANDBOX),
            "{other}"
        );
    }
    for path in ["/", "/bundles/a/bundle.json", "/missing", "/../x"] {
        let answer = get(port, path, "");
        for (name, value) in csp::COMMON_HEADERS {
            assert_eq!(header(&answer, name), Some(value), "{name} on {path}");
        }
    }
    let refused = send(
        port,
        format!("GET /{} HTTP/1.1\r\n\r\n", "a".repeat(9000)).as_bytes(),
    );
    assert_eq!(header(&refused, "X-Content-Type-Options"), Some("nosniff"));
}

#[test]
fn in_test_mode_pages_ask_for_reports_and_the_server_keeps_them() {
    let site = built("reports", true);
    let port = spawn(site).unwrap();
    let page = get(port, "/", "");
    let policy = header(&page, "Content-Security-Policy").unwrap_or_default();
    assert!(
        policy.ends_with("; report-uri /__test/csp-report"),
        "{policy}"
    );
    let fixture = get(port, "/fixtures/picture.svg", "");
    assert_eq!(
        header(&fixture, "Content-Security-Policy"),
        Some(csp::SANDBOX)
    );
    let report = br#"{"csp-report": {"document-uri": "http://t/reports-test", "violated-directive": "img-src", "blocked-uri": "http://elsewhere.example"}}"#;
    let post = format!(
        "POST /__test/csp-report HTTP/1.1\r\nContent-Type: application/csp-report\r\nContent-Length: {}\r\n\r\n",
        report.len()
    );
    let mut raw = post.into_bytes();
    raw.extend_from_slice(report);
    assert!(send(port, &raw).starts_with("HTTP/1.1 204"));
    let line = "http://t/reports-test: img-src blocked http://elsewhere.example";
    assert!(get(port, "/__test/csp-reports", "").contains(line));
    assert!(csp_violations().iter().any(|r| r == line));
}

#[test]
fn the_sub_folder_s_pages_get_the_policy_of_its_own_settings() {
    let site = built("sub-folder", true);
    let port = spawn(site).unwrap();
    let request = |path: &str| {
        send(
            port,
            format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n").as_bytes(),
        )
    };
    let sub = request("/news/folio/");
    let policy = header(&sub, "Content-Security-Policy").unwrap_or_default();
    let own = format!("connect-src 'self' http://localhost:{port};");
    assert!(policy.contains(&own), "{policy}");
    assert!(
        policy.contains("frame-ancestors 'self'; report-uri /news/folio/__test/csp-report"),
        "{policy}"
    );
    let root = request("/");
    let policy = header(&root, "Content-Security-Policy").unwrap_or_default();
    assert!(
        policy.contains("connect-src 'self' https://cdn.example.org;"),
        "{policy}"
    );
}
