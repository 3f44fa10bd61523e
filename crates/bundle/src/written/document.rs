//! Reading back a document: its blocks, inlines, footnotes and link targets.

use serde_json::Value;

use super::{tagged, Fields, Written};
use crate::document::{
    Alignment, Block, Document, Footnote, Inline, ListItem, OutlineEntry, Scope,
};
use crate::url::{LinkTarget, Refusal};

words!(Alignment { "none" => Alignment::None, "left" => Alignment::Left, "center" => Alignment::Center, "right" => Alignment::Right });
words!(Refusal {
    "scheme" => Refusal::Scheme,
    "no-host" => Refusal::NoHost,
    "protocol-relative" => Refusal::ProtocolRelative,
    "root-path" => Refusal::RootPath,
    "escapes-bundle" => Refusal::EscapesBundle,
    "empty" => Refusal::Empty,
    "bad-id" => Refusal::BadId,
    "control-character" => Refusal::ControlCharacter,
});

impl Written for Document {
    fn read(value: Value) -> Option<Self> {
        let mut f = Fields::of(value)?;
        Some(Document {
            scope: Scope(f.take("scope")?),
            blocks: f.take("blocks")?,
            footnotes: f.take("footnotes")?,
            outline: f.take("outline")?,
            word_count: f.take("word_count")?,
        })
    }
}

impl Written for Block {
    fn read(value: Value) -> Option<Self> {
        let (variant, value) = tagged(value, "type")?;
        match variant.as_str() {
            "quote" => return Some(Block::Quote(Written::read(value)?)),
            "raw-html" => return Some(Block::RawHtml(Written::read(value)?)),
            "rule" => return Some(Block::Rule),
            _ => {}
        }
        let mut f = Fields::of(value)?;
        Some(match variant.as_str() {
            "heading" => Block::Heading {
                level: f.take("level")?,
                rank: f.take("rank")?,
                id: f.take("id")?,
                content: f.take("content")?,
            },
            "paragraph" => Block::Paragraph {
                id: f.take("id")?,
                content: f.take("content")?,
            },
            "list" => Block::List {
                start: f.maybe("start")?,
                tight: f.take("tight")?,
                items: f.take("items")?,
            },
            "figure" => Block::Figure {
                media: f.take("media")?,
                caption: f.take("caption")?,
            },
            "table" => Block::Table {
                alignments: f.take("alignments")?,
                head: f.take("head")?,
                rows: f.take("rows")?,
            },
            "code" => Block::Code {
                language: f.maybe("language")?,
                text: f.take("text")?,
            },
            "unsupported" => Block::Unsupported {
                what: f.take("what")?,
                text: f.take("text")?,
            },
            _ => return None,
        })
    }
}

impl Written for Inline {
    fn read(value: Value) -> Option<Self> {
        let (variant, value) = tagged(value, "type")?;
        let inlines = |value: Value| Vec::<Inline>::read(value);
        Some(match variant.as_str() {
            "text" => Inline::Text(String::read(value)?),
            "code" => Inline::Code(String::read(value)?),
            "raw-html" => Inline::RawHtml(String::read(value)?),
            "emphasis" => Inline::Emphasis(inlines(value)?),
            "strong" => Inline::Strong(inlines(value)?),
            "strikethrough" => Inline::Strikethrough(inlines(value)?),
            "soft-break" => Inline::SoftBreak,
            "hard-break" => Inline::HardBreak,
            "link" => {
                let mut f = Fields::of(value)?;
                Inline::Link {
                    target: f.take("target")?,
                    title: f.take("title")?,
                    content: f.take("content")?,
                }
            }
            "image" => {
                let mut f = Fields::of(value)?;
                Inline::Image {
                    target: f.take("target")?,
                    title: f.take("title")?,
                    alt: f.take("alt")?,
                }
            }
            "footnote-ref" => {
                let mut f = Fields::of(value)?;
                Inline::FootnoteRef {
                    label: f.take("label")?,
                    number: f.maybe("number")?,
                    first: f.take("first")?,
                }
            }
            _ => return None,
        })
    }
}

impl Written for ListItem {
    fn read(value: Value) -> Option<Self> {
        let mut f = Fields::of(value)?;
        Some(ListItem {
            task: f.maybe("task")?,
            blocks: f.take("blocks")?,
        })
    }
}

impl Written for Footnote {
    fn read(value: Value) -> Option<Self> {
        let mut f = Fields::of(value)?;
        Some(Footnote {
            label: f.take("label")?,
            number: f.take("number")?,
            blocks: f.take("blocks")?,
        })
    }
}

impl Written for OutlineEntry {
    fn read(value: Value) -> Option<Self> {
        let mut f = Fields::of(value)?;
        Some(OutlineEntry {
            level: f.take("level")?,
            id: f.take("id")?,
            text: f.take("text")?,
        })
    }
}

impl Written for LinkTarget {
    fn read(value: Value) -> Option<Self> {
        let (variant, value) = tagged(value, "kind")?;
        Some(match variant.as_str() {
            "external" => LinkTarget::External(String::read(value)?),
            "bundle" => LinkTarget::Bundle(String::read(value)?),
            "anchor" => LinkTarget::Anchor(String::read(value)?),
            "media" => LinkTarget::Media(String::read(value)?),
            "article" => LinkTarget::Article(String::read(value)?),
            "nowhere" => LinkTarget::Nowhere,
            "refused" => {
                let mut f = Fields::of(value)?;
                LinkTarget::Refused {
                    url: f.take("url")?,
                    reason: f.take("reason")?,
                }
            }
            _ => return None,
        })
    }
}
