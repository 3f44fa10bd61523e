//! Shared helpers for Folio's end-to-end tests: a WebDriver session on Debian's Chromium,
//! waiting for text, the browser's console log, axe-core, and screenshots kept as artifacts.
//! `cargo xtask test` starts the app server and chromedriver and passes their addresses.

pub mod building;
pub mod cut;
pub mod engine;
pub mod keyboard;
pub mod long;
pub mod network;
pub mod offline;
pub mod plain_http;
pub mod pointer;
pub mod reading;
pub mod seed;
pub mod shifts;
pub mod speech;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};

pub use engine::{Engine, Setting};

/// The app's address, such as `http://127.0.0.1:40123/`.
pub fn app_url() -> String {
    std::env::var("FOLIO_URL")
        .expect("FOLIO_URL is not set: run the end-to-end tests through `cargo xtask test`")
}

/// The app's address with `query` appended, such as `articles/ID/` or `?bundle=PATH`.
pub fn page(query: &str) -> String {
    format!("{}{query}", app_url())
}

/// The static page of article `id`, relative to the app.
pub fn article(id: &str) -> String {
    format!("articles/{id}/")
}

/// How long a WebDriver server may take to start a browser; a few seconds is usual.
const SESSION_START: Duration = Duration::from_secs(60);

/// A browser session, closed when the test ends.
pub struct Browser {
    /// The WebDriver client.
    pub client: Client,
    /// The viewport width asked for, in CSS pixels.
    pub width: u32,
    /// The engine the session runs in.
    pub engine: Engine,
    /// The WebDriver server's address and the session's id, to end the session when a
    /// test fails before `close`: geckodriver and WebKitWebDriver run one session at a time.
    session: Option<(String, String)>,
}

impl Drop for Browser {
    fn drop(&mut self) {
        if let Some((webdriver, id)) = self.session.take() {
            end_session(&webdriver, &id);
        }
    }
}

/// What a WebDriver server answers once the browser's page process has died under a test:
/// WebKitWebDriver, and ChromeDriver (after a `chrome://crash`, for one).
const PAGE_CRASHED: [&str; 2] = ["session deleted because of page crash", "\"tab crashed\""];

/// Makes a test that fails because its browser's page process died end the whole binary
/// instead, saying so in `browser-stuck.txt`, as a browser that never starts does: `xtask`
/// then restarts the driver and runs the file once more, and a second crash fails it. Any
/// other failure is the test's own and is reported as usual.
fn end_the_file_if_the_browser_crashes() {
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let message = info
                .payload()
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| info.payload().downcast_ref::<&str>().copied())
                .unwrap_or_default();
            if PAGE_CRASHED.iter().any(|m| message.contains(m)) {
                let why = format!(
                    "{}'s page process crashed under the test: {}",
                    Engine::current().name(),
                    message.lines().next().unwrap_or_default()
                );
                eprintln!("{why}");
                end_the_file(&why);
            }
            previous(info);
        }));
    });
}

/// Ends the test binary, saying `why` in `browser-stuck.txt`: `xtask` then restarts the
/// driver and runs the file once more.
fn end_the_file(why: &str) -> ! {
    note_progress(why);
    let _ = std::fs::write(artifacts().join("browser-stuck.txt"), why);
    std::process::exit(1);
}

/// Ends WebDriver session `id` with a plain `DELETE`, from a test that is unwinding.
fn end_session(webdriver: &str, id: &str) {
    let Ok(target) = url::Url::parse(webdriver).and_then(|u| u.join(&format!("session/{id}")))
    else {
        return;
    };
    let _ = plain_http::request("DELETE", &target, &plain_http::host_and_port(&target));
}

impl Browser {
    /// Starts the run's engine, headless, at `width`×`height` CSS pixels.
    pub async fn start(width: u32, height: u32) -> Browser {
        Self::start_with(width, height, &[]).await
    }

    /// Starts the run's engine with the reader's `settings`, such as a dark colour scheme.
    /// Panics if the engine lacks one: use `start_for` where an engine may.
    pub async fn start_with(width: u32, height: u32, settings: &[Setting]) -> Browser {
        let engine = Engine::current();
        if let Some(why) = settings.iter().find_map(|s| engine.lacks(s)) {
            panic!("cannot start {}: {why}", engine.name());
        }
        let webdriver = std::env::var("FOLIO_WEBDRIVER")
            .expect("FOLIO_WEBDRIVER is not set: run through `cargo xtask test`");
        end_the_file_if_the_browser_crashes();
        note_progress(&format!("start {}", engine.name()));
        let mut builder =
            ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new());
        builder.capabilities(engine.capabilities(width, height, settings));
        let connecting = builder.connect(&webdriver);
        let client = match tokio::time::timeout(SESSION_START, connecting).await {
            Ok(client) => {
                client.unwrap_or_else(|e| panic!("cannot start a {} session: {e}", engine.name()))
            }
            // The driver is stuck (WebKitWebDriver, now and then, never starts MiniBrowser):
            // no later test of this file could start either. The binary ends, saying why in
            // `browser-stuck.txt`; `xtask` then restarts the driver and runs the file again.
            Err(_) => {
                let why = format!(
                    "{}'s WebDriver server did not start a browser within {} s",
                    engine.name(),
                    SESSION_START.as_secs()
                );
                end_the_file(&why);
            }
        };
        let session = client.session_id().await.ok().flatten();
        let b = Browser {
            client,
            width,
            engine,
            session: session.map(|id| (webdriver, id)),
        };
        // Chromium's viewport is its device metrics; the others' is their window less its bars.
        if engine != Engine::Chromium {
            b.size_viewport(width, height).await;
        }
        b
    }

    /// Starts the run's engine with `settings`, or, when the engine lacks one, records that
    /// `test` did not run in it and why (`engine::not_run`) and returns `None`.
    pub async fn start_for(
        test: &str,
        width: u32,
        height: u32,
        settings: &[Setting],
    ) -> Option<Browser> {
        let engine = Engine::current();
        match settings.iter().find_map(|s| engine.lacks(s)) {
            Some(why) => {
                engine::not_run(test, why);
                None
            }
            None => Some(Self::start_with(width, height, settings).await),
        }
    }

    /// Sizes a windowed engine's window so that its viewport is `width`×`height`.
    async fn size_viewport(&self, width: u32, height: u32) {
        self.client
            .set_window_size(width, height)
            .await
            .expect("cannot size the window");
        let inner = self
            .eval("return [window.innerWidth, window.innerHeight];")
            .await;
        let (w, h) = (
            inner[0].as_u64().unwrap_or(0) as u32,
            inner[1].as_u64().unwrap_or(0) as u32,
        );
        if (w, h) != (width, height) {
            // The window's frame and bars take the difference.
            let grow = |asked: u32, got: u32| (2 * i64::from(asked) - i64::from(got)).max(1) as u32;
            self.client
                .set_window_size(grow(width, w), grow(height, h))
                .await
                .expect("cannot size the window");
        }
    }

    /// Opens `query` (such as `articles/ID/` or `?bundle=PATH`) and waits until the app has
    /// taken the page over; `?article=ID`, which leads to the article's static page, until
    /// it is there (or says why not).
    pub async fn open(&self, query: &str) {
        note_progress(&format!("open {query:?}"));
        self.client
            .goto(&page(query))
            .await
            .expect("navigation failed");
        self.wait_for_app().await;
        let inner = self.eval("return window.innerWidth;").await;
        let width = self.width;
        assert_eq!(
            inner,
            json!(width),
            "the viewport must really be {width} CSS px wide"
        );
    }

    /// Waits up to 15 seconds for the app to have taken over the page it is on (after a
    /// redirect from `?article=ID`, the page it led to), for `<main>` to hold content and
    /// for every block of a long story to have been laid out (`src/start/laying_out.rs`).
    pub async fn wait_for_app(&self) {
        let ready = "return document.documentElement.dataset.folioApp === 'ready'
              && !!document.querySelector('main > *') && !document.querySelector('.waiting-layout')
              && !document.documentElement.hasAttribute('data-folio-laying-out')
              && (!/[?&]article=/.test(location.search) || !!document.querySelector('[data-failure]'));";
        let start = Instant::now();
        loop {
            let done = self.client.execute(ready, vec![]).await;
            if matches!(done, Ok(Value::Bool(true))) {
                return;
            }
            assert!(
                start.elapsed() < Duration::from_secs(15),
                "the app did not take over {} within 15 s",
                self.client
                    .current_url()
                    .await
                    .map(|u| u.to_string())
                    .unwrap_or_default()
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Waits up to 15 seconds for an element matching `css`. A match replaced while it was
    /// being found (WebKit's driver then answers "stale element", as when the app swaps its
    /// copy in), or a find the driver could not finish as the page changed, is looked for
    /// again; if nothing has matched after 15 s, the last answer is the failure.
    pub async fn wait_for_css(&self, css: &str) -> fantoccini::elements::Element {
        let start = Instant::now();
        loop {
            match self.client.find(Locator::Css(css)).await {
                Ok(element) => return element,
                Err(e) if not_there_yet(&e) => {
                    assert!(
                        start.elapsed() < Duration::from_secs(15),
                        "no element matching {css:?} appeared within 15 s: {e}"
                    );
                }
                Err(e) => panic!("no element matching {css:?} appeared: {e}"),
            }
            // fantoccini's own period: asking WebKit's driver more often loads its page.
            tokio::time::sleep(Duration::from_millis(250)).await;
        }
    }

    /// The text the first element matching `css` holds (its `textContent`, trimmed:
    /// what was written, before CSS such as `text-transform` changes how it looks).
    pub async fn text(&self, css: &str) -> String {
        self.wait_for_css(css).await;
        self.texts(css).await.into_iter().next().unwrap_or_default()
    }

    /// The text every element matching `css` holds, trimmed.
    pub async fn texts(&self, css: &str) -> Vec<String> {
        let script =
            "return [...document.querySelectorAll(arguments[0])].map(e => e.textContent.trim());";
        let found = self
            .client
            .execute(script, vec![Value::String(css.to_owned())])
            .await;
        let list = found.unwrap_or_else(|e| panic!("cannot read the text of {css:?}: {e}"));
        list.as_array()
            .unwrap_or_else(|| panic!("the texts of {css:?} are not a list: {list}"))
            .iter()
            .map(|t| t.as_str().unwrap_or_default().to_owned())
            .collect()
    }

    /// Runs `script` in the page and returns its value.
    pub async fn eval(&self, script: &str) -> Value {
        self.client
            .execute(script, vec![])
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    /// Browser console entries at level SEVERE (errors, uncaught exceptions, panics).
    pub async fn console_errors(&self) -> Vec<String> {
        self.console_at(&["SEVERE"]).await
    }

    /// Browser console entries at level SEVERE or WARNING since the last read.
    pub async fn console_messages(&self) -> Vec<String> {
        self.console_at(&["SEVERE", "WARNING"]).await
    }

    /// In Chromium, the console's entries at `levels`. Firefox's and WebKit's drivers give
    /// no console log: there, what the app's loader recorded when the module stopped (a panic
    /// traps it), which the page also shows its reader.
    async fn console_at(&self, levels: &[&str]) -> Vec<String> {
        if self.engine != Engine::Chromium {
            let stopped = self
                .eval("return document.documentElement.dataset.folioError || null;")
                .await;
            return stopped.as_str().map(str::to_owned).into_iter().collect();
        }
        let logs = self
            .client
            .issue_cmd(ChromeCommand {
                path: "se/log",
                body: json!({ "type": "browser" }),
            })
            .await
            .unwrap_or_else(|e| panic!("cannot read the browser's console log: {e}"));
        logs.as_array()
            .into_iter()
            .flatten()
            .filter(|e| levels.iter().any(|l| e["level"] == *l))
            .map(|e| e["message"].as_str().unwrap_or_default().to_owned())
            .collect()
    }

    /// Every resource URL the page has requested so far.
    pub async fn requested_urls(&self) -> Vec<String> {
        let v = self.eval("return [location.href].concat(performance.getEntriesByType('resource').map(e => e.name));").await;
        v.as_array()
            .into_iter()
            .flatten()
            .filter_map(|u| u.as_str().map(str::to_owned))
            .collect()
    }

    /// Scrolls to the end so lazy images load, waits a moment, then fails the test if the
    /// page has requested anything from a host other than the app's own.
    pub async fn assert_only_own_origin_requests(&self, page: &str) {
        let origin = app_url().trim_end_matches('/').to_owned();
        self.eval("window.scrollTo(0, document.body.scrollHeight); return true;")
            .await;
        // Until the page has asked for nothing new for a second (15 s at most), not for a
        // fixed moment: a request made late is still seen.
        let start = std::time::Instant::now();
        let mut seen = self.requested_urls().await.len();
        let mut quiet_since = std::time::Instant::now();
        while quiet_since.elapsed() < Duration::from_secs(1)
            && start.elapsed() < Duration::from_secs(15)
        {
            tokio::time::sleep(Duration::from_millis(100)).await;
            let now = self.requested_urls().await.len();
            if now != seen {
                seen = now;
                quiet_since = std::time::Instant::now();
            }
        }
        for url in self.requested_urls().await {
            assert!(
                url.starts_with(&origin),
                "request to another host on {page}: {url}"
            );
        }
    }

    /// Runs axe-core on the page and returns its violations as `id: help (n nodes)`.
    pub async fn axe_violations(&self) -> Vec<String> {
        let source = std::fs::read_to_string(repo().join("node_modules/axe-core/axe.min.js"))
            .expect("axe-core not installed: run `npm ci` (cargo xtask test does)");
        self.client
            .execute(&source, vec![])
            .await
            .expect("axe-core did not load");
        let result = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 axe.run(document, { resultTypes: ['violations'] }).then(r => done(r.violations.map(v =>
                   v.id + ': ' + v.help + ' (' + v.nodes.length + ' nodes: ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', ') + ')')));",
                vec![],
            )
            .await
            .expect("axe.run failed");
        result
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect()
    }

    /// Saves a screenshot as `name.png` in the artifacts folder.
    pub async fn screenshot(&self, name: &str) {
        let png = self.client.screenshot().await.expect("screenshot failed");
        let dir = artifacts();
        std::fs::create_dir_all(&dir).ok();
        std::fs::write(dir.join(format!("{name}.png")), png).expect("cannot write the screenshot");
    }

    /// Runs the DevTools command `cmd` with `params`, through ChromeDriver, and returns its
    /// result. Chromium only: a test that needs it first asks `only_in_chromium`.
    pub async fn cdp(&self, cmd: &str, params: Value) -> Value {
        assert_eq!(
            self.engine,
            Engine::Chromium,
            "{cmd} is a Chromium DevTools command"
        );
        self.client
            .issue_cmd(ChromeCommand {
                path: "goog/cdp/execute",
                body: json!({ "cmd": cmd, "params": params }),
            })
            .await
            .unwrap_or_else(|e| panic!("{cmd}: {e}"))
    }

    /// Ends the session.
    pub async fn close(mut self) {
        if self.client.clone().close().await.is_ok() {
            self.session = None;
        }
    }
}

/// Whether a failed find may succeed if asked again: nothing matches yet, the match was
/// replaced while it was being found, or the driver tripped over the page changing under it.
/// WebKit's driver finds with a script in the page. Seen in CI: "Could not parse element
/// info", an "unknown error", during the takeover's swap; and "Callback was not called before
/// the unload event" during a navigation, which WebKit's versions send as a "javascript
/// error", "no such window" or "no such frame", so it is known by its words. Anything else,
/// such as an invalid selector or a session lost with a crashed page, is a real error.
fn not_there_yet(e: &fantoccini::error::CmdError) -> bool {
    use fantoccini::error::CmdError;
    e.is_no_such_element()
        || e.is_stale_element_reference()
        || e.is_unknown_error()
        || matches!(e, CmdError::Standard(w) if w.message.contains("before the unload event"))
}

/// The folder for this engine's screenshots and records (`FOLIO_ARTIFACTS`).
pub fn artifacts() -> PathBuf {
    std::env::var("FOLIO_ARTIFACTS")
        .map(PathBuf::from)
        .unwrap_or_else(|_| repo().join("target/e2e-artifacts"))
}

/// Appends `what`, with the test's name, to `progress.log` among the artifacts: when a run is
/// stopped at its time limit, `xtask` prints the last lines, which say where it stuck.
pub fn note_progress(what: &str) {
    use std::io::Write;
    let test = std::thread::current().name().unwrap_or("?").to_owned();
    let dir = artifacts();
    let _ = std::fs::create_dir_all(&dir);
    if let Ok(mut log) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(dir.join("progress.log"))
    {
        let _ = writeln!(log, "{test}: {what}");
    }
}

/// True, after recording why (`engine::not_run`), when `test` needs Chromium's DevTools
/// protocol for `what` and the run's engine is another.
pub fn only_in_chromium(test: &str, what: &str) -> bool {
    Engine::current() != Engine::Chromium
        && engine::not_run(
            test,
            &format!("needs Chromium's DevTools protocol to {what}"),
        )
}

/// The repository's root folder.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A command at one of ChromeDriver's own endpoints, `POST /session/{id}/{path}` with `body`:
/// `se/log` for the browser's log, `goog/cdp/execute` for a DevTools command.
#[derive(Debug)]
pub struct ChromeCommand {
    /// The endpoint after the session, such as `se/log`.
    pub path: &'static str,
    /// The JSON body.
    pub body: Value,
}

impl WebDriverCompatibleCommand for ChromeCommand {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!(
            "session/{}/{}",
            session.unwrap_or_default(),
            self.path
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(self.body.to_string()))
    }
}

/// The simple messages (no variables) of Folio's interface in `language` (`en`, `ru`,
/// `fa`), from its Fluent files, as `(id, text)`.
pub fn phrases(language: &str) -> Vec<(String, String)> {
    let dir = repo().join(format!("src/interface/{language}"));
    let mut source = String::new();
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{dir:?}: {e}")) {
        let path = entry.expect("a file").path();
        source += &std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    }
    source
        .lines()
        .filter(|l| !l.starts_with(['#', ' ']) && !l.contains('{'))
        .filter_map(|l| l.split_once(" = "))
        .map(|(id, text)| (id.trim().to_owned(), text.trim().to_owned()))
        .collect()
}

/// The simple message `id` of Folio's interface in `language`.
pub fn phrase(language: &str, id: &str) -> String {
    phrases(language)
        .into_iter()
        .find(|(i, _)| i == id)
        .unwrap_or_else(|| panic!("no message {id} in {language}"))
        .1
}

/// The English phrases of Folio's interface shown or spoken on the page (its text, hidden or
/// not, and its `aria-label`s), as `(id, text)`: none on a page in another language.
pub async fn english_left(b: &Browser) -> Vec<(String, String)> {
    let english = phrases("en");
    assert!(english.len() >= 100, "the English phrases: {english:?}");
    let said = b
        .eval(
            "const skip = (e) => e.closest('script, style');
             const out = [];
             const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
             while (walker.nextNode()) {
               if (!skip(walker.currentNode.parentElement)) out.push(walker.currentNode.textContent.trim());
             }
             for (const e of document.body.querySelectorAll('[aria-label]')) {
               if (!skip(e)) out.push(e.getAttribute('aria-label'));
             }
             return out.filter(t => t);",
        )
        .await;
    let said: Vec<String> = said
        .as_array()
        .expect("a list")
        .iter()
        .filter_map(|t| t.as_str().map(str::to_owned))
        .collect();
    english
        .into_iter()
        .filter(|(_, text)| said.contains(text))
        .collect()
}
