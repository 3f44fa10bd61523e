//! Regression tests for Markdown bugs found by the CommonMark conformance test and by
//! fuzzing, one test per bug.

// The one unsafe block in Folio: a test-only allocator that counts, over the system's.
#![allow(unsafe_code)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use folio_bundle::{markdown, Block, Document, Inline, LinkTarget, Report, Rule};

fn parse(text: &str) -> (Document, Report) {
    let mut report = Report::default();
    let doc = markdown::parse("body.md", text, &mut report);
    (doc, report)
}

/// Counts the allocations made on the thread that makes them, so tests running side by
/// side do not count each other's.
struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

// SAFETY: every call is passed to the system allocator unchanged; counting touches only a
// const-initialised thread-local, which never allocates.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.with(|n| n.set(n.get() + 1));
        System.alloc(layout)
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout)
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// The document `text` becomes, and how many allocations parsing it made.
fn parse_counting(text: &str) -> (Document, usize) {
    let before = ALLOCATIONS.with(Cell::get);
    let (doc, _) = parse(text);
    (doc, ALLOCATIONS.with(Cell::get) - before)
}

/// Parsing twice the input makes about twice the allocations, not four times: the count
/// stands for the work, without a clock. (The quadratic versions made a string per suffix
/// tried and per label compared.)
fn assert_linear(make: impl Fn(usize) -> String, n: usize) -> Document {
    let (_, once) = parse_counting(&make(n));
    let (doc, twice) = parse_counting(&make(2 * n));
    assert!(
        twice * 10 <= once * 25,
        "{once} allocations for {n} items, {twice} for {}: more than linear",
        2 * n
    );
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
    let doc = assert_linear(|n| "# Update\n".repeat(n), 10_000);
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
    let notes = |n: usize| {
        let mut text: String = (0..n).map(|i| format!("[^n{i}] ")).collect();
        text.push_str("\n\n");
        text.extend((0..n).rev().map(|i| format!("[^n{i}]: note {i}\n")));
        text
    };
    let n = folio_bundle::limits::FOOTNOTES;
    let doc = assert_linear(notes, n / 2);
    assert_eq!(doc.footnotes.len(), n);
    assert_eq!(doc.footnotes[0].label, "n0");
    assert_eq!(doc.footnotes[n - 1].number, n);

    // One more than the cap is refused whole, with the reason.
    let (doc, report) = parse(&notes(n + 1));
    assert!(doc.footnotes.is_empty() && doc.blocks.is_empty());
    let refusal = report.errors().find(|d| d.rule == Rule::TooLarge);
    assert!(
        refusal.is_some_and(|d| d.message == format!("more than {n} footnotes are defined")),
        "{report}"
    );
}
