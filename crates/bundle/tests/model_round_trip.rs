//! An article's model written as JSON reads back as the same model. A static page carries
//! the model its build read (the app's `PageData`), so the app draws it without the
//! Markdown reader; anything lost on the way would show on the page.

use std::path::{Path, PathBuf};

use folio_bundle::{read_bundle, read_folder, Article, Report, Timestamp};

fn folders_in(dir: &Path) -> Vec<PathBuf> {
    let mut folders: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("a folder entry").path())
        .filter(|path| path.is_dir())
        .collect();
    folders.sort();
    folders
}

fn round_trip(article: &Article) -> Article {
    let text = serde_json::to_string(article).expect("the model writes as JSON");
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("the model reads back: {e}\n{text}"))
}

#[test]
fn every_readable_bundle_reads_back_the_same() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut checked = Vec::new();
    for dir in ["public/bundles", "tests/fixtures/bundles"] {
        for folder in folders_in(&root.join(dir)) {
            let mut report = Report::default();
            let Some(article) = read_folder(&folder, &mut report) else {
                continue;
            };
            assert_eq!(round_trip(&article), article, "{}", folder.display());
            checked.push(folder);
        }
    }
    // The four samples, the minimal fixture and the hostile Markdown, which still reads.
    assert!(checked.len() >= 6, "only {checked:?} were read");
}

#[test]
fn a_long_generated_article_reads_back_the_same() {
    let mut body = String::new();
    for i in 0..300 {
        body.push_str(&format!(
            "## Part {i}\n\nWords with *stress*, **strength**, `code`, a [link](https://example.org/{i}) \
             and a note.[^n{i}]\n\n> A quote\n\n1. one\n2. two\n\n| a | b |\n|:-|-:|\n| {i} | x |\n\n\
             [^n{i}]: The note's text.\n\n"
        ));
    }
    let manifest = r#"{"format_version":"1.0","id":"long","language":"en","headline":"Long",
        "published":"2007-10-13T14:05:00.250-05:30","source":{"name":"Folio"},"body":"body.md"}"#;
    let (article, report) = read_bundle(manifest.as_bytes(), body.as_bytes());
    let article = article.unwrap_or_else(|| panic!("the article reads:\n{report}"));
    assert_eq!(round_trip(&article), article);
}

#[test]
fn timestamps_and_versions_read_back_as_written() {
    for text in [
        "2007-10-13",
        "2007-10-13T14:05:00Z",
        "2007-10-13T14:05:00.250-05:30",
    ] {
        let stamp = Timestamp::parse(text).expect("a valid timestamp");
        let json = serde_json::to_string(&stamp).expect("writes");
        assert_eq!(serde_json::from_str::<Timestamp>(&json).ok(), Some(stamp));
    }
    assert!(serde_json::from_str::<Timestamp>("\"13 October 2007\"").is_err());
}
