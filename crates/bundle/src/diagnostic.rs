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
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Report {
    /// Every problem, in the order found.
    pub diagnostics: Vec<Diagnostic>,
}

impl Report {
    /// Adds one problem.
    pub fn push(&mut self, d: Diagnostic) {
        self.diagnostics.push(d);
    }

    /// The problems that stop the bundle from being shown.
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.is_error())
    }

    /// The problems a publisher should fix but a reader can live with.
    pub fn warnings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| !d.is_error())
    }

    /// Whether any problem is an error.
    pub fn has_errors(&self) -> bool {
        self.errors().next().is_some()
    }

    /// Whether the report names `rule` at least once.
    pub fn has(&self, rule: Rule) -> bool {
        self.diagnostics.iter().any(|d| d.rule == rule)
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in &self.diagnostics {
            writeln!(f, "{}: {d}", if d.is_error() { "error" } else { "warning" })?;
        }
        Ok(())
    }
}
