//! Lighthouse 12.2.3 (npm, pinned) with its default mobile preset against Debian's Chromium:
//! the four category scores, each the median of [`RUNS`] runs.

use std::path::Path;
use std::process::{Command, Stdio};

use serde_json::{json, Value};

use crate::setup::CHROMIUM;
use crate::{root, run};

/// Runs per page; the scores reported are their medians.
pub const RUNS: usize = 3;

/// The categories Lighthouse 12 scores.
pub const CATEGORIES: [&str; 4] = ["performance", "accessibility", "best-practices", "seo"];

/// Scores for `url`, named `name` in the report files under `out`; Lighthouse and its
/// Chromium keep their temporary files in `scratch`.
pub fn scores(name: &str, url: &str, out: &Path, scratch: &Path) -> Result<Value, String> {
    let cli = root().join("node_modules/lighthouse/cli/index.js");
    let mut runs: Vec<Value> = Vec::new();
    for i in 1..=RUNS {
        let report = out.join(format!("lighthouse-{name}-{i}.json"));
        let once = || {
            run(Command::new("node")
                .arg(&cli)
                .arg(url)
                .args([
                    "--quiet",
                    "--output=json",
                    "--only-categories=performance,accessibility,best-practices,seo",
                    "--chrome-flags=--headless=new --no-sandbox --disable-background-networking",
                ])
                .arg(format!("--output-path={}", report.display()))
                .env("CHROME_PATH", CHROMIUM)
                .env("TMPDIR", scratch)
                .stdout(Stdio::null()))
        };
        // Lighthouse now and then loses its own trace of the load (NO_NAVSTART): such a
        // run is made once more, and said so, rather than ending the whole bench.
        if let Err(first) = once() {
            eprintln!("xtask: Lighthouse run {i} on {name} failed ({first}); running it again");
            once()?;
        }
        runs.push(crate::budget::read_json(&report)?);
    }
    let median = |f: &dyn Fn(&Value) -> Option<f64>| -> Option<f64> {
        let mut v: Vec<f64> = runs.iter().filter_map(f).collect();
        v.sort_by(f64::total_cmp);
        v.get(v.len() / 2).copied()
    };
    let mut scores = serde_json::Map::new();
    for c in CATEGORIES {
        let s = median(&|r: &Value| r["categories"][c]["score"].as_f64().map(|s| s * 100.0));
        scores.insert(c.into(), json!(s.map(f64::round)));
    }
    let audit =
        |id: &'static str| median(&move |r: &Value| r["audits"][id]["numericValue"].as_f64());
    let failing: Vec<String> = runs
        .first()
        .and_then(|r| r["audits"].as_object())
        .map(|audits| {
            audits
                .iter()
                .filter(|(_, a)| a["score"].as_f64().is_some_and(|s| s < 1.0))
                .filter(|(_, a)| {
                    a["scoreDisplayMode"] == "binary" || a["scoreDisplayMode"] == "numeric"
                })
                .map(|(id, _)| id.clone())
                .collect()
        })
        .unwrap_or_default();
    Ok(json!({
        "url": url,
        "runs": RUNS,
        "scores": scores,
        "lcp_ms": audit("largest-contentful-paint"),
        "tbt_ms": audit("total-blocking-time"),
        "cls": audit("cumulative-layout-shift"),
        "below_full_score": failing,
    }))
}
