//! The text read aloud, as paragraphs in page order: the headline, the standfirst, then the
//! body's paragraphs, headings and list items, one utterance each.
//!
//! Left out: photo captions (they describe pictures the listener does not see and would
//! break the story's flow), code, tables, footnote markers and back-links, and text meant
//! only for screen readers, such as "(opens in a new tab)". Footnotes are read at the end.

use wasm_bindgen::JsCast;
use web_sys::{Element, Node};

/// One paragraph to read: the element to highlight and the words to speak.
#[derive(Clone, Debug)]
pub struct Paragraph {
    /// The element shown as being read.
    pub element: Element,
    /// Its text, whitespace squashed.
    pub text: String,
}

/// The blocks of the body read aloud, in document order.
const BODY_BLOCKS: &str = ".story-body :is(p, h2, h3, h4, h5, h6, li)";
/// Blocks whose text is not read, wherever they are.
const UNREAD_BLOCKS: &str = "figure, pre, table, .raw-html";
/// Inline parts whose text is not read.
const UNREAD_INLINES: &str =
    ".footnote-ref, .footnote-back, .visually-hidden, [aria-hidden='true'], script, style";
/// Children of a list item that are read as blocks of their own, or not at all.
const NESTED_BLOCKS: &str =
    "p, ul, ol, blockquote, pre, figure, table, div, section, h2, h3, h4, h5, h6";

/// Text with every run of whitespace made one space, and trimmed.
pub fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The paragraphs of the article element `article`, in reading order.
pub fn collect(article: &Element) -> Vec<Paragraph> {
    let mut elements: Vec<Element> = ["#folio_headline", ".article-header .standfirst"]
        .iter()
        .filter_map(|css| article.query_selector(css).ok().flatten())
        .collect();
    if let Ok(list) = article.query_selector_all(BODY_BLOCKS) {
        elements.extend(
            (0..list.length())
                .filter_map(|i| list.item(i))
                .filter_map(|node| node.dyn_into::<Element>().ok())
                .filter(|el| el.closest(UNREAD_BLOCKS).ok().flatten().is_none()),
        );
    }
    elements
        .into_iter()
        .filter_map(|element| {
            let mut text = String::new();
            own_text(&element, &mut text);
            let text = squash(&text);
            (!text.is_empty()).then_some(Paragraph { element, text })
        })
        .collect()
}

/// Appends the text of `node`'s children, leaving out unread inlines and nested blocks
/// (a list item's nested list or paragraphs are read on their own).
fn own_text(node: &Node, out: &mut String) {
    let children = node.child_nodes();
    for child in (0..children.length()).filter_map(|i| children.item(i)) {
        match child.node_type() {
            Node::TEXT_NODE => out.push_str(&child.text_content().unwrap_or_default()),
            Node::ELEMENT_NODE => {
                let Ok(element) = child.dyn_into::<Element>() else {
                    continue;
                };
                let skip = |css: &str| element.matches(css).unwrap_or(false);
                if element.tag_name().eq_ignore_ascii_case("br") {
                    out.push(' ');
                } else if !skip(UNREAD_INLINES) && !skip(NESTED_BLOCKS) {
                    own_text(&element, out);
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::squash;

    #[test]
    fn whitespace_is_squashed_to_single_spaces() {
        for (raw, squashed) in [
            ("  a  b\n\tc ", "a b c"),
            ("", ""),
            (" \n ", ""),
            ("one", "one"),
        ] {
            assert_eq!(squash(raw), squashed);
        }
    }
}
