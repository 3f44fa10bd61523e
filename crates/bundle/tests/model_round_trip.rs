//! An article's model written as JSON reads back as the same model
//! (`folio_bundle::written`). A static page carries the model its build read (the app's
//! `PageData`), so the app draws it without the Markdown reader; anything lost on the way
//! would show on the page.

use std::path::{Path, PathBuf};

use folio_bundle::{read_bundle, read_folder, Article, Report};
use serde_json::{json, Value};

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
    let value = serde_json::from_str(&text).expect("JSON");
    Article::from_written(value).unwrap_or_else(|| panic!("the model reads back:\n{text}"))
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
fn anything_but_what_the_build_writes_is_refused_whole() {
    let (article, _) = read_bundle(
        br#"{"format_version":"1.0","id":"a","language":"en","headline":"A",
            "published":"2007-10-13","source":{"name":"Folio"},"body":"body.md"}"#,
        b"A paragraph.\n",
    );
    let written = serde_json::to_value(article.expect("the bundle reads")).unwrap();
    assert!(Article::from_written(written.clone()).is_some());
    let changed = |pointer: &str, to: Value| {
        let mut value = written.clone();
        *value.pointer_mut(pointer).expect(pointer) = to;
        Article::from_written(value)
    };
    for (pointer, to) in [
        ("/body/blocks/0/type", json!("script")),
        ("/body/blocks/0/value/content/0/type", json!("marquee")),
        ("/manifest/published", json!("13 October 2007")),
        ("/manifest/format_version", json!("one")),
        ("/manifest/direction", json!("up")),
        ("/body/word_count", json!(-1)),
        ("/manifest/headline", json!(null)),
        ("/teasers", json!({})),
    ] {
        assert_eq!(changed(pointer, to.clone()), None, "{pointer} = {to}");
    }
    // A field left out when it is None reads as None; one always written may not be left out.
    let mut null = written.clone();
    null["manifest"]["kicker"] = Value::Null;
    assert!(Article::from_written(null).is_some());
    let mut without = written.clone();
    without["manifest"]
        .as_object_mut()
        .unwrap()
        .remove("headline");
    assert_eq!(Article::from_written(without), None);
    // The bundle's own manifest is not the model.
    assert_eq!(Article::from_written(written["manifest"].clone()), None);
}
