//! Cold loads of the sample article under one network profile: their summary from the raw
//! runs, and their table. The bench makes them at 1.6 Mbit/s and on 2G.

use std::fmt::Write;

use serde_json::{json, Value};

use super::{mmm, stats};

/// Each measure, from the raw runs' key, kept as the summary's key.
const MEASURES: [(&str, &str); 14] = [
    ("headline", "headline"),
    ("headlinePaint", "headline_paint"),
    ("htmlBytes", "html_bytes"),
    ("htmlArrived", "html_arrived"),
    ("bytesBeforeHeadline", "bytes_before_headline"),
    ("wasmArrived", "wasm_arrived"),
    ("takeover", "takeover"),
    ("bytesBeforeTakeover", "bytes_before_takeover"),
    ("bytesTotal", "bytes_total"),
    ("fcp", "fcp"),
    ("lcp", "lcp"),
    ("tbt", "tbt"),
    ("cls", "cls"),
    ("longTasks", "long_tasks"),
];

/// The median, min and max of every measure over `runs`, the loads of `url`, which are
/// kept too (without their request lists).
pub fn summary(url: &str, runs: &[Value]) -> Value {
    let mut out = json!({ "url": url });
    for (raw, key) in MEASURES {
        let series: Vec<f64> = runs.iter().filter_map(|r| r[raw].as_f64()).collect();
        out[key] = stats(&series);
    }
    out["runs"] = runs
        .iter()
        .map(|r| {
            let mut r = r.clone();
            if let Some(o) = r.as_object_mut() {
                o.remove("requests");
            }
            r
        })
        .collect();
    out
}

/// The table of one profile's cold loads, headed by `title` (which the run count closes).
pub fn table(o: &mut String, title: &str, c: &Value) {
    let _ = writeln!(
        o,
        "\n### {title}; median (min–max) of {} runs)\n\n| metric | value |\n| --- | ---: |",
        c["headline"]["runs"]
    );
    let rows: [(&str, &str, usize, &str); 13] = [
        (
            "headline (`#folio_headline`) in the page with a size",
            "headline",
            0,
            " ms",
        ),
        (
            "headline painted (Element Timing)",
            "headline_paint",
            0,
            " ms",
        ),
        ("the page's HTML (on the wire)", "html_bytes", 0, " B"),
        (
            "the page's HTML finished arriving",
            "html_arrived",
            0,
            " ms",
        ),
        (
            "bytes of the requests finished before the headline was painted (on the wire)",
            "bytes_before_headline",
            0,
            " B",
        ),
        ("wasm module finished arriving", "wasm_arrived", 0, " ms"),
        (
            "app has taken over: Reading settings and Listen answer a click",
            "takeover",
            0,
            " ms",
        ),
        (
            "bytes of the requests finished before the app had taken over (on the wire)",
            "bytes_before_takeover",
            0,
            " B",
        ),
        (
            "bytes of every request of the page, pictures included (on the wire)",
            "bytes_total",
            0,
            " B",
        ),
        ("First Contentful Paint", "fcp", 0, " ms"),
        ("Largest Contentful Paint", "lcp", 0, " ms"),
        ("Total Blocking Time", "tbt", 0, " ms"),
        ("Cumulative Layout Shift", "cls", 3, ""),
    ];
    for (what, key, digits, unit) in rows {
        let _ = writeln!(o, "| {what} | {} |", mmm(&c[key], digits, unit));
    }
}
