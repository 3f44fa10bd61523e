//! The browser engines the end-to-end suite runs in, each with the Debian packages that
//! bring it and the WebDriver server that drives it: Chromium through chromedriver, Firefox
//! ESR through geckodriver (from crates.io), WebKitGTK through WebKitWebDriver under Xvfb.

use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use super::e2e::{free_port, wait_for_port, Guard};
use super::scratch::Scratch;
use crate::tool_path;

/// A browser engine of the end-to-end suite.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    /// Blink, in Debian's Chromium.
    Chromium,
    /// Gecko, in Debian's Firefox ESR.
    Firefox,
    /// WebKit, in WebKitGTK's MiniBrowser.
    WebKit,
}

/// Every engine, in the order the suite runs in them.
pub const ENGINES: [Engine; 3] = [Engine::Chromium, Engine::Firefox, Engine::WebKit];

/// geckodriver's version, from crates.io.
pub const GECKODRIVER_VERSION: &str = "0.37.1";

impl Engine {
    /// The engine's name, as `FOLIO_ENGINE` and `--engine` spell it.
    pub fn name(self) -> &'static str {
        match self {
            Engine::Chromium => "chromium",
            Engine::Firefox => "firefox",
            Engine::WebKit => "webkit",
        }
    }

    /// The engine named `name`.
    pub fn named(name: &str) -> Result<Engine, String> {
        ENGINES
            .into_iter()
            .find(|e| e.name() == name)
            .ok_or_else(|| format!("no engine is named {name:?}: chromium, firefox or webkit"))
    }

    /// The files the engine needs from Debian, each with the package that brings it.
    pub fn debian_files(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Engine::Chromium => &[
                ("/usr/bin/chromium", "chromium"),
                ("/usr/bin/chromedriver", "chromium-driver"),
            ],
            Engine::Firefox => &[("/usr/bin/firefox-esr", "firefox-esr")],
            Engine::WebKit => &[
                ("/usr/bin/WebKitWebDriver", "webkit2gtk-driver"),
                ("/usr/bin/xvfb-run", "xvfb"),
                ("/usr/bin/xauth", "xauth"),
            ],
        }
    }

    /// Starts the engine's WebDriver server on a free port; it and every browser it
    /// started end with the guard.
    pub fn driver(self, scratch: &Path) -> Result<(Guard, u16), String> {
        let port = free_port()?;
        let mut xvfb = None;
        let mut cmd = match self {
            Engine::Chromium => {
                let mut c = Command::new(crate::setup::CHROMEDRIVER);
                c.arg(format!("--port={port}"));
                c
            }
            Engine::Firefox => {
                let mut c = Command::new("geckodriver");
                c.args(["--port", &port.to_string()])
                    .env("PATH", tool_path());
                c
            }
            // MiniBrowser is a window: Xvfb gives it a screen no one sees. xvfb-run keeps
            // Xvfb's authority file in its temporary folder for the server's whole life
            // (emptied away between test files, it left Xvfb refusing the next browser),
            // and removes it only if it ends by itself: stopped with its group, it left one
            // folder in `/tmp` per server. So it has a folder of the server's own, which
            // the guard removes once the group has ended.
            Engine::WebKit => {
                let folder = Scratch::new(&format!("xvfb-{port}"))?;
                let mut c = Command::new("xvfb-run");
                c.args(["-a", "-s", "-screen 0 1920x1200x24", "WebKitWebDriver"])
                    .arg(format!("--port={port}"))
                    .env("XDG_CONFIG_HOME", slim_toolbar()?);
                xvfb = Some(folder);
                c
            }
        };
        // The browsers' profiles go to the tier's scratch folder; WebKit's, with Xvfb's
        // authority file, to the server's own.
        cmd.env("TMPDIR", xvfb.as_ref().map_or(scratch, Scratch::path));
        let what = format!("{}'s WebDriver server", self.name());
        let child = cmd
            .process_group(0)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot start {what}: {e}"))?;
        let guard = Guard::new(child, xvfb);
        wait_for_port(port, &what)?;
        Ok((guard, port))
    }
}

/// A GTK configuration folder whose style sheet shrinks MiniBrowser's toolbar (it styles
/// the window's own widgets, not the page): otherwise the window is never narrower than
/// 447 px, and phone widths could not be tested in WebKit.
fn slim_toolbar() -> Result<PathBuf, String> {
    let dir = crate::root().join("target/webkit-gtk-config");
    std::fs::create_dir_all(dir.join("gtk-3.0")).map_err(|e| e.to_string())?;
    std::fs::write(
        dir.join("gtk-3.0/gtk.css"),
        "headerbar, toolbar, .toolbar, entry, button, box {\n  \
         min-width: 0; min-height: 0; padding: 0; margin: 0; border: 0; font-size: 1px;\n}\n",
    )
    .map_err(|e| format!("cannot write MiniBrowser's style sheet: {e}"))?;
    Ok(dir)
}

/// The engines' Debian packages that are missing, for `engines`.
pub fn missing_packages(engines: &[Engine]) -> Vec<&'static str> {
    let mut missing: Vec<&str> = engines
        .iter()
        .flat_map(|e| e.debian_files())
        .filter(|(file, _)| !Path::new(file).exists())
        .map(|(_, package)| *package)
        .collect();
    missing.dedup();
    missing
}
