//! An article: a manifest whose Markdown is parsed and whose references all resolve.

use std::collections::HashSet;

use serde::Serialize;

use crate::diagnostic::{Diagnostic, Report, Rule};
use crate::document::{plain_text, Block, Document, Inline, Scope};
use crate::limits;
use crate::manifest::{self, Manifest};
use crate::markdown;
use crate::pause::{self, no_pause, Waiting};
use crate::url::LinkTarget;
use crate::visit::{self, With};

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
        pause::at_once(Self::assemble_in_steps(
            manifest,
            body,
            report,
            &mut no_pause,
        ))
    }

    /// [`Article::assemble`] in steps, awaiting `pause` now and then while it reads the body
    /// (`crate::pause`): for a browser, which gives the page a turn there.
    pub async fn assemble_in_steps(
        manifest: Manifest,
        body: &[u8],
        report: &mut Report,
        pause: &mut dyn FnMut() -> Waiting,
    ) -> Option<Article> {
        let before = report.error_count();
        let body = markdown_file(&manifest.body, body, report, pause).await;
        let teasers = manifest
            .sidebars
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let path = format!("sidebars[{i}].teaser");
                inline_markdown(Scope::sidebar(i), &path, &s.teaser, report)
            })
            .collect();
        let notices = manifest
            .notices
            .iter()
            .enumerate()
            .map(|(i, n)| {
                let path = format!("notices[{i}].text");
                inline_markdown(Scope::notice(i), &path, &n.text, report)
            })
            .collect();
        let article = Article {
            manifest,
            body: body?,
            teasers,
            notices,
        };
        check_media_references(&article, report);
        (report.error_count() == before).then_some(article)
    }

    /// What read aloud reads, in order, each with the id of the element that shows it:
    /// the headline, the standfirst and the dateline, then the body's headings and
    /// paragraphs (in lists and quotes too), its footnotes last. Captions, tables and code
    /// are left out: they describe or list what a listener does not see.
    pub fn spoken(&self) -> Vec<Spoken> {
        let m = &self.manifest;
        let mut out: Vec<Spoken> = [
            (HEADLINE_ID, Some(&m.headline)),
            (STANDFIRST_ID, m.standfirst.as_ref()),
            (DATELINE_ID, m.dateline.as_ref()),
        ]
        .into_iter()
        .filter_map(|(id, text)| Spoken::new(id.to_owned(), text?))
        .collect();
        let take = |block: &Block| match block {
            Block::Heading { id, content, .. } | Block::Paragraph { id, content } => {
                out.extend(Spoken::new(id.clone(), &plain_text(content)));
            }
            Block::List { .. }
            | Block::Quote(_)
            | Block::Figure { .. }
            | Block::Table { .. }
            | Block::Code { .. }
            | Block::Rule
            | Block::RawHtml(_)
            | Block::Unsupported { .. } => {}
        };
        // Paragraphs inside figures' captions or table cells do not exist: both hold inlines.
        visit::document(&self.body, &mut With(take, |_: &Inline| {}));
        out
    }

    /// Reading time of the body, in whole minutes.
    pub fn reading_minutes(&self) -> usize {
        self.body.reading_minutes()
    }
}

/// The element id of the headline, the page's one `h1`.
pub const HEADLINE_ID: &str = "folio_headline";
/// The element id of the standfirst.
pub const STANDFIRST_ID: &str = "folio_standfirst";
/// The element id of the dateline.
pub const DATELINE_ID: &str = "folio_dateline";

/// One paragraph read aloud: the id of the element showing it and its words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Spoken {
    /// The element's id.
    pub id: String,
    /// Its text, every run of whitespace one space; never empty.
    pub text: String,
}

impl Spoken {
    /// A paragraph to read, or `None` when it has no words.
    fn new(id: String, text: &str) -> Option<Spoken> {
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        (!text.is_empty()).then_some(Spoken { id, text })
    }
}

/// Reads a Markdown file of the bundle, checking its size and encoding.
async fn markdown_file(
    file: &str,
    bytes: &[u8],
    report: &mut Report,
    pause: &mut dyn FnMut() -> Waiting,
) -> Option<Document> {
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
        Ok(text) => Some(markdown::parse_in_steps(Scope::body(), file, text, report, pause).await),
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

/// Parses Markdown written inside the manifest, its ids made in `scope`, placing its
/// problems at `path` in the manifest.
fn inline_markdown(scope: Scope, path: &str, text: &str, report: &mut Report) -> Document {
    let mut own = Report::default();
    let doc = markdown::parse_in(scope, manifest::FILE, text, &mut own);
    report.absorb(own, |d| {
        d.path = if d.path.is_empty() {
            path.to_owned()
        } else {
            format!("{path} ({})", d.path)
        };
    });
    doc
}

/// Every image target and figure media id the Markdown names.
fn markdown_media<'a>(
    doc: &'a Document,
    out: &mut Vec<&'a LinkTarget>,
    figures: &mut Vec<&'a str>,
) {
    let figure = |block: &'a Block| {
        if let Block::Figure { media, .. } = block {
            figures.push(media.as_str());
        }
    };
    let image = |inline: &'a Inline| {
        if let Inline::Image { target, .. } = inline {
            out.push(target);
        }
    };
    visit::document(doc, &mut With(figure, image));
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
