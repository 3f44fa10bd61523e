//! The one walker from pulldown-cmark events to blocks, with an explicit stack so that
//! input nested 100,000 levels deep cannot overflow the call stack.

use pulldown_cmark::{CodeBlockKind, CowStr, Event, LinkType, Tag, TagEnd};

use crate::diagnostic::{Report, Rule};
use crate::document::{plain_text, Alignment, Block, Document, Footnote, Inline, ListItem};
use crate::limits::NESTING_DEPTH;
use crate::markdown::{is_comment, warn};
use crate::url::{classify, LinkTarget};

/// What an open container will become when it closes.
enum Kind {
    Root,
    Paragraph,
    Heading(u8),
    Quote,
    List {
        start: Option<u64>,
        loose: bool,
        items: Vec<ListItem>,
    },
    Item {
        task: Option<bool>,
        loose: bool,
    },
    Code {
        language: Option<String>,
        text: String,
    },
    /// An HTML block, with the line it starts on.
    Html {
        text: String,
        line: usize,
    },
    FootnoteDef(String),
    Table {
        alignments: Vec<Alignment>,
        head: Vec<Vec<Inline>>,
        rows: Vec<Vec<Vec<Inline>>>,
    },
    TableHead(Vec<Vec<Inline>>),
    TableRow(Vec<Vec<Inline>>),
    TableCell,
    Emphasis,
    Strong,
    Strikethrough,
    Link {
        target: LinkTarget,
        title: String,
    },
    Image {
        target: LinkTarget,
        title: String,
    },
    Unsupported(&'static str),
}

impl Kind {
    /// Containers that may nest without bound, and so count towards the depth cap.
    fn nests(tag: &Tag<'_>) -> bool {
        !matches!(
            tag,
            Tag::Paragraph
                | Tag::Heading { .. }
                | Tag::CodeBlock(_)
                | Tag::HtmlBlock
                | Tag::Table(_)
                | Tag::TableHead
                | Tag::TableRow
                | Tag::TableCell
        )
    }
}

struct Frame {
    kind: Kind,
    blocks: Vec<Block>,
    inlines: Vec<Inline>,
    /// Containers past the depth cap, flattened into this frame; their end tags are skipped.
    absorbed: usize,
}

struct Walker<'r> {
    file: &'r str,
    report: &'r mut Report,
    stack: Vec<Frame>,
    footnotes: Vec<Footnote>,
    warned_depth: bool,
}

/// Walks `events`, each with its line number, into a document (not yet enriched).
pub(super) fn walk<'e>(
    file: &str,
    events: impl Iterator<Item = (Event<'e>, usize)>,
    report: &mut Report,
) -> Document {
    let mut w = Walker {
        file,
        report,
        stack: vec![frame(Kind::Root)],
        footnotes: Vec::new(),
        warned_depth: false,
    };
    for (event, line) in events {
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

fn frame(kind: Kind) -> Frame {
    Frame {
        kind,
        blocks: Vec::new(),
        inlines: Vec::new(),
        absorbed: 0,
    }
}

/// Turns loose inlines in a block container into a paragraph.
fn flush_paragraph(f: &mut Frame) {
    if !f.inlines.is_empty() {
        let inlines = std::mem::take(&mut f.inlines);
        f.blocks.push(Block::Paragraph(inlines));
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

    fn push_inline(&mut self, inline: Inline) {
        let top = self.top();
        match &mut top.kind {
            Kind::List { items, .. } => items.push(ListItem {
                task: None,
                blocks: vec![Block::Paragraph(vec![inline])],
            }),
            _ => top.inlines.push(inline),
        }
    }

    fn push_block(&mut self, block: Block) {
        let top = self.top();
        match &mut top.kind {
            Kind::List { items, .. } => items.push(ListItem {
                task: None,
                blocks: vec![block],
            }),
            _ => {
                flush_paragraph(top);
                top.blocks.push(block);
            }
        }
    }

    fn start(&mut self, tag: Tag<'_>, line: usize) {
        if self.stack.len() > NESTING_DEPTH && Kind::nests(&tag) {
            if !self.warned_depth {
                self.warned_depth = true;
                let msg = format!(
                    "nested more than {NESTING_DEPTH} levels deep; deeper levels are flattened"
                );
                warn(self.report, Rule::NestingTooDeep, self.file, line, msg);
            }
            self.top().absorbed += 1;
            return;
        }
        let kind = match tag {
            Tag::Paragraph => Kind::Paragraph,
            Tag::Heading { level, .. } => Kind::Heading(level as u8),
            Tag::BlockQuote(_) => Kind::Quote,
            Tag::CodeBlock(CodeBlockKind::Fenced(info)) => {
                let language = info.split_whitespace().next().map(str::to_owned);
                Kind::Code {
                    language,
                    text: String::new(),
                }
            }
            Tag::CodeBlock(CodeBlockKind::Indented) => Kind::Code {
                language: None,
                text: String::new(),
            },
            Tag::HtmlBlock => Kind::Html {
                text: String::new(),
                line,
            },
            Tag::List(start) => Kind::List {
                start,
                loose: false,
                items: Vec::new(),
            },
            Tag::Item => Kind::Item {
                task: None,
                loose: false,
            },
            Tag::FootnoteDefinition(label) => Kind::FootnoteDef(label.into_string()),
            Tag::Table(aligns) => Kind::Table {
                alignments: aligns.into_iter().map(alignment).collect(),
                head: Vec::new(),
                rows: Vec::new(),
            },
            Tag::TableHead => Kind::TableHead(Vec::new()),
            Tag::TableRow => Kind::TableRow(Vec::new()),
            Tag::TableCell => Kind::TableCell,
            Tag::Emphasis => Kind::Emphasis,
            Tag::Strong => Kind::Strong,
            Tag::Strikethrough => Kind::Strikethrough,
            // An email autolink `<desk@example.org>` gives its address without `mailto:`.
            Tag::Link {
                link_type: LinkType::Email,
                dest_url,
                title,
                ..
            } => Kind::Link {
                target: self.check_link(&format!("mailto:{dest_url}"), line, false),
                title: title.into_string(),
            },
            Tag::Link {
                dest_url, title, ..
            } => Kind::Link {
                target: self.check_link(&dest_url, line, false),
                title: title.into_string(),
            },
            Tag::Image {
                dest_url, title, ..
            } => Kind::Image {
                target: self.check_link(&dest_url, line, true),
                title: title.into_string(),
            },
            Tag::DefinitionList | Tag::DefinitionListTitle | Tag::DefinitionListDefinition => {
                Kind::Unsupported("definition list")
            }
            Tag::Superscript => Kind::Unsupported("superscript"),
            Tag::Subscript => Kind::Unsupported("subscript"),
            Tag::MetadataBlock(_) => Kind::Unsupported("metadata block"),
        };
        if matches!(kind, Kind::Paragraph) {
            if let Kind::Item { loose, .. } = &mut self.top().kind {
                *loose = true;
            }
        }
        self.stack.push(frame(kind));
    }

    /// Applies the allow-list to a link or image URL, warning when it is refused or external.
    fn check_link(&mut self, url: &str, line: usize, image: bool) -> LinkTarget {
        let target = classify(url);
        match (&target, image) {
            (LinkTarget::Refused { reason, .. }, _) => {
                let what = if image { "image" } else { "link" };
                warn(
                    self.report,
                    Rule::UnsafeLink,
                    self.file,
                    line,
                    format!("{what} {url:?} refused: {reason}; its text is shown instead"),
                );
            }
            (LinkTarget::External(_), true) => {
                let msg = format!("image {url:?} is not a file in this bundle; its description is shown instead, so that no other host learns who reads");
                warn(self.report, Rule::ExternalImage, self.file, line, msg);
            }
            _ => {}
        }
        target
    }

    fn end(&mut self, _end: TagEnd) {
        if self.top().absorbed > 0 {
            self.top().absorbed -= 1;
            return;
        }
        if self.stack.len() > 1 {
            self.close();
        }
    }

    /// Pops the top frame and hands what it built to its parent.
    fn close(&mut self) {
        let Some(Frame {
            kind,
            blocks,
            inlines,
            ..
        }) = self.stack.pop()
        else {
            return;
        };
        match kind {
            Kind::Root => {}
            Kind::Paragraph => self.push_block(Block::Paragraph(inlines)),
            Kind::Heading(level) => self.push_block(Block::Heading {
                level,
                id: String::new(),
                content: inlines,
            }),
            Kind::Quote => self.push_block(Block::Quote(with_paragraph(blocks, inlines))),
            Kind::List {
                start,
                loose,
                items,
            } => self.push_block(Block::List {
                start,
                tight: !loose,
                items,
            }),
            Kind::Item { task, loose } => {
                let item = ListItem {
                    task,
                    blocks: with_paragraph(blocks, inlines),
                };
                if let Kind::List {
                    items,
                    loose: list_loose,
                    ..
                } = &mut self.top().kind
                {
                    *list_loose |= loose;
                    items.push(item);
                } else {
                    self.push_block(Block::List {
                        start: None,
                        tight: !loose,
                        items: vec![item],
                    });
                }
            }
            Kind::Code { language, text } => self.push_block(Block::Code { language, text }),
            // A comment over several lines arrives a line at a time; it is dropped whole.
            Kind::Html { text, line } => {
                if !text.trim().is_empty() && !is_comment(&text) {
                    self.warn_raw_html(line);
                    self.push_block(Block::RawHtml(text));
                }
            }
            Kind::FootnoteDef(label) => {
                let blocks = with_paragraph(blocks, inlines);
                self.footnotes.push(Footnote {
                    label,
                    number: 0,
                    blocks,
                });
            }
            Kind::Table {
                alignments,
                head,
                rows,
            } => self.push_block(Block::Table {
                alignments,
                head,
                rows,
            }),
            Kind::TableHead(cells) => {
                if let Kind::Table { head, .. } = &mut self.top().kind {
                    *head = cells;
                }
            }
            Kind::TableRow(cells) => {
                if let Kind::Table { rows, .. } = &mut self.top().kind {
                    rows.push(cells);
                }
            }
            Kind::TableCell => match &mut self.top().kind {
                Kind::TableHead(cells) | Kind::TableRow(cells) => cells.push(inlines),
                _ => self.push_inline_all(inlines),
            },
            Kind::Emphasis => self.push_inline(Inline::Emphasis(inlines)),
            Kind::Strong => self.push_inline(Inline::Strong(inlines)),
            Kind::Strikethrough => self.push_inline(Inline::Strikethrough(inlines)),
            Kind::Link { target, title } => self.push_inline(Inline::Link {
                target,
                title,
                content: inlines,
            }),
            Kind::Image { target, title } => self.push_inline(Inline::Image {
                target,
                title,
                alt: inlines,
            }),
            Kind::Unsupported(what) => {
                let text = with_paragraph(blocks, inlines)
                    .iter()
                    .map(block_text)
                    .collect::<Vec<_>>()
                    .join(" ");
                self.push_block(Block::Unsupported {
                    what: what.to_owned(),
                    text,
                });
            }
        }
    }

    fn push_inline_all(&mut self, inlines: Vec<Inline>) {
        for inline in inlines {
            self.push_inline(inline);
        }
    }
}

/// The blocks of a container, with its loose inlines as a last paragraph.
fn with_paragraph(mut blocks: Vec<Block>, inlines: Vec<Inline>) -> Vec<Block> {
    if !inlines.is_empty() {
        blocks.push(Block::Paragraph(inlines));
    }
    blocks
}

fn block_text(block: &Block) -> String {
    match block {
        Block::Paragraph(inlines)
        | Block::Heading {
            content: inlines, ..
        } => plain_text(inlines),
        Block::Code { text, .. } | Block::RawHtml(text) | Block::Unsupported { text, .. } => {
            text.clone()
        }
        _ => String::new(),
    }
}

fn alignment(a: pulldown_cmark::Alignment) -> Alignment {
    match a {
        pulldown_cmark::Alignment::None => Alignment::None,
        pulldown_cmark::Alignment::Left => Alignment::Left,
        pulldown_cmark::Alignment::Center => Alignment::Center,
        pulldown_cmark::Alignment::Right => Alignment::Right,
    }
}
