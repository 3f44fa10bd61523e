//! Folio's Markdown against the CommonMark spec's own examples.
//!
//! Each example is parsed into Folio's document tree, printed as reference-style HTML by a
//! test-only printer, and compared with the spec's HTML after both are normalised. Every
//! example passes except those in [`EXCLUDED`], each for a stated reason. An excluded
//! example must still fail, so that the table cannot go stale; and where the reason is one
//! of Folio's safety rules, lifting that one rule must make it pass, so that nothing else
//! hides behind the reason.
//!
//! Run with `cargo test -p folio-bundle --test commonmark_spec -- --nocapture` to see the
//! summary line. The examples come from the `commonmark-spec` npm package (`npm ci`).

mod commonmark;

use std::collections::BTreeMap;
use std::path::Path;

use commonmark::html::{self, Relax};
use commonmark::normalise::normalise;
use commonmark::spec::{self, Example};
use folio_bundle::{markdown, Document, Refusal, Report};

/// The version of the `commonmark-spec` npm package the examples come from.
const SPEC_VERSION: &str = "0.31.2";
/// How many examples that version has.
const SPEC_EXAMPLES: usize = 652;

/// Why an example's output differs from the reference, on purpose.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Reason {
    /// Raw HTML is shown as text by design, so that no markup from an article ever runs.
    RawHtml,
    /// HTML comments are dropped by design: they were never meant to be seen.
    HtmlComment,
    /// A root-relative URL such as `/url` points outside the bundle, to the hosting site,
    /// so the allow-list refuses it and only the link's words are shown.
    RootRelativeUrl,
    /// A scheme outside the allow-list (`irc:`, made-up schemes, `localhost:`) is refused.
    RefusedScheme,
    /// An empty URL is refused: it would point at the page itself.
    EmptyUrl,
    /// The allow-list normalises a path inside the bundle: `./a` becomes `a`, and `\` is a
    /// separator, as browsers treat it in web addresses.
    NormalisedPath,
}

impl Reason {
    /// How the summary line names it.
    fn label(self) -> &'static str {
        match self {
            Reason::RawHtml => "raw HTML shown as text",
            Reason::HtmlComment => "HTML comments dropped",
            Reason::RootRelativeUrl => "root-relative URLs refused",
            Reason::RefusedScheme => "schemes outside the allow-list refused",
            Reason::EmptyUrl => "empty URLs refused",
            Reason::NormalisedPath => "bundle paths normalised",
        }
    }

    /// The one safety rule to lift so that the example passes, when there is one.
    fn relax(self) -> Option<Relax> {
        let refusal = |r| {
            Some(Relax {
                refusal: Some(r),
                ..Relax::default()
            })
        };
        match self {
            Reason::RawHtml => Some(Relax {
                raw_html: true,
                ..Relax::default()
            }),
            Reason::RootRelativeUrl => refusal(Refusal::RootPath),
            Reason::RefusedScheme => refusal(Refusal::Scheme),
            Reason::EmptyUrl => refusal(Refusal::Empty),
            // The document no longer holds what was written.
            Reason::HtmlComment | Reason::NormalisedPath => None,
        }
    }
}

/// Examples whose output differs from the reference, by reason.
#[rustfmt::skip]
const EXCLUDED: &[(Reason, &[usize])] = &[
    (Reason::RawHtml, &[
        // Backslash escapes, entities.
        21, 31,
        // HTML blocks.
        148, 149, 150, 151, 152, 153, 154, 155, 159, 160, 161, 162, 163, 164, 165, 166, 167,
        168, 169, 170, 171, 172, 173, 174, 175, 176, 177, 178, 180, 181, 182, 184, 185, 186,
        187, 188, 189, 190, 191,
        // Link reference definitions, code spans, emphasis, links.
        201, 344, 475, 476, 477, 491, 494, 524, 536,
        // Raw HTML, hard line breaks.
        613, 614, 615, 616, 617, 623, 627, 628, 629, 630, 631, 642, 643,
    ]),
    // `<!-- Foo ... -->` over several lines; comments beside lists and code;
    // `foo <!-- ... -->` inline; the empty comments `<!-->` and `<!--->`.
    (Reason::HtmlComment, &[179, 183, 308, 309, 625, 626]),
    (Reason::RootRelativeUrl, &[
        // Backslash escapes, entities.
        22, 23, 32, 33,
        // Link reference definitions.
        192, 193, 196, 198, 202, 205, 206, 214, 215, 216, 217, 218,
        // Emphasis.
        404, 419, 422, 433, 473, 474,
        // Links.
        482, 483, 489, 505, 506, 507, 509, 510, 512, 514, 515, 516, 517, 518, 519, 521, 527,
        528, 529, 530, 531, 532, 533, 534, 535, 539, 540, 541, 542, 543, 544, 549, 550, 553,
        554, 555, 556, 557, 558, 559, 560, 561, 562, 564, 565, 566, 568, 569, 570, 571,
        // Images.
        572, 574, 575, 579, 581, 582, 583, 584, 585, 586, 587, 588, 589, 591, 593,
    ]),
    // `<irc://...>`, `<a+b+c:d>`, `<made-up-scheme://...>`, `<localhost:5001/foo>`.
    (Reason::RefusedScheme, &[596, 598, 599, 601]),
    // `[foo]: <>`, `[link]()`, `[link](<>)`, `[]()`, `[foo]()`.
    (Reason::EmptyUrl, &[200, 485, 486, 487, 567]),
    // `[](./target.md)` gives `target.md`; `[link](foo\bar)` gives `foo/bar`.
    (Reason::NormalisedPath, &[484, 502]),
];

fn spec_text() -> String {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../node_modules/commonmark-spec/spec.txt");
    match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(_) => panic!(
            "CommonMark spec examples not found: run `npm ci` in the repository root \
             (cargo xtask test does this); looked for {}",
            path.display()
        ),
    }
}

fn parse(example: &Example) -> Document {
    let mut report = Report::default();
    markdown::parse("spec.md", &example.markdown, &mut report)
}

fn matches(example: &Example, html: &str) -> bool {
    normalise(html) == normalise(&example.html)
}

fn describe(example: &Example, actual: &str) -> String {
    format!(
        "example {} ({})\n--- markdown\n{}--- expected\n{}--- folio\n{}",
        example.number, example.section, example.markdown, example.html, actual
    )
}

/// The table as a map from example number to reason, checked for repeats.
fn exclusions() -> BTreeMap<usize, Reason> {
    let mut map = BTreeMap::new();
    for &(reason, numbers) in EXCLUDED {
        for &n in numbers {
            assert!(
                (1..=SPEC_EXAMPLES).contains(&n),
                "example {n} is excluded but does not exist"
            );
            if let Some(other) = map.insert(n, reason) {
                panic!("example {n} is excluded twice: {other:?} and {reason:?}");
            }
        }
    }
    map
}

#[test]
fn commonmark_examples_pass_except_the_excluded() {
    let examples = spec::examples(&spec_text());
    assert_eq!(
        examples.len(),
        SPEC_EXAMPLES,
        "CommonMark {SPEC_VERSION} has {SPEC_EXAMPLES} examples"
    );
    let excluded = exclusions();

    let mut passed = 0;
    let mut problems = Vec::new();
    for example in &examples {
        let doc = parse(example);
        let actual = html::document(&doc);
        let ok = matches(example, &actual);
        match (ok, excluded.get(&example.number)) {
            (true, None) => passed += 1,
            (false, None) => problems.push(format!("fails:\n{}", describe(example, &actual))),
            (true, Some(reason)) => problems.push(format!(
                "passes now, so remove it from EXCLUDED ({reason:?}):\n{}",
                describe(example, &actual)
            )),
            (false, Some(reason)) => {
                if let Some(relax) = reason.relax() {
                    let relaxed = html::relaxed(&doc, relax);
                    if !matches(example, &relaxed) {
                        problems.push(format!(
                            "fails for more than {reason:?}; with that rule lifted:\n{}",
                            describe(example, &relaxed)
                        ));
                    }
                }
            }
        }
    }

    let mut by_reason: BTreeMap<Reason, usize> = BTreeMap::new();
    for reason in excluded.values() {
        *by_reason.entry(*reason).or_default() += 1;
    }
    let reasons: Vec<String> = by_reason
        .iter()
        .map(|(reason, n)| format!("{n} {}", reason.label()))
        .collect();
    println!(
        "CommonMark {SPEC_VERSION}: {passed} of {} examples pass; {} excluded: {}",
        examples.len(),
        excluded.len(),
        reasons.join(", ")
    );
    assert!(
        problems.is_empty(),
        "{} problems:\n\n{}",
        problems.len(),
        problems.join("\n")
    );
}
