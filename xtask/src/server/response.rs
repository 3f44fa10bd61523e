//! Writing a response: the status line, the headers every response carries
//! (`crate::csp::COMMON_HEADERS`, and the sandbox policy unless the caller gives the page
//! policy), then the body. One request per connection: every response closes it.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use crate::csp;

/// The `Content-Type` of the server's own short answers.
pub const PLAIN: &str = "text/plain; charset=utf-8";

/// Writes a complete response to `stream`: `extra` headers after the common ones, and the
/// body only if `with_body` (not for `HEAD`), though its length is always given.
pub fn respond(
    stream: &mut TcpStream,
    status: u16,
    ctype: &str,
    extra: &[(&str, String)],
    body: &[u8],
    with_body: bool,
) -> std::io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {status} {}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\nConnection: close\r\n",
        reason(status),
        body.len()
    );
    for (name, value) in csp::COMMON_HEADERS {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    let has_policy = extra
        .iter()
        .any(|(name, _)| name.eq_ignore_ascii_case("content-security-policy"));
    if !has_policy {
        head.push_str(&format!("Content-Security-Policy: {}\r\n", csp::SANDBOX));
    }
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

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        204 => "No Content",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        411 => "Length Required",
        413 => "Content Too Large",
        414 => "URI Too Long",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Status",
    }
}

/// After answering a request it did not read to its end, reads and drops what the client is
/// still sending, for two seconds and 1 MiB at most: closing with unread bytes would reset
/// the connection, and the client could lose the answer.
pub fn linger(stream: &TcpStream) {
    let _ = stream.shutdown(std::net::Shutdown::Write);
    let _ = stream.set_read_timeout(Some(Duration::from_millis(500)));
    let started = Instant::now();
    let mut scratch = [0u8; 16 * 1024];
    let mut left = 1usize << 20;
    while left > 0 && started.elapsed() < Duration::from_secs(2) {
        match (&*stream).read(&mut scratch) {
            Ok(0) | Err(_) => break,
            Ok(n) => left = left.saturating_sub(n),
        }
    }
}
