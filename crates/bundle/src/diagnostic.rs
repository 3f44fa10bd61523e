//! Problems found in a bundle, each naming the file, the place inside it, and what was expected.

use std::fmt;

/// How much a problem matters to a reader.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The bundle still renders; the publisher should fix it.
    Warning,
    /// The bundle cannot be shown as it is.
    Error,
}

/// Every check the crate makes. Each rule always has the same severity, listed in
/// `docs/bundle-format.md`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rule {
    /// The file is not UTF-8 or not well-formed JSON.
    Syntax,
    /// A file, list or text is larger than the documented cap.
    TooLarge,
    /// The manifest was written for a newer major version of the format.
    UnsupportedVersion,
    /// A required field is absent.
    Missing,
    /// A field holds the wrong kind of JSON value.
    WrongType,
    /// A field holds a value outside what the format allows.
    BadValue,
    /// A date or time is not in the documented form.
    BadDate,
    /// Two items share an id that must be unique.
    DuplicateId,
    /// An image has no alternative text.
    MissingAlt,
    /// Something names a media id the manifest does not declare.
    UndeclaredMedia,
    /// A URL in the manifest uses a scheme or form outside the allow-list.
    UnsafeUrl,
    /// A path leaves the bundle's folder.
    PathEscapesBundle,
    /// A link names both another bundle and a URL.
    AmbiguousLink,
    /// A file the manifest names was not supplied.
    MissingFile,
    /// A link in Markdown was refused by the allow-list; its text is shown without a link.
    UnsafeLink,
    /// An image in Markdown is not a bundle file; its description is shown instead.
    ExternalImage,
    /// Raw HTML in Markdown; it is shown as text, never as markup.
    RawHtml,
    /// Markdown nested deeper than the cap; the deeper levels are flattened.
    NestingTooDeep,
    /// A heading skips a level, which confuses screen-reader navigation.
    HeadingSkip,
    /// A footnote reference has no definition.
    UndefinedFootnote,
    /// A media item is declared but never shown.
    UnusedMedia,
    /// The updated date is earlier than the publication date.
    UpdatedBeforePublished,
}

impl Rule {
    /// The fixed severity of this rule.
    pub fn severity(self) -> Severity {
        use Rule::*;
        match self {
            UnsafeLink
            | ExternalImage
            | RawHtml
            | NestingTooDeep
            | HeadingSkip
            | UndefinedFootnote
            | UnusedMedia
            | UpdatedBeforePublished => Severity::Warning,
            Syntax | TooLarge | UnsupportedVersion | Missing | WrongType | BadValue | BadDate
            | DuplicateId | MissingAlt | UndeclaredMedia | UnsafeUrl | PathEscapesBundle
            | AmbiguousLink | MissingFile => Severity::Error,
        }
    }
}

/// One problem: `bundle.json: media[1].alt: missing (every image needs alternative text)`.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Diagnostic {
    /// Which check found it.
    pub rule: Rule,
    /// The file inside the bundle, such as `bundle.json` or `body.md`.
    pub file: String,
    /// Where inside the file: a JSON path like `media[1].alt`, or `line 12` for Markdown.
    pub path: String,
    /// What is wrong, in plain words.
    pub message: String,
}

impl Diagnostic {
    /// A problem found by `rule` at `path` inside `file`.
    pub fn new(
        rule: Rule,
        file: &str,
        path: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            rule,
            file: file.to_owned(),
            path: path.into(),
            message: message.into(),
        }
    }

    /// Whether this problem stops the bundle from being shown.
    pub fn severity(&self) -> Severity {
        self.rule.severity()
    }

    /// Whether this is an error rather than a warning.
    pub fn is_error(&self) -> bool {
        self.severity() == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(f, "{}: {}: {}", self.file, self.path, self.message)
        }
    }
}

/// All the problems found while reading a bundle, errors and warnings together.
///
/// A flood of one kind of problem is summarised: the first [`Report::KEPT_PER_RULE`] of each
/// rule are kept whole, and the rest only counted in [`Report::omitted`], so that a bundle
/// with 200,000 refused links costs a reader neither memory nor a console of warnings.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Report {
    /// The problems kept whole, in the order found.
    pub diagnostics: Vec<Diagnostic>,
    /// For each rule past its first [`Report::KEPT_PER_RULE`], how many more were found.
    pub omitted: Vec<Omitted>,
}

/// Problems found by one rule but not kept whole.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Omitted {
    /// The rule.
    pub rule: Rule,
    /// How many more it found.
    pub count: usize,
}

impl fmt::Display for Omitted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.rule.severity() {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let rule = serde_json::to_value(self.rule)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        let s = if self.count == 1 { "" } else { "s" };
        write!(f, "and {} more {rule} {kind}{s}", self.count)
    }
}

impl Report {
    /// How many problems of each rule are kept whole.
    pub const KEPT_PER_RULE: usize = 20;

    /// Adds one problem, or counts it when its rule already has [`Self::KEPT_PER_RULE`].
    pub fn push(&mut self, d: Diagnostic) {
        if let Some(o) = self.omitted.iter_mut().find(|o| o.rule == d.rule) {
            o.count += 1;
            return;
        }
        let kept = self.diagnostics.iter().filter(|k| k.rule == d.rule).count();
        if kept < Self::KEPT_PER_RULE {
            self.diagnostics.push(d);
        } else {
            self.omitted.push(Omitted {
                rule: d.rule,
                count: 1,
            });
        }
    }

    /// Adds every problem of `other`, each changed by `place` (to say where it was found).
    pub fn absorb(&mut self, other: Report, place: impl Fn(&mut Diagnostic)) {
        for mut d in other.diagnostics {
            place(&mut d);
            self.push(d);
        }
        for o in other.omitted {
            match self.omitted.iter_mut().find(|m| m.rule == o.rule) {
                Some(m) => m.count += o.count,
                None => self.omitted.push(o),
            }
        }
    }

    /// The problems that stop the bundle from being shown, of those kept whole.
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.is_error())
    }

    /// The problems a publisher should fix but a reader can live with, of those kept whole.
    pub fn warnings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| !d.is_error())
    }

    /// Every error found, counting those summarised.
    pub fn error_count(&self) -> usize {
        let omitted: usize = self
            .omitted
            .iter()
            .filter(|o| o.rule.severity() == Severity::Error)
            .map(|o| o.count)
            .sum();
        self.errors().count() + omitted
    }

    /// Whether any problem is an error.
    pub fn has_errors(&self) -> bool {
        self.error_count() > 0
    }

    /// Whether the report names `rule` at least once.
    pub fn has(&self, rule: Rule) -> bool {
        self.diagnostics.iter().any(|d| d.rule == rule)
    }

    /// The summary lines of what was omitted, for errors (`true`) or warnings (`false`).
    pub fn omitted_lines(&self, errors: bool) -> impl Iterator<Item = String> + '_ {
        self.omitted
            .iter()
            .filter(move |o| (o.rule.severity() == Severity::Error) == errors)
            .map(ToString::to_string)
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in &self.diagnostics {
            writeln!(f, "{}: {d}", if d.is_error() { "error" } else { "warning" })?;
        }
        for o in &self.omitted {
            writeln!(f, "{o}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(i: usize) -> Diagnostic {
        Diagnostic::new(Rule::UnsafeLink, "body.md", format!("line {i}"), "refused")
    }

    #[test]
    fn a_flood_keeps_the_first_of_each_rule_and_counts_the_rest() {
        let mut report = Report::default();
        (0..25).for_each(|i| report.push(refused(i)));
        report.push(Diagnostic::new(Rule::TooLarge, "body.md", "", "big"));
        assert_eq!(report.warnings().count(), Report::KEPT_PER_RULE);
        assert_eq!(report.errors().count(), 1, "another rule still has room");
        let summary: Vec<String> = report.omitted_lines(false).collect();
        assert_eq!(summary, ["and 5 more unsafe-link warnings"]);
        assert!(report
            .to_string()
            .ends_with("and 5 more unsafe-link warnings\n"));
    }

    #[test]
    fn summarised_errors_still_count_as_errors() {
        let mut report = Report::default();
        let error =
            |i: usize| Diagnostic::new(Rule::BadValue, "bundle.json", format!("x[{i}]"), "bad");
        (0..21).for_each(|i| report.push(error(i)));
        assert_eq!(report.errors().count(), Report::KEPT_PER_RULE);
        assert_eq!(report.error_count(), 21);

        // Absorbing a summarised report keeps its counts.
        let mut outer = Report::default();
        (0..19).for_each(|i| outer.push(error(i)));
        outer.absorb(report, |d| d.path.insert_str(0, "notices[0] "));
        assert_eq!(outer.error_count(), 40);
        assert_eq!(outer.errors().count(), Report::KEPT_PER_RULE);
        assert_eq!(
            outer.errors().last().map(|d| d.path.as_str()),
            Some("notices[0] x[0]")
        );
        assert_eq!(
            outer.omitted_lines(true).collect::<Vec<_>>(),
            ["and 20 more bad-value errors"]
        );
    }
}
