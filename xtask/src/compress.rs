//! Brotli and gzip at their highest settings: the `.br`/`.gz` files written beside each
//! text asset of the release build, and the compressed sizes the bench and the budget report.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Extensions worth compressing: text and WebAssembly. Images and WOFF2 are compressed already.
const COMPRESSIBLE: &[&str] = &[
    "html",
    "js",
    "mjs",
    "wasm",
    "css",
    "json",
    "md",
    "svg",
    "webmanifest",
    "txt",
    "xml",
];

/// Brotli at quality 11 with a 4 MiB window (what `brotli -q 11` uses).
pub fn brotli(bytes: &[u8]) -> Vec<u8> {
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    let mut out = Vec::with_capacity(bytes.len() / 3);
    // Writing into a Vec cannot fail.
    let _ = brotli::BrotliCompress(&mut &bytes[..], &mut out, &params);
    out
}

/// gzip at level 9.
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let _ = encoder.write_all(bytes);
    encoder.finish().unwrap_or_default()
}

/// Whether a file of this name gets `.br`/`.gz` companions.
pub fn compressible(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| COMPRESSIBLE.contains(&e))
}

/// Every file under `dir`, recursively, sorted.
pub fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// Writes `NAME.br` and `NAME.gz` beside each compressible file under `dir`, when smaller
/// than the file; the static server sends them to browsers that accept them.
/// Returns how many files got companions.
pub fn precompress(dir: &Path) -> Result<usize, String> {
    let mut count = 0;
    for path in files(dir) {
        if !compressible(&path) {
            continue;
        }
        let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        for (ext, packed) in [("br", brotli(&bytes)), ("gz", gzip(&bytes))] {
            let target = PathBuf::from(format!("{}.{ext}", path.display()));
            if packed.len() < bytes.len() {
                std::fs::write(&target, packed)
                    .map_err(|e| format!("{}: {e}", target.display()))?;
            } else if target.exists() {
                let _ = std::fs::remove_file(&target);
            }
        }
        count += 1;
    }
    Ok(count)
}
