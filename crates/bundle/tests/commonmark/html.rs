//! Prints a Folio [`Document`] the way CommonMark's reference implementation prints HTML,
//! so that the two can be compared. Folio's deliberate differences are kept: raw HTML is
//! printed escaped, as the text a reader sees, and a refused link or image prints only
//! its words. [`Relax`] lifts those differences one at a time, to show that an excluded
//! example fails for its stated reason and no other.

use folio_bundle::{Alignment, Block, Document, Inline, LinkTarget, Refusal};

/// Which of Folio's safety differences to lift when printing.
#[derive(Clone, Copy, Default)]
pub struct Relax {
    /// Print raw HTML as markup, as the reference does.
    pub raw_html: bool,
    /// Print links and images refused for this reason as links, to the address written.
    pub refusal: Option<Refusal>,
}

/// The whole document, as Folio shows it: its blocks, then its footnotes.
pub fn document(doc: &Document) -> String {
    relaxed(doc, Relax::default())
}

/// The whole document with some of Folio's safety differences lifted.
pub fn relaxed(doc: &Document, relax: Relax) -> String {
    let mut p = Printer {
        out: String::new(),
        relax,
    };
    p.blocks(&doc.blocks, false);
    if !doc.footnotes.is_empty() {
        p.out.push_str("<section class=\"footnotes\">\n<ol>\n");
        for note in &doc.footnotes {
            p.out.push_str(&format!("<li id=\"fn-{}\">\n", note.number));
            p.blocks(&note.blocks, false);
            p.out.push_str("</li>\n");
        }
        p.out.push_str("</ol>\n</section>\n");
    }
    p.out
}

struct Printer {
    out: String,
    relax: Relax,
}

impl Printer {
    /// Blocks in order. In a tight list, paragraphs print without `<p>`.
    fn blocks(&mut self, list: &[Block], tight: bool) {
        for block in list {
            match block {
                Block::Heading { level, content, .. } => {
                    self.out.push_str(&format!("<h{level}>"));
                    self.inlines(content);
                    self.out.push_str(&format!("</h{level}>\n"));
                }
                Block::Paragraph { content, .. } if tight => {
                    self.inlines(content);
                    self.out.push('\n');
                }
                Block::Paragraph { content, .. } => {
                    self.out.push_str("<p>");
                    self.inlines(content);
                    self.out.push_str("</p>\n");
                }
                Block::List {
                    start,
                    tight,
                    items,
                } => {
                    let (open, close) = match start {
                        None => ("<ul>".to_owned(), "</ul>\n"),
                        Some(1) => ("<ol>".to_owned(), "</ol>\n"),
                        Some(n) => (format!("<ol start=\"{n}\">"), "</ol>\n"),
                    };
                    self.out.push_str(&open);
                    self.out.push('\n');
                    for item in items {
                        self.out.push_str("<li>");
                        match item.task {
                            Some(true) => self.out.push_str(
                                "<input checked=\"\" disabled=\"\" type=\"checkbox\" /> ",
                            ),
                            Some(false) => self
                                .out
                                .push_str("<input disabled=\"\" type=\"checkbox\" /> "),
                            None => {}
                        }
                        self.blocks(&item.blocks, *tight);
                        self.out.push_str("</li>\n");
                    }
                    self.out.push_str(close);
                }
                Block::Quote(inner) => {
                    self.out.push_str("<blockquote>\n");
                    self.blocks(inner, false);
                    self.out.push_str("</blockquote>\n");
                }
                Block::Figure { media, caption } => {
                    self.out.push_str(&format!(
                        "<figure data-media=\"{}\"><figcaption>",
                        escape(media)
                    ));
                    self.inlines(caption);
                    self.out.push_str("</figcaption></figure>\n");
                }
                Block::Table {
                    alignments,
                    head,
                    rows,
                } => self.table(alignments, head, rows),
                Block::Code { language, text } => {
                    match language {
                        Some(lang) => self
                            .out
                            .push_str(&format!("<pre><code class=\"language-{}\">", escape(lang))),
                        None => self.out.push_str("<pre><code>"),
                    }
                    self.out.push_str(&escape(text));
                    self.out.push_str("</code></pre>\n");
                }
                Block::Rule => self.out.push_str("<hr />\n"),
                Block::RawHtml(text) if self.relax.raw_html => self.out.push_str(text),
                // Folio shows raw HTML as the text it is.
                Block::RawHtml(text) | Block::Unsupported { text, .. } => {
                    self.out.push_str(&escape(text))
                }
            }
        }
    }

    /// A table, as GitHub-flavoured Markdown prints one.
    fn table(&mut self, alignments: &[Alignment], head: &[Vec<Inline>], rows: &[Vec<Vec<Inline>>]) {
        self.out.push_str("<table>\n<thead>\n");
        self.row(alignments, head, "th");
        self.out.push_str("</thead>\n");
        if !rows.is_empty() {
            self.out.push_str("<tbody>\n");
            for cells in rows {
                self.row(alignments, cells, "td");
            }
            self.out.push_str("</tbody>\n");
        }
        self.out.push_str("</table>\n");
    }

    fn row(&mut self, alignments: &[Alignment], cells: &[Vec<Inline>], tag: &str) {
        self.out.push_str("<tr>\n");
        for (i, cell) in cells.iter().enumerate() {
            let align = match alignments.get(i).copied().unwrap_or(Alignment::None) {
                Alignment::None => "",
                Alignment::Left => " align=\"left\"",
                Alignment::Center => " align=\"center\"",
                Alignment::Right => " align=\"right\"",
            };
            self.out.push_str(&format!("<{tag}{align}>"));
            self.inlines(cell);
            self.out.push_str(&format!("</{tag}>\n"));
        }
        self.out.push_str("</tr>\n");
    }

    /// The address to print for a target, or `None` when only the words are shown.
    fn address(&self, target: &LinkTarget) -> Option<String> {
        let raw = match target {
            LinkTarget::External(url) | LinkTarget::Bundle(url) => url.clone(),
            LinkTarget::Anchor(id) => format!("#{id}"),
            LinkTarget::Media(id) => format!("media:{id}"),
            LinkTarget::Article(id) => format!("bundle:{id}"),
            LinkTarget::Refused { url, reason } if self.relax.refusal == Some(*reason) => {
                url.clone()
            }
            LinkTarget::Refused { .. } | LinkTarget::Nowhere => return None,
        };
        Some(escape(&percent_encode(&raw)))
    }

    fn inlines(&mut self, list: &[Inline]) {
        for inline in list {
            match inline {
                Inline::RawHtml(html) if self.relax.raw_html => self.out.push_str(html),
                Inline::Text(text) | Inline::RawHtml(text) => self.out.push_str(&escape(text)),
                Inline::Emphasis(c) => self.wrap("em", c),
                Inline::Strong(c) => self.wrap("strong", c),
                Inline::Strikethrough(c) => self.wrap("del", c),
                Inline::Code(code) => self.out.push_str(&format!("<code>{}</code>", escape(code))),
                Inline::Link {
                    target,
                    title,
                    content,
                } => match self.address(target) {
                    Some(href) => {
                        self.out
                            .push_str(&format!("<a href=\"{href}\"{}>", title_attr(title)));
                        self.inlines(content);
                        self.out.push_str("</a>");
                    }
                    None => self.inlines(content),
                },
                Inline::Image { target, title, alt } => {
                    let alt = escape(&alt_text(alt));
                    match self.address(target) {
                        Some(src) => self.out.push_str(&format!(
                            "<img src=\"{src}\" alt=\"{alt}\"{} />",
                            title_attr(title)
                        )),
                        None => self.out.push_str(&alt),
                    }
                }
                Inline::FootnoteRef {
                    number: Some(n), ..
                } => self.out.push_str(&format!(
                    "<sup class=\"footnote-ref\"><a href=\"#fn-{n}\" id=\"fnref-{n}\">{n}</a></sup>"
                )),
                Inline::FootnoteRef {
                    label,
                    number: None,
                    ..
                } => self.out.push_str(&escape(&format!("[^{label}]"))),
                Inline::SoftBreak => self.out.push('\n'),
                Inline::HardBreak => self.out.push_str("<br />\n"),
            }
        }
    }

    fn wrap(&mut self, tag: &str, content: &[Inline]) {
        self.out.push_str(&format!("<{tag}>"));
        self.inlines(content);
        self.out.push_str(&format!("</{tag}>"));
    }
}

/// ` title="..."` when there is a title.
fn title_attr(title: &str) -> String {
    if title.is_empty() {
        String::new()
    } else {
        format!(" title=\"{}\"", escape(title))
    }
}

/// An image's description as the reference prints it in `alt`: its text without markup.
fn alt_text(list: &[Inline]) -> String {
    let mut text = String::new();
    for inline in list {
        match inline {
            Inline::Text(t) | Inline::Code(t) | Inline::RawHtml(t) => text.push_str(t),
            Inline::Emphasis(c) | Inline::Strong(c) | Inline::Strikethrough(c) => {
                text.push_str(&alt_text(c))
            }
            Inline::Link { content, .. } => text.push_str(&alt_text(content)),
            Inline::Image { alt, .. } => text.push_str(&alt_text(alt)),
            Inline::FootnoteRef { .. } => {}
            Inline::SoftBreak | Inline::HardBreak => text.push('\n'),
        }
    }
    text
}

/// Percent-encodes every byte outside the characters a URL may carry as they are;
/// a `%` already followed by two hex digits is kept.
fn percent_encode(url: &str) -> String {
    const KEEP: &[u8] = b";/?:@&=+$,-_.!~*'()#";
    let bytes = url.as_bytes();
    let mut out = String::new();
    for (i, &b) in bytes.iter().enumerate() {
        let escaped = b == b'%'
            && bytes.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
            && bytes.get(i + 2).is_some_and(u8::is_ascii_hexdigit);
        if b.is_ascii_alphanumeric() || KEEP.contains(&b) || escaped {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Escapes text for HTML, as the reference does: `&`, `<`, `>` and `"`.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}
