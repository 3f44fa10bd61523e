//! The page loads of the long articles and the hostile bundles: their summary from the raw
//! runs, their tables, and their targets (ADR 008: no task over 1 s while an article is shown,
//! every bundle shown or refused within 5 s).

use std::fmt::Write;

use serde_json::{Map, Value};

use super::{mmm, num, stats, target};

/// What is summarised of each load, in milliseconds from navigation.
const MEASURES: [&str; 9] = [
    "fcp",
    "firstScreen",
    "complete",
    "laidOut",
    "longestTask",
    "longestFrame",
    "longestInput",
    "swapTask",
    "swapFrame",
];

/// Median, min and max of each measure, for each article and each way it was opened.
pub fn summary(loads: &Value) -> Value {
    let mut out = Map::new();
    for (name, ways) in loads.as_object().into_iter().flatten() {
        let mut by_way = Map::new();
        for (way, runs) in ways.as_object().into_iter().flatten() {
            let runs = runs.as_array().cloned().unwrap_or_default();
            let mut measures = Map::new();
            for key in MEASURES {
                let values: Vec<f64> = runs.iter().filter_map(|r| r[key].as_f64()).collect();
                measures.insert(key.to_owned(), stats(&values));
            }
            by_way.insert(way.clone(), Value::Object(measures));
        }
        out.insert(name.clone(), Value::Object(by_way));
    }
    Value::Object(out)
}

/// `median (min–max) ms`, with "< 50" for a task too short to be a long task (and so on).
fn ms(s: &Value, floor: f64) -> String {
    match s["max"].as_f64() {
        Some(max) if max > 0.0 => mmm(s, 0, " ms"),
        Some(_) => format!("< {floor} ms"),
        None => "–".into(),
    }
}

/// The tables of both.
pub fn markdown(o: &mut String, r: &Value) {
    let _ = writeln!(o, "\n### Long articles as readers open them (no throttling, 1280×900; median (min–max) of {} loads each way)\n\nFrom navigation: the body's first screen in the page (a static page's, as its HTML is parsed), the whole body in the page (a static page: the app's copy swapped in), every block laid out (a static page: its blocks far from the screen laid out after the swap, ADR 014; seen by the bench's poll of the page, so up to about 200 ms late, as the `?bundle=` rows, with nothing laid out later, show), the longest task and animation frame until a second after that, the slowest answer to a key pressed every 100 ms meanwhile, and the task and frame of the takeover's swap.\n\n| article | opened by | first screen | complete | laid out | longest task | longest frame | slowest key press | swap task | swap frame |\n| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |", r["runs"]);
    for (name, ways) in r["long_loads"].as_object().into_iter().flatten() {
        for (way, m) in ways.as_object().into_iter().flatten() {
            let swap = |k: &str| {
                if way == "static" {
                    ms(&m[k], 50.0)
                } else {
                    "–".to_owned()
                }
            };
            let opened = if way == "static" {
                "static page"
            } else {
                "`?bundle=`"
            };
            let _ = writeln!(
                o,
                "| {name} | {opened} | {} | {} | {} | {} | {} | {} | {} | {} |",
                mmm(&m["firstScreen"], 0, " ms"),
                mmm(&m["complete"], 0, " ms"),
                mmm(&m["laidOut"], 0, " ms"),
                ms(&m["longestTask"], 50.0),
                ms(&m["longestFrame"], 50.0),
                ms(&m["longestInput"], 16.0),
                swap("swapTask"),
                swap("swapFrame"),
            );
        }
    }
    let hostile = r["hostile"].as_array().cloned().unwrap_or_default();
    if hostile.is_empty() {
        return;
    }
    o.push_str("\n### Hostile bundles (`/__test/hostile/`, `?bundle=`, one load each): from navigation to the article or its error\n\n| bundle | should be | got | at | longest task | longest frame |\n| --- | --- | --- | ---: | ---: | ---: |\n");
    for h in &hostile {
        let should = if h["shown"] == true {
            "shown".to_owned()
        } else {
            format!("refused (“{}”)", h["words"].as_str().unwrap_or(""))
        };
        let got = format!(
            "{}{}",
            h["got"].as_str().unwrap_or("?"),
            if h["as_expected"] == true {
                ""
            } else {
                " (NOT as it should be)"
            }
        );
        let _ = writeln!(
            o,
            "| `{}`: {} | {should} | {got} | {} ms | {} ms | {} ms |",
            h["kind"].as_str().unwrap_or(""),
            h["what"].as_str().unwrap_or(""),
            num(&h["ms"], 0),
            num(&h["longestTask"], 0),
            num(&h["longestFrame"], 0),
        );
    }
}

/// Their targets.
pub fn targets(o: &mut String, r: &Value) {
    for (way, label) in [("bundle", "`?bundle=`"), ("static", "static page")] {
        let big = &r["long_loads"]["words-100000"][way];
        let median = |k: &str| big[k]["median"].as_f64();
        target(
            o,
            &format!("100k words by {label}: longest task (median)"),
            median("longestTask"),
            1000.0,
            true,
            " ms",
            0,
        );
        target(
            o,
            &format!("100k words by {label}: longest task, the lean issue's (median)"),
            median("longestTask"),
            200.0,
            true,
            " ms",
            0,
        );
    }
    let hostile = r["hostile"].as_array().cloned().unwrap_or_default();
    if !hostile.is_empty() {
        let slowest = hostile
            .iter()
            .map(|h| h["ms"].as_f64().unwrap_or(f64::INFINITY))
            .fold(0.0, f64::max);
        target(
            o,
            "hostile bundles: slowest to the article or its error",
            Some(slowest / 1000.0),
            5.0,
            true,
            " s",
            2,
        );
        let wrong = hostile.iter().filter(|h| h["as_expected"] != true).count();
        target(
            o,
            "hostile bundles: not shown or refused as they should be",
            Some(wrong as f64),
            0.0,
            true,
            "",
            0,
        );
        let worst = hostile
            .iter()
            .filter_map(|h| h["longestTask"].as_f64())
            .fold(0.0, f64::max);
        target(
            o,
            "hostile bundles: longest task",
            Some(worst),
            1000.0,
            true,
            " ms",
            0,
        );
    }
}
