//! A small static HTTP server for the release build: correct MIME types, precompressed
//! `.br`/`.gz` files when the browser accepts them, long caching for hashed file names, and
//! the headers of `crate::csp`: the build's Content-Security-Policy on the app's pages, a
//! sandbox on everything else (bundle files above all), `nosniff` on every response.
//! In test mode it also serves the fixture bundles and a few deliberately failing paths,
//! its pages' policy asks browsers to report violations to `/__test/csp-report`, and the
//! sub-folder deployment's pages get the policy of that deployment's own settings.
//!
//! It keeps to its folders and its limits (each tested in `server/tests/`):
//! - a file is served only if, with every symlink resolved, it lies inside its folder;
//! - a request line may be 8 KiB (then 414), the headers 100 lines in 64 KiB (then 431),
//!   and the whole request must arrive within 10 seconds (then 408); all read through a
//!   `Take`, so a client can never make it hold more;
//! - it handles at most 64 connections at once. Past that a new connection *waits*: it is
//!   not accepted until a handler ends, so it costs no thread and no memory but the
//!   kernel's queue, and it is served as soon as a slot is free (within the 10 s request
//!   deadline, however slow the clients holding the slots). Waiting rather than answering
//!   503 means a browser's burst of requests never sees a failure.

use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use crate::csp;

use self::answer::serve_file;
use self::files::Roots;
use self::request::{Limits, Request, LIMITS};
use self::response::{linger, respond, PLAIN};
use self::slots::{Slots, MAX_CONNECTIONS};

/// What the server serves.
#[derive(Clone)]
pub struct Site {
    /// The release build (`dist/`), served at `/`.
    pub dist: PathBuf,
    /// Test fixtures, served at `/fixtures/`; also turns on the `/__test/` failure paths.
    pub fixtures: Option<PathBuf>,
    /// Origins that may frame the app's pages besides `folio.json`'s `frame_ancestors`:
    /// the partner demo page's.
    pub partners: Vec<String>,
}

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    /// A served folder cannot be resolved.
    #[error("cannot serve {path}: {source}")]
    Folder {
        path: PathBuf,
        source: std::io::Error,
    },
    /// The policy cannot be computed from the build and its settings.
    #[error(transparent)]
    Policy(#[from] csp::CspError),
}

/// Serves `site` on `listener` until the process ends.
pub fn serve_forever(listener: TcpListener, site: Site) -> Result<(), ServerError> {
    let served = Arc::new(Served::new(site)?);
    accept(listener, served, MAX_CONNECTIONS, LIMITS);
    Ok(())
}

/// Starts serving `site` on `listener` in the background, once it is ready.
pub fn start(listener: TcpListener, site: Site) -> Result<(), ServerError> {
    let served = Arc::new(Served::new(site)?);
    std::thread::spawn(move || accept(listener, served, MAX_CONNECTIONS, LIMITS));
    Ok(())
}

/// Starts serving on a free port of 127.0.0.1 in the background; returns the port.
pub fn spawn(site: Site) -> std::io::Result<u16> {
    let listener = TcpListener::bind(("127.0.0.1", 0))?;
    let port = listener.local_addr()?.port();
    start(listener, site).map_err(std::io::Error::other)?;
    Ok(port)
}

/// The Content-Security-Policy violations browsers have reported in test mode.
pub fn csp_violations() -> Vec<String> {
    reports::violations()
}

/// Accepts connections, each handled on a thread of its own, at most `max` at once.
fn accept(listener: TcpListener, served: Arc<Served>, max: usize, limits: Limits) {
    let slots = Slots::new(max);
    loop {
        let slot = slots.take();
        let Ok((stream, _)) = listener.accept() else {
            // Out of file descriptors, say: try again shortly rather than spin.
            std::thread::sleep(Duration::from_millis(50));
            continue;
        };
        let served = Arc::clone(&served);
        // If no thread can be started, the closure, the slot and the connection are dropped.
        let _ = std::thread::Builder::new().spawn(move || {
            let _slot = slot;
            let _ = stream.set_write_timeout(Some(Duration::from_secs(30)));
            let _ = handle(stream, &served, &limits);
        });
    }
}

/// The site, with what the server works out once, at start.
struct Served {
    site: Site,
    roots: Roots,
    /// The pages' inline code, hashed.
    inline: csp::Inline,
    /// The policy of the pages at `/`.
    page_policy: String,
}

impl Served {
    fn new(site: Site) -> Result<Served, ServerError> {
        let roots = Roots::of(&site.dist, site.fixtures.as_deref())
            .map_err(|(path, source)| ServerError::Folder { path, source })?;
        let inline = csp::of_site(&roots.dist)?;
        let mut settings = csp::Settings::read(&roots.dist.join("folio.json"))?;
        // The partner demo page, on another origin.
        settings
            .frame_ancestors
            .extend(site.partners.iter().cloned());
        let mut page_policy = csp::page_policy(&inline, &settings);
        if site.fixtures.is_some() {
            page_policy = csp::with_test_reports(&page_policy, "/");
        }
        Ok(Served {
            site,
            roots,
            inline,
            page_policy,
        })
    }

    /// The policy of the sub-folder deployment's pages, from its own settings as a request
    /// to `host` sees them.
    fn sub_folder_policy(&self, fixtures: &std::path::Path, host: &str) -> Result<String, String> {
        let bytes = deployment::settings(fixtures, host).map_err(|e| e.to_string())?;
        let settings = csp::Settings::parse(&bytes, "the sub-folder's folio.json")
            .map_err(|e| e.to_string())?;
        let policy = csp::page_policy(&self.inline, &settings);
        Ok(csp::with_test_reports(&policy, deployment::SUB_FOLDER))
    }
}

fn handle(mut stream: TcpStream, served: &Served, limits: &Limits) -> std::io::Result<()> {
    let mut req = match request::read(&stream, limits) {
        Ok(Some(req)) => req,
        Ok(None) => return Ok(()),
        Err(e) => {
            let Some(status) = e.status() else {
                return Ok(());
            };
            let text = format!("{e}\n");
            respond(&mut stream, status, PLAIN, &[], text.as_bytes(), true)?;
            linger(&stream);
            return Ok(());
        }
    };
    let mut in_sub_folder = false;
    if let Some(fixtures) = served.site.fixtures.as_deref() {
        if let Some(rest) = req.path.strip_prefix(deployment::SUB_FOLDER) {
            req.path = format!("/{rest}");
            in_sub_folder = true;
        }
        if req.method == "POST" && req.path == format!("/{}", csp::TEST_REPORT_PATH) {
            reports::record(&req.body);
            return respond(&mut stream, 204, PLAIN, &[], b"", false);
        }
        if let Some(rest) = req.path.strip_prefix("/__test/") {
            return test_path(stream, rest);
        }
        if fails_parts(&req) {
            return respond(
                &mut stream,
                503,
                PLAIN,
                &[],
                b"deliberate test failure\n",
                true,
            );
        }
        if in_sub_folder && req.path == "/folio.json" {
            let body = deployment::settings(fixtures, &req.host)?;
            return respond(&mut stream, 200, "application/json", &[], &body, true);
        }
    }
    if req.method != "GET" && req.method != "HEAD" {
        return respond(&mut stream, 405, PLAIN, &[], b"method not allowed\n", true);
    }
    serve_file(stream, served, &req, in_sub_folder)
}

/// Whether a test asked, with the cookie `folio-test=WHAT` (`/__test/WHAT`), for a failure
/// of its browser's own: `no-parts` or `cut-pages`. The cookie keeps it to that browser.
fn test_asked(req: &Request, what: &str) -> bool {
    req.cookie
        .split(';')
        .filter_map(|c| c.trim().strip_prefix("folio-test="))
        .any(|asked| asked == what)
}

/// Whether a test asked (`/__test/no-parts`) that the module's parts fetched on first use
/// fail (`folio-split_*.wasm`, `folio-chunk_*.wasm`): a reader whose network drops between
/// the page and its first tool.
fn fails_parts(req: &Request) -> bool {
    let file = req.path.rsplit('/').next().unwrap_or("");
    test_asked(req, "no-parts")
        && (file.starts_with("folio-split_") || file.starts_with("folio-chunk_"))
        && file.ends_with(".wasm")
}

/// The embed tests' third origin: framed by the partner page, it sends every frame id its
/// address names (`#id,id`) a height of 5 px in pym.js's protocol, as an embed would.
const INTRUDER: &str = "<!doctype html><title>Another site</title><script>\
    for (const id of decodeURIComponent(location.hash.slice(1)).split(',')) \
    parent.postMessage(['pym', id, 'height', '5'].join('xPYMx'), '*');\
    document.title = 'sent';</script>";

/// How many requests `drop/...` has closed unanswered, so tests can see a Retry really ask again.
static DROPPED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// Paths under `/__test/` that fail on purpose, for the error views' tests:
/// `status/NNN/...` answers with that status, `drop/...` closes the connection unanswered,
/// `hang/...` answers nothing for 60 seconds, `dropped` says how many `drop/...` requests there were,
/// `no-parts` sets the cookie that makes this browser's parts fail ([`fails_parts`]),
/// `cut-pages` the one that sends it the app's pages cut short ([`answer::cut_short`]),
/// `intruder` is a page on a third origin that sends height messages to the page framing it,
/// and `csp-reports` lists the policy violations browsers have reported (a JSON list of lines).
fn test_path(mut stream: TcpStream, rest: &str) -> std::io::Result<()> {
    if rest == "intruder" {
        let policy = "default-src 'none'; script-src 'unsafe-inline'".to_owned();
        return respond(
            &mut stream,
            200,
            "text/html; charset=utf-8",
            &[("Content-Security-Policy", policy)],
            INTRUDER.as_bytes(),
            true,
        );
    }
    if rest == "no-parts" || rest == "cut-pages" {
        // Set here, as a cookie of the app's origin: test paths are sandboxed pages, where a
        // script cannot set one.
        let cookie = format!("folio-test={rest}; Path=/");
        let body = format!("folio-test={rest} is set for this browser\n");
        let body = body.as_bytes();
        return respond(
            &mut stream,
            200,
            PLAIN,
            &[("Set-Cookie", cookie)],
            body,
            true,
        );
    }
    if let Some(path) = rest.strip_prefix("hostile/") {
        if path == "endless/body.md" {
            return crate::hostile::stream_endless(&mut stream);
        }
        if let Some((content_type, body)) = crate::hostile::file(path) {
            return respond(&mut stream, 200, content_type, &[], &body, true);
        }
    }
    let mut parts = rest.split('/');
    match (parts.next(), parts.next()) {
        (Some("status"), Some(code)) => {
            let code: u16 = code.parse().unwrap_or(500);
            respond(
                &mut stream,
                code,
                "text/plain; charset=utf-8",
                &[],
                b"deliberate test failure\n",
                true,
            )
        }
        (Some("drop"), _) => {
            DROPPED.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            Ok(())
        }
        (Some("dropped"), _) => {
            let n = DROPPED
                .load(std::sync::atomic::Ordering::SeqCst)
                .to_string();
            respond(
                &mut stream,
                200,
                "text/plain; charset=utf-8",
                &[],
                n.as_bytes(),
                true,
            )
        }
        (Some("csp-reports"), _) => {
            let list = serde_json::Value::from(reports::all()).to_string();
            respond(
                &mut stream,
                200,
                "application/json",
                &[],
                list.as_bytes(),
                true,
            )
        }
        (Some("hang"), _) => {
            std::thread::sleep(Duration::from_secs(60));
            Ok(())
        }
        _ => respond(
            &mut stream,
            404,
            "text/plain; charset=utf-8",
            &[],
            b"not found\n",
            true,
        ),
    }
}

mod answer;
mod deployment;
mod files;
pub mod partner;
mod reports;
mod request;
mod response;
mod slots;
#[cfg(test)]
mod tests;
