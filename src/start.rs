//! How the app starts in the browser. A static page carries the data it was rendered from
//! ([`PageData`], in a JSON script element); the app renders the same page from it off
//! screen, a slice per task for a long article, and puts it in place of the static one in
//! one step once it is complete, keeping the reader's scroll and focus ([`takeover`]); a
//! long article's blocks far from the screen are laid out in the frames after
//! ([`laying_out`]). A page without it (`index.html?bundle=…`) is rendered from the
//! address's query, in place.

#[cfg(target_arch = "wasm32")]
mod laying_out;
#[cfg(target_arch = "wasm32")]
mod takeover;

use std::sync::Arc;

use folio_bundle::{pause, read_catalog, Article, Report};
use serde::Serialize;

use crate::io::LoadedArticle;
use crate::render_context::Site;
use crate::Page;
#[cfg(target_arch = "wasm32")]
use crate::Place;

/// The id of the script element holding a static page's [`PageData`].
pub const DATA_ID: &str = "folio_page";
/// The id of the element the app renders into.
pub const ROOT_ID: &str = "folio_root";

/// What a static page was rendered from: the list of articles as published, or the article
/// as the build read it.
#[derive(Clone, Debug, PartialEq, Serialize)]
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
    /// The Saved page, whose list is the device's own.
    Saved {
        /// The way from the page to the app's root folder.
        root: String,
    },
    /// One article.
    Article {
        /// The way from the page to the app's root folder.
        root: String,
        /// The bundle's folder, relative to the page, ending in `/`.
        base: String,
        /// The article as the build read it from its bundle. The app draws it without
        /// reading Markdown again, so the Markdown reader is not in the module every page
        /// loads: it is in the part of the pages the app loads itself
        /// (`crate::pages::loading`, ADR 013).
        article: Box<Article>,
        /// Rendered for a partner's frame (`embed/ID/`): the name of the site whose full
        /// article page the embed links to.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        embed: Option<String>,
    },
}

impl PageData {
    /// The page and its place in the site, or every problem when the list of articles does
    /// not read. An article's page is ready as it is: the build has read its bundle.
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
                Ok((page, Site::at(&root)))
            }
            PageData::Saved { root } => Ok((Page::Saved, Site::at(&root))),
            PageData::Article {
                root,
                base,
                article,
                embed,
            } => {
                let loaded = LoadedArticle {
                    article: Arc::new(*article),
                    base,
                };
                Ok((Page::Article(loaded), Site { root, embed }))
            }
        }
    }

    /// The same article, for a partner's frame, linking to `site_name`'s own page of it.
    pub fn for_embed(mut self, site_name: &str) -> PageData {
        if let PageData::Article { embed, .. } = &mut self {
            *embed = Some(site_name.to_owned());
        }
        self
    }

    /// The data [`PageData::to_script_text`] wrote, read back; `None` for anything else.
    /// Read by hand, as `folio_bundle::written` reads the article, not by a derived
    /// `Deserialize`, which would weigh about 25 KB in the module.
    pub fn from_script_text(text: &str) -> Option<PageData> {
        pause::at_once(PageData::read_in_steps(text, &mut pause::no_pause))
    }

    /// [`PageData::from_script_text`], awaiting `pause` now and then while it reads a long
    /// article back (`folio_bundle::Article::from_written_in_steps`).
    pub async fn read_in_steps(
        text: &str,
        pause: &mut dyn FnMut() -> pause::Waiting,
    ) -> Option<PageData> {
        let serde_json::Value::Object(mut data) = serde_json::from_str(text).ok()? else {
            return None;
        };
        let mut text = |key: &str| match data.remove(key) {
            Some(serde_json::Value::String(text)) => Some(text),
            _ => None,
        };
        let page = text("page")?;
        let root = text("root")?;
        match page.as_str() {
            "saved" => Some(PageData::Saved { root }),
            "catalog" => Some(PageData::Catalog {
                root,
                folder: text("folder")?,
                catalog: text("catalog")?,
            }),
            "article" => {
                let base = text("base")?;
                let embed = text("embed");
                let article =
                    Article::from_written_in_steps(data.remove("article")?, pause).await?;
                Some(PageData::Article {
                    root,
                    base,
                    article: Box::new(article),
                    embed,
                })
            }
            _ => None,
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
/// also holds the list of articles, is their page too), or else the static page's own, read
/// from its data; what is built from it then starts in a task of its own if reading that
/// data took long (`yielding::turn_every`). A page with neither is the list of articles,
/// loaded. A static page whose data is missing or does not read (cut short on its way, as
/// its data comes after the article) is not replaced: the error says why.
#[cfg(target_arch = "wasm32")]
async fn chosen_page(document: &web_sys::Document) -> Result<(Page, Site), &'static str> {
    use crate::yielding::{turn_every, READING_MS};
    let query = document
        .location()
        .and_then(|l| l.search().ok())
        .unwrap_or_default();
    let params = web_sys::UrlSearchParams::new_with_str(&query).ok();
    let get = |name: &str| params.as_ref().and_then(|p| p.get(name));
    let asked = Place::from_query(get("article"), get("bundle"));
    if asked != Place::Catalog {
        return Ok((Page::Load(asked), Site::at_root()));
    }
    let mut pause = turn_every(READING_MS);
    let text = document
        .get_element_by_id(DATA_ID)
        .and_then(|script| script.text_content());
    // What the build rendered into the root: a static page, whole without the app.
    let served = document
        .get_element_by_id(ROOT_ID)
        .is_some_and(|root| root.child_element_count() > 0);
    let data = match text {
        Some(text) => PageData::read_in_steps(&text, &mut pause).await,
        None if served => return Err("the static page has no data: it may not have arrived whole"),
        None => return Ok((Page::Load(Place::Catalog), Site::at_root())),
    };
    let page = data
        .ok_or("the static page's data does not read")?
        .into_page()
        .map_err(|_| "the static page's list of articles does not read");
    pause().await;
    page
}

/// Starts the app, in a task of its own. A page whose data is in hand (a static page) is
/// taken over off screen; a page the app loads itself is rendered in place of the root's
/// content at once, keeping the scroll position and the focused element. Either way
/// `<html>` is then marked `data-folio-app="ready"`, and `data-folio-body="complete"` once
/// every block of the article's body is in the page.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        match chosen_page(&document).await {
            Ok((page, site)) => show(&document, page, site),
            Err(why) => unread(&document, why),
        }
    });
}

/// Leaves a static page whose data did not read as it arrived, and has the page's loader
/// say so (its status line `unread`, with a Reload button), keeping `why` in
/// `data-folio-error`.
#[cfg(target_arch = "wasm32")]
fn unread(document: &web_sys::Document, why: &str) {
    let init = web_sys::CustomEventInit::new();
    init.set_detail(&why.into());
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict("folio-unread", &init) {
        let _ = document
            .default_view()
            .map(|window| window.dispatch_event(&event));
    }
}

/// Shows `page`: the rest of [`start`], once the page's data is read.
#[cfg(target_arch = "wasm32")]
fn show(document: &web_sys::Document, page: Page, site: Site) {
    use leptos::prelude::{provide_context, RwSignal};

    use crate::article::slices::{BodyProgress, BodyState};

    let languages = readers_languages(site.embed.is_some());
    if matches!(page, Page::Saved) {
        // The Saved page is the offline script's: its static markup is already the app's,
        // and the offline script writes its words again in the language marked here.
        mark_interface(languages.interface(None), true);
        takeover::mark_ready();
        return;
    }
    let in_hand = !matches!(page, Page::Load(_));
    let progress = BodyProgress(RwSignal::new(BodyState::NotStarted));
    let host: Arc<dyn crate::host::Host> = Arc::new(crate::host::browser::Browser);
    let app = move || {
        provide_context(progress);
        leptos::view! { <crate::App page=page site=site host=host languages=languages/> }
    };
    match document.get_element_by_id(ROOT_ID) {
        Some(root) if in_hand => takeover::off_screen(document, &root, app, progress),
        Some(root) => takeover::in_place(&root, app, progress),
        None => {
            if let Some(body) = document.body() {
                takeover::in_place(&body, app, progress);
            }
        }
    }
}

/// The reader's languages: the interface language kept with the reading settings (none in
/// an embed, whose settings come from its address), and the browser's.
#[cfg(target_arch = "wasm32")]
fn readers_languages(in_frame: bool) -> crate::interface::Languages {
    use wasm_bindgen::JsCast;

    use crate::interface::{Languages, Locale};
    let chosen = if in_frame {
        None
    } else {
        crate::io::storage::read(crate::reading::saved::KEY)
            .ok()
            .flatten()
            .and_then(|text| crate::reading::saved::from_json(&text))
            .and_then(|settings| settings.interface)
    };
    // `navigator.languages`, the reader's languages in the order they set.
    let listed: Vec<String> = js_sys::Reflect::get(&js_sys::global(), &"navigator".into())
        .and_then(|n| js_sys::Reflect::get(&n, &"languages".into()))
        .ok()
        .and_then(|list| list.dyn_into::<js_sys::Array>().ok())
        .map(|list| list.iter().filter_map(|l| l.as_string()).collect())
        .unwrap_or_default();
    let browser = Locale::first_of(listed.iter().map(String::as_str));
    Languages { chosen, browser }
}

/// Marks `<html>` with the language of Folio's words (`data-folio-interface`, which the
/// page's offline script and status lines follow) and, on a page of Folio's own, which is
/// all in that language, with its `lang` and `dir`. Browser only.
pub fn mark_interface(locale: crate::interface::Locale, whole_page: bool) {
    #[cfg(target_arch = "wasm32")]
    if let Some(html) = html() {
        let _ = html.set_attribute("data-folio-interface", locale.tag());
        if whole_page {
            let _ = html.set_attribute("lang", locale.tag());
            let _ = html.set_attribute("dir", locale.direction());
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (locale, whole_page);
}

/// Renders the page again in the reader's newly chosen language, as at start-up: off
/// screen, then in place, keeping the scroll position; the reading panel is opened again
/// with the element `focus` focused, where the choice was made. Browser only.
pub fn speak_again(focus: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        if let Some(html) = html() {
            // The first of the article's tools is Reading settings (`takeover::press_what_waited`).
            let _ = html.set_attribute("data-folio-pressed", "0");
            let _ = html.set_attribute("data-folio-focus", focus);
        }
        start();
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = focus;
}

/// The page's `<html>` element.
#[cfg(target_arch = "wasm32")]
fn html() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.document_element()
}

/// The elements under `root` that match `selector`, in document order.
#[cfg(target_arch = "wasm32")]
fn elements(root: &web_sys::Element, selector: &str) -> Vec<web_sys::Element> {
    use wasm_bindgen::JsCast;

    let Ok(list) = root.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
        .collect()
}

/// The id of the reading panel's list of interface languages.
pub const LANGUAGE_CHOICE_ID: &str = "folio_reading_language";
