//! `cargo xtask bench`: builds the release app (into `target/bench-app`) and the bench page, serves both with the
//! project's own server, measures bytes, a throttled cold load, Lighthouse, long articles (their
//! render cost in one page, and their page loads: first screen, complete body, longest task),
//! hostile bundles and memory, then prints a Markdown table and writes it, with JSON, to
//! `target/bench/`.

mod lighthouse;
mod long_site;
mod longread;
mod report;
mod sizes;

use std::path::Path;
use std::process::Command;

use serde_json::{json, Value};

use crate::budget::SAMPLE_ARTICLE;
use crate::setup::{self, CHROMIUM};
use crate::{build_release_into, root, server, tool_path, Outcome};

/// Runs per timed measurement (cold loads, long-article renders).
const RUNS: usize = 7;
/// The long articles' sizes, in words.
const LONG_ARTICLES: [usize; 2] = [10_000, 100_000];

pub fn run() -> Outcome {
    setup::all(setup::Needs::TEST)?;
    let root = root();
    let out = root.join("target/bench");
    std::fs::create_dir_all(&out).map_err(|e| e.to_string())?;
    // Playwright's, Lighthouse's and Chromium's temporary folders, removed when the bench ends.
    let scratch = crate::tiers::scratch::Scratch::new("bench")?;
    // Its own dist folder, so that a build running alongside cannot change what is measured.
    let dist = root.join("target/bench-app");
    build_release_into(&dist)?;
    let bench_dist = root.join("target/bench-dist");
    build_bench_page(&bench_dist)?;
    let png = std::fs::read(
        root.join("public/bundles")
            .join(SAMPLE_ARTICLE)
            .join("media/toe-to-toe.png"),
    )
    .map_err(|e| format!("the placeholder picture: {e}"))?;
    let articles = LONG_ARTICLES
        .iter()
        .map(|&w| longread::write(&bench_dist, w, &png))
        .collect::<Result<Vec<_>, _>>()?;

    // The long articles as readers open them, in a site of their own (so the bytes measured
    // above stay the release build's), served in test mode for the hostile bundles.
    let long_dist = root.join("target/bench-long");
    long_site::build(&long_dist, &bench_dist.join("generated"), &articles)?;

    let assets = sizes::assets(&dist)?;
    let app = server::spawn(server::Site {
        dist: dist.clone(),
        fixtures: None,
        partners: Vec::new(),
    })
    .map_err(|e| format!("cannot start the HTTP server: {e}"))?;
    let bench = server::spawn(server::Site {
        dist: bench_dist,
        fixtures: None,
        partners: Vec::new(),
    })
    .map_err(|e| format!("cannot start the HTTP server: {e}"))?;
    let long = server::spawn(server::Site {
        dist: long_dist,
        fixtures: Some(root.join("tests/fixtures")),
        partners: Vec::new(),
    })
    .map_err(|e| format!("cannot start the HTTP server: {e}"))?;
    let hostile: Value = serde_json::from_str(&crate::hostile::index()).unwrap_or_default();
    let app_url = format!("http://127.0.0.1:{app}/");
    let article_url = format!("{app_url}articles/{SAMPLE_ARTICLE}/");

    // The offline reopen stops its server, so it is served by a process of its own.
    let offline_port = crate::tiers::e2e::free_port()?;
    let me = std::env::current_exe().map_err(|e| e.to_string())?;
    let browser_out = out.join("browser.json");
    let config = json!({
        "chromium": CHROMIUM,
        "app": article_url,
        "bench": format!("http://127.0.0.1:{bench}/"),
        "runs": RUNS,
        "articles": articles,
        "long": format!("http://127.0.0.1:{long}/"),
        "hostile": hostile,
        "out": browser_out,
        "offline": {
            "command": [me, "serve-dist", dist, offline_port.to_string()],
            "port": offline_port,
            "url": format!("http://127.0.0.1:{offline_port}/articles/{SAMPLE_ARTICLE}/"),
        },
    });
    crate::run(
        Command::new("node")
            .arg(root.join("tests/bench/run.mjs"))
            .arg(config.to_string())
            .env("TMPDIR", scratch.path())
            .current_dir(&root),
    )?;
    let browser = crate::budget::read_json(&browser_out)?;

    let lighthouse = json!({
        "catalog": lighthouse::scores("catalog", &app_url, &out, scratch.path())?,
        "article": lighthouse::scores("article", &article_url, &out, scratch.path())?,
    });
    let cold = browser["cold"].as_array().cloned().unwrap_or_default();
    let cold_2g = browser["cold2g"].as_array().cloned().unwrap_or_default();
    let results = json!({
        "machine": machine(browser["chromium"].as_str().unwrap_or("?")),
        "runs": RUNS,
        "assets": sizes::to_json(&assets),
        "first_visit": sizes::first_visit(&dist, &cold.first().map(|r| r["requests"].clone()).unwrap_or_default())?,
        "cold_load": report::cold::summary(&article_url, &cold),
        "cold_load_2g": report::cold::summary(&article_url, &cold_2g),
        "lighthouse": lighthouse,
        "long": long_articles(&browser["long"]),
        "long_loads": report::loads::summary(&browser["longLoads"]),
        "hostile": browser["hostile"],
        "memory": browser["memory"],
        "offline": offline(&browser),
    });
    let table = report::markdown(&results);
    println!("\n{table}");
    let write = |name: &str, text: String| {
        std::fs::write(out.join(name), text).map_err(|e| format!("target/bench/{name}: {e}"))
    };
    write(
        "results.json",
        serde_json::to_string_pretty(&results).unwrap_or_default(),
    )?;
    write("results.md", table)?;
    eprintln!("xtask: wrote target/bench/results.md and target/bench/results.json");
    Ok(())
}

/// The offline reopen and the first visit's LCP with and without the service worker.
fn offline(browser: &Value) -> Value {
    let of = |runs: &Value, key: &str| -> Value {
        let values: Vec<f64> = runs
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|r| r[key].as_f64())
            .collect();
        report::stats(&values)
    };
    json!({
        "reopen_headline": of(&browser["offlineReopen"], "headline"),
        "reopen_headline_paint": of(&browser["offlineReopen"], "headlinePaint"),
        "reopen_takeover": of(&browser["offlineReopen"], "takeover"),
        "lcp_with_worker": of(&browser["cold"], "lcp"),
        "lcp_without_worker": of(&browser["coldWithoutWorker"], "lcp"),
    })
}

/// The bench page: `tests/bench/index.html` with the `bench` feature, a separate Trunk build.
fn build_bench_page(dist: &Path) -> Outcome {
    crate::run(
        Command::new("trunk")
            .args([
                "build",
                "tests/bench/index.html",
                "--release",
                "--offline=true",
                "--dist",
            ])
            .arg(dist)
            .env("PATH", tool_path())
            .current_dir(root()),
    )
}

/// Each article's timings and the ratios of the medians.
fn long_articles(long: &Value) -> Value {
    let mut out = serde_json::Map::new();
    for (name, l) in long.as_object().into_iter().flatten() {
        let times = |k: &str| -> Vec<f64> {
            l["runs"][k]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_f64)
                .collect()
        };
        let (complete, folio, first, read, floor, marked) = (
            report::stats(&times("complete")),
            report::stats(&times("folio")),
            report::stats(&times("first")),
            report::stats(&times("read")),
            report::stats(&times("floor")),
            report::stats(&times("marked")),
        );
        // The ratios are of the app's own way of building (its first screen, then slices
        // with the static blocks as HTML), which the targets are set for.
        let ratio = |base: &Value| -> Option<f64> {
            Some(complete["median"].as_f64()? / base["median"].as_f64()?)
        };
        out.insert(
            name.clone(),
            json!({
                "body_bytes": l["bodyBytes"],
                "elements": l["elements"],
                "complete": complete, "folio": folio, "first": first, "read": read, "floor": floor, "marked": marked,
                "ratio_floor": ratio(&floor), "ratio_marked": ratio(&marked),
            }),
        );
    }
    Value::Object(out)
}

/// Cores, CPU model, Chromium and Node versions.
fn machine(chromium: &str) -> Value {
    let text = |cmd: &str, args: &[&str]| -> String {
        Command::new(cmd)
            .args(args)
            .output()
            .ok()
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
            .unwrap_or_default()
    };
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|c| {
            c.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split_once(':'))
                .map(|(_, v)| v.trim().to_owned())
        })
        .unwrap_or_default();
    json!({
        "nproc": text("nproc", &[]),
        "cpu": cpu,
        "chromium": format!("Chromium {chromium}"),
        "node": text("node", &["--version"]),
        "date": text("date", &["-u", "+%Y-%m-%d %H:%M UTC"]),
    })
}

#[cfg(test)]
mod tests {
    use super::longread;

    /// The long articles the bench and the end-to-end tests open are within every budget
    /// of `folio_bundle::limits`, so those caps can never be set below a real long read.
    #[test]
    fn the_long_articles_are_within_every_budget() {
        for words in [100_000, 250_000] {
            let manifest = longread::manifest("words", words);
            let (article, report) =
                folio_bundle::read_bundle(manifest.as_bytes(), longread::body(words).as_bytes());
            assert!(article.is_some(), "{words} words:\n{report}");
        }
    }

    #[test]
    fn the_long_article_is_deterministic_and_about_the_asked_length() {
        let a = longread::body(10_000);
        assert_eq!(a, longread::body(10_000));
        let words = a.split_whitespace().count();
        assert!((10_000..11_500).contains(&words), "{words} words");
        assert!(a.contains("## ") && a.contains("![") && a.contains("[^n1]") && a.contains("- "));
    }
}
