//! The one walker from pulldown-cmark events to blocks, with an explicit stack so that
//! input nested 100,000 levels deep cannot overflow the call stack.
//!
//! This file holds the walk and the dispatch of each event; [`frame`](mod@frame) holds the
//! stack's frames and the depth cap, [`open`] the start tags and [`close`] the end tags.

mod close;
mod frame;
mod open;

use pulldown_cmark::{CowStr, Event, TagEnd};

use crate::diagnostic::{Diagnostic, Report, Rule};
use crate::document::{Block, Document, Footnote, Inline};
use crate::markdown::warn;
use crate::pause::{Waiting, EVENTS_PER_PAUSE};

use frame::{flush_paragraph, frame, Frame, Kind};

use super::budget::Budget;

/// The walk's state: the stack of open containers, and what lands outside them.
struct Walker<'r> {
    file: &'r str,
    report: &'r mut Report,
    stack: Vec<Frame>,
    footnotes: Vec<Footnote>,
    warned_depth: bool,
}

/// Walks `events`, each with its line number, into a document (not yet enriched),
/// awaiting `pause` after every [`EVENTS_PER_PAUSE`] events.
pub(super) async fn walk<'e>(
    file: &str,
    events: impl Iterator<Item = (Event<'e>, usize)>,
    report: &mut Report,
    pause: &mut dyn FnMut() -> Waiting,
) -> Document {
    let mut w = Walker {
        file,
        report,
        stack: vec![frame(Kind::Root)],
        footnotes: Vec::new(),
        warned_depth: false,
    };
    let mut budget = Budget::default();
    for (n, (event, line)) in events.enumerate() {
        if n % EVENTS_PER_PAUSE == EVENTS_PER_PAUSE - 1 {
            pause().await;
        }
        if let Err(message) = budget.spend(&event) {
            // Stop here: what was walked is dropped with the error, and nothing more is made.
            w.report.push(Diagnostic::new(
                Rule::TooLarge,
                file,
                format!("line {line}"),
                message,
            ));
            return Document::default();
        }
        w.event(event, line);
    }
    // Close anything left open, then the root.
    while w.stack.len() > 1 {
        w.close();
    }
    let mut root = w.stack.pop().unwrap_or_else(|| frame(Kind::Root));
    flush_paragraph(&mut root);
    Document {
        blocks: root.blocks,
        footnotes: w.footnotes,
        ..Document::default()
    }
}

impl Walker<'_> {
    fn top(&mut self) -> &mut Frame {
        let last = self.stack.len() - 1;
        &mut self.stack[last]
    }

    fn event(&mut self, event: Event<'_>, line: usize) {
        match event {
            Event::Start(tag) => self.start(tag, line),
            Event::End(end) => self.end(end),
            Event::Text(text) => self.text(text),
            Event::Code(code) => self.push_inline(Inline::Code(code.into_string())),
            Event::InlineMath(math) => self.push_inline(Inline::Code(math.into_string())),
            Event::DisplayMath(math) => self.push_block(Block::Code {
                language: Some("math".into()),
                text: math.into_string(),
            }),
            Event::Html(html) => self.raw_html(html, line, false),
            Event::InlineHtml(html) => self.raw_html(html, line, true),
            Event::FootnoteReference(label) => self.push_inline(Inline::FootnoteRef {
                label: label.into_string(),
                number: None,
                first: false,
            }),
            Event::SoftBreak => self.push_inline(Inline::SoftBreak),
            Event::HardBreak => self.push_inline(Inline::HardBreak),
            Event::Rule => self.push_block(Block::Rule),
            Event::TaskListMarker(done) => {
                if let Some(Kind::Item { task, .. }) = self
                    .stack
                    .iter_mut()
                    .rev()
                    .map(|f| &mut f.kind)
                    .find(|k| matches!(k, Kind::Item { .. }))
                {
                    *task = Some(done);
                }
            }
        }
    }

    fn raw_html(&mut self, html: CowStr<'_>, line: usize, inline: bool) {
        if let Kind::Html { text, .. } = &mut self.top().kind {
            text.push_str(&html);
            return;
        }
        self.warn_raw_html(line);
        if inline {
            self.push_inline(Inline::RawHtml(html.into_string()));
        } else {
            self.push_block(Block::RawHtml(html.into_string()));
        }
    }

    fn warn_raw_html(&mut self, line: usize) {
        let msg = "raw HTML is shown as text, never as markup";
        warn(self.report, Rule::RawHtml, self.file, line, msg);
    }

    fn text(&mut self, text: CowStr<'_>) {
        match &mut self.top().kind {
            Kind::Code { text: code, .. } => code.push_str(&text),
            Kind::Html { text: html, .. } => html.push_str(&text),
            _ => {
                if let Some(Inline::Text(last)) = self.top().inlines.last_mut() {
                    last.push_str(&text);
                } else {
                    self.push_inline(Inline::Text(text.into_string()));
                }
            }
        }
    }

    fn end(&mut self, _end: TagEnd) {
        if self.release() {
            return;
        }
        if self.stack.len() > 1 {
            self.close();
        }
    }
}
