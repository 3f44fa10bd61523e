//! The Content-Security-Policy of a build and the other headers Folio is served with.
//!
//! A page's policy is computed from two things only: the built pages (a SHA-256 of every
//! inline script and `<style>` they hold, [`inline`]) and the deployment's settings
//! (`folio.json`: `bundle_origins` and `frame_ancestors`, [`settings`]). `cargo xtask build`
//! writes it for static hosts and nginx ([`hosts`]); `xtask`'s server computes the same one
//! when it starts. Everything that is not one of the app's pages (above all a bundle's
//! files) gets [`SANDBOX`], so a file opened on its own runs no script and loads nothing.

mod hosts;
mod inline;
mod settings;
#[cfg(test)]
mod tests;

use std::path::PathBuf;

pub use self::hosts::{write_host_files, HEADERS_FILE, NGINX_FILE};
pub use self::inline::{of_site, Inline};
pub use self::settings::Settings;

/// Headers every response carries, whatever it holds.
pub const COMMON_HEADERS: [(&str, &str); 4] = [
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
    (
        "Permissions-Policy",
        "camera=(), microphone=(), geolocation=()",
    ),
];

/// The policy of every response that is not one of the app's pages: bundle files, data,
/// scripts, errors. Opened on its own, such a file is a sandboxed document (no script, an
/// opaque origin) that may load nothing.
pub const SANDBOX: &str = "sandbox; default-src 'none'";

/// The policy of the service worker's script (`sw.js` at the site's root), which applies
/// inside the worker: it fetches the site's own files into its caches, and nothing else.
pub const WORKER: &str = "default-src 'self'";

/// The service worker's file, at the site's root.
pub const WORKER_FILE: &str = "sw.js";

/// Where the test server collects violation reports, below a deployment's folder; only
/// test runs name it.
pub const TEST_REPORT_PATH: &str = "__test/csp-report";

/// How long a file may be cached: a year for a name with a content hash (Trunk's
/// `folio-0123456789abcdef.js` and `folio-0123456789abcdef_bg.wasm`), which never changes;
/// `no-cache` for everything else, which a browser must check again each time.
pub fn cache_control(file_name: &str) -> &'static str {
    let stem = file_name
        .split('.')
        .next()
        .unwrap_or("")
        .trim_end_matches("_bg");
    let hashed = stem
        .rsplit_once('-')
        .is_some_and(|(_, h)| h.len() >= 16 && h.bytes().all(|b| b.is_ascii_hexdigit()));
    if hashed {
        IMMUTABLE
    } else {
        "no-cache"
    }
}

/// The caching of a file whose name has a content hash.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// What went wrong while computing or writing the policy.
#[derive(Debug, thiserror::Error)]
pub enum CspError {
    /// A file could not be read.
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    /// A file could not be written.
    #[error("cannot write {path}: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    /// The settings are not a JSON object.
    #[error("{what}: the settings are not a JSON object: {reason}")]
    NotSettings { what: String, reason: String },
    /// A setting that would not make a sound policy.
    #[error("{what}: `{field}`: {value:?} is not {expected}")]
    Setting {
        what: String,
        field: &'static str,
        value: String,
        expected: &'static str,
    },
}

/// The policy of the app's pages: only the app's own files and the inline code the build
/// hashed run; images and requests go only to the app's origin and `bundle_origins`;
/// framing only by `frame_ancestors`.
pub fn page_policy(inline: &Inline, settings: &Settings) -> String {
    let origins = settings.bundle_origins.join(" ");
    let with_origins = |base: &str| {
        if origins.is_empty() {
            base.to_owned()
        } else {
            format!("{base} {origins}")
        }
    };
    let hashes = |set: &std::collections::BTreeSet<String>| {
        set.iter()
            .map(|h| format!(" '{h}'"))
            .collect::<Vec<_>>()
            .concat()
    };
    [
        "default-src 'self'".to_owned(),
        format!(
            "script-src 'self' 'wasm-unsafe-eval'{}",
            hashes(&inline.scripts)
        ),
        format!("style-src 'self'{}", hashes(&inline.styles)),
        with_origins("img-src 'self'"),
        with_origins("connect-src 'self'"),
        "object-src 'none'".to_owned(),
        "base-uri 'none'".to_owned(),
        "form-action 'self'".to_owned(),
        format!("frame-ancestors {}", settings.frame_ancestors.join(" ")),
    ]
    .join("; ")
}

/// `policy` with violation reports sent to the test server, inside the deployment's
/// folder `base` (`/`, `/news/folio/`), so a page asks nothing of any other folder.
pub fn with_test_reports(policy: &str, base: &str) -> String {
    format!("{policy}; report-uri {base}{TEST_REPORT_PATH}")
}
