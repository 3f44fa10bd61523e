//! The headers written beside a build for the hosts that serve it without `xtask`:
//! `_headers` for Netlify and Cloudflare Pages, and `_nginx.conf`, this build's policy for
//! `deploy/nginx.conf` to include. Neither is ever served: both hosts read `_headers`
//! themselves, and the nginx configuration answers 404 for both.

use std::path::Path;

use super::{cache_control, of_site, page_policy, CspError, Inline, Settings};
use super::{COMMON_HEADERS, SANDBOX};

/// An embed's oEmbed answer, in its folder (`folio::publish::OEMBED_FILE`).
const OEMBED_FILE: &str = folio::publish::OEMBED_FILE;

/// The static hosts' header rules, in the build's root folder.
pub const HEADERS_FILE: &str = "_headers";
/// The policy for nginx, in the build's root folder.
pub const NGINX_FILE: &str = "_nginx.conf";

/// Cloudflare Pages reads no `_headers` line longer than this.
const LONGEST_LINE: usize = 2000;

/// What was written.
#[derive(Debug)]
pub struct HostFiles {
    /// The inline code it was computed from.
    pub inline: Inline,
    /// What a host may not take as written, for the developer to read.
    pub warnings: Vec<String>,
}

/// Computes the policy of the site in `dist` from its pages and its `folio.json`, and
/// writes `_headers` (its rules under `base_path`, the site's folder such as `/` or
/// `/news/folio/`) and `_nginx.conf` there.
pub fn write_host_files(dist: &Path, base_path: &str) -> Result<HostFiles, CspError> {
    let settings = Settings::read(&dist.join("folio.json"))?;
    let inline = of_site(dist)?;
    let policy = page_policy(&inline, &settings);
    let headers = headers_file(dist, base_path, &policy)?;
    let mut warnings = Vec::new();
    if let Some(line) = headers.lines().find(|l| l.len() > LONGEST_LINE) {
        warnings.push(format!(
            "a line of {HEADERS_FILE} is {} characters long, and Cloudflare Pages reads at most \
             {LONGEST_LINE}: fewer inline scripts and styles would shorten the policy",
            line.len()
        ));
    }
    write(&dist.join(HEADERS_FILE), &headers)?;
    write(&dist.join(NGINX_FILE), &nginx_file(&policy))?;
    Ok(HostFiles { inline, warnings })
}

fn write(path: &Path, text: &str) -> Result<(), CspError> {
    std::fs::write(path, text).map_err(|source| CspError::Write {
        path: path.to_owned(),
        source,
    })
}

/// `_headers`: the headers every response carries under `/*`, then one rule for each of
/// the site's top-level files and folders. No header is named by two rules one path
/// matches, so Netlify (which lets a later rule win) and Cloudflare Pages (which joins
/// both values) send the same thing.
pub fn headers_file(dist: &Path, base_path: &str, policy: &str) -> Result<String, CspError> {
    let base = format!("/{}/", base_path.trim_matches('/')).replace("//", "/");
    let mut out = String::from(
        "# Written by `cargo xtask build` (xtask/src/csp/hosts.rs): this build's headers for\n\
         # Netlify and Cloudflare Pages. See docs/deploy.md.\n",
    );
    let mut rule = |pattern: &str, headers: &[(&str, &str)]| {
        out.push_str(&format!("{pattern}\n"));
        for (name, value) in headers {
            out.push_str(&format!("  {name}: {value}\n"));
        }
    };
    rule(&format!("{base}*"), &COMMON_HEADERS);
    let page = [
        ("Content-Security-Policy", policy),
        ("Cache-Control", "no-cache"),
    ];
    rule(&base, &page);
    let mut entries: Vec<(String, bool)> = std::fs::read_dir(dist)
        .map_err(|source| CspError::Read {
            path: dist.to_owned(),
            source,
        })?
        .flatten()
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                e.path().is_dir(),
            )
        })
        .filter(|(name, _)| {
            !(name.starts_with('_')
                || name.starts_with('.')
                || name.ends_with(".br")
                || name.ends_with(".gz"))
        })
        .collect();
    entries.sort();
    for (name, is_dir) in entries {
        let pattern = if is_dir {
            format!("{base}{name}/*")
        } else {
            format!("{base}{name}")
        };
        if matches!(name.as_str(), "index.html" | "articles" | "saved" | "embed") {
            rule(&pattern, &page);
            if name == "embed" {
                // Partners' pages may read the oEmbed answers in the browser too.
                for id in folders(&dist.join(&name))? {
                    rule(
                        &format!("{base}embed/{id}/{OEMBED_FILE}"),
                        &[("Access-Control-Allow-Origin", "*")],
                    );
                }
            }
        } else if name == super::WORKER_FILE {
            rule(
                &pattern,
                &[
                    ("Content-Security-Policy", super::WORKER),
                    ("Cache-Control", "no-cache"),
                ],
            );
        } else {
            let cache = if is_dir {
                "no-cache"
            } else {
                cache_control(&name)
            };
            rule(
                &pattern,
                &[
                    ("Content-Security-Policy", SANDBOX),
                    ("Cache-Control", cache),
                ],
            );
        }
    }
    Ok(out)
}

/// The names of the folders in `dir`, sorted.
fn folders(dir: &Path) -> Result<Vec<String>, CspError> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map_err(|source| CspError::Read {
            path: dir.to_owned(),
            source,
        })?
        .flatten()
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    Ok(names)
}

/// `_nginx.conf`: one `set`, which `deploy/nginx.conf` includes in its server block.
pub fn nginx_file(policy: &str) -> String {
    format!(
        "# Written by `cargo xtask build` (xtask/src/csp/hosts.rs): this build's\n\
         # Content-Security-Policy, which deploy/nginx.conf includes. Reload nginx after a build.\n\
         set $folio_page_csp \"{policy}\";\n"
    )
}
