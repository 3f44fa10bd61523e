//! Reads the examples out of the CommonMark spec's `spec.txt`.

/// The line that opens an example: 32 backticks and the word `example`.
const OPEN: &str = "```````````````````````````````` example";
/// The line that closes an example.
const CLOSE: &str = "````````````````````````````````";

/// One numbered example.
pub struct Example {
    /// Its number, from 1, in the order the spec gives them.
    pub number: usize,
    /// The section it belongs to, such as `Tabs`.
    pub section: String,
    /// The Markdown input.
    pub markdown: String,
    /// The HTML the reference implementation gives.
    pub html: String,
}

/// Splits `spec` into its examples. The spec writes a tab as `→` so that it can be seen.
pub fn examples(spec: &str) -> Vec<Example> {
    let mut found = Vec::new();
    let mut section = String::new();
    let mut lines = spec.lines();
    while let Some(line) = lines.next() {
        if line == OPEN {
            let markdown = collect(&mut lines, ".");
            let html = collect(&mut lines, CLOSE);
            found.push(Example {
                number: found.len() + 1,
                section: section.clone(),
                markdown,
                html,
            });
        } else if let Some(title) = line.strip_prefix('#') {
            section = title.trim_start_matches('#').trim().to_owned();
        }
    }
    found
}

/// The lines up to (not including) `end`, each ending in a newline, tabs restored.
fn collect<'a>(lines: &mut impl Iterator<Item = &'a str>, end: &str) -> String {
    let mut text = String::new();
    for line in lines.by_ref() {
        if line == end {
            break;
        }
        text.push_str(&line.replace('→', "\t"));
        text.push('\n');
    }
    text
}
