//! Text-level content: one arm per [`Inline`] kind. Links pass the bundle crate's
//! allow-list already; a refused link is shown as its words alone.

use folio_bundle::{Inline, LinkTarget, Scope};
use leptos::prelude::*;

use crate::interface::use_interface;
use crate::interface::Phrase;
use crate::render_context::{use_site, RenderContext};

/// A run of inline content.
pub fn inlines(list: Vec<Inline>) -> AnyView {
    list.into_iter().map(inline).collect_view().into_any()
}

/// One inline, through the one exhaustive match.
pub fn inline(item: Inline) -> AnyView {
    match item {
        Inline::Text(text) => text.into_any(),
        Inline::Emphasis(c) => view! { <em>{inlines(c)}</em> }.into_any(),
        Inline::Strong(c) => view! { <strong>{inlines(c)}</strong> }.into_any(),
        Inline::Strikethrough(c) => view! { <s>{inlines(c)}</s> }.into_any(),
        Inline::Code(code) => view! { <code>{code}</code> }.into_any(),
        Inline::Link {
            target,
            title,
            content,
        } => link(
            target,
            (!title.is_empty()).then_some(title),
            inlines(content),
        ),
        Inline::Image { target, title, alt } => image(target, title, alt),
        Inline::FootnoteRef {
            label,
            number: Some(n),
            first,
        } => {
            let scope = use_context::<Scope>().unwrap_or_default();
            let id = first.then(|| scope.reference_id(n));
            view! {
                <sup class="footnote-ref">
                    <a href=format!("#{}", scope.note_id(n)) target="_self" id=id aria-label=use_interface().say_with(Phrase::Footnote, &[("number", (n as i64).into())]) lang=use_interface().lang data-label=label>{n}</a>
                </sup>
            }
            .into_any()
        }
        Inline::FootnoteRef {
            label,
            number: None,
            ..
        } => format!("[^{label}]").into_any(),
        Inline::SoftBreak => " ".into_any(),
        Inline::HardBreak => view! { <br/> }.into_any(),
        Inline::RawHtml(html) => view! { <code class="raw-html">{html}</code> }.into_any(),
    }
}

/// A link to `target` around `content`: the one place every link of an article is made,
/// whether written in Markdown or listed in the manifest.
pub fn link(target: LinkTarget, title: Option<String>, content: AnyView) -> AnyView {
    match target {
        LinkTarget::External(url) => view! {
            <a href=url title=title target="_blank" rel="noopener noreferrer">
                {content}<span class="visually-hidden" lang=use_interface().lang>" "{use_interface().say(Phrase::OpensInNewTab)}</span>
            </a>
        }
        .into_any(),
        // A bundle's files are offered as downloads, never opened as pages of the app's own
        // origin (where an HTML or SVG file could run script; the server also sends them with
        // `Content-Security-Policy: sandbox`). A media link is the same: its image file.
        LinkTarget::Bundle(path) => {
            let ctx = expect_context::<RenderContext>();
            view! { <a href=ctx.file_url(&path) title=title download="">{content}</a> }.into_any()
        }
        LinkTarget::Anchor(id) => {
            view! { <a href=format!("#{id}") title=title target="_self">{content}</a> }.into_any()
        }
        LinkTarget::Media(id) => {
            let ctx = expect_context::<RenderContext>();
            let href = ctx.media(&id).map(|m| ctx.file_url(&m.src));
            view! { <a href=href title=title download="">{content}</a> }.into_any()
        }
        LinkTarget::Article(id) => {
            view! { <a href=use_site().article_href(&id) title=title>{content}</a> }.into_any()
        }
        LinkTarget::Nowhere => view! { <span class="link-none">{content}</span> }.into_any(),
        LinkTarget::Refused { .. } => {
            view! { <span class="link-refused">{content}</span> }.into_any()
        }
    }
}

fn image(target: LinkTarget, title: String, alt: Vec<Inline>) -> AnyView {
    let ctx = expect_context::<RenderContext>();
    let alt_text = folio_bundle::document::plain_text(&alt);
    let title = (!title.is_empty()).then_some(title);
    let media = match &target {
        LinkTarget::Media(id) => ctx.media(id).cloned(),
        LinkTarget::Bundle(path) => ctx
            .article
            .manifest
            .media
            .iter()
            .find(|m| &m.src == path)
            .cloned(),
        _ => None,
    };
    match media {
        Some(m) => view! {
            <img class="inline-image" src=ctx.file_url(&m.src) alt=alt_text title=title width=m.width height=m.height loading="lazy" decoding="async"/>
        }
        .into_any(),
        // Images from elsewhere are never requested: nobody else learns who reads.
        None => view! { <span class="image-withheld">"[Image: " {alt_text} "]"</span> }.into_any(),
    }
}
