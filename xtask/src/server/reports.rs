//! The Content-Security-Policy violations browsers reported to the test server
//! (`POST /__test/csp-report`), kept for the end-to-end tier, which fails if any arrived.
//! Each is kept as one line: the page, the directive, what was blocked, and where.

use std::sync::{Mutex, PoisonError};

use serde_json::Value;

/// The most different reports kept; past it they are only counted.
const KEPT: usize = 200;

/// Each different report so far, in the order first seen, with how often it came; and how
/// many more arrived that were not kept.
static REPORTS: Mutex<(Vec<(String, usize)>, usize)> = Mutex::new((Vec::new(), 0));

/// Where a probe (a test that breaks the policy on purpose, to see reports arrive) sends
/// what the policy blocks; its reports do not fail a run.
pub const PROBE_HOST: &str = "csp-probe.invalid";

/// Keeps the report in `body` (a `{"csp-report": {…}}` document).
pub fn record(body: &[u8]) {
    let line = summary(body);
    let mut reports = REPORTS.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some((_, times)) = reports.0.iter_mut().find(|(l, _)| *l == line) {
        *times += 1;
    } else if reports.0.len() < KEPT {
        reports.0.push((line, 1));
    } else {
        reports.1 += 1;
    }
}

/// Every different report so far, in order, each with how often it came when more than
/// once, and a last line counting those not kept.
pub fn all() -> Vec<String> {
    let reports = REPORTS.lock().unwrap_or_else(PoisonError::into_inner);
    let mut out: Vec<String> = reports
        .0
        .iter()
        .map(|(line, times)| match times {
            1 => line.clone(),
            n => format!("{line} ({n} times)"),
        })
        .collect();
    if reports.1 > 0 {
        out.push(format!("… and {} more", reports.1));
    }
    out
}

/// The reports that show a real violation: all but the probes'.
pub fn violations() -> Vec<String> {
    all()
        .into_iter()
        .filter(|r| !r.contains(PROBE_HOST))
        .collect()
}

/// One line for a report: `PAGE: DIRECTIVE blocked BLOCKED at SOURCE:LINE "SAMPLE"`.
fn summary(body: &[u8]) -> String {
    let Ok(value) = serde_json::from_slice::<Value>(body) else {
        let text = String::from_utf8_lossy(body);
        return format!(
            "an unreadable report: {}",
            text.chars().take(300).collect::<String>()
        );
    };
    let report = value.get("csp-report").unwrap_or(&value);
    let field = |name: &str| match report.get(name) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Null) | None => String::new(),
        Some(other) => other.to_string(),
    };
    let directive = match field("effective-directive") {
        d if d.is_empty() => field("violated-directive"),
        d => d,
    };
    let mut line = format!(
        "{}: {directive} blocked {}",
        field("document-uri"),
        field("blocked-uri")
    );
    let source = field("source-file");
    if !source.is_empty() {
        line.push_str(&format!(" at {source}:{}", field("line-number")));
    }
    let sample = field("script-sample");
    if !sample.is_empty() {
        line.push_str(&format!(" {sample:?}"));
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_is_one_line_naming_the_page_the_directive_and_what_was_blocked() {
        let body = br#"{"csp-report": {"document-uri": "http://127.0.0.1:1/articles/a/",
            "violated-directive": "style-src-attr", "effective-directive": "style-src-attr",
            "blocked-uri": "inline", "source-file": "http://127.0.0.1:1/articles/a/",
            "line-number": 12, "script-sample": "aspect-ratio: 640 / 360;"}}"#;
        assert_eq!(
            summary(body),
            "http://127.0.0.1:1/articles/a/: style-src-attr blocked inline at \
             http://127.0.0.1:1/articles/a/:12 \"aspect-ratio: 640 / 360;\""
        );
        assert!(summary(b"not json").starts_with("an unreadable report: not json"));
    }
}
