//! The media list and the figures that name its items.

use std::collections::HashSet;

use serde_json::Value;

use crate::diagnostic::{Report, Rule};
use crate::json::Obj;
use crate::limits;
use crate::manifest::{Figure, Media, MediaKind, MediaSource};
use crate::url::is_valid_id;

use super::addresses::bundle_file;
use super::id_field;

/// The media ids the manifest declares, as written; `None` when `media` is not a list, so
/// that there is nothing to check figures against.
pub(super) type DeclaredMedia = Option<HashSet<String>>;

/// The valid ids of the objects in list `key`, as written, with their indexes. Reading
/// them from the JSON itself means an item dropped for another error still counts.
fn written_ids<'v>(o: &Obj<'v, '_>, key: &str) -> Option<Vec<(usize, &'v str)>> {
    let Value::Array(items) = o.raw(key)? else {
        return None;
    };
    let ids = items.iter().enumerate().filter_map(|(i, item)| {
        let id = item.get("id")?.as_str()?;
        is_valid_id(id).then_some((i, id))
    });
    Some(ids.collect())
}

/// The media ids declared in the manifest's media list.
pub(super) fn declared_media(o: &Obj<'_, '_>) -> DeclaredMedia {
    if o.raw("media").is_none() {
        return Some(HashSet::new());
    }
    let ids = written_ids(o, "media")?;
    Some(ids.into_iter().map(|(_, id)| id.to_owned()).collect())
}

/// The items of list `key` whose id an earlier item already uses, with their indexes.
pub(super) fn duplicate_ids(o: &Obj<'_, '_>, key: &str) -> Vec<(usize, String)> {
    let mut seen = HashSet::new();
    written_ids(o, key)
        .unwrap_or_default()
        .into_iter()
        .filter(|(_, id)| !seen.insert(*id))
        .map(|(i, id)| (i, id.to_owned()))
        .collect()
}

/// A photo named by media id, which the media list must declare.
pub(super) fn figure(
    o: &Obj<'_, '_>,
    report: &mut Report,
    declared: &DeclaredMedia,
) -> Option<Figure> {
    let media = o.req(report, "media", "the id of a media item", |o, r| {
        id_field(o, r, "media")
    });
    if let (Some(id), Some(declared)) = (&media, declared) {
        if !declared.contains(id) {
            o.problem(
                report,
                Rule::UndeclaredMedia,
                "media",
                format!("media {id:?} is not declared in bundle.json's media list"),
            );
        }
    }
    let caption = o.opt_text(report, "caption");
    let credit = o.opt_text(report, "credit");
    Some(Figure {
        media: media?,
        caption,
        credit,
    })
}

/// The media list, each id unique.
pub(super) fn media_list(o: &Obj<'_, '_>, report: &mut Report) -> Vec<Media> {
    let media = o.list(report, "media", limits::MEDIA_ITEMS, |item, r| {
        media_item(&item.object(r)?, r)
    });
    for (i, id) in duplicate_ids(o, "media") {
        o.problem(
            report,
            Rule::DuplicateId,
            &format!("media[{i}].id"),
            format!("{id:?} is used by an earlier media item"),
        );
    }
    media
}

const IMAGE_TYPES: [&str; 5] = [
    "image/png",
    "image/jpeg",
    "image/webp",
    "image/avif",
    "image/gif",
];

/// The image types a bundle may hold, by file extension (lower-case), with their MIME type.
/// Nothing else: an `.svg` or `.html` file opened on its own could run script.
const IMAGE_EXTENSIONS: [(&str, &str); 6] = [
    ("png", "image/png"),
    ("jpg", "image/jpeg"),
    ("jpeg", "image/jpeg"),
    ("webp", "image/webp"),
    ("avif", "image/avif"),
    ("gif", "image/gif"),
];

/// The MIME type that `path`'s extension names, if it is one of [`IMAGE_EXTENSIONS`].
fn image_type_of(path: &str) -> Option<&'static str> {
    let name = path.rsplit('/').next().unwrap_or(path);
    let (_, ext) = name.rsplit_once('.')?;
    let ext = ext.to_ascii_lowercase();
    IMAGE_EXTENSIONS
        .iter()
        .find(|(e, _)| *e == ext)
        .map(|(_, mime)| *mime)
}

/// An image file inside the bundle: a path whose extension is an image type Folio shows,
/// agreeing with `mime` when the item gives one.
fn image_file(
    o: &Obj<'_, '_>,
    report: &mut Report,
    key: &str,
    mime: Option<&str>,
) -> Option<String> {
    let path = bundle_file(o, report, key)?;
    let Some(found) = image_type_of(&path) else {
        let kinds: Vec<String> = IMAGE_EXTENSIONS
            .iter()
            .map(|(e, _)| format!(".{e}"))
            .collect();
        let msg = format!(
            "{path:?} is not an image file Folio shows: the name must end in {}",
            kinds.join(", ")
        );
        o.problem(report, Rule::BadValue, key, msg);
        return None;
    };
    if let Some(declared) = mime.filter(|m| IMAGE_TYPES.contains(m) && *m != found) {
        let msg = format!("{path:?} is named as {found}, but \"mime\" says {declared}");
        o.problem(report, Rule::BadValue, key, msg);
        return None;
    }
    Some(path)
}

fn media_item(o: &Obj<'_, '_>, report: &mut Report) -> Option<Media> {
    let id = o.req(report, "id", "others name the item by it", |o, r| {
        id_field(o, r, "id")
    });
    let kind = match o.opt_text(report, "kind").as_deref() {
        None | Some("image") => Some(MediaKind::Image),
        Some(other) => {
            o.problem(
                report,
                Rule::BadValue,
                "kind",
                format!("{other:?} is not a media kind this version shows (image)"),
            );
            None
        }
    };
    let mime = o.opt_text(report, "mime");
    let src = o.req(
        report,
        "src",
        "the image file's path inside the bundle",
        |o, r| image_file(o, r, "src", mime.as_deref()),
    );
    if let Some(m) = mime.as_deref().filter(|m| !IMAGE_TYPES.contains(m)) {
        o.problem(
            report,
            Rule::BadValue,
            "mime",
            format!("{m:?} is not one of {}", IMAGE_TYPES.join(", ")),
        );
    }
    let decorative = o.flag(report, "decorative");
    let alt = o.opt_text(report, "alt");
    if alt.is_none() && !decorative {
        o.problem(
            report,
            Rule::MissingAlt,
            "alt",
            "missing (every image needs alternative text, or \"decorative\": true)",
        );
    }
    let width = o.req(
        report,
        "width",
        "in pixels, to reserve the image's space",
        |o, r| o.opt_count(r, "width", limits::IMAGE_DIMENSION),
    );
    let height = o.req(
        report,
        "height",
        "in pixels, to reserve the image's space",
        |o, r| o.opt_count(r, "height", limits::IMAGE_DIMENSION),
    );
    let placeholder = o.flag(report, "placeholder");
    let credit = o.opt_text(report, "credit");
    let sources = o.list(report, "sources", 16, |item, r| {
        let s = item.object(r)?;
        let src = s.req(r, "src", "the file's path", |s, r| {
            image_file(s, r, "src", mime.as_deref())
        });
        let width = s.req(r, "width", "in pixels", |s, r| {
            s.opt_count(r, "width", limits::IMAGE_DIMENSION)
        });
        Some(MediaSource {
            src: src?,
            width: width?,
        })
    });
    Some(Media {
        id: id?,
        kind: kind?,
        src: src?,
        mime,
        alt: alt.unwrap_or_default(),
        decorative,
        width: width?,
        height: height?,
        placeholder,
        credit,
        sources,
    })
}
