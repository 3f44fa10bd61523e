//! The text read aloud, as the article model decided it ([`folio_bundle::Article::spoken`]):
//! each paragraph's words, and the id of the element on the page that shows it, looked up
//! when the paragraph is read, since a long article may still be building its body when
//! reading starts.

use folio_bundle::article::Spoken;
use web_sys::Element;

/// One paragraph to read: the element to highlight, by its id, and the words to speak.
#[derive(Clone, Debug)]
pub struct Paragraph {
    /// The id of the element shown as being read.
    pub id: String,
    /// Its words.
    pub text: String,
}

impl Paragraph {
    /// The element that shows the paragraph, once it is in the page. Browser only.
    pub fn element(&self) -> Option<Element> {
        web_sys::window()?.document()?.get_element_by_id(&self.id)
    }
}

/// The paragraphs of `spoken`, in reading order.
pub fn collect(spoken: &[Spoken]) -> Vec<Paragraph> {
    spoken
        .iter()
        .map(|s| Paragraph {
            id: s.id.clone(),
            text: s.text.clone(),
        })
        .collect()
}
