//! How the module, its script, its parts and their loader are named.

use super::*;
use crate::names::parts::{name_parts, LOADER};
use crate::tiers::scratch::Scratch;

const OLD: &str = "folio-0123456789abcdef";

/// A built app as Trunk leaves it: the page, the script naming the module, the module.
fn built(dir: &Path, module: &[u8]) {
    std::fs::write(
        dir.join("index.html"),
        format!(
            "<script type=module>import init from './{OLD}.js'; init('./{OLD}_bg.wasm');</script>"
        ),
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
    assert!(page.contains(&format!("./{new}.js")) && page.contains(&format!("./{new}_bg.wasm")));
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

/// A built app with one part, as `module.rs` leaves it before naming: the script imports
/// the loader, which imports the script and fetches the part.
fn built_with_a_part(dir: &Path, part: &[u8]) {
    built(dir, b"\0asm main");
    let script = format!(
        "import * as import1 from \"./{LOADER}\"\nconst imports = {{ \"./{LOADER}\": import1 }};\n"
    );
    std::fs::write(dir.join(format!("{OLD}.js")), script).unwrap();
    let loader = format!(
        "import {{ initSync }} from \"./{OLD}.js\";\nfetch(new URL(\"./split_panel.wasm\", import.meta.url));\n"
    );
    std::fs::write(dir.join(LOADER), loader).unwrap();
    std::fs::write(dir.join("split_panel.wasm"), part).unwrap();
}

/// Names a site built by [`built_with_a_part`]: (the part, the pair's stem, the loader).
fn named_with_a_part(dir: &Path) -> (String, String, String) {
    let named = name_parts(dir, &["split_panel.wasm".into()]).unwrap();
    let (_, stem) = name_by_content(dir).unwrap();
    let loader = parts::loader_in(dir).unwrap().expect("the loader");
    (named[0].clone(), stem, loader)
}

#[test]
fn the_parts_and_their_loader_take_names_from_their_bytes_and_the_scripts_follow() {
    let scratch = Scratch::new("names-parts").unwrap();
    let dir = scratch.path();
    built_with_a_part(dir, b"\0asm panel");
    let (part, stem, loader) = named_with_a_part(dir);
    assert!(
        part.starts_with("folio-split_panel-") && part.ends_with(".wasm"),
        "{part}"
    );
    assert!(
        loader.starts_with("folio-split-") && loader.ends_with(".js"),
        "{loader}"
    );
    assert_eq!(std::fs::read(dir.join(&part)).unwrap(), b"\0asm panel");
    assert!(!dir.join("split_panel.wasm").exists() && !dir.join(LOADER).exists());
    let loader_text = std::fs::read(dir.join(&loader)).unwrap();
    assert_eq!(
        parts::loader_name_for(&loader_text),
        loader,
        "named by its final bytes"
    );
    let loader_text = String::from_utf8(loader_text).unwrap();
    assert!(
        loader_text.contains(&format!("\"./{part}\"")),
        "{loader_text}"
    );
    assert!(
        loader_text.contains(&format!("from \"./{stem}.js\"")),
        "{loader_text}"
    );
    // The script imports the named loader; its module keeps the name it was linked with.
    let script = std::fs::read_to_string(dir.join(format!("{stem}.js"))).unwrap();
    assert_eq!(parts::loader_imported_by(&script), Some(loader.clone()));
    assert!(
        script.contains(&format!("{{ \"./{LOADER}\": import1 }}")),
        "{script}"
    );
    // Named again, nothing moves.
    assert_eq!(name_by_content(dir).unwrap(), (stem.clone(), stem.clone()));
    assert_eq!(parts::loader_in(dir).unwrap(), Some(loader));
}

#[test]
fn a_part_that_changes_renames_the_pair_and_the_loader_too() {
    let first = Scratch::new("names-part-one").unwrap();
    let second = Scratch::new("names-part-two").unwrap();
    built_with_a_part(first.path(), b"\0asm panel");
    built_with_a_part(second.path(), b"\0asm panel, changed");
    let (part_a, stem_a, loader_a) = named_with_a_part(first.path());
    let (part_b, stem_b, loader_b) = named_with_a_part(second.path());
    assert_ne!(part_a, part_b);
    // The pair's script imports the loader, which names the part: a browser keeping the old
    // script for a year must not be sent a new part under old names.
    assert_ne!(stem_a, stem_b);
    assert_ne!(loader_a, loader_b);
}

#[test]
fn a_folder_without_its_module_says_so() {
    let scratch = Scratch::new("names-empty").unwrap();
    std::fs::write(scratch.path().join(format!("{OLD}_bg.wasm")), b"\0asm").unwrap();
    let error = name_by_content(scratch.path()).unwrap_err();
    assert!(error.contains("build first"), "{error}");
}
