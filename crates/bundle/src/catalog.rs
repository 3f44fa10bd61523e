//! The catalog `index.json`: the list of bundles a reader can open.

use std::collections::HashSet;

use serde::Serialize;

use crate::date::Timestamp;
use crate::diagnostic::{Diagnostic, Report, Rule};
use crate::json::{parse_object, Obj};
use crate::limits;
use crate::manifest::{Direction, FORMAT_MAJOR};
use crate::url::{classify, is_valid_id, LinkTarget};

/// The catalog's usual file name.
pub const FILE: &str = "index.json";

/// A list of bundles.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Catalog {
    /// The bundles, as listed.
    pub bundles: Vec<CatalogEntry>,
}

/// One bundle in the catalog.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CatalogEntry {
    /// The bundle's id, the same as its manifest's.
    pub id: String,
    /// The bundle's folder, relative to the catalog, such as `bundles/some-story/`.
    pub path: String,
    /// The headline.
    pub headline: String,
    /// One or two sentences for the card.
    pub summary: String,
    /// When it was published.
    pub published: Timestamp,
    /// Its language, a BCP 47 tag.
    pub language: String,
    /// Its text direction.
    pub direction: Direction,
    /// A small image for the card.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub thumbnail: Option<Thumbnail>,
}

/// A card's image.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Thumbnail {
    /// Path relative to the catalog.
    pub src: String,
    /// Alternative text.
    pub alt: String,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
}

impl Catalog {
    /// The entries, newest first; equal dates keep their listed order.
    pub fn newest_first(&self) -> Vec<&CatalogEntry> {
        let mut entries: Vec<&CatalogEntry> = self.bundles.iter().collect();
        entries.sort_by_key(|e| std::cmp::Reverse(e.published.unix_seconds()));
        entries
    }

    /// The entry for bundle `id`.
    pub fn entry(&self, id: &str) -> Option<&CatalogEntry> {
        self.bundles.iter().find(|e| e.id == id)
    }
}

/// Reads a catalog from bytes; `None` when there are errors, all of them in `report`.
pub fn read_catalog(bytes: &[u8], report: &mut Report) -> Option<Catalog> {
    let map = parse_object(bytes, FILE, limits::CATALOG_BYTES, report)?;
    let o = Obj::root(&map, FILE);
    let before = report.error_count();
    let version = o.req(report, "format_version", "such as \"1.0\"", |o, r| {
        o.opt_text(r, "format_version")
    });
    if let Some(v) = version {
        let major = v.split('.').next().and_then(|m| m.parse::<u32>().ok());
        if major.is_none_or(|m| m == 0 || m > FORMAT_MAJOR) {
            o.problem(
                report,
                Rule::UnsupportedVersion,
                "format_version",
                format!(
                    "catalog format {v:?} is not one this reader understands ({FORMAT_MAJOR}.x)"
                ),
            );
        }
    }
    // Each entry keeps its JSON path: an entry dropped for an error must not shift the
    // index a later duplicate is reported at.
    let listed = o.list(report, "bundles", limits::CATALOG_ENTRIES, |item, r| {
        let path = item.path.clone();
        Some((path, entry(&item.object(r)?, r)?))
    });
    let mut seen = HashSet::new();
    for (path, e) in &listed {
        if !seen.insert(e.id.as_str()) {
            let msg = format!("{:?} is listed twice", e.id);
            report.push(Diagnostic::new(
                Rule::DuplicateId,
                FILE,
                format!("{path}.id"),
                msg,
            ));
        }
    }
    let bundles = listed.into_iter().map(|(_, e)| e).collect();
    (report.error_count() == before).then_some(Catalog { bundles })
}

fn relative_path(o: &Obj<'_, '_>, report: &mut Report, key: &str) -> Option<String> {
    let raw = o.opt_str_max(report, key, limits::URL_CHARS)?;
    match classify(&raw) {
        LinkTarget::Bundle(path) if !path.is_empty() => Some(path),
        _ => {
            o.problem(
                report,
                Rule::UnsafeUrl,
                key,
                format!("{raw:?} is not a relative path below the catalog"),
            );
            None
        }
    }
}

fn entry(o: &Obj<'_, '_>, report: &mut Report) -> Option<CatalogEntry> {
    let id = o.req(report, "id", "the bundle's id", |o, r| {
        let id = o.opt_text(r, "id")?;
        if !is_valid_id(&id) {
            o.problem(r, Rule::BadValue, "id", format!("{id:?} is not an id"));
            return None;
        }
        Some(id)
    });
    let path = o.req(report, "path", "the bundle's folder", |o, r| {
        relative_path(o, r, "path")
    });
    let headline = o.req_text(report, "headline", "shown on the card");
    let summary = o
        .opt_str_max(report, "summary", limits::TEXT_CHARS)
        .unwrap_or_default();
    let published = o.req(report, "published", "the publication date", |o, r| {
        let text = o.opt_text(r, "published")?;
        Timestamp::parse(&text)
            .map_err(|e| o.problem(r, Rule::BadDate, "published", format!("{text:?}: {e}")))
            .ok()
    });
    let language = o.req(report, "language", "a BCP 47 tag", |o, r| {
        let tag = o.opt_text(r, "language")?;
        if !crate::manifest::is_language_tag(&tag) {
            o.problem(
                r,
                Rule::BadValue,
                "language",
                format!("{tag:?} is not a language tag"),
            );
            return None;
        }
        Some(tag)
    });
    let direction = crate::manifest::read_direction(o, report);
    let thumbnail = o.opt_obj(report, "thumbnail").and_then(|t| {
        let src = t.req(report, "src", "the image's path", |t, r| {
            relative_path(t, r, "src")
        });
        let alt = t.opt_text(report, "alt");
        if alt.is_none() {
            t.problem(
                report,
                Rule::MissingAlt,
                "alt",
                "missing (every image needs alternative text)",
            );
        }
        let width = t.req(report, "width", "in pixels", |t, r| {
            t.opt_count(r, "width", limits::IMAGE_DIMENSION)
        });
        let height = t.req(report, "height", "in pixels", |t, r| {
            t.opt_count(r, "height", limits::IMAGE_DIMENSION)
        });
        Some(Thumbnail {
            src: src?,
            alt: alt?,
            width: width?,
            height: height?,
        })
    });
    Some(CatalogEntry {
        id: id?,
        path: path?,
        headline: headline?,
        summary,
        published: published?,
        language: language?,
        direction,
        thumbnail,
    })
}
