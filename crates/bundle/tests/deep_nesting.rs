//! Input nested 100,000 levels deep is read on a thread with a 256 KiB stack, so that any
//! recursion as deep as the input would overflow it. Nesting past the cap is flattened with
//! a warning, and the text survives.

mod common;

use common::{apply, manifest, read, set, BODY};
use folio_bundle::limits::NESTING_DEPTH;
use folio_bundle::{markdown, read_bundle, read_catalog, Block, Document, Inline, Report, Rule};
use rstest::rstest;
use serde_json::json;

const DEEP: usize = 100_000;
const SMALL_STACK: usize = 256 * 1024;

/// Runs `f` on a thread with a small stack and returns its result.
fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(SMALL_STACK)
        .spawn(f)
        .expect("a thread")
        .join()
        .expect("no panic and no overflow")
}

/// Every piece of text in the document, gathered with an explicit stack.
fn all_text(doc: &Document) -> String {
    enum Node<'d> {
        B(&'d Block),
        I(&'d Inline),
    }
    let mut out = String::new();
    let mut stack: Vec<Node<'_>> = doc.blocks.iter().rev().map(Node::B).collect();
    while let Some(node) = stack.pop() {
        match node {
            Node::B(b) => match b {
                Block::Heading { content: i, .. }
                | Block::Paragraph { content: i, .. }
                | Block::Figure { caption: i, .. } => stack.extend(i.iter().rev().map(Node::I)),
                Block::Quote(inner) => stack.extend(inner.iter().rev().map(Node::B)),
                Block::List { items, .. } => stack.extend(
                    items
                        .iter()
                        .rev()
                        .flat_map(|it| it.blocks.iter().rev().map(Node::B)),
                ),
                Block::Table { head, rows, .. } => stack.extend(
                    head.iter()
                        .chain(rows.iter().flatten())
                        .rev()
                        .flat_map(|c| c.iter().rev().map(Node::I)),
                ),
                Block::Code { text, .. }
                | Block::RawHtml(text)
                | Block::Unsupported { text, .. } => out.push_str(text),
                Block::Rule => {}
            },
            Node::I(i) => match i {
                Inline::Text(s) | Inline::Code(s) | Inline::RawHtml(s) => out.push_str(s),
                Inline::Emphasis(c) | Inline::Strong(c) | Inline::Strikethrough(c) => {
                    stack.extend(c.iter().rev().map(Node::I))
                }
                Inline::Link { content: c, .. } | Inline::Image { alt: c, .. } => {
                    stack.extend(c.iter().rev().map(Node::I))
                }
                Inline::SoftBreak | Inline::HardBreak => out.push(' '),
                Inline::FootnoteRef { .. } => {}
            },
        }
    }
    out
}

/// How deep containers nest in the document, counted with an explicit stack.
fn depth(doc: &Document) -> usize {
    enum Node<'d> {
        B(&'d Block),
        I(&'d Inline),
    }
    let mut deepest = 0;
    let mut stack: Vec<(Node<'_>, usize)> = doc.blocks.iter().map(|b| (Node::B(b), 1)).collect();
    while let Some((node, d)) = stack.pop() {
        deepest = deepest.max(d);
        match node {
            Node::B(Block::Quote(inner)) => stack.extend(inner.iter().map(|b| (Node::B(b), d + 1))),
            Node::B(Block::List { items, .. }) => stack.extend(
                items
                    .iter()
                    .flat_map(|it| it.blocks.iter().map(move |b| (Node::B(b), d + 2))),
            ),
            Node::B(Block::Paragraph { content: i, .. } | Block::Heading { content: i, .. }) => {
                stack.extend(i.iter().map(|x| (Node::I(x), d)))
            }
            Node::B(Block::Figure { caption: i, .. }) => {
                stack.extend(i.iter().map(|x| (Node::I(x), d + 1)))
            }
            Node::I(
                Inline::Emphasis(c)
                | Inline::Strong(c)
                | Inline::Strikethrough(c)
                | Inline::Link { content: c, .. }
                | Inline::Image { alt: c, .. },
            ) => stack.extend(c.iter().map(|x| (Node::I(x), d + 1))),
            _ => {}
        }
    }
    deepest
}

/// Parses `text` on a small stack: the document's text, its depth and its report.
fn parse_deep(text: String) -> (String, usize, Report) {
    on_small_stack(move || {
        let mut report = Report::default();
        let doc = markdown::parse("body.md", &text, &mut report);
        // Serialising is how the document reaches a test or a log; it must not overflow either.
        let json = serde_json::to_string(&doc).expect("the document serialises");
        assert!(!json.is_empty());
        (all_text(&doc), depth(&doc), report)
    })
}

/// What a deeply nested text must become.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Expect {
    /// Kept, its deeper levels flattened into the last allowed one, with one warning.
    Flattened,
    /// Kept as it is: it does not really nest that deep.
    Kept,
    /// Refused whole as too large: one block holds more elements than allowed.
    Refused,
}

/// Inline nesting this deep stays within one block's element cap, so it is flattened, and
/// still far deeper than a recursive reader could survive on the small stack.
const INLINE_DEEP: usize = 4_000;

#[rstest]
#[case::block_quotes(format!("{}x", "> ".repeat(DEEP)), Expect::Flattened)]
// A list level is two elements (the list and its item), so half as many levels stay
// within the element cap: still far deeper than a recursive reader survives.
#[case::bullet_lists(format!("{}x", "- ".repeat(DEEP / 2)), Expect::Flattened)]
#[case::numbered_lists(format!("{}x", "1. ".repeat(DEEP / 2)), Expect::Flattened)]
#[case::quotes_in_lists(format!("{}x", "- > ".repeat(DEEP / 4)), Expect::Flattened)]
// More elements in all than a text may make: refused whole.
#[case::bullet_lists_100_000(format!("{}x", "- ".repeat(DEEP)), Expect::Refused)]
#[case::emphasis_closed(format!("{}x{}", "*".repeat(INLINE_DEEP), "*".repeat(INLINE_DEEP)), Expect::Flattened)]
#[case::emphasis_mixed(format!("{}x{}", "*a _b ".repeat(INLINE_DEEP / 4), " b_ a*".repeat(INLINE_DEEP / 4)), Expect::Flattened)]
#[case::strikethrough(format!("{}x{}", "~~a ".repeat(INLINE_DEEP / 4), " b~~".repeat(INLINE_DEEP / 4)), Expect::Flattened)]
#[case::images(format!("{}x{}", "![".repeat(INLINE_DEEP), "](media:a)".repeat(INLINE_DEEP)), Expect::Flattened)]
#[case::emphasis_unclosed("*".repeat(DEEP) + "x", Expect::Kept)]
#[case::brackets_unclosed("[".repeat(DEEP) + "x", Expect::Kept)]
#[case::brackets_closed(format!("{}x{}", "[".repeat(DEEP), "]".repeat(DEEP)), Expect::Kept)]
// A link cannot hold a link, so only the innermost is one and nothing nests deeply.
#[case::links(format!("{}x{}", "[".repeat(DEEP), "](https://example.org)".repeat(DEEP)), Expect::Kept)]
// 100,000 levels inside one paragraph are more elements than one block may hold.
#[case::emphasis_closed_100_000(format!("{}x{}", "*".repeat(DEEP), "*".repeat(DEEP)), Expect::Refused)]
#[case::emphasis_mixed_100_000(format!("{}x{}", "*a _b ".repeat(DEEP / 2), " b_ a*".repeat(DEEP / 2)), Expect::Refused)]
#[case::images_100_000(format!("{}x{}", "![".repeat(DEEP), "](media:a)".repeat(DEEP)), Expect::Refused)]
fn markdown_nested_100_000_deep_is_flattened_or_refused_never_overflowed(
    #[case] text: String,
    #[case] expect: Expect,
) {
    let (words, depth, report) = parse_deep(text);
    if expect == Expect::Refused {
        assert!(words.is_empty(), "a refused text makes nothing");
        assert!(
            report
                .errors()
                .any(|d| d.rule == Rule::TooLarge && d.message.contains("elements")),
            "{report}"
        );
        return;
    }
    assert!(words.contains('x'), "the innermost text survives");
    assert!(
        depth <= NESTING_DEPTH + 1,
        "nesting is capped, found {depth}"
    );
    let deep: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.rule == Rule::NestingTooDeep)
        .collect();
    if expect == Expect::Flattened {
        assert_eq!(deep.len(), 1, "one warning, not one per level:\n{report}");
        assert_eq!(
            deep[0].to_string(),
            format!("body.md: line 1: nested more than {NESTING_DEPTH} levels deep; deeper levels are flattened")
        );
    } else {
        assert!(deep.is_empty(), "{report}");
    }
    assert!(!report.has_errors(), "{report}");
}

#[test]
fn nesting_up_to_the_cap_is_kept_whole() {
    // The innermost paragraph is one level below the innermost quote.
    let (_, depth, report) = parse_deep(format!("{}x", "> ".repeat(NESTING_DEPTH)));
    assert_eq!(depth, NESTING_DEPTH + 1);
    assert!(report.diagnostics.is_empty(), "{report}");

    let (_, depth, report) = parse_deep(format!("{}x", "> ".repeat(NESTING_DEPTH + 1)));
    assert_eq!(depth, NESTING_DEPTH + 1);
    assert!(report.has(Rule::NestingTooDeep), "{report}");
}

#[test]
fn the_warning_names_the_line_where_nesting_passes_the_cap() {
    let text = format!("Intro.\n\n{}x\n", "> ".repeat(NESTING_DEPTH + 5));
    let (_, _, report) = parse_deep(text);
    let deep: Vec<&str> = report
        .diagnostics
        .iter()
        .filter(|d| d.rule == Rule::NestingTooDeep)
        .map(|d| d.path.as_str())
        .collect();
    assert_eq!(deep, ["line 3"]);
}

#[test]
fn many_deeply_nested_lines_still_read_in_reasonable_time() {
    // Every line nests past the cap; there is still one warning and the text of each.
    let text = format!("{}x\n\n", "> ".repeat(1_000)).repeat(100);
    let (words, _, report) = parse_deep(text);
    assert_eq!(words.matches('x').count(), 100);
    assert_eq!(report.diagnostics.len(), 1, "{report}");
}

#[test]
fn a_whole_bundle_with_a_deep_body_reads_on_a_small_stack() {
    let (article, report) = on_small_stack(|| {
        let body = format!("{BODY}\n{}*deep words*\n", "> - ".repeat(DEEP / 4));
        let json = serde_json::to_vec(&manifest()).unwrap();
        let (article, report) = read(&json, body.as_bytes());
        let article = article.map(|a| serde_json::to_string(&a).unwrap());
        (article, report)
    });
    let article = article.expect("a deep body is only a warning");
    assert!(article.contains("deep words"));
    assert!(report.has(Rule::NestingTooDeep), "{report}");
    assert!(!report.has_errors(), "{report}");
}

/// A manifest whose `field` holds lists nested `levels` deep.
fn deep_manifest(field: &str, levels: usize) -> Vec<u8> {
    let mut json = serde_json::to_string(&manifest()).unwrap();
    json.pop(); // the closing brace
    json.push_str(&format!(
        ",\"{field}\":{}{}}}",
        "[".repeat(levels),
        "]".repeat(levels)
    ));
    json.into_bytes()
}

#[rstest]
#[case::in_tags("tags")]
#[case::in_an_unknown_field("x_future")]
#[case::in_a_field_kept_as_written("integrity")]
fn a_manifest_nested_100_000_deep_is_an_error_not_a_crash(#[case] field: &'static str) {
    let (article, report) = on_small_stack(move || read_bundle(&deep_manifest(field, DEEP), b""));
    assert!(article.is_none());
    assert_eq!(report.diagnostics.len(), 1, "{report}");
    let d = &report.diagnostics[0];
    assert_eq!((d.rule, d.file.as_str()), (Rule::Syntax, "bundle.json"));
    assert!(d.message.contains("recursion limit"), "{d}");
}

#[test]
fn a_signature_nested_100_deep_is_kept_and_written_back() {
    let mut signature = json!("innermost");
    for _ in 0..100 {
        signature = json!([signature]);
    }
    let m = apply(
        manifest(),
        vec![set("/integrity", json!({ "signature": signature }))],
    );
    let (article, report) = on_small_stack(move || {
        let (article, report) = read(&serde_json::to_vec(&m).unwrap(), BODY.as_bytes());
        (article.map(|a| serde_json::to_string(&a).unwrap()), report)
    });
    assert!(report.diagnostics.is_empty(), "{report}");
    assert!(article.unwrap().contains("innermost"));
}

#[test]
fn a_catalog_nested_100_000_deep_is_an_error_not_a_crash() {
    let report = on_small_stack(|| {
        let text = format!(
            "{{\"format_version\":\"1.0\",\"bundles\":{}{}}}",
            "[".repeat(DEEP),
            "]".repeat(DEEP)
        );
        let mut report = Report::default();
        assert!(read_catalog(text.as_bytes(), &mut report).is_none());
        report
    });
    assert_eq!(report.diagnostics.len(), 1, "{report}");
    assert_eq!(report.diagnostics[0].rule, Rule::Syntax);
}
