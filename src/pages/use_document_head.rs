//! The document's title and head tags for a page the app draws itself (an article loaded by
//! `?bundle=`, the list of articles in the reader's language). A static page has them in
//! its HTML already (`folio::publish`); here each tag updates the one the page has, or is
//! added, so a takeover never leaves two descriptions. Browser only, in an effect.

use leptos::prelude::*;

use crate::article::meta::HeadTags;

/// Writes `tags` into the document's head once the calling view is in the page: its title,
/// each `<meta>`, the canonical link when there is one, and the JSON-LD when not empty.
pub fn use_document_head(tags: HeadTags) {
    Effect::new(move |_| {
        #[cfg(target_arch = "wasm32")]
        write(&tags);
        #[cfg(not(target_arch = "wasm32"))]
        let _ = &tags;
    });
}

#[cfg(target_arch = "wasm32")]
fn write(tags: &HeadTags) -> Option<()> {
    let document = web_sys::window()?.document()?;
    document.set_title(&tags.title);
    let head = document.query_selector("head").ok()??;
    // Finds the head's element for `css`, or adds a `tag` with `attributes`.
    let element = |css: &str, tag: &str, attributes: &[(&str, &str)]| {
        if let Some(found) = head.query_selector(css).ok().flatten() {
            return Some(found);
        }
        let made = document.create_element(tag).ok()?;
        for (name, value) in attributes {
            made.set_attribute(name, value).ok()?;
        }
        head.append_child(&made).ok()?;
        Some(made)
    };
    for (attribute, key, content) in &tags.metas {
        // Keys are Folio's own (`description`, `og:title`): no quote to escape.
        let css = format!("meta[{attribute}=\"{key}\"]");
        element(&css, "meta", &[(attribute, key)])?
            .set_attribute("content", content)
            .ok()?;
    }
    if let Some(href) = &tags.canonical {
        element("link[rel=canonical]", "link", &[("rel", "canonical")])?
            .set_attribute("href", href)
            .ok()?;
    }
    if !tags.json_ld.is_empty() {
        let attributes = [("type", "application/ld+json"), ("id", "folio_jsonld")];
        element("script#folio_jsonld", "script", &attributes)?
            .set_text_content(Some(&tags.json_ld));
    }
    Some(())
}
