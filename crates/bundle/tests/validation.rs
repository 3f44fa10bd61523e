//! Every check on a bundle, one table row per way of breaking the small valid bundle:
//! the rule, the file, the JSON path and the message a publisher reads.

mod common;

use common::*;
use folio_bundle::{read_catalog, read_manifest, Article, Report, Rule, Severity};
use rstest::rstest;
use serde_json::{json, Value};

/// What a row changes in the small valid bundle.
enum Input {
    /// Edits to the manifest; the body stays.
    Edits(Vec<Edit>),
    /// Manifest bytes as given; the body stays.
    Manifest(Vec<u8>),
    /// Markdown appended to the body; the manifest stays.
    Body(String),
    /// The whole body as bytes; the manifest stays.
    BodyBytes(Vec<u8>),
    /// The edited manifest written to a folder with the body and only the media files named.
    Folder(Vec<Edit>, &'static [&'static str]),
}

fn read_input(input: Input) -> (Option<Article>, Report) {
    let valid = || serde_json::to_vec(&manifest()).unwrap();
    match input {
        Input::Edits(edits) => read_edited(edits),
        Input::Manifest(bytes) => read(&bytes, BODY.as_bytes()),
        Input::Body(extra) => read(&valid(), format!("{BODY}{extra}").as_bytes()),
        Input::BodyBytes(bytes) => read(&valid(), &bytes),
        Input::Folder(edits, media) => {
            let json = serde_json::to_vec(&apply(manifest(), edits)).unwrap();
            let mut files: Vec<(&str, &[u8])> =
                vec![("bundle.json", &json), ("body.md", BODY.as_bytes())];
            files.extend(media.iter().map(|m| (*m, &b"not checked"[..])));
            TempBundle::new(&files).read()
        }
    }
}

fn many(n: usize, item: Value) -> Value {
    Value::Array(vec![item; n])
}

#[rstest]
#[case::syntax_in_manifest(Rule::Syntax, Input::Manifest(br#"{"format_version": "1.0","#.to_vec()), "bundle.json", "line 1, column 25",
    "bundle.json: line 1, column 25: the file ends too early (EOF while parsing a value at line 1 column 25)")]
#[case::syntax_stray_comma(Rule::Syntax, Input::Manifest(b"{\n  \"id\": \"a\",\n}".to_vec()), "bundle.json", "line 3, column 1",
    "bundle.json: line 3, column 1: not valid JSON (trailing comma at line 3 column 1)")]
#[case::syntax_body_not_utf8(Rule::Syntax, Input::BodyBytes(b"Caf\xe9 au lait".to_vec()), "body.md", "",
    "body.md: not UTF-8 text (invalid byte at offset 3)")]
#[case::too_large_headline(Rule::TooLarge, Input::Edits(vec![set("/headline", json!("x".repeat(1001)))]), "bundle.json", "headline",
    "bundle.json: headline: longer than 1000 characters")]
#[case::too_large_tag_list(Rule::TooLarge, Input::Edits(vec![set("/tags", many(65, json!("tag")))]), "bundle.json", "tags",
    "bundle.json: tags: 65 items, more than the 64 allowed")]
#[case::too_large_manifest(Rule::TooLarge, Input::Manifest(vec![b' '; 256 * 1024 + 1]), "bundle.json", "",
    "bundle.json: 262145 bytes, more than the 262144 allowed")]
#[case::too_large_body(Rule::TooLarge, Input::BodyBytes(vec![b'a'; 4 * 1024 * 1024 + 1]), "body.md", "",
    "body.md: 4194305 bytes, more than the 4194304 allowed")]
#[case::unsupported_version(Rule::UnsupportedVersion, Input::Edits(vec![set("/format_version", json!("2.0"))]), "bundle.json", "format_version",
    "bundle.json: format_version: this bundle needs format 2.0, newer than the 1.x this reader understands; update Folio to read it")]
#[case::missing_headline(Rule::Missing, Input::Edits(vec![remove("/headline")]), "bundle.json", "headline",
    "bundle.json: headline: missing (every article needs a headline)")]
#[case::missing_blank_headline(Rule::Missing, Input::Edits(vec![set("/headline", json!("  \t "))]), "bundle.json", "headline",
    "bundle.json: headline: missing (every article needs a headline)")]
#[case::missing_null_headline(Rule::Missing, Input::Edits(vec![set("/headline", Value::Null)]), "bundle.json", "headline",
    "bundle.json: headline: missing (every article needs a headline)")]
#[case::missing_source_name(Rule::Missing, Input::Edits(vec![remove("/source/name")]), "bundle.json", "source.name",
    "bundle.json: source.name: missing (the publisher's name)")]
#[case::missing_media_width(Rule::Missing, Input::Edits(vec![remove("/media/1/width")]), "bundle.json", "media[1].width",
    "bundle.json: media[1].width: missing (in pixels, to reserve the image's space)")]
#[case::missing_format_version(Rule::Missing, Input::Edits(vec![remove("/format_version")]), "bundle.json", "format_version",
    "bundle.json: format_version: missing (such as \"1.0\")")]
#[case::missing_link_label(Rule::Missing, Input::Edits(vec![remove("/notices/0/links/0/label")]), "bundle.json", "notices[0].links[0].label",
    "bundle.json: notices[0].links[0].label: missing (the words readers see)")]
#[case::wrong_type_headline(Rule::WrongType, Input::Edits(vec![set("/headline", json!(5))]), "bundle.json", "headline",
    "bundle.json: headline: expected a string, found a number")]
#[case::wrong_type_media_list(Rule::WrongType, Input::Edits(vec![set("/media", json!({}))]), "bundle.json", "media",
    "bundle.json: media: expected a list, found an object")]
#[case::wrong_type_related_item(Rule::WrongType, Input::Edits(vec![set("/related/0", json!("Elsewhere"))]), "bundle.json", "related[0]",
    "bundle.json: related[0]: expected an object, found a string")]
#[case::wrong_type_tag(Rule::WrongType, Input::Edits(vec![set("/tags/0", json!(7))]), "bundle.json", "tags[0]",
    "bundle.json: tags[0]: expected a non-empty string of at most 1000 characters, found a number")]
#[case::wrong_type_flag(Rule::WrongType, Input::Edits(vec![set("/media/0/decorative", json!("yes"))]), "bundle.json", "media[0].decorative",
    "bundle.json: media[0].decorative: expected true or false, found a string")]
#[case::wrong_type_lead(Rule::WrongType, Input::Edits(vec![set("/lead", json!(["lead"]))]), "bundle.json", "lead",
    "bundle.json: lead: expected an object, found a list")]
#[case::bad_value_language(Rule::BadValue, Input::Edits(vec![set("/language", json!("en_US"))]), "bundle.json", "language",
    "bundle.json: language: \"en_US\" is not a language tag such as en, ru or pt-BR")]
#[case::bad_value_direction(Rule::BadValue, Input::Edits(vec![set("/direction", json!("sideways"))]), "bundle.json", "direction",
    "bundle.json: direction: \"sideways\" is not one of ltr, rtl, auto")]
#[case::bad_value_id(Rule::BadValue, Input::Edits(vec![set("/id", json!("Folio Test"))]), "bundle.json", "id",
    "bundle.json: id: \"Folio Test\" is not an id: use 1 to 100 lower-case letters, digits, - or _")]
#[case::bad_value_width(Rule::BadValue, Input::Edits(vec![set("/media/0/width", json!(0))]), "bundle.json", "media[0].width",
    "bundle.json: media[0].width: must be between 1 and 16384")]
#[case::bad_value_srcset_injection(Rule::BadValue, Input::Edits(vec![set("/media/0/src", json!("media/a.png 1w, http:/evil.example/t.png"))]), "bundle.json", "media[0].src",
    "bundle.json: media[0].src: \"media/a.png 1w, http:/evil.example/t.png\" has a space or comma; file names in a bundle may not")]
#[case::bad_value_svg_media(Rule::BadValue, Input::Edits(vec![set("/media/0/src", json!("media/picture.svg"))]), "bundle.json", "media[0].src",
    "bundle.json: media[0].src: \"media/picture.svg\" is not an image file Folio shows: the name must end in .png, .jpg, .jpeg, .webp, .avif, .gif")]
#[case::bad_value_html_other_size(Rule::BadValue, Input::Edits(vec![set("/media/1/sources", json!([{ "src": "media/page.html", "width": 2 }]))]), "bundle.json", "media[1].sources[0].src",
    "bundle.json: media[1].sources[0].src: \"media/page.html\" is not an image file Folio shows: the name must end in .png, .jpg, .jpeg, .webp, .avif, .gif")]
#[case::bad_value_mime_disagrees(Rule::BadValue, Input::Edits(vec![set("/media/0/mime", json!("image/gif"))]), "bundle.json", "media[0].src",
    "bundle.json: media[0].src: \"media/lead.png\" is named as image/png, but \"mime\" says image/gif")]
#[case::unsafe_url_control_character(Rule::UnsafeUrl, Input::Edits(vec![set("/body", json!("..\u{1f}\\"))]), "bundle.json", "body",
    "bundle.json: body: \"..\\u{1f}\\\\\" is not a file path inside the bundle, such as media/photo.png: the address holds a control character")]
#[case::bad_value_notice_kind(Rule::BadValue, Input::Edits(vec![set("/notices/0/kind", json!("gossip"))]), "bundle.json", "notices[0].kind",
    "bundle.json: notices[0].kind: \"gossip\" is not one of legal, safety, correction, editors-note")]
#[case::bad_value_version(Rule::BadValue, Input::Edits(vec![set("/format_version", json!("one"))]), "bundle.json", "format_version",
    "bundle.json: format_version: \"one\" is not MAJOR.MINOR, such as \"1.0\"")]
#[case::bad_value_version_zero(Rule::BadValue, Input::Edits(vec![set("/format_version", json!("0.9"))]), "bundle.json", "format_version",
    "bundle.json: format_version: version 0 does not exist; use \"1.0\"")]
#[case::bad_value_mime(Rule::BadValue, Input::Edits(vec![set("/media/0/mime", json!("image/svg+xml"))]), "bundle.json", "media[0].mime",
    "bundle.json: media[0].mime: \"image/svg+xml\" is not one of image/png, image/jpeg, image/webp, image/avif, image/gif")]
#[case::bad_value_media_kind(Rule::BadValue, Input::Edits(vec![set("/media/0/kind", json!("video"))]), "bundle.json", "media[0].kind",
    "bundle.json: media[0].kind: \"video\" is not a media kind this version shows (image)")]
#[case::bad_value_hash(Rule::BadValue, Input::Edits(vec![set("/integrity", json!({ "sha256": { "body.md": "abc" } }))]), "bundle.json", "integrity.sha256.body.md",
    "bundle.json: integrity.sha256.body.md: expected 64 lower-case hex digits of SHA-256")]
#[case::bad_date(Rule::BadDate, Input::Edits(vec![set("/published", json!("13 October 2007"))]), "bundle.json", "published",
    "bundle.json: published: \"13 October 2007\": expected a date like 2007-10-13 or 2007-10-13T14:05:00+04:00")]
#[case::bad_date_no_such_day(Rule::BadDate, Input::Edits(vec![set("/updated", json!("2024-02-30"))]), "bundle.json", "updated",
    "bundle.json: updated: \"2024-02-30\": expected a date like 2007-10-13 or 2007-10-13T14:05:00+04:00")]
#[case::duplicate_media_id(Rule::DuplicateId, Input::Edits(vec![set("/media/1/id", json!("lead"))]), "bundle.json", "media[1].id",
    "bundle.json: media[1].id: \"lead\" is used by an earlier media item")]
#[case::duplicate_media_id_after_a_broken_item(Rule::DuplicateId,
    Input::Edits(vec![remove("/media/0/width"), set("/media/-", json!({ "id": "chart", "src": "media/c.png", "alt": "C", "width": 1, "height": 1 }))]),
    "bundle.json", "media[2].id", "bundle.json: media[2].id: \"chart\" is used by an earlier media item")]
#[case::duplicate_sidebar_id(Rule::DuplicateId, Input::Edits(vec![set("/sidebars/-", json!({ "id": "aside", "title": "Again", "teaser": "Text." }))]), "bundle.json", "sidebars[1].id",
    "bundle.json: sidebars[1].id: \"aside\" is used by an earlier sidebar")]
#[case::missing_alt(Rule::MissingAlt, Input::Edits(vec![remove("/media/1/alt")]), "bundle.json", "media[1].alt",
    "bundle.json: media[1].alt: missing (every image needs alternative text, or \"decorative\": true)")]
#[case::undeclared_lead_media(Rule::UndeclaredMedia, Input::Edits(vec![set("/lead/media", json!("nope"))]), "bundle.json", "lead.media",
    "bundle.json: lead.media: media \"nope\" is not declared in bundle.json's media list")]
#[case::undeclared_sidebar_figure(Rule::UndeclaredMedia, Input::Edits(vec![set("/sidebars/0/figure", json!({ "media": "ghost" }))]), "bundle.json", "sidebars[0].figure.media",
    "bundle.json: sidebars[0].figure.media: media \"ghost\" is not declared in bundle.json's media list")]
#[case::undeclared_body_figure(Rule::UndeclaredMedia, Input::Body("\n![A ghost](media:ghost)\n".into()), "body.md", "",
    "body.md: media \"ghost\" is not declared in bundle.json's media list")]
#[case::undeclared_body_image_file(Rule::UndeclaredMedia, Input::Body("\nSee ![the map](media/map.png) here.\n".into()), "body.md", "",
    "body.md: image \"media/map.png\" is not declared in bundle.json's media list")]
#[case::undeclared_in_teaser(Rule::UndeclaredMedia, Input::Edits(vec![set("/sidebars/0/teaser", json!("![Ghost](media:ghost)"))]), "bundle.json", "sidebars[0].teaser",
    "bundle.json: sidebars[0].teaser: media \"ghost\" is not declared in bundle.json's media list")]
#[case::unsafe_url_related(Rule::UnsafeUrl, Input::Edits(vec![set("/related/0/url", json!("javascript:alert(1)"))]), "bundle.json", "related[0].url",
    "bundle.json: related[0].url: \"javascript:alert(1)\" refused: only http, https and mailto links are allowed")]
#[case::unsafe_url_canonical_mail(Rule::UnsafeUrl, Input::Edits(vec![set("/canonical_url", json!("mailto:desk@example.org"))]), "bundle.json", "canonical_url",
    "bundle.json: canonical_url: \"mailto:desk@example.org\" is not an absolute http or https address")]
#[case::unsafe_url_protocol_relative(Rule::UnsafeUrl, Input::Edits(vec![set("/source/url", json!("//cdn.example.org/"))]), "bundle.json", "source.url",
    "bundle.json: source.url: \"//cdn.example.org/\" refused: addresses starting with // are not allowed; write https://")]
#[case::unsafe_url_media_elsewhere(Rule::UnsafeUrl, Input::Edits(vec![set("/media/0/src", json!("https://example.org/a.png"))]), "bundle.json", "media[0].src",
    "bundle.json: media[0].src: \"https://example.org/a.png\" is not a file path inside the bundle, such as media/photo.png")]
#[case::unsafe_url_more_coverage(Rule::UnsafeUrl, Input::Edits(vec![set("/more_coverage", json!({ "label": "More", "url": "data:text/html,hi" }))]), "bundle.json", "more_coverage.url",
    "bundle.json: more_coverage.url: \"data:text/html,hi\" refused: only http, https and mailto links are allowed")]
#[case::path_escapes_body(Rule::PathEscapesBundle, Input::Edits(vec![set("/body", json!("../other-story/body.md"))]), "bundle.json", "body",
    "bundle.json: body: \"../other-story/body.md\" leaves the bundle's folder")]
#[case::path_escapes_other_size(Rule::PathEscapesBundle, Input::Edits(vec![set("/media/1/sources", json!([{ "src": "media/../../x.png", "width": 2 }]))]), "bundle.json", "media[1].sources[0].src",
    "bundle.json: media[1].sources[0].src: \"media/../../x.png\" leaves the bundle's folder")]
#[case::ambiguous_link(Rule::AmbiguousLink, Input::Edits(vec![set("/related/0/bundle", json!("other-story"))]), "bundle.json", "related[0].url",
    "bundle.json: related[0].url: give either \"bundle\" or \"url\", not both")]
#[case::missing_media_file(Rule::MissingFile, Input::Folder(vec![], &["media/lead.png"]), "bundle.json", "media[1].src",
    "bundle.json: media[1].src: \"media/chart.png\" is not in the bundle")]
#[case::missing_other_size_file(Rule::MissingFile,
    Input::Folder(vec![set("/media/0/sources", json!([{ "src": "media/lead-2x.png", "width": 8 }]))], &["media/lead.png", "media/chart.png"]),
    "bundle.json", "media[0].sources[0].src", "bundle.json: media[0].sources[0].src: \"media/lead-2x.png\" is not in the bundle")]
#[case::unsafe_link(Rule::UnsafeLink, Input::Body("\n[Click](javascript:alert(1))\n".into()), "body.md", "line 5",
    "body.md: line 5: link \"javascript:alert(1)\" refused: only http, https and mailto links are allowed; its text is shown instead")]
#[case::unsafe_link_in_teaser(Rule::UnsafeLink, Input::Edits(vec![set("/sidebars/0/teaser", json!("Intro.\n\n[Go](vbscript:msgbox(1))"))]), "bundle.json", "sidebars[0].teaser (line 3)",
    "bundle.json: sidebars[0].teaser (line 3): link \"vbscript:msgbox(1)\" refused: only http, https and mailto links are allowed; its text is shown instead")]
#[case::unsafe_link_in_notice(Rule::UnsafeLink, Input::Edits(vec![set("/notices/0/text", json!("[Up](../other-story/)"))]), "bundle.json", "notices[0].text (line 1)",
    "bundle.json: notices[0].text (line 1): link \"../other-story/\" refused: the path leaves the bundle's folder; its text is shown instead")]
#[case::external_image(Rule::ExternalImage, Input::Body("\n![A map](https://maps.example.org/map.png)\n".into()), "body.md", "line 5",
    "body.md: line 5: image \"https://maps.example.org/map.png\" is not a file in this bundle; its description is shown instead, so that no other host learns who reads")]
#[case::raw_html_block(Rule::RawHtml, Input::Body("\n<script>alert(1)</script>\n".into()), "body.md", "line 5",
    "body.md: line 5: raw HTML is shown as text, never as markup")]
#[case::raw_html_inline(Rule::RawHtml, Input::Body("\nA <img src=x onerror=alert(1)> photo.\n".into()), "body.md", "line 5",
    "body.md: line 5: raw HTML is shown as text, never as markup")]
#[case::nesting_too_deep(Rule::NestingTooDeep, Input::Body(format!("\n{}deep\n", "> ".repeat(40))), "body.md", "line 5",
    "body.md: line 5: nested more than 32 levels deep; deeper levels are flattened")]
#[case::heading_skip(Rule::HeadingSkip, Input::Body("\n## Part one\n\n#### Detail\n".into()), "body.md", "",
    "body.md: heading \"Detail\" skips from level 2 to level 4")]
#[case::undefined_footnote(Rule::UndefinedFootnote, Input::Body(format!("\n{}[^src]: A flattened note.\n\nAs reported[^src].\n", "> ".repeat(40))), "body.md", "",
    "body.md: footnote [^src] is referenced but never defined")]
#[case::unused_media(Rule::UnusedMedia, Input::Edits(vec![set("/media/-", json!({ "id": "spare", "src": "media/spare.png", "alt": "Spare", "width": 2, "height": 2 }))]), "bundle.json", "media[2]",
    "bundle.json: media[2]: \"spare\" is declared but never shown")]
#[case::updated_before_published(Rule::UpdatedBeforePublished, Input::Edits(vec![set("/updated", json!("2024-04-30"))]), "bundle.json", "updated",
    "bundle.json: updated: 2024-04-30 is before the publication date 2024-05-01")]
#[case::updated_before_published_by_offset(Rule::UpdatedBeforePublished,
    Input::Edits(vec![set("/published", json!("2024-05-01T10:00:00Z")), set("/updated", json!("2024-05-01T12:00:00+03:00"))]),
    "bundle.json", "updated", "bundle.json: updated: 2024-05-01T12:00:00+03:00 is before the publication date 2024-05-01T10:00:00Z")]
fn each_rule_names_its_file_path_and_problem(
    #[case] rule: Rule,
    #[case] input: Input,
    #[case] file: &str,
    #[case] path: &str,
    #[case] shown: &str,
) {
    let (article, report) = read_input(input);
    let found = of_rule(&report, rule);
    assert_eq!(found.len(), 1, "one {rule:?} expected:\n{report}");
    let d = found[0];
    assert_eq!(
        (d.rule, d.file.as_str(), d.path.as_str()),
        (rule, file, path)
    );
    assert_eq!(d.to_string(), shown);
    assert_eq!(d.severity(), rule.severity());
    match rule.severity() {
        Severity::Error => assert!(article.is_none(), "an error stops reading"),
        Severity::Warning => {
            assert!(
                article.is_some(),
                "a warning never stops reading:\n{report}"
            );
            assert!(!report.has_errors(), "{report}");
        }
    }
}

#[test]
fn every_rule_has_a_row_in_the_table() {
    let source = include_str!("validation.rs");
    for rule in all_rules() {
        let row = format!("(Rule::{rule:?}, Input::");
        let multi_line_row = format!("(Rule::{rule:?},\n");
        assert!(
            source.contains(&row) || source.contains(&multi_line_row),
            "no #[case] for {rule:?}"
        );
    }
    assert_eq!(all_rules().len(), 22);
}

#[rstest]
#[case(Rule::Syntax, Severity::Error)]
#[case(Rule::TooLarge, Severity::Error)]
#[case(Rule::UnsupportedVersion, Severity::Error)]
#[case(Rule::Missing, Severity::Error)]
#[case(Rule::WrongType, Severity::Error)]
#[case(Rule::BadValue, Severity::Error)]
#[case(Rule::BadDate, Severity::Error)]
#[case(Rule::DuplicateId, Severity::Error)]
#[case(Rule::MissingAlt, Severity::Error)]
#[case(Rule::UndeclaredMedia, Severity::Error)]
#[case(Rule::UnsafeUrl, Severity::Error)]
#[case(Rule::PathEscapesBundle, Severity::Error)]
#[case(Rule::AmbiguousLink, Severity::Error)]
#[case(Rule::MissingFile, Severity::Error)]
#[case(Rule::UnsafeLink, Severity::Warning)]
#[case(Rule::ExternalImage, Severity::Warning)]
#[case(Rule::RawHtml, Severity::Warning)]
#[case(Rule::NestingTooDeep, Severity::Warning)]
#[case(Rule::HeadingSkip, Severity::Warning)]
#[case(Rule::UndefinedFootnote, Severity::Warning)]
#[case(Rule::UnusedMedia, Severity::Warning)]
#[case(Rule::UpdatedBeforePublished, Severity::Warning)]
fn each_rule_has_its_documented_severity(#[case] rule: Rule, #[case] severity: Severity) {
    assert_eq!(rule.severity(), severity);
}

#[test]
fn the_small_valid_bundle_is_clean() {
    let (article, report) = read_edited(vec![]);
    assert!(report.diagnostics.is_empty(), "{report}");
    let article = article.expect("the valid bundle reads");
    assert_eq!(article.manifest.headline, "A Test Headline");
    assert_eq!(article.teasers.len(), 1);
    assert_eq!(article.notices.len(), 1);
    // "Intro paragraph with a few words." and the figure's caption.
    assert_eq!(article.body.word_count, 11);
    assert_eq!(article.reading_minutes(), 1);
}

#[test]
fn a_manifest_with_many_problems_reports_all_of_them_at_once() {
    let (article, report) = read_edited(vec![
        remove("/headline"),
        remove("/media/1/alt"),
        set("/media/1/id", json!("lead")),
        set("/published", json!("yesterday")),
        set("/lead/media", json!("ghost")),
        set("/related/0/url", json!("javascript:alert(1)")),
        set("/language", json!("en_US")),
        set("/tags/0", json!(7)),
        set("/sidebars/0/more/bundle", json!("Not An Id")),
    ]);
    assert!(article.is_none());
    let expected = [
        (Rule::BadValue, "language"),
        (Rule::Missing, "headline"),
        (Rule::BadDate, "published"),
        (Rule::UndeclaredMedia, "lead.media"),
        (Rule::MissingAlt, "media[1].alt"),
        (Rule::DuplicateId, "media[1].id"),
        (Rule::BadValue, "sidebars[0].more.bundle"),
        (Rule::UnsafeUrl, "related[0].url"),
        (Rule::WrongType, "tags[0]"),
    ];
    let found = rules_and_paths(&report);
    let expected: Vec<(Rule, String)> = expected.iter().map(|(r, p)| (*r, p.to_string())).collect();
    assert_eq!(found, expected, "\n{report}");
    assert_eq!(report.errors().count(), 9);
    assert!(report.diagnostics.iter().all(|d| d.file == "bundle.json"));
}

#[test]
fn the_report_lists_each_problem_on_its_own_line_with_its_severity() {
    let (_, report) = read_edited(vec![
        remove("/media/1/alt"),
        set("/updated", json!("2024-04-01")),
    ]);
    assert_eq!(
        report.to_string(),
        "error: bundle.json: media[1].alt: missing (every image needs alternative text, or \"decorative\": true)\n\
         warning: bundle.json: updated: 2024-04-01 is before the publication date 2024-05-01\n"
    );
}

#[test]
fn unknown_fields_are_ignored() {
    let (plain, _) = read_edited(vec![]);
    let (article, report) = read_edited(vec![
        set(
            "/x_future_field",
            json!({ "nested": [1, 2, { "deep": true }] }),
        ),
        set("/media/0/focal_point", json!([0.5, 0.5])),
        set("/source/logo", json!("media/logo.png")),
        set("/sidebars/0/style", json!("boxed")),
        set("/related/1/priority", json!(3)),
        set("/notices/0/expires", json!("2030-01-01")),
    ]);
    assert!(report.diagnostics.is_empty(), "{report}");
    assert_eq!(article, plain);
}

#[test]
fn a_newer_major_version_is_refused_with_one_clear_message() {
    // A 2.0 manifest may mean anything by its other fields, so they are not judged.
    let (article, report) = read_edited(vec![
        set("/format_version", json!("2.0")),
        remove("/headline"),
        set("/media", json!("a new shape")),
    ]);
    assert!(article.is_none());
    assert_eq!(report.diagnostics.len(), 1, "{report}");
    let d = &report.diagnostics[0];
    assert_eq!(d.rule, Rule::UnsupportedVersion);
    assert!(d.message.contains("newer"), "{d}");
    assert!(d.message.contains("2.0"), "{d}");
    assert!(d.message.contains("update Folio"), "{d}");
}

#[rstest]
#[case("1.0", 1, 0)]
#[case("1.9", 1, 9)]
#[case("1.10", 1, 10)]
fn a_newer_minor_version_is_read(#[case] version: &str, #[case] major: u32, #[case] minor: u32) {
    let (article, report) = read_edited(vec![set("/format_version", json!(version))]);
    assert!(report.diagnostics.is_empty(), "{report}");
    let v = article.unwrap().manifest.format_version;
    assert_eq!((v.major, v.minor), (major, minor));
}

#[test]
fn warnings_never_stop_reading() {
    let body = format!(
        "{BODY}\n## Part\n\n#### Skipped level\n\n[bad](javascript:x) ![far](https://example.org/a.png) <b>bold</b>\n\n{}[^n]: flattened\n\nNote[^n].\n",
        "> ".repeat(40)
    );
    let manifest = apply(
        manifest(),
        vec![
            set("/updated", json!("2024-01-01")),
            set(
                "/media/-",
                json!({ "id": "spare", "src": "media/spare.png", "alt": "Spare", "width": 2, "height": 2 }),
            ),
        ],
    );
    let (article, report) = read(&serde_json::to_vec(&manifest).unwrap(), body.as_bytes());
    assert!(!report.has_errors(), "{report}");
    let article = article.expect("warnings never stop reading");
    assert!(article.body.word_count > 0);
    for rule in all_rules() {
        if rule.severity() == Severity::Warning {
            assert!(report.has(rule), "{rule:?} missing from:\n{report}");
        }
    }
}

#[test]
fn a_decorative_image_needs_no_alternative_text() {
    let (article, report) = read_edited(vec![
        remove("/media/1/alt"),
        set("/media/1/decorative", json!(true)),
    ]);
    assert!(report.diagnostics.is_empty(), "{report}");
    let media = &article.unwrap().manifest.media[1];
    assert!(media.decorative);
    assert_eq!(media.alt, "");
}

#[test]
fn a_manifest_that_is_not_an_object_is_refused() {
    for (bytes, found) in [
        (&b"[]"[..], "a list"),
        (b"\"bundle\"", "a string"),
        (b"42", "a number"),
        (b"null", "null"),
        (b"true", "true or false"),
    ] {
        let mut report = Report::default();
        assert!(read_manifest(bytes, &mut report).is_none());
        assert_eq!(report.diagnostics.len(), 1);
        assert_eq!(
            report.diagnostics[0].to_string(),
            format!("bundle.json: expected a JSON object, found {found}")
        );
        assert_eq!(report.diagnostics[0].rule, Rule::WrongType);
    }
}

/// Every optional field of the manifest set, so that a round trip covers all of them.
fn full_manifest() -> Value {
    apply(
        manifest(),
        vec![
            set("/format_version", json!("1.3")),
            set("/direction", json!("rtl")),
            set("/kicker", json!("Breaking News")),
            set("/standfirst", json!("A *short* summary.")),
            set("/byline", json!("A. Writer")),
            set("/published", json!("2024-05-01T09:30:00.250+02:00")),
            set("/updated", json!("2024-05-02T00:00:00+00:00")),
            set("/dateline", json!("May 1, 2024 (Folio)")),
            set("/source/url", json!("https://example.org/")),
            set("/media/0/mime", json!("image/png")),
            set("/media/0/placeholder", json!(true)),
            set("/media/0/credit", json!("Staff")),
            set(
                "/media/0/sources",
                json!([{ "src": "./media/x/../lead-2x.png", "width": 8 }]),
            ),
            set("/media/1/decorative", json!(true)),
            set(
                "/sidebars/0/figure",
                json!({ "media": "chart", "caption": "A chart" }),
            ),
            set(
                "/more_coverage",
                json!({ "label": "Archive", "url": "mailto:desk@example.org" }),
            ),
            set(
                "/notices/-",
                json!({ "kind": "editors-note", "text": "Note.", "links": [] }),
            ),
            set("/canonical_url", json!("https://example.org/a/folio-test")),
            set("/rights", json!("Text: Folio.")),
            set(
                "/integrity",
                json!({ "sha256": { "body.md": "a".repeat(64) }, "signature": { "alg": "none", "sig": [1, 2] } }),
            ),
        ],
    )
}

#[rstest]
#[case::small(manifest())]
#[case::every_field(full_manifest())]
#[case::seed(serde_json::from_str(include_str!("../../../public/bundles/us-officials-meet-russian-dissidents/bundle.json")).unwrap())]
fn a_read_manifest_written_back_reads_the_same(#[case] json: Value) {
    let mut report = Report::default();
    let first = read_manifest(&serde_json::to_vec(&json).unwrap(), &mut report)
        .unwrap_or_else(|| panic!("{report}"));
    let written = serde_json::to_vec(&first).unwrap();
    let again = read_manifest(&written, &mut report).unwrap_or_else(|| panic!("{report}"));
    assert!(report.diagnostics.is_empty(), "{report}");
    assert_eq!(again, first);
    // Writing is stable too: the second writing is the same bytes.
    assert_eq!(serde_json::to_vec(&again).unwrap(), written);
}

#[test]
fn the_round_trip_keeps_normalised_paths_and_times() {
    let mut report = Report::default();
    let m = read_manifest(&serde_json::to_vec(&full_manifest()).unwrap(), &mut report).unwrap();
    assert_eq!(m.media[0].sources[0].src, "media/lead-2x.png");
    assert_eq!(m.published.to_string(), "2024-05-01T09:30:00+02:00");
    assert_eq!(m.updated.unwrap().to_string(), "2024-05-02T00:00:00Z");
    let written: Value = serde_json::to_value(&m).unwrap();
    assert_eq!(written["format_version"], "1.3");
    assert_eq!(written["direction"], "rtl");
    assert_eq!(written["integrity"]["signature"]["sig"], json!([1, 2]));
}

/// A small valid catalog of two bundles.
fn catalog() -> Value {
    json!({
        "format_version": "1.0",
        "bundles": [
            {
                "id": "first-story",
                "path": "bundles/first-story/",
                "headline": "First Story",
                "summary": "The first one.",
                "published": "2024-05-01",
                "language": "en",
                "thumbnail": { "src": "bundles/first-story/media/thumb.png", "alt": "A thumbnail", "width": 4, "height": 3 }
            },
            {
                "id": "second-story",
                "path": "bundles/second-story/",
                "headline": "Second Story",
                "published": "2024-05-03T08:00:00Z",
                "language": "ru",
                "direction": "ltr"
            }
        ]
    })
}

fn read_catalog_edited(edits: Vec<Edit>) -> (Option<folio_bundle::Catalog>, Report) {
    let mut report = Report::default();
    let bytes = serde_json::to_vec(&apply(catalog(), edits)).unwrap();
    let catalog = read_catalog(&bytes, &mut report);
    (catalog, report)
}

#[rstest]
#[case::missing_version(Rule::Missing, vec![remove("/format_version")], "format_version",
    "index.json: format_version: missing (such as \"1.0\")")]
#[case::newer_version(Rule::UnsupportedVersion, vec![set("/format_version", json!("2.0"))], "format_version",
    "index.json: format_version: catalog format \"2.0\" is not one this reader understands (1.x)")]
#[case::version_zero(Rule::UnsupportedVersion, vec![set("/format_version", json!("0.1"))], "format_version",
    "index.json: format_version: catalog format \"0.1\" is not one this reader understands (1.x)")]
#[case::wrong_type_list(Rule::WrongType, vec![set("/bundles", json!({ "first-story": {} }))], "bundles",
    "index.json: bundles: expected a list, found an object")]
#[case::wrong_type_entry(Rule::WrongType, vec![set("/bundles/1", json!("second-story"))], "bundles[1]",
    "index.json: bundles[1]: expected an object, found a string")]
#[case::too_many_entries(Rule::TooLarge, vec![set("/bundles", many(5001, json!({})))], "bundles",
    "index.json: bundles: 5001 items, more than the 5000 allowed")]
#[case::missing_headline(Rule::Missing, vec![remove("/bundles/1/headline")], "bundles[1].headline",
    "index.json: bundles[1].headline: missing (shown on the card)")]
#[case::bad_id(Rule::BadValue, vec![set("/bundles/0/id", json!("First Story"))], "bundles[0].id",
    "index.json: bundles[0].id: \"First Story\" is not an id")]
#[case::bad_language(Rule::BadValue, vec![set("/bundles/0/language", json!("e"))], "bundles[0].language",
    "index.json: bundles[0].language: \"e\" is not a language tag")]
#[case::bad_direction(Rule::BadValue, vec![set("/bundles/1/direction", json!("upwards"))], "bundles[1].direction",
    "index.json: bundles[1].direction: \"upwards\" is not one of ltr, rtl, auto")]
#[case::bad_thumbnail_size(Rule::BadValue, vec![set("/bundles/0/thumbnail/width", json!(100_000))], "bundles[0].thumbnail.width",
    "index.json: bundles[0].thumbnail.width: must be between 1 and 16384")]
#[case::bad_date(Rule::BadDate, vec![set("/bundles/0/published", json!("May 1"))], "bundles[0].published",
    "index.json: bundles[0].published: \"May 1\": expected a date like 2007-10-13 or 2007-10-13T14:05:00+04:00")]
#[case::duplicate_id(Rule::DuplicateId, vec![set("/bundles/1/id", json!("first-story"))], "bundles[1].id",
    "index.json: bundles[1].id: \"first-story\" is listed twice")]
#[case::duplicate_id_after_a_broken_entry(Rule::DuplicateId,
    vec![remove("/bundles/0/headline"), set("/bundles/-", json!({ "id": "second-story", "path": "b/", "headline": "Again", "published": "2024-01-01", "language": "en" }))],
    "bundles[2].id", "index.json: bundles[2].id: \"second-story\" is listed twice")]
#[case::missing_alt(Rule::MissingAlt, vec![remove("/bundles/0/thumbnail/alt")], "bundles[0].thumbnail.alt",
    "index.json: bundles[0].thumbnail.alt: missing (every image needs alternative text)")]
#[case::path_escapes(Rule::UnsafeUrl, vec![set("/bundles/0/path", json!("../elsewhere/"))], "bundles[0].path",
    "index.json: bundles[0].path: \"../elsewhere/\" is not a relative path below the catalog")]
#[case::path_elsewhere(Rule::UnsafeUrl, vec![set("/bundles/0/path", json!("https://bundles.example.org/story/"))], "bundles[0].path",
    "index.json: bundles[0].path: \"https://bundles.example.org/story/\" is not a relative path below the catalog")]
#[case::thumbnail_script(Rule::UnsafeUrl, vec![set("/bundles/0/thumbnail/src", json!("javascript:alert(1)"))], "bundles[0].thumbnail.src",
    "index.json: bundles[0].thumbnail.src: \"javascript:alert(1)\" is not a relative path below the catalog")]
fn each_catalog_rule_names_its_path_and_problem(
    #[case] rule: Rule,
    #[case] edits: Vec<Edit>,
    #[case] path: &str,
    #[case] shown: &str,
) {
    let (catalog, report) = read_catalog_edited(edits);
    assert!(catalog.is_none(), "every catalog rule is an error");
    let found = of_rule(&report, rule);
    assert_eq!(found.len(), 1, "one {rule:?} expected:\n{report}");
    assert_eq!(
        (found[0].file.as_str(), found[0].path.as_str()),
        ("index.json", path)
    );
    assert_eq!(found[0].to_string(), shown);
}

#[rstest]
#[case::syntax(&b"{\"bundles\": ["[..], Rule::Syntax, "index.json: line 1, column 13: the file ends too early (EOF while parsing a list at line 1 column 13)")]
#[case::not_an_object(&b"[]"[..], Rule::WrongType, "index.json: expected a JSON object, found a list")]
fn a_catalog_that_is_not_json_or_not_an_object_is_refused(
    #[case] bytes: &[u8],
    #[case] rule: Rule,
    #[case] shown: &str,
) {
    let mut report = Report::default();
    assert!(read_catalog(bytes, &mut report).is_none());
    assert_eq!(report.diagnostics.len(), 1, "{report}");
    assert_eq!(report.diagnostics[0].rule, rule);
    assert_eq!(report.diagnostics[0].to_string(), shown);
}

#[test]
fn a_catalog_that_is_too_large_is_refused_before_parsing() {
    let mut report = Report::default();
    let bytes = vec![b' '; 1024 * 1024 + 1];
    assert!(read_catalog(&bytes, &mut report).is_none());
    assert_eq!(
        report.diagnostics[0].to_string(),
        "index.json: 1048577 bytes, more than the 1048576 allowed"
    );
    assert_eq!(report.diagnostics[0].rule, Rule::TooLarge);
}

#[test]
fn the_valid_catalog_reads_newest_first_and_finds_entries() {
    let (catalog, report) = read_catalog_edited(vec![]);
    assert!(report.diagnostics.is_empty(), "{report}");
    let catalog = catalog.unwrap();
    let order: Vec<&str> = catalog
        .newest_first()
        .iter()
        .map(|e| e.id.as_str())
        .collect();
    assert_eq!(order, ["second-story", "first-story"]);
    let first = catalog.entry("first-story").unwrap();
    assert_eq!(first.summary, "The first one.");
    assert_eq!(first.thumbnail.as_ref().unwrap().alt, "A thumbnail");
    assert_eq!(catalog.entry("second-story").unwrap().summary, "");
    assert!(catalog.entry("third-story").is_none());
}

#[test]
fn a_catalog_ignores_unknown_fields_and_reports_every_problem_at_once() {
    let (catalog, report) = read_catalog_edited(vec![
        set("/publisher", json!({ "name": "Folio" })),
        set("/bundles/0/priority", json!(1)),
    ]);
    assert!(report.diagnostics.is_empty(), "{report}");
    assert!(catalog.is_some());

    let (catalog, report) = read_catalog_edited(vec![
        remove("/bundles/0/headline"),
        set("/bundles/0/published", json!("soon")),
        set("/bundles/1/path", json!("/root/")),
        remove("/bundles/1/language"),
    ]);
    assert!(catalog.is_none());
    assert_eq!(
        rules_and_paths(&report),
        [
            (Rule::Missing, "bundles[0].headline".to_owned()),
            (Rule::BadDate, "bundles[0].published".to_owned()),
            (Rule::UnsafeUrl, "bundles[1].path".to_owned()),
            (Rule::Missing, "bundles[1].language".to_owned()),
        ]
    );
}
