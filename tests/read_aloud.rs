//! Read aloud in headless Chromium: the control touches no speech API while it renders,
//! and the paragraphs it would read follow the page's order and reading rules.
//! Run by `cargo xtask test` (`cargo test --target wasm32-unknown-unknown -p folio --test read_aloud`).
#![cfg(target_arch = "wasm32")]

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
fn the_control_looks_speech_synthesis_up_only_when_the_reader_opens_it() {
    js("window.__lookups = 0;
        window.__original = Object.getOwnPropertyDescriptor(window, 'speechSynthesis');
        const real = window.speechSynthesis;
        Object.defineProperty(window, 'speechSynthesis', {
          configurable: true, get() { window.__lookups += 1; return real; } });");
    let host = article("<h1 id='folio_headline'>Headline</h1>");
    let handle = leptos::mount::mount_to(host.clone(), || view! { <ReadAloud language="en"/> });
    let listen = host.query_selector(".read-aloud__listen").unwrap().unwrap();
    assert_eq!(
        listen.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert_eq!(
        listen.text_content().unwrap().trim(),
        "Listen to this article"
    );
    let panel = host
        .query_selector("#folio_read_aloud_panel")
        .unwrap()
        .unwrap();
    assert!(
        panel.has_attribute("hidden"),
        "no controls before the reader asks"
    );
    assert_eq!(
        js("return window.__lookups;").as_f64(),
        Some(0.0),
        "nothing looked up at mount"
    );
    listen.unchecked_ref::<web_sys::HtmlElement>().click();
    assert!(
        js("return window.__lookups;").as_f64().unwrap_or(0.0) >= 1.0,
        "looked up on opening"
    );
    js("delete window.speechSynthesis;
        if (window.__original) Object.defineProperty(window, 'speechSynthesis', window.__original);");
    drop(handle);
    host.remove();
}

#[wasm_bindgen_test]
fn paragraphs_are_read_in_page_order_without_captions_code_or_footnote_links() {
    let host = article(
        "<header class='article-header'>
           <p class='kicker'>Kicker</p>
           <h1 id='folio_headline'>The  headline</h1>
           <p class='standfirst'>The standfirst.</p>
           <p class='byline'>By someone</p>
         </header>
         <figure><figcaption><p>Lead caption</p></figcaption></figure>
         <div class='story-body'>
           <p>First <a href='x'>linked<span class='visually-hidden'> (opens in a new tab)</span></a> paragraph.<sup class='footnote-ref'><a href='#n'>1</a></sup></p>
           <h2>A heading</h2>
           <ul><li>Tight item<ul><li>Nested item</li></ul></li><li><p>Loose item</p></li></ul>
           <blockquote><p>Quoted.</p></blockquote>
           <figure class='figure'><figcaption class='figure__caption'>Body caption</figcaption></figure>
           <pre class='code'><code>let x = 1;</code></pre>
           <p>   </p>
           <section class='footnotes'><ol><li><p>The note.</p><a class='footnote-back' href='#r'>↩</a></li></ol></section>
         </div>
         <aside class='sidebar'><p>Sidebar text</p></aside>",
    );
    let texts: Vec<String> = collect(&host).into_iter().map(|p| p.text).collect();
    assert_eq!(
        texts,
        [
            "The headline",
            "The standfirst.",
            "First linked paragraph.",
            "A heading",
            "Tight item",
            "Nested item",
            "Loose item",
            "Quoted.",
            "The note.",
        ]
    );
    host.remove();
}
