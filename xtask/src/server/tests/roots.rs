//! The served folders' bounds: a symlink inside them that leads out, to a file, a folder,
//! or a precompressed twin, serves nothing; one that stays inside still serves.

use super::*;
use std::os::unix::fs::symlink;

#[test]
fn a_symlink_never_leads_out_of_a_served_folder() {
    let dir = temp_dir("symlinks");
    let (dist, fixtures, outside) = (dir.join("dist"), dir.join("fixtures"), dir.join("outside"));
    for folder in [&dist, &fixtures, &outside] {
        std::fs::create_dir_all(folder).unwrap();
    }
    std::fs::write(outside.join("secret.txt"), "OUTSIDE THE ROOT").unwrap();
    std::fs::write(dist.join("index.html"), "<!doctype html>home").unwrap();
    std::fs::write(dist.join("app.js"), "inside").unwrap();
    symlink(outside.join("secret.txt"), dist.join("leak.txt")).unwrap();
    symlink(&outside, dist.join("linked")).unwrap();
    symlink(outside.join("secret.txt"), dist.join("app.js.br")).unwrap();
    symlink(outside.join("secret.txt"), fixtures.join("leak.txt")).unwrap();
    symlink(&outside, fixtures.join("linked")).unwrap();
    symlink(dist.join("index.html"), dist.join("alias.html")).unwrap();
    let port = spawn(Site {
        dist,
        fixtures: Some(fixtures),
        partners: Vec::new(),
    })
    .unwrap();
    for path in [
        "/leak.txt",
        "/linked/secret.txt",
        "/fixtures/leak.txt",
        "/fixtures/linked/secret.txt",
    ] {
        let answer = get(port, path, "br, gzip");
        assert!(answer.starts_with("HTTP/1.1 404"), "{path}: {answer}");
        assert!(!answer.contains("OUTSIDE"), "{path} read a file outside");
    }
    let script = get(port, "/app.js", "br, gzip");
    assert!(
        script.starts_with("HTTP/1.1 200") && script.ends_with("inside"),
        "a `.br` twin outside the root is not sent in its place: {script}"
    );
    assert_eq!(header(&script, "Content-Encoding"), None);
    let alias = get(port, "/alias.html", "");
    assert!(
        alias.starts_with("HTTP/1.1 200") && alias.ends_with("home"),
        "a symlink that stays inside serves: {alias}"
    );
    let _ = std::fs::remove_dir_all(dir);
}
