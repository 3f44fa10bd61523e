//! What nginx must send for each kind of file, checked over plain HTTP: the build's policy
//! on pages and the sandbox elsewhere, the common headers on every answer (errors too),
//! brotli and gzip to browsers that take them, a year's caching only for hashed names (each
//! the hash of what is sent), `application/wasm`, folders redirected to their slash, the
//! files written for hosts and symlinks never served. Each check counts as one test of the
//! tier.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::time::Duration;

use crate::compress::files;
use crate::csp::{self, COMMON_HEADERS, IMMUTABLE, SANDBOX};
use crate::tiers::count::count;
use crate::{names, Outcome};

/// One answer: status, headers (names in lower case), body as sent.
struct Answer {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Answer {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Fails unless the header `name` is exactly `value`.
    fn expect(&self, name: &str, value: &str) -> Outcome {
        match self.header(name) {
            Some(v) if v == value => Ok(()),
            other => Err(format!("{name}: expected {value:?}, got {other:?}")),
        }
    }
}

fn get(port: u16, path: &str, encoding: &str) -> Result<Answer, String> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).map_err(|e| e.to_string())?;
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAccept-Encoding: {encoding}\r\nConnection: close\r\n\r\n"
    )
    .map_err(|e| e.to_string())?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).map_err(|e| e.to_string())?;
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or("an answer without a blank line after its head")?;
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse().ok())
        .ok_or("an answer without a status")?;
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    Ok(Answer {
        status,
        headers,
        body: raw[split + 4..].to_vec(),
    })
}

/// The first file under `dist` whose path (relative, with `/`) satisfies `wanted`.
fn find(dist: &Path, wanted: impl Fn(&str) -> bool) -> Result<String, String> {
    files(dist)
        .iter()
        .filter_map(|f| f.strip_prefix(dist).ok())
        .map(|f| f.display().to_string())
        .find(|f| wanted(f))
        .ok_or_else(|| format!("the build in {} has no such file", dist.display()))
}

fn status(answer: &Answer, expected: u16) -> Outcome {
    (answer.status == expected)
        .then_some(())
        .ok_or(format!("status {}, not {expected}", answer.status))
}

fn common(answer: &Answer) -> Outcome {
    COMMON_HEADERS
        .iter()
        .try_for_each(|(name, value)| answer.expect(name, value))
}

/// Runs every check against nginx on `port`, serving `dist`.
pub fn run(port: u16, dist: &Path) -> Outcome {
    let settings = csp::Settings::read(&dist.join("folio.json")).map_err(|e| e.to_string())?;
    let inline = csp::of_site(dist).map_err(|e| e.to_string())?;
    let policy = csp::page_policy(&inline, &settings);
    let article = find(dist, |f| {
        f.starts_with("articles/") && f.ends_with("/index.html")
    })?;
    let article = article.trim_end_matches("index.html").to_owned();
    let wasm = find(dist, |f| f.ends_with("_bg.wasm"))?;
    let script = find(dist, |f| {
        !f.contains('/') && f.starts_with("folio-") && f.ends_with(".js")
    })?;
    let manifest = find(dist, |f| {
        f.starts_with("bundles/") && f.ends_with("bundle.json")
    })?;
    let markdown = find(dist, |f| f.starts_with("bundles/") && f.ends_with(".md"))?;
    let font = find(dist, |f| f.ends_with(".woff2"))?;
    let index = std::fs::read(dist.join("index.html")).map_err(|e| e.to_string())?;
    let outside = dist.join("outside-the-root.txt");
    // A symlink inside the build to a file outside it, which nginx must not follow.
    let secret = dist.with_extension("secret.txt");
    std::fs::write(&secret, "OUTSIDE THE ROOT").map_err(|e| e.to_string())?;
    let _ = std::fs::remove_file(&outside);
    std::os::unix::fs::symlink(&secret, &outside).map_err(|e| e.to_string())?;

    type Check<'a> = (&'a str, Box<dyn Fn() -> Outcome + 'a>);
    let checks: Vec<Check> = vec![
        (
            "pages carry the build's policy, no-cache and the common headers",
            Box::new(|| {
                for page in ["/".to_owned(), format!("/{article}")] {
                    let a = get(port, &page, "")?;
                    status(&a, 200)
                        .and_then(|_| a.expect("Content-Security-Policy", &policy))
                        .and_then(|_| a.expect("Cache-Control", "no-cache"))
                        .and_then(|_| common(&a))
                        .map_err(|e| format!("{page}: {e}"))?;
                }
                Ok(())
            }),
        ),
        (
            "an article's folder without its slash is sent to it, with a relative address",
            Box::new(|| {
                let folder = format!("/{}", article.trim_end_matches('/'));
                let a = get(port, &folder, "")?;
                status(&a, 301).and_then(|_| a.expect("Location", &format!("{folder}/")))
            }),
        ),
        (
            "pages go brotli to browsers that take it, gzip to the others, with Vary",
            Box::new(|| {
                let br = get(port, "/", "gzip, br")?;
                br.expect("Content-Encoding", "br")?;
                br.expect("Vary", "Accept-Encoding")?;
                let mut plain = Vec::new();
                brotli::BrotliDecompress(&mut &br.body[..], &mut plain)
                    .map_err(|e| e.to_string())?;
                let gz = get(port, "/", "gzip")?;
                gz.expect("Content-Encoding", "gzip")?;
                let mut unzipped = Vec::new();
                flate2::read::GzDecoder::new(&gz.body[..])
                    .read_to_end(&mut unzipped)
                    .map_err(|e| e.to_string())?;
                let raw = get(port, "/", "")?;
                let same = plain == index && unzipped == index && raw.body == index;
                same.then_some(())
                    .ok_or("a page's three forms differ from index.html".into())
            }),
        ),
        (
            "the wasm is application/wasm, brotli, cached for a year",
            Box::new(|| {
                let a = get(port, &format!("/{wasm}"), "br")?;
                a.expect("Content-Type", "application/wasm")?;
                a.expect("Content-Encoding", "br")?;
                a.expect("Cache-Control", IMMUTABLE)
            }),
        ),
        (
            "the module, its script and its parts' loader are named by a hash of the bytes sent",
            Box::new(|| {
                let module = get(port, &format!("/{wasm}"), "")?;
                let sent = get(port, &format!("/{script}"), "")?;
                let text = String::from_utf8_lossy(&sent.body);
                let name = names::parts::loader_imported_by(&text)
                    .ok_or(format!("{script} imports no parts' loader"))?;
                let loader = get(port, &format!("/{name}"), "")?;
                let named = names::parts::loader_name_for(&loader.body);
                if named != name {
                    return Err(format!("{name} holds the bytes of {named}"));
                }
                let stem = script.trim_end_matches(".js");
                let loader = Some((name.as_str(), loader.body.as_slice()));
                let named = names::stem_for(&sent.body, &module.body, loader, stem);
                (named == stem)
                    .then_some(())
                    .ok_or(format!("{stem} holds the bytes of {named}"))
            }),
        ),
        (
            "the hashed script is cached for a year",
            Box::new(|| {
                let a = get(port, &format!("/{script}"), "")?;
                a.expect("Cache-Control", IMMUTABLE)?;
                let javascript = a
                    .header("Content-Type")
                    .is_some_and(|t| t.contains("javascript"));
                javascript
                    .then_some(())
                    .ok_or("not served as JavaScript".into())
            }),
        ),
        (
            "a bundle's files are sandboxed, nosniff, not cached, Markdown as text/markdown",
            Box::new(|| {
                for (file, kind) in [
                    (&manifest, "application/json"),
                    (&markdown, "text/markdown; charset=utf-8"),
                ] {
                    let a = get(port, &format!("/{file}"), "")?;
                    status(&a, 200)
                        .and_then(|_| a.expect("Content-Security-Policy", SANDBOX))
                        .and_then(|_| a.expect("Cache-Control", "no-cache"))
                        .and_then(|_| a.expect("Content-Type", kind))
                        .and_then(|_| common(&a))
                        .map_err(|e| format!("{file}: {e}"))?;
                }
                Ok(())
            }),
        ),
        (
            "the settings and fonts are sandboxed and not cached",
            Box::new(|| {
                for file in ["folio.json", &font] {
                    let a = get(port, &format!("/{file}"), "")?;
                    status(&a, 200)
                        .and_then(|_| a.expect("Content-Security-Policy", SANDBOX))
                        .and_then(|_| a.expect("Cache-Control", "no-cache"))
                        .map_err(|e| format!("{file}: {e}"))?;
                }
                Ok(())
            }),
        ),
        (
            "the files written for hosts are never served, and a 404 has the headers too",
            Box::new(|| {
                for file in ["/_headers", "/_nginx.conf", "/articles/_headers"] {
                    let a = get(port, file, "")?;
                    status(&a, 404)
                        .and_then(|_| common(&a))
                        .map_err(|e| format!("{file}: {e}"))?;
                }
                Ok(())
            }),
        ),
        (
            "a symlink out of the root is not followed",
            Box::new(|| {
                let a = get(port, "/outside-the-root.txt", "")?;
                let refused =
                    matches!(a.status, 403 | 404) && !a.body.windows(7).any(|w| w == b"OUTSIDE");
                refused.then_some(()).ok_or(format!("status {}", a.status))
            }),
        ),
    ];
    let mut failures = Vec::new();
    for (name, check) in &checks {
        match check() {
            Ok(()) => {
                println!("test nginx: {name} ... ok");
                count(1, 0);
            }
            Err(e) => {
                println!("test nginx: {name} ... FAILED: {e}");
                count(0, 1);
                failures.push(format!("{name}: {e}"));
            }
        }
    }
    let _ = std::fs::remove_file(&outside);
    let _ = std::fs::remove_file(&secret);
    if failures.is_empty() {
        Ok(())
    } else {
        Err(failures.join("; "))
    }
}
