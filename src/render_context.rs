//! The one value every article component reads: where the bundle lives, its language,
//! its media, and how headings shift below the headline.

use std::sync::Arc;

use folio_bundle::{Article, Media};

/// What components need to render an article's parts.
#[derive(Clone, Debug)]
pub struct RenderContext {
    /// The article.
    pub article: Arc<Article>,
    /// The bundle folder's absolute URL, ending in `/`.
    pub base: String,
}

impl RenderContext {
    /// The media item with `id`.
    pub fn media(&self, id: &str) -> Option<&Media> {
        self.article.manifest.media(id)
    }

    /// The absolute URL of a file inside the bundle.
    pub fn file_url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    /// The HTML heading level for a Markdown heading: the shallowest heading in the body
    /// becomes `h2`, since the headline is the page's one `h1`.
    pub fn heading_level(&self, markdown_level: u8) -> u8 {
        let top = self
            .article
            .body
            .outline
            .iter()
            .map(|o| o.level)
            .min()
            .unwrap_or(2);
        (markdown_level + 2).saturating_sub(top).clamp(2, 6)
    }
}

/// The in-app address of the article with `id`.
pub fn article_href(id: &str) -> String {
    format!("?article={}", js_sys::encode_uri_component(id))
}
