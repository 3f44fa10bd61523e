//! The typed document a Markdown file becomes: blocks and inlines the viewer renders one
//! component per kind. Nothing here is markup; every string is text to be escaped.

use serde::Serialize;

use crate::url::LinkTarget;

/// A Markdown file, parsed, checked and enriched.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Document {
    /// Which text of the article this is; every element id in it is made through it.
    pub scope: Scope,
    /// The blocks in reading order.
    pub blocks: Vec<Block>,
    /// Footnote definitions, in the order their numbers were given.
    pub footnotes: Vec<Footnote>,
    /// The headings, for a table of contents.
    pub outline: Vec<OutlineEntry>,
    /// Words a reader reads: text, captions and tables, not code.
    pub word_count: usize,
}

/// Words per minute used for reading time: a common figure for adults reading news on screen.
pub const WORDS_PER_MINUTE: usize = 230;

impl Document {
    /// Whole minutes to read the document, at least one.
    pub fn reading_minutes(&self) -> usize {
        self.word_count.div_ceil(WORDS_PER_MINUTE).max(1)
    }
}

/// One block of an article.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "type", content = "value", rename_all = "kebab-case")]
pub enum Block {
    /// A subheading. `level` is as written; `rank` is the HTML heading level it is shown at.
    Heading {
        /// 1 to 6, as in Markdown.
        level: u8,
        /// 2 to 6: the HTML level, below the headline (the body's shallowest heading is 2)
        /// or below a box's own title (3 to 6 in sidebars and notices).
        rank: u8,
        /// The element id, unique on the page: the slug in the body, scoped elsewhere.
        id: String,
        /// The heading's text.
        content: Vec<Inline>,
    },
    /// A paragraph of running text.
    Paragraph {
        /// The element id, unique on the page and stable between renders, by which read
        /// aloud finds the paragraph it is reading.
        id: String,
        /// The paragraph's text.
        content: Vec<Inline>,
    },
    /// A bulleted or numbered list.
    List {
        /// The first number of a numbered list; `None` for bullets.
        start: Option<u64>,
        /// Whether items are compact (no paragraph spacing), as CommonMark defines "tight".
        tight: bool,
        /// The items.
        items: Vec<ListItem>,
    },
    /// A block quote.
    Quote(Vec<Block>),
    /// A figure from the manifest's media, named by id, with a caption written in the Markdown.
    Figure {
        /// The media id.
        media: String,
        /// The caption; empty to use the manifest's.
        caption: Vec<Inline>,
    },
    /// A table.
    Table {
        /// Alignment of each column.
        alignments: Vec<Alignment>,
        /// The header row's cells.
        head: Vec<Vec<Inline>>,
        /// The body rows.
        rows: Vec<Vec<Vec<Inline>>>,
    },
    /// Preformatted code.
    Code {
        /// The language named after the opening fence, if any.
        language: Option<String>,
        /// The code, exactly as written.
        text: String,
    },
    /// A thematic break between sections.
    Rule,
    /// Raw HTML from the Markdown, kept as literal text so that nothing is lost and nothing runs.
    RawHtml(String),
    /// A Markdown construct this version does not render; shown as its text, and logged.
    Unsupported {
        /// What it was, such as `definition list`.
        what: String,
        /// Its text.
        text: String,
    },
}

impl Block {
    /// A paragraph without its id yet; enrichment names it.
    pub fn paragraph(content: Vec<Inline>) -> Block {
        Block::Paragraph {
            id: String::new(),
            content,
        }
    }
}

/// Which text of an article a document is: the body, or a sidebar's teaser or a notice,
/// which are shown on the same page. Element ids are made here, so they never collide.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Scope(pub(crate) String);

impl Default for Scope {
    fn default() -> Self {
        Scope::body()
    }
}

impl Scope {
    /// The article's body: headings keep their slugs, so `#slug` links written in it work.
    pub fn body() -> Scope {
        Scope("body".into())
    }

    /// The teaser of sidebar `index`.
    pub fn sidebar(index: usize) -> Scope {
        Scope(format!("sidebar_{index}"))
    }

    /// The text of notice `index`.
    pub fn notice(index: usize) -> Scope {
        Scope(format!("notice_{index}"))
    }

    /// The scope's name, such as `body` or `sidebar_0`.
    pub fn name(&self) -> &str {
        &self.0
    }

    /// Whether this is the body.
    pub fn is_body(&self) -> bool {
        self.0 == "body"
    }

    /// The element id for a heading slug. App ids contain `_`, which slugs never do.
    pub fn heading_id(&self, slug: &str) -> String {
        if self.is_body() {
            slug.to_owned()
        } else {
            format!("{}_h_{slug}", self.0)
        }
    }

    /// The element id of paragraph `n` (from 1) in reading order.
    pub fn paragraph_id(&self, n: usize) -> String {
        format!("{}_p_{n}", self.0)
    }

    /// The element id of footnote `n`.
    pub fn note_id(&self, n: usize) -> String {
        format!("{}_fn_{n}", self.0)
    }

    /// The element id of the first reference to footnote `n`, where its back link returns.
    pub fn reference_id(&self, n: usize) -> String {
        format!("{}_fnref_{n}", self.0)
    }
}

/// One item of a list.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ListItem {
    /// `Some(done)` for a task-list item `- [x]`.
    pub task: Option<bool>,
    /// The item's blocks.
    pub blocks: Vec<Block>,
}

/// Column alignment in a table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Alignment {
    /// No alignment given.
    None,
    /// Left, or the start side in right-to-left text.
    Left,
    /// Centred.
    Center,
    /// Right.
    Right,
}

/// Text-level content.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "type", content = "value", rename_all = "kebab-case")]
pub enum Inline {
    /// Plain text.
    Text(String),
    /// Emphasis, usually italic.
    Emphasis(Vec<Inline>),
    /// Strong importance, usually bold.
    Strong(Vec<Inline>),
    /// Struck-through text.
    Strikethrough(Vec<Inline>),
    /// Inline code.
    Code(String),
    /// A link. A refused target renders as its content alone.
    Link {
        /// Where it points, after the allow-list.
        target: LinkTarget,
        /// The title attribute, if written.
        title: String,
        /// The link text.
        content: Vec<Inline>,
    },
    /// An image inside running text.
    Image {
        /// Where it points, after the allow-list.
        target: LinkTarget,
        /// The title attribute, if written.
        title: String,
        /// The alternative text.
        alt: Vec<Inline>,
    },
    /// A reference to a footnote.
    FootnoteRef {
        /// The label as written, `[^label]`.
        label: String,
        /// Its number in reading order; `None` when the footnote is not defined.
        number: Option<usize>,
        /// Whether this is the first reference to its footnote: the one the footnote's
        /// back link returns to, and the only one with an id.
        first: bool,
    },
    /// A line break inside a paragraph that the reader's window may reflow.
    SoftBreak,
    /// A forced line break.
    HardBreak,
    /// Raw inline HTML, kept as literal text.
    RawHtml(String),
}

/// A footnote's definition.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Footnote {
    /// The label as written.
    pub label: String,
    /// Its number in reading order.
    pub number: usize,
    /// Its blocks.
    pub blocks: Vec<Block>,
}

/// One heading in the outline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OutlineEntry {
    /// 1 to 6.
    pub level: u8,
    /// The heading's id.
    pub id: String,
    /// The heading's plain text.
    pub text: String,
}

/// The plain text of some inlines, as a screen reader would speak it.
pub fn plain_text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    push_plain_text(inlines, &mut out);
    out
}

fn push_plain_text(inlines: &[Inline], out: &mut String) {
    for inline in inlines {
        match inline {
            Inline::Text(t) | Inline::Code(t) | Inline::RawHtml(t) => out.push_str(t),
            Inline::Emphasis(c) | Inline::Strong(c) | Inline::Strikethrough(c) => {
                push_plain_text(c, out)
            }
            Inline::Link { content, .. } => push_plain_text(content, out),
            Inline::Image { alt, .. } => push_plain_text(alt, out),
            Inline::FootnoteRef { .. } => {}
            Inline::SoftBreak | Inline::HardBreak => out.push(' '),
        }
    }
}
