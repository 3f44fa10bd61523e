//! Text-level content written as HTML: one arm per [`Inline`] kind, as
//! [`crate::article::inlines`] renders it.

use std::fmt::Write;

use folio_bundle::{Inline, LinkTarget};

use super::{push_text, HtmlWriter};
use crate::interface::Phrase;

impl HtmlWriter {
    pub(super) fn inlines(&mut self, list: &[Inline]) {
        for item in list {
            self.inline(item);
        }
    }

    /// Writes one inline, as [`crate::article::inlines::inline`] renders it.
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

    /// As [`crate::article::inlines::link`].
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
}
