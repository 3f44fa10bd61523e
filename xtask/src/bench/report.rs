//! The bench's Markdown report: one table per measurement, then the targets, met or missed.

pub mod cold;
pub mod loads;

use std::fmt::Write;

use serde_json::Value;

/// Median, min and max of `values` (sorted copies; the median of an even count is the upper one).
pub fn stats(values: &[f64]) -> Value {
    let mut v: Vec<f64> = values.iter().copied().filter(|x| x.is_finite()).collect();
    v.sort_by(f64::total_cmp);
    serde_json::json!({
        "median": v.get(v.len() / 2),
        "min": v.first(),
        "max": v.last(),
        "runs": v.len(),
    })
}

fn kb(bytes: &Value) -> String {
    bytes
        .as_f64()
        .map(|b| format!("{:.1} KB", b / 1000.0))
        .unwrap_or_else(|| "–".into())
}

fn num(v: &Value, digits: usize) -> String {
    v.as_f64()
        .map(|x| format!("{x:.digits$}"))
        .unwrap_or_else(|| "–".into())
}

/// `median (min–max)` of a stats object.
fn mmm(s: &Value, digits: usize, unit: &str) -> String {
    format!(
        "{}{unit} ({}–{})",
        num(&s["median"], digits),
        num(&s["min"], digits),
        num(&s["max"], digits)
    )
}

/// One target: the measured value against the limit, shown with `digits` decimals.
fn target(
    o: &mut String,
    what: &str,
    measured: Option<f64>,
    limit: f64,
    at_most: bool,
    unit: &str,
    digits: usize,
) {
    let sign = if at_most { "≤" } else { "≥" };
    let (shown, status, gap) = match measured {
        None => ("–".to_owned(), "not measured", String::new()),
        Some(m) => {
            let met = if at_most { m <= limit } else { m >= limit };
            let gap = (m - limit).abs();
            let word = match (met, at_most) {
                (true, _) if gap == 0.0 => "at the target",
                (true, _) => "to spare",
                (false, true) => "over",
                (false, false) => "short",
            };
            let gap = if gap == 0.0 {
                word.to_owned()
            } else {
                format!("{gap:.digits$}{unit} {word}")
            };
            (
                format!("{m:.digits$}{unit}"),
                if met { "met" } else { "missed" },
                gap,
            )
        }
    };
    let _ = writeln!(
        o,
        "| {what} {sign} {limit}{unit} | {shown} | {status} | {gap} |"
    );
}

/// The whole report.
pub fn markdown(r: &Value) -> String {
    let mut o = String::new();
    let m = &r["machine"];
    let _ = writeln!(
        o,
        "Run {}. Machine: {} cores (`nproc`), {}; {}; Node {}.\n",
        m["date"].as_str().unwrap_or("?"),
        m["nproc"].as_str().unwrap_or("?"),
        m["cpu"].as_str().unwrap_or("?"),
        m["chromium"].as_str().unwrap_or("?"),
        m["node"].as_str().unwrap_or("?"),
    );
    o.push_str("### Bytes (gzip -9, brotli -q 11)\n\n| asset | file | raw | gzip | brotli |\n| --- | --- | ---: | ---: | ---: |\n");
    for a in r["assets"].as_array().into_iter().flatten() {
        let _ = writeln!(
            o,
            "| {} | `{}` | {} | {} | {} |",
            a["kind"].as_str().unwrap_or(""),
            a["file"].as_str().unwrap_or(""),
            kb(&a["raw"]),
            kb(&a["gzip"]),
            kb(&a["brotli"])
        );
    }
    if !r["assets"]
        .as_array()
        .into_iter()
        .flatten()
        .any(|a| a["kind"] == "font")
    {
        o.push_str("| font | (none in dist/fonts) | – | – | – |\n");
    }
    let fv = &r["first_visit"];
    let _ = writeln!(o, "\n### First visit to `/articles/us-officials-meet-russian-dissidents/` (images and fonts excluded)\n\n| file | type | transferred | brotli |\n| --- | --- | ---: | ---: |");
    for f in fv["files"].as_array().into_iter().flatten() {
        let _ = writeln!(
            o,
            "| `{}` | {} | {} | {} |",
            f["file"].as_str().unwrap_or(""),
            f["type"].as_str().unwrap_or(""),
            kb(&f["transfer"]),
            kb(&f["brotli"])
        );
    }
    let _ = writeln!(
        o,
        "| **total** | | **{}** | **{}** |",
        kb(&fv["transfer_total"]),
        kb(&fv["brotli_total"])
    );
    let _ = writeln!(o, "\nThe size budget's derived list (`xtask/src/budget.rs`) {} the files this page load requested{}.", if fv["budget_list_matches"] == true { "matches" } else { "does NOT match" }, if fv["budget_list_matches"] == true { String::new() } else { format!(" (only in the budget's list: {}; only in the page load: {})", fv["only_in_budget_list"], fv["only_in_page_load"]) });
    let c = &r["cold_load"];
    cold::table(
        &mut o,
        "Cold load of the sample article (CPU 4x slower, 1.6 Mbit/s, 150 ms RTT, cache off",
        c,
    );
    cold::table(
        &mut o,
        "Cold load of the sample article on 2G (CPU 4x slower, 250 kbit/s each way, 300 ms RTT, cache off",
        &r["cold_load_2g"],
    );
    let lh = &r["lighthouse"];
    let _ = writeln!(o, "\n### Lighthouse 12.2.3, mobile preset (median of {} runs per page)\n\n| page | performance | accessibility | best practices | SEO | LCP (simulated) | TBT (simulated) |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |", lh["catalog"]["runs"]);
    for (name, page) in [
        ("catalog `/`", &lh["catalog"]),
        ("sample article", &lh["article"]),
    ] {
        let s = &page["scores"];
        let _ = writeln!(
            o,
            "| {name} | {} | {} | {} | {} | {} ms | {} ms |",
            num(&s["performance"], 0),
            num(&s["accessibility"], 0),
            num(&s["best-practices"], 0),
            num(&s["seo"], 0),
            num(&page["lcp_ms"], 0),
            num(&page["tbt_ms"], 0)
        );
    }
    let _ = writeln!(o, "\n### Long articles: bundle bytes in memory to complete DOM (no throttling; median (min–max) of {} runs after one warm-up)\n\n| article | body | Folio, as the app builds it | Folio, node by node | of which reading the bundle | (a) pulldown-cmark + innerHTML | (b) marked + innerHTML | Folio/(a) | Folio/(b) | Folio's first screen |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |", r["runs"]);
    for (name, l) in r["long"].as_object().into_iter().flatten() {
        let _ = writeln!(
            o,
            "| {name} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            kb(&l["body_bytes"]),
            mmm(&l["complete"], 1, " ms"),
            mmm(&l["folio"], 1, " ms"),
            mmm(&l["read"], 1, " ms"),
            mmm(&l["floor"], 1, " ms"),
            mmm(&l["marked"], 1, " ms"),
            num(&l["ratio_floor"], 2),
            num(&l["ratio_marked"], 2),
            mmm(&l["first"], 1, " ms")
        );
    }
    loads::markdown(&mut o, r);
    let mib = |v: &Value| {
        v.as_f64()
            .map(|b| format!("{:.1} MiB", b / 1048576.0))
            .unwrap_or_else(|| "–".into())
    };
    let _ = writeln!(o, "\n### Memory after rendering each long article with Folio as the app builds it (a fresh page each; after a forced GC)\n\n| article | wasm linear memory before | after | JS heap (`Runtime.getHeapUsage`) before | after |\n| --- | ---: | ---: | ---: | ---: |");
    let memory = r["memory"].as_array().cloned().unwrap_or_default();
    for m in &memory {
        let _ = writeln!(
            o,
            "| {} | {} | {} | {} | {} |",
            m["article"].as_str().unwrap_or(""),
            mib(&m["before"]["wasm"]),
            mib(&m["after"]["wasm"]),
            mib(&m["before"]["jsHeap"]),
            mib(&m["after"]["jsHeap"])
        );
    }
    let off = &r["offline"];
    let _ = writeln!(o, "\n### Offline (CPU 4x slower; median (min–max) of {} runs)\n\n| measure | value |\n| --- | ---: |", off["reopen_headline"]["runs"]);
    let _ = writeln!(
        o,
        "| saved sample article reopened with the server stopped: headline in the page | {} |",
        mmm(&off["reopen_headline"], 0, " ms")
    );
    let _ = writeln!(
        o,
        "| the same: headline painted | {} |",
        mmm(&off["reopen_headline_paint"], 0, " ms")
    );
    let _ = writeln!(
        o,
        "| the same: app has taken over | {} |",
        mmm(&off["reopen_takeover"], 0, " ms")
    );
    let _ = writeln!(
        o,
        "| first visit (cold load above), LCP with the service worker | {} |",
        mmm(&off["lcp_with_worker"], 0, " ms")
    );
    let _ = writeln!(
        o,
        "| first visit, LCP with service workers blocked | {} |",
        mmm(&off["lcp_without_worker"], 0, " ms")
    );
    o.push_str(
        "\n### Targets\n\n| target | measured | status | gap |\n| --- | ---: | --- | --- |\n",
    );
    let wasm = r["assets"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|a| a["kind"] == "wasm");
    target(
        &mut o,
        "release wasm, brotli (the lean issue's)",
        wasm.and_then(|a| a["brotli"].as_f64()).map(|b| b / 1000.0),
        200.0,
        true,
        " KB",
        1,
    );
    target(
        &mut o,
        "first-visit total, brotli (the lean issue's)",
        fv["brotli_total"].as_f64().map(|b| b / 1000.0),
        220.0,
        true,
        " KB",
        1,
    );
    target(
        &mut o,
        "LCP, cold load (median)",
        c["lcp"]["median"].as_f64().map(|v| v / 1000.0),
        1.5,
        true,
        " s",
        2,
    );
    for (name, page) in [("catalog", &lh["catalog"]), ("article", &lh["article"])] {
        target(
            &mut o,
            &format!("Lighthouse performance, {name}"),
            page["scores"]["performance"].as_f64(),
            95.0,
            false,
            "",
            0,
        );
        for cat in ["accessibility", "best-practices", "seo"] {
            target(
                &mut o,
                &format!("Lighthouse {cat}, {name}"),
                page["scores"][cat].as_f64(),
                100.0,
                false,
                "",
                0,
            );
        }
    }
    for (name, short) in [("words-10000", "10k"), ("words-100000", "100k")] {
        target(
            &mut o,
            &format!("{short} words: Folio's first screen from the bytes in hand (median)"),
            r["long"][name]["first"]["median"].as_f64(),
            100.0,
            true,
            " ms",
            1,
        );
    }
    let big = &r["long"]["words-100000"];
    target(
        &mut o,
        "100k words: Folio/(b) marked",
        big["ratio_marked"].as_f64(),
        1.0,
        true,
        "",
        2,
    );
    target(
        &mut o,
        "100k words: Folio/(a) floor",
        big["ratio_floor"].as_f64(),
        1.3,
        true,
        "",
        2,
    );
    loads::targets(&mut o, r);
    for m in &memory {
        target(
            &mut o,
            &format!("wasm memory after {}", m["article"].as_str().unwrap_or("?")),
            m["after"]["wasm"].as_f64().map(|b| b / 1048576.0),
            32.0,
            true,
            " MiB",
            1,
        );
    }
    o
}
