//! Hostile bundles, made on request: each within every size cap, each built to defeat a
//! reader's tab (trap the wasm, freeze the main thread, read outside the bundle, run script).
//! The test server serves them at `/__test/hostile/<kind>/`; the native tests, the end-to-end
//! tests and the bench read the same ones.

use std::io::Write;
use std::net::TcpStream;

/// What a reader must get from a hostile bundle.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The article, shown.
    Shown,
    /// A clear error whose text holds these words.
    Refused(&'static str),
}

/// One hostile bundle.
#[derive(Clone, Copy, Debug)]
pub struct Hostile {
    /// Its folder's name under `/__test/hostile/`.
    pub kind: &'static str,
    /// What it does.
    pub what: &'static str,
    /// What a reader gets.
    pub outcome: Outcome,
}

const TOO_MANY: Outcome = Outcome::Refused("elements");
const TOO_MANY_CELLS: Outcome = Outcome::Refused("cells");

/// Every hostile bundle.
pub const ALL: &[Hostile] = &[
    Hostile {
        kind: "million-references",
        what: "one footnote referenced 1,000,000 times",
        outcome: TOO_MANY,
    },
    Hostile {
        kind: "references-in-cap",
        what: "one footnote referenced 110,000 times in 11 paragraphs, within the element caps",
        outcome: Outcome::Shown,
    },
    Hostile {
        kind: "many-footnotes",
        what: "100,000 footnotes",
        outcome: Outcome::Refused("footnotes"),
    },
    Hostile {
        kind: "raw-html",
        what: "400,000 raw HTML blocks",
        outcome: TOO_MANY,
    },
    Hostile {
        kind: "same-headings",
        what: "150,000 headings with the same text",
        outcome: TOO_MANY,
    },
    Hostile {
        kind: "refused-links",
        what: "230,000 refused links",
        outcome: TOO_MANY,
    },
    Hostile {
        kind: "refused-links-in-cap",
        what: "39,000 refused links in 13 paragraphs, within the element caps",
        outcome: Outcome::Shown,
    },
    Hostile {
        kind: "headings-in-cap",
        what: "59,000 headings with the same text, within the element cap",
        outcome: Outcome::Shown,
    },
    Hostile {
        kind: "table-3k",
        what: "a 3 KB table padded to 147,000 cells",
        outcome: TOO_MANY_CELLS,
    },
    Hostile {
        kind: "table-29k",
        what: "29 KB of tables padded to 1.4 million cells",
        outcome: TOO_MANY_CELLS,
    },
    Hostile {
        kind: "table-290k",
        what: "290 KB of tables padded past what wasm can hold",
        outcome: TOO_MANY_CELLS,
    },
    Hostile {
        kind: "table-4m",
        what: "4 MB of tables padded past any memory",
        outcome: TOO_MANY_CELLS,
    },
    Hostile {
        kind: "path-out",
        what: "a body path that a control character would take out of the folder",
        outcome: Outcome::Refused("control character"),
    },
    Hostile {
        kind: "svg-media",
        what: "an SVG media file, which could run script if opened",
        outcome: Outcome::Refused("not an image file"),
    },
    Hostile {
        kind: "endless",
        what: "a body that never ends",
        outcome: Outcome::Refused("too large"),
    },
];

/// The hostile bundle named `kind`.
pub fn find(kind: &str) -> Option<&'static Hostile> {
    ALL.iter().find(|h| h.kind == kind)
}

/// The manifest of `kind`: a valid one whose body (or media) carries the attack.
pub fn manifest(kind: &str) -> Option<String> {
    let h = find(kind)?;
    let (body, media) = match kind {
        "path-out" => ("..\\u001f\\\\".to_owned(), String::new()),
        "svg-media" => (
            "body.md".to_owned(),
            r#", "lead": { "media": "picture" },
  "media": [ { "id": "picture", "src": "media/picture.svg", "alt": "A picture", "width": 4, "height": 3 } ]"#
                .to_owned(),
        ),
        _ => ("body.md".to_owned(), String::new()),
    };
    Some(format!(
        r#"{{
  "format_version": "1.0", "id": "hostile-{kind}", "language": "en",
  "headline": "Hostile: {what}", "published": "2024-05-01",
  "source": {{ "name": "Folio fixtures" }},
  "body": "{body}"{media}
}}"#,
        what = h.what
    ))
}

/// The body of `kind`, or `None` for `endless`, whose body is streamed by [`stream_endless`].
pub fn body(kind: &str) -> Option<Vec<u8>> {
    let text = match kind {
        "million-references" => "[^a]".repeat(1_000_000) + "\n\n[^a]: The one note.\n",
        "references-in-cap" => ("[^a]".repeat(9_999) + "\n\n").repeat(11) + "[^a]: The one note.\n",
        "many-footnotes" => {
            // The notes first, then a paragraph of references to them every hundred.
            let mut t: String = (0..100_000)
                .map(|i| format!("[^{i}]: Note {i}.\n"))
                .collect();
            for start in (0..100_000).step_by(100) {
                t.push('\n');
                t.extend((start..start + 100).map(|i| format!("x[^{i}] ")));
                t.push('\n');
            }
            t
        }
        "raw-html" => "<b>\n\n".repeat(400_000),
        "same-headings" => "# Update\n\n".repeat(150_000),
        "headings-in-cap" => "# Update\n\n".repeat(59_000),
        "refused-links" => "[x](j:1) ".repeat(230_000),
        "refused-links-in-cap" => ("[x](j:1) ".repeat(3_000) + "\n\n").repeat(13),
        "table-3k" => padded_tables(1, 3 * 1024),
        "table-29k" => padded_tables(10, 29 * 1024),
        "table-290k" => padded_tables(100, 290 * 1024),
        "table-4m" => padded_tables(1_000, 4_000_000),
        "path-out" | "svg-media" => "A short body.\n".to_owned(),
        _ => return None,
    };
    Some(text.into_bytes())
}

/// `tables` tables of `bytes` in all: each a header as wide as its share allows, then rows
/// of one cell, which the parser fills to the header's width.
fn padded_tables(tables: usize, bytes: usize) -> String {
    let share = bytes / tables;
    let columns = share / 8;
    let header = "|a".repeat(columns) + "|\n" + &"|-".repeat(columns) + "|\n";
    let rows = (share.saturating_sub(header.len() + 1) / 4).max(1);
    let table = header + &"|x|\n".repeat(rows) + "\n";
    table.repeat(tables)
}

/// A file of a hostile bundle, as the server answers it: content type and bytes.
pub fn file(path: &str) -> Option<(&'static str, Vec<u8>)> {
    if path == "index.json" {
        return Some(("application/json", index().into_bytes()));
    }
    let (kind, name) = path.split_once('/')?;
    match name {
        "bundle.json" => manifest(kind).map(|m| ("application/json", m.into_bytes())),
        "body.md" => body(kind).map(|b| ("text/markdown; charset=utf-8", b)),
        "media/picture.svg" if kind == "svg-media" => Some((
            "image/svg+xml",
            br#"<svg xmlns="http://www.w3.org/2000/svg"><script>localStorage.setItem("pwned","1")</script></svg>"#.to_vec(),
        )),
        _ => None,
    }
}

/// The list of hostile bundles and what each must give, for the end-to-end tests and the
/// bench: `[{"kind", "what", "shown", "words"}]`.
pub fn index() -> String {
    let list: Vec<serde_json::Value> = ALL
        .iter()
        .map(|h| {
            let (shown, words) = match h.outcome {
                Outcome::Shown => (true, ""),
                Outcome::Refused(words) => (false, words),
            };
            serde_json::json!({ "kind": h.kind, "what": h.what, "shown": shown, "words": words })
        })
        .collect();
    serde_json::Value::Array(list).to_string()
}

/// Answers with a Markdown body that never ends, until the reader hangs up.
pub fn stream_endless(stream: &mut TcpStream) -> std::io::Result<()> {
    let mut head =
        String::from("HTTP/1.1 200 OK\r\nContent-Type: text/markdown; charset=utf-8\r\n");
    let sandbox = ("Content-Security-Policy", crate::csp::SANDBOX);
    for (name, value) in crate::csp::COMMON_HEADERS.iter().chain([&sandbox]) {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("Connection: close\r\n\r\n");
    stream.write_all(head.as_bytes())?;
    let chunk = "An endless line of text. ".repeat(2_600);
    // At most 64 MiB, so that a reader that never stops cannot keep the server busy forever.
    for _ in 0..1_000 {
        stream.write_all(chunk.as_bytes())?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use folio_bundle::{limits, read_bundle, Report};

    fn read(kind: &str) -> Report {
        let manifest = manifest(kind).expect("a manifest");
        let body = body(kind).expect("a body");
        read_bundle(manifest.as_bytes(), &body).1
    }

    #[test]
    fn every_hostile_body_is_within_the_size_cap() {
        for h in ALL.iter().filter(|h| h.kind != "endless") {
            let len = body(h.kind).map_or(0, |b| b.len());
            assert!(
                len <= limits::MARKDOWN_FILE_BYTES,
                "{}: {len} bytes",
                h.kind
            );
            assert!(manifest(h.kind).is_some_and(|m| m.len() < limits::MANIFEST_BYTES));
        }
    }

    #[test]
    fn each_hostile_bundle_reads_as_its_outcome_says() {
        for h in ALL.iter().filter(|h| h.kind != "endless") {
            let report = read(h.kind);
            match h.outcome {
                Outcome::Shown => assert!(!report.has_errors(), "{}: {report}", h.kind),
                Outcome::Refused(words) => assert!(
                    report.errors().any(|d| d.message.contains(words)),
                    "{}: no error saying {words:?}:\n{report}",
                    h.kind
                ),
            }
        }
    }

    #[test]
    fn floods_of_warnings_are_summarised() {
        let report = read("refused-links-in-cap");
        assert_eq!(report.warnings().count(), Report::KEPT_PER_RULE);
        let summary: Vec<String> = report.omitted_lines(false).collect();
        assert_eq!(summary, ["and 38980 more unsafe-link warnings"]);
    }

    #[test]
    fn padded_tables_are_as_wide_as_their_share() {
        let t = padded_tables(1, 3 * 1024);
        assert!(t.len() <= 3 * 1024, "{}", t.len());
        assert!(t.starts_with(&"|a".repeat(384)));
    }
}
