//! Markdown to blocks: one table row per kind of block and inline, with the warnings each
//! one raises, then word counts, reading time and the outline.

use folio_bundle::{
    markdown, visit, Alignment, Block, Document, Footnote, Inline, LinkTarget, ListItem,
    OutlineEntry, Refusal, Report, Rule, Scope,
};
use rstest::rstest;

/// The document `text` becomes, with what the page-level passes add (paragraph ids,
/// heading ranks, first references) taken out again: `page_level_*` tests check those.
fn parse(text: &str) -> (Document, Report) {
    let (mut doc, report) = parse_whole(text);
    let blank_block = |block: &mut Block| match block {
        Block::Paragraph { id, .. } => id.clear(),
        Block::Heading { rank, .. } => *rank = 0,
        _ => {}
    };
    let blank_inline = |inline: &mut Inline| {
        if let Inline::FootnoteRef { first, .. } = inline {
            *first = false;
        }
    };
    visit::document_mut(&mut doc, &mut visit::WithMut(blank_block, blank_inline));
    (doc, report)
}

fn parse_whole(text: &str) -> (Document, Report) {
    let mut report = Report::default();
    let doc = markdown::parse("body.md", text, &mut report);
    (doc, report)
}

fn t(text: &str) -> Inline {
    Inline::Text(text.into())
}

fn p(inlines: Vec<Inline>) -> Block {
    Block::paragraph(inlines)
}

fn para(text: &str) -> Block {
    p(vec![t(text)])
}

fn heading(level: u8, id: &str, content: Vec<Inline>) -> Block {
    Block::Heading {
        level,
        rank: 0,
        id: id.into(),
        content,
    }
}

fn item(task: Option<bool>, blocks: Vec<Block>) -> ListItem {
    ListItem { task, blocks }
}

fn list(start: Option<u64>, tight: bool, items: Vec<ListItem>) -> Block {
    Block::List {
        start,
        tight,
        items,
    }
}

fn link(target: LinkTarget, content: &str) -> Inline {
    Inline::Link {
        target,
        title: String::new(),
        content: vec![t(content)],
    }
}

fn image(target: LinkTarget, alt: &str) -> Inline {
    Inline::Image {
        target,
        title: String::new(),
        alt: vec![t(alt)],
    }
}

fn refused(url: &str, reason: Refusal) -> LinkTarget {
    LinkTarget::Refused {
        url: url.into(),
        reason,
    }
}

fn code(language: Option<&str>, text: &str) -> Block {
    Block::Code {
        language: language.map(str::to_owned),
        text: text.into(),
    }
}

fn footnote_ref(label: &str, number: Option<usize>) -> Inline {
    Inline::FootnoteRef {
        label: label.into(),
        number,
        first: false,
    }
}

fn note(label: &str, number: usize, text: &str) -> Footnote {
    Footnote {
        label: label.into(),
        number,
        blocks: vec![para(text)],
    }
}

#[rstest]
#[case::heading("## Hello, World!\n", vec![heading(2, "hello-world", vec![t("Hello, World!")])])]
#[case::heading_levels("# One\n\n###### Six\n", vec![heading(1, "one", vec![t("One")]), heading(6, "six", vec![t("Six")])])]
#[case::setext_heading("Title\n=====\n\nSub\n---\n", vec![heading(1, "title", vec![t("Title")]), heading(2, "sub", vec![t("Sub")])])]
#[case::duplicate_headings("# Intro\n\n# Intro\n\n## intro\n", vec![
    heading(1, "intro", vec![t("Intro")]),
    heading(1, "intro-2", vec![t("Intro")]),
    heading(2, "intro-3", vec![t("intro")]),
])]
#[case::heading_taking_a_suffix_first("# Intro 2\n\n# Intro\n\n# Intro\n", vec![
    heading(1, "intro-2", vec![t("Intro 2")]),
    heading(1, "intro", vec![t("Intro")]),
    heading(1, "intro-3", vec![t("Intro")]),
])]
#[case::cyrillic_heading("## Привет, мир\n\n## Привет, мир\n", vec![
    heading(2, "привет-мир", vec![t("Привет, мир")]),
    heading(2, "привет-мир-2", vec![t("Привет, мир")]),
])]
#[case::heading_with_markup("## The *big* `idea`\n", vec![heading(2, "the-big-idea", vec![
    t("The "), Inline::Emphasis(vec![t("big")]), t(" "), Inline::Code("idea".into()),
])])]
#[case::heading_without_letters("## ***\n", vec![heading(2, "section", vec![t("***")])])]
#[case::paragraph("One line\nand another.\n", vec![p(vec![t("One line"), Inline::SoftBreak, t("and another.")])])]
#[case::two_paragraphs("First.\n\nSecond.\n", vec![para("First."), para("Second.")])]
#[case::tight_list("- a\n- b\n", vec![list(None, true, vec![item(None, vec![para("a")]), item(None, vec![para("b")])])])]
#[case::loose_list("- a\n\n- b\n", vec![list(None, false, vec![item(None, vec![para("a")]), item(None, vec![para("b")])])])]
#[case::ordered_list("1. one\n2. two\n", vec![list(Some(1), true, vec![item(None, vec![para("one")]), item(None, vec![para("two")])])])]
#[case::ordered_start("7. seven\n8. eight\n", vec![list(Some(7), true, vec![item(None, vec![para("seven")]), item(None, vec![para("eight")])])])]
#[case::task_items("- [x] done\n- [ ] to do\n- plain\n", vec![list(None, true, vec![
    item(Some(true), vec![para("done")]),
    item(Some(false), vec![para("to do")]),
    item(None, vec![para("plain")]),
])])]
#[case::nested_list("- a\n  - b\n", vec![list(None, true, vec![
    item(None, vec![para("a"), list(None, true, vec![item(None, vec![para("b")])])]),
])])]
#[case::block_quote("> quoted\n> text\n", vec![Block::Quote(vec![p(vec![t("quoted"), Inline::SoftBreak, t("text")])])])]
#[case::nested_quote("> a\n>\n> > b\n", vec![Block::Quote(vec![para("a"), Block::Quote(vec![para("b")])])])]
#[case::figure("![A *chart* of sales](media:chart)\n", vec![Block::Figure {
    media: "chart".into(),
    caption: vec![t("A "), Inline::Emphasis(vec![t("chart")]), t(" of sales")],
}])]
#[case::figure_in_a_quote("> ![Quoted](media:chart)\n", vec![Block::Quote(vec![Block::Figure {
    media: "chart".into(),
    caption: vec![t("Quoted")],
}])])]
#[case::image_in_running_text_is_no_figure("See ![the chart](media:chart) here.\n", vec![p(vec![
    t("See "), image(LinkTarget::Media("chart".into()), "the chart"), t(" here."),
])])]
#[case::image_of_a_bundle_file_is_no_figure("![Map](media/map.png)\n", vec![p(vec![image(LinkTarget::Bundle("media/map.png".into()), "Map")])])]
#[case::table("| a | b | c | d |\n|:--|:-:|--:|---|\n| 1 | *2* | 3 | 4 |\n", vec![Block::Table {
    alignments: vec![Alignment::Left, Alignment::Center, Alignment::Right, Alignment::None],
    head: vec![vec![t("a")], vec![t("b")], vec![t("c")], vec![t("d")]],
    rows: vec![vec![vec![t("1")], vec![Inline::Emphasis(vec![t("2")])], vec![t("3")], vec![t("4")]]],
}])]
#[case::table_with_empty_cell("| a | b |\n|---|---|\n| 1 |   |\n", vec![Block::Table {
    alignments: vec![Alignment::None, Alignment::None],
    head: vec![vec![t("a")], vec![t("b")]],
    rows: vec![vec![vec![t("1")], vec![]]],
}])]
#[case::fenced_code("```rust extra words\nfn main() {}\n```\n", vec![code(Some("rust"), "fn main() {}\n")])]
#[case::fenced_code_without_language("~~~\n<b>not html</b>\n~~~\n", vec![code(None, "<b>not html</b>\n")])]
#[case::indented_code("    let x = 1;\n    x\n", vec![code(None, "let x = 1;\nx\n")])]
#[case::inline_code("Use `a < b` here.\n", vec![p(vec![t("Use "), Inline::Code("a < b".into()), t(" here.")])])]
#[case::rule("Above.\n\n***\n\nBelow.\n", vec![para("Above."), Block::Rule, para("Below.")])]
#[case::raw_html_block("<div onclick=\"x()\">\n*kept as text*\n</div>\n", vec![Block::RawHtml("<div onclick=\"x()\">\n*kept as text*\n</div>\n".into())])]
#[case::script_block("<script>alert(1)</script>\n", vec![Block::RawHtml("<script>alert(1)</script>\n".into())])]
#[case::raw_html_inline("a <span>b</span>\n", vec![p(vec![t("a "), Inline::RawHtml("<span>".into()), t("b"), Inline::RawHtml("</span>".into())])])]
#[case::comment_block_dropped("<!-- note to editors -->\n\nVisible.\n", vec![para("Visible.")])]
#[case::comment_inline_dropped("Seen <!-- unseen --> words.\n", vec![p(vec![t("Seen  words.")])])]
#[case::emphasis_strong_strikethrough("*em* **strong** ~~gone~~ ***both***\n", vec![p(vec![
    Inline::Emphasis(vec![t("em")]), t(" "),
    Inline::Strong(vec![t("strong")]), t(" "),
    Inline::Strikethrough(vec![t("gone")]), t(" "),
    Inline::Emphasis(vec![Inline::Strong(vec![t("both")])]),
])])]
#[case::link_external("[site](https://example.org/a?b=c#d)\n", vec![p(vec![link(LinkTarget::External("https://example.org/a?b=c#d".into()), "site")])])]
#[case::link_mail("[mail](mailto:desk@example.org)\n", vec![p(vec![link(LinkTarget::External("mailto:desk@example.org".into()), "mail")])])]
#[case::link_bundle_file("[notes](./notes/../notes/a.md)\n", vec![p(vec![link(LinkTarget::Bundle("notes/a.md".into()), "notes")])])]
#[case::link_anchor("[part](#part-two)\n", vec![p(vec![link(LinkTarget::Anchor("part-two".into()), "part")])])]
#[case::link_media("[photo](media:chart)\n", vec![p(vec![link(LinkTarget::Media("chart".into()), "photo")])])]
#[case::link_article("[story](bundle:other-story)\n", vec![p(vec![link(LinkTarget::Article("other-story".into()), "story")])])]
#[case::link_with_title("[site](https://example.org \"The title\")\n", vec![p(vec![Inline::Link {
    target: LinkTarget::External("https://example.org".into()),
    title: "The title".into(),
    content: vec![t("site")],
}])])]
#[case::link_by_reference("[site][ref]\n\n[ref]: https://example.org\n", vec![p(vec![link(LinkTarget::External("https://example.org".into()), "site")])])]
#[case::autolinks("<https://example.org> <desk@example.org>\n", vec![p(vec![
    link(LinkTarget::External("https://example.org".into()), "https://example.org"), t(" "),
    link(LinkTarget::External("mailto:desk@example.org".into()), "desk@example.org"),
])])]
#[case::link_javascript("[x](javascript:alert(1))\n", vec![p(vec![link(refused("javascript:alert(1)", Refusal::Scheme), "x")])])]
#[case::link_javascript_upper_case("[x](JAVASCRIPT:alert(1))\n", vec![p(vec![link(refused("JAVASCRIPT:alert(1)", Refusal::Scheme), "x")])])]
#[case::link_javascript_with_entity_tab("[x](java&#x09;script:alert(1))\n", vec![p(vec![link(refused("java\tscript:alert(1)", Refusal::Scheme), "x")])])]
#[case::link_javascript_behind_dot_segment("[x](./javascript:alert(1))\n", vec![p(vec![link(LinkTarget::Bundle("./javascript:alert(1)".into()), "x")])])]
#[case::link_vbscript("[x](vbscript:msgbox(1))\n", vec![p(vec![link(refused("vbscript:msgbox(1)", Refusal::Scheme), "x")])])]
#[case::link_data("[x](data:text/html,hi)\n", vec![p(vec![link(refused("data:text/html,hi", Refusal::Scheme), "x")])])]
#[case::link_escaping_bundle("[x](../../etc/passwd)\n", vec![p(vec![link(refused("../../etc/passwd", Refusal::EscapesBundle), "x")])])]
#[case::link_protocol_relative("[x](//evil.example/)\n", vec![p(vec![link(refused("//evil.example/", Refusal::ProtocolRelative), "x")])])]
#[case::link_root_path("[x](/admin)\n", vec![p(vec![link(refused("/admin", Refusal::RootPath), "x")])])]
#[case::link_without_host("[x](https:evil.example)\n", vec![p(vec![link(refused("https:evil.example", Refusal::NoHost), "x")])])]
#[case::link_empty("[x]()\n", vec![p(vec![link(refused("", Refusal::Empty), "x")])])]
#[case::link_bad_media_id("[x](media:Not_An_Id)\n", vec![p(vec![link(refused("media:Not_An_Id", Refusal::BadId), "x")])])]
#[case::image_external("![A map](https://maps.example.org/m.png)\n", vec![p(vec![image(LinkTarget::External("https://maps.example.org/m.png".into()), "A map")])])]
#[case::image_data("![dot](data:image/png;base64,AAAA)\n", vec![p(vec![image(refused("data:image/png;base64,AAAA", Refusal::Scheme), "dot")])])]
#[case::image_with_title("![Map](media/map.png \"Hover\")\n", vec![p(vec![Inline::Image {
    target: LinkTarget::Bundle("media/map.png".into()),
    title: "Hover".into(),
    alt: vec![t("Map")],
}])])]
#[case::breaks("a  \nb\\\nc\nd\n", vec![p(vec![t("a"), Inline::HardBreak, t("b"), Inline::HardBreak, t("c"), Inline::SoftBreak, t("d")])])]
#[case::undefined_footnote_stays_text("Claim[^none].\n", vec![para("Claim[^none].")])]
#[case::escaped_markup("\\*not em\\* \\<b\\>\n", vec![para("*not em* <b>")])]
#[case::entities("&copy; &amp; &#1046;\n", vec![para("© & Ж")])]
#[case::empty("", vec![])]
fn markdown_becomes_these_blocks(#[case] text: &str, #[case] expected: Vec<Block>) {
    let (doc, _) = parse(text);
    assert_eq!(doc.blocks, expected, "{text:?}");
}

#[rstest]
#[case::clean("Plain *text* with [a link](https://example.org).\n", vec![])]
#[case::raw_html_block("<div>x</div>\n", vec![(Rule::RawHtml, "line 1")])]
#[case::raw_html_inline_each_tag("a <b>b</b>\n", vec![(Rule::RawHtml, "line 1"), (Rule::RawHtml, "line 1")])]
#[case::img_onerror("x <img src=x onerror=alert(1)>\n", vec![(Rule::RawHtml, "line 1")])]
#[case::comments_raise_nothing("<!-- a -->\n\nb <!-- c -->\n", vec![])]
#[case::refused_link("\n\n[x](javascript:alert(1))\n", vec![(Rule::UnsafeLink, "line 3")])]
#[case::refused_image("![x](data:image/png;base64,AA)\n", vec![(Rule::UnsafeLink, "line 1")])]
#[case::external_image("![x](https://example.org/a.png)\n", vec![(Rule::ExternalImage, "line 1")])]
#[case::external_link_is_fine("[x](https://example.org/a.png)\n", vec![])]
#[case::heading_skip("# A\n\n### C\n", vec![(Rule::HeadingSkip, "")])]
#[case::heading_back_up_is_fine("# A\n\n## B\n\n### C\n\n## D\n\n# E\n", vec![])]
#[case::code_is_never_html("```html\n<script>x</script>\n```\n\n`<b>`\n", vec![])]
fn markdown_raises_these_warnings(#[case] text: &str, #[case] expected: Vec<(Rule, &str)>) {
    let (_, report) = parse(text);
    let found: Vec<(Rule, &str)> = report
        .diagnostics
        .iter()
        .map(|d| (d.rule, d.path.as_str()))
        .collect();
    assert_eq!(found, expected, "{text:?}\n{report}");
    assert!(!report.has_errors(), "Markdown only ever warns");
    assert!(report.diagnostics.iter().all(|d| d.file == "body.md"));
}

#[test]
fn footnotes_are_numbered_by_first_reference() {
    let text = "B first[^b], then A[^a], B again[^b].\n\n\
                [^a]: Note A.\n[^b]: Note B.\n[^c]: Never referenced.\n";
    let (doc, report) = parse(text);
    assert!(report.diagnostics.is_empty(), "{report}");
    assert_eq!(
        doc.blocks,
        [p(vec![
            t("B first"),
            footnote_ref("b", Some(1)),
            t(", then A"),
            footnote_ref("a", Some(2)),
            t(", B again"),
            footnote_ref("b", Some(1)),
            t("."),
        ])]
    );
    assert_eq!(
        doc.footnotes,
        [
            note("b", 1, "Note B."),
            note("a", 2, "Note A."),
            note("c", 3, "Never referenced.")
        ]
    );
}

#[test]
fn a_footnote_label_matches_its_definition_whatever_the_case() {
    let (doc, report) = parse("Claim[^Source].\n\n[^source]: The source.\n");
    assert!(report.diagnostics.is_empty(), "{report}");
    assert_eq!(
        doc.blocks,
        [p(vec![t("Claim"), footnote_ref("Source", Some(1)), t(".")])]
    );
    assert_eq!(doc.footnotes, [note("source", 1, "The source.")]);
}

#[test]
fn a_footnote_label_matches_by_unicode_case_folding_as_the_parser_matches_it() {
    // `ß` folds to `ss`, and a final `ς` to `σ`: lower-casing alone would miss both, and
    // the parser, which matched them, would leave a reference with no note.
    let (doc, report) = parse("A[^Straße] b[^ΛΟΓΟΣ].\n\n[^STRASSE]: One.\n\n[^λογος]: Two.\n");
    assert!(report.diagnostics.is_empty(), "{report}");
    assert_eq!(
        doc.blocks,
        [p(vec![
            t("A"),
            footnote_ref("Straße", Some(1)),
            t(" b"),
            footnote_ref("ΛΟΓΟΣ", Some(2)),
            t("."),
        ])]
    );
    assert_eq!(doc.footnotes.len(), 2);
}

#[test]
fn a_reference_to_an_undefined_footnote_keeps_no_number() {
    // The Markdown parser turns `[^none]` into text; a definition flattened past the
    // nesting cap leaves a real reference with nothing to point to.
    let text = format!(
        "Claim[^none] and[^lost].\n\n{}[^lost]: Deep.\n",
        "> ".repeat(40)
    );
    let (doc, report) = parse(&text);
    let Block::Paragraph {
        content: inlines, ..
    } = &doc.blocks[0]
    else {
        panic!("{:?}", doc.blocks[0]);
    };
    assert_eq!(
        inlines[..3],
        [t("Claim[^none] and"), footnote_ref("lost", None), t(".")]
    );
    assert!(doc.footnotes.is_empty());
    let undefined: Vec<String> = report
        .diagnostics
        .iter()
        .filter(|d| d.rule == Rule::UndefinedFootnote)
        .map(|d| d.to_string())
        .collect();
    assert_eq!(
        undefined,
        ["body.md: footnote [^lost] is referenced but never defined"]
    );
}

#[test]
fn a_footnote_definition_holds_blocks_and_can_reference_another() {
    let text = "Text[^a].\n\n[^a]: First.\n\n    > Quoted[^b].\n\n[^b]: Second.\n";
    let (doc, _) = parse(text);
    assert_eq!(doc.footnotes.len(), 2);
    assert_eq!(doc.footnotes[0].label, "a");
    assert_eq!(
        doc.footnotes[0].blocks,
        [
            para("First."),
            Block::Quote(vec![p(vec![
                t("Quoted"),
                footnote_ref("b", Some(2)),
                t(".")
            ])])
        ]
    );
    assert_eq!(doc.footnotes[1].number, 2);
}

#[test]
fn constructs_outside_the_format_stay_plain_text() {
    // Definition lists, superscript and front matter are not enabled: their text is kept
    // as ordinary paragraphs, never dropped.
    let (doc, report) = parse("Term\n: definition\n\nE = mc^2^ and H~2~O\n");
    assert_eq!(
        doc.blocks,
        [
            p(vec![t("Term"), Inline::SoftBreak, t(": definition")]),
            para("E = mc^2^ and H~2~O"),
        ]
    );
    assert!(report.diagnostics.is_empty(), "{report}");
}

/// The name of a block's kind. The match fails to compile when a kind is added.
fn block_kind(block: &Block) -> &'static str {
    match block {
        Block::Heading { .. } => "heading",
        Block::Paragraph { .. } => "paragraph",
        Block::List { .. } => "list",
        Block::Quote(_) => "quote",
        Block::Figure { .. } => "figure",
        Block::Table { .. } => "table",
        Block::Code { .. } => "code",
        Block::Rule => "rule",
        Block::RawHtml(_) => "raw-html",
        Block::Unsupported { .. } => "unsupported",
    }
}

/// The name of an inline's kind. The match fails to compile when a kind is added.
fn inline_kind(inline: &Inline) -> &'static str {
    match inline {
        Inline::Text(_) => "text",
        Inline::Emphasis(_) => "emphasis",
        Inline::Strong(_) => "strong",
        Inline::Strikethrough(_) => "strikethrough",
        Inline::Code(_) => "code",
        Inline::Link { .. } => "link",
        Inline::Image { .. } => "image",
        Inline::FootnoteRef { .. } => "footnote-ref",
        Inline::SoftBreak => "soft-break",
        Inline::HardBreak => "hard-break",
        Inline::RawHtml(_) => "raw-html",
    }
}

fn kinds(blocks: &[Block], out: &mut Vec<&'static str>) {
    fn inlines(list: &[Inline], out: &mut Vec<&'static str>) {
        for i in list {
            out.push(inline_kind(i));
            match i {
                Inline::Emphasis(c) | Inline::Strong(c) | Inline::Strikethrough(c) => {
                    inlines(c, out)
                }
                Inline::Link { content: c, .. } | Inline::Image { alt: c, .. } => inlines(c, out),
                _ => {}
            }
        }
    }
    for b in blocks {
        out.push(block_kind(b));
        match b {
            Block::Heading { content: i, .. }
            | Block::Paragraph { content: i, .. }
            | Block::Figure { caption: i, .. } => inlines(i, out),
            Block::List { items, .. } => items.iter().for_each(|it| kinds(&it.blocks, out)),
            Block::Quote(inner) => kinds(inner, out),
            Block::Table { head, rows, .. } => head
                .iter()
                .chain(rows.iter().flatten())
                .for_each(|c| inlines(c, out)),
            _ => {}
        }
    }
}

#[test]
fn one_article_can_hold_every_kind_of_block_and_inline() {
    let text = "# Title\n\nText *em* **strong** ~~struck~~ `code` [link](https://example.org) \
                ![pic](media/a.png)[^1] <b>\nsoft  \nhard\n\n\
                - item\n\n> quote\n\n![Caption](media:fig)\n\n| a |\n|---|\n| b |\n\n\
                ```\ncode\n```\n\n---\n\n<div>html</div>\n\n[^1]: Note.\n";
    let (doc, _) = parse(text);
    let mut seen = Vec::new();
    kinds(&doc.blocks, &mut seen);
    // `Unsupported` is for extensions that are not enabled, so no Markdown makes it.
    for kind in [
        "heading",
        "paragraph",
        "list",
        "quote",
        "figure",
        "table",
        "code",
        "rule",
        "raw-html",
        "text",
        "emphasis",
        "strong",
        "strikethrough",
        "link",
        "image",
        "footnote-ref",
        "soft-break",
        "hard-break",
    ] {
        assert!(seen.contains(&kind), "no {kind} in {seen:?}");
    }
    assert_eq!(seen.iter().filter(|k| **k == "raw-html").count(), 2);
}

#[rstest]
#[case::sentence("One two three.", 3)]
#[case::cyrillic("Привет, мир! Как дела?", 4)]
#[case::heading_and_text("# Head line\n\nBody text here.", 5)]
#[case::code_is_not_read(
    "Intro.\n\n```\nlots of code words here\n```\n\n    more code\n\nEnd `inline code`.",
    4
)]
#[case::table_cells("| a b | c |\n|---|---|\n| d | e f |", 6)]
#[case::quote_and_list("> quoted words here\n\n- one\n- two words", 6)]
#[case::figure_caption("![Caption of four words](media:chart)", 4)]
#[case::footnotes("Note[^1].\n\n[^1]: Four words in note.", 5)]
#[case::link_and_image_text("[linked words](https://example.org) ![alt words](media/a.png)", 4)]
#[case::soft_break_separates("one\ntwo", 2)]
#[case::raw_html("<p>some words</p>", 2)]
#[case::empty("", 0)]
fn words_are_counted_in_what_a_reader_reads(#[case] text: &str, #[case] words: usize) {
    assert_eq!(parse(text).0.word_count, words, "{text:?}");
}

#[rstest]
#[case(0, 1)]
#[case(1, 1)]
#[case(230, 1)]
#[case(231, 2)]
#[case(460, 2)]
#[case(461, 3)]
#[case(2300, 10)]
fn reading_time_is_whole_minutes_at_230_words_a_minute(
    #[case] words: usize,
    #[case] minutes: usize,
) {
    let (doc, _) = parse(&"word ".repeat(words));
    assert_eq!(doc.word_count, words);
    assert_eq!(doc.reading_minutes(), minutes);
}

#[test]
fn the_outline_lists_the_article_s_own_headings_in_order() {
    let text = "# Start\n\n## Middle part\n\n> ## Quoted heading\n\n- ## Heading in a list\n\n\
                ### Détails\n\n## Middle part\n";
    let (doc, report) = parse(text);
    let entry = |level, id: &str, text: &str| OutlineEntry {
        level,
        id: id.into(),
        text: text.into(),
    };
    assert_eq!(
        doc.outline,
        [
            entry(1, "start", "Start"),
            entry(2, "middle-part", "Middle part"),
            entry(3, "détails", "Détails"),
            entry(2, "middle-part-2", "Middle part"),
        ]
    );
    // Quoted headings take ids too, so that no two elements share one.
    let Block::Quote(quoted) = &doc.blocks[2] else {
        panic!("{:?}", doc.blocks[2]);
    };
    assert_eq!(
        quoted[0],
        heading(2, "quoted-heading", vec![t("Quoted heading")])
    );
    assert!(report.diagnostics.is_empty(), "{report}");
}

#[test]
fn the_outline_text_is_plain() {
    let (doc, _) = parse("## A *very* [linked](https://example.org) `title`\n");
    assert_eq!(doc.outline[0].text, "A very linked title");
    assert_eq!(doc.outline[0].id, "a-very-linked-title");
}

#[test]
fn lines_are_counted_from_one_in_warnings() {
    let (_, report) = parse("Line one.\n\nLine three <b>.\n\n\n\n![x](https://e.org/x.png)\n");
    let places: Vec<&str> = report.diagnostics.iter().map(|d| d.path.as_str()).collect();
    assert_eq!(places, ["line 3", "line 7"]);
}

#[test]
fn page_level_paragraph_ids_number_every_paragraph_in_reading_order() {
    let (doc, _) = parse_whole("One.\n\n> Two.\n\n- Three.\n\nFour[^n].\n\n[^n]: Five.\n");
    let mut ids = Vec::new();
    let take = |b: &Block| {
        if let Block::Paragraph { id, .. } = b {
            ids.push(id.clone());
        }
    };
    visit::document(&doc, &mut visit::With(take, |_: &Inline| {}));
    assert_eq!(
        ids,
        ["body_p_1", "body_p_2", "body_p_3", "body_p_4", "body_p_5"]
    );
}

#[test]
fn page_level_heading_ranks_start_below_the_headline() {
    let ranks = |text: &str, scope: Scope| {
        let mut report = Report::default();
        let doc = markdown::parse_in(scope, "x", text, &mut report);
        let mut out = Vec::new();
        let take = |b: &Block| {
            if let Block::Heading { rank, id, .. } = b {
                out.push((*rank, id.clone()));
            }
        };
        visit::document(&doc, &mut visit::With(take, |_: &Inline| {}));
        out
    };
    // The body's shallowest heading is h2, whatever level it was written at.
    assert_eq!(
        ranks("### A\n\n#### B\n", Scope::body()),
        [(2, "a".to_owned()), (3, "b".to_owned())]
    );
    assert_eq!(ranks("# A\n\n###### B\n", Scope::body())[1].0, 6);
    // In a sidebar, below the box's own h2 title, with ids that cannot meet the body's.
    assert_eq!(
        ranks("# A\n\n## B\n", Scope::sidebar(1)),
        [
            (3, "sidebar_1_h_a".to_owned()),
            (4, "sidebar_1_h_b".to_owned())
        ]
    );
}

#[test]
fn page_level_only_the_first_reference_to_a_footnote_is_first() {
    let (doc, _) = parse_whole("A[^x] b[^y] c[^x].\n\n[^x]: X.\n[^y]: Y.\n");
    let mut refs = Vec::new();
    let take = |i: &Inline| {
        if let Inline::FootnoteRef { number, first, .. } = i {
            refs.push((*number, *first));
        }
    };
    visit::document(&doc, &mut visit::With(|_: &Block| {}, take));
    assert_eq!(refs, [(Some(1), true), (Some(2), true), (Some(1), false)]);
}
