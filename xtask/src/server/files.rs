//! From a URL path to a file inside the served folders, and never outside them: only plain
//! names (no `..`, no root, no hidden files), and the file found, once every symlink on
//! its way is resolved, must still lie inside its folder as the server resolved it at
//! start. The same holds for the `.br`/`.gz` file sent in its place.

use std::path::{Component, Path, PathBuf};

/// The served folders, each with every symlink resolved.
#[derive(Clone, Debug)]
pub struct Roots {
    /// The release build, served at `/`.
    pub dist: PathBuf,
    /// Test fixtures, served at `/fixtures/`.
    pub fixtures: Option<PathBuf>,
}

impl Roots {
    /// The folders of `site`, resolved; on failure, the folder that could not be.
    pub fn of(dist: &Path, fixtures: Option<&Path>) -> Result<Roots, (PathBuf, std::io::Error)> {
        let resolve = |path: &Path| path.canonicalize().map_err(|e| (path.to_owned(), e));
        Ok(Roots {
            dist: resolve(dist)?,
            fixtures: fixtures.map(resolve).transpose()?,
        })
    }
}

/// A file a request named.
#[derive(Debug)]
pub struct Found {
    /// The file, symlinks resolved.
    pub file: PathBuf,
    /// Whether it came from the fixtures.
    pub fixture: bool,
}

/// The file a URL path names, if it exists inside the served folders.
pub fn resolve(roots: &Roots, url_path: &str) -> Option<Found> {
    let decoded = percent_decode(url_path)?;
    let (base, rest, fixture) = match (&roots.fixtures, decoded.strip_prefix("/fixtures/")) {
        (Some(fixtures), Some(rest)) => (fixtures.as_path(), rest, true),
        _ => (roots.dist.as_path(), decoded.trim_start_matches('/'), false),
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
    let file = inside(base, &path)?;
    file.is_file().then_some(Found { file, fixture })
}

/// The precompressed `.br` or `.gz` file beside `file`, if there is one inside `roots`.
pub fn precompressed(roots: &Roots, file: &Path, ext: &str) -> Option<PathBuf> {
    let candidate = PathBuf::from(format!("{}.{ext}", file.display()));
    let inside_a_root = [Some(&roots.dist), roots.fixtures.as_ref()]
        .into_iter()
        .flatten()
        .find_map(|root| inside(root, &candidate))?;
    inside_a_root.is_file().then_some(inside_a_root)
}

/// `path` with every symlink resolved, if it then still lies inside `root` (itself resolved).
fn inside(root: &Path, path: &Path) -> Option<PathBuf> {
    let real = path.canonicalize().ok()?;
    real.starts_with(root).then_some(real)
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

/// The `Content-Type` of a file, by its extension.
pub fn content_type(path: &Path) -> &'static str {
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
