//! Shared helpers for the bundle tests: a small valid bundle, JSON edits applied to it,
//! and reading the result the way the viewer does.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use folio_bundle::{read_bundle, read_folder, Article, Diagnostic, Report, Rule};
use serde_json::{json, Value};

/// The body of the small valid bundle: three lines, the figure showing the `chart` media.
pub const BODY: &str =
    "Intro paragraph with a few words.\n\n![A chart of the figures](media:chart)\n";

/// A small valid manifest: two media items, a sidebar, related links, a notice.
pub fn manifest() -> Value {
    json!({
        "format_version": "1.0",
        "id": "folio-test",
        "language": "en",
        "headline": "A Test Headline",
        "published": "2024-05-01",
        "source": { "name": "Folio" },
        "lead": { "media": "lead", "caption": "The lead photo", "credit": "Folio" },
        "body": "body.md",
        "media": [
            { "id": "lead", "src": "media/lead.png", "alt": "A lead photo", "width": 4, "height": 3 },
            { "id": "chart", "src": "media/chart.png", "alt": "A chart", "width": 4, "height": 3 }
        ],
        "sidebars": [
            {
                "id": "aside",
                "title": "An Aside",
                "teaser": "Some **teaser** text.",
                "more": { "label": "More", "bundle": "other-story" }
            }
        ],
        "related": [
            { "label": "Elsewhere", "url": "https://example.org/story" },
            { "label": "Plain words" }
        ],
        "notices": [
            {
                "kind": "correction",
                "text": "An earlier version misspelt a name.",
                "links": [{ "label": "Corrections", "url": "https://example.org/corrections" }]
            }
        ],
        "tags": ["test"]
    })
}

/// One change to a JSON document, at a JSON pointer such as `/media/1/alt`.
pub enum Edit {
    /// Sets the value, adding the key if absent; `/list/-` appends to a list.
    Set(&'static str, Value),
    /// Removes the key or list item.
    Remove(&'static str),
}

/// Sets `value` at `pointer`.
pub fn set(pointer: &'static str, value: Value) -> Edit {
    Edit::Set(pointer, value)
}

/// Removes what is at `pointer`.
pub fn remove(pointer: &'static str) -> Edit {
    Edit::Remove(pointer)
}

/// Applies `edits` to `doc`, in order.
pub fn apply(mut doc: Value, edits: Vec<Edit>) -> Value {
    for edit in edits {
        let pointer = match &edit {
            Edit::Set(p, _) | Edit::Remove(p) => *p,
        };
        let (parent, last) = pointer.rsplit_once('/').expect("a JSON pointer");
        let target = doc
            .pointer_mut(parent)
            .unwrap_or_else(|| panic!("{parent} is not in the document"));
        match (target, edit) {
            (Value::Object(map), Edit::Set(_, v)) => {
                map.insert(last.to_owned(), v);
            }
            (Value::Object(map), Edit::Remove(_)) => {
                map.remove(last)
                    .unwrap_or_else(|| panic!("nothing at {pointer}"));
            }
            (Value::Array(items), Edit::Set(_, v)) if last == "-" => items.push(v),
            (Value::Array(items), Edit::Set(_, v)) => items[last.parse::<usize>().unwrap()] = v,
            (Value::Array(items), Edit::Remove(_)) => {
                items.remove(last.parse::<usize>().unwrap());
            }
            (other, _) => panic!("{parent} is {other}, not an object or a list"),
        }
    }
    doc
}

/// Reads manifest bytes and body bytes as the viewer does.
pub fn read(manifest: &[u8], body: &[u8]) -> (Option<Article>, Report) {
    read_bundle(manifest, body)
}

/// Reads the small valid bundle after `edits`.
pub fn read_edited(edits: Vec<Edit>) -> (Option<Article>, Report) {
    let json = serde_json::to_vec(&apply(manifest(), edits)).unwrap();
    read(&json, BODY.as_bytes())
}

/// The diagnostics for `rule`.
pub fn of_rule(report: &Report, rule: Rule) -> Vec<&Diagnostic> {
    report
        .diagnostics
        .iter()
        .filter(|d| d.rule == rule)
        .collect()
}

/// `(rule, path)` of every diagnostic, in order.
pub fn rules_and_paths(report: &Report) -> Vec<(Rule, String)> {
    report
        .diagnostics
        .iter()
        .map(|d| (d.rule, d.path.clone()))
        .collect()
}

/// Every rule. The match fails to compile when a rule is added, so the list stays complete.
pub fn all_rules() -> Vec<Rule> {
    use Rule::*;
    let after = |rule: Option<Rule>| -> Option<Rule> {
        match rule {
            None => Some(Syntax),
            Some(Syntax) => Some(TooLarge),
            Some(TooLarge) => Some(UnsupportedVersion),
            Some(UnsupportedVersion) => Some(Missing),
            Some(Missing) => Some(WrongType),
            Some(WrongType) => Some(BadValue),
            Some(BadValue) => Some(BadDate),
            Some(BadDate) => Some(DuplicateId),
            Some(DuplicateId) => Some(MissingAlt),
            Some(MissingAlt) => Some(UndeclaredMedia),
            Some(UndeclaredMedia) => Some(UnsafeUrl),
            Some(UnsafeUrl) => Some(PathEscapesBundle),
            Some(PathEscapesBundle) => Some(AmbiguousLink),
            Some(AmbiguousLink) => Some(MissingFile),
            Some(MissingFile) => Some(UnsafeLink),
            Some(UnsafeLink) => Some(ExternalImage),
            Some(ExternalImage) => Some(RawHtml),
            Some(RawHtml) => Some(NestingTooDeep),
            Some(NestingTooDeep) => Some(HeadingSkip),
            Some(HeadingSkip) => Some(UndefinedFootnote),
            Some(UndefinedFootnote) => Some(UnusedMedia),
            Some(UnusedMedia) => Some(UpdatedBeforePublished),
            Some(UpdatedBeforePublished) => None,
        }
    };
    std::iter::successors(after(None), |r| after(Some(*r))).collect()
}

/// A folder of its own under the system's temporary folder, removed when dropped.
pub struct TempBundle {
    /// The folder.
    pub dir: PathBuf,
}

impl TempBundle {
    /// Writes `files` (path inside the bundle, contents) into a new folder.
    pub fn new(files: &[(&str, &[u8])]) -> Self {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let dir =
            std::env::temp_dir().join(format!("folio-bundle-test-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        for (path, bytes) in files {
            let file = dir.join(path);
            std::fs::create_dir_all(file.parent().unwrap()).unwrap();
            std::fs::write(file, bytes).unwrap();
        }
        Self { dir }
    }

    /// Reads the folder with [`read_folder`].
    pub fn read(&self) -> (Option<Article>, Report) {
        let mut report = Report::default();
        let article = read_folder(&self.dir, &mut report);
        (article, report)
    }

    /// The folder's path.
    pub fn path(&self) -> &Path {
        &self.dir
    }
}

impl Drop for TempBundle {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
