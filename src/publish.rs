//! Static pages: the app's own components rendered natively to complete HTML, one page for
//! every article of the catalog (`articles/ID/index.html`) and the list of articles
//! (`index.html`), each able to be read with no JavaScript and taken over by the app.
//!
//! A page is the built `index.html` (the template) with the article's `lang` and `dir`,
//! its head tags, the rendered app inside the root element, and the [`PageData`] it was
//! rendered from. A page in a sub-folder gets the template's relative addresses rebased.

mod files;
mod oembed;
mod template;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use leptos::prelude::*;

pub use self::files::{
    copy_dir, publish_bundle, publish_site, Published, EMBED_FOLDER, OEMBED_FILE,
};
pub use self::oembed::oembed;
pub use self::template::{without_preloads, PageParts, Template};
pub use crate::article::html::escape;
use crate::article::meta::{head_tags, StaticHead};
use crate::host::native::Native;
use crate::interface::{Locale, Phrase};
use crate::render_context::{RenderContext, Site};
use crate::start::PageData;
use crate::{App, Page};

/// How pages are rendered.
#[derive(Clone, Debug)]
pub struct Options {
    /// The site's public address, ending in `/`, such as `https://news.example.org/folio/`:
    /// canonical links and OpenGraph images need absolute URLs. Without it they are left
    /// out, or relative.
    pub site_url: Option<String>,
    /// The clock for "more than N years old", in milliseconds since the Unix epoch.
    pub now_ms: f64,
}

/// One page, rendered.
#[derive(Clone, Debug, PartialEq)]
pub struct RenderedPage {
    /// The whole HTML document.
    pub html: String,
    /// The headline or page title, for messages.
    pub title: String,
}

/// `path`, relative to the folder `folder` (itself relative to the site's root, such as
/// `articles/ID/`), as a path from the site's root: `..` climbs, `.` stays.
pub fn resolve(folder: &str, path: &str) -> String {
    let mut segments: Vec<&str> = folder.split('/').filter(|s| !s.is_empty()).collect();
    for part in path.split('/') {
        match part {
            ".." => {
                segments.pop();
            }
            "." | "" => {}
            other => segments.push(other),
        }
    }
    let trailing = if path.ends_with('/') && !segments.is_empty() {
        "/"
    } else {
        ""
    };
    format!("{}{trailing}", segments.join("/"))
}

/// `path` (relative to the page at `page`, itself relative to the site's root) as an
/// absolute URL on `site_url`.
pub fn absolute_on(site_url: &str, page: &str, path: &str) -> String {
    if path.contains("://") {
        return path.to_owned();
    }
    format!("{}/{}", site_url.trim_end_matches('/'), resolve(page, path))
}

/// `view` as HTML. The `<!>` comments Leptos leaves between pieces of text (markers for
/// hydration, which Folio does not use) are taken out: text is escaped, so `<!>` can be
/// nothing else.
fn to_html(view: impl FnOnce() -> AnyView) -> String {
    Owner::new().with(|| view().to_html()).replace("<!>", "")
}

/// Renders the app natively, showing `page`, as HTML for the root element.
fn render_body(page: Page, site: Site, options: &Options) -> String {
    let host: Arc<dyn crate::host::Host> = Arc::new(Native {
        now_ms: options.now_ms,
    });
    to_html(|| view! { <App page site host/> }.into_any())
}

/// The static page of the article in `data`, which lives at `page` (such as
/// `articles/ID/`) relative to the site's root. The same article's embed
/// ([`PageData::for_embed`]), written at `embed/ID/`, has the same depth, so every relative
/// address holds, and `page` is still the article's own: its canonical address. An embed's
/// links open outside the frame (`<base target="_blank">`; in-page links say `_self`),
/// search engines are asked not to index it, the reading looks its address may ask for are
/// beside it, and `embed-frame.js` tells the partner's page its height.
pub fn render_article(
    template: &Template,
    data: PageData,
    page: &str,
    options: &Options,
) -> Result<RenderedPage, String> {
    let script = data.to_script_text();
    let (loaded, site) = match data.into_page() {
        Ok((Page::Article(loaded), site)) => (loaded, site),
        Ok(_) => return Err("not an article".into()),
        Err(report) => return Err(format!("the bundle does not read:\n{report}")),
    };
    let m = loaded.article.manifest.clone();
    let ctx = RenderContext {
        article: loaded.article.clone(),
        base: loaded.base.clone(),
    };
    let page_url = options
        .site_url
        .as_deref()
        .map(|s| absolute_on(s, "", page));
    let tags = head_tags(&ctx, page_url, |path| match &options.site_url {
        Some(site_url) => absolute_on(site_url, page, path),
        None => path.to_owned(),
    });
    let title = m.headline.clone();
    let mut head = to_html(|| view! { <StaticHead tags/> }.into_any());
    let embed = site.embed.is_some();
    if embed {
        head.push_str(&format!(
            "<base target=\"_blank\"><meta name=\"robots\" content=\"noindex\">\
             <script type=\"application/json\" id=\"{LOOKS_ID}\">{}</script>\
             <script type=\"module\" src=\"{}embed-frame.js\"></script>",
            crate::reading::embed::looks_json().replace('<', "\\u003c"),
            site.root
        ));
    } else if let Some(site_url) = &options.site_url {
        head.push_str(&oembed::discovery_link(site_url, &m));
    }
    let body = render_body(Page::Article(loaded), site.clone(), options);
    let html = template.page(&PageParts {
        lang: &m.language,
        dir: m.direction.as_str(),
        interface: Locale::for_language(&m.language).unwrap_or_default(),
        embed,
        head: &head,
        body: &body,
        data: &script,
        root: &site.root,
    });
    Ok(RenderedPage { html, title })
}

/// The id of an embed's reading looks, which `index.html`'s first script reads.
pub const LOOKS_ID: &str = "folio_embed_looks";

/// The static list of articles in `data`, at the site's root.
pub fn render_catalog(
    template: &Template,
    data: PageData,
    options: &Options,
) -> Result<RenderedPage, String> {
    let script = data.to_script_text();
    let (page, site) = data
        .into_page()
        .map_err(|report| format!("the catalog does not read:\n{report}"))?;
    let canonical = options
        .site_url
        .as_deref()
        .map(|s| absolute_on(s, "", ""))
        .map(|href| format!("<link rel=\"canonical\" href=\"{}\">", escape(&href)))
        .unwrap_or_default();
    // A static page is in English, as the app renders it for a reader it does not know yet.
    let title = Locale::En.say(Phrase::CatalogPageTitle);
    let head = format!(
        "<title>{}</title><meta name=\"description\" content=\"{}\">{canonical}",
        escape(&title),
        escape(&Locale::En.say(Phrase::CatalogDescription))
    );
    let body = render_body(page, site.clone(), options);
    let html = template.page(&PageParts::interface(&head, &body, &script, &site.root));
    Ok(RenderedPage { html, title })
}

/// The Saved page, at `saved/`: its frame and controls, for the device's list to fill.
pub fn render_saved(template: &Template, options: &Options) -> RenderedPage {
    let data = PageData::Saved { root: "../".into() };
    let script = data.to_script_text();
    let site = Site::at("../");
    let title = crate::interface::page_word(Locale::En, "saved-page-title");
    let head = format!(
        "<title>{}</title><meta name=\"robots\" content=\"noindex\">",
        escape(&title)
    );
    let body = render_body(Page::Saved, site.clone(), options);
    let html = template.page(&PageParts::interface(&head, &body, &script, &site.root));
    RenderedPage { html, title }
}

/// Where a page's file goes: `page` (relative, ending in `/`) under `out`.
fn page_file(out: &Path, page: &str) -> PathBuf {
    out.join(page).join("index.html")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_resolve_from_their_folder() {
        assert_eq!(resolve("articles/a/", "../../folio-1.js"), "folio-1.js");
        assert_eq!(resolve("articles/a/", "./x/../y.png"), "articles/a/y.png");
        assert_eq!(resolve("", "articles/a/"), "articles/a/");
        assert_eq!(resolve("", ""), "");
        assert_eq!(
            absolute_on("https://n.example/f/", "articles/a/", "../../b/c.png"),
            "https://n.example/f/b/c.png"
        );
        assert_eq!(
            absolute_on("https://n.example/f", "", ""),
            "https://n.example/f/"
        );
    }
}
