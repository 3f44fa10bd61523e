//! A long body built in slices, in headless Chromium: the first screen at once, the rest in
//! later tasks without touching what was already built, every block then every footnote in
//! the model's order, and the page's body progress complete at the end. Run by
//! `cargo xtask test` (`cargo test --target wasm32-unknown-unknown -p folio`).
#![cfg(target_arch = "wasm32")]

mod browser;

use std::sync::Arc;

use browser::{host, sleep};
use folio::article::slices::{BodyProgress, BodyState, Building};
use folio::article::ArticleView;
use folio::io::LoadedArticle;
use folio_bundle::read_bundle;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const PARAGRAPHS: usize = 1_500;

/// An article of `PARAGRAPHS` paragraphs under a heading every 50, each fifth with a footnote.
fn long_article() -> LoadedArticle {
    let mut body = String::new();
    for n in 1..=PARAGRAPHS {
        if n % 50 == 1 {
            body.push_str(&format!("## Part {}\n\n", n / 50 + 1));
        }
        body.push_str(&format!(
            "Paragraph {n} says a few *plain* words about the long read"
        ));
        if n % 5 == 0 {
            body.push_str(&format!("[^n{n}]"));
        }
        body.push_str(".\n\n");
    }
    for n in (5..=PARAGRAPHS).step_by(5) {
        body.push_str(&format!("[^n{n}]: Note on paragraph {n}.\n\n"));
    }
    // A notice after the body: another text whose view provides its own scope.
    let manifest = br#"{ "format_version": "1.0", "id": "long", "language": "en",
        "headline": "A long read", "published": "2024-05-01",
        "source": { "name": "Folio tests" }, "body": "body.md",
        "notices": [ { "kind": "correction", "text": "A notice with a [link](https://example.org/)." } ] }"#;
    let (article, report) = read_bundle(manifest, body.as_bytes());
    LoadedArticle {
        article: Arc::new(article.unwrap_or_else(|| panic!("{report}"))),
        base: "/bundles/long/".into(),
    }
}

fn ids(root: &web_sys::HtmlElement, css: &str) -> Vec<String> {
    let list = root.query_selector_all(css).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
        .map(|e| e.id())
        .collect()
}

/// An article whose static blocks (headings, paragraphs with every inline kind, lists,
/// quotes, code) come between blocks with live parts (tables, a quote around a table), so
/// that slices put HTML and components side by side.
fn mixed_article() -> LoadedArticle {
    let mut body = String::new();
    for n in 1..=600 {
        match n % 40 {
            1 => body.push_str(&format!("## Part {n} with `code`\n\n")),
            10 => body.push_str(&format!("| a | b |\n| :- | -: |\n| {n} | *x* |\n\n")),
            20 => body.push_str("> A quote\n>\n> - [x] done\n> - [ ] not done\n\n"),
            25 => body.push_str("> | in | a quote |\n> | -- | ------- |\n> | 1 | 2 |\n\n"),
            30 => body.push_str("```text\n<b>&</b>\n```\n\n---\n\n<div>raw</div>\n\n"),
            _ => {}
        }
        body.push_str(&format!(
            "Paragraph {n}: **bold**, *soft*, ~~gone~~, [out](https://example.org/?a=1&b=\"2\"), \
             [in](#part-1-with-code), [refused](javascript:void(0)), a note[^n{}]  \nand <i>raw</i>.\n\n",
            n % 7
        ));
    }
    for n in 0..7 {
        body.push_str(&format!(
            "[^n{n}]: Note {n}, with a [link](https://example.org/{n}).\n\n"
        ));
    }
    let manifest = br#"{ "format_version": "1.0", "id": "mixed", "language": "en",
        "headline": "A mixed read", "published": "2024-05-01",
        "source": { "name": "Folio tests" }, "body": "body.md" }"#;
    let (article, report) = read_bundle(manifest, body.as_bytes());
    LoadedArticle {
        article: Arc::new(article.unwrap_or_else(|| panic!("{report}"))),
        base: "/bundles/mixed/".into(),
    }
}

/// The element tree under `node` as text: tags, attributes in name order, and text, with
/// no comments, so that two builds of the same page compare equal however their text was
/// split into nodes and in whatever order their attributes were set.
fn tree(node: &web_sys::Node, out: &mut String) {
    match node.node_type() {
        web_sys::Node::ELEMENT_NODE => {
            let element: &web_sys::Element = node.unchecked_ref();
            let tag = element.tag_name().to_lowercase();
            let mut names: Vec<String> = element
                .get_attribute_names()
                .iter()
                .filter_map(|n| n.as_string())
                .collect();
            names.sort();
            out.push_str(&format!("<{tag}"));
            for name in names {
                let value = element.get_attribute(&name).unwrap_or_default();
                out.push_str(&format!(" {name}={value:?}"));
            }
            out.push('>');
            let children = node.child_nodes();
            for i in 0..children.length() {
                if let Some(child) = children.item(i) {
                    tree(&child, out);
                }
            }
            out.push_str(&format!("</{tag}>"));
        }
        web_sys::Node::TEXT_NODE => out.push_str(&node.text_content().unwrap_or_default()),
        _ => {}
    }
}

/// Waits, 10 s at most, for the body to be complete, and says it is.
async fn wait_until_complete(progress: BodyProgress) {
    for _ in 0..200 {
        if progress.0.get_untracked() == BodyState::Complete {
            break;
        }
        sleep(50).await;
    }
    assert_eq!(progress.0.get_untracked(), BodyState::Complete);
}

/// Mounts the long article with a fresh body progress, built as `building` says.
fn mount(root: &web_sys::HtmlElement, building: Building) -> (BodyProgress, impl Drop) {
    mount_article(root, building, long_article())
}

/// Mounts `loaded` with a fresh body progress, built as `building` says.
fn mount_article(
    root: &web_sys::HtmlElement,
    building: Building,
    loaded: LoadedArticle,
) -> (BodyProgress, impl Drop) {
    let progress = BodyProgress(RwSignal::new(BodyState::NotStarted));
    let handle = leptos::mount::mount_to(root.clone(), move || {
        provide_context(progress);
        provide_context(building);
        view! { <ArticleView loaded/> }
    });
    (progress, handle)
}

#[wasm_bindgen_test]
async fn a_long_body_shows_its_first_screen_at_once_then_the_rest_in_order_without_rebuilding() {
    let root = host();
    let (progress, _mounted) = mount(&root, Building::Sliced);
    let document = web_sys::window().unwrap().document().unwrap();
    let first = document
        .get_element_by_id("body_p_1")
        .expect("the first paragraph at once");
    let last = format!("body_p_{PARAGRAPHS}");
    assert!(
        document.get_element_by_id(&last).is_none(),
        "not the last yet"
    );
    assert!(root.query_selector(".footnotes").unwrap().is_none());
    assert_eq!(progress.0.get_untracked(), BodyState::Building);

    wait_until_complete(progress).await;
    let paragraphs = ids(&root, ".story-body > p[id]");
    let expected: Vec<String> = (1..=PARAGRAPHS).map(|n| format!("body_p_{n}")).collect();
    assert_eq!(paragraphs, expected, "every paragraph, in order");
    assert_eq!(ids(&root, ".story-body > h2").len(), PARAGRAPHS / 50);
    let notes = ids(&root, ".story-body > .footnotes:last-child > ol > li");
    let expected: Vec<String> = (1..=PARAGRAPHS / 5)
        .map(|n| format!("body_fn_{n}"))
        .collect();
    assert_eq!(notes, expected, "every footnote, after the blocks");
    assert!(
        root.query_selector("template").unwrap().is_none(),
        "no marker left"
    );
    // Built after the notice's view, the late slices still make the body's ids.
    let references = root
        .query_selector_all(".story-body sup.footnote-ref a")
        .unwrap();
    let hrefs: Vec<String> = (0..references.length())
        .filter_map(|i| references.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
        .filter_map(|e| e.get_attribute("href"))
        .collect();
    assert_eq!(hrefs.len(), PARAGRAPHS / 5);
    let stray = hrefs.iter().find(|h| !h.starts_with("#body_fn_"));
    assert_eq!(
        stray, None,
        "a footnote link in the body with another text's id"
    );
    assert!(root.query_selector("#notice_0_p_1").unwrap().is_some());
    assert!(
        first.is_connected() && document.get_element_by_id("body_p_1") == Some(first),
        "the first screen was not built again"
    );
}

#[wasm_bindgen_test]
fn a_long_body_asked_for_whole_is_all_there_at_once() {
    let root = host();
    let (progress, _mounted) = mount(&root, Building::Whole);
    assert_eq!(progress.0.get_untracked(), BodyState::Complete);
    assert_eq!(ids(&root, ".story-body > p[id]").len(), PARAGRAPHS);
    assert_eq!(ids(&root, ".footnotes > ol > li").len(), PARAGRAPHS / 5);
}

#[wasm_bindgen_test]
async fn a_body_whose_view_went_away_stops_building() {
    let root = host();
    let (progress, mounted) = mount(&root, Building::Sliced);
    drop(mounted);
    sleep(500).await;
    assert_eq!(
        root.child_element_count(),
        0,
        "nothing added after the view went away"
    );
    assert_eq!(progress.0.try_get_untracked(), Some(BodyState::Building));
}

#[wasm_bindgen_test]
async fn slices_written_as_html_make_the_same_page_as_the_components() {
    let whole = host();
    let (progress, _whole) = mount_article(&whole, Building::Whole, mixed_article());
    assert_eq!(progress.0.get_untracked(), BodyState::Complete);
    let sliced = host();
    let (progress, _sliced) = mount_article(&sliced, Building::Sliced, mixed_article());
    assert_eq!(progress.0.get_untracked(), BodyState::Building);
    wait_until_complete(progress).await;
    let body = |root: &web_sys::HtmlElement| {
        let mut out = String::new();
        tree(
            &root.query_selector(".story-body").unwrap().unwrap(),
            &mut out,
        );
        out
    };
    let (whole, sliced) = (body(&whole), body(&sliced));
    assert!(
        whole.contains("<table") && whole.contains("<input"),
        "a mixed body"
    );
    assert!(whole.matches("<p id=").count() > 600);
    if whole != sliced {
        let at = whole
            .bytes()
            .zip(sliced.bytes())
            .position(|(a, b)| a != b)
            .unwrap_or(whole.len().min(sliced.len()));
        let from = at.saturating_sub(200);
        panic!(
            "the pages differ at byte {at}:\nwhole:  {}\nsliced: {}",
            &whole[from..(at + 200).min(whole.len())],
            &sliced[from..(at + 200).min(sliced.len())]
        );
    }
}
