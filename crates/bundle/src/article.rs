//! An article: a manifest whose Markdown is parsed and whose references all resolve.

use std::collections::HashSet;

use serde::Serialize;

use crate::diagnostic::{Diagnostic, Report, Rule};
use crate::document::{Block, Document, Inline};
use crate::limits;
use crate::manifest::{self, Manifest};
use crate::markdown;
use crate::url::LinkTarget;

/// A bundle ready to render: its manifest and every Markdown text parsed.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Article {
    /// The manifest.
    pub manifest: Manifest,
    /// The body.
    pub body: Document,
    /// Each sidebar's teaser, in the order of `manifest.sidebars`.
    pub teasers: Vec<Document>,
    /// Each notice's text, in the order of `manifest.notices`.
    pub notices: Vec<Document>,
}

impl Article {
    /// Parses the body (the bytes of the file `manifest.body` names) and the Markdown inside
    /// the manifest, then checks every media reference. `None` when there are errors;
    /// every problem is in `report` either way.
    pub fn assemble(manifest: Manifest, body: &[u8], report: &mut Report) -> Option<Article> {
        let before = report.errors().count();
        let body = markdown_file(&manifest.body, body, report);
        let teasers = manifest
            .sidebars
            .iter()
            .enumerate()
            .map(|(i, s)| inline_markdown(&format!("sidebars[{i}].teaser"), &s.teaser, report))
            .collect();
        let notices = manifest
            .notices
            .iter()
            .enumerate()
            .map(|(i, n)| inline_markdown(&format!("notices[{i}].text"), &n.text, report))
            .collect();
        let article = Article {
            manifest,
            body: body?,
            teasers,
            notices,
        };
        check_media_references(&article, report);
        (report.errors().count() == before).then_some(article)
    }

    /// Reading time of the body, in whole minutes.
    pub fn reading_minutes(&self) -> usize {
        self.body.reading_minutes()
    }
}

/// Reads a Markdown file of the bundle, checking its size and encoding.
fn markdown_file(file: &str, bytes: &[u8], report: &mut Report) -> Option<Document> {
    if bytes.len() > limits::MARKDOWN_FILE_BYTES {
        let msg = format!(
            "{} bytes, more than the {} allowed",
            bytes.len(),
            limits::MARKDOWN_FILE_BYTES
        );
        report.push(Diagnostic::new(Rule::TooLarge, file, "", msg));
        return None;
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Some(markdown::parse(file, text, report)),
        Err(e) => {
            let msg = format!(
                "not UTF-8 text (invalid byte at offset {})",
                e.valid_up_to()
            );
            report.push(Diagnostic::new(Rule::Syntax, file, "", msg));
            None
        }
    }
}

/// Parses Markdown written inside the manifest, placing its problems at `path` in it.
fn inline_markdown(path: &str, text: &str, report: &mut Report) -> Document {
    let mut own = Report::default();
    let doc = markdown::parse(manifest::FILE, text, &mut own);
    for mut d in own.diagnostics {
        d.path = if d.path.is_empty() {
            path.to_owned()
        } else {
            format!("{path} ({})", d.path)
        };
        report.push(d);
    }
    doc
}

/// Every image target and figure media id the Markdown names.
fn markdown_media<'a>(
    doc: &'a Document,
    out: &mut Vec<&'a LinkTarget>,
    figures: &mut Vec<&'a str>,
) {
    fn inlines<'a>(list: &'a [Inline], out: &mut Vec<&'a LinkTarget>) {
        for i in list {
            match i {
                Inline::Image { target, alt, .. } => {
                    out.push(target);
                    inlines(alt, out);
                }
                Inline::Emphasis(c) | Inline::Strong(c) | Inline::Strikethrough(c) => {
                    inlines(c, out)
                }
                Inline::Link { content, .. } => inlines(content, out),
                _ => {}
            }
        }
    }
    fn blocks<'a>(list: &'a [Block], out: &mut Vec<&'a LinkTarget>, figures: &mut Vec<&'a str>) {
        for b in list {
            match b {
                Block::Figure { media, caption } => {
                    figures.push(media);
                    inlines(caption, out);
                }
                Block::Paragraph(i) | Block::Heading { content: i, .. } => inlines(i, out),
                Block::Quote(inner) => blocks(inner, out, figures),
                Block::List { items, .. } => {
                    items.iter().for_each(|it| blocks(&it.blocks, out, figures))
                }
                Block::Table { head, rows, .. } => head
                    .iter()
                    .chain(rows.iter().flatten())
                    .for_each(|c| inlines(c, out)),
                Block::Code { .. }
                | Block::Rule
                | Block::RawHtml(_)
                | Block::Unsupported { .. } => {}
            }
        }
    }
    blocks(&doc.blocks, out, figures);
    doc.footnotes
        .iter()
        .for_each(|n| blocks(&n.blocks, out, figures));
}

/// Errors for media named but never declared; warnings for media declared but never shown.
fn check_media_references(article: &Article, report: &mut Report) {
    let m = &article.manifest;
    let declared: HashSet<&str> = m.media.iter().map(|x| x.id.as_str()).collect();
    let mut used: HashSet<String> = HashSet::new();
    let mut need = |file: &str, path: String, id: &str, report: &mut Report| {
        if declared.contains(id) {
            used.insert(id.to_owned());
        } else {
            report.push(Diagnostic::new(
                Rule::UndeclaredMedia,
                file,
                path,
                format!("media {id:?} is not declared in bundle.json's media list"),
            ));
        }
    };
    if let Some(lead) = &m.lead {
        need(manifest::FILE, "lead.media".into(), &lead.media, report);
    }
    for (i, s) in m.sidebars.iter().enumerate() {
        if let Some(f) = &s.figure {
            need(
                manifest::FILE,
                format!("sidebars[{i}].figure.media"),
                &f.media,
                report,
            );
        }
    }
    let docs = std::iter::once((m.body.as_str(), String::new(), &article.body))
        .chain(
            article
                .teasers
                .iter()
                .enumerate()
                .map(|(i, d)| (manifest::FILE, format!("sidebars[{i}].teaser"), d)),
        )
        .chain(
            article
                .notices
                .iter()
                .enumerate()
                .map(|(i, d)| (manifest::FILE, format!("notices[{i}].text"), d)),
        );
    for (file, path, doc) in docs {
        let (mut images, mut figures) = (Vec::new(), Vec::new());
        markdown_media(doc, &mut images, &mut figures);
        for id in figures {
            need(file, path.clone(), id, report);
        }
        for target in images {
            match target {
                LinkTarget::Media(id) => need(file, path.clone(), id, report),
                LinkTarget::Bundle(src) => match m.media.iter().find(|x| &x.src == src) {
                    Some(x) => need(file, path.clone(), &x.id, report),
                    None => report.push(Diagnostic::new(
                        Rule::UndeclaredMedia,
                        file,
                        path.clone(),
                        format!("image {src:?} is not declared in bundle.json's media list"),
                    )),
                },
                _ => {}
            }
        }
    }
    for (i, x) in m.media.iter().enumerate() {
        if !used.contains(x.id.as_str()) {
            report.push(Diagnostic::new(
                Rule::UnusedMedia,
                manifest::FILE,
                format!("media[{i}]"),
                format!("{:?} is declared but never shown", x.id),
            ));
        }
    }
}
