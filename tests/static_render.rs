//! Native rendering: the viewer's components, rendered to static HTML with no browser, give
//! every block and inline kind its element, and the sample articles their structure.
//! (The end-to-end suite checks that the browser renders the same pages identically.)
#![cfg(all(feature = "ssr", not(target_arch = "wasm32")))]

use folio::publish::{render_article, render_catalog, Options, Template};
use folio::start::PageData;

const TEMPLATE: &str = "<!doctype html>\n<html lang=\"en\">\n<head><title>Folio</title>\
    <link rel=\"icon\" href=\"./favicon.svg\"><script type=\"module\">\
    import init, * as bindings from './folio-1.js';\nawait init();</script></head>\n\
    <body>\n<div class=\"app-status\" lang=\"en\" dir=\"ltr\">\
    <p data-folio-status=\"offline\" data-folio-words=\"status-offline\" hidden></p></div>\n\
    <div id=\"folio_root\"></div>\n</body>\n</html>\n";

fn options() -> Options {
    Options {
        site_url: Some("https://news.example.org/folio/".into()),
        // 2026-12-01.
        now_ms: 1_796_083_200_000.0,
    }
}

fn template() -> Template {
    Template::from_html(TEMPLATE.into()).expect("a valid template")
}

fn sample(id: &str) -> PageData {
    let dir = format!("{}/public/bundles/{id}", env!("CARGO_MANIFEST_DIR"));
    let read = |name: &str| {
        std::fs::read_to_string(format!("{dir}/{name}")).expect("the sample bundle's files")
    };
    article_data(
        &format!("../../bundles/{id}/"),
        &read("bundle.json"),
        &read("body.md"),
    )
}

/// A page's data for the bundle of `manifest` and `body`, read as the build reads it.
fn article_data(base: &str, manifest: &str, body: &str) -> PageData {
    let (article, report) = folio_bundle::read_bundle(manifest.as_bytes(), body.as_bytes());
    PageData::Article {
        root: "../../".into(),
        base: base.into(),
        article: Box::new(article.unwrap_or_else(|| panic!("the bundle reads:\n{report}"))),
        embed: None,
    }
}

fn render(data: PageData, id: &str) -> String {
    render_article(&template(), data, &format!("articles/{id}/"), &options())
        .expect("the page renders")
        .html
}

fn count(html: &str, needle: &str) -> usize {
    html.matches(needle).count()
}

#[test]
fn the_seed_article_renders_with_its_head_captions_credits_sidebar_and_notice() {
    let html = render(sample(SEED), SEED);
    assert!(html.starts_with(
        "<!doctype html>\n<html lang=\"en\" dir=\"ltr\" data-folio-interface=\"en\">"
    ));
    for needle in [
        "<title>U.S. Officials Meet With Russian Dissidents, Military — RFE/RL</title>",
        "<meta property=\"og:title\" content=\"U.S. Officials Meet With Russian Dissidents, Military\">",
        "<meta property=\"og:image\" content=\"https://news.example.org/folio/bundles/us-officials-meet-russian-dissidents/media/lead-photo.png\">",
        "<link rel=\"canonical\" href=\"https://news.example.org/folio/articles/us-officials-meet-russian-dissidents/\">",
        "<time datetime=\"2007-10-13\">October 13, 2007</time>",
        "This article is more than 19 years old.",
        "<span class=\"visually-hidden\">Image: </span>",
        "<span>Gates (left) and Rice with Putin on October 12</span>",
        "<span class=\"visually-hidden\">Credit: </span>ITAR-TASS",
        "<h2 id=\"array-of-activists\">Array Of Activists</h2>",
        "<h2 id=\"sidebar_0_title\" class=\"sidebar__title\">Moscow And Washington: Toe To Toe</h2>",
        "<strong>MOUNTING TENSIONS.</strong>",
        "<span class=\"link-none\">Silent Diplomacy Versus Public Criticism</span>",
        "<h2 id=\"notice_0_title\" class=\"notice__title\">Safety notice</h2>",
        // Relative addresses of the template start at the site's root.
        "href=\"../../favicon.svg\"",
        "src=\"../../bundles/us-officials-meet-russian-dissidents/media/toe-to-toe.png\"",
    ] {
        assert!(html.contains(needle), "missing {needle}");
    }
    assert_eq!(count(&html, "<h1"), 1, "one h1");
    let h1 = &html[html.find("<h1").unwrap()..];
    let h1 = &h1[..h1.find("</h1>").unwrap()];
    for needle in [
        "id=\"folio_headline\"",
        "class=\"headline\"",
        "elementtiming=\"folio-headline\"",
        ">U.S. Officials Meet With Russian Dissidents, Military",
    ] {
        assert!(h1.contains(needle), "{h1} lacks {needle}");
    }
    assert_eq!(
        count(&html, "class=\"figure__caption\""),
        2,
        "lead and sidebar photos"
    );
    let ld_start =
        html.find("id=\"folio_jsonld\">").expect("JSON-LD") + "id=\"folio_jsonld\">".len();
    let ld_end = ld_start + html[ld_start..].find("</script>").unwrap();
    let ld: serde_json::Value = serde_json::from_str(&html[ld_start..ld_end]).expect("JSON");
    assert_eq!(ld["@type"], "NewsArticle");
    assert_eq!(
        ld["headline"],
        "U.S. Officials Meet With Russian Dissidents, Military"
    );
}

#[test]
fn a_table_renders_every_cell_and_a_footnote_links_back_to_its_first_reference() {
    let html = render(sample(LONG), LONG);
    assert_eq!(
        count(&html, "<th scope=\"col\""),
        4,
        "the table's header cells"
    );
    assert_eq!(count(&html, "<td"), 16, "the table's body cells");
    assert!(html.contains("<td class=\"align-end\">35–45</td>"));
    for n in 1..=3 {
        assert_eq!(
            count(&html, &format!("id=\"body_fn_{n}\"")),
            1,
            "footnote {n}"
        );
        assert_eq!(
            count(&html, &format!("id=\"body_fnref_{n}\"")),
            1,
            "reference {n}"
        );
        assert!(html.contains(&format!(
            "<a href=\"#body_fnref_{n}\" target=\"_self\" aria-label=\"Back to reference {n}\" class=\"footnote-back\">↩</a>"
        )));
    }
    assert!(html.contains("<html lang=\"en\" dir=\"ltr\" data-folio-interface=\"en\">"));
}

#[test]
fn the_russian_article_has_its_language_on_the_page_and_russian_dates() {
    let html = render(sample(RUSSIAN), RUSSIAN);
    assert!(html.contains("<html lang=\"ru\" dir=\"ltr\" data-folio-interface=\"ru\">"));
    // The status lines are in Russian too.
    assert!(html.contains("<div class=\"app-status\" lang=\"ru\" dir=\"ltr\">"));
    assert!(html.contains("Нет подключения к сети."));
    assert!(
        html.contains("10 ноября 2026 г. в 09:00 UTC"),
        "the date in Russian"
    );
}

const SEED: &str = "us-officials-meet-russian-dissidents";
const LONG: &str = "folio-long-read-test";
const RUSSIAN: &str = "folio-russian-test";

const EVERY_KIND: &str = r#"{
  "format_version": "1.0", "id": "folio-every-kind", "language": "en",
  "headline": "Every kind", "published": "2024-05-01", "source": { "name": "Folio" },
  "body": "body.md",
  "media": [ { "id": "chart", "src": "media/chart.png", "alt": "A chart", "width": 4, "height": 3 },
             { "id": "icon", "src": "media/icon.png", "alt": "An icon", "width": 1, "height": 1 } ]
}"#;

const EVERY_KIND_BODY: &str = "## Heading

A paragraph with *emphasis*, **strong**, ~~struck~~, `code`, [out](https://example.org/),
[file](files/data.csv), [here](#heading), [picture](media:chart), [story](bundle:other-story),
[bad](javascript:alert(1)), ![An icon](media:icon), ![far](https://example.org/x.png), a
note[^n], a hard\\
break and <b>raw</b>.

- one
- two

3. three

- [x] done
- [ ] not done

> Quoted.

![A chart in the body](media:chart)

| Head | Other |
| ---: | :---: |
| a | b |

```rust
let x = 1;
```

---

<div>raw block</div>

[^n]: The note.
";

#[test]
fn every_block_and_inline_kind_renders_natively() {
    let data = article_data(
        "../../bundles/folio-every-kind/",
        EVERY_KIND,
        EVERY_KIND_BODY,
    );
    let html = render(data, "folio-every-kind");
    for needle in [
        "<h2 id=\"heading\">Heading</h2>",
        "<p id=\"body_p_1\">A paragraph with ",
        "<em>emphasis</em>",
        "<strong>strong</strong>",
        "<s>struck</s>",
        "<code>code</code>",
        "<a href=\"https://example.org/\" target=\"_blank\" rel=\"noopener noreferrer\">out<span class=\"visually-hidden\"> (opens in a new tab)</span></a>",
        "<a href=\"../../bundles/folio-every-kind/files/data.csv\" download=\"\">file</a>",
        "<a href=\"#heading\" target=\"_self\">here</a>",
        // A media link downloads the image; it never opens a bundle file as a page.
        "<a href=\"../../bundles/folio-every-kind/media/chart.png\" download=\"\">picture</a>",
        "<a href=\"../../articles/other-story/\">story</a>",
        "<span class=\"link-refused\">bad</span>",
        "<img src=\"../../bundles/folio-every-kind/media/icon.png\" alt=\"An icon\" width=\"1\" height=\"1\" loading=\"lazy\" decoding=\"async\" class=\"inline-image\">",
        "<span class=\"image-withheld\">[Image: far]</span>",
        "<sup class=\"footnote-ref\"><a href=\"#body_fn_1\" target=\"_self\" id=\"body_fnref_1\"",
        "<br>",
        "<code class=\"raw-html\">&lt;b&gt;</code>",
        "<ul class=\"tight\"><li><p id=\"body_p_2\">one</p></li>",
        "<ol start=\"3\" class=\"tight\">",
        "<li class=\"task task--done\"><input type=\"checkbox\" disabled checked aria-label=\"Done\">",
        "<li class=\"task\"><input type=\"checkbox\" disabled aria-label=\"Not done\">",
        "<blockquote><p id=\"body_p_",
        "<figcaption class=\"figure__caption\"><span class=\"visually-hidden\">Image: </span>A chart in the body",
        "<th scope=\"col\" class=\"align-end\">Head</th>",
        "<td class=\"align-center\">b</td>",
        "<pre tabindex=\"0\" class=\"code\"><code data-language=\"rust\">let x = 1;\n</code></pre>",
        "<hr>",
        "<pre aria-label=\"Unrendered HTML\" class=\"raw-html\">&lt;div&gt;raw block&lt;/div&gt;\n</pre>",
        "<li id=\"body_fn_1\" value=\"1\">",
    ] {
        assert!(html.contains(needle), "missing {needle}\n\n{html}");
    }
    // The page's data carries the Markdown as published; the rendered page before it
    // writes no raw HTML as markup and no refused address.
    let rendered = &html[..html.find("id=\"folio_page\"").expect("the page's data")];
    assert!(!rendered.contains("<b>raw</b>"), "raw HTML is never markup");
    assert!(
        !rendered.contains("javascript:"),
        "a refused address is not written"
    );
}

#[test]
fn the_catalog_renders_a_card_linking_to_each_article_s_page() {
    let catalog =
        std::fs::read_to_string(format!("{}/public/index.json", env!("CARGO_MANIFEST_DIR")))
            .expect("the sample catalog");
    let data = PageData::Catalog {
        root: String::new(),
        folder: String::new(),
        catalog,
    };
    let page = render_catalog(&template(), data, &options()).expect("the catalog renders");
    for id in [SEED, LONG, RUSSIAN] {
        assert!(
            page.html.contains(&format!("<a href=\"articles/{id}/\">")),
            "{id}"
        );
    }
    assert!(page
        .html
        .contains("<span class=\"card__language\">русский</span>"));
    assert!(page.html.contains("<h1 class=\"page-title\">Articles</h1>"));
    // The catalog sits at the root: its addresses are not rebased.
    assert!(page.html.contains("href=\"./favicon.svg\""));
}

#[test]
fn a_page_carries_the_data_it_was_rendered_from_and_nothing_in_it_closes_its_script() {
    let data = article_data(
        "../../bundles/folio-every-kind/",
        EVERY_KIND,
        "Text with </script><script>alert(1)</script> in it.\n",
    );
    let html = render(data.clone(), "folio-every-kind");
    let start = html.find("id=\"folio_page\">").expect("the page's data") + 16;
    let end = start + html[start..].find("</script>").unwrap();
    let carried = PageData::from_script_text(&html[start..end]).expect("the data reads back");
    assert_eq!(carried, data);
    assert_eq!(count(&html, "<script>alert(1)"), 0);
}

#[test]
fn a_publisher_s_bundle_folder_becomes_a_page_beside_a_copy_of_the_bundle() {
    let out = std::env::temp_dir().join(format!("folio-render-test-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    let bundle = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("public/bundles")
        .join(RUSSIAN);
    let published = folio::publish::publish_bundle(&template(), &bundle, &out, &options())
        .expect("the Russian test bundle publishes");
    // The article's page, its embed, and the Saved page its header links to.
    assert_eq!(published.pages.len(), 3);
    assert!(out.join(format!("embed/{RUSSIAN}/index.html")).is_file());
    let oembed: serde_json::Value = serde_json::from_slice(
        &std::fs::read(out.join(format!("embed/{RUSSIAN}/oembed.json"))).unwrap(),
    )
    .expect("the oEmbed file is JSON");
    assert_eq!(oembed["type"], "rich");
    assert_eq!(oembed["version"], "1.0");
    assert_eq!(oembed["provider_name"], "Folio");
    assert_eq!(oembed["provider_url"], "https://news.example.org/folio/");
    assert!(oembed["width"].as_u64().unwrap() > 0 && oembed["height"].as_u64().unwrap() > 0);
    let html = oembed["html"].as_str().unwrap();
    assert!(html.starts_with(&format!(
        "<div data-folio-article=\"https://news.example.org/folio/embed/{RUSSIAN}/\"><a href=\"https://news.example.org/folio/articles/{RUSSIAN}/\">"
    )), "{html}");
    assert!(
        html.ends_with("<script async src=\"https://news.example.org/folio/embed.js\"></script>")
    );
    assert!(out.join("saved/index.html").is_file());
    let page = std::fs::read_to_string(out.join(format!("articles/{RUSSIAN}/index.html")))
        .expect("the page was written");
    assert!(page.contains("<html lang=\"ru\" dir=\"ltr\" data-folio-interface=\"ru\">"));
    assert!(out.join(format!("bundles/{RUSSIAN}/bundle.json")).is_file());
    assert!(out.join(format!("bundles/{RUSSIAN}/body.md")).is_file());
    // A folder that is not a bundle is refused with a message naming the file it lacks.
    let empty = out.join("not-a-bundle");
    std::fs::create_dir_all(&empty).unwrap();
    let refused = folio::publish::publish_bundle(&template(), &empty, &out, &options())
        .expect_err("no bundle.json");
    assert!(refused.contains("bundle.json"), "{refused}");
    let _ = std::fs::remove_dir_all(&out);
}

#[test]
fn an_embed_is_the_article_alone_with_links_that_leave_the_frame() {
    let page = format!("articles/{SEED}/");
    let html = render_article(
        &template(),
        sample(SEED).for_embed("Folio"),
        &page,
        &options(),
    )
    .expect("the sample article embeds")
    .html;
    assert!(
        html.contains("<html data-folio-embed=\"\" lang=\"en\""),
        "marked as an embed"
    );
    assert!(
        html.contains("<base target=\"_blank\">"),
        "links open outside the frame"
    );
    assert!(
        html.contains("src=\"../../embed-frame.js\""),
        "it reports its height"
    );
    assert!(!html.contains("class=\"site-header\""), "no site header");
    assert!(!html.contains("class=\"site-footer\""), "no site footer");
    assert!(html.contains(&format!(
        "<link rel=\"canonical\" href=\"https://news.example.org/folio/articles/{SEED}/\">"
    )));
    assert!(html.contains(&format!(
        "<a href=\"../../articles/{SEED}/\" target=\"_blank\">Read the full article on Folio</a>"
    )));
    // In-page links stay in the frame, whatever the base says.
    assert!(html.contains("href=\"#folio_notices\" target=\"_self\""));
    // The app takes it over as an embed too.
    assert!(html.contains("\"embed\":\"Folio\""));
    // The reading looks its address may ask for are beside it, for the first script.
    assert!(
        html.contains("<script type=\"application/json\" id=\"folio_embed_looks\">{\"presets\":")
    );
    // An embed is not itself offered by oEmbed; the article's page is.
    assert!(!html.contains("application/json+oembed"));
    let article = render_article(&template(), sample(SEED), &page, &options())
        .unwrap()
        .html;
    assert!(article.contains(&format!(
        "<link rel=\"alternate\" type=\"application/json+oembed\" \
         href=\"https://news.example.org/folio/embed/{SEED}/oembed.json\" title=\"U.S. Officials Meet With Russian Dissidents, Military\">"
    )));
}
