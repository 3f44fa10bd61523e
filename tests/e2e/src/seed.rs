//! The sample article as its bundle holds it, for tests that check every part is on screen.

use serde_json::Value;

use crate::repo;

/// The sample article's id.
pub const SEED: &str = "us-officials-meet-russian-dissidents";

/// The sample article's `bundle.json`.
pub fn seed_manifest() -> Value {
    let path = repo().join(format!("public/bundles/{SEED}/bundle.json"));
    serde_json::from_slice(&std::fs::read(path).expect("seed manifest"))
        .expect("seed manifest is JSON")
}

/// How many articles the sample catalog (`public/index.json`) lists.
pub fn catalog_size() -> usize {
    let catalog: Value = serde_json::from_slice(
        &std::fs::read(repo().join("public/index.json")).expect("the sample catalog"),
    )
    .expect("the sample catalog is JSON");
    catalog["bundles"].as_array().map_or(0, Vec::len)
}

/// The sample article's body paragraphs, as Markdown source.
pub fn seed_paragraphs() -> Vec<String> {
    let body = std::fs::read_to_string(repo().join(format!("public/bundles/{SEED}/body.md")))
        .expect("seed body");
    body.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty() && !p.starts_with('#'))
        .map(str::to_owned)
        .collect()
}

/// Visible text with runs of whitespace made single, as a reader sees it.
pub fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
