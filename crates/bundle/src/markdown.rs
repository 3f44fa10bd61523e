//! Markdown to a typed [`Document`]: pulldown-cmark's events, adapted by small filters,
//! walked once into blocks, then enriched. Raw HTML never becomes markup.

mod budget;
mod walker;

use pulldown_cmark::{Event, Options, Parser};

use crate::diagnostic::{Diagnostic, Report, Rule};
use crate::document::{Document, Scope};
use crate::enrich;
use crate::pause::{self, no_pause, Waiting};

/// The Markdown extensions a bundle may use, on top of CommonMark.
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
}

/// Parses `text`, named `file` in messages, into an enriched document.
///
/// Problems (refused links, raw HTML, over-deep nesting) are added to `report`;
/// parsing itself never fails, so a reader always gets the text.
pub fn parse(file: &str, text: &str, report: &mut Report) -> Document {
    parse_in(Scope::body(), file, text, report)
}

/// [`parse`] for a text of the article other than its body, such as a sidebar's teaser,
/// whose element ids are made in `scope`.
pub fn parse_in(scope: Scope, file: &str, text: &str, report: &mut Report) -> Document {
    pause::at_once(parse_in_steps(scope, file, text, report, &mut no_pause))
}

/// [`parse_in`] in steps, awaiting `pause` now and then while it walks the text and between
/// the enrichment passes (`crate::pause`).
pub async fn parse_in_steps(
    scope: Scope,
    file: &str,
    text: &str,
    report: &mut Report,
    pause: &mut dyn FnMut() -> Waiting,
) -> Document {
    if let Err(message) = budget::check_tables(text) {
        report.push(Diagnostic::new(Rule::TooLarge, file, "", message));
        return Document {
            scope,
            ..Document::default()
        };
    }
    let lines = LineIndex::new(text);
    let events = Parser::new_ext(text, options())
        .into_offset_iter()
        .filter(|(event, _)| !is_html_comment(event))
        .map(|(event, range)| (event, lines.line_of(range.start)));
    let document = walker::walk(file, events, report, pause).await;
    enrich::run_in_steps(file, scope, document, report, pause).await
}

/// Whether an event is an HTML comment, which is dropped: it was never meant to be seen.
fn is_html_comment(event: &Event<'_>) -> bool {
    match event {
        Event::Html(html) | Event::InlineHtml(html) => is_comment(html),
        _ => false,
    }
}

/// Whether `html` is only comments and white space. `<!-- a --> <b>x</b> <!-- b -->` is not:
/// the HTML between the comments is shown as text like any other.
pub(crate) fn is_comment(html: &str) -> bool {
    let mut rest = html.trim_start();
    if rest.is_empty() {
        return false;
    }
    while !rest.is_empty() {
        let Some(body) = rest.strip_prefix("<!--") else {
            return false;
        };
        // `<!-->` and `<!--->` are complete, empty comments.
        let end = if body.starts_with('>') {
            1
        } else if body.starts_with("->") {
            2
        } else if let Some(close) = body.find("-->") {
            close + 3
        } else {
            return false;
        };
        rest = body[end..].trim_start();
    }
    true
}

/// Adds a Markdown problem at `line` of `file`; line 0 means the whole file.
pub(crate) fn warn(
    report: &mut Report,
    rule: Rule,
    file: &str,
    line: usize,
    message: impl Into<String>,
) {
    let place = if line == 0 {
        String::new()
    } else {
        format!("line {line}")
    };
    report.push(Diagnostic::new(rule, file, place, message));
}

/// Finds the 1-based line of a byte offset.
struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    fn new(text: &str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Self { starts }
    }

    fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset)
    }
}
