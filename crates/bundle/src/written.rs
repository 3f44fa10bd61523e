//! Reading back the model this crate writes: an [`Article`] as `serde::Serialize` makes it
//! JSON. A static page carries its article that way, already read and checked by its build,
//! so the browser draws it without the Markdown reader (ADR 013).
//!
//! Written by hand over one [`serde_json::Value`] rather than derived: a derived
//! `Deserialize` is compiled again for every type and the deserializer it meets, and in
//! Folio's module it cost about 25 KB brotli where this costs a few. Anything other than
//! what the build writes is refused whole (`None`); nothing here checks a bundle's rules,
//! which the build has applied. `tests/model_round_trip.rs` holds the two sides together.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use crate::article::Article;
use crate::date::Timestamp;
use crate::document::{
    Alignment, Block, Document, Footnote, Inline, ListItem, OutlineEntry, Scope,
};
use crate::manifest::{
    Direction, Figure, FormatVersion, Integrity, Link, Manifest, Media, MediaKind, MediaSource,
    Notice, NoticeKind, Sidebar, Source,
};
use crate::pause::{self, Waiting};
use crate::url::{LinkTarget, Refusal};

/// How many blocks or footnotes are read back between two pauses.
const BLOCKS_PER_PAUSE: usize = 256;

impl Article {
    /// The article `value` holds, as [`serde_json::to_value`] of an [`Article`] gives it;
    /// `None` when it holds anything else.
    pub fn from_written(value: Value) -> Option<Article> {
        pause::at_once(Article::from_written_in_steps(value, &mut pause::no_pause))
    }

    /// [`Article::from_written`], awaiting `pause` every [`BLOCKS_PER_PAUSE`] blocks of the
    /// body and of its footnotes: a long article's model is read back in steps, as its
    /// Markdown is read (`crate::pause`).
    pub async fn from_written_in_steps(
        value: Value,
        pause: &mut dyn FnMut() -> Waiting,
    ) -> Option<Article> {
        let mut f = Fields::of(value)?;
        let mut body = Fields::of(f.0.remove("body")?)?;
        let blocks = in_steps(body.0.remove("blocks")?, pause).await?;
        let footnotes = in_steps(body.0.remove("footnotes")?, pause).await?;
        Some(Article {
            manifest: f.take("manifest")?,
            body: Document {
                scope: Scope(body.take("scope")?),
                blocks,
                footnotes,
                outline: body.take("outline")?,
                word_count: body.take("word_count")?,
            },
            teasers: f.take("teasers")?,
            notices: f.take("notices")?,
        })
    }
}

/// A list read back item by item, with a pause every [`BLOCKS_PER_PAUSE`] items.
async fn in_steps<T: Written>(value: Value, pause: &mut dyn FnMut() -> Waiting) -> Option<Vec<T>> {
    let Value::Array(items) = value else {
        return None;
    };
    let mut list = Vec::with_capacity(items.len());
    for (i, item) in items.into_iter().enumerate() {
        if i % BLOCKS_PER_PAUSE == BLOCKS_PER_PAUSE - 1 {
            pause().await;
        }
        list.push(T::read(item)?);
    }
    Some(list)
}

/// A type read back from what its `Serialize` wrote.
trait Written: Sized {
    fn read(value: Value) -> Option<Self>;
}

/// An object's fields, taken out one by one.
struct Fields(Map<String, Value>);

impl Fields {
    fn of(value: Value) -> Option<Fields> {
        match value {
            Value::Object(map) => Some(Fields(map)),
            _ => None,
        }
    }

    /// A field every value has.
    fn take<T: Written>(&mut self, key: &str) -> Option<T> {
        T::read(self.0.remove(key)?)
    }

    /// A field left out when it is `None` (`skip_serializing_if = "Option::is_none"`).
    fn maybe<T: Written>(&mut self, key: &str) -> Option<Option<T>> {
        match self.0.remove(key) {
            None | Some(Value::Null) => Some(None),
            Some(value) => T::read(value).map(Some),
        }
    }

    /// A field left out when it has its default (`false`, an empty list).
    fn or_default<T: Written + Default>(&mut self, key: &str) -> Option<T> {
        match self.0.remove(key) {
            None => Some(T::default()),
            Some(value) => T::read(value),
        }
    }
}

/// An enum written with `tag` naming its variant and, unless it has none, `value` its
/// content (`#[serde(tag, content)]`).
fn tagged(value: Value, tag: &str) -> Option<(String, Value)> {
    let mut fields = Fields::of(value)?;
    let variant = fields.take::<String>(tag)?;
    Some((variant, fields.0.remove("value").unwrap_or(Value::Null)))
}

impl Written for String {
    fn read(value: Value) -> Option<Self> {
        match value {
            Value::String(text) => Some(text),
            _ => None,
        }
    }
}

impl Written for bool {
    fn read(value: Value) -> Option<Self> {
        value.as_bool()
    }
}

impl Written for u64 {
    fn read(value: Value) -> Option<Self> {
        value.as_u64()
    }
}

/// Whole numbers narrower than `u64`, refused when they do not fit.
macro_rules! narrower {
    ($($t:ty),*) => {$(
        impl Written for $t {
            fn read(value: Value) -> Option<Self> {
                value.as_u64().and_then(|n| <$t>::try_from(n).ok())
            }
        }
    )*};
}
narrower!(u8, u32, usize);

impl<T: Written> Written for Vec<T> {
    fn read(value: Value) -> Option<Self> {
        match value {
            Value::Array(items) => items.into_iter().map(T::read).collect(),
            _ => None,
        }
    }
}

impl<T: Written> Written for Option<T> {
    fn read(value: Value) -> Option<Self> {
        match value {
            Value::Null => Some(None),
            value => T::read(value).map(Some),
        }
    }
}

/// Enums written as one word each (`rename_all`).
macro_rules! words {
    ($t:ty { $($word:literal => $variant:expr),* $(,)? }) => {
        impl Written for $t {
            fn read(value: Value) -> Option<Self> {
                match value.as_str()? {
                    $($word => Some($variant),)*
                    _ => None,
                }
            }
        }
    };
}
words!(Alignment { "none" => Alignment::None, "left" => Alignment::Left, "center" => Alignment::Center, "right" => Alignment::Right });
words!(Direction { "ltr" => Direction::Ltr, "rtl" => Direction::Rtl, "auto" => Direction::Auto });
words!(MediaKind { "image" => MediaKind::Image });
words!(NoticeKind {
    "legal" => NoticeKind::Legal,
    "safety" => NoticeKind::Safety,
    "correction" => NoticeKind::Correction,
    "editors-note" => NoticeKind::EditorsNote,
});
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

impl Written for Manifest {
    fn read(value: Value) -> Option<Self> {
        let mut f = Fields::of(value)?;
        Some(Manifest {
            format_version: f.take("format_version")?,
            id: f.take("id")?,
            language: f.take("language")?,
            direction: f.take("direction")?,
            kicker: f.maybe("kicker")?,
            headline: f.take("headline")?,
            standfirst: f.maybe("standfirst")?,
            byline: f.maybe("byline")?,
            published: f.take("published")?,
            updated: f.maybe("updated")?,
            dateline: f.maybe("dateline")?,
            source: f.take("source")?,
            lead: f.maybe("lead")?,
            body: f.take("body")?,
            media: f.take("media")?,
            sidebars: f.take("sidebars")?,
            related: f.take("related")?,
            more_coverage: f.maybe("more_coverage")?,
            notices: f.take("notices")?,
            tags: f.take("tags")?,
            canonical_url: f.maybe("canonical_url")?,
            rights: f.maybe("rights")?,
            integrity: f.maybe("integrity")?,
        })
    }
}

impl Written for FormatVersion {
    fn read(value: Value) -> Option<Self> {
        let text = String::read(value)?;
        let (major, minor) = text.split_once('.')?;
        Some(FormatVersion {
            major: major.parse().ok()?,
            minor: minor.parse().ok()?,
        })
    }
}

impl Written for Timestamp {
    fn read(value: Value) -> Option<Self> {
        Timestamp::parse(&String::read(value)?).ok()
    }
}

impl Written for Source {
    fn read(value: Value) -> Option<Self> {
        let mut f = Fields::of(value)?;
        Some(Source {
            name: f.take("name")?,
            url: f.maybe("url")?,
        })
    }
}

impl Written for Figure {
    fn read(value: Value) -> Option<Self> {
        let mut f = Fields::of(value)?;
        Some(Figure {
            media: f.take("media")?,
            caption: f.maybe("caption")?,
            credit: f.maybe("credit")?,
        })
    }
}

impl Written for Media {
    fn read(value: Value) -> Option<Self> {
        let mut f = Fields::of(value)?;
        Some(Media {
            id: f.take("id")?,
            kind: f.take("kind")?,
            src: f.take("src")?,
            mime: f.maybe("mime")?,
            alt: f.take("alt")?,
            decorative: f.or_default("decorative")?,
            width: f.take("width")?,
            height: f.take("height")?,
            placeholder: f.or_default("placeholder")?,
            credit: f.maybe("credit")?,
            sources: f.or_default("sources")?,
        })
    }
}

impl Written for MediaSource {
    fn read(value: Value) -> Option<Self> {
        let mut f = Fields::of(value)?;
        Some(MediaSource {
            src: f.take("src")?,
            width: f.take("width")?,
        })
    }
}

impl Written for Sidebar {
    fn read(value: Value) -> Option<Self> {
        let mut f = Fields::of(value)?;
        Some(Sidebar {
            id: f.maybe("id")?,
            title: f.take("title")?,
            figure: f.maybe("figure")?,
            teaser: f.take("teaser")?,
            more: f.maybe("more")?,
        })
    }
}

impl Written for Link {
    fn read(value: Value) -> Option<Self> {
        let mut f = Fields::of(value)?;
        Some(Link {
            label: f.take("label")?,
            bundle: f.maybe("bundle")?,
            url: f.maybe("url")?,
        })
    }
}

impl Written for Notice {
    fn read(value: Value) -> Option<Self> {
        let mut f = Fields::of(value)?;
        Some(Notice {
            kind: f.take("kind")?,
            text: f.take("text")?,
            links: f.take("links")?,
        })
    }
}

impl Written for Integrity {
    fn read(value: Value) -> Option<Self> {
        let mut f = Fields::of(value)?;
        let sha256 = match f.0.remove("sha256")? {
            Value::Object(map) => map
                .into_iter()
                .map(|(file, hash)| Some((file, String::read(hash)?)))
                .collect::<Option<BTreeMap<_, _>>>()?,
            _ => return None,
        };
        Some(Integrity {
            sha256,
            signature: f.0.remove("signature").filter(|v| !v.is_null()),
        })
    }
}
