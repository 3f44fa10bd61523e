//! The static pages of a build (`cargo xtask build` writes them after Trunk), and
//! `cargo xtask render BUNDLE_DIR OUT_DIR` for a publisher's one bundle: both through
//! `folio::publish`, which renders the viewer's own components natively.

use std::path::Path;

use folio::host::native::Native;
use folio::interface::{page_words, Locale};
use folio::publish::{self, Options, Template};

use crate::Outcome;

/// The address `cargo xtask serve` listens on, the site's address when none is set.
pub const SERVE_URL: &str = "http://127.0.0.1:8080/";

/// The site's public address from `FOLIO_SITE_URL`, ending in `/`; `None` when it is not set.
fn site_url() -> Option<String> {
    std::env::var("FOLIO_SITE_URL")
        .ok()
        .filter(|s| !s.trim().is_empty())
        .map(|s| if s.ends_with('/') { s } else { format!("{s}/") })
}

/// The render options: the site's public address (`FOLIO_SITE_URL`, else [`SERVE_URL`]),
/// the system clock.
fn options() -> Options {
    Options {
        site_url: Some(site_url().unwrap_or_else(|| SERVE_URL.to_owned())),
        now_ms: Native::now().now_ms,
    }
}

/// Says so when the pages were given [`SERVE_URL`] for want of `FOLIO_SITE_URL`.
fn warn_without_site_url() {
    if site_url().is_none() {
        eprintln!(
            "xtask: warning: FOLIO_SITE_URL is not set, so canonical links, OpenGraph images and \
             the oEmbed answers name {SERVE_URL}, where `cargo xtask serve` listens. To publish, \
             build with FOLIO_SITE_URL=https://your.site/folio/ (README, \"Settings\")."
        );
    }
}

/// The folder part of `FOLIO_SITE_URL` (`/news/folio/` for `https://example.org/news/folio/`),
/// where the site's header rules apply; `/` when it is not set.
pub fn site_path() -> String {
    let path = site_url()
        .as_deref()
        .and_then(|url| url.split_once("://"))
        .and_then(|(_, rest)| rest.find('/').map(|at| rest[at..].to_owned()))
        .unwrap_or_default();
    format!("/{}/", path.trim_matches('/')).replace("//", "/")
}

/// Writes the page's words (`folio::interface::page_words`) for its offline script: English
/// into the built site's `offline.js`, in place of its empty `WORDS`, and every other
/// language into `words/LANG.json`, which the script fetches only on a page in that language.
fn write_page_words(dist: &Path) -> Outcome {
    const MARK: &str = "const WORDS = {};";
    let path = dist.join("offline.js");
    let script = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    if !script.contains(MARK) {
        return Err(format!("{} has no `{MARK}` for its words", path.display()));
    }
    let folder = dist.join("words");
    std::fs::create_dir_all(&folder).map_err(|e| format!("{}: {e}", folder.display()))?;
    for locale in Locale::ALL {
        let language = locale.tag();
        let words = script_words(locale)?;
        if locale == Locale::En {
            let english = serde_json::json!({ "en": words });
            let script = script.replacen(MARK, &format!("const WORDS = {english};"), 1);
            std::fs::write(&path, script)
        } else {
            let words = serde_json::Value::Object(words);
            std::fs::write(folder.join(format!("{language}.json")), words.to_string())
        }
        .map_err(|e| format!("cannot write the {language} words: {e}"))?;
    }
    Ok(())
}

/// The key under which the script finds the direction its words are written in. No Fluent
/// message can have it as its id: message ids start with a letter.
const DIRECTION: &str = "-direction";

/// The page's words in `locale` as the offline script reads them: the messages, and the
/// language's direction under [`DIRECTION`] for the status line's `dir`.
fn script_words(locale: Locale) -> Result<serde_json::Map<String, serde_json::Value>, String> {
    let mut words = page_words(locale).clone();
    if words.is_empty() {
        return Err(format!("the page's words have no {}", locale.tag()));
    }
    words.insert(DIRECTION.into(), locale.direction().into());
    Ok(words)
}

/// Writes the static pages into the built site in `dist`, and the page's words into its
/// offline script.
pub fn publish_site(dist: &Path) -> Outcome {
    warn_without_site_url();
    write_page_words(dist)?;
    let published = publish::publish_site(dist, &options())?;
    for (page, title) in &published.pages {
        eprintln!("xtask: static page /{page}: {title}");
    }
    Ok(())
}

/// `cargo xtask render BUNDLE_DIR OUT_DIR`: builds the app, then writes into `OUT_DIR` a
/// site holding the app and the bundle, with the bundle's static page.
pub fn render(args: &[String]) -> Outcome {
    let [bundle, out] = args else {
        return Err("usage: cargo xtask render BUNDLE_DIR OUT_DIR".into());
    };
    let (bundle, out) = (Path::new(bundle), Path::new(out));
    if !bundle.join("bundle.json").is_file() {
        return Err(format!(
            "{} is not a bundle folder: it has no bundle.json",
            bundle.display()
        ));
    }
    crate::setup::all(crate::setup::Needs::BUILD)?;
    let dist = crate::root().join("target/render-app");
    crate::build_app_into(&dist)?;
    let template = Template::read(&dist.join("index.html"))?;
    std::fs::create_dir_all(out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    // The app's own files (script, module, fonts, settings) so the page can be taken over;
    // not the sample bundles, nor the template itself.
    for entry in std::fs::read_dir(&dist).map_err(|e| e.to_string())? {
        let entry = entry.map_err(|e| e.to_string())?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if matches!(
            name.as_str(),
            "bundles" | "schema" | "index.html" | "index.json"
        ) || name.ends_with(".br")
            || name.ends_with(".gz")
        {
            continue;
        }
        let target = out.join(&name);
        if entry.path().is_dir() {
            publish::copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), &target).map_err(|e| e.to_string())?;
        }
    }
    crate::offline::write_icons(out)?;
    warn_without_site_url();
    let published = publish::publish_bundle(&template, bundle, out, &options())?;
    for (page, title) in &published.pages {
        println!("{}: {title}", out.join(page).join("index.html").display());
    }
    crate::offline::write_service_worker(out)?;
    crate::write_headers(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_offline_script_s_words_say_which_way_each_language_is_written() {
        for locale in Locale::ALL {
            let words = script_words(locale).expect("words");
            assert_eq!(words[DIRECTION], locale.direction(), "{}", locale.tag());
            assert_eq!(
                words.len(),
                page_words(locale).len() + 1,
                "{}: the direction took a message's place",
                locale.tag()
            );
        }
        assert_eq!(script_words(Locale::Fa).expect("words")[DIRECTION], "rtl");
    }

    #[test]
    fn the_offline_script_takes_the_direction_from_its_words() {
        let script = std::fs::read_to_string(crate::root().join("public/offline.js"))
            .expect("public/offline.js");
        assert!(
            script.contains(&format!("[{DIRECTION:?}]")),
            "public/offline.js does not read {DIRECTION:?} from its words"
        );
    }
}
