//! Reading a built site or a bundle folder from disk and writing its static pages.

use std::fs;
use std::path::Path;

use folio_bundle::{read_catalog, read_folder, Report};

use super::{oembed, page_file, render_article, render_catalog, render_saved, Options, Template};
use crate::config::{self, Config};
use crate::start::PageData;
use crate::Page;

/// Where the embeds live, relative to the site's root: `embed/ID/`.
pub const EMBED_FOLDER: &str = "embed/";

/// An embed's oEmbed file, in its folder.
pub const OEMBED_FILE: &str = "oembed.json";

/// Where the Saved page lives, relative to the site's root.
pub const SAVED_PAGE: &str = "saved/";

/// What was written.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Published {
    /// Each page's address relative to the site's root (`""` for the list of articles,
    /// `articles/ID/` for an article) and its title.
    pub pages: Vec<(String, String)>,
}

fn read_text(path: &Path) -> Result<String, String> {
    fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn write_text(path: &Path, text: &str) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// The [`PageData`] of the bundle in `dir`, for a page whose way back to the site's root is
/// `root`; `base(id)` is the bundle folder's address relative to the page, which may depend on
/// the bundle's id. Returns the id too.
fn article_data(
    dir: &Path,
    root: &str,
    base: impl FnOnce(&str) -> String,
) -> Result<(String, PageData), String> {
    let mut report = Report::default();
    let article = read_folder(dir, &mut report)
        .ok_or_else(|| format!("{} does not read:\n{report}", dir.display()))?;
    let id = article.manifest.id.clone();
    let data = PageData::Article {
        root: root.to_owned(),
        base: base(&id),
        article: Box::new(article),
        embed: None,
    };
    Ok((id, data))
}

/// Writes a static page for every article in the catalog of the built site in `dist`, and
/// the list of articles into `dist/index.html`, which is also the template.
pub fn publish_site(dist: &Path, options: &Options) -> Result<Published, String> {
    let template = Template::read(&dist.join("index.html"))?;
    let settings: Config = fs::read(dist.join(config::FILE))
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_default();
    let catalog_text = read_text(&dist.join(&settings.catalog))?;
    let mut report = Report::default();
    let catalog = read_catalog(catalog_text.as_bytes(), &mut report)
        .ok_or_else(|| format!("the catalog {} does not read:\n{report}", settings.catalog))?;
    let folder = crate::io::folder_of(&settings.catalog);
    let mut published = Published::default();
    for entry in &catalog.bundles {
        let root = "../../";
        let bundle_path = format!("{folder}{}", entry.path);
        let bundle_path = if bundle_path.ends_with('/') {
            bundle_path
        } else {
            format!("{bundle_path}/")
        };
        let (id, data) = article_data(&dist.join(&bundle_path), root, |_| {
            format!("{root}{bundle_path}")
        })?;
        if id != entry.id {
            return Err(format!(
                "the catalog lists {:?} at {bundle_path}, whose bundle.json says its id is {id:?}",
                entry.id
            ));
        }
        let article = Written {
            template: &template,
            out: dist,
            options,
            site_name: &settings.site_name,
        };
        article.write(data, &id, &bundle_path, &mut published)?;
    }
    let data = PageData::Catalog {
        root: String::new(),
        folder,
        catalog: catalog_text,
    };
    let saved = render_saved(&template, options);
    write_text(&page_file(dist, SAVED_PAGE), &saved.html)?;
    published.pages.push((SAVED_PAGE.into(), saved.title));
    let rendered = render_catalog(&template, data, options)?;
    write_text(&dist.join("index.html"), &rendered.html)?;
    published.pages.push((String::new(), rendered.title));
    Ok(published)
}

/// Writes the static page of the one bundle in `bundle_dir` into `out`, as a built site
/// would hold it: the bundle's files copied to `out/bundles/ID/`, and its page at
/// `out/articles/ID/index.html`, from the built app's `template`.
pub fn publish_bundle(
    template: &Template,
    bundle_dir: &Path,
    out: &Path,
    options: &Options,
) -> Result<Published, String> {
    let root = "../../";
    let (id, data) = article_data(bundle_dir, root, |id| format!("{root}bundles/{id}/"))?;
    let bundle_path = format!("bundles/{id}/");
    copy_dir(bundle_dir, &out.join(&bundle_path))?;
    let settings: Config = fs::read(out.join(config::FILE))
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_default();
    let mut published = Published::default();
    let article = Written {
        template,
        out,
        options,
        site_name: &settings.site_name,
    };
    article.write(data, &id, &bundle_path, &mut published)?;
    let saved = render_saved(template, options);
    write_text(&page_file(out, SAVED_PAGE), &saved.html)?;
    published.pages.push((SAVED_PAGE.into(), saved.title));
    Ok(published)
}

/// Where and how an article's files are written.
struct Written<'a> {
    template: &'a Template,
    out: &'a Path,
    options: &'a Options,
    site_name: &'a str,
}

impl Written<'_> {
    /// Writes the article in `data` (its bundle at `bundle_path` from the site's root): its
    /// page at `articles/ID/`, its embed at `embed/ID/`, and, when the site's address is
    /// known, its oEmbed file beside the embed.
    fn write(
        &self,
        data: PageData,
        id: &str,
        bundle_path: &str,
        published: &mut Published,
    ) -> Result<(), String> {
        let page = format!("articles/{id}/");
        let embed = data.clone().for_embed(self.site_name);
        let rendered = render_article(self.template, data, &page, self.options)?;
        write_text(&page_file(self.out, &page), &rendered.html)?;
        published.pages.push((page.clone(), rendered.title));
        let embed_page = format!("{EMBED_FOLDER}{id}/");
        if let Some(site_url) = &self.options.site_url {
            let article = match embed.clone().into_page() {
                Ok((Page::Article(loaded), _)) => loaded.article,
                _ => return Err(format!("{id} does not read as an article")),
            };
            let answer = oembed(&article, site_url, self.site_name, bundle_path);
            let file = self.out.join(&embed_page).join(OEMBED_FILE);
            write_text(&file, &answer)?;
        }
        let rendered = render_article(self.template, embed, &page, self.options)?;
        write_text(&page_file(self.out, &embed_page), &rendered.html)?;
        published.pages.push((embed_page, rendered.title));
        Ok(())
    }
}

/// Copies the folder `from` into `to`, files and sub-folders.
pub fn copy_dir(from: &Path, to: &Path) -> Result<(), String> {
    fs::create_dir_all(to).map_err(|e| format!("cannot create {}: {e}", to.display()))?;
    let entries = fs::read_dir(from).map_err(|e| format!("cannot read {}: {e}", from.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| format!("cannot read {}: {e}", from.display()))?;
        let (source, target) = (entry.path(), to.join(entry.file_name()));
        if source.is_dir() {
            copy_dir(&source, &target)?;
        } else {
            fs::copy(&source, &target)
                .map_err(|e| format!("cannot copy {}: {e}", source.display()))?;
        }
    }
    Ok(())
}
