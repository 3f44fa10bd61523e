//! A small static HTTP server for the release build: correct MIME types, precompressed
//! `.br`/`.gz` files when the browser accepts them, long caching for hashed file names.
//! In test mode it also serves the fixture bundles and a few deliberately failing paths.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::time::Duration;

/// What the server serves.
#[derive(Clone)]
pub struct Site {
    /// The release build (`dist/`), served at `/`.
    pub dist: PathBuf,
    /// Test fixtures, served at `/fixtures/`; also turns on the `/__test/` failure paths.
    pub fixtures: Option<PathBuf>,
}

/// Accepts connections until the process ends, one thread each.
pub fn serve_forever(listener: TcpListener, site: Site) {
    for stream in listener.incoming().flatten() {
        let site = site.clone();
        std::thread::spawn(move || {
            let _ = stream.set_read_timeout(Some(Duration::from_secs(30)));
            let _ = handle(stream, &site);
        });
    }
}

/// Starts serving on a free port of 127.0.0.1 in the background; returns the port.
pub fn spawn(site: Site) -> std::io::Result<u16> {
    let listener = TcpListener::bind(("127.0.0.1", 0))?;
    let port = listener.local_addr()?.port();
    std::thread::spawn(move || serve_forever(listener, site));
    Ok(port)
}

struct Request {
    method: String,
    path: String,
    host: String,
    accepts_br: bool,
    accepts_gzip: bool,
}

fn read_request(stream: &TcpStream) -> std::io::Result<Option<Request>> {
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    if reader.read_line(&mut line)? == 0 {
        return Ok(None);
    }
    let mut parts = line.split_whitespace();
    let (Some(method), Some(target)) = (parts.next(), parts.next()) else {
        return Ok(None);
    };
    let path = target.split(['?', '#']).next().unwrap_or("/").to_owned();
    let (mut accepts_br, mut accepts_gzip, mut host) = (false, false, String::new());
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':') {
            if name.eq_ignore_ascii_case("host") {
                host = value.trim().to_owned();
            }
            if name.eq_ignore_ascii_case("accept-encoding") {
                let codings: Vec<&str> = value
                    .split(',')
                    .map(|c| c.split(';').next().unwrap_or("").trim())
                    .collect();
                accepts_br = codings.contains(&"br");
                accepts_gzip = codings.contains(&"gzip");
            }
        }
    }
    Ok(Some(Request {
        method: method.to_owned(),
        path,
        host,
        accepts_br,
        accepts_gzip,
    }))
}

fn handle(mut stream: TcpStream, site: &Site) -> std::io::Result<()> {
    let Some(req) = read_request(&stream)? else {
        return Ok(());
    };
    if req.method != "GET" && req.method != "HEAD" {
        return respond(
            &mut stream,
            405,
            "text/plain; charset=utf-8",
            &[],
            b"method not allowed\n",
            true,
        );
    }
    let mut req = req;
    let mut in_sub_folder = false;
    if let Some(fixtures) = &site.fixtures {
        if let Some(rest) = req.path.strip_prefix(deployment::SUB_FOLDER) {
            req.path = format!("/{rest}");
            in_sub_folder = true;
        }
        if let Some(rest) = req.path.strip_prefix("/__test/") {
            return test_path(stream, rest);
        }
        if in_sub_folder && req.path == "/folio.json" {
            let body = deployment::settings(fixtures, &req.host)?;
            return respond(&mut stream, 200, "application/json", &[], &body, true);
        }
    }
    let Some(file) = resolve(site, &req.path) else {
        return respond(
            &mut stream,
            404,
            "text/plain; charset=utf-8",
            &[],
            b"not found\n",
            req.method == "GET",
        );
    };
    let mut headers = vec![
        ("Cache-Control", cache_control(&file)),
        ("Vary", "Accept-Encoding".to_owned()),
    ];
    // Test fixtures may be read from the sub-folder deployment's other origin.
    if site.fixtures.is_some() && req.path.starts_with("/fixtures/") {
        headers.push(("Access-Control-Allow-Origin", "*".to_owned()));
    }
    let mut body_file = file.clone();
    for (accepted, ext, coding) in [
        (req.accepts_br, "br", "br"),
        (req.accepts_gzip, "gz", "gzip"),
    ] {
        let candidate = PathBuf::from(format!("{}.{ext}", file.display()));
        if accepted && candidate.is_file() {
            body_file = candidate;
            headers.push(("Content-Encoding", coding.to_owned()));
            break;
        }
    }
    let body = std::fs::read(&body_file)?;
    respond(
        &mut stream,
        200,
        content_type(&file),
        &headers,
        &body,
        req.method == "GET",
    )
}

/// The file a URL path names, if it exists inside the served folders.
fn resolve(site: &Site, url_path: &str) -> Option<PathBuf> {
    let decoded = percent_decode(url_path)?;
    let (base, rest) = match (&site.fixtures, decoded.strip_prefix("/fixtures/")) {
        (Some(fixtures), Some(rest)) => (fixtures.as_path(), rest),
        _ => (site.dist.as_path(), decoded.trim_start_matches('/')),
    };
    // Only plain names: no root, no `..`, no drive prefix, no hidden files; an absolute
    // `rest` would otherwise replace `base` in `join`.
    let plain = Path::new(rest).components().all(|c| match c {
        Component::Normal(name) => !name.to_string_lossy().starts_with('.'),
        _ => false,
    });
    if !plain || rest.contains('\\') {
        return None;
    }
    let mut path = base.join(rest);
    if path.is_dir() {
        path = path.join("index.html");
    }
    path.is_file().then_some(path)
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// How many requests `drop/...` has closed unanswered, so tests can see a Retry really ask again.
static DROPPED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// Paths under `/__test/` that fail on purpose, for the error views' tests:
/// `status/NNN/...` answers with that status, `drop/...` closes the connection unanswered,
/// `hang/...` answers nothing for 60 seconds, and `dropped` says how many `drop/...` requests there were.
fn test_path(mut stream: TcpStream, rest: &str) -> std::io::Result<()> {
    let mut parts = rest.split('/');
    match (parts.next(), parts.next()) {
        (Some("status"), Some(code)) => {
            let code: u16 = code.parse().unwrap_or(500);
            respond(
                &mut stream,
                code,
                "text/plain; charset=utf-8",
                &[],
                b"deliberate test failure\n",
                true,
            )
        }
        (Some("drop"), _) => {
            DROPPED.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            Ok(())
        }
        (Some("dropped"), _) => {
            let n = DROPPED
                .load(std::sync::atomic::Ordering::SeqCst)
                .to_string();
            respond(
                &mut stream,
                200,
                "text/plain; charset=utf-8",
                &[],
                n.as_bytes(),
                true,
            )
        }
        (Some("hang"), _) => {
            std::thread::sleep(Duration::from_secs(60));
            Ok(())
        }
        _ => respond(
            &mut stream,
            404,
            "text/plain; charset=utf-8",
            &[],
            b"not found\n",
            true,
        ),
    }
}

fn respond(
    stream: &mut TcpStream,
    status: u16,
    ctype: &str,
    extra: &[(&str, String)],
    body: &[u8],
    with_body: bool,
) -> std::io::Result<()> {
    let reason = match status {
        200 => "OK",
        404 => "Not Found",
        405 => "Method Not Allowed",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Status",
    };
    let mut head = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\nConnection: close\r\nX-Content-Type-Options: nosniff\r\nReferrer-Policy: no-referrer\r\n",
        body.len()
    );
    for (name, value) in extra {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    if with_body {
        stream.write_all(body)?;
    }
    stream.flush()
}

/// Hashed file names (`name-0123456789abcdef.ext`) never change, so they may be cached for a year.
fn cache_control(path: &Path) -> String {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    // Trunk names the module `name-HASH_bg.wasm`.
    let stem = name.split('.').next().unwrap_or("").trim_end_matches("_bg");
    let hashed = stem
        .rsplit_once('-')
        .is_some_and(|(_, h)| h.len() >= 16 && h.bytes().all(|b| b.is_ascii_hexdigit()));
    if hashed {
        "public, max-age=31536000, immutable".into()
    } else {
        "no-cache".into()
    }
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "webmanifest" => "application/manifest+json",
        "md" => "text/markdown; charset=utf-8",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "gif" => "image/gif",
        "svg" => "image/svg+xml",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

mod deployment;
#[cfg(test)]
mod tests;
