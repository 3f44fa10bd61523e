//! The article's static blocks written as one HTML string, for the browser to parse in one
//! go instead of building them node by node (ADR 008, "Slices as HTML"): the same elements,
//! attributes and words as the components in [`super::blocks`] and [`super::inlines`], which
//! a native test holds them to. Only content Folio produced goes through here: every text
//! and attribute value is escaped, and every link has passed the bundle crate's allow-list
//! (ADR 004). Blocks with a live part (a figure, whose picture may fail; a table, which
//! watches its width) are left to their components.

use std::fmt::Write;

use folio_bundle::{Block, Footnote, ListItem, Scope};
use leptos::prelude::*;

use crate::interface::{use_interface, Interface, Phrase};
use crate::render_context::{use_site, RenderContext, Site};

/// Text made safe for HTML text and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_escaped(&mut out, text, true);
    out
}

/// Pushes `text` with `&`, `<` and `>` escaped, and `"` too for an attribute's value
/// (text keeps its quotes, as Leptos writes it).
fn push_escaped(out: &mut String, text: &str, quotes: bool) {
    let special: &[char] = if quotes {
        &['&', '<', '>', '"']
    } else {
        &['&', '<', '>']
    };
    let mut rest = text;
    while let Some(at) = rest.find(special) {
        out.push_str(&rest[..at]);
        out.push_str(match rest.as_bytes()[at] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            _ => "&quot;",
        });
        rest = &rest[at + 1..];
    }
    out.push_str(rest);
}

fn push_text(out: &mut String, text: &str) {
    push_escaped(out, text, false);
}

/// A part of a document the writer can write: a block or a footnote.
pub trait Part {
    /// Whether it has no live part, so that it can be written as HTML.
    fn is_static(&self) -> bool;
    /// Writes it.
    fn write(&self, writer: &mut HtmlWriter);
}

impl Part for Block {
    fn is_static(&self) -> bool {
        is_static(self)
    }

    fn write(&self, writer: &mut HtmlWriter) {
        writer.block(self);
    }
}

impl Part for Footnote {
    fn is_static(&self) -> bool {
        is_static_note(self)
    }

    fn write(&self, writer: &mut HtmlWriter) {
        writer.footnote(self);
    }
}

/// Whether `block` has no live part, so that it can be written as HTML.
pub fn is_static(block: &Block) -> bool {
    match block {
        Block::Figure { .. } | Block::Table { .. } => false,
        Block::Quote(inner) => inner.iter().all(is_static),
        Block::List { items, .. } => items.iter().all(|i| i.blocks.iter().all(is_static)),
        Block::Heading { .. }
        | Block::Paragraph { .. }
        | Block::Code { .. }
        | Block::Rule
        | Block::RawHtml(_)
        | Block::Unsupported { .. } => true,
    }
}

/// Whether a footnote can be written as HTML.
pub fn is_static_note(note: &Footnote) -> bool {
    note.blocks.iter().all(is_static)
}

/// Writes blocks and footnotes as HTML, with what the components read from the context:
/// the document's scope, the article and its folder, the site, and the interface's words.
pub struct HtmlWriter {
    scope: Scope,
    article: RenderContext,
    site: Site,
    interface: Interface,
    /// The words of an external link's hidden note, said once.
    new_tab: String,
    out: String,
}

impl HtmlWriter {
    /// A writer for the document being rendered; `None` outside an article.
    pub fn from_context() -> Option<HtmlWriter> {
        let article = use_context::<RenderContext>()?;
        let interface = use_interface();
        Some(HtmlWriter {
            scope: use_context::<Scope>().unwrap_or_default(),
            article,
            site: use_site(),
            new_tab: interface.say(Phrase::OpensInNewTab),
            interface,
            out: String::new(),
        })
    }

    /// What has been written since the last call, leaving the writer empty.
    pub fn take(&mut self) -> String {
        std::mem::take(&mut self.out)
    }

    /// Writes one block, as [`super::blocks::block`] renders it.
    pub fn block(&mut self, block: &Block) {
        match block {
            Block::Heading {
                rank, id, content, ..
            } => {
                let rank = if (2..=5).contains(rank) { *rank } else { 6 };
                let _ = write!(self.out, "<h{rank}");
                self.attribute("id", id);
                self.out.push('>');
                self.inlines(content);
                let _ = write!(self.out, "</h{rank}>");
            }
            Block::Paragraph { id, content } => {
                self.out.push_str("<p");
                self.attribute("id", id);
                self.out.push('>');
                self.inlines(content);
                self.out.push_str("</p>");
            }
            Block::List {
                start,
                tight,
                items,
            } => self.list(*start, *tight, items),
            Block::Quote(inner) => {
                self.out.push_str("<blockquote>");
                self.blocks(inner);
                self.out.push_str("</blockquote>");
            }
            Block::Code { language, text } => {
                self.out
                    .push_str("<pre tabindex=\"0\" class=\"code\"><code");
                if let Some(language) = language {
                    self.attribute("data-language", language);
                }
                self.out.push('>');
                push_text(&mut self.out, text);
                self.out.push_str("</code></pre>");
            }
            Block::Rule => self.out.push_str("<hr>"),
            Block::RawHtml(html) => {
                self.out.push_str("<pre");
                self.folio_words(Phrase::UnrenderedHtml);
                self.out.push_str(" class=\"raw-html\">");
                push_text(&mut self.out, html);
                self.out.push_str("</pre>");
            }
            Block::Unsupported { what, text } => {
                self.out.push_str("<p");
                self.attribute("data-kind", what);
                self.out.push_str(" class=\"unsupported\">");
                push_text(&mut self.out, text);
                self.out.push_str("</p>");
            }
            // Not static: [`is_static`] keeps them out, and their components render them.
            Block::Figure { .. } | Block::Table { .. } => {}
        }
    }

    /// Writes blocks one after the other.
    pub fn blocks(&mut self, list: &[Block]) {
        for block in list {
            self.block(block);
        }
    }

    /// Writes one footnote, as [`super::blocks::footnote`] renders it.
    pub fn footnote(&mut self, note: &Footnote) {
        let n = note.number;
        self.out.push_str("<li");
        self.attribute("id", &self.scope.note_id(n));
        let _ = write!(self.out, " value=\"{n}\">");
        self.blocks(&note.blocks);
        self.out.push_str("<a");
        self.attribute("href", &format!("#{}", self.scope.reference_id(n)));
        self.out.push_str(" target=\"_self\"");
        let label = self
            .interface
            .say_with(Phrase::BackToReference, &[("number", (n as i64).into())]);
        self.labelled(&label);
        self.out.push_str(" class=\"footnote-back\">↩</a></li>");
    }

    fn list(&mut self, start: Option<u64>, tight: bool, items: &[ListItem]) {
        let tag = if start.is_some() { "ol" } else { "ul" };
        let _ = write!(self.out, "<{tag}");
        if let Some(n) = start {
            let _ = write!(self.out, " start=\"{n}\"");
        }
        self.out
            .push_str(if tight { " class=\"tight\">" } else { ">" });
        for item in items {
            match item.task {
                Some(done) => {
                    self.out.push_str(if done {
                        "<li class=\"task task--done\"><input type=\"checkbox\" disabled checked"
                    } else {
                        "<li class=\"task\"><input type=\"checkbox\" disabled"
                    });
                    self.folio_words(if done { Phrase::Done } else { Phrase::NotDone });
                    self.out.push_str("> ");
                }
                None => self.out.push_str("<li>"),
            }
            self.blocks(&item.blocks);
            self.out.push_str("</li>");
        }
        let _ = write!(self.out, "</{tag}>");
    }

    /// ` aria-label="…"` in Folio's words, with their `lang` where it differs.
    fn folio_words(&mut self, phrase: Phrase) {
        let words = self.interface.say(phrase);
        self.labelled(&words);
    }

    fn labelled(&mut self, label: &str) {
        self.attribute("aria-label", label);
        if let Some(lang) = self.interface.lang {
            self.attribute("lang", lang);
        }
    }

    fn attribute(&mut self, name: &str, value: &str) {
        let _ = write!(self.out, " {name}=\"");
        push_escaped(&mut self.out, value, true);
        self.out.push('"');
    }
}

mod inlines;
#[cfg(all(test, feature = "ssr"))]
mod tests;
