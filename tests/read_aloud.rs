//! Read aloud in headless Chromium: the control touches no speech API while it renders,
//! and every paragraph the article model says to read is found on the rendered article.
//! Run by `cargo xtask test` (`cargo test --target wasm32-unknown-unknown -p folio --test read_aloud`).
#![cfg(target_arch = "wasm32")]

// Only `sleep` of the shared helpers is needed here.
#[allow(dead_code)]
mod browser;

use browser::sleep;
use folio::read_aloud::paragraphs::collect;
use folio::read_aloud::ReadAloud;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh `<article lang="en">` holding `html`, attached to the page.
fn article(html: &str) -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let el: web_sys::HtmlElement = document.create_element("article").unwrap().unchecked_into();
    el.set_attribute("lang", "en").unwrap();
    el.set_inner_html(html);
    document.body().unwrap().append_child(&el).unwrap();
    el
}

/// Runs JavaScript in the page.
fn js(source: &str) -> wasm_bindgen::JsValue {
    js_sys::Function::new_no_args(source)
        .call0(&wasm_bindgen::JsValue::NULL)
        .unwrap()
}

#[wasm_bindgen_test]
async fn the_control_looks_speech_synthesis_up_only_when_the_reader_opens_it() {
    js("window.__lookups = 0;
        window.__original = Object.getOwnPropertyDescriptor(window, 'speechSynthesis');
        const real = window.speechSynthesis;
        Object.defineProperty(window, 'speechSynthesis', {
          configurable: true, get() { window.__lookups += 1; return real; } });");
    let host = article("<h1 id='folio_headline'>Headline</h1>");
    let handle = leptos::mount::mount_to(host.clone(), || {
        view! { <ReadAloud language="en" spoken=Vec::new()/> }
    });
    let listen = host.query_selector(".read-aloud__listen").unwrap().unwrap();
    assert_eq!(
        listen.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert_eq!(
        listen.text_content().unwrap().trim(),
        "Listen to this article"
    );
    // Until the reader asks, the controls are not even built: they are a part of their own
    // (src/parts.rs), which this build links in and a release fetches on the first press.
    let panel = host.query_selector("#folio_read_aloud_panel").unwrap();
    assert!(
        panel.is_none_or(|p| p.has_attribute("hidden")),
        "no controls before the reader asks"
    );
    sleep(30).await;
    assert_eq!(
        js("return window.__lookups;").as_f64(),
        Some(0.0),
        "nothing looked up at mount"
    );
    listen.unchecked_ref::<web_sys::HtmlElement>().click();
    sleep(30).await;
    assert!(
        js("return window.__lookups;").as_f64().unwrap_or(0.0) >= 1.0,
        "looked up on opening"
    );
    let listen = host.query_selector(".read-aloud__listen").unwrap().unwrap();
    assert_eq!(
        listen.get_attribute("aria-expanded").as_deref(),
        Some("true"),
        "the press that brought the controls opens them"
    );
    js("delete window.speechSynthesis;
        if (window.__original) Object.defineProperty(window, 'speechSynthesis', window.__original);");
    drop(handle);
    host.remove();
}

const MANIFEST: &str = r#"{
  "format_version": "1.0", "id": "folio-listen-test", "language": "en",
  "headline": "The  headline", "standfirst": "The standfirst.", "published": "2024-05-01",
  "dateline": "May 1, 2024 (Folio)", "source": { "name": "Folio" }, "body": "body.md",
  "media": [ { "id": "chart", "src": "media/chart.png", "alt": "A chart", "width": 4, "height": 3 } ]
}"#;

const BODY: &str = "First [linked](https://example.org/) paragraph.[^n]\n\n## A heading\n\n\
- Tight item\n  - Nested item\n\n> Quoted.\n\n![Body caption](media:chart)\n\n\
```\nlet x = 1;\n```\n\n| a | b |\n| --- | --- |\n| c | d |\n\n[^n]: The note.\n";

#[wasm_bindgen_test]
fn every_paragraph_the_model_reads_is_found_on_the_rendered_article_by_its_id() {
    let (read, report) = folio_bundle::read_bundle(MANIFEST.as_bytes(), BODY.as_bytes());
    let read = std::sync::Arc::new(read.unwrap_or_else(|| panic!("{report}")));
    let spoken = read.spoken();
    let loaded = folio::io::LoadedArticle {
        article: read,
        base: "/bundles/folio-listen-test/".into(),
    };
    let host = article("");
    let handle = leptos::mount::mount_to(host.clone(), move || {
        view! { <folio::article::ArticleView loaded/> }
    });
    let found = collect(&spoken);
    assert_eq!(found.len(), spoken.len(), "every paragraph the model reads");
    assert_eq!(spoken.len(), 9, "{spoken:?}");
    for (paragraph, said) in found.iter().zip(&spoken) {
        let shows = paragraph.element().map(|e| e.id());
        assert_eq!(shows, Some(said.id.clone()), "an element shows it");
        assert_eq!(paragraph.text, said.text);
        // What the element shows, less its footnote marks and screen-reader-only words,
        // is what is read.
        let shown = js(&format!(
            "const e = document.getElementById('{}').cloneNode(true);
             e.querySelectorAll('.footnote-ref, .visually-hidden, ul, ol').forEach(n => n.remove());
             return e.textContent.replace(/\\s+/g, ' ').replace(/ \\u2013$/, '').trim();",
            said.id
        ));
        assert_eq!(
            shown.as_string().as_deref(),
            Some(said.text.as_str()),
            "{}",
            said.id
        );
    }
    drop(handle);
    host.remove();
}
