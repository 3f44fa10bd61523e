//! The policy's parts: inline code hashed as a browser hashes it, settings that can only
//! add sources, the strict page policy, and the files written for static hosts and nginx.
//! Expected hashes were computed apart, with Python's `hashlib`.

use super::*;
use std::path::Path;

const ALERT: &str = "sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI=";
const A_NEWLINE_B: &str = "sha256-fhj3NzEbLcOy8mndeDlrA1HxT7Zu+oefdoyyMYGIPHg=";
const RED: &str = "sha256-FcQqt3aNlV7AZnGV4zkQRVeCeJOxbMPnQSx258L803E=";

fn scanned(html: &str) -> Inline {
    let mut found = Inline::default();
    found.scan(html, "page.html");
    found
}

#[test]
fn inline_scripts_and_styles_are_hashed_as_a_browser_hashes_them() {
    let found = scanned(
        "<!doctype html><html><head><script>alert(1)</script>\
         <style>body{color:red}</style><script type=module>a\r\nb</script></head></html>",
    );
    assert_eq!(
        found.scripts,
        [ALERT, A_NEWLINE_B].map(str::to_owned).into(),
        "CR LF is hashed as LF, as the HTML parser reads it"
    );
    assert_eq!(found.styles, [RED.to_owned()].into());
    assert!(found.blocked.is_empty());
}

#[test]
fn data_blocks_external_scripts_and_comments_are_not_hashed() {
    let found = scanned(
        r#"<script type="application/json" id="d">{"a":1}</script>
           <script type='application/ld+json'>{"@type":"NewsArticle"}</script>
           <script src="./app.js">alert(1)</script>
           <!-- <script>alert(1)</script> -->
           <p title="a > b">x < y</p>"#,
    );
    assert_eq!(found, Inline::default());
}

#[test]
fn a_script_ends_only_at_its_own_end_tag_in_any_case() {
    let found = scanned("<SCRIPT TYPE=\"text/javascript\">alert(1)</SCRIPT ><p>after</p>");
    assert_eq!(found.scripts, [ALERT.to_owned()].into());
    // `</scripts>` and `</style>` inside a script do not end it.
    let found = scanned("<script>a\nb</scripts></script>");
    assert_ne!(found.scripts, [A_NEWLINE_B.to_owned()].into());
    assert_eq!(found.scripts.len(), 1);
}

#[test]
fn style_attributes_and_event_handlers_are_reported_not_allowed() {
    let found = scanned(
        r#"<div class="figure__frame" style="aspect-ratio: 640 / 360;"><img onerror='x()'></div>"#,
    );
    assert_eq!(
        found.blocked,
        [
            "page.html: style=\"aspect-ratio: 640 / 360;\"",
            "page.html: onerror=\"x()\""
        ]
    );
    let policy = page_policy(&found, &Settings::default());
    assert!(
        !policy.contains("'unsafe-inline'") && !policy.contains("'unsafe-hashes'"),
        "{policy}"
    );
}

#[test]
fn the_page_policy_is_strict_and_lets_bundle_origins_in_only_for_images_and_requests() {
    let inline = scanned("<script>alert(1)</script><style>body{color:red}</style>");
    let settings = Settings {
        bundle_origins: vec!["https://cdn.example.org".into()],
        frame_ancestors: vec!["'self'".into(), "https://cms.example.org".into()],
    };
    let policy = page_policy(&inline, &settings);
    assert_eq!(
        policy,
        format!(
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' '{ALERT}'; \
             style-src 'self' '{RED}'; img-src 'self' https://cdn.example.org; \
             connect-src 'self' https://cdn.example.org; object-src 'none'; base-uri 'none'; \
             form-action 'self'; frame-ancestors 'self' https://cms.example.org"
        )
    );
    assert_eq!(
        with_test_reports("x", "/"),
        "x; report-uri /__test/csp-report"
    );
    assert_eq!(
        with_test_reports("x", "/news/folio/"),
        "x; report-uri /news/folio/__test/csp-report"
    );
}

#[test]
fn settings_default_to_framing_by_the_app_s_own_origin_only() {
    let none = Settings::parse(br#"{"catalog": "index.json"}"#, "t").unwrap();
    assert_eq!(none, Settings::default());
    assert_eq!(none.frame_ancestors, ["'self'"]);
    let empty = Settings::parse(br#"{"frame_ancestors": []}"#, "t").unwrap();
    assert_eq!(empty.frame_ancestors, ["'none'"]);
    let missing = Settings::read(Path::new("/nonexistent/folio.json")).unwrap();
    assert_eq!(missing, Settings::default());
}

#[test]
fn settings_take_origins_and_nothing_that_could_add_a_directive() {
    let good = Settings::parse(
        br#"{"bundle_origins": ["https://news.example.org/", "http://localhost:8080", "http://[::1]:9000"],
             "frame_ancestors": ["'self'", "https://*.example.org", "https://cms.example.org:8443"]}"#,
        "t",
    )
    .unwrap();
    assert_eq!(
        good.bundle_origins,
        [
            "https://news.example.org",
            "http://localhost:8080",
            "http://[::1]:9000"
        ]
    );
    assert_eq!(good.frame_ancestors.len(), 3);
    for origin in [
        "https://a.org; script-src *",
        "https://a.org 'unsafe-inline'",
        "'unsafe-inline'",
        "*",
        "javascript:alert(1)",
        "data:",
        "https://a.org/path",
        "https://a.org:80:80",
        "https://a.org\"",
        "https://a.org$x",
        "https://*.a.org",
        "ftp://a.org",
        "https://",
    ] {
        let json = serde_json::json!({ "bundle_origins": [origin] }).to_string();
        assert!(
            Settings::parse(json.as_bytes(), "t").is_err(),
            "bundle_origins: {origin}"
        );
    }
    for source in ["self", "'none'", "'unsafe-inline'", "https://a.org;x", "*"] {
        let json = serde_json::json!({ "frame_ancestors": ["'self'", source] }).to_string();
        assert!(
            Settings::parse(json.as_bytes(), "t").is_err(),
            "frame_ancestors: {source}"
        );
    }
    assert!(Settings::parse(br#"{"bundle_origins": "https://a.org"}"#, "t").is_err());
    assert!(Settings::parse(b"[1]", "t").is_err());
}

#[test]
fn only_names_with_a_content_hash_are_cached_for_a_year() {
    for (name, expected) in [
        ("folio-0123456789abcdef.js", IMMUTABLE),
        ("folio-0123456789abcdef_bg.wasm", IMMUTABLE),
        // The module's parts and their loader (ADR 013).
        ("folio-split_read_aloud-0123456789abcdef.wasm", IMMUTABLE),
        ("folio-split-0123456789abcdef.js", IMMUTABLE),
        ("index.html", "no-cache"),
        ("folio.json", "no-cache"),
        ("atkinson-hyperlegible-latin-400-normal.woff2", "no-cache"),
        ("photo-2007.png", "no-cache"),
    ] {
        assert_eq!(cache_control(name), expected, "{name}");
    }
}

/// A small built site: two pages, the app's files, a bundle holding a page of its own.
fn site(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("folio-csp-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for folder in ["articles/a", "bundles/a", "fonts"] {
        std::fs::create_dir_all(dir.join(folder)).unwrap();
    }
    let files = [
        ("index.html", "<script>alert(1)</script>"),
        ("articles/a/index.html", "<style>body{color:red}</style>"),
        ("bundles/a/evil.html", "<script>a\nb</script>"),
        ("folio-0123456789abcdef.js", ""),
        ("index.html.br", ""),
        (
            "folio.json",
            r#"{"bundle_origins": ["https://cdn.example.org"]}"#,
        ),
    ];
    for (file, text) in files {
        std::fs::write(dir.join(file), text).unwrap();
    }
    dir
}

#[test]
fn a_bundle_s_own_html_never_adds_a_hash() {
    let dir = site("of-site");
    let found = of_site(&dir).unwrap();
    assert_eq!(found.scripts, [ALERT.to_owned()].into());
    assert_eq!(found.styles, [RED.to_owned()].into());
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn the_build_writes_one_rule_per_path_for_static_hosts_and_the_policy_for_nginx() {
    let dir = site("hosts");
    let written = write_host_files(&dir, "/news/folio/").unwrap();
    let settings = Settings::read(&dir.join("folio.json")).unwrap();
    let policy = page_policy(&written.inline, &settings);
    assert!(policy.contains("img-src 'self' https://cdn.example.org"));
    let headers = std::fs::read_to_string(dir.join(HEADERS_FILE)).unwrap();
    let rules: Vec<(&str, Vec<&str>)> = headers
        .split('\n')
        .filter(|l| l.starts_with('/'))
        .map(|pattern| {
            let block = headers.split(&format!("{pattern}\n")).nth(1).unwrap_or("");
            let names = block
                .lines()
                .take_while(|l| l.starts_with("  "))
                .filter_map(|l| l.trim().split_once(':').map(|(n, _)| n))
                .collect();
            (pattern, names)
        })
        .collect();
    let patterns: Vec<&str> = rules.iter().map(|(p, _)| *p).collect();
    assert_eq!(
        patterns,
        [
            "/news/folio/*",
            "/news/folio/",
            "/news/folio/articles/*",
            "/news/folio/bundles/*",
            "/news/folio/folio-0123456789abcdef.js",
            "/news/folio/folio.json",
            "/news/folio/fonts/*",
            "/news/folio/index.html",
        ]
    );
    // `/*` names only the common headers; every other rule the policy and the caching.
    assert!(!rules[0].1.contains(&"Content-Security-Policy"));
    for (pattern, names) in &rules[1..] {
        assert_eq!(
            names,
            &["Content-Security-Policy", "Cache-Control"],
            "{pattern}"
        );
    }
    let block = |pattern: &str| {
        headers
            .split(&format!("{pattern}\n"))
            .nth(1)
            .unwrap_or("")
            .split("\n/")
            .next()
            .unwrap_or("")
            .to_owned()
    };
    assert!(block("/news/folio/bundles/*").contains(SANDBOX));
    assert!(block("/news/folio/folio-0123456789abcdef.js").contains(IMMUTABLE));
    assert!(block("/news/folio/articles/*").contains(&policy));
    let nginx = std::fs::read_to_string(dir.join(NGINX_FILE)).unwrap();
    assert!(
        nginx.contains(&format!("set $folio_page_csp \"{}\";", policy)),
        "{nginx}"
    );
    let _ = std::fs::remove_dir_all(dir);
}
