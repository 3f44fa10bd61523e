//! The fixture bundles in `tests/fixtures/bundles/` at the repository root, which the
//! viewer's end-to-end tests also serve: each reads with exactly the problems its README
//! entry promises, and none makes the reader panic.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use folio_bundle::{read_folder, Article, Report, Rule};
use rstest::rstest;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/bundles")
        .join(name)
}

fn read_fixture(name: &str) -> (Option<Article>, Report) {
    let dir = fixture(name);
    assert!(dir.is_dir(), "{} is missing", dir.display());
    let mut report = Report::default();
    let article = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        read_folder(&dir, &mut report)
    }))
    .unwrap_or_else(|_| panic!("reading {name} panicked"));
    (article, report)
}

#[rstest]
#[case::valid_minimal("valid-minimal", true, &[])]
#[case::bad_json("bad-json", false, &[Rule::Syntax])]
#[case::newer_version("newer-version", false, &[Rule::UnsupportedVersion])]
#[case::not_an_object("not-an-object", false, &[Rule::WrongType])]
#[case::missing_body("missing-body", false, &[Rule::MissingFile])]
#[case::many_errors("many-errors", false, &[
    Rule::BadValue,
    Rule::Missing,
    Rule::BadDate,
    Rule::UndeclaredMedia,
    Rule::MissingAlt,
    Rule::DuplicateId,
    Rule::UnsafeUrl,
])]
#[case::hostile_markdown("hostile-markdown", true, &[Rule::UnsafeLink, Rule::ExternalImage, Rule::RawHtml])]
fn each_fixture_reads_with_the_problems_it_was_made_for(
    #[case] name: &str,
    #[case] reads: bool,
    #[case] rules: &[Rule],
) {
    let (article, report) = read_fixture(name);
    assert_eq!(article.is_some(), reads, "{name}:\n{report}");
    let found: HashSet<Rule> = report.diagnostics.iter().map(|d| d.rule).collect();
    let expected: HashSet<Rule> = rules.iter().copied().collect();
    assert_eq!(found, expected, "{name}:\n{report}");
    if reads {
        assert!(!report.has_errors(), "{name}:\n{report}");
    }
}

#[test]
fn every_fixture_folder_has_a_row_in_the_table() {
    let listed = [
        "valid-minimal",
        "bad-json",
        "newer-version",
        "not-an-object",
        "missing-body",
        "many-errors",
        "hostile-markdown",
    ];
    let mut found: Vec<String> = std::fs::read_dir(fixture(""))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    found.sort();
    let mut listed: Vec<String> = listed.iter().map(|s| s.to_string()).collect();
    listed.sort();
    assert_eq!(found, listed);
    let readme = std::fs::read_to_string(fixture("../README.md")).unwrap();
    for name in &listed {
        assert!(
            readme.contains(&format!("`{name}`")),
            "README.md does not describe {name}"
        );
    }
}

#[test]
fn valid_minimal_is_clean() {
    let (article, report) = read_fixture("valid-minimal");
    assert!(report.diagnostics.is_empty(), "{report}");
    let article = article.unwrap();
    assert_eq!(article.manifest.headline, "The Smallest Valid Bundle");
    assert!(article.manifest.media.is_empty());
    assert_eq!(article.body.blocks.len(), 1);
}

#[test]
fn bad_json_says_where_the_syntax_breaks() {
    let (_, report) = read_fixture("bad-json");
    assert_eq!(report.diagnostics.len(), 1);
    let shown = report.diagnostics[0].to_string();
    assert!(
        shown.starts_with("bundle.json: line 9, column 1: not valid JSON"),
        "{shown}"
    );
}

#[test]
fn not_an_object_says_what_it_found() {
    let (_, report) = read_fixture("not-an-object");
    assert_eq!(
        report.diagnostics[0].to_string(),
        "bundle.json: expected a JSON object, found a list"
    );
}

#[test]
fn newer_version_asks_for_a_newer_reader() {
    let (_, report) = read_fixture("newer-version");
    assert_eq!(report.diagnostics.len(), 1, "{report}");
    let d = &report.diagnostics[0];
    assert_eq!(d.path, "format_version");
    assert!(d.message.contains("newer"), "{d}");
}

#[test]
fn missing_body_names_the_body_file() {
    let (_, report) = read_fixture("missing-body");
    assert_eq!(report.diagnostics.len(), 1, "{report}");
    let d = &report.diagnostics[0];
    assert_eq!((d.file.as_str(), d.path.as_str()), ("bundle.json", "body"));
    assert!(d.message.starts_with("\"body.md\" cannot be read"), "{d}");
}

#[test]
fn many_errors_lists_every_error_of_the_manifest_at_once() {
    let (_, report) = read_fixture("many-errors");
    let shown: Vec<String> = report.diagnostics.iter().map(|d| d.to_string()).collect();
    assert_eq!(
        shown,
        [
            "bundle.json: direction: \"sideways\" is not one of ltr, rtl, auto",
            "bundle.json: headline: missing (every article needs a headline)",
            "bundle.json: published: \"13 October 2007\": expected a date like 2007-10-13 or 2007-10-13T14:05:00+04:00",
            "bundle.json: lead.media: media \"missing-photo\" is not declared in bundle.json's media list",
            "bundle.json: media[0].alt: missing (every image needs alternative text, or \"decorative\": true)",
            "bundle.json: media[1].id: \"photo\" is used by an earlier media item",
            "bundle.json: related[0].url: \"javascript:alert(document.cookie)\" refused: only http, https and mailto links are allowed",
        ]
    );
    assert!(report.diagnostics.iter().all(|d| d.is_error()));
}

#[test]
fn hostile_markdown_loads_with_every_trick_disarmed() {
    let (article, report) = read_fixture("hostile-markdown");
    let article = article.expect("hostile Markdown only warns");
    let json = serde_json::to_string(&article.body).unwrap();
    // No link or image target the viewer would follow is outside the allow-list.
    for scheme in ["javascript:", "data:", "vbscript:"] {
        let followed = [
            format!("\"kind\":\"external\",\"value\":\"{scheme}"),
            format!("\"kind\":\"bundle\",\"value\":\"{scheme}"),
        ];
        for bad in followed {
            assert!(!json.to_lowercase().contains(&bad), "{bad} in {json}");
        }
    }
    let count = |rule| report.diagnostics.iter().filter(|d| d.rule == rule).count();
    assert_eq!(count(Rule::UnsafeLink), 12, "{report}");
    assert_eq!(count(Rule::ExternalImage), 1, "{report}");
    assert!(count(Rule::RawHtml) >= 6, "{report}");
    // The comment is dropped, so its text never reaches the reader.
    assert!(!json.contains("A comment: dropped"));
    // The scripts are still there, as text a reader can see.
    assert!(json.contains("<script>window.__folio_pwned = true</script>"));
    assert_eq!(
        article.manifest.media[0].alt,
        "A tiny test image\" onerror=\"window.__folio_pwned = true"
    );
}
