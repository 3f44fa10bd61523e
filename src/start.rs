//! How the app starts in the browser. A static page carries the data it was rendered from
//! ([`PageData`], in a JSON script element); the app renders the same page from it and puts
//! it in place of the static one in one step, keeping the reader's scroll and focus. A
//! page without it (`index.html?bundle=…`) is rendered from the address's query.

use std::sync::Arc;

use folio_bundle::{read_bundle, read_catalog, Report};
use serde::{Deserialize, Serialize};

use crate::io::LoadedArticle;
use crate::render_context::Site;
use crate::Page;
#[cfg(target_arch = "wasm32")]
use crate::Place;

/// The id of the script element holding a static page's [`PageData`].
pub const DATA_ID: &str = "folio_page";
/// The id of the element the app renders into.
pub const ROOT_ID: &str = "folio_root";

/// What a static page was rendered from: the files as published, so the app reads them
/// with the same code.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "page", rename_all = "kebab-case")]
pub enum PageData {
    /// The list of articles.
    Catalog {
        /// The way from the page to the app's root folder.
        root: String,
        /// The catalog file's folder, relative to the page.
        folder: String,
        /// The catalog file's text.
        catalog: String,
    },
    /// One article.
    Article {
        /// The way from the page to the app's root folder.
        root: String,
        /// The bundle's folder, relative to the page, ending in `/`.
        base: String,
        /// `bundle.json`'s text.
        manifest: String,
        /// The body's Markdown.
        body: String,
    },
}

impl PageData {
    /// The page and its place in the site, or every problem when the files do not read.
    pub fn into_page(self) -> Result<(Page, Site), Report> {
        match self {
            PageData::Catalog {
                root,
                folder,
                catalog,
            } => {
                let mut report = Report::default();
                let catalog = read_catalog(catalog.as_bytes(), &mut report).ok_or(report)?;
                let page = Page::Catalog {
                    catalog: Arc::new(catalog),
                    folder,
                };
                Ok((page, Site { root }))
            }
            PageData::Article {
                root,
                base,
                manifest,
                body,
            } => {
                let (article, report) = read_bundle(manifest.as_bytes(), body.as_bytes());
                let article = article.ok_or(report)?;
                let loaded = LoadedArticle {
                    article: Arc::new(article),
                    base,
                };
                Ok((Page::Article(loaded), Site { root }))
            }
        }
    }

    /// The JSON to place inside a `<script type="application/json">`: `<` is escaped, so
    /// no text in it can close the element.
    pub fn to_script_text(&self) -> String {
        serde_json::to_string(self)
            .unwrap_or_default()
            .replace('<', "\\u003c")
    }
}

/// The page to show: the one the query names (`?article=`, `?bundle=`: `index.html`, which
/// also holds the list of articles, is their page too), or else the static page's own.
#[cfg(target_arch = "wasm32")]
fn chosen_page(document: &web_sys::Document) -> (Page, Site) {
    let query = document
        .location()
        .and_then(|l| l.search().ok())
        .unwrap_or_default();
    let params = web_sys::UrlSearchParams::new_with_str(&query).ok();
    let get = |name: &str| params.as_ref().and_then(|p| p.get(name));
    let asked = Place::from_query(get("article"), get("bundle"));
    let from_page = || {
        document
            .get_element_by_id(DATA_ID)
            .and_then(|script| script.text_content())
            .and_then(|text| serde_json::from_str::<PageData>(&text).ok())
            .and_then(|data| data.into_page().ok())
    };
    match asked {
        Place::Catalog => from_page().unwrap_or((Page::Load(Place::Catalog), Site::at_root())),
        place => (Page::Load(place), Site::at_root()),
    }
}

/// The focusable elements under `root`, in document order.
#[cfg(target_arch = "wasm32")]
fn focusables(root: &web_sys::Element) -> Vec<web_sys::Element> {
    use wasm_bindgen::JsCast;
    let Ok(list) = root.query_selector_all("a[href], button, input, select, textarea, [tabindex]")
    else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
        .collect()
}

/// Starts the app: renders the page into the root element in place of what is there,
/// keeping the scroll position and the focused element, then marks `<html>` as taken over.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(document) = window.document() else {
        return;
    };
    let root = match document.get_element_by_id(ROOT_ID) {
        Some(root) => root,
        None => match document.body() {
            Some(body) => body.into(),
            None => return,
        },
    };
    let (page, site) = chosen_page(&document);
    let (x, y) = (
        window.scroll_x().unwrap_or_default(),
        window.scroll_y().unwrap_or_default(),
    );
    let focused = document
        .active_element()
        .and_then(|active| focusables(&root).iter().position(|e| *e == active));
    // Removed and rendered again in one task: the browser never paints in between.
    root.set_inner_html("");
    let host: Arc<dyn crate::host::Host> = Arc::new(crate::host::browser::Browser);
    let target: web_sys::HtmlElement = root.clone().unchecked_into();
    leptos::mount::mount_to(target, move || {
        leptos::view! { <crate::App page=page site=site host=host/> }
    })
    .forget();
    if let Some(element) = focused.and_then(|n| focusables(&root).into_iter().nth(n)) {
        if let Some(element) = element.dyn_ref::<web_sys::HtmlElement>() {
            let _ = element.focus();
        }
    }
    window.scroll_to_with_x_and_y(x, y);
    if let Some(html) = document.document_element() {
        let _ = html.remove_attribute("data-folio-loading");
        let _ = html.set_attribute("data-folio-app", "ready");
    }
}
