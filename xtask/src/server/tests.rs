//! The static server's behaviour: types, precompressed files, caching and refused paths;
//! its limits (`limits`), the headers it sends (`headers`) and its folders' bounds (`roots`).

mod headers;
mod limits;
mod roots;

use super::*;
use std::io::{Read, Write};

fn site() -> (Site, PathBuf) {
    let dir = std::env::temp_dir().join(format!("folio-server-test-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("bundles/a")).unwrap();
    std::fs::write(dir.join("index.html"), "<!doctype html>home").unwrap();
    std::fs::write(dir.join("app-0123456789abcdef.wasm"), b"\0asm").unwrap();
    std::fs::write(dir.join("app-0123456789abcdef.wasm.br"), b"brotli bytes").unwrap();
    std::fs::write(dir.join("app-0123456789abcdef_bg.wasm"), b"\0asm").unwrap();
    std::fs::write(dir.join("bundles/a/bundle.json"), "{}").unwrap();
    std::fs::write(dir.join(".secret"), "no").unwrap();
    (
        Site {
            dist: dir.clone(),
            fixtures: None,
            partners: Vec::new(),
        },
        dir,
    )
}

fn get(port: u16, path: &str, encoding: &str) -> String {
    send(
        port,
        format!("GET {path} HTTP/1.1\r\nHost: x\r\nAccept-Encoding: {encoding}\r\n\r\n").as_bytes(),
    )
}

/// Sends `raw` and reads the whole answer.
fn send(port: u16, raw: &[u8]) -> String {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.write_all(raw).unwrap();
    let mut out = Vec::new();
    s.read_to_end(&mut out).unwrap();
    String::from_utf8_lossy(&out).into_owned()
}

/// The value of the header `name` in the answer `response`.
fn header<'a>(response: &'a str, name: &str) -> Option<&'a str> {
    let head = response.split("\r\n\r\n").next().unwrap_or("");
    head.lines().skip(1).find_map(|line| {
        let (n, v) = line.split_once(':')?;
        n.eq_ignore_ascii_case(name).then(|| v.trim())
    })
}

/// Serves `site` with `max` connections at once and `limits`; returns the port.
fn spawn_with(site: Site, max: usize, limits: Limits) -> u16 {
    let listener = TcpListener::bind(("127.0.0.1", 0)).unwrap();
    let port = listener.local_addr().unwrap().port();
    let served = Arc::new(Served::new(site).unwrap());
    std::thread::spawn(move || accept(listener, served, max, limits));
    port
}

/// A fresh folder under the system's temporary one, named for a test.
fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("folio-server-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn serves_files_with_their_types_and_the_app_for_the_root() {
    let (site, _) = site();
    let port = spawn(site).unwrap();
    let home = get(port, "/?article=x", "");
    assert!(home.starts_with("HTTP/1.1 200"), "{home}");
    assert!(home.contains("Content-Type: text/html; charset=utf-8"));
    assert!(home.contains("Cache-Control: no-cache"));
    assert!(get(port, "/bundles/a/bundle.json", "").contains("Content-Type: application/json"));
}

#[test]
fn prefers_precompressed_brotli_and_caches_hashed_names_for_a_year() {
    let (site, _) = site();
    let port = spawn(site).unwrap();
    let br = get(port, "/app-0123456789abcdef.wasm", "gzip, br");
    assert!(
        br.contains("Content-Encoding: br") && br.ends_with("brotli bytes"),
        "{br}"
    );
    assert!(br.contains("Content-Type: application/wasm"));
    assert!(br.contains("immutable"));
    assert!(
        get(port, "/app-0123456789abcdef_bg.wasm", "").contains("immutable"),
        "Trunk's _bg name is hashed too"
    );
    let plain = get(port, "/app-0123456789abcdef.wasm", "gzip");
    assert!(
        !plain.contains("Content-Encoding"),
        "no .gz beside it, so the plain file: {plain}"
    );
}

#[test]
fn refuses_paths_that_climb_out_or_name_hidden_files() {
    let (site, _) = site();
    let port = spawn(site).unwrap();
    for path in [
        "/../etc/passwd",
        "/%2e%2e/etc/passwd",
        "/.secret",
        "/bundles/a/../../.secret",
        "/missing.js",
        "//etc/passwd",
        "/%2Fetc/passwd",
        "/fixtures//etc/passwd",
    ] {
        assert!(get(port, path, "").starts_with("HTTP/1.1 404"), "{path}");
    }
}

/// A served tree with fixtures beside a file outside it that no request may reach: the
/// traversal cases below then fail, with that file's words, if a path ever climbs out.
#[test]
fn no_path_reaches_a_file_beside_the_served_folders() {
    let (mut site, dir) = site();
    let fixtures = dir.join("fixtures-root");
    std::fs::create_dir_all(fixtures.join("bundles")).unwrap();
    std::fs::write(fixtures.join("bundles/ok.json"), "{\"fixture\": true}").unwrap();
    site.fixtures = Some(fixtures.clone());
    let outside = dir
        .parent()
        .unwrap()
        .join(format!("folio-outside-{}.txt", std::process::id()));
    std::fs::write(&outside, "OUTSIDE THE ROOT").unwrap();
    let name = outside.file_name().unwrap().to_string_lossy().into_owned();
    let absolute = outside.display().to_string();
    let port = spawn(site).unwrap();
    // The fixtures are really served, so the refusals below are not a fixture tree that is off.
    let ok = get(port, "/fixtures/bundles/ok.json", "");
    assert!(
        ok.starts_with("HTTP/1.1 200") && ok.contains("fixture"),
        "{ok}"
    );
    for path in [
        format!("/../{name}"),
        format!("/%2e%2e/{name}"),
        format!("/fixtures/../../{name}"),
        format!("/fixtures/%2e%2e/%2e%2e/{name}"),
        format!("/fixtures/{absolute}"),
        format!("/fixtures/%2F{}", absolute.trim_start_matches('/')),
        format!("/{absolute}"),
    ] {
        let answer = get(port, &path, "");
        assert!(answer.starts_with("HTTP/1.1 404"), "{path}: {answer}");
        assert!(
            !answer.contains("OUTSIDE THE ROOT"),
            "{path} read a file outside"
        );
    }
    let _ = std::fs::remove_file(outside);
}

#[test]
fn a_page_cut_short_ends_before_its_data_and_a_page_without_data_is_whole() {
    let page = b"<main><p>The whole article.</p></main>\n<script type=\"module\">go()</script>\
        <script type=\"application/json\" id=\"folio_page\">{\"page\":\"saved\"}</script></body>";
    assert_eq!(
        answer::cut_short(page),
        b"<main><p>The whole article.</p></main>\n<script type=\"module\">go()</script>".to_vec()
    );
    let without = b"<main><p>No data.</p></main><script>go()</script>";
    assert_eq!(answer::cut_short(without), without.to_vec());
}
