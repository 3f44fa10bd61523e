//! One request's head, read within limits: a request line of at most 8 KiB (414 past it),
//! at most 100 header lines in at most 64 KiB (431), all within 10 seconds (408); a body
//! only with `POST`, and at most 64 KiB of it (413, or 411 without a length). Every read
//! goes through a `Take`, so no more than the limit is ever held in memory, however long
//! the line a client sends.

use std::io::{BufRead, BufReader, Read};
use std::net::TcpStream;
use std::time::{Duration, Instant};

/// How much of a request the server reads, and for how long.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// The request line's longest length, its line end included.
    pub line: u64,
    /// All header lines together, their line ends included.
    pub head: u64,
    /// The most header lines.
    pub headers: usize,
    /// The largest body (only `POST` has one).
    pub body: u64,
    /// How long the whole request may take to arrive.
    pub deadline: Duration,
}

/// The server's limits.
pub const LIMITS: Limits = Limits {
    line: 8 * 1024,
    head: 64 * 1024,
    headers: 100,
    body: 64 * 1024,
    deadline: Duration::from_secs(10),
};

/// What the server needs of a request.
#[derive(Debug)]
pub struct Request {
    /// `GET`, `HEAD`, `POST`…
    pub method: String,
    /// The target's path, without query or fragment, not yet decoded.
    pub path: String,
    /// The `Host` header.
    pub host: String,
    /// Whether `Accept-Encoding` names `br`.
    pub accepts_br: bool,
    /// Whether `Accept-Encoding` names `gzip`.
    pub accepts_gzip: bool,
    /// The body of a `POST`; empty otherwise.
    pub body: Vec<u8>,
    /// The `Cookie` header, which only test paths read.
    pub cookie: String,
}

/// Why a request was not read.
#[derive(Debug, thiserror::Error)]
pub enum RequestError {
    /// The request line did not end within the limit.
    #[error("a request line longer than {0} bytes")]
    LineTooLong(u64),
    /// The header lines did not end within the limit.
    #[error("headers larger than {0} bytes")]
    HeadTooLarge(u64),
    /// More header lines than the limit.
    #[error("more than {0} header lines")]
    TooManyHeaders(usize),
    /// A `POST` body larger than the limit.
    #[error("a body larger than {0} bytes")]
    BodyTooLarge(u64),
    /// A `POST` without a `Content-Length`.
    #[error("a body without a Content-Length")]
    LengthRequired,
    /// Not an HTTP request line, or a connection closed halfway.
    #[error("not an HTTP request")]
    Malformed,
    /// The request had not arrived when the deadline passed.
    #[error("the request did not arrive within {0:?}")]
    TimedOut(Duration),
    /// The connection failed.
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

impl RequestError {
    /// The status to answer with, if an answer is still worth sending.
    pub fn status(&self) -> Option<u16> {
        match self {
            RequestError::LineTooLong(_) => Some(414),
            RequestError::HeadTooLarge(_) | RequestError::TooManyHeaders(_) => Some(431),
            RequestError::BodyTooLarge(_) => Some(413),
            RequestError::LengthRequired => Some(411),
            RequestError::Malformed => Some(400),
            RequestError::TimedOut(_) => Some(408),
            RequestError::Io(_) => None,
        }
    }
}

/// A reader that gives up once `until` has passed, however slowly bytes trickle in.
struct Deadline<'a> {
    stream: &'a TcpStream,
    until: Instant,
}

impl Read for Deadline<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let left = self.until.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(std::io::ErrorKind::TimedOut.into());
        }
        self.stream.set_read_timeout(Some(left))?;
        (&*self.stream).read(buf)
    }
}

/// Reads one request from `stream`; `None` if the connection closed before sending any.
pub fn read(stream: &TcpStream, limits: &Limits) -> Result<Option<Request>, RequestError> {
    let timed_out = |e: std::io::Error| match e.kind() {
        std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock => {
            RequestError::TimedOut(limits.deadline)
        }
        _ => RequestError::Io(e),
    };
    let mut reader = BufReader::new(Deadline {
        stream,
        until: Instant::now() + limits.deadline,
    });
    let mut line = Vec::new();
    let n = (&mut reader)
        .take(limits.line)
        .read_until(b'\n', &mut line)
        .map_err(timed_out)?;
    if n == 0 {
        return Ok(None);
    }
    if !line.ends_with(b"\n") {
        return Err(if n as u64 == limits.line {
            RequestError::LineTooLong(limits.line)
        } else {
            RequestError::Malformed
        });
    }
    let line = String::from_utf8_lossy(&line);
    let mut parts = line.split_whitespace();
    let (Some(method), Some(target)) = (parts.next(), parts.next()) else {
        return Err(RequestError::Malformed);
    };
    let mut request = Request {
        method: method.to_owned(),
        path: target.split(['?', '#']).next().unwrap_or("/").to_owned(),
        host: String::new(),
        accepts_br: false,
        accepts_gzip: false,
        body: Vec::new(),
        cookie: String::new(),
    };
    let mut length = None;
    let (mut left, mut count) = (limits.head, 0);
    loop {
        let mut header = Vec::new();
        let n = (&mut reader)
            .take(left)
            .read_until(b'\n', &mut header)
            .map_err(timed_out)?;
        if !header.ends_with(b"\n") {
            return Err(if n as u64 == left {
                RequestError::HeadTooLarge(limits.head)
            } else {
                RequestError::Malformed
            });
        }
        left -= n as u64;
        let header = String::from_utf8_lossy(&header);
        if header.trim().is_empty() {
            break;
        }
        count += 1;
        if count > limits.headers {
            return Err(RequestError::TooManyHeaders(limits.headers));
        }
        let Some((name, value)) = header.split_once(':') else {
            continue;
        };
        let value = value.trim();
        if name.eq_ignore_ascii_case("host") {
            request.host = value.to_owned();
        } else if name.eq_ignore_ascii_case("accept-encoding") {
            let codings: Vec<&str> = value
                .split(',')
                .map(|c| c.split(';').next().unwrap_or("").trim())
                .collect();
            request.accepts_br = codings.contains(&"br");
            request.accepts_gzip = codings.contains(&"gzip");
        } else if name.eq_ignore_ascii_case("cookie") {
            request.cookie = value.to_owned();
        } else if name.eq_ignore_ascii_case("content-length") {
            length = Some(value.parse::<u64>().map_err(|_| RequestError::Malformed)?);
        }
    }
    if request.method == "POST" {
        let length = length.ok_or(RequestError::LengthRequired)?;
        if length > limits.body {
            return Err(RequestError::BodyTooLarge(limits.body));
        }
        (&mut reader)
            .take(length)
            .read_to_end(&mut request.body)
            .map_err(timed_out)?;
        if request.body.len() as u64 != length {
            return Err(RequestError::Malformed);
        }
    }
    Ok(Some(request))
}
