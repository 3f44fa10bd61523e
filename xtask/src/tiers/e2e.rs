//! The end-to-end tier: the release build, built for the port it is served on, the
//! project's static server with the test fixtures, chromedriver, and the WebDriver suite.

use std::net::TcpStream;
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use super::count::run_counted;
use crate::setup::CHROMEDRIVER;
use crate::{build_release, root, server, Outcome};

/// A child process leading its own process group; the whole group (chromedriver and the
/// browsers it started, even those a failed test left open) ends when this is dropped.
struct Guard(Child);

impl Drop for Guard {
    fn drop(&mut self) {
        let group = format!("-{}", self.0.id());
        let _ = Command::new("kill").args(["-TERM", "--", &group]).status();
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> Result<u16, String> {
    let l = std::net::TcpListener::bind(("127.0.0.1", 0)).map_err(|e| e.to_string())?;
    l.local_addr().map(|a| a.port()).map_err(|e| e.to_string())
}

fn wait_for_port(port: u16, what: &str) -> Outcome {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(20) {
        if TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Err(format!("{what} did not start listening on port {port}"))
}

/// The end-to-end tier: release build, the static server with fixtures, chromedriver, the suite.
pub fn end_to_end() -> Outcome {
    // The port is chosen first, so the static pages are built with their real address
    // (canonical links and OpenGraph images are absolute).
    let listener = std::net::TcpListener::bind(("127.0.0.1", 0))
        .map_err(|e| format!("cannot start the HTTP server: {e}"))?;
    let app_port = listener.local_addr().map_err(|e| e.to_string())?.port();
    std::env::set_var("FOLIO_SITE_URL", format!("http://127.0.0.1:{app_port}/"));
    build_release()?;
    let site = server::Site {
        dist: root().join("dist"),
        fixtures: Some(root().join("tests/fixtures")),
    };
    std::thread::spawn(move || server::serve_forever(listener, site));
    let driver_port = free_port()?;
    let driver = Command::new(CHROMEDRIVER)
        .arg(format!("--port={driver_port}"))
        .process_group(0)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot start {CHROMEDRIVER}: {e}"))?;
    let _driver = Guard(driver);
    wait_for_port(driver_port, "chromedriver")?;
    let artifacts = root().join("target/e2e-artifacts");
    std::fs::create_dir_all(&artifacts).map_err(|e| e.to_string())?;
    eprintln!(
        "xtask: app on http://127.0.0.1:{app_port}/, screenshots in {}",
        artifacts.display()
    );
    run_counted(
        Command::new("cargo")
            .args([
                "test",
                "--no-fail-fast",
                "-p",
                "folio-e2e",
                "--",
                "--test-threads=1",
            ])
            .env("FOLIO_URL", format!("http://127.0.0.1:{app_port}/"))
            .env("FOLIO_WEBDRIVER", format!("http://127.0.0.1:{driver_port}"))
            .env("FOLIO_ARTIFACTS", &artifacts)
            .current_dir(root()),
    )
}
