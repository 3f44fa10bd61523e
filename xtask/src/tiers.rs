//! `cargo xtask test`: every test tier in order, each named as it starts.
//! 0. the house's own checks (`cargo fmt --check`, `cargo clippy -D warnings`);
//! 1. native `cargo test`; 2. schema checks; 3. `wasm-bindgen-test` in headless Chromium;
//! 4. end-to-end reader journeys through WebDriver against the release build on a real server,
//!    with no Content-Security-Policy violation reported, in Chromium, then 5. Firefox ESR
//!    and 6. WebKitGTK; 7. `deploy/nginx.conf` serving a release build: header checks and
//!    the journeys that need no test paths; 8. the size budget of that release build
//!    (`tests/size-budget.json`).
//!
//! No tier can pass empty: each has a committed floor of tests (`tests/tier-floors.json`)
//! and fails below it, on a run that printed no result line, and on an ignored test that
//! gives no reason. Every tier runs even when one before it failed, and the closing line
//! `tests: N passed, N failed` always prints, a failed tier counting as a failure.

mod count;
mod disk;
pub mod e2e;
mod engine;
mod nginx;
pub mod scratch;
mod watchdog;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Stdio};

pub use self::count::count;
use self::count::{floors, judge, run_counted, run_counted_as, run_counted_within, Counted, Ran};
pub use self::e2e::end_to_end;
pub use self::engine::{missing_packages, Engine, ENGINES, GECKODRIVER_VERSION};
pub use self::nginx::nginx;
use crate::setup::{self, CHROMEDRIVER};
use crate::{root, run, tool_path, Outcome};

/// A tier: its key in the floors file, its name, and what runs it.
type Tier = (&'static str, &'static str, fn() -> Outcome);

/// Every tier, in order.
const TIERS: [Tier; 9] = [
    ("checks", "the house's own checks (rustfmt, clippy)", checks),
    ("native", "native tests", native),
    ("schemas", "manifest schemas", schemas),
    (
        "wasm",
        "browser component tests (wasm-bindgen-test, headless Chromium)",
        wasm,
    ),
    (
        "e2e",
        "end-to-end reader journeys in Chromium (WebDriver, release build)",
        || end_to_end(Engine::Chromium, &[]),
    ),
    (
        "e2e-firefox",
        "end-to-end reader journeys in Firefox ESR (WebDriver, release build)",
        || end_to_end(Engine::Firefox, &[]),
    ),
    (
        "e2e-webkit",
        "end-to-end reader journeys in WebKitGTK (WebDriver, release build)",
        || end_to_end(Engine::WebKit, &[]),
    ),
    (
        "nginx",
        "deploy/nginx.conf serving a release build (headers, journeys)",
        nginx,
    ),
    (
        "budget",
        "size budget (brotli, the release build above)",
        crate::budget::tier,
    ),
];

/// Runs every tier, even after one fails, then prints the closing count.
pub fn run_all() -> Outcome {
    disk::warn_if_short(&root().join("target"));
    let outcome = setup::all(setup::Needs::TEST)
        .and_then(|_| floors())
        .map(|floors| {
            TIERS
                .iter()
                .map(|(key, name, f)| tier(key, name, *f, &floors))
                .collect::<Vec<_>>()
        });
    let results = match outcome {
        Ok(results) => results,
        Err(e) => vec![(Counted::default(), Err(e))],
    };
    let passed: u64 = results.iter().map(|(c, _)| c.passed).sum();
    // A tier that failed counts at least once, even if it failed before counting anything.
    let failed: u64 = results
        .iter()
        .map(|(c, r)| {
            if r.is_err() {
                c.failed.max(1)
            } else {
                c.failed
            }
        })
        .sum();
    let errors: Vec<String> = results.into_iter().filter_map(|(_, r)| r.err()).collect();
    if errors.is_empty() {
        eprintln!("\nxtask: every tier passed");
    } else {
        eprintln!("\nxtask: {} tier(s) failed:", errors.len());
        for e in &errors {
            eprintln!("  - {e}");
        }
    }
    println!("tests: {passed} passed, {failed} failed");
    if errors.is_empty() {
        Ok(())
    } else {
        Err(format!("{} tier(s) failed", errors.len()))
    }
}

fn tier(
    key: &str,
    name: &str,
    f: fn() -> Outcome,
    floors: &BTreeMap<String, u64>,
) -> (Counted, Outcome) {
    eprintln!("\n==== {name} ====");
    count::reset();
    let ran = f();
    let counted = count::current();
    let floor = floors.get(key).copied().unwrap_or(1);
    let outcome = ran
        .map_err(|e| match disk::full_disk_note(&root().join("target")) {
            Some(note) => format!("{name}: {e} ({note})"),
            None => format!("{name}: {e}"),
        })
        .and_then(|_| judge(name, counted, floor));
    eprintln!(
        "xtask: {name}: {} passed, {} failed, {} ignored (floor {floor}){}",
        counted.passed,
        counted.failed,
        counted.ignored,
        if outcome.is_ok() { "" } else { ": FAILED" }
    );
    (counted, outcome)
}

/// Tier 0: formatting and lints, as the workspace's `[workspace.lints]` sets them. Each
/// command counts as one check.
fn checks() -> Outcome {
    let commands: [&[&str]; 3] = [
        &["fmt", "--all", "--check"],
        &[
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ],
        // The browser build of the viewer, which the native build does not compile, with
        // the release build's parts (`split`, which includes `csr`).
        &[
            "clippy",
            "-p",
            "folio",
            "--target",
            "wasm32-unknown-unknown",
            "--features",
            "split",
            "--lib",
            "--bins",
            "--",
            "-D",
            "warnings",
        ],
    ];
    let mut failures = Vec::new();
    for args in commands {
        match run(Command::new("cargo").args(args).current_dir(root())) {
            Ok(()) => count(1, 0),
            Err(e) => {
                count(0, 1);
                failures.push(e);
            }
        }
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(failures.join("; "))
    }
}

fn native() -> Outcome {
    // The folders the tests make for themselves (`Scratch`), gone with the tier.
    let scratch = scratch::Scratch::new("native")?;
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
            .env("TMPDIR", scratch.path())
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
    run_counted_as(
        Command::new(&python)
            .arg("tools/check-schemas.py")
            .current_dir(root()),
        "schemas: ",
    )
}

/// The test targets written for the browser, found by their
/// `wasm_bindgen_test_configure!(run_in_browser)`: `(package, target)` pairs. The rest use
/// threads and files, which wasm32 in a browser does not have.
pub fn browser_test_targets(root: &Path) -> Result<Vec<(String, String)>, String> {
    let mut found = Vec::new();
    for (package, dir) in [("folio", "tests"), ("folio-bundle", "crates/bundle/tests")] {
        let entries = std::fs::read_dir(root.join(dir)).map_err(|e| format!("{dir}: {e}"))?;
        for entry in entries.flatten() {
            let path = entry.path();
            let is_rust = path.extension().is_some_and(|e| e == "rs");
            let text = if is_rust {
                std::fs::read_to_string(&path).unwrap_or_default()
            } else {
                continue;
            };
            if text.contains("wasm_bindgen_test_configure!(run_in_browser)") {
                let stem = path.file_stem().unwrap_or_default().to_string_lossy();
                found.push((package.to_owned(), stem.into_owned()));
            }
        }
    }
    found.sort();
    Ok(found)
}

/// The longest one browser test target may take, its build included (the first builds the
/// viewer for wasm: about five minutes on two cores), before it is stopped as stuck.
const WASM_TARGET_LIMIT: std::time::Duration = std::time::Duration::from_secs(20 * 60);

fn wasm() -> Outcome {
    let targets = browser_test_targets(&root())?;
    if targets.is_empty() {
        return Err("no browser test targets found".into());
    }
    let mut failures = Vec::new();
    // ChromeDriver's profiles (`Scratch`), cleared after each target.
    let scratch = scratch::Scratch::new("wasm")?;
    for (package, target) in targets {
        let ran = run_counted_within(
            Command::new("cargo")
                .args(["test", "--target", "wasm32-unknown-unknown", "-p", &package])
                .args(["--test", &target])
                // The viewer's browser build: its effects and events run.
                .args(if package == "folio" {
                    &["--features", "csr"][..]
                } else {
                    &[]
                })
                .env("CHROMEDRIVER", CHROMEDRIVER)
                .env("PATH", tool_path())
                .env("TMPDIR", scratch.path())
                .current_dir(root()),
            WASM_TARGET_LIMIT,
            &|| None,
        )?;
        scratch.clear()?;
        match ran {
            Ran::Finished(Ok(())) => {}
            Ran::Finished(Err(e)) => failures.push(e),
            Ran::Stopped(why) => {
                count(0, 1);
                failures.push(format!("{target} was stopped: {why}"));
            }
        }
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(failures.join("; "))
    }
}
