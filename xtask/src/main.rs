//! Folio's project commands: `cargo xtask serve`, `cargo xtask test`, `cargo xtask bench`.
//! Each installs what it needs first, so a fresh machine needs nothing else.

mod bench;
mod budget;
mod compress;
mod csp;
mod hostile;
mod module;
mod names;
mod offline;
mod pages;
mod server;
mod setup;
mod tiers;
mod trim;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  serve [--port N]   install what is missing, build the release app, and serve it with the
                     sample bundles on http://127.0.0.1:8080, and a partner's page
                     embedding the sample article on the next port (8081)
  test               install what is missing and run every test tier
  e2e [--engine E] [FILE...]
                     only the end-to-end tiers (release build, server, WebDriver), in
                     Chromium, Firefox and WebKit, or only in engine E (chromium, firefox,
                     webkit); with names, only those files of tests/e2e/tests/ (such as
                     long_article)
  nginx              only the nginx tier: deploy/nginx.conf serving a release build
  build              install what is missing and build the release app into dist/, with a
                     static page for every article (FOLIO_SITE_URL=https://… gives pages
                     absolute canonical and OpenGraph addresses)
  render BUNDLE OUT  build the app, then write into OUT a site with the bundle folder BUNDLE
                     and its static page at OUT/articles/ID/index.html
  budget             only the size budget (tests/size-budget.json), on the existing dist/
  bench              build the release app and measure it: bytes, cold load, Lighthouse,
                     long articles, memory; a Markdown table, and JSON in target/bench/
  setup              only install what is missing
  serve-dist DIR PORT  (for the offline tests) serve the built site DIR on 127.0.0.1:PORT
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve(&args[1..]),
        Some("test") => tiers::run_all(),
        Some("e2e") => setup::all(setup::Needs::TEST).and_then(|_| end_to_end(&args[1..])),
        Some("nginx") => setup::all(setup::Needs::TEST).and_then(|_| tiers::nginx()),
        Some("bench") => bench::run(),
        Some("budget") => budget::tier(),
        Some("build") => setup::all(setup::Needs::BUILD).and_then(|_| build_release()),
        Some("render") => pages::render(&args[1..]),
        Some("setup") => setup::all(setup::Needs::TEST),
        Some("serve-dist") => serve_dist(&args[1..]),
        _ => {
            eprint!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("\nxtask: {message}");
            ExitCode::FAILURE
        }
    }
}

/// `cargo xtask e2e [--engine E] [FILE...]`: the end-to-end suite in each engine, or in E.
fn end_to_end(args: &[String]) -> Outcome {
    let (engines, files) = match args {
        [flag, name, files @ ..] if flag == "--engine" => {
            (vec![tiers::Engine::named(name)?], files)
        }
        files => (tiers::ENGINES.to_vec(), files),
    };
    let failed: Vec<String> = engines
        .into_iter()
        .filter_map(|engine| tiers::end_to_end(engine, files).err())
        .collect();
    if failed.is_empty() {
        Ok(())
    } else {
        Err(failed.join("; "))
    }
}

/// A failure, as the words to show the developer.
pub type Outcome = Result<(), String>;

/// The repository's root folder.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

/// Runs `cmd`, echoing it first, and fails with its exit status.
pub fn run(cmd: &mut Command) -> Outcome {
    eprintln!("$ {}", describe(cmd));
    let status = cmd
        .status()
        .map_err(|e| format!("could not start `{}`: {e}", describe(cmd)))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{}` failed ({status})", describe(cmd)))
    }
}

/// The command line, for messages.
pub fn describe(cmd: &Command) -> String {
    std::iter::once(cmd.get_program())
        .chain(cmd.get_args())
        .map(|s| s.to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// PATH with npm's binaryen (the wasm-opt Trunk must use) and cargo's bin folder first.
pub fn tool_path() -> String {
    let mut parts = vec![root().join("node_modules/.bin").display().to_string()];
    if let Some(home) = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".cargo")))
    {
        parts.push(home.join("bin").display().to_string());
    }
    parts.push(std::env::var("PATH").unwrap_or_default());
    parts.join(":")
}

/// Builds the release app into `dist/` with Trunk, offline, using npm's wasm-opt; then writes
/// brotli and gzip copies beside each text asset for the server to send.
pub fn build_release() -> Outcome {
    build_release_into(&root().join("dist"))
}

/// [`build_release`] into another folder (the bench's own, so other builds cannot change it).
pub fn build_release_into(dist: &Path) -> Outcome {
    build_app_into(dist)?;
    offline::write_icons(dist)?;
    pages::publish_site(dist)?;
    let version = offline::write_service_worker(dist)?;
    eprintln!("xtask: wrote sw.js: the service worker of shell version {version}");
    write_headers(dist)?;
    let count = compress::precompress(dist)?;
    eprintln!(
        "xtask: wrote .br and .gz beside {count} files in {}",
        dist.display()
    );
    Ok(())
}

/// Writes the build's headers for static hosts and nginx (`_headers`, `_nginx.conf`), and
/// says what the policy could not allow.
pub fn write_headers(dist: &Path) -> Outcome {
    let written =
        csp::write_host_files(dist, &pages::site_path()).map_err(|e| format!("the CSP: {e}"))?;
    eprintln!(
        "xtask: wrote {} and {}: a Content-Security-Policy with {} script and {} style hashes",
        csp::HEADERS_FILE,
        csp::NGINX_FILE,
        written.inline.scripts.len(),
        written.inline.styles.len()
    );
    if let Some(first) = written.inline.blocked.first() {
        eprintln!(
            "xtask: warning: the policy blocks {} inline attribute(s) in the static pages, \
             such as {first}",
            written.inline.blocked.len()
        );
    }
    for warning in &written.warnings {
        eprintln!("xtask: warning: {warning}");
    }
    Ok(())
}

/// The app alone, as Trunk builds it, with its inlined CSS trimmed (`trim`) and the module
/// named by its final bytes (`names`): `index.html` is still the template of every page.
pub fn build_app_into(dist: &Path) -> Outcome {
    run(Command::new("cargo").arg("fetch").current_dir(root()))?;
    run(Command::new("trunk")
        .args(["build", "--release", "--offline=true", "--dist"])
        .arg(dist)
        .env("PATH", tool_path())
        .current_dir(root()))?;
    let index = dist.join("index.html");
    let html = std::fs::read_to_string(&index)
        .map_err(|e| format!("cannot read {}: {e}", index.display()))?;
    // Trunk's preloads name its own script and module by hash (`integrity`), which Folio's
    // build of the module replaces: a page that kept them would be refused its script.
    let html = folio::publish::without_preloads(&trim::trim_inline_styles(&html));
    std::fs::write(&index, html).map_err(|e| format!("cannot write {}: {e}", index.display()))?;
    let parts = module::build_into(dist)?;
    let (_, module) = names::name_by_content(dist)?;
    eprintln!("xtask: built the module {module}_bg.wasm and its parts {parts:?}");
    Ok(())
}

/// `cargo xtask serve-dist DIR PORT`: the static server on a built site, in the foreground,
/// so a test can stop it (the server gone) and start it again on the same address.
fn serve_dist(args: &[String]) -> Outcome {
    let [dir, port] = args else {
        return Err(format!("usage: cargo xtask serve-dist DIR PORT\n{USAGE}"));
    };
    let port: u16 = port
        .parse()
        .map_err(|_| format!("not a port number: {port}"))?;
    let listener = std::net::TcpListener::bind(("127.0.0.1", port))
        .map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e}"))?;
    let site = server::Site {
        dist: PathBuf::from(dir),
        fixtures: None,
        partners: Vec::new(),
    };
    server::serve_forever(listener, site).map_err(|e| e.to_string())
}

fn serve(args: &[String]) -> Outcome {
    let port = match args {
        [] => 8080,
        [flag, n] if flag == "--port" => {
            n.parse().map_err(|_| format!("not a port number: {n}"))?
        }
        _ => return Err(format!("unexpected arguments: {}\n{USAGE}", args.join(" "))),
    };
    setup::all(setup::Needs::BUILD)?;
    let app_url = format!("http://127.0.0.1:{port}/");
    if std::env::var_os("FOLIO_SITE_URL").is_none() {
        std::env::set_var("FOLIO_SITE_URL", &app_url);
    }
    build_release()?;
    let dist = root().join("dist");
    let listener = std::net::TcpListener::bind(("127.0.0.1", port))
        .map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e}"))?;
    // The partner demo page, on the next port: another origin, which may frame the app.
    let partner_port = port.checked_add(1).ok_or("no port after 65535")?;
    let partner_url = format!("http://127.0.0.1:{partner_port}/");
    let partner_listener = std::net::TcpListener::bind(("127.0.0.1", partner_port))
        .map_err(|e| format!("cannot listen on 127.0.0.1:{partner_port}: {e}"))?;
    let demo = server::partner::page(&app_url, &dist, budget::SAMPLE_ARTICLE, None)?;
    server::partner::start(partner_listener, demo);
    let site = server::Site {
        dist,
        fixtures: None,
        partners: vec![partner_url.trim_end_matches('/').to_owned()],
    };
    println!("\nFolio is running at {app_url}  (Ctrl-C to stop)");
    println!("A partner's page embedding the sample article: {partner_url}");
    server::serve_forever(listener, site).map_err(|e| e.to_string())
}
