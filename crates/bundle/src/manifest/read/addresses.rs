//! Addresses in the manifest: paths to the bundle's own files, web addresses, and links.

use crate::diagnostic::{Report, Rule};
use crate::json::Obj;
use crate::limits;
use crate::manifest::Link;
use crate::url::{classify, LinkTarget, Refusal};

use super::id_field;

/// A path to a file inside the bundle. Whitespace and commas are refused: image paths are
/// written into `srcset`, where they would separate one candidate address from the next.
pub(super) fn bundle_file(o: &Obj<'_, '_>, report: &mut Report, key: &str) -> Option<String> {
    let raw = o.opt_str_max(report, key, limits::URL_CHARS)?;
    if raw.contains(|c: char| c.is_whitespace() || c == ',') {
        let msg = format!("{raw:?} has a space or comma; file names in a bundle may not");
        o.problem(report, Rule::BadValue, key, msg);
        return None;
    }
    match classify(&raw) {
        LinkTarget::Bundle(path)
            if !path.is_empty() && !path.contains(['?', '#']) && !path.ends_with('/') =>
        {
            Some(path)
        }
        LinkTarget::Refused {
            reason: Refusal::EscapesBundle,
            ..
        } => {
            o.problem(
                report,
                Rule::PathEscapesBundle,
                key,
                format!("{raw:?} leaves the bundle's folder"),
            );
            None
        }
        other => {
            let why = match other {
                LinkTarget::Refused { reason, .. } => format!(": {reason}"),
                _ => String::new(),
            };
            o.problem(
                report,
                Rule::UnsafeUrl,
                key,
                format!(
                    "{raw:?} is not a file path inside the bundle, such as media/photo.png{why}"
                ),
            );
            None
        }
    }
}

/// An absolute web address: `http`, `https` or (when `mail` is allowed) `mailto`.
fn checked_url(o: &Obj<'_, '_>, report: &mut Report, key: &str, mail: bool) -> Option<String> {
    let raw = o.opt_str_max(report, key, limits::URL_CHARS)?;
    match classify(&raw) {
        LinkTarget::External(url) if mail || !url.to_ascii_lowercase().starts_with("mailto:") => {
            Some(url)
        }
        LinkTarget::Refused { reason, .. } => {
            o.problem(
                report,
                Rule::UnsafeUrl,
                key,
                format!("{raw:?} refused: {reason}"),
            );
            None
        }
        _ => {
            o.problem(
                report,
                Rule::UnsafeUrl,
                key,
                format!("{raw:?} is not an absolute http or https address"),
            );
            None
        }
    }
}

/// An absolute `http` or `https` address.
pub(super) fn web_url(o: &Obj<'_, '_>, report: &mut Report, key: &str) -> Option<String> {
    checked_url(o, report, key, false)
}

/// A link to another bundle, to a web or mail address, or to nothing.
pub(super) fn link(o: &Obj<'_, '_>, report: &mut Report) -> Option<Link> {
    let label = o.req_text(report, "label", "the words readers see");
    let bundle = id_field(o, report, "bundle");
    let url = checked_url(o, report, "url", true);
    if bundle.is_some() && url.is_some() {
        o.problem(
            report,
            Rule::AmbiguousLink,
            "url",
            "give either \"bundle\" or \"url\", not both",
        );
    }
    Some(Link {
        label: label?,
        bundle,
        url,
    })
}
