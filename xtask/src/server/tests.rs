//! The static server's behaviour: types, precompressed files, caching and refused paths.

use super::*;
use std::io::Read;

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
        },
        dir,
    )
}

fn get(port: u16, path: &str, encoding: &str) -> String {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: x\r\nAccept-Encoding: {encoding}\r\n\r\n"
    )
    .unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    out
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
