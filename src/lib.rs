//! Folio's app shell: the router, the page frame with its skip link and landmarks,
//! and the choice of page from the URL.
//!
//! URLs need no server fallback: every page is the app's own `index.html` with a query,
//! `?article=ID` for a catalog article and `?bundle=PATH` for a bundle by address.

pub mod article;
#[cfg(feature = "bench")]
pub mod bench;
pub mod config;
pub mod intl;
pub mod io;
pub mod pages;
pub mod read_aloud;
pub mod reading;
pub mod render_context;
pub mod time;

use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_query_map;
use leptos_router::path;

use crate::io::BundleSource;
use crate::pages::article_page::ArticlePage;
use crate::pages::catalog_page::CatalogPage;

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

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    reading::state::provide_reading_state();
    view! {
        <Router>
            <a class="skip-link" href="#folio_main" target="_self">"Skip to content"</a>
            <header class="site-header">
                <a class="site-header__name" href="./">"Folio"</a>
            </header>
            <main id="folio_main" tabindex="-1">
                <Routes fallback=Shell>
                    <Route path=path!("/") view=Shell/>
                    <Route path=path!("/*any") view=Shell/>
                </Routes>
            </main>
            <footer class="site-footer">
                <p>"Folio shows article bundles. Each article credits its own source."</p>
            </footer>
        </Router>
    }
}

/// Moves focus to `<main>`. Browser only: called from an effect.
fn focus_main() {
    use wasm_bindgen::JsCast;
    let main = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("folio_main"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(main) = main {
        let _ = main.focus();
    }
}

/// Chooses the page from the URL's query.
#[component]
fn Shell() -> impl IntoView {
    let query = use_query_map();
    let place =
        Memo::new(move |_| query.with(|q| Place::from_query(q.get("article"), q.get("bundle"))));
    // After a move to another page inside the app (not the first load), focus goes to the
    // main region, so keyboard and screen-reader users start at the new page's content.
    Effect::new(move |first: Option<()>| {
        place.track();
        if first.is_some() {
            focus_main();
        }
    });
    move || match place.get() {
        Place::Catalog => view! { <CatalogPage/> }.into_any(),
        Place::Article(source) => view! { <ArticlePage source/> }.into_any(),
    }
}
