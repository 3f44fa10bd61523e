//! A bundle from hostile bytes, taken as far as a reader's browser takes it. The input is
//! split as in `manifest_and_markdown` (the manifest up to the first NUL byte, the body
//! after it). When the bundle reads to an article, the target goes on the way the viewer
//! does: the paragraphs read aloud (`Article::spoken`), one walk over every text with
//! `folio_bundle::visit`, and the article's page rendered by the viewer's own components,
//! natively (`folio::publish::render_article`, from the same strings a static page
//! carries). Whatever the bytes, none of it may panic.

#![no_main]

use std::sync::OnceLock;

use folio::publish::{render_article, Options, Template};
use folio::start::PageData;
use folio_bundle::{read_bundle, visit, Block, Document, Inline};
use libfuzzer_sys::fuzz_target;

/// The smallest page frame `Template::from_html` accepts: the marks it fills, a relative
/// address to rebase, and Trunk's loader.
const TEMPLATE: &str = "<!doctype html>\n<html lang=\"en\">\n<head><title>Folio</title>\
    <link rel=\"icon\" href=\"./favicon.svg\"><script type=\"module\">\
    import init, * as bindings from './folio-1.js';\nawait init();</script></head>\n\
    <body>\n<div id=\"folio_root\"></div>\n</body>\n</html>\n";

fn template() -> &'static Template {
    static TEMPLATE_ONCE: OnceLock<Template> = OnceLock::new();
    TEMPLATE_ONCE.get_or_init(|| Template::from_html(TEMPLATE.into()).expect("a valid template"))
}

fn options() -> Options {
    Options {
        // A site address, so that canonical and OpenGraph links are made absolute too.
        site_url: Some("https://news.example.org/folio/".into()),
        // 2026-12-02: the clock for "more than N years old".
        now_ms: 1_796_169_600_000.0,
    }
}

/// Every block and inline of `doc`, counted with the walk every reader of the tree uses.
fn walk(doc: &Document) -> (usize, usize) {
    let (mut blocks, mut inlines) = (0, 0);
    visit::document(
        doc,
        &mut visit::With(|_: &Block| blocks += 1, |_: &Inline| inlines += 1),
    );
    (blocks, inlines)
}

fuzz_target!(|data: &[u8]| {
    let (manifest, body) = match data.iter().position(|&b| b == 0) {
        Some(nul) => (&data[..nul], &data[nul + 1..]),
        None => (data, &[][..]),
    };
    let (article, _report) = read_bundle(manifest, body);
    let Some(article) = article else {
        return;
    };

    // The model as the viewer prepares it.
    let spoken = article.spoken();
    assert!(
        spoken.iter().all(|s| !s.text.is_empty()),
        "a spoken paragraph with no words"
    );
    let (blocks, _) = walk(&article.body);
    assert!(blocks >= article.body.blocks.len());
    for text in article.teasers.iter().chain(&article.notices) {
        walk(text);
    }
    let _ = article.reading_minutes();

    // The page, rendered natively from the strings a static page carries. The bundle read
    // above, so both are UTF-8 (a manifest is JSON, and a body that is not UTF-8 is refused).
    let (Ok(manifest), Ok(body)) = (std::str::from_utf8(manifest), std::str::from_utf8(body))
    else {
        panic!("a bundle that reads is not UTF-8");
    };
    let data = PageData::Article {
        root: "../../".into(),
        base: "../../bundles/fuzz/".into(),
        manifest: manifest.to_owned(),
        body: body.to_owned(),
    };

    // What the browser reads back from the page's script element is what it was made from.
    let script = data.to_script_text();
    assert!(
        !script.contains('<'),
        "the page data could close its script"
    );
    let carried: PageData = serde_json::from_str(&script).expect("the page data is JSON");
    assert_eq!(carried, data, "the page data does not round-trip");

    let page = render_article(template(), data, "articles/fuzz/", &options())
        .expect("an article that reads renders");
    assert!(page.html.contains("id=\"folio_root\""));
});
