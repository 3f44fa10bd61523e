//! The offline journeys' own server and the reader's offline steps. A release is served by
//! a process the test starts, stops and starts again on the same address (the origin a
//! service worker belongs to): "offline" is the server gone, since a browser's offline
//! emulation does not cut a service worker's own requests. `cargo xtask test` names the
//! release, the next release (a changed module) and the command that serves one.

use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::Browser;

fn env_path(name: &str) -> PathBuf {
    PathBuf::from(std::env::var_os(name).unwrap_or_else(|| {
        panic!("{name} is not set: run the end-to-end tests through `cargo xtask test`")
    }))
}

/// The release build, as deployed.
pub fn release() -> PathBuf {
    env_path("FOLIO_RELEASE")
}

/// The next release: the same site with a changed module under a new name.
pub fn next_release() -> PathBuf {
    env_path("FOLIO_NEXT_RELEASE")
}

/// A release served on 127.0.0.1 by a process of its own.
pub struct Server {
    port: u16,
    process: Option<Child>,
}

impl Server {
    /// Serves `site` on a free port.
    pub fn start(site: PathBuf) -> Server {
        let port = std::net::TcpListener::bind(("127.0.0.1", 0))
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let mut server = Server {
            port,
            process: None,
        };
        server.serve(site);
        server
    }

    /// Serves `site` on this server's address, the old process stopped first.
    pub fn serve(&mut self, site: PathBuf) {
        self.stop();
        let child = Command::new(env_path("FOLIO_SERVE_DIST"))
            .arg("serve-dist")
            .arg(&site)
            .arg(self.port.to_string())
            .stdout(Stdio::null())
            .spawn()
            .expect("the static server starts");
        self.process = Some(child);
        let start = Instant::now();
        while TcpStream::connect(("127.0.0.1", self.port)).is_err() {
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "the server for {} did not listen on port {}",
                site.display(),
                self.port
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Stops the server: nothing answers on its address any more.
    pub fn stop(&mut self) {
        if let Some(mut child) = self.process.take() {
            let _ = child.kill();
            let _ = child.wait();
            assert!(
                TcpStream::connect(("127.0.0.1", self.port)).is_err(),
                "the server still answers"
            );
        }
    }

    /// The address of `path` on this server, such as `saved/`.
    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}/{path}", self.port)
    }

    /// The origin, as DevTools names it.
    pub fn origin(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(mut child) = self.process.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// Opens `url` and waits for the app (or, on the Saved page, the offline script) to be ready.
pub async fn visit(b: &Browser, url: &str) {
    b.client.goto(url).await.expect("navigation");
    b.wait_for_app().await;
}

/// Waits up to 20 seconds for a service worker to control the page.
pub async fn wait_for_worker(b: &Browser) {
    let script = "const done = arguments[0];
        navigator.serviceWorker.ready.then(() => {
          if (navigator.serviceWorker.controller) return done(true);
          navigator.serviceWorker.addEventListener('controllerchange', () => done(true));
        });";
    let controlled = tokio::time::timeout(
        Duration::from_secs(20),
        b.client.execute_async(script, vec![]),
    )
    .await;
    assert!(
        matches!(controlled, Ok(Ok(Value::Bool(true)))),
        "no service worker took control of the page: {controlled:?}"
    );
}

/// Waits up to `seconds` for `script`'s value to be truthy, and returns it.
pub async fn until(b: &Browser, script: &str, seconds: u64) -> Value {
    let start = Instant::now();
    loop {
        let value = b
            .client
            .execute(script, vec![])
            .await
            .unwrap_or(Value::Null);
        if !(value.is_null() || value == json!(false) || value == json!("")) {
            return value;
        }
        assert!(
            start.elapsed() < Duration::from_secs(seconds),
            "not within {seconds} s: {script}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Presses "Save for offline" on the article page and returns what the page then says.
pub async fn save_article(b: &Browser) -> String {
    b.wait_for_css("[data-folio-save] button")
        .await
        .click()
        .await
        .expect("Save for offline");
    let start = Instant::now();
    loop {
        let said = b
            .eval("return document.querySelector('#folio_save_status').textContent;")
            .await;
        let said = said.as_str().unwrap_or_default();
        if said.starts_with("Saved") || said.starts_with("Not saved") {
            return said.to_owned();
        }
        if start.elapsed() > Duration::from_secs(30) {
            b.screenshot("save-for-offline-unanswered").await;
            panic!("Save for offline had no answer within 30 s; the page says {said:?}");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The service worker's index of saved articles, and the article caches that exist.
pub async fn stored(b: &Browser) -> Value {
    let script = "const done = arguments[0];
        (async () => {
          const listed = await (await fetch(new URL('__folio/offline/saved', location.origin + '/'))).json();
          const caches_ = (await caches.keys()).filter(n => n.startsWith('folio-article-'));
          const counts = {};
          for (const name of caches_) counts[name] = (await (await caches.open(name)).keys()).length;
          const shells = (await caches.keys()).filter(n => n.startsWith('folio-shell-'));
          done({ articles: listed.articles, caches: counts, shells });
        })().catch(e => done({ error: String(e) }));";
    b.client
        .execute_async(script, vec![])
        .await
        .expect("the stored articles")
}
