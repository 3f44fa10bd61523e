//! The size budget: the release build's brotli sizes against `tests/size-budget.json`.
//! A tier of `cargo xtask test`, run on the build the end-to-end tier made; each check is a test.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::names::parts::LOADING_PART;
use crate::{compress, root, Outcome};

/// The article a first visit opens: `/?article=SAMPLE_ARTICLE`.
pub const SAMPLE_ARTICLE: &str = "us-officials-meet-russian-dissidents";
/// The budget file, relative to the repository.
pub const BUDGET_FILE: &str = "tests/size-budget.json";

/// The files a first visit to the sample article's static page fetches, relative to `dist`,
/// images and fonts aside: the page itself, then every script, module and stylesheet it
/// names. The page carries its bundle, so nothing else is asked for. A named file missing
/// from `dist` is an error, never a silent omission.
pub fn first_visit_files(dist: &Path) -> Result<Vec<String>, String> {
    let page = sample_page();
    let html = read_text(&dist.join(&page))?;
    let mut files: Vec<String> = vec![page.clone()];
    for url in relative_urls(&html) {
        let ext = Path::new(&url)
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("");
        if !matches!(ext, "js" | "wasm" | "css") {
            continue;
        }
        let name = folio::publish::resolve(&folio::io::folder_of(&page), &url);
        if !dist.join(&name).is_file() {
            return Err(format!(
                "{page} names {url}, which is not in {}",
                dist.display()
            ));
        }
        if !files.contains(&name) {
            files.push(name);
        }
    }
    // A script's own imports come with it: the module's script imports the loader of its
    // parts (the parts themselves come only when a tool is first pressed).
    let mut at = 0;
    while at < files.len() {
        if files[at].ends_with(".js") {
            let text = read_text(&dist.join(&files[at]))?;
            let folder = folio::io::folder_of(&files[at]);
            for import in static_imports(&text) {
                let name = folio::publish::resolve(&folder, &import);
                if !dist.join(&name).is_file() {
                    return Err(format!(
                        "{} imports {import}, which is not in dist",
                        files[at]
                    ));
                }
                if !files.contains(&name) {
                    files.push(name);
                }
            }
        }
        at += 1;
    }
    if !files.iter().any(|f| f.ends_with("_bg.wasm")) {
        return Err(format!(
            "{page} names no wasm module: is it the app's page?"
        ));
    }
    Ok(files)
}

/// The sample article's static page, relative to `dist`.
pub fn sample_page() -> String {
    format!("articles/{SAMPLE_ARTICLE}/index.html")
}

/// Every static page in `dist`: the list of articles, the Saved page, and each article's
/// page and embed.
pub fn static_pages(dist: &Path) -> Result<Vec<String>, String> {
    let mut pages = vec!["index.html".to_owned(), "saved/index.html".to_owned()];
    for folder in ["articles", "embed"] {
        let list = std::fs::read_dir(dist.join(folder))
            .map_err(|e| format!("{}/{folder}: {e}: build first", dist.display()))?;
        for entry in list {
            let entry = entry.map_err(|e| e.to_string())?;
            let page = format!(
                "{folder}/{}/index.html",
                entry.file_name().to_string_lossy()
            );
            if dist.join(&page).is_file() {
                pages.push(page);
            }
        }
    }
    pages.sort();
    Ok(pages)
}

/// The embed loader partners load (`docs/embedding.md`), relative to `dist`.
pub const EMBED_LOADER: &str = "embed.js";

/// The quoted relative addresses in `html`, such as `"./x.js"` or `'../../x.wasm'`.
fn relative_urls(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for quote in ['"', '\''] {
        for piece in html.split(quote).skip(1).step_by(2) {
            let relative = !piece.is_empty()
                && !piece.starts_with('/')
                && !piece.contains("://")
                && !piece.contains(char::is_whitespace)
                && !piece.contains(['<', '>', '{', '}', '(', ')', ';']);
            if relative {
                out.push(piece.to_owned());
            }
        }
    }
    out
}

/// The relative addresses a script imports at once: `from "./x.js"`.
fn static_imports(script: &str) -> Vec<String> {
    script
        .split("from ")
        .skip(1)
        .filter_map(|rest| {
            let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
            let address = rest[1..].split(quote).next()?;
            address.starts_with("./").then(|| address.to_owned())
        })
        .collect()
}

/// The module's parts fetched on first use (`module.rs`, ADR 013), relative to `dist`.
pub fn part_files(dist: &Path) -> Vec<String> {
    let mut parts: Vec<String> = compress::files(dist)
        .into_iter()
        .filter(|p| p.parent() == Some(dist))
        .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .filter(|n| n.starts_with("folio-") && n.ends_with(".wasm") && !n.ends_with("_bg.wasm"))
        .collect();
    parts.sort();
    parts
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
    let mut results = vec![
        check("release wasm", "wasm_brotli_bytes", wasm_br, &budget),
        check(
            "first visit to the sample article (images and fonts excluded)",
            "first_visit_brotli_bytes",
            total,
            &budget,
        ),
    ];
    // Each tool's part comes when the tool is first pressed: what that press waits for. The
    // pages the app loads itself come as one part, before they start loading.
    for (part, size) in brotli_sizes(&dist, &part_files(&dist))? {
        results.push(if part.starts_with(LOADING_PART) {
            let what =
                format!("the pages the app loads itself, {part}, for `?bundle=` and `?article=`");
            check(&what, "loading_brotli_bytes", size, &budget)
        } else {
            let what = format!("the part {part}, fetched on first use");
            check(&what, "part_brotli_bytes", size, &budget)
        });
    }
    let loader =
        std::fs::read(dist.join(EMBED_LOADER)).map_err(|e| format!("dist/{EMBED_LOADER}: {e}"))?;
    results.push(check(
        "the embed loader, embed.js, on partners' pages",
        "embed_loader_brotli_bytes",
        compress::brotli(&loader).len(),
        &budget,
    ));
    // Everything the first paint needs is in each page: the page alone must stay small.
    for page in static_pages(&dist)? {
        let bytes = std::fs::read(dist.join(&page)).map_err(|e| format!("dist/{page}: {e}"))?;
        let what = format!("static page {page} (CSS inlined)");
        let size = compress::brotli(&bytes).len();
        results.push(check(&what, "static_page_brotli_bytes", size, &budget));
    }
    let failed = results.iter().filter(|ok| !**ok).count();
    crate::tiers::count(results.len() - failed, failed);
    if failed == 0 {
        Ok(())
    } else {
        Err(format!("{failed} size budget check(s) failed"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scripts_static_imports_are_its_from_addresses_only() {
        let script = "import * as import1 from \"./folio-split-0123456789abcdef.js\"\n\
                      import { a } from './other.js';\n\
                      const url = new URL('folio_bg.wasm', import.meta.url);\n\
                      const list = Array.from(\"abc\");";
        assert_eq!(
            static_imports(script),
            ["./folio-split-0123456789abcdef.js", "./other.js"]
        );
    }
}
