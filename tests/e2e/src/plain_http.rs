//! Plain HTTP requests to the app's server, as a crawler or a header check makes them:
//! status, headers and body, with no browser in between.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

/// One answer.
#[derive(Debug)]
pub struct Answer {
    /// The status code.
    pub status: u16,
    /// The headers, names in lower case, in the order sent.
    pub headers: Vec<(String, String)>,
    /// The body as sent.
    pub body: Vec<u8>,
}

impl Answer {
    /// The value of the header `name`, if it was sent.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// `host:port` of `url`, as `Host` and `connect` want it.
pub fn host_and_port(url: &url::Url) -> String {
    format!(
        "{}:{}",
        url.host_str().unwrap_or("127.0.0.1"),
        url.port_or_known_default().unwrap_or(80)
    )
}

/// `method` of `target`, an absolute address, sent to its host with `Host` as given and no
/// body; the answer, or why none came (waiting at most 30 seconds for it).
pub fn request(method: &str, target: &url::Url, host: &str) -> std::io::Result<Answer> {
    let mut stream = TcpStream::connect(host_and_port(target))?;
    stream.set_read_timeout(Some(Duration::from_secs(30)))?;
    let length = if method == "GET" {
        ""
    } else {
        "Content-Length: 0\r\n"
    };
    write!(
        stream,
        "{method} {} HTTP/1.1\r\nHost: {host}\r\n{length}Connection: close\r\n\r\n",
        &target[url::Position::BeforePath..]
    )?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw)?;
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or(raw.len());
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    let body = raw.get(split + 4..).unwrap_or_default().to_vec();
    Ok(Answer {
        status,
        headers,
        body,
    })
}

/// `GET` of `path`, relative to the app (`""`, `articles/ID/`), with `Host` as given.
pub fn get_as(path: &str, host: &str) -> Answer {
    let base = url::Url::parse(&crate::app_url()).expect("FOLIO_URL is a URL");
    let target = base.join(path).expect("a path relative to the app");
    request("GET", &target, host).unwrap_or_else(|e| panic!("GET {target}: {e}"))
}

/// `GET` of `path`, relative to the app, to the host and port of `FOLIO_URL`.
pub fn get(path: &str) -> Answer {
    let base = url::Url::parse(&crate::app_url()).expect("FOLIO_URL is a URL");
    get_as(path, &host_and_port(&base))
}
