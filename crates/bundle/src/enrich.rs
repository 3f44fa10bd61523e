//! Small pure passes that turn a freshly walked document into the one the viewer renders.
//! Each is tested on its own; [`run`] applies them in their one correct order.

use std::collections::{HashMap, HashSet};

use crate::diagnostic::{Report, Rule};
use crate::document::{plain_text, Block, Document, Inline, OutlineEntry};
use crate::markdown::warn;
use crate::url::LinkTarget;

/// Applies every pass in order:
/// 1. figures first, because their captions are text that later passes count;
/// 2. heading ids before the outline, which links to them;
/// 3. footnote numbers, independent of the rest;
/// 4. the outline, then the heading-order check that reads it;
/// 5. the word count last, over the final blocks.
pub fn run(file: &str, doc: Document, report: &mut Report) -> Document {
    let doc = promote_figures(doc);
    let doc = assign_heading_ids(doc);
    let doc = number_footnotes(file, doc, report);
    let doc = build_outline(doc);
    check_heading_order(file, &doc, report);
    count_words(doc)
}

/// Calls `f` on every block list in the document, outermost first.
fn each_block_list(blocks: &mut Vec<Block>, f: &mut impl FnMut(&mut Vec<Block>)) {
    f(blocks);
    for block in blocks.iter_mut() {
        match block {
            Block::Quote(inner) => each_block_list(inner, f),
            Block::List { items, .. } => items
                .iter_mut()
                .for_each(|item| each_block_list(&mut item.blocks, f)),
            _ => {}
        }
    }
}

/// Calls `f` on every block in reading order, footnotes last.
fn each_block<'d>(doc: &'d Document, f: &mut impl FnMut(&'d Block)) {
    fn walk<'d>(blocks: &'d [Block], f: &mut impl FnMut(&'d Block)) {
        for block in blocks {
            f(block);
            match block {
                Block::Quote(inner) => walk(inner, f),
                Block::List { items, .. } => items.iter().for_each(|item| walk(&item.blocks, f)),
                _ => {}
            }
        }
    }
    walk(&doc.blocks, f);
    for note in &doc.footnotes {
        walk(&note.blocks, f);
    }
}

/// A paragraph holding only an image of a manifest media item becomes a [`Block::Figure`],
/// its alt text in the Markdown becoming the caption.
pub fn promote_figures(mut doc: Document) -> Document {
    each_block_list(&mut doc.blocks, &mut |blocks| {
        for block in blocks.iter_mut() {
            let Block::Paragraph(inlines) = block else {
                continue;
            };
            let mut meaningful = inlines.iter().filter(|i| !is_blank(i));
            let (
                Some(Inline::Image {
                    target: LinkTarget::Media(id),
                    alt,
                    ..
                }),
                None,
            ) = (meaningful.next(), meaningful.next())
            else {
                continue;
            };
            *block = Block::Figure {
                media: id.clone(),
                caption: alt.clone(),
            };
        }
    });
    doc
}

fn is_blank(inline: &Inline) -> bool {
    match inline {
        Inline::Text(t) => t.trim().is_empty(),
        Inline::SoftBreak | Inline::HardBreak => true,
        _ => false,
    }
}

/// A slug for a heading: lower-case letters and digits of any script, joined by hyphens.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if (c.is_whitespace() || c == '-' || c == '_')
            && !out.is_empty()
            && !out.ends_with('-')
        {
            out.push('-');
        }
    }
    let trimmed = out.trim_end_matches('-');
    if trimmed.is_empty() {
        "section".to_owned()
    } else {
        trimmed.to_owned()
    }
}

/// Gives every heading a unique slug id: a repeated heading gets `-2`, `-3`...
pub fn assign_heading_ids(mut doc: Document) -> Document {
    let mut taken: HashSet<String> = HashSet::new();
    // The next suffix to try for each slug, so that a thousand equal headings do not
    // try a thousand suffixes each; lower suffixes are already taken.
    let mut next_suffix: HashMap<String, usize> = HashMap::new();
    each_block_list(&mut doc.blocks, &mut |blocks| {
        for block in blocks.iter_mut() {
            if let Block::Heading { id, content, .. } = block {
                let base = slug(&plain_text(content));
                let mut candidate = base.clone();
                let n = next_suffix.entry(base.clone()).or_insert(2);
                while taken.contains(&candidate) {
                    candidate = format!("{base}-{n}");
                    *n += 1;
                }
                taken.insert(candidate.clone());
                *id = candidate;
            }
        }
    });
    doc
}

fn each_inline_mut(inlines: &mut [Inline], f: &mut impl FnMut(&mut Inline)) {
    for inline in inlines {
        f(inline);
        match inline {
            Inline::Emphasis(c) | Inline::Strong(c) | Inline::Strikethrough(c) => {
                each_inline_mut(c, f)
            }
            Inline::Link { content, .. } => each_inline_mut(content, f),
            Inline::Image { alt, .. } => each_inline_mut(alt, f),
            _ => {}
        }
    }
}

fn block_inlines_mut(blocks: &mut [Block], f: &mut impl FnMut(&mut Inline)) {
    for block in blocks {
        match block {
            Block::Paragraph(i)
            | Block::Heading { content: i, .. }
            | Block::Figure { caption: i, .. } => each_inline_mut(i, f),
            Block::Quote(inner) => block_inlines_mut(inner, f),
            Block::List { items, .. } => items
                .iter_mut()
                .for_each(|item| block_inlines_mut(&mut item.blocks, f)),
            Block::Table { head, rows, .. } => {
                head.iter_mut().for_each(|cell| each_inline_mut(cell, f));
                rows.iter_mut()
                    .flatten()
                    .for_each(|cell| each_inline_mut(cell, f));
            }
            Block::Code { .. } | Block::Rule | Block::RawHtml(_) | Block::Unsupported { .. } => {}
        }
    }
}

/// Numbers footnotes in the order they are first referenced; definitions nobody
/// references come after. A reference with no definition keeps no number, with a warning.
pub fn number_footnotes(file: &str, mut doc: Document, report: &mut Report) -> Document {
    let mut first_seen: Vec<String> = Vec::new();
    let mut seen_refs: HashSet<String> = HashSet::new();
    let defined: HashSet<String> = doc.footnotes.iter().map(|n| label_key(&n.label)).collect();
    let mut missing: Vec<String> = Vec::new();
    let mut visit = |inline: &mut Inline| {
        if let Inline::FootnoteRef { label, .. } = inline {
            let key = label_key(label);
            if !defined.contains(&key) {
                missing.push(label.clone());
            } else if seen_refs.insert(key.clone()) {
                first_seen.push(key);
            }
        }
    };
    block_inlines_mut(&mut doc.blocks, &mut visit);
    for note in &mut doc.footnotes {
        block_inlines_mut(&mut note.blocks, &mut visit);
    }
    let mut numbers: HashMap<String, usize> = first_seen
        .iter()
        .enumerate()
        .map(|(i, l)| (l.clone(), i + 1))
        .collect();
    // Keep the first definition of a label; later duplicates are dropped.
    let mut seen = HashSet::new();
    doc.footnotes.retain(|n| seen.insert(label_key(&n.label)));
    for note in &mut doc.footnotes {
        let next = numbers.len() + 1;
        note.number = *numbers.entry(label_key(&note.label)).or_insert(next);
    }
    doc.footnotes.sort_by_key(|n| n.number);
    let mut set = |inline: &mut Inline| {
        if let Inline::FootnoteRef { label, number } = inline {
            *number = numbers.get(&label_key(label)).copied();
        }
    };
    block_inlines_mut(&mut doc.blocks, &mut set);
    for note in &mut doc.footnotes {
        block_inlines_mut(&mut note.blocks, &mut set);
    }
    // One warning per label, however often it is referenced.
    let mut warned = HashSet::new();
    for label in missing.into_iter().filter(|l| warned.insert(label_key(l))) {
        warn(
            report,
            Rule::UndefinedFootnote,
            file,
            0,
            format!("footnote [^{label}] is referenced but never defined"),
        );
    }
    doc
}

/// Footnote labels match whatever their case, as the Markdown parser matches them:
/// `[^Note]` refers to `[^note]:`.
fn label_key(label: &str) -> String {
    label.to_lowercase()
}

/// Lists the headings, in order, for a table of contents.
pub fn build_outline(mut doc: Document) -> Document {
    let mut outline = Vec::new();
    fn collect(blocks: &[Block], outline: &mut Vec<OutlineEntry>) {
        for block in blocks {
            if let Block::Heading { level, id, content } = block {
                outline.push(OutlineEntry {
                    level: *level,
                    id: id.clone(),
                    text: plain_text(content),
                });
            }
        }
    }
    // Headings inside quotes or lists are quoted material, not sections of this article.
    collect(&doc.blocks, &mut outline);
    doc.outline = outline;
    doc
}

/// Warns when a heading skips a level (an h2 followed by an h4).
pub fn check_heading_order(file: &str, doc: &Document, report: &mut Report) {
    let mut previous: Option<u8> = None;
    for entry in &doc.outline {
        if let Some(p) = previous {
            if entry.level > p + 1 {
                let msg = format!(
                    "heading \"{}\" skips from level {p} to level {}",
                    entry.text, entry.level
                );
                warn(report, Rule::HeadingSkip, file, 0, msg);
            }
        }
        previous = Some(entry.level);
    }
}

/// Counts the words a reader reads: text, captions, table cells; not code.
pub fn count_words(mut doc: Document) -> Document {
    let mut words = 0;
    let count = |inlines: &[Inline]| plain_text(inlines).split_whitespace().count();
    each_block(&doc, &mut |block| {
        words += match block {
            Block::Paragraph(i)
            | Block::Heading { content: i, .. }
            | Block::Figure { caption: i, .. } => count(i),
            Block::Table { head, rows, .. } => head
                .iter()
                .chain(rows.iter().flatten())
                .map(|c| count(c))
                .sum(),
            Block::RawHtml(t) | Block::Unsupported { text: t, .. } => t.split_whitespace().count(),
            Block::Quote(_) | Block::List { .. } | Block::Code { .. } | Block::Rule => 0,
        }
    });
    doc.word_count = words;
    doc
}
