//! Installs what the commands need, each only when missing: the wasm32 target, Trunk,
//! the wasm-bindgen-cli matching Cargo.lock, npm packages, geckodriver, and Debian's
//! browsers (Chromium, Firefox ESR, WebKitGTK).

use std::path::Path;
use std::process::Command;

use crate::{root, run, Outcome};

/// Trunk's version: 0.22 needs a newer rustc than this project's machines have.
const TRUNK_VERSION: &str = "0.21.14";

/// Which tools a command needs.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Needs {
    browser: bool,
}

impl Needs {
    /// Building and serving the app.
    pub const BUILD: Needs = Needs { browser: false };
    /// Running every test tier, which needs a browser too.
    pub const TEST: Needs = Needs { browser: true };
}

/// Installs everything `needs` names that is missing.
pub fn all(needs: Needs) -> Outcome {
    wasm_target()?;
    npm_packages()?;
    cargo_tool("trunk", "trunk", TRUNK_VERSION, true)?;
    // With --locked the install fails here: one locked dependency is missing from the index.
    cargo_tool(
        "wasm-bindgen",
        "wasm-bindgen-cli",
        &locked_version("wasm-bindgen")?,
        false,
    )?;
    if needs.browser {
        browsers()?;
        cargo_tool(
            "geckodriver",
            "geckodriver",
            crate::tiers::GECKODRIVER_VERSION,
            true,
        )?;
    }
    Ok(())
}

fn output(cmd: &mut Command) -> Option<String> {
    let out = cmd.output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

fn wasm_target() -> Outcome {
    let installed = output(Command::new("rustup").args(["target", "list", "--installed"])).ok_or(
        "rustup is needed: install Rust with rustup (https://rustup.rs), then run this again",
    )?;
    if installed
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        return Ok(());
    }
    run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
}

/// The version of `package` in Cargo.lock.
pub fn locked_version(package: &str) -> Result<String, String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    let needle = format!("name = \"{package}\"\nversion = \"");
    let start = lock
        .find(&needle)
        .ok_or_else(|| format!("{package} is not in Cargo.lock"))?
        + needle.len();
    let end = lock[start..].find('"').ok_or("Cargo.lock is malformed")?;
    Ok(lock[start..start + end].to_owned())
}

fn cargo_tool(bin: &str, krate: &str, version: &str, locked: bool) -> Outcome {
    let current = output(
        Command::new(bin)
            .arg("--version")
            .env("PATH", crate::tool_path()),
    );
    if current
        .as_deref()
        .is_some_and(|v| v.split_whitespace().nth(1) == Some(version))
    {
        return Ok(());
    }
    eprintln!("xtask: installing {krate} {version} (takes several minutes once)");
    let mut cmd = Command::new("cargo");
    cmd.args(["install", krate, "--version", &format!("={version}")]);
    if locked {
        cmd.arg("--locked");
    }
    run(&mut cmd)
}

fn npm_packages() -> Outcome {
    let root = root();
    let stamp = root.join("node_modules/.package-lock.json");
    let fresh = modified(&stamp)
        .zip(modified(&root.join("package-lock.json")))
        .is_some_and(|(a, b)| a >= b);
    if fresh {
        return Ok(());
    }
    if output(Command::new("npm").arg("--version")).is_none() {
        return Err(
            "npm is needed: `apt-get install -y nodejs npm` (Node.js 20), then run this again"
                .into(),
        );
    }
    run(Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund"])
        .current_dir(&root))
}

fn modified(path: &Path) -> Option<std::time::SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// Debian's Chromium, used headless by the browser tests and the bench.
pub const CHROMIUM: &str = "/usr/bin/chromium";
/// Debian's ChromeDriver.
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// The three engines' browsers and WebDriver servers from Debian, installed as root, or
/// else the command that installs them.
fn browsers() -> Outcome {
    let missing = crate::tiers::missing_packages(&crate::tiers::ENGINES);
    if missing.is_empty() {
        return Ok(());
    }
    let packages = missing.join(" ");
    let is_root = output(Command::new("id").arg("-u")).is_some_and(|u| u.trim() == "0");
    if !is_root {
        return Err(format!("the browser tests run in Chromium, Firefox and WebKit, from Debian's packages. Run:\n\n    sudo apt-get update && sudo apt-get install -y {packages}\n\nthen run `cargo xtask test` again."));
    }
    run(Command::new("apt-get").arg("update"))?;
    run(Command::new("apt-get")
        .args(["install", "-y"])
        .args(&missing))
}
