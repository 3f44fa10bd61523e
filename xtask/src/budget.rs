//! The size budget: the release build's brotli sizes against `tests/size-budget.json`.
//! A tier of `cargo xtask test`, run on the build the end-to-end tier made; each check is a test.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::{compress, root, Outcome};

/// The article a first visit opens: `/?article=SAMPLE_ARTICLE`.
pub const SAMPLE_ARTICLE: &str = "us-officials-meet-russian-dissidents";
/// The budget file, relative to the repository.
pub const BUDGET_FILE: &str = "tests/size-budget.json";

/// The files (paths relative to `dist`) a first visit to the sample article loads, images
/// and fonts excluded: what the built `index.html` links, then what the app fetches
/// (settings, catalog, the bundle's manifest and body). The bench checks this list against
/// the requests of a real page load.
pub fn first_visit_files(dist: &Path) -> Result<Vec<String>, String> {
    let html = read_text(&dist.join("index.html"))?;
    let mut files: Vec<String> = Vec::new();
    let mut add = |name: String| {
        if !files.contains(&name) {
            files.push(name);
        }
    };
    add("index.html".into());
    for url in quoted_urls(&html) {
        let name = url.trim_start_matches('/').to_owned();
        let ext = Path::new(&name)
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("");
        if matches!(ext, "js" | "wasm" | "css") && dist.join(&name).is_file() {
            add(name);
        }
    }
    add("folio.json".into());
    let settings = read_json(&dist.join("folio.json"))?;
    let catalog = settings["catalog"]
        .as_str()
        .unwrap_or("index.json")
        .to_owned();
    let entries = read_json(&dist.join(&catalog))?;
    add(catalog);
    let folder = entries["bundles"]
        .as_array()
        .and_then(|list| list.iter().find(|e| e["id"] == SAMPLE_ARTICLE))
        .and_then(|e| e["path"].as_str())
        .ok_or_else(|| format!("the catalog lists no bundle `{SAMPLE_ARTICLE}`"))?
        .trim_end_matches('/')
        .to_owned();
    let manifest = read_json(&dist.join(&folder).join("bundle.json"))?;
    add(format!("{folder}/bundle.json"));
    let body = manifest["body"]
        .as_str()
        .ok_or("the sample bundle names no body")?;
    add(format!("{folder}/{body}"));
    Ok(files)
}

/// Every quoted string in `html` that starts with `/`, like `"/base-0123.css"` or `'/folio.js'`.
fn quoted_urls(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let bytes = html.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if (b == b'"' || b == b'\'') && bytes.get(i + 1) == Some(&b'/') {
            let rest = &html[i + 1..];
            if let Some(end) = rest.find(b as char) {
                let inside = &rest[..end];
                if !inside.starts_with("//") && !inside.contains(char::is_whitespace) {
                    out.push(inside.to_owned());
                }
            }
        }
    }
    out
}

/// Brotli size of each file, as the server sends it (quality 11).
pub fn brotli_sizes(dist: &Path, files: &[String]) -> Result<Vec<(String, usize)>, String> {
    files
        .iter()
        .map(|f| {
            let bytes = std::fs::read(dist.join(f)).map_err(|e| format!("dist/{f}: {e}"))?;
            Ok((f.clone(), compress::brotli(&bytes).len()))
        })
        .collect()
}

/// The release module in `dist`.
pub fn wasm_file(dist: &Path) -> Result<PathBuf, String> {
    compress::files(dist)
        .into_iter()
        .find(|p| p.parent() == Some(dist) && p.to_string_lossy().ends_with("_bg.wasm"))
        .ok_or_else(|| format!("no *_bg.wasm in {}: build first", dist.display()))
}

fn read_text(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

pub fn read_json(path: &Path) -> Result<Value, String> {
    serde_json::from_str(&read_text(path)?).map_err(|e| format!("{}: {e}", path.display()))
}

/// One budget check: a test that passes or fails with what to do about it.
fn check(what: &str, key: &str, measured: usize, budget: &Value) -> bool {
    let Some(limit) = budget[key].as_u64() else {
        println!("size budget: {what}: FAILED: `{key}` is missing from {BUDGET_FILE}");
        return false;
    };
    let ok = measured as u64 <= limit;
    println!(
        "size budget: {what}: {measured} B brotli, budget {limit} B: {}",
        if ok { "ok" } else { "FAILED" }
    );
    if !ok {
        println!(
            "  {} B over. Trim it (docs/performance.md lists what is big), or, if the growth is \
             worth it, raise `{key}` in {BUDGET_FILE} in the same commit and say why.",
            measured as u64 - limit
        );
    }
    ok
}

/// The tier: the wasm and the first-visit total against their budgets, on the existing `dist/`.
pub fn tier() -> Outcome {
    let dist = root().join("dist");
    let budget = read_json(&root().join(BUDGET_FILE))?;
    let wasm = wasm_file(&dist)?;
    let wasm_br = compress::brotli(&std::fs::read(&wasm).map_err(|e| e.to_string())?).len();
    let files = first_visit_files(&dist)?;
    let sizes = brotli_sizes(&dist, &files)?;
    let total: usize = sizes.iter().map(|(_, n)| n).sum();
    for (f, n) in &sizes {
        eprintln!("  first visit: {f} {n} B brotli");
    }
    let results = [
        check("release wasm", "wasm_brotli_bytes", wasm_br, &budget),
        check(
            "first visit to the sample article (images and fonts excluded)",
            "first_visit_brotli_bytes",
            total,
            &budget,
        ),
    ];
    let failed = results.iter().filter(|ok| !**ok).count();
    crate::tiers::count(results.len() - failed, failed);
    if failed == 0 {
        Ok(())
    } else {
        Err(format!("{failed} size budget check(s) failed"))
    }
}
