//! Small pure passes that turn a freshly walked document into the one the viewer renders.
//! Each is tested on its own; [`run`] applies them in their one correct order.

use std::collections::{HashMap, HashSet};

use crate::diagnostic::{Report, Rule};
use crate::document::{plain_text, Block, Document, Inline, OutlineEntry, Scope};
use crate::markdown::warn;
use crate::pause::{self, no_pause, Waiting};
use crate::url::LinkTarget;
use crate::visit::{self, With, WithMut};
use unicase::UniCase;

/// Applies every pass in order:
/// 1. figures first, because their captions are text that later passes count;
/// 2. heading ids before the outline, which links to them;
/// 3. footnote numbers, independent of the rest;
/// 4. the outline, then the heading-order check that reads it;
/// 5. heading ranks and page-wide ids, which need the outline's shallowest level;
/// 6. paragraph ids, for read aloud;
/// 7. the word count last, over the final blocks.
pub fn run(file: &str, scope: Scope, doc: Document, report: &mut Report) -> Document {
    pause::at_once(run_in_steps(file, scope, doc, report, &mut no_pause))
}

/// [`run`], awaiting `pause` between the passes (`crate::pause`).
pub async fn run_in_steps(
    file: &str,
    scope: Scope,
    doc: Document,
    report: &mut Report,
    pause: &mut dyn FnMut() -> Waiting,
) -> Document {
    let doc = promote_figures(Document { scope, ..doc });
    let doc = assign_heading_ids(doc);
    pause().await;
    let doc = number_footnotes(file, doc, report);
    let doc = build_outline(doc);
    check_heading_order(file, &doc, report);
    pause().await;
    let doc = settle_headings(doc);
    let doc = name_paragraphs(doc);
    pause().await;
    count_words(doc)
}

/// A paragraph holding only an image of a manifest media item becomes a [`Block::Figure`],
/// its alt text in the Markdown becoming the caption.
pub fn promote_figures(mut doc: Document) -> Document {
    let promote = |block: &mut Block| {
        let Block::Paragraph { content, .. } = block else {
            return;
        };
        let mut meaningful = content.iter().filter(|i| !is_blank(i));
        let (
            Some(Inline::Image {
                target: LinkTarget::Media(id),
                alt,
                ..
            }),
            None,
        ) = (meaningful.next(), meaningful.next())
        else {
            return;
        };
        *block = Block::Figure {
            media: id.clone(),
            caption: alt.clone(),
        };
    };
    visit::blocks_mut(&mut doc.blocks, &mut WithMut(promote, |_: &mut Inline| {}));
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
    // Sections of the article take their slugs first; headings quoted inside lists, quotes
    // or footnotes take theirs after, so `#slug` finds the section.
    let mut name = |block: &mut Block| {
        if let Block::Heading { id, content, .. } = block {
            if !id.is_empty() {
                return;
            }
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
    };
    doc.blocks.iter_mut().for_each(&mut name);
    visit::document_mut(&mut doc, &mut WithMut(name, |_: &mut Inline| {}));
    doc
}

/// Numbers footnotes in the order they are first referenced; definitions nobody
/// references come after. A reference with no definition keeps no number, with a warning.
pub fn number_footnotes(file: &str, mut doc: Document, report: &mut Report) -> Document {
    let mut first_seen: Vec<LabelKey> = Vec::new();
    let mut seen_refs: HashSet<LabelKey> = HashSet::new();
    let defined: HashSet<LabelKey> = doc.footnotes.iter().map(|n| label_key(&n.label)).collect();
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
    visit::document_mut(&mut doc, &mut WithMut(|_: &mut Block| {}, &mut visit));
    let mut numbers: HashMap<LabelKey, usize> = first_seen
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
    let mut cited = HashSet::new();
    let set = |inline: &mut Inline| {
        if let Inline::FootnoteRef {
            label,
            number,
            first,
        } = inline
        {
            *number = numbers.get(&label_key(label)).copied();
            *first = number.is_some_and(|n| cited.insert(n));
        }
    };
    visit::document_mut(&mut doc, &mut WithMut(|_: &mut Block| {}, set));
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

/// A footnote label as labels are matched: whatever their case, by Unicode case folding,
/// as the Markdown parser matches them (with the same crate): `[^Note]` refers to `[^note]:`.
type LabelKey = UniCase<String>;

fn label_key(label: &str) -> LabelKey {
    UniCase::new(label.to_owned())
}

/// Lists the headings, in order, for a table of contents.
pub fn build_outline(mut doc: Document) -> Document {
    let mut outline = Vec::new();
    fn collect(blocks: &[Block], outline: &mut Vec<OutlineEntry>) {
        for block in blocks {
            if let Block::Heading {
                level, id, content, ..
            } = block
            {
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
    let tally = |block: &Block| {
        words += match block {
            Block::Paragraph { content: i, .. }
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
    };
    visit::document(&doc, &mut With(tally, |_: &Inline| {}));
    doc.word_count = words;
    doc
}

/// Gives each heading its HTML level and its page-wide id. In the body, the shallowest
/// heading becomes `h2`, since the headline is the page's one `h1`; in a sidebar or notice,
/// headings sit below the box's own `h2` title, from `h3`. The outline takes the same ids.
pub fn settle_headings(mut doc: Document) -> Document {
    let scope = doc.scope.clone();
    let top = doc.outline.iter().map(|o| o.level).min().unwrap_or(2);
    let rank_of = |level: u8| {
        if scope.is_body() {
            (level + 2).saturating_sub(top).clamp(2, 6)
        } else {
            (level + 2).clamp(3, 6)
        }
    };
    let settle = |block: &mut Block| {
        if let Block::Heading {
            level, rank, id, ..
        } = block
        {
            *rank = rank_of(*level);
            *id = scope.heading_id(id);
        }
    };
    visit::document_mut(&mut doc, &mut WithMut(settle, |_: &mut Inline| {}));
    for entry in &mut doc.outline {
        entry.id = doc.scope.heading_id(&entry.id);
    }
    doc
}

/// Numbers the paragraphs in reading order and gives each its id, which read aloud uses to
/// find what it reads.
pub fn name_paragraphs(mut doc: Document) -> Document {
    let scope = doc.scope.clone();
    let mut n = 0;
    let name = |block: &mut Block| {
        if let Block::Paragraph { id, .. } = block {
            n += 1;
            *id = scope.paragraph_id(n);
        }
    };
    visit::document_mut(&mut doc, &mut WithMut(name, |_: &mut Inline| {}));
    doc
}
