//! The long articles as readers get them, for the bench's page loads: a site with the app (a
//! Trunk build of its own, whose `index.html` is both the `?bundle=` page and the template of
//! the static pages) and a static page for each long article, as `cargo xtask render` makes
//! one, with its bundle beside it.

use std::path::Path;

use folio::host::native::Native;
use folio::publish::{self, Options, Template};

use crate::Outcome;

/// Builds the site in `site`: the app, then `bundles/ID/` and `articles/ID/` for each
/// generated bundle `ids` in `generated` (the folder `longread::write` filled).
pub fn build(site: &Path, generated: &Path, ids: &[String]) -> Outcome {
    crate::build_app_into(site)?;
    let template = Template::read(&site.join("index.html"))?;
    let options = Options {
        site_url: None,
        now_ms: Native::now().now_ms,
    };
    for id in ids {
        let published = publish::publish_bundle(&template, &generated.join(id), site, &options)?;
        for (page, title) in &published.pages {
            eprintln!("xtask: bench page /{page}: {title}");
        }
    }
    Ok(())
}
