//! Reads `bundle.json` into a [`Manifest`], checking every field and collecting every problem.

mod addresses;
mod asides;
mod media;

use crate::diagnostic::{Report, Rule};
use crate::json::{parse_object, Obj};
use crate::limits;
use crate::manifest::*;
use crate::url::is_valid_id;

use addresses::{bundle_file, link, web_url};
use asides::{notice, sidebar_list};
use media::{declared_media, figure, media_list};

/// The manifest's file name inside a bundle.
pub const FILE: &str = "bundle.json";

/// Reads a manifest from bytes. Returns it only when there are no errors; `report`
/// receives every error and warning either way.
pub fn read_manifest(bytes: &[u8], report: &mut Report) -> Option<Manifest> {
    let map = parse_object(bytes, FILE, limits::MANIFEST_BYTES, report)?;
    let o = Obj::root(&map, FILE);
    let format_version = format_version(&o, report)?;
    let errors_before = report.error_count();
    let id = o.req(report, "id", "every bundle needs an id", |o, r| {
        id_field(o, r, "id")
    });
    let language = o.req(report, "language", "a BCP 47 tag such as en", language);
    let direction = direction(&o, report);
    let kicker = o.opt_text(report, "kicker");
    let headline = o.req_text(report, "headline", "every article needs a headline");
    let standfirst = o.opt_str_max(report, "standfirst", limits::INLINE_MARKDOWN_BYTES);
    let byline = o.opt_text(report, "byline");
    let published = o.req(report, "published", "the publication date", |o, r| {
        date(o, r, "published")
    });
    let updated = date(&o, report, "updated");
    let dateline = o.opt_text(report, "dateline");
    let source = o.req(report, "source", "who published the article", |o, r| {
        source(&o.opt_obj(r, "source")?, r)
    });
    let declared = declared_media(&o);
    let lead = o
        .opt_obj(report, "lead")
        .and_then(|f| figure(&f, report, &declared));
    let body = o.req(
        report,
        "body",
        "the path of the body's Markdown file",
        |o, r| bundle_file(o, r, "body"),
    );
    let media = media_list(&o, report);
    let sidebars = sidebar_list(&o, report, &declared);
    let related = o.list(report, "related", limits::RELATED_LINKS, |item, r| {
        link(&item.object(r)?, r)
    });
    let more_coverage = o
        .opt_obj(report, "more_coverage")
        .and_then(|l| link(&l, report));
    let notices = o.list(report, "notices", limits::NOTICES, |item, r| {
        notice(&item.object(r)?, r)
    });
    let tags = o.list(report, "tags", limits::TAGS, |item, r| item.text(r));
    let canonical_url = web_url(&o, report, "canonical_url");
    let rights = o.opt_text(report, "rights");
    let integrity = o
        .opt_obj(report, "integrity")
        .map(|i| integrity(&i, report));

    if let (Some(p), Some(u)) = (published, updated) {
        if u.unix_seconds() < p.unix_seconds() {
            o.problem(
                report,
                Rule::UpdatedBeforePublished,
                "updated",
                format!("{u} is before the publication date {p}"),
            );
        }
    }
    if report.error_count() > errors_before {
        return None;
    }
    Some(Manifest {
        format_version,
        id: id?,
        language: language?,
        direction,
        kicker,
        headline: headline?,
        standfirst,
        byline,
        published: published?,
        updated,
        dateline,
        source: source?,
        lead,
        body: body?,
        media,
        sidebars,
        related,
        more_coverage,
        notices,
        tags,
        canonical_url,
        rights,
        integrity,
    })
}

fn format_version(o: &Obj<'_, '_>, report: &mut Report) -> Option<FormatVersion> {
    let text = o.req(report, "format_version", "such as \"1.0\"", |o, r| {
        o.opt_text(r, "format_version")
    })?;
    let parsed = text
        .split_once('.')
        .and_then(|(a, b)| Some((a.parse::<u32>().ok()?, b.parse::<u32>().ok()?)));
    let Some((major, minor)) = parsed else {
        o.problem(
            report,
            Rule::BadValue,
            "format_version",
            format!("{text:?} is not MAJOR.MINOR, such as \"1.0\""),
        );
        return None;
    };
    if major > FORMAT_MAJOR {
        let msg = format!("this bundle needs format {major}.{minor}, newer than the {FORMAT_MAJOR}.x this reader understands; update Folio to read it");
        o.problem(report, Rule::UnsupportedVersion, "format_version", msg);
        return None;
    }
    if major == 0 {
        o.problem(
            report,
            Rule::BadValue,
            "format_version",
            "version 0 does not exist; use \"1.0\"",
        );
        return None;
    }
    Some(FormatVersion { major, minor })
}

/// An optional id field; a value that is not an id is a problem.
fn id_field(o: &Obj<'_, '_>, report: &mut Report, key: &str) -> Option<String> {
    let id = o.opt_text(report, key)?;
    if is_valid_id(&id) {
        Some(id)
    } else {
        o.problem(
            report,
            Rule::BadValue,
            key,
            format!("{id:?} is not an id: use 1 to 100 lower-case letters, digits, - or _"),
        );
        None
    }
}

/// Whether `tag` has the shape of a BCP 47 language tag: `en`, `ru`, `pt-BR`, `sr-Latn-RS`.
pub fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary_ok = parts
        .next()
        .is_some_and(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphabetic()));
    primary_ok
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

fn language(o: &Obj<'_, '_>, report: &mut Report) -> Option<String> {
    let tag = o.opt_text(report, "language")?;
    if is_language_tag(&tag) {
        Some(tag)
    } else {
        o.problem(
            report,
            Rule::BadValue,
            "language",
            format!("{tag:?} is not a language tag such as en, ru or pt-BR"),
        );
        None
    }
}

/// The `direction` field of a manifest or catalog entry: `ltr` when absent.
pub(crate) fn direction(o: &Obj<'_, '_>, report: &mut Report) -> Direction {
    match o.opt_text(report, "direction").as_deref() {
        None | Some("ltr") => Direction::Ltr,
        Some("rtl") => Direction::Rtl,
        Some("auto") => Direction::Auto,
        Some(other) => {
            o.problem(
                report,
                Rule::BadValue,
                "direction",
                format!("{other:?} is not one of ltr, rtl, auto"),
            );
            Direction::Ltr
        }
    }
}

fn date(o: &Obj<'_, '_>, report: &mut Report, key: &str) -> Option<crate::date::Timestamp> {
    let text = o.opt_text(report, key)?;
    match crate::date::Timestamp::parse(&text) {
        Ok(t) => Some(t),
        Err(e) => {
            o.problem(report, Rule::BadDate, key, format!("{text:?}: {e}"));
            None
        }
    }
}

fn source(o: &Obj<'_, '_>, report: &mut Report) -> Option<Source> {
    let name = o.req_text(report, "name", "the publisher's name");
    let url = web_url(o, report, "url");
    Some(Source { name: name?, url })
}

fn integrity(o: &Obj<'_, '_>, report: &mut Report) -> Integrity {
    let mut out = Integrity::default();
    if let Some(files) = o.opt_obj(report, "sha256") {
        for (path, hash) in files.entries() {
            let ok = hash.as_str().is_some_and(|h| {
                h.len() == 64
                    && h.bytes()
                        .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
            });
            if ok {
                out.sha256
                    .insert(path.clone(), hash.as_str().unwrap_or_default().to_owned());
            } else {
                files.problem(
                    report,
                    Rule::BadValue,
                    path,
                    "expected 64 lower-case hex digits of SHA-256",
                );
            }
        }
    }
    out.signature = o.raw("signature").cloned();
    out
}
