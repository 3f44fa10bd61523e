//! Reading a bundle from a folder on disk, for publishers' checks and native tests.
//! The viewer fetches over HTTP instead; this is the only file I/O in the crate.

use std::path::Path;

use crate::article::Article;
use crate::diagnostic::{Diagnostic, Report, Rule};
use crate::manifest::{read_manifest, FILE};

/// Reads, parses and checks the bundle in `dir`, including that every media file exists.
pub fn read_folder(dir: &Path, report: &mut Report) -> Option<Article> {
    let manifest_bytes = match std::fs::read(dir.join(FILE)) {
        Ok(bytes) => bytes,
        Err(e) => {
            report.push(Diagnostic::new(
                Rule::MissingFile,
                FILE,
                "",
                format!("cannot be read: {e}"),
            ));
            return None;
        }
    };
    let manifest = read_manifest(&manifest_bytes, report)?;
    let mut missing = false;
    for (i, media) in manifest.media.iter().enumerate() {
        // Each file with the JSON path that names it: the image, then its other sizes.
        let files = std::iter::once((format!("media[{i}].src"), &media.src)).chain(
            (media.sources.iter().enumerate())
                .map(|(j, s)| (format!("media[{i}].sources[{j}].src"), &s.src)),
        );
        for (path, src) in files {
            if !dir.join(src).is_file() {
                missing = true;
                report.push(Diagnostic::new(
                    Rule::MissingFile,
                    FILE,
                    path,
                    format!("{src:?} is not in the bundle"),
                ));
            }
        }
    }
    let body = match std::fs::read(dir.join(&manifest.body)) {
        Ok(bytes) => bytes,
        Err(e) => {
            report.push(Diagnostic::new(
                Rule::MissingFile,
                FILE,
                "body",
                format!("{:?} cannot be read: {e}", manifest.body),
            ));
            return None;
        }
    };
    let article = Article::assemble(manifest, &body, report)?;
    (!missing).then_some(article)
}
