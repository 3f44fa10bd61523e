//! The page's head for one article: title, description, canonical URL, OpenGraph and
//! Twitter card tags, and JSON-LD `NewsArticle`. [`head_tags`] decides them once; the app
//! writes them into the document's head ([`ArticleMeta`]), a static page as plain elements
//! ([`StaticHead`]).

use leptos::prelude::*;
use serde_json::json;

use crate::pages::use_document_head::use_document_head;
use crate::render_context::RenderContext;

/// Everything an article's head says, decided from the article alone.
#[derive(Clone, Debug, PartialEq)]
pub struct HeadTags {
    /// The document's title.
    pub title: String,
    /// `(attribute, key, content)` of each `<meta>`: `("name", "description", …)`,
    /// `("property", "og:title", …)`.
    pub metas: Vec<(&'static str, String, String)>,
    /// The canonical address, when known.
    pub canonical: Option<String>,
    /// The JSON-LD `NewsArticle`, safe to place inside a `<script>` element.
    pub json_ld: String,
}

impl HeadTags {
    /// A title alone: no `<meta>`, canonical link or JSON-LD.
    pub fn titled(title: String) -> HeadTags {
        HeadTags {
            title,
            metas: Vec::new(),
            canonical: None,
            json_ld: String::new(),
        }
    }
}

/// The first paragraph's text, shortened for a meta description.
fn description(ctx: &RenderContext) -> String {
    let m = &ctx.article.manifest;
    let text = m.standfirst.clone().unwrap_or_else(|| {
        ctx.article
            .spoken()
            .into_iter()
            .find(|s| s.id.starts_with("body_p_"))
            .map(|s| s.text)
            .unwrap_or_default()
    });
    match text.char_indices().nth(160) {
        Some((cut, _)) => format!("{}\u{2026}", text[..cut].trim_end()),
        None => text,
    }
}

/// The head of the article in `ctx`. `page_url` is the page's own absolute address, where
/// known; `absolute` makes a URL of the page absolute (OpenGraph wants absolute images).
pub fn head_tags(
    ctx: &RenderContext,
    page_url: Option<String>,
    absolute: impl Fn(&str) -> String,
) -> HeadTags {
    let m = &ctx.article.manifest;
    let canonical = m.canonical_url.clone().or(page_url);
    let description = description(ctx);
    let image = m
        .lead
        .as_ref()
        .and_then(|l| ctx.media(&l.media))
        .map(|media| absolute(&ctx.file_url(&media.src)));
    let mut ld = json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": m.headline,
        "datePublished": m.published.to_string(),
        "inLanguage": m.language,
        "publisher": { "@type": "Organization", "name": m.source.name },
        "description": description,
        "wordCount": ctx.article.body.word_count,
        "keywords": m.tags.join(", "),
    });
    if let Some(c) = &canonical {
        ld["mainEntityOfPage"] = c.clone().into();
    }
    if let Some(u) = m.updated {
        ld["dateModified"] = u.to_string().into();
    }
    if let Some(b) = &m.byline {
        ld["author"] = json!({ "@type": "Person", "name": b });
    }
    if let Some(i) = &image {
        ld["image"] = i.clone().into();
    }
    let mut metas = vec![
        ("name", "description".into(), description.clone()),
        ("property", "og:type".into(), "article".into()),
        ("property", "og:title".into(), m.headline.clone()),
        ("property", "og:description".into(), description.clone()),
        ("property", "og:locale".into(), m.language.clone()),
        ("property", "og:site_name".into(), m.source.name.clone()),
        (
            "property",
            "article:published_time".into(),
            m.published.to_string(),
        ),
        (
            "name",
            "twitter:card".into(),
            if image.is_some() {
                "summary_large_image"
            } else {
                "summary"
            }
            .into(),
        ),
        ("name", "twitter:title".into(), m.headline.clone()),
        ("name", "twitter:description".into(), description),
    ];
    if let Some(c) = &canonical {
        metas.push(("property", "og:url".into(), c.clone()));
    }
    if let Some(i) = image {
        metas.push(("property", "og:image".into(), i.clone()));
        metas.push(("name", "twitter:image".into(), i));
    }
    HeadTags {
        title: format!("{} \u{2014} {}", m.headline, m.source.name),
        metas,
        canonical,
        // `<` is escaped so the JSON can never close its script element.
        json_ld: ld.to_string().replace('<', "\\u003c"),
    }
}

/// Head tags for an article the app loaded itself, written into the document's head.
#[component]
pub fn ArticleMeta(
    /// What to write.
    tags: HeadTags,
) -> impl IntoView {
    use_document_head(tags);
}

/// Head tags for a static page, as plain elements rendered into its `<head>`.
#[component]
pub fn StaticHead(
    /// What to write.
    tags: HeadTags,
) -> impl IntoView {
    let metas = tags
        .metas
        .into_iter()
        .map(|(attribute, key, content)| {
            if attribute == "property" {
                leptos::html::meta()
                    .attr("property", key)
                    .attr("content", content)
                    .into_any()
            } else {
                view! { <meta name=key content=content/> }.into_any()
            }
        })
        .collect_view();
    view! {
        <title>{tags.title}</title>
        {metas}
        {tags.canonical.map(|href| view! { <link rel="canonical" href=href/> })}
        <script type="application/ld+json" id="folio_jsonld" inner_html=tags.json_ld></script>
    }
}
