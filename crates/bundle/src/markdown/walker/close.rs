//! Closing containers: the innermost frame is popped and what it built is handed to its
//! parent as a block, an inline, a list item, a table part or a footnote.

use super::frame::{with_paragraph, Frame, Kind};
use super::Walker;
use crate::document::{plain_text, Block, Footnote, Inline, ListItem};
use crate::markdown::is_comment;

impl Walker<'_> {
    /// Pops the top frame and hands what it built to its parent.
    pub(super) fn close(&mut self) {
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
            Kind::Paragraph => self.push_block(Block::paragraph(inlines)),
            Kind::Heading(level) => self.push_block(Block::Heading {
                level,
                rank: 0,
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

fn block_text(block: &Block) -> String {
    match block {
        Block::Paragraph {
            content: inlines, ..
        }
        | Block::Heading {
            content: inlines, ..
        } => plain_text(inlines),
        Block::Code { text, .. } | Block::RawHtml(text) | Block::Unsupported { text, .. } => {
            text.clone()
        }
        _ => String::new(),
    }
}
