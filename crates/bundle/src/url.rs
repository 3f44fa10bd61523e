//! The link allow-list: every URL a bundle gives is sorted into a safe target or refused.
//!
//! Allowed: `http:` and `https:` with a host, `mailto:`, `#anchors`, `media:ID`, `bundle:ID`,
//! and relative paths that stay inside the bundle. Everything else is refused, including
//! `javascript:`, `vbscript:`, `data:`, `file:`, protocol-relative `//host` and root paths `/x`.

use std::fmt;

/// Where a link or image points, once checked.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "kind", content = "value", rename_all = "kebab-case")]
pub enum LinkTarget {
    /// An `http:`, `https:` or `mailto:` URL, as written (whitespace and control characters removed).
    External(String),
    /// A file inside the bundle, normalised (no `.` or `..` segments, except a leading `./`
    /// where the path would otherwise start with a scheme), with any `?query#fragment`.
    Bundle(String),
    /// A place in the same article, without the `#`.
    Anchor(String),
    /// A media item declared in the manifest, by id (`media:ID`).
    Media(String),
    /// Another article bundle, by id (`bundle:ID`).
    Article(String),
    /// No target at all, as in a manifest link written without one: the words alone.
    Nowhere,
    /// A URL outside the allow-list; readers see the link's text without a link.
    Refused {
        /// The URL as written.
        url: String,
        /// Why it was refused.
        reason: Refusal,
    },
}

/// Why a URL was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Refusal {
    /// A scheme outside the allow-list, such as `javascript:` or `data:`.
    Scheme,
    /// An `http:` or `https:` URL without a host.
    NoHost,
    /// `//host/...`, which would load from another origin with the page's scheme.
    ProtocolRelative,
    /// `/path`, which points outside the bundle to the hosting site.
    RootPath,
    /// `../` steps that leave the bundle's folder.
    EscapesBundle,
    /// An empty URL, or one over the length cap.
    Empty,
    /// A `media:` or `bundle:` id that is not a valid id.
    BadId,
    /// A control character (U+0000–U+001F, U+007F–U+009F) inside the URL, where browsers
    /// would drop or reinterpret it.
    ControlCharacter,
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Refusal::Scheme => "only http, https and mailto links are allowed",
            Refusal::NoHost => "a web address needs a host name",
            Refusal::ProtocolRelative => {
                "addresses starting with // are not allowed; write https://"
            }
            Refusal::RootPath => "paths starting with / point outside the bundle",
            Refusal::EscapesBundle => "the path leaves the bundle's folder",
            Refusal::Empty => "the address is empty or too long",
            Refusal::BadId => "not a valid id (lower-case letters, digits and hyphens)",
            Refusal::ControlCharacter => "the address holds a control character",
        })
    }
}

impl LinkTarget {
    /// Whether the URL was refused.
    pub fn is_refused(&self) -> bool {
        matches!(self, LinkTarget::Refused { .. })
    }
}

/// Whether `id` is a valid bundle or media id: 1 to 100 of `a-z`, `0-9`, `-`, `_`, starting
/// with a letter or digit.
pub fn is_valid_id(id: &str) -> bool {
    (1..=100).contains(&id.len())
        && id.as_bytes()[0].is_ascii_alphanumeric()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

/// Sorts `raw` into an allowed target, or a refusal with its reason.
pub fn classify(raw: &str) -> LinkTarget {
    // Browsers ignore tabs and newlines anywhere in a URL, and leading or trailing
    // control characters and spaces, so `java\tscript:` must be seen as `javascript:`.
    let cleaned: String = raw
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let url = cleaned.trim_matches(|c: char| c <= ' ');
    let refuse = |reason| LinkTarget::Refused {
        url: raw.to_owned(),
        reason,
    };
    if url.is_empty() || url.chars().count() > crate::limits::URL_CHARS {
        return refuse(Refusal::Empty);
    }
    // Inside the URL a control character is never meaningful, and a browser's parser may
    // drop it, turning `..\u{1f}\\` into `..`: refuse rather than guess what it becomes.
    if url.chars().any(char::is_control) {
        return refuse(Refusal::ControlCharacter);
    }
    if let Some(anchor) = url.strip_prefix('#') {
        return LinkTarget::Anchor(anchor.to_owned());
    }
    if let Some(scheme) = scheme_of(url) {
        let rest = &url[scheme.len() + 1..];
        return match scheme.to_ascii_lowercase().as_str() {
            "http" | "https" => {
                let host = rest.trim_start_matches(['/', '\\']);
                let host = host.split(['/', '\\', '?', '#']).next().unwrap_or("");
                let has_slashes = rest.starts_with("//");
                if has_slashes && !host.is_empty() && !host.starts_with('@') {
                    LinkTarget::External(url.to_owned())
                } else {
                    refuse(Refusal::NoHost)
                }
            }
            "mailto" if !rest.is_empty() => LinkTarget::External(url.to_owned()),
            "media" if is_valid_id(rest) => LinkTarget::Media(rest.to_owned()),
            "bundle" if is_valid_id(rest) => LinkTarget::Article(rest.to_owned()),
            "media" | "bundle" => refuse(Refusal::BadId),
            _ => refuse(Refusal::Scheme),
        };
    }
    if url.starts_with("//")
        || url.starts_with("\\\\")
        || url.starts_with("/\\")
        || url.starts_with("\\/")
    {
        return refuse(Refusal::ProtocolRelative);
    }
    if url.starts_with(['/', '\\']) {
        return refuse(Refusal::RootPath);
    }
    match bundle_path(url) {
        Some(path) => LinkTarget::Bundle(path),
        None => refuse(Refusal::EscapesBundle),
    }
}

/// The scheme of `url` (the part before the first `:`), if it has one.
fn scheme_of(url: &str) -> Option<&str> {
    let end = url.find(':')?;
    let scheme = &url[..end];
    let mut bytes = scheme.bytes();
    let first_ok = bytes.next().is_some_and(|b| b.is_ascii_alphabetic());
    let rest_ok = bytes.all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'));
    // A colon after `/`, `?` or `#` belongs to the path, not to a scheme.
    (first_ok && rest_ok).then_some(scheme)
}

/// Normalises a relative path inside the bundle: `./a/../b.png?x#y` becomes `b.png?x#y`.
/// Returns `None` when `..` would climb out of the bundle's folder.
pub fn bundle_path(url: &str) -> Option<String> {
    let split = url.find(['?', '#']).unwrap_or(url.len());
    let (path, suffix) = url.split_at(split);
    let mut kept: Vec<&str> = Vec::new();
    for segment in path.split(['/', '\\']) {
        match dot_count(segment) {
            _ if segment.is_empty() => {}
            Some(1) => {}
            Some(2) => {
                kept.pop()?;
            }
            _ => kept.push(segment),
        }
    }
    let mut out = kept.join("/");
    // Normalising `./javascript:x` must not give `javascript:x`, which reads as a scheme:
    // a path that would start with a scheme keeps a leading `./`.
    if scheme_of(&out).is_some() {
        out.insert_str(0, "./");
    }
    if path.ends_with(['/', '\\']) && !out.is_empty() {
        out.push('/');
    }
    out.push_str(suffix);
    Some(out)
}

/// If `segment` is made only of dots (plain or `%2e`), how many; otherwise `None`.
fn dot_count(segment: &str) -> Option<usize> {
    let lower = segment.to_ascii_lowercase();
    let mut rest = lower.as_str();
    let mut dots = 0;
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix('.') {
            rest = r;
        } else if let Some(r) = rest.strip_prefix("%2e") {
            rest = r;
        } else {
            return None;
        }
        dots += 1;
    }
    Some(dots)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    fn refused(reason: Refusal) -> impl Fn(&LinkTarget) -> bool {
        move |t| matches!(t, LinkTarget::Refused { reason: r, .. } if *r == reason)
    }

    #[rstest]
    #[case("https://www.rferl.org/a/x.html", LinkTarget::External("https://www.rferl.org/a/x.html".into()))]
    #[case("HTTP://example.org", LinkTarget::External("HTTP://example.org".into()))]
    #[case("mailto:desk@example.org", LinkTarget::External("mailto:desk@example.org".into()))]
    #[case("#array-of-activists", LinkTarget::Anchor("array-of-activists".into()))]
    #[case("media:lead-photo", LinkTarget::Media("lead-photo".into()))]
    #[case("bundle:ru-sample", LinkTarget::Article("ru-sample".into()))]
    #[case("media/a.png", LinkTarget::Bundle("media/a.png".into()))]
    #[case("./media/../media/a.png#x", LinkTarget::Bundle("media/a.png#x".into()))]
    #[case("notes/", LinkTarget::Bundle("notes/".into()))]
    #[case("notes\\", LinkTarget::Bundle("notes/".into()))]
    #[case("a:b/c", LinkTarget::Refused { url: "a:b/c".into(), reason: Refusal::Scheme })]
    #[case("foo/bar:baz", LinkTarget::Bundle("foo/bar:baz".into()))]
    #[case("./javascript:alert(1)", LinkTarget::Bundle("./javascript:alert(1)".into()))]
    #[case("x/../javascript:alert(1)", LinkTarget::Bundle("./javascript:alert(1)".into()))]
    #[case("%2e/data:text/html,x", LinkTarget::Bundle("./data:text/html,x".into()))]
    #[case("./foo):", LinkTarget::Bundle("foo):".into()))]
    fn allowed_urls_become_targets(#[case] url: &str, #[case] expected: LinkTarget) {
        assert_eq!(classify(url), expected);
    }

    #[rstest]
    #[case("javascript:alert(1)", Refusal::Scheme)]
    #[case("JaVaScRiPt:alert(1)", Refusal::Scheme)]
    #[case("java\tscript:alert(1)", Refusal::Scheme)]
    #[case("java\nscript:alert(1)", Refusal::Scheme)]
    #[case(" \u{1}javascript:alert(1)", Refusal::Scheme)]
    #[case("vbscript:msgbox(1)", Refusal::Scheme)]
    #[case("data:text/html,<script>alert(1)</script>", Refusal::Scheme)]
    #[case("data:image/png;base64,AAAA", Refusal::Scheme)]
    #[case("file:///etc/passwd", Refusal::Scheme)]
    #[case("https:evil.example", Refusal::NoHost)]
    #[case("https://", Refusal::NoHost)]
    #[case("//evil.example/x", Refusal::ProtocolRelative)]
    #[case("\\\\evil.example/x", Refusal::ProtocolRelative)]
    #[case("/etc/passwd", Refusal::RootPath)]
    #[case("../other-bundle/body.md", Refusal::EscapesBundle)]
    #[case("media/../../x.png", Refusal::EscapesBundle)]
    #[case("%2e%2e/x.png", Refusal::EscapesBundle)]
    #[case("media\\..\\..\\x.png", Refusal::EscapesBundle)]
    #[case("", Refusal::Empty)]
    #[case("..\u{1f}\\body.md", Refusal::ControlCharacter)]
    #[case("..\u{1f}\\", Refusal::ControlCharacter)]
    #[case("media/a\u{0}.png", Refusal::ControlCharacter)]
    #[case("https://example.org/\u{7f}x", Refusal::ControlCharacter)]
    #[case("media/\u{85}a.png", Refusal::ControlCharacter)]
    #[case("media:Not An Id", Refusal::BadId)]
    #[case("bundle:", Refusal::BadId)]
    fn hostile_urls_are_refused(#[case] url: &str, #[case] reason: Refusal) {
        let target = classify(url);
        assert!(refused(reason)(&target), "{url:?} gave {target:?}");
    }

    #[rstest]
    #[case("lead-photo", true)]
    #[case("a", true)]
    #[case("fig_2", true)]
    #[case("-a", false)]
    #[case("Lead", false)]
    #[case("a b", false)]
    #[case("", false)]
    fn ids_are_lower_case_words(#[case] id: &str, #[case] ok: bool) {
        assert_eq!(is_valid_id(id), ok);
    }
}
