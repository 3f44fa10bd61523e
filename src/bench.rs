//! Entry points for `cargo xtask bench`, compiled only with the `bench` feature: Folio's own
//! path from bundle bytes to DOM, the pulldown-cmark `push_html` floor, and the wasm memory size.
//! The bench page (`tests/bench/index.html`) calls them and times each call itself.

use std::any::Any;
use std::cell::RefCell;
use std::sync::Arc;

use leptos::prelude::*;
use pulldown_cmark::{html, Options, Parser};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::article::slices::{BodyProgress, BodyState, Building};
use crate::article::ArticleView;
use crate::io::LoadedArticle;

thread_local! {
    /// The mounted views; dropping one unmounts it and frees its reactive owner.
    static MOUNTED: RefCell<Vec<Box<dyn Any>>> = const { RefCell::new(Vec::new()) };
}

/// Called once by the bench binary's `main`: panics go to the console.
pub fn start() {
    console_error_panic_hook::set_once();
}

/// Folio's own path: reads the bundle from its bytes, then mounts the article view into `host`,
/// built whole in this one call (the app builds a long body in slices, which the bench times
/// by loading pages). Returns the number of elements under `host`, so the caller can check
/// the page was built.
#[wasm_bindgen]
pub fn folio_render(
    host: web_sys::HtmlElement,
    manifest: &[u8],
    body: &[u8],
) -> Result<u32, JsError> {
    mount_article(host, manifest, body, Building::Whole)
}

/// Folio's path as the app takes it: reads the bundle and mounts the article view built in
/// slices, so the call returns once the first screen is in `host` (the rest follows a slice
/// per frame, until [`bench_clear`] ends it). The time of this call is the first screen
/// from the bytes in hand. Returns the number of elements under `host` at that moment.
#[wasm_bindgen]
pub fn folio_first_screen(
    host: web_sys::HtmlElement,
    manifest: &[u8],
    body: &[u8],
) -> Result<u32, JsError> {
    mount_article(host, manifest, body, Building::Sliced)
}

/// Folio's path as the app takes it, with no turn for the browser: reads the bundle,
/// mounts the article view with its first screen, then builds the rest in slices one after
/// the other, the static blocks written as HTML (ADR 008). The promise settles, with the
/// number of elements under `host`, once the body is complete; only microtasks run in
/// between, so the browser neither styles nor paints meanwhile, as with the other renderers.
#[wasm_bindgen]
pub fn folio_complete(
    host: web_sys::HtmlElement,
    manifest: &[u8],
    body: &[u8],
) -> Result<js_sys::Promise, JsError> {
    let progress = BodyProgress(RwSignal::new(BodyState::NotStarted));
    mount_with(
        host.clone(),
        manifest,
        body,
        Building::SlicedAtOnce,
        Some(progress),
    )?;
    Ok(wasm_bindgen_futures::future_to_promise(async move {
        // The builder's task was queued first: a few microtasks later it has run.
        for _ in 0..100 {
            if progress.0.try_get_untracked() == Some(BodyState::Complete) {
                return Ok(JsValue::from(element_count(&host)));
            }
            let next = js_sys::Promise::resolve(&JsValue::UNDEFINED);
            wasm_bindgen_futures::JsFuture::from(next).await?;
        }
        Err(JsValue::from_str(
            "the body was not complete after 100 microtasks",
        ))
    }))
}

fn mount_article(
    host: web_sys::HtmlElement,
    manifest: &[u8],
    body: &[u8],
    building: Building,
) -> Result<u32, JsError> {
    mount_with(host.clone(), manifest, body, building, None)?;
    Ok(element_count(&host))
}

fn mount_with(
    host: web_sys::HtmlElement,
    manifest: &[u8],
    body: &[u8],
    building: Building,
    progress: Option<BodyProgress>,
) -> Result<(), JsError> {
    let (article, report) = folio_bundle::read_bundle(manifest, body);
    let article = article.ok_or_else(|| JsError::new(&report.to_string()))?;
    let loaded = LoadedArticle {
        article: Arc::new(article),
        base: "/bench/".into(),
    };
    let handle = leptos::mount::mount_to(host, move || {
        provide_context(building);
        if let Some(progress) = progress {
            provide_context(progress);
        }
        view! { <ArticleView loaded/> }
    });
    MOUNTED.with(|m| m.borrow_mut().push(Box::new(handle)));
    Ok(())
}

/// Only the first half of Folio's path: reads the bundle from its bytes into blocks, with
/// no DOM, so the bench can say how Folio's time splits between reading and rendering.
/// Returns the number of top-level blocks.
#[wasm_bindgen]
pub fn folio_read(manifest: &[u8], body: &[u8]) -> Result<u32, JsError> {
    let (article, report) = folio_bundle::read_bundle(manifest, body);
    let article = article.ok_or_else(|| JsError::new(&report.to_string()))?;
    Ok(article.body.blocks.len() as u32)
}

/// The floor: pulldown-cmark's own HTML writer and one `innerHTML`, with the extensions
/// bundles use, from the same bytes. Returns the number of elements under `host`.
#[wasm_bindgen]
pub fn floor_render(host: web_sys::HtmlElement, body: &[u8]) -> Result<u32, JsError> {
    let body = std::str::from_utf8(body).map_err(|e| JsError::new(&e.to_string()))?;
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS;
    let mut out = String::with_capacity(body.len() + body.len() / 2);
    html::push_html(&mut out, Parser::new_ext(body, options));
    host.set_inner_html(&out);
    Ok(element_count(&host))
}

/// Unmounts every view [`folio_render`] mounted.
#[wasm_bindgen]
pub fn bench_clear() {
    let views = MOUNTED.with(|m| std::mem::take(&mut *m.borrow_mut()));
    drop(views);
}

/// The size of the module's linear memory, in bytes (it only ever grows).
#[wasm_bindgen]
pub fn wasm_memory_bytes() -> f64 {
    wasm_bindgen::memory()
        .unchecked_into::<js_sys::WebAssembly::Memory>()
        .buffer()
        .unchecked_into::<js_sys::ArrayBuffer>()
        .byte_length() as f64
}

fn element_count(host: &web_sys::HtmlElement) -> u32 {
    host.query_selector_all("*")
        .map(|l| l.length())
        .unwrap_or(0)
}
