//! Bytes: each asset of the release build and the sample bundle, raw, gzip -9 and brotli 11;
//! and the first visit's total from the files a real page load requested.

use std::path::Path;

use serde_json::{json, Value};

use crate::budget::{self, SAMPLE_ARTICLE};
use crate::compress;

/// Extensions of the images and fonts a first visit's total leaves out.
const IMAGE_OR_FONT: &[&str] = &[
    "png", "jpg", "jpeg", "webp", "avif", "gif", "svg", "ico", "woff2", "woff", "ttf", "otf",
];

/// One measured file.
pub struct Asset {
    pub kind: &'static str,
    pub name: String,
    pub raw: usize,
    pub gzip: usize,
    pub brotli: usize,
}

fn measure(kind: &'static str, name: String, path: &Path) -> Result<Asset, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(Asset {
        kind,
        name,
        raw: bytes.len(),
        gzip: compress::gzip(&bytes).len(),
        brotli: compress::brotli(&bytes).len(),
    })
}

/// The app's assets in `dist` (html, the articles' static pages, js, wasm, css, fonts if
/// any) and the sample bundle's files.
pub fn assets(dist: &Path) -> Result<Vec<Asset>, String> {
    let mut out = Vec::new();
    for path in compress::files(dist) {
        let name = path
            .strip_prefix(dist)
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        if ext == "br" || ext == "gz" {
            continue; // the server's precompressed copies
        }
        let top = !name.contains('/');
        let kind = match ext {
            "html" if top => "html",
            "html" if name.starts_with("articles/") => "static page",
            "js" if top => "js",
            // The module, which the lean issue's target is about; its parts come on first use.
            "wasm" if top && name.ends_with("_bg.wasm") => "wasm",
            "wasm" if top => "wasm part",
            "css" if top => "css",
            "woff2" if name.starts_with("fonts/") => "font",
            _ if name.starts_with(&format!("bundles/{SAMPLE_ARTICLE}/")) => "sample bundle",
            _ => continue,
        };
        out.push(measure(kind, name, &path)?);
    }
    Ok(out)
}

/// The first visit: each requested file's real transfer size (from the browser) and its brotli
/// size in `dist`, images and fonts excluded; and whether the budget's derived list matches.
pub fn first_visit(dist: &Path, requests: &Value) -> Result<Value, String> {
    let mut files = Vec::new();
    let mut transfer_total = 0u64;
    for r in requests.as_array().into_iter().flatten() {
        let kind = r["type"].as_str().unwrap_or("");
        let url = r["url"].as_str().unwrap_or("");
        let ext = url.rsplit('.').next().unwrap_or("");
        // Chromium types the favicon "Other", so images are also known by their extension.
        let image_or_font = matches!(kind, "Image" | "Font" | "Media")
            || IMAGE_OR_FONT.contains(&ext.to_ascii_lowercase().as_str());
        // The service worker's answers (its list of saved articles) cross no network, and
        // the web app manifest is fetched only when the browser checks installability.
        if image_or_font || r["fromServiceWorker"] == true || ext == "webmanifest" {
            continue;
        }
        let path = url
            .splitn(4, '/')
            .nth(3)
            .unwrap_or("")
            .split(['?', '#'])
            .next()
            .unwrap_or("");
        // A folder's address is its index.html.
        let name = if path.is_empty() || path.ends_with('/') {
            format!("{path}index.html")
        } else {
            path.to_owned()
        };
        let transfer = r["transfer"].as_u64().unwrap_or(0);
        transfer_total += transfer;
        files.push((name, transfer, kind.to_owned()));
    }
    let names: Vec<String> = files.iter().map(|f| f.0.clone()).collect();
    let sizes = budget::brotli_sizes(dist, &names)?;
    let brotli_total: usize = sizes.iter().map(|s| s.1).sum();
    let mut derived = budget::first_visit_files(dist)?;
    let mut measured = names.clone();
    derived.sort();
    measured.sort();
    let only = |a: &[String], b: &[String]| -> Vec<String> {
        a.iter().filter(|x| !b.contains(x)).cloned().collect()
    };
    Ok(json!({
        "files": files.iter().zip(&sizes).map(|((name, transfer, kind), (_, br))| json!({
            "file": name, "type": kind, "transfer": transfer, "brotli": br,
        })).collect::<Vec<_>>(),
        "brotli_total": brotli_total,
        "transfer_total": transfer_total,
        "budget_list_matches": derived == measured,
        "only_in_budget_list": only(&derived, &measured),
        "only_in_page_load": only(&measured, &derived),
        "budget_list": derived,
    }))
}

/// The sizes as JSON.
pub fn to_json(assets: &[Asset]) -> Value {
    Value::Array(
        assets
            .iter()
            .map(|a| json!({"kind": a.kind, "file": a.name, "raw": a.raw, "gzip": a.gzip, "brotli": a.brotli}))
            .collect(),
    )
}
