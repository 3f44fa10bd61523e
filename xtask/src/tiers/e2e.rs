//! The end-to-end tiers, one per engine: the release build, built for the port it is
//! served on, the project's static server with the test fixtures, the engine's WebDriver
//! server, and the WebDriver suite; each fails if its browser reported a
//! Content-Security-Policy violation to the server.

use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command};
use std::time::{Duration, Instant};

use super::count::{count, run_counted_within, Ran};
use super::engine::Engine;
use super::scratch::Scratch;
use crate::{build_release, root, server, Outcome};

/// A child process leading its own process group; the whole group (chromedriver and the
/// browsers it started, even those a failed test left open) ends when this is dropped, and
/// then the group's own temporary folder, if it has one, goes too.
pub struct Guard {
    child: Child,
    _folder: Option<Scratch>,
}

impl Guard {
    pub fn new(child: Child, folder: Option<Scratch>) -> Guard {
        Guard {
            child,
            _folder: folder,
        }
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        let group = format!("-{}", self.child.id());
        let _ = Command::new("kill").args(["-TERM", "--", &group]).status();
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A port no one listens on now.
pub fn free_port() -> Result<u16, String> {
    let l = std::net::TcpListener::bind(("127.0.0.1", 0)).map_err(|e| e.to_string())?;
    l.local_addr().map(|a| a.port()).map_err(|e| e.to_string())
}

/// Waits up to 20 seconds for something to listen on `port`.
pub fn wait_for_port(port: u16, what: &str) -> Outcome {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(20) {
        if TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Err(format!("{what} did not start listening on port {port}"))
}

/// The longest one test file may run in one engine before it is stopped. The longest
/// file, the reflow sweep, takes about a minute; a run far past that is stuck.
const FILE_LIMIT: Duration = Duration::from_secs(6 * 60);

/// The suite's test files (`tests/e2e/tests/*.rs`), by name, in order.
fn test_files() -> Result<Vec<String>, String> {
    let dir = root().join("tests/e2e/tests");
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .map_err(|e| format!("cannot list {}: {e}", dir.display()))?
        .filter_map(|entry| {
            let path = entry.ok()?.path();
            (path.extension()? == "rs").then(|| path.file_stem()?.to_str().map(str::to_owned))?
        })
        .collect();
    files.sort();
    Ok(files)
}

/// The end-to-end test files `files` (every one when empty), in `engine`, against the app
/// at `app_url`, counted into the tier. Each file runs on its own, under [`FILE_LIMIT`]: a
/// file still running then is stopped with its browser, reported, and run once more with a
/// fresh WebDriver server; stopped twice, it fails. A file whose browser never started, or
/// whose page process crashed, ends itself saying so (`folio_e2e::Browser::start`) and is
/// treated the same way. Afterwards, the tests that could not run
/// in the engine are listed with their reasons (`not-run-ENGINE.txt`).
pub fn suite(files: &[&str], app_url: &str, engine: Engine, artifacts: &Path) -> Outcome {
    std::fs::create_dir_all(artifacts).map_err(|e| e.to_string())?;
    let not_run = artifacts.join(format!("not-run-{}.txt", engine.name()));
    let _ = std::fs::remove_file(&not_run);
    let progress = artifacts.join("progress.log");
    // Where a test binary says that its browser did not start, or that its page process
    // crashed (`folio_e2e::Browser`).
    let stuck = artifacts.join("browser-stuck.txt");
    let stopped_itself = || std::fs::read_to_string(&stuck).ok();
    let files: Vec<String> = if files.is_empty() {
        test_files()?
    } else {
        files.iter().map(|f| (*f).to_owned()).collect()
    };
    crate::run(
        Command::new("cargo")
            .args(["test", "--no-run", "-p", "folio-e2e", "--tests"])
            .current_dir(root()),
    )?;
    eprintln!(
        "xtask: {} against {app_url}, screenshots in {}",
        engine.name(),
        artifacts.display()
    );
    // The browsers' profiles, removed after each file (`Scratch`).
    let scratch = Scratch::new(&format!("e2e-{}", engine.name()))?;
    let mut driver = engine.driver(scratch.path())?;
    let mut failed = Vec::new();
    let mut stopped = Vec::new();
    for file in &files {
        let started = Instant::now();
        for attempt in 1..=2 {
            let _ = std::fs::remove_file(&progress);
            let _ = std::fs::remove_file(&stuck);
            let ran = run_counted_within(
                Command::new("cargo")
                    .args(["test", "--no-fail-fast", "-p", "folio-e2e", "--test", file])
                    .args(["--", "--test-threads=1"])
                    .env("FOLIO_URL", app_url)
                    .env("FOLIO_ENGINE", engine.name())
                    .env("FOLIO_WEBDRIVER", format!("http://127.0.0.1:{}", driver.1))
                    .env("FOLIO_ARTIFACTS", artifacts)
                    .env("TMPDIR", scratch.path())
                    .current_dir(root()),
                FILE_LIMIT,
                &stopped_itself,
            )?;
            match ran {
                Ran::Finished(Ok(())) => break,
                Ran::Finished(Err(_)) => {
                    failed.push(file.clone());
                    break;
                }
                Ran::Stopped(why) => {
                    eprintln!(
                        "xtask: {file} in {} was stopped, {why} (attempt {attempt} of 2); \
                         its output is above, and its last steps were:",
                        engine.name(),
                    );
                    let steps = std::fs::read_to_string(&progress).unwrap_or_default();
                    let steps: Vec<&str> = steps.lines().collect();
                    for step in &steps[steps.len().saturating_sub(8)..] {
                        eprintln!("  {step}");
                    }
                    stopped.push(format!("{file} (attempt {attempt}: {why})"));
                    // A fresh WebDriver server, and so a fresh browser: the stuck session
                    // may hold the old one.
                    drop(driver);
                    driver = engine.driver(scratch.path())?;
                    if attempt == 2 {
                        count(0, 1);
                        failed.push(file.clone());
                    }
                }
            }
        }
        eprintln!(
            "xtask: {file} in {}: {} s",
            engine.name(),
            started.elapsed().as_secs()
        );
        // Every session of the file has ended; what their browsers left goes now.
        scratch.clear()?;
    }
    drop(driver);
    if let Ok(list) = std::fs::read_to_string(&not_run) {
        eprintln!(
            "xtask: {} test(s) or parts did not run in {}, each for the reason given:",
            list.lines().count(),
            engine.name()
        );
        for line in list.lines() {
            eprintln!("  - {line}");
        }
    }
    if !stopped.is_empty() {
        eprintln!(
            "xtask: {} run(s) in {} were stopped (a file stopped once runs again; twice, it fails): {}",
            stopped.len(),
            engine.name(),
            stopped.join(", ")
        );
    }
    if failed.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{} failed in {}: {}",
            failed.len(),
            engine.name(),
            failed.join(", ")
        ))
    }
}

/// The two releases the offline tests deploy and take down themselves, with the command that
/// serves one: `FOLIO_RELEASE`, the build; `FOLIO_NEXT_RELEASE`, a copy with a changed
/// module (`crate::offline::next_release`); `FOLIO_SERVE_DIST`, this program.
fn offline_releases() -> Outcome {
    let (release, next) = (root().join("dist"), root().join("target/e2e-next-release"));
    let module = crate::offline::next_release(&release, &next)?;
    eprintln!(
        "xtask: the next release for the offline tests, with {module}, in {}",
        next.display()
    );
    let me = std::env::current_exe().map_err(|e| e.to_string())?;
    std::env::set_var("FOLIO_RELEASE", &release);
    std::env::set_var("FOLIO_NEXT_RELEASE", &next);
    std::env::set_var("FOLIO_SERVE_DIST", me);
    Ok(())
}

/// The release build, built for the port it is served on, the project's static server with
/// the fixtures, and the partner's page: set up once, for every engine's run. Gives the
/// app's address.
fn stage() -> Result<String, String> {
    static STAGE: std::sync::OnceLock<Result<String, String>> = std::sync::OnceLock::new();
    STAGE.get_or_init(set_up).clone()
}

fn set_up() -> Result<String, String> {
    // The port is chosen first, so the static pages are built with their real address
    // (canonical links and OpenGraph images are absolute).
    let listener = std::net::TcpListener::bind(("127.0.0.1", 0))
        .map_err(|e| format!("cannot start the HTTP server: {e}"))?;
    let app_port = listener.local_addr().map_err(|e| e.to_string())?.port();
    std::env::set_var("FOLIO_SITE_URL", format!("http://127.0.0.1:{app_port}/"));
    build_release()?;
    // The partner demo page, on another origin (its own port), as `cargo xtask serve` has it.
    let partner = std::net::TcpListener::bind(("127.0.0.1", 0))
        .map_err(|e| format!("cannot start the partner's server: {e}"))?;
    // Named `localhost`, the partner is another site than the app's `127.0.0.1`, as a
    // newsroom's would be, so the browser treats the app's frames as third parties.
    let partner_url = format!(
        "http://localhost:{}/",
        partner.local_addr().map_err(|e| e.to_string())?.port()
    );
    let app_url = format!("http://127.0.0.1:{app_port}/");
    let dist = root().join("dist");
    // The embed tests' third origin: this server under another name.
    let third = format!("http://localhost:{app_port}");
    let demo = server::partner::page(&app_url, &dist, crate::budget::SAMPLE_ARTICLE, Some(&third))?;
    server::partner::start(partner, demo);
    std::env::set_var("FOLIO_PARTNER_URL", &partner_url);
    let site = server::Site {
        dist,
        fixtures: Some(root().join("tests/fixtures")),
        partners: vec![partner_url.trim_end_matches('/').to_owned()],
    };
    server::start(listener, site).map_err(|e| format!("the HTTP server: {e}"))?;
    offline_releases()?;
    Ok(app_url)
}

/// The end-to-end tier in `engine`: the stage (built once), the engine's WebDriver server,
/// the suite; then the policy violations the browser reported to the server during its run,
/// of which there must be none (this last check counts as one test). With `only`, just
/// those test files run.
pub fn end_to_end(engine: Engine, only: &[String]) -> Outcome {
    let app_url = stage()?;
    let before = server::csp_violations();
    let only: Vec<&str> = only.iter().map(String::as_str).collect();
    let artifacts = root().join("target/e2e-artifacts").join(engine.name());
    let ran = suite(&only, &app_url, engine, &artifacts);
    // Reports are sent as the violations happen; a moment for the last ones to arrive.
    std::thread::sleep(Duration::from_secs(1));
    let violations: Vec<String> = server::csp_violations()
        .into_iter()
        .filter(|v| !before.contains(v))
        .collect();
    if violations.is_empty() {
        eprintln!(
            "xtask: {} reported no Content-Security-Policy violation",
            engine.name()
        );
        count(1, 0);
        ran
    } else {
        count(0, 1);
        eprintln!(
            "xtask: {} different Content-Security-Policy violation(s) reported:",
            violations.len()
        );
        for v in &violations {
            eprintln!("  {v}");
        }
        let csp = format!(
            "{} reported {} different Content-Security-Policy violation(s), listed above",
            engine.name(),
            violations.len()
        );
        Err(match ran {
            Ok(()) => csp,
            Err(e) => format!("{e}; {csp}"),
        })
    }
}
