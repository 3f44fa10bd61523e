//! The `bundle.json` manifest: what an article is made of, as plain serde types.
//! [`read`] builds them from bytes, collecting every problem with its JSON path.

mod read;

use std::collections::BTreeMap;

use serde::Serialize;

pub(crate) use read::direction as read_direction;
pub use read::{is_language_tag, read_manifest, FILE};

use crate::date::Timestamp;
use crate::url::LinkTarget;

/// The major version of the format this crate reads.
pub const FORMAT_MAJOR: u32 = 1;
/// The minor version of the format this crate writes.
pub const FORMAT_MINOR: u32 = 0;

/// A bundle's manifest, `bundle.json`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Manifest {
    /// `"MAJOR.MINOR"`; a reader refuses a newer major version and ignores unknown fields.
    pub format_version: FormatVersion,
    /// The bundle's id, unique within a catalog: lower-case letters, digits, `-` and `_`.
    pub id: String,
    /// The article's language, a BCP 47 tag such as `en` or `ru`.
    pub language: String,
    /// The text direction of the article's language.
    pub direction: Direction,
    /// The section or label above the headline, such as "Breaking News".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kicker: Option<String>,
    /// The headline.
    pub headline: String,
    /// A one-paragraph summary under the headline.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub standfirst: Option<String>,
    /// Who wrote it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub byline: Option<String>,
    /// When it was published.
    pub published: Timestamp,
    /// When it was last updated, if ever.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated: Option<Timestamp>,
    /// The dateline that opens the story, such as "October 13, 2007 (RFE/RL)".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dateline: Option<String>,
    /// Who published it.
    pub source: Source,
    /// The photo at the top of the article.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lead: Option<Figure>,
    /// Path of the body's Markdown file inside the bundle.
    pub body: String,
    /// Every image the article uses, declared once and named by id elsewhere.
    pub media: Vec<Media>,
    /// Boxed asides shown beside or after the story.
    pub sidebars: Vec<Sidebar>,
    /// Related headlines.
    pub related: Vec<Link>,
    /// A link to more coverage, such as an archive.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub more_coverage: Option<Link>,
    /// Notices to readers: legal or safety warnings, corrections, editor's notes.
    pub notices: Vec<Notice>,
    /// Topic tags.
    pub tags: Vec<String>,
    /// The article's address on the publisher's site.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub canonical_url: Option<String>,
    /// The rights or credit line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rights: Option<String>,
    /// Reserved for file hashes and a publisher's signature; read but not yet verified.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub integrity: Option<Integrity>,
}

/// A format version, `MAJOR.MINOR`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FormatVersion {
    /// Incompatible changes raise this.
    pub major: u32,
    /// Compatible additions raise this.
    pub minor: u32,
}

impl Serialize for FormatVersion {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&format_args!("{}.{}", self.major, self.minor))
    }
}

/// Text direction.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// Left to right.
    #[default]
    Ltr,
    /// Right to left.
    Rtl,
    /// Decided by the browser from the text.
    Auto,
}

impl Direction {
    /// The value of the HTML `dir` attribute.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
            Direction::Auto => "auto",
        }
    }
}

/// The publisher.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Source {
    /// Its name, such as "RFE/RL".
    pub name: String,
    /// Its home page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// An image file of the bundle.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Media {
    /// The id others use to name it.
    pub id: String,
    /// What it is; only images in this version.
    pub kind: MediaKind,
    /// Path inside the bundle.
    pub src: String,
    /// Its MIME type, such as `image/png`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mime: Option<String>,
    /// Alternative text for readers who cannot see it. Empty only when `decorative`.
    pub alt: String,
    /// Marks an image that carries no information, so screen readers skip it.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub decorative: bool,
    /// Width in pixels, to reserve its space before it loads.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Marks a stand-in image that is not the original photo.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub placeholder: bool,
    /// Default credit when a figure gives none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credit: Option<String>,
    /// Other sizes of the same image, for `srcset`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<MediaSource>,
}

/// What kind of media an item is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MediaKind {
    /// A still image.
    Image,
}

/// Another size of an image.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MediaSource {
    /// Path inside the bundle.
    pub src: String,
    /// Its width in pixels.
    pub width: u32,
}

/// A photo with its caption and credit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Figure {
    /// The media id.
    pub media: String,
    /// What the photo shows.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub caption: Option<String>,
    /// Who took or supplied it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credit: Option<String>,
}

/// A boxed aside.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Sidebar {
    /// An id for links to it, unique among sidebars.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Its title.
    pub title: String,
    /// Its photo.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub figure: Option<Figure>,
    /// Its text, in Markdown.
    pub teaser: String,
    /// The "more" link after the teaser.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub more: Option<Link>,
}

/// A link that points to another bundle, to a URL, or to nothing (plain text).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Link {
    /// The words shown.
    pub label: String,
    /// Another bundle's id, opened inside Folio.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bundle: Option<String>,
    /// An absolute `http`, `https` or `mailto` URL, opened in a new tab.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

impl Link {
    /// Where this link goes: another article, an external URL, or nowhere.
    pub fn to(&self) -> LinkTarget {
        match (&self.bundle, &self.url) {
            (Some(id), _) => LinkTarget::Article(id.clone()),
            (None, Some(url)) => LinkTarget::External(url.clone()),
            (None, None) => LinkTarget::Nowhere,
        }
    }
}

/// A notice to readers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Notice {
    /// What kind of notice, which sets how it looks.
    pub kind: NoticeKind,
    /// Its text, in Markdown.
    pub text: String,
    /// Links after the text.
    pub links: Vec<Link>,
}

/// Kinds of notice.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NoticeKind {
    /// A legal warning, such as a ban on the publisher.
    Legal,
    /// Advice for the reader's safety.
    Safety,
    /// A correction to the article.
    Correction,
    /// An editor's note.
    EditorsNote,
}

impl NoticeKind {
    /// Every kind, with its name in the manifest.
    pub const ALL: [(&'static str, NoticeKind); 4] = [
        ("legal", NoticeKind::Legal),
        ("safety", NoticeKind::Safety),
        ("correction", NoticeKind::Correction),
        ("editors-note", NoticeKind::EditorsNote),
    ];

    /// The kind's name in the manifest.
    pub fn as_str(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(_, k)| *k == self)
            .map_or("legal", |(name, _)| name)
    }
}

/// Integrity data, reserved for a later version: a SHA-256 per file and a signature.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Integrity {
    /// Lower-case hex SHA-256 of each file, by path inside the bundle.
    pub sha256: BTreeMap<String, String>,
    /// The publisher's signature over the manifest, kept as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signature: Option<serde_json::Value>,
}

impl Manifest {
    /// The media item with `id`.
    pub fn media(&self, id: &str) -> Option<&Media> {
        self.media.iter().find(|m| m.id == id)
    }
}
