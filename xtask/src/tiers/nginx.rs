//! The nginx tier: `deploy/nginx.conf`, as shipped, serving a release build built for its
//! port. nginx runs as this user's own foreground process (`nginx -c CONF -p PREFIX`, with
//! its pid, logs and temporary files under `target/nginx-run/`), on a free loopback port;
//! then the header checks (`checks`) and the end-to-end journeys that need neither
//! fixtures nor test paths run against it. Debian's `nginx` and
//! `libnginx-mod-http-brotli-static` must be installed; without them the tier fails and
//! says so.

mod checks;

use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use super::count::count;
use super::e2e::{free_port, suite, wait_for_port};
use crate::{build_release_into, describe, root, Outcome};

/// Debian's nginx.
const NGINX: &str = "/usr/sbin/nginx";
/// Debian's brotli_static module for it.
const BROTLI_MODULE: &str = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so";
/// The shipped configuration.
const SHIPPED: &str = "deploy/nginx.conf";
/// The end-to-end test files that need no `/fixtures/` and no `/__test/` paths.
const JOURNEYS: [&str; 5] = [
    "static_pages",
    "takeover_place",
    "seed_article",
    "journeys",
    "security_headers",
];

/// What to tell a developer whose machine lacks nginx.
pub const MISSING: &str = "the nginx tier needs Debian's nginx and its brotli module. Run:\n\n    \
     sudo apt-get install -y nginx libnginx-mod-http-brotli-static\n\nthen run `cargo xtask test` again.";

/// nginx, running as a child in its own process group, stopped when this is dropped: the
/// master is asked to stop (it stops its workers), and killed if it has not within 5 s.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let group = format!("-{}", self.0.id());
        let _ = Command::new("kill").args(["-TERM", "--", &group]).status();
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs(5) {
            if matches!(self.0.try_wait(), Ok(Some(_))) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = Command::new("kill").args(["-KILL", "--", &group]).status();
        let _ = self.0.wait();
    }
}

/// The tier.
pub fn nginx() -> Outcome {
    installed(Path::new(NGINX), Path::new(BROTLI_MODULE))?;
    let port = free_port()?;
    let url = format!("http://127.0.0.1:{port}/");
    std::env::set_var("FOLIO_SITE_URL", &url);
    let dist = root().join("target/nginx-dist");
    build_release_into(&dist)?;
    let prefix = root().join("target/nginx-run");
    let conf = write_conf(&prefix, &dist, port)?;
    let test = Command::new(NGINX)
        .arg("-t")
        .arg("-c")
        .arg(&conf)
        .arg("-p")
        .arg(&prefix)
        .output()
        .map_err(|e| format!("cannot run {NGINX}: {e}"))?;
    let verdict = String::from_utf8_lossy(&test.stderr).into_owned();
    eprintln!("{verdict}");
    if !test.status.success() {
        count(0, 1);
        return Err(format!("nginx refuses {SHIPPED}: {verdict}"));
    }
    count(1, 0);
    let mut start = Command::new(NGINX);
    start
        .arg("-c")
        .arg(&conf)
        .arg("-p")
        .arg(&prefix)
        .args(["-g", "daemon off;"])
        .process_group(0)
        .stdout(Stdio::null());
    eprintln!("$ {}", describe(&start));
    let _nginx = Running(
        start
            .spawn()
            .map_err(|e| format!("cannot start {NGINX}: {e}"))?,
    );
    wait_for_port(port, "nginx")?;
    let checked = checks::run(port, &dist);
    let journeys = suite(
        &JOURNEYS,
        &url,
        super::Engine::Chromium,
        &root().join("target/e2e-artifacts/nginx"),
    );
    match (checked, journeys) {
        (Ok(()), Ok(())) => Ok(()),
        (a, b) => Err([a.err(), b.err()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join("; ")),
    }
}

/// Fails with [`MISSING`] unless nginx and its brotli module are at these paths.
fn installed(nginx: &Path, module: &Path) -> Outcome {
    if nginx.is_file() && module.is_file() {
        Ok(())
    } else {
        Err(MISSING.into())
    }
}

/// Writes, under `prefix`, the shipped server block with its placeholders filled in and a
/// main configuration around it; returns the latter's path.
fn write_conf(prefix: &Path, dist: &Path, port: u16) -> Result<PathBuf, String> {
    let _ = std::fs::remove_dir_all(prefix);
    std::fs::create_dir_all(prefix).map_err(|e| format!("{}: {e}", prefix.display()))?;
    let shipped = std::fs::read_to_string(root().join(SHIPPED))
        .map_err(|e| format!("cannot read {SHIPPED}: {e}"))?;
    let dist = dist
        .canonicalize()
        .map_err(|e| format!("{}: {e}", dist.display()))?;
    let server = shipped
        .replace("__FOLIO_ROOT__", &dist.display().to_string())
        .replace("__FOLIO_LISTEN__", &format!("127.0.0.1:{port}"));
    let p = prefix.display();
    let main = format!(
        "# Written by `cargo xtask test` (xtask/src/tiers/nginx.rs) for one run.\n\
         load_module {BROTLI_MODULE};\n\
         worker_processes 1;\n\
         pid {p}/nginx.pid;\n\
         error_log {p}/error.log warn;\n\
         events {{ worker_connections 256; }}\n\
         http {{\n\
         \x20   include /etc/nginx/mime.types;\n\
         \x20   default_type application/octet-stream;\n\
         \x20   access_log {p}/access.log;\n\
         \x20   client_body_temp_path {p}/client_body;\n\
         \x20   proxy_temp_path {p}/proxy;\n\
         \x20   fastcgi_temp_path {p}/fastcgi;\n\
         \x20   uwsgi_temp_path {p}/uwsgi;\n\
         \x20   scgi_temp_path {p}/scgi;\n\
         \x20   include {p}/folio.conf;\n\
         }}\n"
    );
    let write = |name: &str, text: &str| {
        let path = prefix.join(name);
        std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
        Ok::<PathBuf, String>(path)
    };
    write("folio.conf", &server)?;
    write("nginx.conf", &main)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::csp::{COMMON_HEADERS, SANDBOX};

    /// `deploy/nginx.conf`'s lines, comments left out, each with the depth of braces it is at.
    fn lines_with_depth() -> Vec<(usize, String)> {
        let text = std::fs::read_to_string(root().join(SHIPPED)).expect("deploy/nginx.conf reads");
        let mut depth = 0usize;
        let mut out = Vec::new();
        for line in text.lines() {
            let code = line.split('#').next().unwrap_or("").trim().to_owned();
            out.push((depth, code.clone()));
            depth += code.matches('{').count();
            depth = depth.saturating_sub(code.matches('}').count());
        }
        out
    }

    #[test]
    fn the_shipped_configuration_sends_every_header_at_the_server_level_only() {
        let lines = lines_with_depth();
        let headers: Vec<&(usize, String)> = lines
            .iter()
            .filter(|(_, l)| l.starts_with("add_header"))
            .collect();
        // A location with an add_header of its own would drop all of the server's.
        for (depth, line) in &headers {
            assert_eq!(*depth, 1, "not at the server level: {line}");
            assert!(line.ends_with("always;"), "not on errors too: {line}");
        }
        for (name, value) in COMMON_HEADERS {
            let quoted = if value.contains(' ') {
                format!("\"{value}\"")
            } else {
                value.to_owned()
            };
            assert!(
                headers
                    .iter()
                    .any(|(_, l)| l == &format!("add_header {name} {quoted} always;")),
                "{name}"
            );
        }
        for variable in ["$folio_csp", "$folio_cache_control"] {
            assert!(
                headers.iter().any(|(_, l)| l.contains(variable)),
                "{variable}"
            );
        }
        let text: String = lines.iter().map(|(_, l)| format!("{l}\n")).collect();
        assert_eq!(text.matches(&format!("\"{SANDBOX}\"")).count(), 2);
        for wanted in [
            "brotli_static on;",
            "gzip_static on;",
            "gzip_vary on;",
            "include __FOLIO_ROOT__/_nginx.conf;",
            "listen __FOLIO_LISTEN__;",
            "root __FOLIO_ROOT__;",
        ] {
            assert!(text.contains(wanted), "{wanted}");
        }
    }

    #[test]
    fn without_nginx_or_its_brotli_module_the_tier_names_the_packages_to_install() {
        let missing = Path::new("/nonexistent/nginx");
        for (nginx, module) in [
            (missing, Path::new(BROTLI_MODULE)),
            (Path::new(NGINX), missing),
        ] {
            let refused = installed(nginx, module).unwrap_err();
            assert!(
                refused.contains("sudo apt-get install -y nginx libnginx-mod-http-brotli-static"),
                "{refused}"
            );
        }
    }
}
