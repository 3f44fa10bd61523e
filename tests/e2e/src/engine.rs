//! The three browser engines the suite runs in: Chromium (Blink), Firefox ESR (Gecko) and
//! WebKitGTK's MiniBrowser (WebKit), each through its own WebDriver server, and the reader's
//! settings a test can ask each of them for. `cargo xtask test` sets `FOLIO_ENGINE`.

use std::path::PathBuf;

use serde_json::{json, Map, Value};

/// A browser engine, with the Debian package that brings it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    /// Debian's Chromium, through chromedriver.
    Chromium,
    /// Debian's Firefox ESR, through geckodriver.
    Firefox,
    /// WebKitGTK's MiniBrowser, through WebKitWebDriver under Xvfb.
    WebKit,
}

/// A setting of the reader's browser or system that a test starts the browser with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Setting {
    /// The system asks for a dark colour scheme.
    DarkMode,
    /// The system asks for reduced motion.
    ReducedMotion,
    /// The system forces its own high-contrast colours (`forced-colors: active`).
    ForcedColours,
    /// JavaScript is turned off for pages (WebDriver's own scripts still run).
    NoJavaScript,
    /// The browser accepts no cookies and keeps no site storage.
    NoCookies,
    /// The browser keeps no page in its back-forward cache.
    NoBackForwardCache,
    /// The browser's default font size, in CSS pixels (16 unless the reader changed it).
    FontSize(u32),
    /// The browser's profile lives in this folder, kept between sessions.
    Profile(PathBuf),
    /// The reader's languages, most wanted first, as `Accept-Language` lists them
    /// (`navigator.languages`), such as `fa,en`.
    Languages(&'static str),
}

impl Engine {
    /// The engine this run of the suite drives (`FOLIO_ENGINE`, Chromium when unset).
    pub fn current() -> Engine {
        match std::env::var("FOLIO_ENGINE").as_deref() {
            Ok("firefox") => Engine::Firefox,
            Ok("webkit") => Engine::WebKit,
            _ => Engine::Chromium,
        }
    }

    /// The engine's name, as `FOLIO_ENGINE` spells it.
    pub fn name(self) -> &'static str {
        match self {
            Engine::Chromium => "chromium",
            Engine::Firefox => "firefox",
            Engine::WebKit => "webkit",
        }
    }

    /// Why this engine cannot be started with `setting`, if it cannot.
    pub fn lacks(self, setting: &Setting) -> Option<&'static str> {
        match (self, setting) {
            (Engine::WebKit, Setting::ReducedMotion) => {
                Some("WebKitGTK's MiniBrowser has no way to ask for reduced motion")
            }
            (Engine::WebKit, Setting::ForcedColours) => {
                Some("WebKitGTK has no forced-colours mode")
            }
            (Engine::WebKit, Setting::FontSize(_)) => {
                Some("WebKitGTK's MiniBrowser cannot change its default font size")
            }
            (Engine::WebKit, Setting::NoCookies) => Some(
                "WebKitGTK's MiniBrowser refuses cookies but still gives pages their localStorage",
            ),
            (Engine::WebKit, Setting::Profile(_)) => {
                Some("WebKitWebDriver starts MiniBrowser with a profile of its own")
            }
            (Engine::WebKit, Setting::Languages(_)) => Some(
                "WebKitGTK's MiniBrowser takes the reader's languages from the system locale \
                 its WebDriver server started with, and no capability changes them",
            ),
            _ => None,
        }
    }

    /// The WebDriver capabilities that start this engine with a `width`×`height` viewport
    /// and `settings`, every one of which it has (`lacks` says none is missing).
    pub fn capabilities(self, width: u32, height: u32, settings: &[Setting]) -> Map<String, Value> {
        let caps = match self {
            Engine::Chromium => chromium(width, height, settings),
            Engine::Firefox => firefox(width, height, settings),
            Engine::WebKit => webkit(settings),
        };
        let Value::Object(mut caps) = caps else {
            unreachable!("capabilities are a JSON object")
        };
        // A page that never finishes loading fails its test within a minute rather than
        // the drivers' five; scripts get the standard thirty seconds.
        caps.insert(
            "timeouts".into(),
            serde_json::json!({ "script": 30_000, "pageLoad": 60_000, "implicit": 0 }),
        );
        caps
    }
}

fn chromium(width: u32, height: u32, settings: &[Setting]) -> Value {
    let mut args = vec![
        "--headless=new".to_owned(),
        "--no-sandbox".into(),
        "--disable-gpu".into(),
        "--disable-quic".into(),
        "--disable-background-networking".into(),
        "--disable-component-update".into(),
        "--disable-sync".into(),
        "--no-first-run".into(),
        "--hide-scrollbars".into(),
        format!("--window-size={width},{height}"),
    ];
    let mut prefs = Map::new();
    for setting in settings {
        match setting {
            Setting::DarkMode => args.push("--force-dark-mode".into()),
            Setting::ReducedMotion => args.push("--force-prefers-reduced-motion".into()),
            Setting::ForcedColours => args.push("--force-high-contrast".into()),
            Setting::NoBackForwardCache => {
                args.push("--disable-features=BackForwardCache".into());
            }
            Setting::Profile(dir) => args.push(format!("--user-data-dir={}", dir.display())),
            Setting::Languages(list) => {
                args.push(format!("--accept-lang={list}"));
                prefs.insert("intl.accept_languages".into(), json!(list));
            }
            Setting::FontSize(px) => {
                prefs.insert(
                    "webkit".into(),
                    json!({ "webprefs": { "default_font_size": px } }),
                );
            }
            Setting::NoJavaScript => {
                prefs.insert(
                    "profile.managed_default_content_settings.javascript".into(),
                    json!(2),
                );
            }
            Setting::NoCookies => {
                prefs.insert(
                    "profile".into(),
                    json!({ "default_content_setting_values": { "cookies": 2 } }),
                );
            }
        }
    }
    json!({
        "browserName": "chrome",
        "goog:chromeOptions": {
            "binary": "/usr/bin/chromium",
            "args": args,
            "prefs": prefs,
            // A headless window is never narrower than 500 px, so phone widths are set as
            // ChromeDriver's device metrics (a capability, not a CDP call).
            "mobileEmulation": { "deviceMetrics": { "width": width, "height": height, "pixelRatio": 1.0, "touch": false } }
        },
        "goog:loggingPrefs": { "browser": "ALL" }
    })
}

fn firefox(width: u32, height: u32, settings: &[Setting]) -> Value {
    let profile = settings
        .iter()
        .find_map(|s| match s {
            Setting::Profile(dir) => Some(dir.clone()),
            _ => None,
        })
        .unwrap_or_else(fresh_folder);
    let args = vec![
        "-headless".to_owned(),
        format!("--width={width}"),
        format!("--height={height}"),
        "-profile".into(),
        slim_window(&profile),
    ];
    // Scrollbars take no room, as on a phone and as in the other engines' runs; the
    // profile's own style sheet lets the window be as narrow as a phone.
    let mut prefs = json!({
        "ui.useOverlayScrollbars": 1,
        "toolkit.legacyUserProfileCustomizations.stylesheets": true,
    });
    for setting in settings {
        let (name, value) = match setting {
            Setting::DarkMode => ("layout.css.prefers-color-scheme.content-override", json!(0)),
            Setting::ReducedMotion => ("ui.prefersReducedMotion", json!(1)),
            Setting::ForcedColours => ("browser.display.document_color_use", json!(2)),
            Setting::NoJavaScript => ("javascript.enabled", json!(false)),
            Setting::NoCookies => ("network.cookie.cookieBehavior", json!(2)),
            Setting::NoBackForwardCache => ("browser.sessionhistory.max_total_viewers", json!(0)),
            Setting::FontSize(px) => {
                prefs["font.size.variable.x-cyrillic"] = json!(px);
                ("font.size.variable.x-western", json!(px))
            }
            Setting::Languages(list) => ("intl.accept_languages", json!(list)),
            Setting::Profile(_) => continue,
        };
        prefs[name] = value;
    }
    json!({
        "browserName": "firefox",
        "moz:firefoxOptions": { "binary": "/usr/bin/firefox-esr", "args": args, "prefs": prefs }
    })
}

/// A new empty folder for one Firefox session's profile.
fn fresh_folder() -> PathBuf {
    static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("folio-firefox-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// Gives the Firefox profile in `dir` a style sheet for the browser's own window that lets
/// it be narrower than its usual 500 px, so that phone widths can be tested; returns the
/// folder's path for `-profile`.
fn slim_window(dir: &std::path::Path) -> String {
    let chrome = dir.join("chrome");
    std::fs::create_dir_all(&chrome)
        .and_then(|_| {
            std::fs::write(
                chrome.join("userChrome.css"),
                ":root, toolbar, #navigator-toolbox, #nav-bar, #TabsToolbar, #urlbar-container, \
                 #urlbar { min-width: 0 !important; }\n",
            )
        })
        .unwrap_or_else(|e| panic!("cannot write Firefox's profile in {}: {e}", dir.display()));
    dir.display().to_string()
}

fn webkit(settings: &[Setting]) -> Value {
    let mut args = vec!["--automation".to_owned()];
    for setting in settings {
        match setting {
            Setting::DarkMode => args.push("--dark-mode".into()),
            Setting::NoJavaScript => args.push("--enable-javascript=false".into()),
            Setting::NoBackForwardCache => args.push("--enable-page-cache=false".into()),
            // `lacks` names these.
            Setting::ReducedMotion
            | Setting::NoCookies
            | Setting::ForcedColours
            | Setting::FontSize(_)
            | Setting::Languages(_)
            | Setting::Profile(_) => {}
        }
    }
    json!({
        "browserName": "MiniBrowser",
        "webkitgtk:browserOptions": {
            "binary": "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser",
            "args": args
        }
    })
}

/// Records that `test` did not run in the current engine, and why, in the artifacts folder's
/// `not-run-ENGINE.txt`, which `cargo xtask test` lists after the engine's run, so that no
/// test is skipped silently. Returns true when the test should stop here.
pub fn not_run(test: &str, why: &str) -> bool {
    let engine = Engine::current();
    let dir = crate::artifacts();
    std::fs::create_dir_all(&dir).ok();
    let line = format!("{test}: {why}\n");
    use std::io::Write;
    let written = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(dir.join(format!("not-run-{}.txt", engine.name())))
        .and_then(|mut f| f.write_all(line.as_bytes()));
    written.unwrap_or_else(|e| panic!("cannot record that {test} did not run: {e}"));
    eprintln!("not run in {}: {line}", engine.name());
    true
}
