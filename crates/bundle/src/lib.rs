//! Folio's article-bundle format, version 1: the manifest and catalog types, their
//! validation, and Markdown turned into a typed, safe block tree. No UI, no browser.
//!
//! The flow is one way: bytes → [`read_manifest`] → [`Article::assemble`] (Markdown parsed,
//! enriched, references checked) → the viewer. Every problem is collected into a [`Report`].

pub mod article;
pub mod catalog;
pub mod date;
pub mod diagnostic;
pub mod document;
pub mod enrich;
pub mod folder;
mod json;
pub mod limits;
pub mod manifest;
pub mod markdown;
pub mod pause;
pub mod url;
pub mod visit;
pub mod written;

pub use article::Article;
pub use catalog::{read_catalog, Catalog, CatalogEntry, Thumbnail};
pub use date::Timestamp;
pub use diagnostic::{Diagnostic, Report, Rule, Severity};
pub use document::{Alignment, Block, Document, Footnote, Inline, ListItem, OutlineEntry, Scope};
pub use folder::read_folder;
pub use manifest::{
    read_manifest, Direction, Figure, Link, Manifest, Media, Notice, NoticeKind, Sidebar,
};
pub use url::{classify, LinkTarget, Refusal};

/// Reads a whole bundle from its manifest and body bytes, as the viewer receives them.
pub fn read_bundle(manifest: &[u8], body: &[u8]) -> (Option<Article>, Report) {
    pause::at_once(read_bundle_in_steps(manifest, body, &mut pause::no_pause))
}

/// [`read_bundle`] in steps, awaiting `pause` now and then while it reads the body
/// ([`Article::assemble_in_steps`]).
pub async fn read_bundle_in_steps(
    manifest: &[u8],
    body: &[u8],
    pause: &mut dyn FnMut() -> pause::Waiting,
) -> (Option<Article>, Report) {
    let mut report = Report::default();
    let article = match read_manifest(manifest, &mut report) {
        Some(m) => Article::assemble_in_steps(m, body, &mut report, pause).await,
        None => None,
    };
    (article, report)
}
