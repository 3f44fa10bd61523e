//! Component tests in headless Chromium: mount one part of the viewer, look at the DOM.
//! Run by `cargo xtask test` (`cargo test --target wasm32-unknown-unknown -p folio`).
#![cfg(target_arch = "wasm32")]

mod browser;

use std::sync::Arc;

use browser::{host, sleep};
use folio::article::figure::Figure;
use folio::article::ArticleView;
use folio::io::{LoadError, LoadedArticle};
use folio::pages::failure::Failure;
use folio::render_context::RenderContext;
use folio_bundle::{read_bundle, Report};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SEED_MANIFEST: &[u8] =
    include_bytes!("../public/bundles/us-officials-meet-russian-dissidents/bundle.json");
const SEED_BODY: &[u8] =
    include_bytes!("../public/bundles/us-officials-meet-russian-dissidents/body.md");

fn seed() -> LoadedArticle {
    let (article, report) = read_bundle(SEED_MANIFEST, SEED_BODY);
    assert!(report.diagnostics.is_empty(), "{report}");
    LoadedArticle {
        article: Arc::new(article.unwrap()),
        base: "/bundles/us-officials-meet-russian-dissidents/".into(),
    }
}

fn texts(root: &web_sys::HtmlElement, css: &str) -> Vec<String> {
    let list = root.query_selector_all(css).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.text_content().unwrap_or_default())
        .collect()
}

#[wasm_bindgen_test]
fn article_view_renders_each_part_in_reading_order() {
    let el = host();
    let handle = leptos::mount::mount_to(el.clone(), || view! { <ArticleView loaded=seed()/> });
    let order = texts(&el, ".kicker, h1, .lead figcaption, .story-body h2, .related__title, .notice__title, .sidebar__title");
    assert_eq!(
        order,
        [
            "Breaking News",
            "U.S. Officials Meet With Russian Dissidents, Military",
            "Image: Gates (left) and Rice with Putin on October 12 (Credit: ITAR-TASS)",
            "Array Of Activists",
            "Missile-Defense Disagreement",
            "Related",
            "Safety notice",
            "Moscow And Washington: Toe To Toe",
        ]
    );
    let article = el.query_selector("article").unwrap().unwrap();
    assert_eq!(article.get_attribute("lang").as_deref(), Some("en"));
    assert_eq!(article.get_attribute("dir").as_deref(), Some("ltr"));
    assert_eq!(texts(&el, "h1").len(), 1, "one h1 per page");
    assert_eq!(
        texts(&el, ".related__list .link-none").len(),
        4,
        "targetless related items are plain text"
    );
    drop(handle);
}

#[wasm_bindgen_test]
fn lead_image_reserves_its_declared_shape_and_loads_eagerly() {
    let el = host();
    let _handle = leptos::mount::mount_to(el.clone(), || view! { <ArticleView loaded=seed()/> });
    let img = el.query_selector(".lead img").unwrap().unwrap();
    assert_eq!(img.get_attribute("width").as_deref(), Some("640"));
    assert_eq!(img.get_attribute("height").as_deref(), Some("360"));
    assert_eq!(img.get_attribute("loading").as_deref(), Some("eager"));
    // The image's own width and height give it its shape before it arrives; no `style`
    // attribute, which the Content-Security-Policy would refuse.
    let frame = el.query_selector(".lead .figure__frame").unwrap().unwrap();
    assert_eq!(frame.get_attribute("style"), None);
    let sidebar_img = el.query_selector(".sidebar img").unwrap().unwrap();
    assert_eq!(
        sidebar_img.get_attribute("loading").as_deref(),
        Some("lazy")
    );
}

#[wasm_bindgen_test]
async fn a_failed_image_keeps_its_caption_and_its_box() {
    let el = host();
    let loaded = seed();
    let mut media = loaded.article.manifest.media[0].clone();
    media.src = "no-such-file.png".into();
    let ctx = RenderContext {
        article: loaded.article.clone(),
        base: "/definitely-missing/".into(),
    };
    let _handle = leptos::mount::mount_to(el.clone(), move || {
        provide_context(ctx.clone());
        view! { <Figure media=media.clone() caption=Some("A caption".into_any()) credit=Some("AFP".into())/> }
    });
    for _ in 0..50 {
        if el
            .query_selector(".figure__frame--failed")
            .unwrap()
            .is_some()
        {
            break;
        }
        sleep(100).await;
    }
    assert!(
        el.query_selector(".figure__frame--failed")
            .unwrap()
            .is_some(),
        "the frame is marked failed"
    );
    let frame: web_sys::HtmlElement = el
        .query_selector(".figure__frame")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert!(frame.offset_height() > 0, "the box keeps its height");
    assert!(texts(&el, "figcaption")[0].contains("A caption"));
}

#[wasm_bindgen_test]
fn failure_views_name_the_problem_and_offer_retry_only_where_it_helps() {
    let cases = [
        (LoadError::NotFound { what: "x".into() }, "not-found", false),
        (
            LoadError::Server {
                url: "u".into(),
                status: 503,
            },
            "server",
            true,
        ),
        (LoadError::Network { url: "u".into() }, "network", true),
        (
            LoadError::Timeout {
                url: "u".into(),
                seconds: 20,
            },
            "timeout",
            true,
        ),
        (
            LoadError::Invalid {
                what: "w".into(),
                report: Report::default(),
            },
            "invalid",
            false,
        ),
        (
            LoadError::Unsupported {
                message: "m".into(),
            },
            "unsupported",
            false,
        ),
        (
            LoadError::Refused {
                url: "u".into(),
                reason: "r".into(),
            },
            "refused",
            false,
        ),
        (
            LoadError::TooLarge {
                url: "u".into(),
                limit: 4 * 1024 * 1024,
            },
            "too-large",
            false,
        ),
    ];
    for (error, kind, retry) in cases {
        let el = host();
        let _handle = leptos::mount::mount_to(
            el.clone(),
            move || view! { <Failure error=error.clone() retry=|_| ()/> },
        );
        let view = el.query_selector("[data-failure]").unwrap().unwrap();
        assert_eq!(view.get_attribute("data-failure").as_deref(), Some(kind));
        assert_eq!(
            el.query_selector("button").unwrap().is_some(),
            retry,
            "{kind}"
        );
    }
}

#[wasm_bindgen_test]
fn a_too_large_file_says_which_and_how_large_folio_reads() {
    let el = host();
    let error = LoadError::TooLarge {
        url: "https://news.example.org/story/body.md".into(),
        limit: 4 * 1024 * 1024,
    };
    let _handle = leptos::mount::mount_to(
        el.clone(),
        move || view! { <Failure error=error.clone() retry=|_| ()/> },
    );
    let text = el.text_content().unwrap_or_default();
    assert!(text.contains("This file is too large"), "{text}");
    assert!(
        text.contains("https://news.example.org/story/body.md"),
        "{text}"
    );
    assert!(text.contains("larger than the 4 MiB"), "{text}");
}

#[wasm_bindgen_test]
fn a_flood_of_errors_is_listed_as_the_first_few_and_a_count() {
    let mut report = Report::default();
    for i in 0..25 {
        report.push(folio_bundle::Diagnostic::new(
            folio_bundle::Rule::UnsafeUrl,
            "bundle.json",
            format!("related[{i}].url"),
            "refused",
        ));
    }
    let el = host();
    let error = LoadError::Invalid {
        what: "w".into(),
        report,
    };
    let _handle = leptos::mount::mount_to(
        el.clone(),
        move || view! { <Failure error=error.clone() retry=|_| ()/> },
    );
    let items = texts(&el, ".failure__problems li");
    assert_eq!(items.len(), Report::KEPT_PER_RULE + 1, "{items:?}");
    assert_eq!(items[Report::KEPT_PER_RULE], "and 5 more unsafe-url errors");
}

#[wasm_bindgen_test]
fn every_id_on_an_article_page_is_unique_even_when_texts_reuse_headings_and_footnotes() {
    let manifest = br###"{
      "format_version": "1.0", "id": "ids", "language": "en", "headline": "Ids",
      "published": "2024-01-02", "source": { "name": "Folio" }, "body": "body.md",
      "sidebars": [
        { "title": "One", "teaser": "## Title\n\nA note.[^1] Cited again.[^1]\n\n[^1]: Sidebar note." },
        { "title": "Two", "teaser": "## Related\n\nA note.[^1]\n\n[^1]: Other note." }
      ],
      "notices": [ { "kind": "correction", "text": "## Folio main\n\nFixed.[^1]\n\n[^1]: Notice note." } ]
    }"###;
    let body = b"## Related\n\n## Notices\n\nText.[^1]\n\n[^1]: Body note.\n";
    let (article, report) = read_bundle(manifest, body);
    let loaded = LoadedArticle {
        article: Arc::new(article.unwrap_or_else(|| panic!("{report}"))),
        base: "/b/".into(),
    };
    let el = host();
    let _handle = leptos::mount::mount_to(
        el.clone(),
        move || view! { <ArticleView loaded=loaded.clone()/> },
    );
    let ids = el.query_selector_all("[id]").unwrap();
    let mut seen = std::collections::HashSet::new();
    for i in 0..ids.length() {
        let id = ids
            .item(i)
            .unwrap()
            .unchecked_into::<web_sys::Element>()
            .id();
        assert!(seen.insert(id.clone()), "duplicate id {id:?}");
    }
    assert!(
        seen.contains("related") && seen.contains("notices"),
        "body headings keep their slugs: {seen:?}"
    );
    assert_eq!(
        el.query_selector("a[href='#body_fn_1']")
            .unwrap()
            .map(|a| a.id())
            .as_deref(),
        Some("body_fnref_1")
    );
}

#[wasm_bindgen_test]
fn a_failure_under_the_catalogs_title_is_an_h2_so_the_page_keeps_one_h1() {
    let host = host();
    let error = LoadError::Network {
        url: "index.json".into(),
    };
    let _m = leptos::mount::mount_to(host.clone(), move || {
        view! { <Failure error=error.clone() retry=|_| () under_page_title=true/> }
    });
    assert_eq!(texts(&host, "h1").len(), 0);
    assert_eq!(texts(&host, "h2#folio_failure_title").len(), 1);
}

#[wasm_bindgen_test]
async fn an_article_the_app_loaded_writes_its_head_once_whatever_the_page_had() {
    use folio::article::meta::{ArticleMeta, HeadTags};
    let document = web_sys::window().unwrap().document().unwrap();
    let head = document.query_selector("head").unwrap().unwrap();
    // What a static page's head already has.
    head.insert_adjacent_html(
        "beforeend",
        "<meta name=\"description\" content=\"The page's own\">",
    )
    .unwrap();
    let tags = |title: &str, description: &str| HeadTags {
        title: title.into(),
        metas: vec![
            ("name", "description".into(), description.into()),
            ("property", "og:title".into(), title.into()),
        ],
        canonical: Some(format!("https://news.example.org/{title}/")),
        json_ld: format!("{{\"headline\":\"{title}\"}}"),
    };
    let count = |css: &str| head.query_selector_all(css).unwrap().length();
    let read = |css: &str, attribute: &str| {
        let element = head.query_selector(css).unwrap().expect(css);
        match attribute {
            "text" => element.text_content().unwrap_or_default(),
            _ => element.get_attribute(attribute).unwrap_or_default(),
        }
    };
    let first = tags("one", "The first");
    let _one = leptos::mount::mount_to(host(), move || view! { <ArticleMeta tags=first/> });
    sleep(0).await;
    assert_eq!(document.title(), "one");
    assert_eq!(read("meta[name=description]", "content"), "The first");
    assert_eq!(read("meta[property='og:title']", "content"), "one");
    assert_eq!(
        read("link[rel=canonical]", "href"),
        "https://news.example.org/one/"
    );
    assert_eq!(
        read("script#folio_jsonld", "text"),
        "{\"headline\":\"one\"}"
    );
    assert_eq!(read("script#folio_jsonld", "type"), "application/ld+json");

    let second = tags("two", "The second");
    let _two = leptos::mount::mount_to(host(), move || view! { <ArticleMeta tags=second/> });
    sleep(0).await;
    assert_eq!(document.title(), "two");
    for css in [
        "meta[name=description]",
        "meta[property='og:title']",
        "link[rel=canonical]",
        "script#folio_jsonld",
    ] {
        assert_eq!(count(css), 1, "one {css}, updated");
    }
    assert_eq!(read("meta[name=description]", "content"), "The second");
    assert_eq!(
        read("script#folio_jsonld", "text"),
        "{\"headline\":\"two\"}"
    );
}
