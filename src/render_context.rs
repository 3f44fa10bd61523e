//! The values every component reads besides its own props: where the site's root is
//! ([`Site`]) and, inside an article, the article and where its files are ([`RenderContext`]).

use std::sync::Arc;

use folio_bundle::{Article, Media};
use leptos::prelude::*;

use crate::interface::Locale;

/// Where the page sits in the site, so that its links work from any folder and on any
/// static host, with no rewrite rules.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Site {
    /// The relative way from this page to the app's root folder: `""` on the root's own
    /// pages (`index.html`), `"../../"` on an article's static page (`articles/ID/`).
    pub root: String,
    /// The page is an embed (`embed/ID/`), shown in a partner's frame: no site header or
    /// footer, and a link to the article's own page on the site named here.
    pub embed: Option<String>,
}

impl Site {
    /// A page in the root folder.
    pub fn at_root() -> Site {
        Site {
            root: String::new(),
            embed: None,
        }
    }

    /// A page whose way back to the root folder is `root`, not an embed.
    pub fn at(root: &str) -> Site {
        Site {
            root: root.to_owned(),
            embed: None,
        }
    }

    /// The static page of the article with `id`. Bundle ids are letters, digits, `-` and
    /// `_` only, so they need no escaping.
    pub fn article_href(&self, id: &str) -> String {
        format!("{}articles/{id}/", self.root)
    }

    /// The articles saved on this device.
    pub fn saved_href(&self) -> String {
        format!("{}saved/", self.root)
    }

    /// The list of articles.
    pub fn home_href(&self) -> String {
        if self.root.is_empty() {
            "./".into()
        } else {
            self.root.clone()
        }
    }
}

/// The site context of this render; the root's where none was provided.
pub fn use_site() -> Site {
    use_context::<Site>().unwrap_or_else(Site::at_root)
}

/// What components need to render an article's parts.
#[derive(Clone, Debug)]
pub struct RenderContext {
    /// The article.
    pub article: Arc<Article>,
    /// The bundle folder's URL, ending in `/`: absolute for a bundle the app loaded,
    /// relative to the page for a static page.
    pub base: String,
}

impl RenderContext {
    /// The media item with `id`.
    pub fn media(&self, id: &str) -> Option<&Media> {
        self.article.manifest.media(id)
    }

    /// The URL of a file inside the bundle.
    pub fn file_url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    /// The language of Folio's own words inside the article: the article's own where
    /// Folio's interface has it (`src/interface/*.ftl`), English otherwise.
    pub fn interface(&self) -> Locale {
        Locale::for_language(&self.article.manifest.language).unwrap_or_default()
    }

    /// The `lang` of Folio's own words inside the article where it differs from the
    /// article's, so that each of them says so (WCAG 3.1.2) and a screen reader reads
    /// "Published" in English inside, say, a German article; `None` where Folio speaks
    /// the article's language.
    pub fn interface_lang(&self) -> Option<&'static str> {
        interface_lang_beside(&self.article.manifest.language)
    }

    /// The article's own language, to set again inside an element that
    /// [`RenderContext::interface_lang`] marked, where the article's words resume; `None`
    /// when the article and the interface share a language.
    pub fn article_lang(&self) -> Option<String> {
        self.interface_lang()
            .map(|_| self.article.manifest.language.clone())
    }
}

/// [`RenderContext::interface_lang`] of the article being rendered; `None` outside one.
pub fn use_interface_lang() -> Option<&'static str> {
    // Read in place, not cloned: it is asked for each link and footnote number of a body.
    with_context::<RenderContext, _>(RenderContext::interface_lang).flatten()
}

/// [`RenderContext::interface`] of the article being rendered; English outside one.
pub fn use_interface() -> Locale {
    with_context::<RenderContext, _>(RenderContext::interface).unwrap_or_default()
}

/// [`RenderContext::article_lang`] of the article being rendered; `None` outside one.
pub fn use_article_lang() -> Option<String> {
    with_context::<RenderContext, _>(RenderContext::article_lang).flatten()
}

/// The `lang` of Folio's translated words (`crate::interface`) in an article whose language
/// is `language`; `None` where they are in that language.
pub fn interface_lang_beside(language: &str) -> Option<&'static str> {
    match Locale::for_language(language) {
        Some(_) => None,
        None => Some(Locale::En.tag()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folio_s_words_are_marked_only_beside_another_language() {
        // Translated words speak the article's language where Folio has it.
        assert_eq!(interface_lang_beside("ru"), None);
        assert_eq!(interface_lang_beside("fa-IR"), None);
        assert_eq!(interface_lang_beside("de"), Some("en"));
        assert_eq!(interface_lang_beside("en-GB"), None);
    }
}
