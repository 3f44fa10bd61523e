//! The inline code of the built pages: a CSP hash (`sha256-…`) of every executable inline
//! script and every `<style>` element, and the attributes a strict policy blocks
//! (`style="…"`, `on…="…"`). A small tokenizer, enough for HTML the build itself wrote:
//! comments, start and end tags with quoted or bare attributes, raw-text elements.

use std::collections::BTreeSet;
use std::path::Path;

use base64::Engine as _;
use sha2::{Digest, Sha256};

use super::CspError;

/// What the pages hold inline.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Inline {
    /// Hashes of the inline scripts a browser runs (classic, module, import map).
    pub scripts: BTreeSet<String>,
    /// Hashes of the `<style>` elements.
    pub styles: BTreeSet<String>,
    /// Inline code the policy blocks, as `page: attribute="value"`.
    pub blocked: Vec<String>,
}

/// The inline code of every page of the site in `dist`: each `.html` file outside the
/// bundles' folder, whose files are never pages of the app.
pub fn of_site(dist: &Path) -> Result<Inline, CspError> {
    let mut found = Inline::default();
    for file in crate::compress::files(dist) {
        let relative = file.strip_prefix(dist).unwrap_or(&file);
        let in_bundles = relative.components().next().is_some_and(|c| {
            c.as_os_str() == "bundles" || c.as_os_str().to_string_lossy().starts_with('.')
        });
        if in_bundles || file.extension().is_none_or(|e| e != "html") {
            continue;
        }
        let html = std::fs::read_to_string(&file).map_err(|source| CspError::Read {
            path: file.clone(),
            source,
        })?;
        found.scan(&html, &relative.display().to_string());
    }
    Ok(found)
}

/// `'sha256-…'`'s inner part for `text` as a browser hashes it: after the HTML parser has
/// turned every CR LF and lone CR into LF.
pub fn hash(text: &str) -> String {
    let normalized = text.replace("\r\n", "\n").replace('\r', "\n");
    let digest = Sha256::digest(normalized.as_bytes());
    format!(
        "sha256-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

impl Inline {
    /// Adds what the page `html` (named `page` in messages) holds inline.
    pub fn scan(&mut self, html: &str, page: &str) {
        let bytes = html.as_bytes();
        let mut at = 0;
        while let Some(offset) = bytes[at..].iter().position(|&b| b == b'<') {
            let start = at + offset;
            let rest = &bytes[start..];
            if rest.starts_with(b"<!--") {
                at = find(bytes, start + 4, b"-->").map_or(bytes.len(), |end| end + 3);
                continue;
            }
            let Some(tag) = start_tag(html, start) else {
                // An end tag, a doctype, or a `<` in text: on to its end.
                at = if matches!(rest.get(1), Some(b'/' | b'!' | b'?')) {
                    find(bytes, start, b">").map_or(bytes.len(), |end| end + 1)
                } else {
                    start + 1
                };
                continue;
            };
            at = tag.end;
            for (name, value) in &tag.attributes {
                if name == "style" || name.starts_with("on") {
                    self.blocked.push(format!("{page}: {name}=\"{value}\""));
                }
            }
            if matches!(tag.name.as_str(), "script" | "style" | "title" | "textarea") {
                let close = end_tag(bytes, at, &tag.name);
                let text = &html[at..close];
                at = close;
                if tag.name == "style" {
                    self.styles.insert(hash(text));
                } else if tag.name == "script" && tag.runs_inline() {
                    self.scripts.insert(hash(text));
                }
            }
        }
    }
}

/// A start tag: its lower-case name, its attributes, and where it ends.
struct StartTag {
    name: String,
    attributes: Vec<(String, String)>,
    end: usize,
}

impl StartTag {
    fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Whether this `<script>`'s own text is run: no `src`, and a type that is JavaScript,
    /// a module, an import map or speculation rules. JSON and other data blocks never run.
    fn runs_inline(&self) -> bool {
        if self.attribute("src").is_some() {
            return false;
        }
        let kind = self
            .attribute("type")
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        const JAVASCRIPT: &[&str] = &[
            "",
            "module",
            "importmap",
            "speculationrules",
            "text/javascript",
            "application/javascript",
            "application/ecmascript",
            "application/x-ecmascript",
            "application/x-javascript",
            "text/ecmascript",
            "text/javascript1.0",
            "text/javascript1.1",
            "text/javascript1.2",
            "text/javascript1.3",
            "text/javascript1.4",
            "text/javascript1.5",
            "text/jscript",
            "text/livescript",
            "text/x-ecmascript",
            "text/x-javascript",
        ];
        JAVASCRIPT.contains(&kind.as_str())
    }
}

/// The start tag at `start` (a `<`), if one is there.
fn start_tag(html: &str, start: usize) -> Option<StartTag> {
    let bytes = html.as_bytes();
    let name_end = start
        + 1
        + bytes[start + 1..]
            .iter()
            .position(|b| !(b.is_ascii_alphanumeric() || *b == b'-'))
            .unwrap_or(bytes.len() - start - 1);
    if name_end == start + 1 || !bytes[start + 1].is_ascii_alphabetic() {
        return None;
    }
    let name = html[start + 1..name_end].to_ascii_lowercase();
    let mut attributes = Vec::new();
    let mut at = name_end;
    loop {
        while at < bytes.len() && (bytes[at].is_ascii_whitespace() || bytes[at] == b'/') {
            at += 1;
        }
        match bytes.get(at) {
            None => return None,
            Some(b'>') => break,
            Some(_) => {}
        }
        let name_start = at;
        while at < bytes.len() && !b" \t\n\r\x0c/>=".contains(&bytes[at]) {
            at += 1;
        }
        let attribute = html[name_start..at].to_ascii_lowercase();
        while at < bytes.len() && bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        let mut value = String::new();
        if bytes.get(at) == Some(&b'=') {
            at += 1;
            while at < bytes.len() && bytes[at].is_ascii_whitespace() {
                at += 1;
            }
            let (value_start, value_end, next) = match bytes.get(at) {
                Some(&quote @ (b'"' | b'\'')) => {
                    let end = find(bytes, at + 1, &[quote])?;
                    (at + 1, end, end + 1)
                }
                _ => {
                    let end = bytes[at..]
                        .iter()
                        .position(|b| b.is_ascii_whitespace() || *b == b'>')
                        .map_or(bytes.len(), |p| at + p);
                    (at, end, end)
                }
            };
            value = html[value_start..value_end].to_owned();
            at = next;
        }
        attributes.push((attribute, value));
    }
    Some(StartTag {
        name,
        attributes,
        end: at + 1,
    })
}

/// Where the end tag `</name` of a raw-text element begins, from `from` on.
fn end_tag(bytes: &[u8], from: usize, name: &str) -> usize {
    let mut at = from;
    while let Some(start) = find(bytes, at, b"</") {
        let after = start + 2 + name.len();
        let named = bytes
            .get(start + 2..after)
            .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()));
        let ends = bytes
            .get(after)
            .is_none_or(|b| b.is_ascii_whitespace() || *b == b'>' || *b == b'/');
        if named && ends {
            return start;
        }
        at = start + 2;
    }
    bytes.len()
}

/// The first `needle` in `bytes` from `from` on.
fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}
