//! Which parts of a long document are built at once and which later, a slice per task, so
//! that no task keeps the browser from answering the reader (`docs/adr/008`). This file
//! only weighs and plans, natively testable; [`builder`] does the building in the browser.

#[cfg(target_arch = "wasm32")]
pub mod builder;
#[cfg(target_arch = "wasm32")]
pub mod deep_link;

use std::ops::Range;

use folio_bundle::{visit, Block, Footnote, Inline};
use leptos::prelude::*;

/// A document no heavier than this is built whole, at once: a few milliseconds' work, less
/// than a slice's own cost. (Weights are in nodes, see [`weight`].)
pub const WHOLE: usize = 300;
/// What the first task builds of a heavier one, before the first paint: about two screens
/// of text.
pub const FIRST_SCREEN: usize = 150;
/// What is built between two looks at the clock.
pub const BATCH: usize = 200;
/// Bytes of text that weigh as much as a node: text costs its layout, nodes their building.
pub const TEXT_PER_NODE: usize = 64;
/// How long one slice may go on building before it gives the browser a turn, in ms: the
/// browser then styles, lays out and paints what it built, in the same frame.
pub const SLICE_MS: f64 = 25.0;
/// The longest a slice may build, in ms, however long the browser's turns take.
pub const MAX_SLICE_MS: f64 = 100.0;
/// The most a slice in the page may add, in nodes: the browser styles and lays out what a
/// slice added in the frame after it, and a slice written as HTML adds several times more
/// in the same time than one built by components, so its time alone no longer bounds that
/// frame (after a 100 ms HTML slice of the 100,000-word article: 147 ms of layout alone).
pub const MAX_SLICE_WEIGHT: usize = 4_000;
/// How long a slice may build for a document off screen (a takeover's copy), which the
/// browser neither styles nor lays out until it is put in the page.
pub const OFF_SCREEN_SLICE_MS: f64 = 50.0;

/// How long the next slice may build, in ms, given how long the browser's last turn took
/// (`turn_ms`, from the end of one slice to the start of the next). A page that has grown
/// large takes longer to lay out and paint in every frame, whatever a slice adds; slices
/// then build for half as long as a turn takes, up to [`MAX_SLICE_MS`], so that the
/// browser's share of the time stops growing with the page.
pub fn slice_budget(in_page: bool, turn_ms: f64) -> f64 {
    if !in_page {
        return OFF_SCREEN_SLICE_MS;
    }
    (turn_ms / 2.0).clamp(SLICE_MS, MAX_SLICE_MS)
}

/// How a document is built in this render.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Building {
    /// The first screen at once, the rest in slices: the browser's default.
    Sliced,
    /// Everything at once: natively, and where a caller measures the render's own cost.
    Whole,
    /// As [`Building::Sliced`], but every slice one after the other, with no turn for the
    /// browser between them: what the app's way of building costs, which the bench measures.
    SlicedAtOnce,
}

/// How far the article's body has got, for whoever waits for all of it: the takeover
/// swaps its page in once the body is [`BodyState::Complete`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BodyState {
    /// No article body has been rendered yet (a page still loading, or no article).
    NotStarted,
    /// The first screen is there; the rest is being built.
    Building,
    /// Every block and footnote is there.
    Complete,
}

/// The shared [`BodyState`] of a page, provided by whoever starts the app.
#[derive(Clone, Copy, Debug)]
pub struct BodyProgress(pub RwSignal<BodyState>);

/// What a block costs to build and lay out, in nodes: every node it makes (itself and
/// everything inside it, list items and table rows and cells included), and a node more
/// for every [`TEXT_PER_NODE`] bytes of its text.
pub fn weight(block: &Block) -> usize {
    let mut count = Count(0);
    visit::block(block, &mut count);
    count.0
}

/// What a footnote costs, in nodes: its item, its back link and its blocks.
pub fn note_weight(note: &Footnote) -> usize {
    2 + note.blocks.iter().map(weight).sum::<usize>()
}

struct Count(usize);

impl<'d> visit::Visit<'d> for Count {
    fn block(&mut self, block: &'d Block) {
        self.0 += 1 + match block {
            Block::List { items, .. } => items.len(),
            Block::Table { head, rows, .. } => {
                4 + head.len() + rows.len() + rows.iter().map(Vec::len).sum::<usize>()
            }
            Block::Code { text, .. } | Block::RawHtml(text) | Block::Unsupported { text, .. } => {
                text.len() / TEXT_PER_NODE
            }
            Block::Heading { .. }
            | Block::Paragraph { .. }
            | Block::Quote(_)
            | Block::Figure { .. }
            | Block::Rule => 0,
        };
    }

    fn inline(&mut self, inline: &'d Inline) {
        self.0 += 1 + match inline {
            Inline::Text(text) | Inline::Code(text) | Inline::RawHtml(text) => {
                text.len() / TEXT_PER_NODE
            }
            Inline::Emphasis(_)
            | Inline::Strong(_)
            | Inline::Strikethrough(_)
            | Inline::Link { .. }
            | Inline::Image { .. }
            | Inline::FootnoteRef { .. }
            | Inline::SoftBreak
            | Inline::HardBreak => 0,
        };
    }
}

/// One batch of work: a run of body blocks, or of footnotes, by index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Batch {
    /// Body blocks.
    Blocks(Range<usize>),
    /// Footnotes, which come after every block.
    Notes(Range<usize>),
}

/// The build of one document: every block and footnote weighed, and how far it has got.
#[derive(Clone, Debug)]
pub struct Schedule {
    /// The weight of each block, then of each footnote.
    weights: Vec<usize>,
    /// How many of `weights` are blocks.
    blocks: usize,
    /// The first unit not yet built.
    next: usize,
}

impl Schedule {
    /// The schedule of a document with these blocks and footnotes, nothing built yet.
    pub fn new(blocks: &[Block], notes: &[Footnote]) -> Schedule {
        let weights = blocks
            .iter()
            .map(weight)
            .chain(notes.iter().map(note_weight))
            .collect();
        Schedule {
            weights,
            blocks: blocks.len(),
            next: 0,
        }
    }

    /// Whether the document is light enough to build whole, at once ([`WHOLE`]).
    pub fn is_light(&self) -> bool {
        self.weights.iter().sum::<usize>() <= WHOLE
    }

    /// Takes the first screen: blocks up to [`FIRST_SCREEN`] nodes, at least one if there
    /// is one, and never a footnote. Returns how many blocks.
    pub fn first_screen(&mut self) -> usize {
        let end = self.end_of_batch(FIRST_SCREEN);
        let count = end.min(self.blocks).saturating_sub(self.next);
        self.next += count;
        count
    }

    /// The next batch, if anything is left: at least one unit, then more up to [`BATCH`]
    /// nodes, never blocks and footnotes together.
    pub fn next_batch(&mut self) -> Option<Batch> {
        if self.is_done() {
            return None;
        }
        let start = self.next;
        let end = self.end_of_batch(BATCH);
        self.next = end;
        Some(if start < self.blocks {
            Batch::Blocks(start..end)
        } else {
            Batch::Notes(start - self.blocks..end - self.blocks)
        })
    }

    /// Where a batch from `next` of at most `budget` nodes ends: one unit at least, and
    /// at the end of the blocks at most if it starts among them.
    fn end_of_batch(&self, budget: usize) -> usize {
        let limit = if self.next < self.blocks {
            self.blocks
        } else {
            self.weights.len()
        };
        let mut end = self.next;
        let mut spent = 0;
        while end < limit && (end == self.next || spent + self.weights[end] <= budget) {
            spent += self.weights[end];
            end += 1;
        }
        end
    }

    /// Whether every block and footnote has been built.
    pub fn is_done(&self) -> bool {
        self.next >= self.weights.len()
    }

    /// One slice: builds batch after batch until `clock` has passed `deadline` or the
    /// batches weigh `max_weight` nodes (one batch at least), or nothing is left.
    pub fn slice(
        &mut self,
        deadline: f64,
        max_weight: usize,
        mut clock: impl FnMut() -> f64,
        mut build: impl FnMut(Batch),
    ) {
        let mut spent = 0;
        loop {
            let from = self.next;
            let Some(batch) = self.next_batch() else {
                break;
            };
            spent += self.weights[from..self.next].iter().sum::<usize>();
            build(batch);
            if clock() >= deadline || spent >= max_weight {
                break;
            }
        }
    }
}

#[cfg(test)]
mod tests;
