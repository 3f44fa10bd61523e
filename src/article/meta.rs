//! The page's title, description, canonical URL, OpenGraph tags and JSON-LD `NewsArticle`.

use leptos::prelude::*;
use leptos_meta::{Link, Meta, Script, Title};
use serde_json::json;

use crate::render_context::RenderContext;

/// The first paragraph's text, shortened for a meta description.
fn description(ctx: &RenderContext) -> String {
    let m = &ctx.article.manifest;
    let text = m.standfirst.clone().unwrap_or_else(|| {
        ctx.article
            .body
            .blocks
            .iter()
            .find_map(|b| match b {
                folio_bundle::Block::Paragraph(i) => Some(folio_bundle::document::plain_text(i)),
                _ => None,
            })
            .unwrap_or_default()
    });
    match text.char_indices().nth(160) {
        Some((cut, _)) => format!("{}\u{2026}", text[..cut].trim_end()),
        None => text,
    }
}

/// Head tags for one article.
#[component]
pub fn ArticleMeta() -> impl IntoView {
    let ctx = expect_context::<RenderContext>();
    let m = ctx.article.manifest.clone();
    let here = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let canonical = m.canonical_url.clone().unwrap_or(here);
    let description = description(&ctx);
    let image = m
        .lead
        .as_ref()
        .and_then(|l| ctx.media(&l.media))
        .map(|media| ctx.file_url(&media.src));
    let mut ld = json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": m.headline,
        "datePublished": m.published.to_string(),
        "inLanguage": m.language,
        "publisher": { "@type": "Organization", "name": m.source.name },
        "description": description,
        "mainEntityOfPage": canonical,
        "wordCount": ctx.article.body.word_count,
        "keywords": m.tags.join(", "),
    });
    if let Some(u) = m.updated {
        ld["dateModified"] = u.to_string().into();
    }
    if let Some(b) = &m.byline {
        ld["author"] = json!({ "@type": "Person", "name": b });
    }
    if let Some(i) = &image {
        ld["image"] = i.clone().into();
    }
    // `<` is escaped so the JSON can never close its script element, even if serialised to HTML.
    let ld = ld.to_string().replace('<', "\\u003c");
    view! {
        <Title text=format!("{} \u{2014} {}", m.headline, m.source.name)/>
        <Meta name="description" content=description.clone()/>
        <Link rel="canonical" href=canonical.clone()/>
        <Meta property="og:type" content="article"/>
        <Meta property="og:title" content=m.headline.clone()/>
        <Meta property="og:description" content=description/>
        <Meta property="og:url" content=canonical/>
        <Meta property="og:locale" content=m.language.clone()/>
        <Meta property="og:site_name" content=m.source.name.clone()/>
        <Meta property="article:published_time" content=m.published.to_string()/>
        {image.map(|i| view! { <Meta property="og:image" content=i/> })}
        <Script type_="application/ld+json" id="folio_jsonld">{ld}</Script>
    }
}
