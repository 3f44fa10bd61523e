//! The module and its script named by what they hold once built. Trunk names them by a hash
//! of wasm-bindgen's output, before wasm-opt runs, so a change that reaches only wasm-opt
//! (its flags, its version) kept the old name, and a browser holding that name as
//! `immutable` would never fetch the new bytes. The module's parts and their loader are
//! named the same way ([`parts`]).

pub mod parts;
#[cfg(test)]
mod tests;

use std::path::Path;

use sha2::{Digest, Sha256};

use crate::compress;

/// What every name of the module's pair starts with: `folio-HASH.js`, `folio-HASH_bg.wasm`.
const PREFIX: &str = "folio-";
/// The pair's suffixes after their common stem.
const SUFFIXES: [&str; 2] = [".js", "_bg.wasm"];

/// Renames the module and its script in `dist` after a hash of their final bytes, and points
/// every page and script there at the new names. Returns the old stem and the new one
/// (`folio-HASH`).
///
/// The parts' loader, if the module has parts ([`parts`]), is named last, after the pair
/// whose script it imports.
pub fn name_by_content(dist: &Path) -> Result<(String, String), String> {
    let old = module_stem(dist)?;
    let loader = parts::loader_in(dist)?;
    let new = content_stem(dist, &old, loader.as_deref())?;
    if new != old {
        rename_module(dist, &old, &new)?;
    }
    if let Some(loader) = loader {
        parts::name_loader(dist, &new, &loader)?;
    }
    Ok((old, new))
}

/// The stem (`folio-HASH`) of the one module in `dist`'s top folder that has its script.
pub fn module_stem(dist: &Path) -> Result<String, String> {
    let entries = std::fs::read_dir(dist).map_err(|e| format!("{}: {e}", dist.display()))?;
    let mut stems: Vec<String> = entries
        .flatten()
        .filter_map(|e| e.file_name().into_string().ok())
        .filter_map(|name| {
            name.strip_suffix(SUFFIXES[1])
                .filter(|stem| stem.starts_with(PREFIX))
                .map(str::to_owned)
        })
        .filter(|stem| dist.join(format!("{stem}{}", SUFFIXES[0])).is_file())
        .collect();
    match stems.len() {
        1 => Ok(stems.remove(0)),
        0 => Err(format!(
            "no {PREFIX}*{} with its {PREFIX}*{} in {}: build first",
            SUFFIXES[1],
            SUFFIXES[0],
            dist.display()
        )),
        _ => Err(format!(
            "more than one module in {}: {}",
            dist.display(),
            stems.join(", ")
        )),
    }
}

/// [`stem_for`] the pair named `stem` in `dist`, with its parts' loader named `loader`.
fn content_stem(dist: &Path, stem: &str, loader: Option<&str>) -> Result<String, String> {
    let read = |name: &str| {
        let path = dist.join(name);
        std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))
    };
    let script = read(&format!("{stem}{}", SUFFIXES[0]))?;
    let module = read(&format!("{stem}{}", SUFFIXES[1]))?;
    let loader = match loader {
        Some(name) => Some((name, read(name)?)),
        None => None,
    };
    let loader = loader.as_ref().map(|(name, text)| (*name, text.as_slice()));
    Ok(stem_for(&script, &module, loader, stem))
}

/// The stem the pair should have: `folio-` and [`short_hex`] of a SHA-256 over the script
/// and the module as they ship, and over the loader of the module's parts (`name`, bytes),
/// which names every part by its bytes. Names that change with the pair's are taken out of
/// the hash, so it does not depend on the names it replaces: the stem itself, and in the
/// script, the loader's name.
pub fn stem_for(script: &[u8], module: &[u8], loader: Option<(&str, &[u8])>, stem: &str) -> String {
    let mut script = String::from_utf8_lossy(script).replace(stem, PREFIX);
    let mut loader_text = String::new();
    if let Some((name, text)) = loader {
        script = script.replace(name, parts::LOADER);
        loader_text = String::from_utf8_lossy(text).replace(stem, PREFIX);
    }
    let mut hash = Sha256::new();
    for part in [script.as_bytes(), module, loader_text.as_bytes()] {
        hash.update((part.len() as u64).to_le_bytes());
        hash.update(part);
    }
    format!("{PREFIX}{}", short_hex(hash))
}

/// The first 8 bytes of a finished SHA-256, as 16 hex digits: the build's names and versions.
pub fn short_hex(hash: Sha256) -> String {
    hash.finalize()[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Renames `old`'s pair in `dist` to `new` and writes `new` for `old` in every HTML page and
/// script under `dist`. Compressed copies must be gone or be written again afterwards.
fn rename_module(dist: &Path, old: &str, new: &str) -> Result<(), String> {
    for path in compress::files(dist) {
        let name = path.to_string_lossy();
        if !(name.ends_with(".html") || name.ends_with(".js")) {
            continue;
        }
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{name}: {e}"))?;
        if text.contains(old) {
            std::fs::write(&path, text.replace(old, new)).map_err(|e| format!("{name}: {e}"))?;
        }
    }
    for suffix in SUFFIXES {
        std::fs::rename(
            dist.join(format!("{old}{suffix}")),
            dist.join(format!("{new}{suffix}")),
        )
        .map_err(|e| format!("{old}{suffix}: {e}"))?;
    }
    Ok(())
}
