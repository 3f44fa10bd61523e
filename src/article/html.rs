//! The article's static blocks written as one HTML string, for the browser to parse in one
//! go instead of building them node by node (ADR 008, "Slices as HTML"): the same elements,
//! attributes and words as the components in [`super::blocks`] and [`super::inlines`], which
//! a native test holds them to. Only content Folio produced goes through here: every text
//! and attribute value is escaped, and every link has passed the bundle crate's allow-list
//! (ADR 004). Blocks with a live part (a figure, whose picture may fail; a table, which
//! watches its width) are left to their components.

use std::fmt::Write;

use folio_bundle::{Block, Footnote, Inline, LinkTarget, ListItem, Scope};
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
                let _ = write!(self.out, "<h{rank} id=\"");
                push_escaped(&mut self.out, id, true);
                self.out.push_str("\">");
                self.inlines(content);
                let _ = write!(self.out, "</h{rank}>");
            }
            Block::Paragraph { id, content } => {
                self.out.push_str("<p id=\"");
                push_escaped(&mut self.out, id, true);
                self.out.push_str("\">");
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

    fn inlines(&mut self, list: &[Inline]) {
        for item in list {
            self.inline(item);
        }
    }

    /// Writes one inline, as [`super::inlines::inline`] renders it.
    fn inline(&mut self, item: &Inline) {
        match item {
            Inline::Text(text) => push_text(&mut self.out, text),
            Inline::Emphasis(c) => self.wrapped("em", c),
            Inline::Strong(c) => self.wrapped("strong", c),
            Inline::Strikethrough(c) => self.wrapped("s", c),
            Inline::Code(code) => {
                self.out.push_str("<code>");
                push_text(&mut self.out, code);
                self.out.push_str("</code>");
            }
            Inline::Link {
                target,
                title,
                content,
            } => self.link(target, title, content),
            Inline::Image { target, title, alt } => self.image(target, title, alt),
            Inline::FootnoteRef {
                label,
                number: Some(n),
                first,
            } => {
                let n = *n;
                self.out.push_str("<sup class=\"footnote-ref\"><a");
                self.attribute("href", &format!("#{}", self.scope.note_id(n)));
                self.out.push_str(" target=\"_self\"");
                if *first {
                    self.attribute("id", &self.scope.reference_id(n));
                }
                let label_words = self
                    .interface
                    .say_with(Phrase::Footnote, &[("number", (n as i64).into())]);
                self.labelled(&label_words);
                self.attribute("data-label", label);
                let _ = write!(self.out, ">{n}</a></sup>");
            }
            Inline::FootnoteRef {
                label,
                number: None,
                ..
            } => {
                self.out.push_str("[^");
                push_text(&mut self.out, label);
                self.out.push(']');
            }
            Inline::SoftBreak => self.out.push(' '),
            Inline::HardBreak => self.out.push_str("<br>"),
            Inline::RawHtml(html) => {
                self.out.push_str("<code class=\"raw-html\">");
                push_text(&mut self.out, html);
                self.out.push_str("</code>");
            }
        }
    }

    fn wrapped(&mut self, tag: &str, content: &[Inline]) {
        let _ = write!(self.out, "<{tag}>");
        self.inlines(content);
        let _ = write!(self.out, "</{tag}>");
    }

    /// As [`super::inlines::link`].
    fn link(&mut self, target: &LinkTarget, title: &str, content: &[Inline]) {
        let (tag, href, rest) = match target {
            LinkTarget::External(url) => (
                "a",
                Some(url.clone()),
                " target=\"_blank\" rel=\"noopener noreferrer\"",
            ),
            LinkTarget::Bundle(path) => ("a", Some(self.article.file_url(path)), " download=\"\""),
            LinkTarget::Anchor(id) => ("a", Some(format!("#{id}")), " target=\"_self\""),
            LinkTarget::Media(id) => {
                let href = self
                    .article
                    .media(id)
                    .map(|m| self.article.file_url(&m.src));
                ("a", href, " download=\"\"")
            }
            LinkTarget::Article(id) => ("a", Some(self.site.article_href(id)), ""),
            LinkTarget::Nowhere => {
                self.out.push_str("<span class=\"link-none\">");
                self.inlines(content);
                self.out.push_str("</span>");
                return;
            }
            LinkTarget::Refused { .. } => {
                self.out.push_str("<span class=\"link-refused\">");
                self.inlines(content);
                self.out.push_str("</span>");
                return;
            }
        };
        let _ = write!(self.out, "<{tag}");
        if let Some(href) = href {
            self.attribute("href", &href);
        }
        if !title.is_empty() {
            self.attribute("title", title);
        }
        self.out.push_str(rest);
        self.out.push('>');
        self.inlines(content);
        if matches!(target, LinkTarget::External(_)) {
            self.out.push_str("<span");
            if let Some(lang) = self.interface.lang {
                self.attribute("lang", lang);
            }
            self.out.push_str(" class=\"visually-hidden\"> ");
            push_text(&mut self.out, &self.new_tab);
            self.out.push_str("</span>");
        }
        let _ = write!(self.out, "</{tag}>");
    }

    /// As the components' inline image: a picture of the bundle's own, or its words.
    fn image(&mut self, target: &LinkTarget, title: &str, alt: &[Inline]) {
        let alt_text = folio_bundle::document::plain_text(alt);
        let manifest = &self.article.article.manifest;
        let media = match target {
            LinkTarget::Media(id) => manifest.media(id),
            LinkTarget::Bundle(path) => manifest.media.iter().find(|m| &m.src == path),
            _ => None,
        };
        match media {
            Some(m) => {
                let (src, width, height) = (self.article.file_url(&m.src), m.width, m.height);
                self.out.push_str("<img");
                self.attribute("src", &src);
                self.attribute("alt", &alt_text);
                if !title.is_empty() {
                    self.attribute("title", title);
                }
                let _ = write!(
                    self.out,
                    " width=\"{width}\" height=\"{height}\" loading=\"lazy\" decoding=\"async\" class=\"inline-image\">"
                );
            }
            None => {
                self.out.push_str("<span class=\"image-withheld\">[Image: ");
                push_text(&mut self.out, &alt_text);
                self.out.push_str("]</span>");
            }
        }
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

#[cfg(all(test, feature = "ssr"))]
mod tests;
