//! The values every component reads besides its own props: where the site's root is
//! ([`Site`]) and, inside an article, the article and where its files are ([`RenderContext`]).

use std::sync::Arc;

use folio_bundle::{Article, Media};
use leptos::prelude::*;

use crate::interface::use_interface;

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
}

/// The article's own language, to set again inside an element of Folio's words that was
/// marked with the interface's `lang`, where the article's words resume; `None` when the
/// interface speaks the article's language, or outside an article.
pub fn use_article_lang() -> Option<String> {
    use_interface().lang?;
    with_context::<RenderContext, _>(|c| c.article.manifest.language.clone())
}
