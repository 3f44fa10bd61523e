//! Reading back a manifest: the article's metadata, media, sidebars, links and notices.

use std::collections::BTreeMap;

use serde_json::Value;

use super::{Fields, Written};
use crate::date::Timestamp;
use crate::manifest::{
    Direction, Figure, FormatVersion, Integrity, Link, Manifest, Media, MediaKind, MediaSource,
    Notice, NoticeKind, Sidebar, Source,
};

words!(Direction { "ltr" => Direction::Ltr, "rtl" => Direction::Rtl, "auto" => Direction::Auto });
words!(MediaKind { "image" => MediaKind::Image });
words!(NoticeKind {
    "legal" => NoticeKind::Legal,
    "safety" => NoticeKind::Safety,
    "correction" => NoticeKind::Correction,
    "editors-note" => NoticeKind::EditorsNote,
});

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
