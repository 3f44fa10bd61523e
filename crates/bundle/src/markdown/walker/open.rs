//! Opening containers: each start tag becomes a new frame, and link and image addresses are
//! checked against the allow-list as they open.

use pulldown_cmark::{CodeBlockKind, LinkType, Tag};

use super::frame::{frame, Kind};
use super::Walker;
use crate::diagnostic::Rule;
use crate::document::Alignment;
use crate::markdown::warn;
use crate::url::{classify, LinkTarget};

impl Walker<'_> {
    /// Opens the container `tag` starts, unless it lies past the depth cap.
    pub(super) fn start(&mut self, tag: Tag<'_>, line: usize) {
        if self.absorb(&tag, line) {
            return;
        }
        let kind = match tag {
            Tag::Paragraph => Kind::Paragraph,
            Tag::Heading { level, .. } => Kind::Heading(level as u8),
            Tag::BlockQuote(_) => Kind::Quote,
            Tag::CodeBlock(CodeBlockKind::Fenced(info)) => {
                let language = info.split_whitespace().next().map(str::to_owned);
                Kind::Code {
                    language,
                    text: String::new(),
                }
            }
            Tag::CodeBlock(CodeBlockKind::Indented) => Kind::Code {
                language: None,
                text: String::new(),
            },
            Tag::HtmlBlock => Kind::Html {
                text: String::new(),
                line,
            },
            Tag::List(start) => Kind::List {
                start,
                loose: false,
                items: Vec::new(),
            },
            Tag::Item => Kind::Item {
                task: None,
                loose: false,
            },
            Tag::FootnoteDefinition(label) => Kind::FootnoteDef(label.into_string()),
            Tag::Table(aligns) => Kind::Table {
                alignments: aligns.into_iter().map(alignment).collect(),
                head: Vec::new(),
                rows: Vec::new(),
            },
            Tag::TableHead => Kind::TableHead(Vec::new()),
            Tag::TableRow => Kind::TableRow(Vec::new()),
            Tag::TableCell => Kind::TableCell,
            Tag::Emphasis => Kind::Emphasis,
            Tag::Strong => Kind::Strong,
            Tag::Strikethrough => Kind::Strikethrough,
            // An email autolink `<desk@example.org>` gives its address without `mailto:`.
            Tag::Link {
                link_type: LinkType::Email,
                dest_url,
                title,
                ..
            } => Kind::Link {
                target: self.check_link(&format!("mailto:{dest_url}"), line, false),
                title: title.into_string(),
            },
            Tag::Link {
                dest_url, title, ..
            } => Kind::Link {
                target: self.check_link(&dest_url, line, false),
                title: title.into_string(),
            },
            Tag::Image {
                dest_url, title, ..
            } => Kind::Image {
                target: self.check_link(&dest_url, line, true),
                title: title.into_string(),
            },
            Tag::DefinitionList | Tag::DefinitionListTitle | Tag::DefinitionListDefinition => {
                Kind::Unsupported("definition list")
            }
            Tag::Superscript => Kind::Unsupported("superscript"),
            Tag::Subscript => Kind::Unsupported("subscript"),
            Tag::MetadataBlock(_) => Kind::Unsupported("metadata block"),
        };
        if matches!(kind, Kind::Paragraph) {
            if let Kind::Item { loose, .. } = &mut self.top().kind {
                *loose = true;
            }
        }
        self.stack.push(frame(kind));
    }

    /// Applies the allow-list to a link or image URL, warning when it is refused or external.
    fn check_link(&mut self, url: &str, line: usize, image: bool) -> LinkTarget {
        let target = classify(url);
        match (&target, image) {
            (LinkTarget::Refused { reason, .. }, _) => {
                let what = if image { "image" } else { "link" };
                warn(
                    self.report,
                    Rule::UnsafeLink,
                    self.file,
                    line,
                    format!("{what} {url:?} refused: {reason}; its text is shown instead"),
                );
            }
            (LinkTarget::External(_), true) => {
                let msg = format!("image {url:?} is not a file in this bundle; its description is shown instead, so that no other host learns who reads");
                warn(self.report, Rule::ExternalImage, self.file, line, msg);
            }
            _ => {}
        }
        target
    }
}

fn alignment(a: pulldown_cmark::Alignment) -> Alignment {
    match a {
        pulldown_cmark::Alignment::None => Alignment::None,
        pulldown_cmark::Alignment::Left => Alignment::Left,
        pulldown_cmark::Alignment::Center => Alignment::Center,
        pulldown_cmark::Alignment::Right => Alignment::Right,
    }
}
