//! Folio's app: the page frame with its skip link and landmarks, and the page it holds.
//!
//! Every article has a static page, `articles/ID/`, rendered at build time by these same
//! components ([`publish`], natively) and taken over by the app in the browser. The root
//! `index.html` is the static list of articles and also the app's own page for
//! `?bundle=PATH` (a bundle by its folder's address, rendered in the browser) and
//! `?article=ID` (which leads to the article's static page).

#![recursion_limit = "256"]

pub mod article;
#[cfg(feature = "bench")]
pub mod bench;
pub mod config;
pub mod host;
pub mod interface;
pub mod intl;
pub mod io;
pub mod pages;
pub mod parts;
#[cfg(feature = "ssr")]
pub mod publish;
pub mod read_aloud;
pub mod reading;
pub mod render_context;
pub mod start;
#[cfg(target_arch = "wasm32")]
pub mod yielding;

use std::sync::Arc;

use folio_bundle::Catalog;
use leptos::prelude::*;

use crate::host::{provide_host, Host};
use crate::interface::{Interface, Languages, Phrase};
use crate::io::{BundleSource, LoadedArticle};
use crate::pages::catalog_page::{CatalogList, CatalogTitle};
use crate::pages::loading::LoadingPage;
use crate::render_context::Site;

/// Which page the URL asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    /// The list of articles.
    Catalog,
    /// One article.
    Article(BundleSource),
}

impl Place {
    /// Reads the place from the query's `article` or `bundle` parameter.
    pub fn from_query(article: Option<String>, bundle: Option<String>) -> Place {
        match (article, bundle) {
            (Some(id), _) if !id.is_empty() => Place::Article(BundleSource::Id(id)),
            (_, Some(url)) if !url.is_empty() => Place::Article(BundleSource::Url(url)),
            _ => Place::Catalog,
        }
    }
}

/// What the page shows, and whether its data is already in hand.
#[derive(Clone, Debug)]
pub enum Page {
    /// A page the app loads itself: its data comes over the network.
    Load(Place),
    /// The list of articles, its paths relative to `folder`.
    Catalog {
        /// The catalog.
        catalog: Arc<Catalog>,
        /// The catalog file's folder, ending in `/`.
        folder: String,
    },
    /// An article, ready to show.
    Article(LoadedArticle),
    /// The articles saved on this device (filled in by the page's offline script).
    Saved,
}

/// The Saved page's content: rendered at build time only, since in the browser the app leaves
/// that page to the offline script (`start`), so the module does not carry it.
#[cfg(not(target_arch = "wasm32"))]
fn saved_page() -> AnyView {
    view! { <pages::saved_page::SavedPage/> }.into_any()
}

#[cfg(target_arch = "wasm32")]
fn saved_page() -> AnyView {
    ().into_any()
}

/// The whole app: `page` in the frame every page shares, rendered through `host`, with
/// links made for a page at `site`.
#[component]
pub fn App(
    /// The page.
    page: Page,
    /// Where the page is in the site.
    site: Site,
    /// The browser, or the native renderer.
    host: Arc<dyn Host>,
    /// The reader's languages, where the app knows them; a static page is rendered
    /// without.
    #[prop(optional)]
    languages: Languages,
) -> impl IntoView {
    provide_host(host);
    provide_context(site.clone());
    provide_context(languages);
    // An article's page is in the article's language (`<html lang>`, set with the static
    // page): the site's words around it are too where Folio has that language, and say
    // which language they are in where they are not. Folio's own pages are in the
    // interface's language throughout.
    let (say, whole_page) = match &page {
        Page::Article(loaded) => {
            let m = &loaded.article.manifest;
            let locale = languages.interface(Some(&m.language));
            (
                Interface::beside(locale, &m.language, m.direction.as_str()),
                false,
            )
        }
        _ => (Interface::whole_page(languages.interface(None)), true),
    };
    // Browser only: the page's offline script and status lines follow, and a page of
    // Folio's own is written in that language.
    Effect::new(move |_| start::mark_interface(say.locale, whole_page));
    provide_context(say);
    reading::state::provide_reading_state();
    let ui = say.lang;
    // An embed's link to the article's own page, outside the frame.
    let read_on = match (&page, &site.embed) {
        (Page::Article(loaded), Some(name)) => Some((
            site.article_href(&loaded.article.manifest.id),
            say.say_with(Phrase::ReadOn, &[("site", name.as_str().into())]),
        )),
        _ => None,
    };
    let content = match page {
        Page::Load(place) => view! { <LoadingPage place/> }.into_any(),
        Page::Catalog { catalog, folder } => {
            view! { <CatalogTitle/><CatalogList catalog folder/> }.into_any()
        }
        Page::Article(loaded) => view! { <article::ArticleView loaded/> }.into_any(),
        Page::Saved => saved_page(),
    };
    // An embed has no site header or footer: the partner's page is its frame.
    let chrome = site.embed.is_none();
    view! {
        {chrome.then(|| view! {
            <a class="skip-link" href="#folio_main" target="_self" lang=ui dir=say.dir>{say.say(Phrase::SkipToContent)}</a>
            <header class="site-header" lang=ui dir=say.dir>
                <a class="site-header__name" href=site.home_href()>"Folio"</a>
                <a class="site-header__saved" href=site.saved_href()>{say.say(Phrase::SavedArticles)}</a>
            </header>
        })}
        <main id="folio_main" tabindex="-1">
            {content}
            {read_on.map(|(href, text)| view! {
                <p class="embed__read-on" lang=ui dir=say.dir><a href=href target="_blank">{text}</a></p>
            })}
        </main>
        {chrome.then(|| view! {
            <footer class="site-footer" lang=ui dir=say.dir>
                <p>{say.say(Phrase::SiteFooter)}</p>
            </footer>
        })}
    }
    .into_any()
}
