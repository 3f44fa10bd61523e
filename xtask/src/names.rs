//! The module and its script named by what they hold once built. Trunk names them by a hash
//! of wasm-bindgen's output, before wasm-opt runs, so a change that reaches only wasm-opt
//! (its flags, its version) kept the old name, and a browser holding that name as
//! `immutable` would never fetch the new bytes.

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
pub fn name_by_content(dist: &Path) -> Result<(String, String), String> {
    let old = module_stem(dist)?;
    let new = content_stem(dist, &old)?;
    if new != old {
        rename_module(dist, &old, &new)?;
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

/// [`stem_for`] the pair named `stem` in `dist`.
fn content_stem(dist: &Path, stem: &str) -> Result<String, String> {
    let read = |suffix: &str| {
        let path = dist.join(format!("{stem}{suffix}"));
        std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))
    };
    Ok(stem_for(&read(SUFFIXES[0])?, &read(SUFFIXES[1])?, stem))
}

/// The stem the pair should have: `folio-` and [`short_hex`] of a SHA-256 over the script
/// and the module as they ship, with the script's mentions of its own stem taken out, so the
/// hash does not depend on the name it replaces.
pub fn stem_for(script: &[u8], module: &[u8], stem: &str) -> String {
    let script = String::from_utf8_lossy(script).replace(stem, PREFIX);
    let mut hash = Sha256::new();
    for part in [script.as_bytes(), module] {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tiers::scratch::Scratch;

    const OLD: &str = "folio-0123456789abcdef";

    /// A built app as Trunk leaves it: the page, the script naming the module, the module.
    fn built(dir: &Path, module: &[u8]) {
        std::fs::write(
            dir.join("index.html"),
            format!("<script type=module>import init from './{OLD}.js'; init('./{OLD}_bg.wasm');</script>"),
        )
        .unwrap();
        std::fs::write(
            dir.join(format!("{OLD}.js")),
            format!("new URL('{OLD}_bg.wasm', import.meta.url);"),
        )
        .unwrap();
        std::fs::write(dir.join(format!("{OLD}_bg.wasm")), module).unwrap();
    }

    #[test]
    fn the_pair_takes_a_name_from_its_bytes_and_the_page_follows() {
        let scratch = Scratch::new("names-follow").unwrap();
        built(scratch.path(), b"\0asm one");
        let (old, new) = name_by_content(scratch.path()).unwrap();
        assert_eq!(old, OLD);
        assert_ne!(new, OLD);
        assert!(new.starts_with(PREFIX) && new.len() == OLD.len(), "{new}");
        let page = std::fs::read_to_string(scratch.path().join("index.html")).unwrap();
        assert!(!page.contains(OLD), "{page}");
        assert!(
            page.contains(&format!("./{new}.js")) && page.contains(&format!("./{new}_bg.wasm"))
        );
        let script = std::fs::read_to_string(scratch.path().join(format!("{new}.js"))).unwrap();
        assert_eq!(
            script,
            format!("new URL('{new}_bg.wasm', import.meta.url);")
        );
        assert_eq!(
            std::fs::read(scratch.path().join(format!("{new}_bg.wasm"))).unwrap(),
            b"\0asm one"
        );
        assert!(!scratch.path().join(format!("{OLD}_bg.wasm")).exists());
        // Named again, it keeps its name: the hash leaves the name itself out.
        assert_eq!(name_by_content(scratch.path()).unwrap(), (new.clone(), new));
    }

    #[test]
    fn other_module_bytes_under_the_same_old_name_get_another_name() {
        let first = Scratch::new("names-first").unwrap();
        let second = Scratch::new("names-second").unwrap();
        built(first.path(), b"\0asm optimised one way");
        built(second.path(), b"\0asm optimised another way");
        assert_ne!(
            name_by_content(first.path()).unwrap().1,
            name_by_content(second.path()).unwrap().1
        );
    }

    #[test]
    fn a_folder_without_its_module_says_so() {
        let scratch = Scratch::new("names-empty").unwrap();
        std::fs::write(scratch.path().join(format!("{OLD}_bg.wasm")), b"\0asm").unwrap();
        let error = name_by_content(scratch.path()).unwrap_err();
        assert!(error.contains("build first"), "{error}");
    }
}
