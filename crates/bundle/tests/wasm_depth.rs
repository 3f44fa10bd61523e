//! On wasm32, in headless Chromium, where the stack is about 1 MiB: input nested tens of
//! thousands of levels deep is read without overflowing it, and the text survives.
#![cfg(target_arch = "wasm32")]

use folio_bundle::{markdown, read_bundle, Block, Report, Rule};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const DEPTH: usize = 100_000;

fn parses_with_nesting_warning(text: &str) -> folio_bundle::Document {
    let mut report = Report::default();
    let doc = markdown::parse("body.md", text, &mut report);
    assert!(report.has(Rule::NestingTooDeep), "{report}");
    doc
}

fn contains_text(blocks: &[Block], needle: &str) -> bool {
    serde_json::to_string(blocks).unwrap().contains(needle)
}

#[wasm_bindgen_test]
fn block_quotes_nested_100_000_deep_do_not_overflow_the_stack() {
    let doc = parses_with_nesting_warning(&format!("{}innermost words", "> ".repeat(DEPTH)));
    assert!(contains_text(&doc.blocks, "innermost words"));
}

/// A list level is two elements (the list and its item): 50,000 levels stay within the
/// element cap (`limits::MARKDOWN_ELEMENTS`); 100,000 would be refused whole.
#[wasm_bindgen_test]
fn lists_nested_50_000_deep_do_not_overflow_the_stack() {
    let doc = parses_with_nesting_warning(&format!("{}deepest", "- ".repeat(DEPTH / 2)));
    assert!(contains_text(&doc.blocks, "deepest"));
}

#[wasm_bindgen_test]
fn emphasis_and_links_nested_100_000_deep_do_not_overflow_the_stack() {
    let mut report = Report::default();
    let emphasis = format!("{}x{}", "*".repeat(DEPTH), "*".repeat(DEPTH));
    markdown::parse("body.md", &emphasis, &mut report);
    let links = format!(
        "{}text{}",
        "[".repeat(DEPTH),
        "](https://example.org)".repeat(DEPTH)
    );
    markdown::parse("body.md", &links, &mut report);
}

#[wasm_bindgen_test]
fn a_manifest_nested_100_000_deep_is_an_error_not_a_crash() {
    let manifest = format!(
        "{{\"format_version\":\"1.0\",\"tags\":{}{}}}",
        "[".repeat(DEPTH),
        "]".repeat(DEPTH)
    );
    let (article, report) = read_bundle(manifest.as_bytes(), b"");
    assert!(article.is_none());
    assert!(report.has(Rule::Syntax), "{report}");
}
