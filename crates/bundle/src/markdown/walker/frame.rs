//! The walker's stack frames: what each open container will become, and how content is
//! added to the innermost one, including the flattening of containers past the depth cap.

use pulldown_cmark::Tag;

use super::Walker;
use crate::diagnostic::Rule;
use crate::document::{Alignment, Block, Inline, ListItem};
use crate::limits::NESTING_DEPTH;
use crate::markdown::warn;
use crate::url::LinkTarget;

/// What an open container will become when it closes.
pub(super) enum Kind {
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

/// One open container and what has been built inside it so far.
pub(super) struct Frame {
    pub(super) kind: Kind,
    pub(super) blocks: Vec<Block>,
    pub(super) inlines: Vec<Inline>,
    /// Containers past the depth cap, flattened into this frame; their end tags are skipped.
    absorbed: usize,
}

/// A new, empty frame for a container of `kind`.
pub(super) fn frame(kind: Kind) -> Frame {
    Frame {
        kind,
        blocks: Vec::new(),
        inlines: Vec::new(),
        absorbed: 0,
    }
}

/// Turns loose inlines in a block container into a paragraph.
pub(super) fn flush_paragraph(f: &mut Frame) {
    if !f.inlines.is_empty() {
        let inlines = std::mem::take(&mut f.inlines);
        f.blocks.push(Block::paragraph(inlines));
    }
}

/// The blocks of a container, with its loose inlines as a last paragraph.
pub(super) fn with_paragraph(mut blocks: Vec<Block>, inlines: Vec<Inline>) -> Vec<Block> {
    if !inlines.is_empty() {
        blocks.push(Block::paragraph(inlines));
    }
    blocks
}

impl Walker<'_> {
    /// Adds an inline to the innermost container; directly inside a list, as a new item.
    pub(super) fn push_inline(&mut self, inline: Inline) {
        let top = self.top();
        match &mut top.kind {
            Kind::List { items, .. } => items.push(ListItem {
                task: None,
                blocks: vec![Block::paragraph(vec![inline])],
            }),
            _ => top.inlines.push(inline),
        }
    }

    /// Adds a block to the innermost container; directly inside a list, as a new item.
    pub(super) fn push_block(&mut self, block: Block) {
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

    /// Whether the container `tag` opens lies past the depth cap; if so it is flattened into
    /// the innermost frame (with one warning per document) instead of getting its own.
    pub(super) fn absorb(&mut self, tag: &Tag<'_>, line: usize) -> bool {
        if self.stack.len() <= NESTING_DEPTH || !Kind::nests(tag) {
            return false;
        }
        if !self.warned_depth {
            self.warned_depth = true;
            let msg = format!(
                "nested more than {NESTING_DEPTH} levels deep; deeper levels are flattened"
            );
            warn(self.report, Rule::NestingTooDeep, self.file, line, msg);
        }
        self.top().absorbed += 1;
        true
    }

    /// Whether an end tag belongs to a flattened container, and so closes nothing.
    pub(super) fn release(&mut self) -> bool {
        let top = self.top();
        if top.absorbed == 0 {
            return false;
        }
        top.absorbed -= 1;
        true
    }
}
