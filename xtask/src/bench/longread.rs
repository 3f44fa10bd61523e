//! Long test articles for the bench, made deterministically: a bundle of N words with
//! headings, paragraphs with emphasis and links, lists, figures, a block quote and footnotes.
//! The end-to-end tests build the same article from this file (`tests/e2e/tests/long_article.rs`
//! includes it), so it uses nothing but `std`.

use std::fmt::Write;
use std::path::Path;

/// Words the text is drawn from: plain English, so every renderer sees ordinary prose.
const WORDS: &[&str] = &[
    "the",
    "reader",
    "page",
    "column",
    "story",
    "editor",
    "measure",
    "line",
    "type",
    "image",
    "caption",
    "headline",
    "a",
    "of",
    "and",
    "to",
    "in",
    "that",
    "is",
    "for",
    "with",
    "on",
    "long",
    "read",
    "layout",
    "screen",
    "paper",
    "designer",
    "grid",
    "space",
    "text",
    "word",
    "section",
    "opening",
    "rhythm",
    "margin",
    "note",
    "quote",
    "photograph",
    "credit",
    "city",
    "evening",
    "report",
    "source",
    "written",
    "printed",
    "careful",
    "quiet",
    "clear",
    "small",
];

/// How many media items the figures cycle through.
const FIGURES: usize = 8;

/// A small deterministic generator (a 64-bit LCG): the same article on every machine.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n
    }
}

/// Appends a sentence of `len` words; returns `len`.
fn sentence(out: &mut String, rng: &mut Lcg, len: usize) -> usize {
    for i in 0..len {
        let w = WORDS[rng.next(WORDS.len())];
        if i == 0 {
            let mut c = w.chars();
            let first = c.next().map(|f| f.to_ascii_uppercase()).unwrap_or('A');
            out.push(first);
            out.push_str(c.as_str());
        } else {
            out.push(' ');
            match rng.next(40) {
                0 => write!(out, "*{w}*").unwrap(),
                1 => write!(out, "**{w}**").unwrap(),
                2 => write!(out, "[{w}](https://example.org/{w})").unwrap(),
                _ => out.push_str(w),
            }
        }
    }
    out.push('.');
    len
}

/// The body's Markdown: about `words` words of running text, headings included.
pub fn body(words: usize) -> String {
    let mut rng = Lcg(words as u64);
    let mut out = String::with_capacity(words * 7);
    let (mut written, mut section, mut notes, mut next_section) = (0, 0, 0, 0);
    while written < words {
        let left = |w: usize| words.saturating_sub(w).max(1);
        if written >= next_section {
            section += 1;
            next_section += 1200;
            writeln!(out, "## Section {section}: the long read\n").unwrap();
            written += 4;
        } else if rng.next(8) == 0 {
            writeln!(out, "### Part {section}.{}\n", rng.next(9) + 1).unwrap();
            written += 1;
        }
        match rng.next(10) {
            0 => {
                for _ in 0..4 {
                    out.push_str(if section % 2 == 0 { "- " } else { "1. " });
                    written += sentence(&mut out, &mut rng, 6.min(left(written)));
                    out.push('\n');
                }
            }
            1 => {
                let k = rng.next(FIGURES);
                writeln!(
                    out,
                    "![Figure {k}: a placeholder picture](media:figure-{k})"
                )
                .unwrap();
                written += 5;
            }
            2 => {
                out.push_str("> ");
                written += sentence(&mut out, &mut rng, 18.min(left(written)));
                out.push('\n');
            }
            _ => {
                for _ in 0..4 {
                    let len = (8 + rng.next(14)).min(left(written));
                    written += sentence(&mut out, &mut rng, len);
                    out.push(' ');
                    if written >= words {
                        break;
                    }
                }
                if rng.next(4) == 0 {
                    notes += 1;
                    write!(out, "[^n{notes}]").unwrap();
                }
                out.push('\n');
            }
        }
        out.push('\n');
    }
    for n in 1..=notes {
        writeln!(out, "[^n{n}]: Note {n} of the generated long read.\n").unwrap();
    }
    out
}

/// The placeholder picture's own size in pixels (the sample article's `toe-to-toe.png`),
/// which every figure declares, so a picture that loads moves nothing on the page.
pub const PICTURE: (u32, u32) = (320, 213);

/// The manifest of a generated bundle named `id`.
pub fn manifest(id: &str, words: usize) -> String {
    let (width, height) = PICTURE;
    let media: Vec<String> = (0..FIGURES)
        .map(|k| {
            format!(
                r#"{{ "id": "figure-{k}", "kind": "image", "src": "media/figure.png", "mime": "image/png",
      "alt": "Placeholder picture {k}.", "width": {width}, "height": {height}, "placeholder": true }}"#
            )
        })
        .collect();
    format!(
        r#"{{
  "format_version": "1.0",
  "id": "{id}",
  "language": "en",
  "direction": "ltr",
  "headline": "A generated long read of {words} words",
  "standfirst": "Made by cargo xtask bench to time Folio on long articles.",
  "byline": "Folio bench",
  "published": "2026-01-01",
  "source": {{ "name": "Folio bench" }},
  "lead": {{ "media": "figure-0", "caption": "A placeholder lead picture" }},
  "body": "body.md",
  "media": [
    {}
  ]
}}
"#,
        media.join(",\n    ")
    )
}

/// Writes the bundle `words-N` under `dir/generated/`, with one placeholder PNG for every figure.
pub fn write(dir: &Path, words: usize, png: &[u8]) -> Result<String, String> {
    // A PNG's IHDR chunk holds its width and height, big-endian, at bytes 16 to 24.
    let size = png.get(16..24).map(|b| {
        let at = |i: usize| u32::from_be_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]);
        (at(0), at(4))
    });
    if size != Some(PICTURE) {
        return Err(format!(
            "the placeholder picture is {size:?} pixels, but the long articles declare {PICTURE:?}"
        ));
    }
    let id = format!("words-{words}");
    let folder = dir.join("generated").join(&id);
    std::fs::create_dir_all(folder.join("media")).map_err(|e| e.to_string())?;
    let put = |name: &str, bytes: &[u8]| {
        std::fs::write(folder.join(name), bytes).map_err(|e| format!("{name}: {e}"))
    };
    put("bundle.json", manifest(&id, words).as_bytes())?;
    put("body.md", body(words).as_bytes())?;
    put("media/figure.png", png)?;
    Ok(id)
}
