//! `cargo xtask test`: every test tier in order, each named as it starts.
//! 1. native `cargo test`; 2. schema checks; 3. `wasm-bindgen-test` in headless Chromium;
//! 4. end-to-end reader journeys through WebDriver against the release build on a real server;
//! 5. the size budget of that release build (`tests/size-budget.json`).

use std::net::TcpStream;
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::setup::{self, CHROMEDRIVER};
use crate::{build_release, root, run, server, tool_path, Outcome};

thread_local! {
    /// Tests passed and failed so far, summed from every `cargo test` run's result lines.
    static TOTALS: std::cell::Cell<(u64, u64)> = const { std::cell::Cell::new((0, 0)) };
}

/// Adds tests run outside `cargo test` (the size budget's checks) to [`TOTALS`].
pub fn count(passed: usize, failed: usize) {
    TOTALS.with(|t| t.set((t.get().0 + passed as u64, t.get().1 + failed as u64)));
}

/// Runs a `cargo test` command, echoing its output and adding its result lines to [`TOTALS`].
fn run_counted(cmd: &mut Command) -> Outcome {
    use std::io::BufRead;
    eprintln!("$ {}", crate::describe(cmd));
    let mut child = cmd
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("could not start `{}`: {e}", crate::describe(cmd)))?;
    if let Some(out) = child.stdout.take() {
        for line in std::io::BufReader::new(out).lines().map_while(Result::ok) {
            println!("{line}");
            if let Some(rest) = line.strip_prefix("test result: ") {
                let count = |word: &str| {
                    rest.split(';').find_map(|part| {
                        part.trim()
                            .trim_start_matches("ok. ")
                            .trim_start_matches("FAILED. ")
                            .strip_suffix(word)
                            .and_then(|n| n.trim().parse::<u64>().ok())
                    })
                };
                let (p, f) = (count(" passed").unwrap_or(0), count(" failed").unwrap_or(0));
                TOTALS.with(|t| t.set((t.get().0 + p, t.get().1 + f)));
            }
        }
    }
    let status = child.wait().map_err(|e| e.to_string())?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{}` failed ({status})", crate::describe(cmd)))
    }
}

/// Runs every tier; stops at the first that fails.
pub fn run_all() -> Outcome {
    setup::all(setup::Needs::TEST)?;
    tier("native tests", native)?;
    tier("manifest schemas", schemas)?;
    tier(
        "browser component tests (wasm-bindgen-test, headless Chromium)",
        wasm,
    )?;
    tier(
        "end-to-end reader journeys (WebDriver, release build)",
        end_to_end,
    )?;
    // The last tier: its checks are counted, and the totals printed, whether they pass or not.
    let budget = tier(
        "size budget (brotli, the release build above)",
        crate::budget::tier,
    );
    if budget.is_ok() {
        eprintln!("\nxtask: every tier passed");
    }
    let (passed, failed) = TOTALS.with(|t| t.get());
    println!("tests: {passed} passed, {failed} failed");
    budget
}

fn tier(name: &str, f: fn() -> Outcome) -> Outcome {
    eprintln!("\n==== {name} ====");
    f().map_err(|e| format!("{name}: {e}"))
}

fn native() -> Outcome {
    run_counted(
        Command::new("cargo")
            .args([
                "test",
                "--workspace",
                "--exclude",
                "folio-e2e",
                "--lib",
                "--bins",
                "--tests",
            ])
            .current_dir(root()),
    )
}

fn schemas() -> Outcome {
    let venv = root().join("target/py");
    let python = venv.join("bin/python");
    let works = |args: &[&str]| {
        Command::new(&python)
            .args(args)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    };
    if !works(&["-m", "pip", "--version"]) {
        // A half-made environment (say, before python3-venv was installed) is made again.
        run(Command::new("python3")
            .args(["-m", "venv", "--clear"])
            .arg(&venv))
        .map_err(|e| {
            format!(
                "{e}
Python's venv module is needed: `apt-get install -y python3-venv`"
            )
        })?;
    }
    if !works(&["-c", "import jsonschema"]) {
        run(Command::new(&python).args(["-m", "pip", "install", "--quiet", "jsonschema==4.23.0"]))?;
    }
    run(Command::new(&python)
        .arg("tools/check-schemas.py")
        .current_dir(root()))
}

/// Only the test targets written for the browser: the rest use threads and files,
/// which wasm32 in a browser does not have.
fn wasm() -> Outcome {
    for (package, target) in [
        ("folio", "components"),
        ("folio", "read_aloud"),
        ("folio", "reading_panel"),
        ("folio-bundle", "wasm_depth"),
    ] {
        run_counted(
            Command::new("cargo")
                .args([
                    "test",
                    "--target",
                    "wasm32-unknown-unknown",
                    "-p",
                    package,
                    "--test",
                    target,
                ])
                // The viewer's browser build: its effects and events run.
                .args(if package == "folio" {
                    &["--features", "csr"][..]
                } else {
                    &[]
                })
                .env("CHROMEDRIVER", CHROMEDRIVER)
                .env("PATH", tool_path())
                .current_dir(root()),
        )?;
    }
    Ok(())
}

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
