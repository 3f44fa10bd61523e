//! Each enrichment pass on its own, on documents built by hand: what goes in, what comes out.

use folio_bundle::enrich::{
    assign_heading_ids, build_outline, check_heading_order, count_words, number_footnotes,
    promote_figures, run, slug,
};
use folio_bundle::{Block, Document, Footnote, Inline, LinkTarget, ListItem, Report, Rule, Scope};
use rstest::rstest;

fn t(text: &str) -> Inline {
    Inline::Text(text.into())
}

fn para(inlines: Vec<Inline>) -> Block {
    Block::paragraph(inlines)
}

fn img(target: LinkTarget) -> Inline {
    Inline::Image {
        target,
        title: String::new(),
        alt: vec![t("Alt words")],
    }
}

fn media(id: &str) -> LinkTarget {
    LinkTarget::Media(id.into())
}

fn figure(id: &str) -> Block {
    Block::Figure {
        media: id.into(),
        caption: vec![t("Alt words")],
    }
}

fn heading(level: u8, text: &str) -> Block {
    Block::Heading {
        level,
        rank: 0,
        id: String::new(),
        content: vec![t(text)],
    }
}

fn list_of(blocks: Vec<Block>) -> Block {
    Block::List {
        start: None,
        tight: true,
        items: vec![ListItem { task: None, blocks }],
    }
}

fn doc(blocks: Vec<Block>) -> Document {
    Document {
        blocks,
        ..Document::default()
    }
}

fn fref(label: &str) -> Inline {
    Inline::FootnoteRef {
        label: label.into(),
        number: None,
        first: false,
    }
}

fn def(label: &str, text: &str) -> Footnote {
    Footnote {
        label: label.into(),
        number: 0,
        blocks: vec![para(vec![t(text)])],
    }
}

#[rstest]
#[case::image_alone(vec![para(vec![img(media("a"))])], vec![figure("a")])]
#[case::image_with_blank_text(vec![para(vec![t("  "), img(media("a")), Inline::SoftBreak])], vec![figure("a")])]
#[case::image_with_words(vec![para(vec![t("See "), img(media("a"))])], vec![para(vec![t("See "), img(media("a"))])])]
#[case::two_images(vec![para(vec![img(media("a")), img(media("b"))])], vec![para(vec![img(media("a")), img(media("b"))])])]
#[case::bundle_file_image(
    vec![para(vec![img(LinkTarget::Bundle("media/a.png".into()))])],
    vec![para(vec![img(LinkTarget::Bundle("media/a.png".into()))])]
)]
#[case::external_image(
    vec![para(vec![img(LinkTarget::External("https://example.org/a.png".into()))])],
    vec![para(vec![img(LinkTarget::External("https://example.org/a.png".into()))])]
)]
#[case::image_in_a_link(
    vec![para(vec![Inline::Link { target: media("a"), title: String::new(), content: vec![img(media("a"))] }])],
    vec![para(vec![Inline::Link { target: media("a"), title: String::new(), content: vec![img(media("a"))] }])]
)]
#[case::inside_quote_and_list(
    vec![Block::Quote(vec![para(vec![img(media("a"))])]), list_of(vec![para(vec![img(media("b"))])])],
    vec![Block::Quote(vec![figure("a")]), list_of(vec![figure("b")])]
)]
#[case::heading_is_left_alone(
    vec![Block::Heading { level: 2, rank: 0, id: String::new(), content: vec![img(media("a"))] }],
    vec![Block::Heading { level: 2, rank: 0, id: String::new(), content: vec![img(media("a"))] }]
)]
fn promote_figures_turns_lone_media_images_into_figures(
    #[case] blocks: Vec<Block>,
    #[case] expected: Vec<Block>,
) {
    assert_eq!(promote_figures(doc(blocks)).blocks, expected);
}

#[rstest]
#[case("Hello, World!", "hello-world")]
#[case("  Leading and trailing  ", "leading-and-trailing")]
#[case("Привет, мир", "привет-мир")]
#[case("ЗАГЛАВНЫЕ Буквы", "заглавные-буквы")]
#[case("日本語 テキスト", "日本語-テキスト")]
#[case("snake_case and-kebab", "snake-case-and-kebab")]
#[case("a -- b __ c", "a-b-c")]
#[case("C++ & Rust", "c-rust")]
#[case("Chapter 2: The 3rd", "chapter-2-the-3rd")]
#[case("Tabs\tand\nnewlines", "tabs-and-newlines")]
#[case("Ünïcödé Çase", "ünïcödé-çase")]
#[case("-leading hyphen-", "leading-hyphen")]
#[case("!!!", "section")]
#[case("", "section")]
fn slugs_keep_letters_and_digits_of_any_script(#[case] text: &str, #[case] expected: &str) {
    assert_eq!(slug(text), expected);
}

fn ids(doc: &Document) -> Vec<String> {
    fn walk(blocks: &[Block], out: &mut Vec<String>) {
        for b in blocks {
            match b {
                Block::Heading { id, .. } => out.push(id.clone()),
                Block::Quote(inner) => walk(inner, out),
                Block::List { items, .. } => items.iter().for_each(|i| walk(&i.blocks, out)),
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    walk(&doc.blocks, &mut out);
    out
}

#[rstest]
#[case::distinct(vec![heading(1, "One"), heading(2, "Two")], vec!["one", "two"])]
#[case::repeated(vec![heading(2, "Notes"), heading(2, "Notes"), heading(3, "notes")], vec!["notes", "notes-2", "notes-3"])]
#[case::suffix_already_taken(vec![heading(2, "Notes 2"), heading(2, "Notes"), heading(2, "Notes")], vec!["notes-2", "notes", "notes-3"])]
#[case::no_letters(vec![heading(2, "?"), heading(2, "!")], vec!["section", "section-2"])]
#[case::cyrillic(vec![heading(2, "Итоги"), heading(2, "Итоги")], vec!["итоги", "итоги-2"])]
#[case::nested_take_ids_after_the_top_level(
    vec![Block::Quote(vec![heading(2, "Same")]), heading(2, "Same")],
    vec!["same-2", "same"]
)]
fn heading_ids_are_unique_slugs(#[case] blocks: Vec<Block>, #[case] expected: Vec<&str>) {
    assert_eq!(ids(&assign_heading_ids(doc(blocks))), expected);
}

#[test]
fn many_equal_headings_get_consecutive_suffixes() {
    let blocks = (0..500).map(|_| heading(2, "Update")).collect();
    let ids = ids(&assign_heading_ids(doc(blocks)));
    assert_eq!(ids[0], "update");
    assert_eq!(ids[1], "update-2");
    assert_eq!(ids[499], "update-500");
}

/// `(label, number)` of every footnote reference, in reading order, footnotes last.
fn numbers(doc: &Document) -> Vec<(String, Option<usize>)> {
    let mut out = Vec::new();
    let blocks = doc
        .blocks
        .iter()
        .chain(doc.footnotes.iter().flat_map(|n| n.blocks.iter()));
    for block in blocks {
        if let Block::Paragraph {
            content: inlines, ..
        } = block
        {
            for i in inlines {
                if let Inline::FootnoteRef { label, number, .. } = i {
                    out.push((label.clone(), *number));
                }
            }
        }
    }
    out
}

#[rstest]
#[case::in_reference_order(
    vec![fref("b"), fref("a")], vec![def("a", "A"), def("b", "B")],
    vec![("b", Some(1)), ("a", Some(2))], vec![("b", 1), ("a", 2)], 0
)]
#[case::repeated_reference_keeps_its_number(
    vec![fref("a"), fref("b"), fref("a")], vec![def("b", "B"), def("a", "A")],
    vec![("a", Some(1)), ("b", Some(2)), ("a", Some(1))], vec![("a", 1), ("b", 2)], 0
)]
#[case::unreferenced_definitions_come_last(
    vec![fref("b")], vec![def("c", "C"), def("b", "B"), def("a", "A")],
    vec![("b", Some(1))], vec![("b", 1), ("c", 2), ("a", 3)], 0
)]
#[case::undefined_reference_has_no_number(
    vec![fref("x"), fref("a"), fref("x")], vec![def("a", "A")],
    vec![("x", None), ("a", Some(1)), ("x", None)], vec![("a", 1)], 1
)]
#[case::labels_match_whatever_the_case(
    vec![fref("Note"), fref("NOTE")], vec![def("note", "N")],
    vec![("Note", Some(1)), ("NOTE", Some(1))], vec![("note", 1)], 0
)]
#[case::first_of_duplicate_definitions_wins(
    vec![fref("a")], vec![def("a", "First"), def("a", "Second")],
    vec![("a", Some(1))], vec![("a", 1)], 0
)]
#[case::no_footnotes(vec![t("plain")], vec![], vec![], vec![], 0)]
fn footnotes_are_numbered_by_first_reference(
    #[case] inlines: Vec<Inline>,
    #[case] notes: Vec<Footnote>,
    #[case] refs: Vec<(&str, Option<usize>)>,
    #[case] order: Vec<(&str, usize)>,
    #[case] warnings: usize,
) {
    let mut report = Report::default();
    let input = Document {
        blocks: vec![para(inlines)],
        footnotes: notes,
        ..Document::default()
    };
    let out = number_footnotes("body.md", input, &mut report);
    let refs: Vec<(String, Option<usize>)> =
        refs.into_iter().map(|(l, n)| (l.to_owned(), n)).collect();
    assert_eq!(numbers(&out), refs);
    let got: Vec<(&str, usize)> = out
        .footnotes
        .iter()
        .map(|n| (n.label.as_str(), n.number))
        .collect();
    assert_eq!(got, order);
    assert_eq!(report.diagnostics.len(), warnings, "{report}");
    assert!(report
        .diagnostics
        .iter()
        .all(|d| d.rule == Rule::UndefinedFootnote));
}

#[test]
fn the_first_definition_of_a_repeated_label_is_kept() {
    let mut report = Report::default();
    let input = Document {
        blocks: vec![para(vec![fref("a")])],
        footnotes: vec![def("a", "First"), def("A", "Second")],
        ..Document::default()
    };
    let out = number_footnotes("body.md", input, &mut report);
    assert_eq!(out.footnotes.len(), 1);
    assert_eq!(out.footnotes[0].blocks, [para(vec![t("First")])]);
}

#[test]
fn references_inside_footnotes_are_numbered_after_the_body() {
    let mut report = Report::default();
    let mut first = def("a", "A");
    first.blocks = vec![para(vec![t("See"), fref("b")])];
    let input = Document {
        blocks: vec![para(vec![fref("a")])],
        footnotes: vec![def("b", "B"), first],
        ..Document::default()
    };
    let out = number_footnotes("body.md", input, &mut report);
    let order: Vec<(&str, usize)> = out
        .footnotes
        .iter()
        .map(|n| (n.label.as_str(), n.number))
        .collect();
    assert_eq!(order, [("a", 1), ("b", 2)]);
    assert_eq!(
        numbers(&out),
        [("a".to_owned(), Some(1)), ("b".to_owned(), Some(2))]
    );
}

#[test]
fn the_outline_holds_only_top_level_headings() {
    let input = assign_heading_ids(doc(vec![
        heading(1, "Top"),
        Block::Quote(vec![heading(2, "Quoted")]),
        list_of(vec![heading(2, "Listed")]),
        para(vec![t("Text")]),
        heading(2, "Next"),
    ]));
    let outline: Vec<(u8, String, String)> = build_outline(input)
        .outline
        .into_iter()
        .map(|o| (o.level, o.id, o.text))
        .collect();
    assert_eq!(
        outline,
        [
            (1, "top".to_owned(), "Top".to_owned()),
            (2, "next".to_owned(), "Next".to_owned())
        ]
    );
}

#[rstest]
#[case::none(vec![], 0)]
#[case::step_by_step(vec![1, 2, 3], 0)]
#[case::start_anywhere(vec![3, 4], 0)]
#[case::back_up_freely(vec![2, 3, 4, 2, 1, 2], 0)]
#[case::same_level(vec![2, 2, 2], 0)]
#[case::skip_one(vec![2, 4], 1)]
#[case::skip_twice(vec![1, 3, 5], 2)]
#[case::skip_far(vec![1, 6], 1)]
fn headings_that_skip_a_level_are_reported(#[case] levels: Vec<u8>, #[case] skips: usize) {
    let blocks = levels
        .iter()
        .enumerate()
        .map(|(i, l)| heading(*l, &format!("H{i}")))
        .collect();
    let d = build_outline(assign_heading_ids(doc(blocks)));
    let mut report = Report::default();
    check_heading_order("body.md", &d, &mut report);
    assert_eq!(report.diagnostics.len(), skips, "{report}");
    assert!(report
        .diagnostics
        .iter()
        .all(|d| d.rule == Rule::HeadingSkip));
}

#[test]
fn a_heading_skip_names_the_heading_and_both_levels() {
    let d = build_outline(assign_heading_ids(doc(vec![
        heading(2, "Part"),
        heading(5, "Deep"),
    ])));
    let mut report = Report::default();
    check_heading_order("body.md", &d, &mut report);
    assert_eq!(
        report.diagnostics[0].to_string(),
        "body.md: heading \"Deep\" skips from level 2 to level 5"
    );
}

#[rstest]
#[case::paragraph(vec![para(vec![t("one two"), Inline::SoftBreak, t("three")])], 3)]
#[case::heading(vec![heading(2, "Two words")], 2)]
#[case::figure_caption(vec![figure("a")], 2)]
#[case::code_is_not_read(vec![Block::Code { language: None, text: "a b c".into() }], 0)]
#[case::rule_has_no_words(vec![Block::Rule], 0)]
#[case::raw_html(vec![Block::RawHtml("<p>some words</p>".into())], 2)]
#[case::unsupported(vec![Block::Unsupported { what: "definition list".into(), text: "term and meaning".into() }], 3)]
#[case::table(vec![Block::Table {
    alignments: vec![],
    head: vec![vec![t("Head one")]],
    rows: vec![vec![vec![t("a b c")]], vec![vec![]]],
}], 5)]
#[case::nested(vec![Block::Quote(vec![list_of(vec![para(vec![t("deep words")])])])], 2)]
#[case::inline_code_is_read(vec![para(vec![t("run"), Inline::Code(" cargo test ".into())])], 3)]
#[case::link_and_emphasis(vec![para(vec![
    Inline::Link { target: media("a"), title: "not counted".into(), content: vec![t("linked text")] },
    Inline::Emphasis(vec![t(" and more")]),
])], 4)]
#[case::footnote_refs_are_silent(vec![para(vec![t("word"), fref("a")])], 1)]
fn words_are_counted_where_a_reader_reads(#[case] blocks: Vec<Block>, #[case] words: usize) {
    assert_eq!(count_words(doc(blocks)).word_count, words);
}

#[test]
fn words_in_footnotes_count() {
    let input = Document {
        blocks: vec![para(vec![t("Body"), fref("a")])],
        footnotes: vec![def("a", "three note words")],
        ..Document::default()
    };
    assert_eq!(count_words(input).word_count, 4);
}

#[test]
fn run_applies_every_pass_in_order() {
    let mut report = Report::default();
    let input = Document {
        blocks: vec![
            heading(2, "Same"),
            para(vec![img(media("pic"))]),
            para(vec![t("Claim"), fref("n")]),
            heading(4, "Same"),
        ],
        footnotes: vec![def("n", "Source.")],
        ..Document::default()
    };
    let out = run("body.md", Scope::body(), input, &mut report);
    // Figures first: the caption is counted as words.
    assert_eq!(out.blocks[1], figure("pic"));
    // Ids before the outline, which links to them.
    let outline: Vec<&str> = out.outline.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(outline, ["same", "same-2"]);
    assert_eq!(out.footnotes[0].number, 1);
    assert_eq!(
        out.word_count,
        ["Same", "Alt words", "Claim", "Same", "Source."]
            .iter()
            .map(|s| s.split_whitespace().count())
            .sum::<usize>()
    );
    let rules: Vec<Rule> = report.diagnostics.iter().map(|d| d.rule).collect();
    assert_eq!(rules, [Rule::HeadingSkip]);
}
