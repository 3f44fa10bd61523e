//! The one walk over a document's blocks and inlines. Every pass and every reader of the
//! tree goes through it, and its matches name every kind, so a new block or inline kind
//! cannot be skipped silently: the walk stops compiling until it says what to do with it.

use crate::document::{Block, Document, Inline};

/// What a read-only walk does at each node. Both methods default to nothing.
pub trait Visit<'d> {
    /// Called on each block before its children, in reading order.
    fn block(&mut self, _block: &'d Block) {}
    /// Called on each inline before its children, in reading order.
    fn inline(&mut self, _inline: &'d Inline) {}
}

/// What a changing walk does at each node. A block is visited before its children, so a
/// visit may replace the block and the walk then goes into the replacement.
pub trait VisitMut {
    /// Called on each block before its children, in reading order.
    fn block(&mut self, _block: &mut Block) {}
    /// Called on each inline before its children, in reading order.
    fn inline(&mut self, _inline: &mut Inline) {}
}

/// Walks the document's blocks, then its footnotes' blocks.
pub fn document<'d>(doc: &'d Document, v: &mut impl Visit<'d>) {
    blocks(&doc.blocks, v);
    for note in &doc.footnotes {
        blocks(&note.blocks, v);
    }
}

/// Walks a list of blocks.
pub fn blocks<'d>(list: &'d [Block], v: &mut impl Visit<'d>) {
    for item in list {
        block(item, v);
    }
}

/// Walks one block and everything inside it.
pub fn block<'d>(item: &'d Block, v: &mut impl Visit<'d>) {
    v.block(item);
    match item {
        Block::Heading { content, .. } | Block::Paragraph { content, .. } => inlines(content, v),
        Block::Figure { caption, .. } => inlines(caption, v),
        Block::List { items, .. } => items.iter().for_each(|it| blocks(&it.blocks, v)),
        Block::Quote(inner) => blocks(inner, v),
        Block::Table { head, rows, .. } => head
            .iter()
            .chain(rows.iter().flatten())
            .for_each(|cell| inlines(cell, v)),
        Block::Code { .. } | Block::Rule | Block::RawHtml(_) | Block::Unsupported { .. } => {}
    }
}

/// Walks a run of inlines.
pub fn inlines<'d>(list: &'d [Inline], v: &mut impl Visit<'d>) {
    for item in list {
        v.inline(item);
        match item {
            Inline::Emphasis(c) | Inline::Strong(c) | Inline::Strikethrough(c) => inlines(c, v),
            Inline::Link { content, .. } => inlines(content, v),
            Inline::Image { alt, .. } => inlines(alt, v),
            Inline::Text(_)
            | Inline::Code(_)
            | Inline::FootnoteRef { .. }
            | Inline::SoftBreak
            | Inline::HardBreak
            | Inline::RawHtml(_) => {}
        }
    }
}

/// Walks the document's blocks, then its footnotes' blocks, letting the visit change them.
pub fn document_mut(doc: &mut Document, v: &mut impl VisitMut) {
    blocks_mut(&mut doc.blocks, v);
    for note in &mut doc.footnotes {
        blocks_mut(&mut note.blocks, v);
    }
}

/// Walks a list of blocks, letting the visit change them.
pub fn blocks_mut(list: &mut [Block], v: &mut impl VisitMut) {
    for item in list {
        v.block(item);
        match item {
            Block::Heading { content, .. } | Block::Paragraph { content, .. } => {
                inlines_mut(content, v)
            }
            Block::Figure { caption, .. } => inlines_mut(caption, v),
            Block::List { items, .. } => items
                .iter_mut()
                .for_each(|it| blocks_mut(&mut it.blocks, v)),
            Block::Quote(inner) => blocks_mut(inner, v),
            Block::Table { head, rows, .. } => head
                .iter_mut()
                .chain(rows.iter_mut().flatten())
                .for_each(|cell| inlines_mut(cell, v)),
            Block::Code { .. } | Block::Rule | Block::RawHtml(_) | Block::Unsupported { .. } => {}
        }
    }
}

/// Walks a run of inlines, letting the visit change them.
pub fn inlines_mut(list: &mut [Inline], v: &mut impl VisitMut) {
    for item in list {
        v.inline(item);
        match item {
            Inline::Emphasis(c) | Inline::Strong(c) | Inline::Strikethrough(c) => inlines_mut(c, v),
            Inline::Link { content, .. } => inlines_mut(content, v),
            Inline::Image { alt, .. } => inlines_mut(alt, v),
            Inline::Text(_)
            | Inline::Code(_)
            | Inline::FootnoteRef { .. }
            | Inline::SoftBreak
            | Inline::HardBreak
            | Inline::RawHtml(_) => {}
        }
    }
}

/// A read-only visit made of two closures, for passes too small for a type of their own.
pub struct With<B, I>(pub B, pub I);

impl<'d, B: FnMut(&'d Block), I: FnMut(&'d Inline)> Visit<'d> for With<B, I> {
    fn block(&mut self, block: &'d Block) {
        (self.0)(block)
    }
    fn inline(&mut self, inline: &'d Inline) {
        (self.1)(inline)
    }
}

/// A changing visit made of two closures.
pub struct WithMut<B, I>(pub B, pub I);

impl<B: FnMut(&mut Block), I: FnMut(&mut Inline)> VisitMut for WithMut<B, I> {
    fn block(&mut self, block: &mut Block) {
        (self.0)(block)
    }
    fn inline(&mut self, inline: &mut Inline) {
        (self.1)(inline)
    }
}
