//! All of Folio's I/O. Here, the network: the config, the catalog, and bundles, each
//! request with a timeout, aborted when its view goes away, and failing with a
//! [`LoadError`] that says what. The reader's settings on the device are in [`storage`].

pub mod storage;

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::Arc;

use folio_bundle::{
    limits, manifest, read_catalog, read_manifest, Article, Catalog, Diagnostic, Report, Rule,
};
use gloo_net::http::Request;
use leptos::prelude::on_cleanup;
use send_wrapper::SendWrapper;
use wasm_bindgen::prelude::*;

use crate::config::{self, Config};

/// Why something could not be loaded.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// The catalog has no such article, or the server answered 404.
    NotFound {
        /// What was asked for.
        what: String,
    },
    /// The server answered with an error status.
    Server {
        /// The URL asked for.
        url: String,
        /// The HTTP status.
        status: u16,
    },
    /// No answer: the reader is offline, or the connection failed.
    Network {
        /// The URL asked for.
        url: String,
    },
    /// No answer in time.
    Timeout {
        /// The URL asked for.
        url: String,
        /// How long Folio waited.
        seconds: u32,
    },
    /// The bundle or catalog is malformed; every problem is listed.
    Invalid {
        /// What was read.
        what: String,
        /// Every error and warning.
        report: Report,
    },
    /// The bundle was written for a newer version of the format.
    Unsupported {
        /// The reader's explanation.
        message: String,
    },
    /// The bundle's address is not allowed by the deployment's settings.
    Refused {
        /// The address.
        url: String,
        /// Why.
        reason: String,
    },
    /// The file is larger than Folio reads; the download was stopped there.
    TooLarge {
        /// The URL asked for.
        url: String,
        /// The most Folio reads of this file, in bytes.
        limit: usize,
    },
    /// The request was abandoned because the reader moved on.
    Aborted,
}

/// A bundle ready to show, with the absolute URL of its folder for resolving media.
#[derive(Clone, Debug, PartialEq)]
pub struct LoadedArticle {
    /// The parsed article.
    pub article: Arc<Article>,
    /// The bundle folder's absolute URL, ending in `/`.
    pub base: String,
}

/// Which bundle to open.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum BundleSource {
    /// A catalog entry, by id.
    Id(String),
    /// A bundle folder's URL, relative to the app or absolute.
    Url(String),
}

/// Resolves `url` against `base` into an absolute URL.
pub fn absolute(url: &str, base: &str) -> Option<web_sys::Url> {
    web_sys::Url::new_with_base(url, base).ok()
}

/// The address the page's relative links start from: its own address, or its `<base>`.
pub fn document_base() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default()
}

/// The folder of `url`: everything up to and including its last `/`.
pub fn folder_of(url: &str) -> String {
    let path_end = url.find(['?', '#']).unwrap_or(url.len());
    url[..path_end]
        .rfind('/')
        .map_or_else(String::new, |i| url[..=i].to_owned())
}

/// The page's own address.
pub fn page_url() -> Option<String> {
    web_sys::window().and_then(|w| w.location().href().ok())
}

/// Replaces the page with the one at `href`, relative to this page, as a redirect does:
/// Back does not return to the page that led on.
pub fn go_to(href: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().replace(href);
    }
}

/// The address of the static page of catalog article `id`, once the catalog has it.
pub async fn static_page_of(id: String) -> Result<String, LoadError> {
    let (catalog, _) = catalog().await?;
    match catalog.entry(&id) {
        Some(entry) => Ok(crate::render_context::Site::at_root().article_href(&entry.id)),
        None => Err(LoadError::NotFound {
            what: format!("the article \u{201c}{id}\u{201d}"),
        }),
    }
}

/// The most Folio reads of the deployment's settings file, in bytes.
const CONFIG_BYTES: usize = 64 * 1024;

thread_local! {
    static CONFIG: RefCell<Option<Config>> = const { RefCell::new(None) };
}

/// The deployment's settings. A missing (404) or malformed file means the defaults, kept for
/// the session; after a network failure or timeout they are used once and asked for again.
pub async fn config() -> Config {
    if let Some(c) = CONFIG.with(|c| c.borrow().clone()) {
        return c;
    }
    let (loaded, settled) = match fetch_bytes(config::FILE, CONFIG_BYTES, 10).await {
        Ok(bytes) => (parse_config(&bytes), true),
        Err(LoadError::NotFound { .. }) => (Config::default(), true),
        Err(_) => (Config::default(), false),
    };
    if settled {
        CONFIG.with(|c| *c.borrow_mut() = Some(loaded.clone()));
    }
    loaded
}

/// The settings in `bytes`, or the defaults (with a console warning) when malformed.
/// Not inlined: every loading future awaits [`config`], and each would otherwise carry its
/// own copy of the JSON reader.
#[inline(never)]
fn parse_config(bytes: &[u8]) -> Config {
    serde_json::from_slice(bytes).unwrap_or_else(|e| {
        web_sys::console::warn_1(&format!("{}: {e}; using the defaults", config::FILE).into());
        Config::default()
    })
}

/// The catalog, with its absolute URL for resolving its paths.
pub async fn catalog() -> Result<(Arc<Catalog>, String), LoadError> {
    let config = config().await;
    let url = absolute(&config.catalog, &document_base())
        .map(|u| u.href())
        .unwrap_or(config.catalog.clone());
    let bytes = fetch_bytes(&url, limits::CATALOG_BYTES, config.timeout_seconds).await?;
    parse_catalog(&bytes).map(|catalog| (catalog, url))
}

/// The catalog in `bytes`. Not inlined, for the reason [`parse_config`] gives: both the
/// catalog page and every article opened by id await [`catalog`].
#[inline(never)]
fn parse_catalog(bytes: &[u8]) -> Result<Arc<Catalog>, LoadError> {
    let mut report = Report::default();
    match read_catalog(bytes, &mut report) {
        Some(catalog) => Ok(Arc::new(catalog)),
        None => Err(LoadError::Invalid {
            what: "the list of articles".into(),
            report,
        }),
    }
}

/// Loads, parses and checks the bundle whose folder is at `address`, relative to the page
/// or absolute. (A catalog article by id has its own page: [`static_page_of`].)
pub async fn article(address: String) -> Result<LoadedArticle, LoadError> {
    let config = config().await;
    let folder = absolute(&address, &document_base()).ok_or_else(|| LoadError::Refused {
        url: address.clone(),
        reason: "it is not a valid address".into(),
    })?;
    check_origin(&folder, &config)?;
    let mut base = folder.href();
    if !base.ends_with('/') {
        base.push('/');
    }
    let manifest_url = format!("{base}{}", manifest::FILE);
    let manifest_bytes = fetch_bytes(
        &manifest_url,
        limits::MANIFEST_BYTES,
        config.timeout_seconds,
    )
    .await?;
    let mut report = Report::default();
    let Some(manifest) = read_manifest(&manifest_bytes, &mut report) else {
        return Err(invalid(report));
    };
    let body_url = format!("{base}{}", manifest.body);
    let body_limit = limits::MARKDOWN_FILE_BYTES;
    let body = match fetch_bytes(&body_url, body_limit, config.timeout_seconds).await {
        // The bundle was found, so a missing body is the bundle's fault, not a wrong address.
        Err(LoadError::NotFound { .. }) => {
            report.push(Diagnostic::new(
                Rule::MissingFile,
                manifest::FILE,
                "body",
                format!(
                    "{:?} cannot be read: the bundle's folder has no such file",
                    manifest.body
                ),
            ));
            return Err(invalid(report));
        }
        other => other?,
    };
    #[cfg(target_arch = "wasm32")]
    let mut pause = crate::yielding::turn_every(crate::yielding::READING_MS);
    #[cfg(not(target_arch = "wasm32"))]
    let mut pause = folio_bundle::pause::no_pause;
    match Article::assemble_in_steps(manifest, &body, &mut report, &mut pause).await {
        Some(article) => {
            // At most the first few of each rule, then a count of the rest, in one message.
            let lines: Vec<String> = report
                .warnings()
                .map(ToString::to_string)
                .chain(report.omitted_lines(false))
                .collect();
            if !lines.is_empty() {
                let text = format!("bundle warnings:\n{}", lines.join("\n"));
                web_sys::console::warn_1(&text.into());
            }
            // Reading a long body gives the browser turns (`turn_every`); building its first
            // screen starts in a task of its own too if the reading took long.
            pause().await;
            Ok(LoadedArticle {
                article: Arc::new(article),
                base,
            })
        }
        None => Err(invalid(report)),
    }
}

fn invalid(report: Report) -> LoadError {
    match report
        .diagnostics
        .iter()
        .find(|d| d.rule == Rule::UnsupportedVersion)
    {
        Some(d) => LoadError::Unsupported {
            message: d.message.clone(),
        },
        None => LoadError::Invalid {
            what: "this article\u{2019}s bundle".into(),
            report,
        },
    }
}

fn check_origin(url: &web_sys::Url, config: &Config) -> Result<(), LoadError> {
    let own = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    let origin = url.origin();
    if origin == own
        || config
            .bundle_origins
            .iter()
            .any(|o| o.trim_end_matches('/').eq_ignore_ascii_case(&origin))
    {
        Ok(())
    } else {
        Err(LoadError::Refused {
            url: url.href(),
            reason: format!("bundles from {origin} are not allowed by this site\u{2019}s settings"),
        })
    }
}

/// Fetches `url`, giving up after `seconds`, when the calling view is cleaned up, and as
/// soon as more than `limit` bytes have arrived: the body is read as a stream, so a server
/// that sends gigabytes costs the reader no more than `limit`.
pub async fn fetch_bytes(url: &str, limit: usize, seconds: u32) -> Result<Vec<u8>, LoadError> {
    let controller =
        web_sys::AbortController::new().map_err(|_| LoadError::Network { url: url.into() })?;
    let signal = controller.signal();
    let timed_out = Rc::new(Cell::new(false));
    let timer = {
        let (controller, timed_out) = (controller.clone(), timed_out.clone());
        Closure::once(move || {
            timed_out.set(true);
            controller.abort();
        })
    };
    let window = web_sys::window().ok_or(LoadError::Network { url: url.into() })?;
    let timer_id = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(
            timer.as_ref().unchecked_ref(),
            (seconds.clamp(1, 86_400) as i32) * 1000,
        )
        .unwrap_or(0);
    let on_leave = SendWrapper::new(controller.clone());
    on_cleanup(move || on_leave.abort());
    let failed = |timed_out: bool, aborted: bool| match (timed_out, aborted) {
        (true, _) => LoadError::Timeout {
            url: url.into(),
            seconds,
        },
        (false, true) => LoadError::Aborted,
        (false, false) => LoadError::Network { url: url.into() },
    };
    let too_large = || LoadError::TooLarge {
        url: url.into(),
        limit,
    };
    // The timer runs until the whole body has arrived, not only the headers.
    let result = match Request::get(url).abort_signal(Some(&signal)).send().await {
        Ok(response) => match response.status() {
            200..=299 => match read_capped(&response, limit).await {
                Ok(Some(bytes)) => Ok(bytes),
                Ok(None) => {
                    // Stop the download: nothing past the cap is ever read.
                    controller.abort();
                    Err(too_large())
                }
                Err(()) => Err(failed(timed_out.get(), signal.aborted())),
            },
            404 | 410 => Err(LoadError::NotFound { what: url.into() }),
            status => Err(LoadError::Server {
                url: url.into(),
                status,
            }),
        },
        Err(_) => Err(failed(timed_out.get(), signal.aborted())),
    };
    window.clear_timeout_with_handle(timer_id);
    drop(timer);
    result
}

/// The body of `response`, read chunk by chunk; `Ok(None)` as soon as it passes `limit`
/// bytes (or says in `Content-Length` that it will), `Err` when the connection fails.
async fn read_capped(
    response: &gloo_net::http::Response,
    limit: usize,
) -> Result<Option<Vec<u8>>, ()> {
    let declared = response
        .headers()
        .get("content-length")
        .and_then(|v| v.trim().parse::<u64>().ok());
    if declared.is_some_and(|n| n > limit as u64) {
        return Ok(None);
    }
    let Some(stream) = response.body() else {
        return Ok(Some(Vec::new()));
    };
    let reader: web_sys::ReadableStreamDefaultReader =
        stream.get_reader().dyn_into().map_err(|_| ())?;
    let mut bytes = Vec::with_capacity(declared.map_or(0, |n| n as usize));
    loop {
        let chunk = wasm_bindgen_futures::JsFuture::from(reader.read())
            .await
            .map_err(|_| ())?;
        let done = js_sys::Reflect::get(&chunk, &"done".into()).map_err(|_| ())?;
        if done.as_bool().unwrap_or(true) {
            return Ok(Some(bytes));
        }
        let value = js_sys::Reflect::get(&chunk, &"value".into()).map_err(|_| ())?;
        let part = js_sys::Uint8Array::new(&value);
        if bytes.len() + part.length() as usize > limit {
            let _ = reader.cancel();
            return Ok(None);
        }
        let start = bytes.len();
        bytes.resize(start + part.length() as usize, 0);
        part.copy_to(&mut bytes[start..]);
    }
}
