//! What makes the build an installable app that opens offline: the icons, drawn from
//! `public/favicon.svg` at the sizes the web app manifest names, and the service worker,
//! `public/sw.js` with this build's shell (its own hashed file names) and version written in.

use std::path::Path;

use sha2::{Digest, Sha256};

use crate::{compress, names};

/// The icons the manifest names: file, size, and whether the drawing is shrunk into the
/// safe zone of a maskable icon (the middle 80 %), on the icon's own background colour.
pub const ICONS: [(&str, u32, bool); 3] = [
    ("icons/icon-192.png", 192, false),
    ("icons/icon-512.png", 512, false),
    ("icons/icon-maskable-512.png", 512, true),
];

/// The background of a maskable icon: the favicon's own square colour.
const MASKABLE_BACKGROUND: [u8; 3] = [0x1d, 0x1d, 0x1b];

/// Where the service worker's template marks the build's shell.
const SHELL_MARK: &str = "/* FOLIO_SHELL */";

/// Draws the app's icons into `dist/icons/` from `dist/favicon.svg`.
pub fn write_icons(dist: &Path) -> Result<(), String> {
    let svg_path = dist.join("favicon.svg");
    let svg = std::fs::read(&svg_path).map_err(|e| format!("{}: {e}", svg_path.display()))?;
    let tree = resvg::usvg::Tree::from_data(&svg, &resvg::usvg::Options::default())
        .map_err(|e| format!("{}: {e}", svg_path.display()))?;
    std::fs::create_dir_all(dist.join("icons")).map_err(|e| e.to_string())?;
    for (file, size, maskable) in ICONS {
        let png = draw(&tree, size, maskable)?;
        let path = dist.join(file);
        std::fs::write(&path, png).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
}

/// One icon as PNG: the drawing scaled to `size` pixels square, or for a maskable icon, to
/// 80 % of it, centred on the background colour.
fn draw(tree: &resvg::usvg::Tree, size: u32, maskable: bool) -> Result<Vec<u8>, String> {
    let mut pixmap = resvg::tiny_skia::Pixmap::new(size, size).ok_or("an empty icon")?;
    let drawn = if maskable {
        size as f32 * 0.8
    } else {
        size as f32
    };
    if maskable {
        let [r, g, b] = MASKABLE_BACKGROUND;
        pixmap.fill(resvg::tiny_skia::Color::from_rgba8(r, g, b, 255));
    }
    let view = tree.size();
    let scale = drawn / view.width().max(view.height());
    let offset = (size as f32 - drawn) / 2.0;
    let transform = resvg::tiny_skia::Transform::from_row(scale, 0.0, 0.0, scale, offset, offset);
    resvg::render(tree, transform, &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| e.to_string())
}

/// The app shell of the build in `dist`: every file the app needs to start on any of its
/// pages, as paths from the site's root. The catalog's page and file, the Saved page, the
/// module and its script, the settings, the manifest and icons; the CSS is inside the pages. Reading fonts and
/// articles are stored only when a reader saves an article. The module's parts are in it,
/// but for the pages the app loads itself (`?bundle=`, `?article=`) and the bundle reader
/// with them: a saved article is its static page, which needs neither, and an article
/// opened by its address needs the network for its bundle anyway.
pub fn shell(dist: &Path) -> Vec<String> {
    let mut files: Vec<String> = compress::files(dist)
        .into_iter()
        .filter_map(|p| {
            p.strip_prefix(dist)
                .ok()
                .map(|p| p.to_string_lossy().into_owned())
        })
        .filter(|p| {
            let top = !p.contains('/');
            (top && p.starts_with("folio-")
                && !p.starts_with(names::parts::LOADING_PART)
                && (p.ends_with(".js") || p.ends_with(".wasm")))
                || (p.starts_with("icons/") && p.ends_with(".png"))
                || (p.starts_with("words/") && p.ends_with(".json"))
                || matches!(
                    p.as_str(),
                    "index.html"
                        | "saved/index.html"
                        | "index.json"
                        | "folio.json"
                        | "offline.js"
                        | "favicon.svg"
                        | "manifest.webmanifest"
                )
        })
        .collect();
    files.sort();
    files
}

/// The shell's version: a hash of its files' names and contents, so every build that
/// changes any of them gets a cache of its own.
pub fn version(dist: &Path, shell: &[String]) -> Result<String, String> {
    let mut hash = Sha256::new();
    for file in shell {
        let bytes = std::fs::read(dist.join(file)).map_err(|e| format!("{file}: {e}"))?;
        hash.update(file.as_bytes());
        hash.update((bytes.len() as u64).to_le_bytes());
        hash.update(&bytes);
    }
    Ok(names::short_hex(hash))
}

/// Writes `dist/sw.js`: the template the build copied there, with this build's shell and
/// version in place of its mark. Returns the version.
pub fn write_service_worker(dist: &Path) -> Result<String, String> {
    let path = dist.join("sw.js");
    let template =
        std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    if template.matches(SHELL_MARK).count() != 1 {
        return Err(format!(
            "{} must hold the mark {SHELL_MARK} once (it was written already?)",
            path.display()
        ));
    }
    let shell = shell(dist);
    let version = version(dist, &shell)?;
    let filled = template.replace(SHELL_MARK, &shell_script(&version, &shell));
    std::fs::write(&path, filled).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(version)
}

/// Writes into `out` a copy of the built site in `dist` as its next release would be: the
/// module's script changed, so the pair is named anew by its bytes, every page pointing at
/// them, and the service worker written again for the new shell. The offline tests deploy it
/// to see an update arrive. Returns the new module's file name.
pub fn next_release(dist: &Path, out: &Path) -> Result<String, String> {
    let _ = std::fs::remove_dir_all(out);
    folio::publish::copy_dir(dist, out)?;
    for path in compress::files(out) {
        let name = path.to_string_lossy();
        if name.ends_with(".br") || name.ends_with(".gz") {
            std::fs::remove_file(&path).map_err(|e| e.to_string())?;
        }
    }
    let js = out.join(format!("{}.js", names::module_stem(out)?));
    let mut text = std::fs::read_to_string(&js).map_err(|e| e.to_string())?;
    text.push_str("\n// The next release.\n");
    std::fs::write(&js, text).map_err(|e| e.to_string())?;
    let (_, new) = names::name_by_content(out)?;
    std::fs::copy(crate::root().join("public/sw.js"), out.join("sw.js"))
        .map_err(|e| e.to_string())?;
    write_service_worker(out)?;
    compress::precompress(out)?;
    Ok(format!("{new}.js"))
}

/// The two constants the service worker is written around.
fn shell_script(version: &str, shell: &[String]) -> String {
    let list = serde_json::to_string(shell).unwrap_or_else(|_| "[]".into());
    format!("const SHELL_VERSION = \"{version}\";\nconst SHELL_FILES = {list};")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(files: &[(&str, &str)]) -> tempdir::Dir {
        let dir = tempdir::Dir::new();
        for (name, text) in files {
            let path = dir.0.join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        dir
    }

    mod tempdir {
        /// A folder under the target directory, removed when dropped.
        pub struct Dir(pub std::path::PathBuf);
        impl Dir {
            pub fn new() -> Dir {
                static NEXT: std::sync::atomic::AtomicUsize =
                    std::sync::atomic::AtomicUsize::new(0);
                let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                let path =
                    std::env::temp_dir().join(format!("folio-offline-{}-{n}", std::process::id()));
                let _ = std::fs::remove_dir_all(&path);
                std::fs::create_dir_all(&path).unwrap();
                Dir(path)
            }
        }
        impl Drop for Dir {
            fn drop(&mut self) {
                let _ = std::fs::remove_dir_all(&self.0);
            }
        }
    }

    const BUILD: [(&str, &str); 11] = [
        ("index.html", "<html>"),
        ("folio-0123456789abcdef.js", "js"),
        ("folio-0123456789abcdef_bg.wasm", "wasm"),
        ("folio-split_read_aloud-0123456789abcdef.wasm", "part"),
        ("folio-split_loading-0123456789abcdef.wasm", "loading"),
        ("folio.json", "{}"),
        ("favicon.svg", "<svg/>"),
        ("icons/icon-192.png", "png"),
        ("articles/a/index.html", "<html>"),
        ("bundles/a/bundle.json", "{}"),
        ("fonts/x/x.woff2", "font"),
    ];

    #[test]
    fn the_shell_is_the_app_not_the_articles_nor_the_fonts_nor_the_reader() {
        let dir = site(&BUILD);
        assert_eq!(
            shell(&dir.0),
            [
                "favicon.svg",
                "folio-0123456789abcdef.js",
                "folio-0123456789abcdef_bg.wasm",
                "folio-split_read_aloud-0123456789abcdef.wasm",
                "folio.json",
                "icons/icon-192.png",
                "index.html",
            ]
        );
    }

    #[test]
    fn a_changed_shell_file_changes_the_version_and_an_article_does_not() {
        let dir = site(&BUILD);
        let first = version(&dir.0, &shell(&dir.0)).unwrap();
        std::fs::write(dir.0.join("articles/a/index.html"), "<html lang=ru>").unwrap();
        assert_eq!(version(&dir.0, &shell(&dir.0)).unwrap(), first);
        std::fs::write(dir.0.join("folio-0123456789abcdef_bg.wasm"), "wasm2").unwrap();
        let second = version(&dir.0, &shell(&dir.0)).unwrap();
        assert_ne!(second, first);
        assert_eq!(second.len(), 16);
    }

    #[test]
    fn the_worker_gets_its_shell_once_and_refuses_a_second_fill() {
        let dir = site(&BUILD);
        std::fs::write(dir.0.join("sw.js"), format!("a\n{SHELL_MARK}\nb")).unwrap();
        let version = write_service_worker(&dir.0).unwrap();
        let written = std::fs::read_to_string(dir.0.join("sw.js")).unwrap();
        assert!(written.contains(&format!("const SHELL_VERSION = \"{version}\";")));
        assert!(written.contains("\"folio-0123456789abcdef_bg.wasm\""));
        assert!(!written.contains("bundles/"));
        assert!(write_service_worker(&dir.0).is_err());
    }

    #[test]
    fn icons_are_drawn_at_their_sizes_and_the_maskable_one_is_filled_to_its_corners() {
        let dir = site(&[]);
        std::fs::copy(
            crate::root().join("public/favicon.svg"),
            dir.0.join("favicon.svg"),
        )
        .unwrap();
        write_icons(&dir.0).unwrap();
        for (file, size, maskable) in ICONS {
            let png = std::fs::read(dir.0.join(file)).unwrap();
            let pixmap = resvg::tiny_skia::Pixmap::decode_png(&png).unwrap();
            assert_eq!((pixmap.width(), pixmap.height()), (size, size), "{file}");
            // The favicon's corners are rounded, so transparent; a maskable icon's are not.
            let corner = pixmap.pixel(0, 0).unwrap();
            assert_eq!(corner.alpha() == 255, maskable, "{file}");
            // The middle holds the drawing's dark square or its light letter, opaque.
            assert_eq!(pixmap.pixel(size / 2, size / 2).unwrap().alpha(), 255);
        }
    }
}
