//! The text read aloud, as the article model decided it ([`folio_bundle::Article::spoken`]):
//! each paragraph's words, and the element on the page that shows it, found by its id.

use folio_bundle::article::Spoken;
use web_sys::Element;

/// One paragraph to read: the element to highlight and the words to speak.
#[derive(Clone, Debug)]
pub struct Paragraph {
    /// The element shown as being read.
    pub element: Element,
    /// Its words.
    pub text: String,
}

/// The paragraphs of `spoken` that the page shows, in reading order. Browser only.
pub fn collect(spoken: &[Spoken]) -> Vec<Paragraph> {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return Vec::new();
    };
    spoken
        .iter()
        .filter_map(|s| {
            let element = document.get_element_by_id(&s.id)?;
            Some(Paragraph {
                element,
                text: s.text.clone(),
            })
        })
        .collect()
}
