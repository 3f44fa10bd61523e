//! The module's parts (ADR 013) and their loader, named by their bytes like the pair. Each
//! part is named first, and the loader is rewritten to fetch it by that name. The pair is
//! named next, over its script, its module and the loader, so a part that changes gives the
//! pair a new name too. The loader is named last, over its final text, which imports the
//! pair's script by the pair's final name; the script is then pointed at the loader's name.

use std::path::Path;

use sha2::{Digest, Sha256};

use super::{short_hex, PREFIX};

/// The parts' loader as the splitter writes it, before it is named by its bytes.
pub const LOADER: &str = "folio-split.js";

/// How the part of the pages the app loads itself is named (`src/pages/loading.rs`):
/// fetched only for `?bundle=`, `?article=` and a list of articles without its static page,
/// never for a static page.
pub const LOADING_PART: &str = "folio-split_loading-";

/// Renames each of `parts` in `dist` (`split_read_aloud.wasm`, `chunk_3.wasm`) by its
/// bytes (`folio-split_read_aloud-HASH.wasm`), and rewrites the loader, [`LOADER`], to fetch
/// them by those names. Returns the new names.
pub fn name_parts(dist: &Path, parts: &[String]) -> Result<Vec<String>, String> {
    let mut loader = read_text(dist, LOADER)?;
    let mut named = Vec::new();
    for part in parts {
        let (base, extension) = part.rsplit_once('.').unwrap_or((part, ""));
        let bytes = std::fs::read(dist.join(part)).map_err(|e| format!("{part}: {e}"))?;
        let new = format!(
            "{PREFIX}{base}-{}.{extension}",
            short_hex(Sha256::new_with_prefix(bytes))
        );
        std::fs::rename(dist.join(part), dist.join(&new)).map_err(|e| format!("{part}: {e}"))?;
        loader = loader.replace(&format!("\"./{part}\""), &format!("\"./{new}\""));
        named.push(new);
    }
    write(dist, LOADER, &loader)?;
    Ok(named)
}

/// The parts' loader in `dist`, named or not yet: `folio-split.js` or `folio-split-HASH.js`.
pub fn loader_in(dist: &Path) -> Result<Option<String>, String> {
    let entries = std::fs::read_dir(dist).map_err(|e| format!("{}: {e}", dist.display()))?;
    let mut found: Vec<String> = entries
        .flatten()
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|name| is_loader(name))
        .collect();
    match found.len() {
        0 => Ok(None),
        1 => Ok(found.pop()),
        _ => Err(format!(
            "more than one parts' loader in {}: {found:?}",
            dist.display()
        )),
    }
}

fn is_loader(name: &str) -> bool {
    let (stem, _) = LOADER.rsplit_once('.').unwrap_or((LOADER, ""));
    name == LOADER
        || name
            .strip_prefix(stem)
            .and_then(|rest| rest.strip_prefix('-'))
            .and_then(|rest| rest.strip_suffix(".js"))
            .is_some_and(|hash| hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// The name the loader should have, from its text as it ships.
pub fn loader_name_for(text: &[u8]) -> String {
    let (stem, _) = LOADER.rsplit_once('.').unwrap_or((LOADER, ""));
    format!("{stem}-{}.js", short_hex(Sha256::new_with_prefix(text)))
}

/// The loader the script `text` imports, as `from "./NAME"`, if any.
pub fn loader_imported_by(text: &str) -> Option<String> {
    text.split("from \"./")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .find(|name| is_loader(name))
        .map(str::to_owned)
}

/// Names the loader `loader` in `dist` by its bytes, and points the script of the pair named
/// `stem` at it where the script imports it. (The module's own imports keep the name it was
/// linked with, as the keys of the object it is given.)
pub fn name_loader(dist: &Path, stem: &str, loader: &str) -> Result<String, String> {
    let text = read_text(dist, loader)?;
    let new = loader_name_for(text.as_bytes());
    if new != loader {
        write(dist, &new, &text)?;
        std::fs::remove_file(dist.join(loader)).map_err(|e| format!("{loader}: {e}"))?;
    }
    let script = format!("{stem}.js");
    let imports = read_text(dist, &script)?;
    let imports = imports.replace(
        &format!("from \"./{loader}\""),
        &format!("from \"./{new}\""),
    );
    write(dist, &script, &imports)?;
    Ok(new)
}

fn read_text(dist: &Path, name: &str) -> Result<String, String> {
    std::fs::read_to_string(dist.join(name)).map_err(|e| format!("{name}: {e}"))
}

fn write(dist: &Path, name: &str, text: &str) -> Result<(), String> {
    std::fs::write(dist.join(name), text).map_err(|e| format!("{name}: {e}"))
}
