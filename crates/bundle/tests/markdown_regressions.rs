//! Regression tests for Markdown bugs found by the CommonMark conformance test and by
//! fuzzing, one test per bug.

use std::time::{Duration, Instant};

use folio_bundle::{markdown, Block, Document, Inline, LinkTarget, Report, Rule};

fn parse(text: &str) -> (Document, Report) {
    let mut report = Report::default();
    let doc = markdown::parse("body.md", text, &mut report);
    (doc, report)
}

/// Parsing `text` takes well under `limit`, which the quadratic versions far exceeded.
fn parse_within(text: &str, limit: Duration) -> Document {
    let started = Instant::now();
    let (doc, _) = parse(text);
    let took = started.elapsed();
    assert!(took < limit, "took {took:?}, more than {limit:?}");
    doc
}

#[test]
fn email_autolink_is_a_mailto_link_not_a_bundle_file() {
    let (doc, report) = parse("Write to <desk@example.org>.\n");
    let Block::Paragraph {
        content: inlines, ..
    } = &doc.blocks[0]
    else {
        panic!("{:?}", doc.blocks);
    };
    let Inline::Link { target, .. } = &inlines[1] else {
        panic!("{inlines:?}");
    };
    assert_eq!(
        *target,
        LinkTarget::External("mailto:desk@example.org".into())
    );
    assert!(report.diagnostics.is_empty(), "{report}");
}

#[test]
fn comment_over_several_lines_is_dropped_whole() {
    let (doc, report) = parse("<!-- editor's note:\n\ncheck the figures\n-->\nText.\n");
    assert_eq!(
        doc.blocks,
        [Block::Paragraph {
            id: "body_p_1".into(),
            content: vec![Inline::Text("Text.".into())]
        }]
    );
    assert!(report.diagnostics.is_empty(), "{report}");
}

#[test]
fn html_between_comments_is_shown_as_text_not_dropped() {
    let text = "<!-- a --> <b>kept</b> <!-- b -->\n";
    let (doc, report) = parse(text);
    assert_eq!(doc.blocks, [Block::RawHtml(text.into())]);
    assert!(report.has(Rule::RawHtml), "{report}");
}

#[test]
fn empty_comments_alone_are_dropped() {
    let (doc, _) = parse("<!--> <!---> <!-- -->\n\nText.\n");
    assert_eq!(
        doc.blocks,
        [Block::Paragraph {
            id: "body_p_1".into(),
            content: vec![Inline::Text("Text.".into())]
        }]
    );
}

#[test]
fn html_block_is_reported_like_inline_html() {
    let (doc, report) = parse("Intro.\n\n<div class=\"box\">\nboxed\n</div>\n");
    assert_eq!(
        doc.blocks[1],
        Block::RawHtml("<div class=\"box\">\nboxed\n</div>\n".into())
    );
    let raw: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.rule == Rule::RawHtml)
        .collect();
    assert_eq!(raw.len(), 1, "{report}");
    assert_eq!(raw[0].path, "line 3");
}

#[test]
fn many_equal_headings_get_ids_in_linear_time() {
    let doc = parse_within(&"# Update\n".repeat(20_000), Duration::from_secs(10));
    let ids: Vec<&str> = doc.outline.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(ids[..3], ["update", "update-2", "update-3"]);
    assert_eq!(ids[19_999], "update-20000");
}

#[test]
fn heading_ids_skip_suffixes_other_headings_took() {
    let (doc, _) = parse("# A 2\n# A\n# A\n# A 3\n# A\n");
    let ids: Vec<&str> = doc.outline.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(ids, ["a-2", "a", "a-3", "a-3-2", "a-4"]);
}

#[test]
fn many_footnotes_are_numbered_in_linear_time() {
    let n = 60_000;
    let mut text: String = (0..n).map(|i| format!("[^n{i}] ")).collect();
    text.push_str("\n\n");
    text.extend((0..n).rev().map(|i| format!("[^n{i}]: note {i}\n")));
    let doc = parse_within(&text, Duration::from_secs(10));
    assert_eq!(doc.footnotes.len(), n);
    assert_eq!(doc.footnotes[0].label, "n0");
    assert_eq!(doc.footnotes[n - 1].number, n);
}
