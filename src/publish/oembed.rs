//! oEmbed for partners' CMSes: a static JSON file per article (`embed/ID/oembed.json`,
//! type `rich`), whose `html` is the one snippet a partner pastes (the embed's address in a
//! `div`, with a link to the article for readers without scripts, and `embed.js`), and the
//! `<link rel="alternate">` by which a CMS finds it from the article's page.

use folio_bundle::{Article, Manifest};
use serde_json::json;

use super::escape;

/// An embed's width in the oEmbed answer, in CSS pixels: the article's column.
pub const WIDTH: u32 = 640;

/// The oEmbed file's address, beside the embed.
pub fn address(site_url: &str, id: &str) -> String {
    format!("{site_url}embed/{id}/oembed.json")
}

/// The `<link>` by which a CMS finds the oEmbed of the article in `m`.
pub fn discovery_link(site_url: &str, m: &Manifest) -> String {
    format!(
        "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"{}\" title=\"{}\">",
        escape(&address(site_url, &m.id)),
        escape(&m.headline)
    )
}

/// The snippet that embeds the article with `id` and `headline` from the site at `site_url`:
/// a placeholder holding a link to the article, which `embed.js` replaces with a frame.
pub fn snippet(site_url: &str, id: &str, headline: &str) -> String {
    format!(
        "<div data-folio-article=\"{site}embed/{id}/\"><a href=\"{site}articles/{id}/\">{}</a></div>\
         <script async src=\"{site}embed.js\"></script>",
        escape(headline),
        site = escape(site_url),
    )
}

/// A first guess at the embed's height at [`WIDTH`], which the frame corrects as soon as the
/// embed reports its own: the headline and standfirst, the words at about 2.6 px each,
/// each picture at the column's width with its caption, each sidebar and related link.
fn estimated_height(article: &Article) -> u32 {
    let m = &article.manifest;
    let words = u32::try_from(article.body.word_count).unwrap_or(u32::MAX / 4);
    let pictures: u32 = m
        .media
        .iter()
        .map(|media| media.height * WIDTH / media.width.max(1) + 80)
        .sum();
    let sidebars = 280 * u32::try_from(m.sidebars.len()).unwrap_or(0);
    let related = 48 * u32::try_from(m.related.len()).unwrap_or(0);
    (360 + words.saturating_mul(13) / 5)
        .saturating_add(pictures)
        .saturating_add(sidebars)
        .saturating_add(related)
}

/// The oEmbed answer for `article`, whose bundle is at `bundle_path` (relative to the site's
/// root), on the site called `site_name` at `site_url` (ending in `/`).
pub fn oembed(article: &Article, site_url: &str, site_name: &str, bundle_path: &str) -> String {
    let m = &article.manifest;
    let mut answer = json!({
        "type": "rich",
        "version": "1.0",
        "title": m.headline,
        "provider_name": site_name,
        "provider_url": site_url,
        "author_name": m.byline.clone().unwrap_or_else(|| m.source.name.clone()),
        "width": WIDTH,
        "height": estimated_height(article),
        "html": snippet(site_url, &m.id, &m.headline),
        "cache_age": 86400,
    });
    if let Some(url) = &m.source.url {
        answer["author_url"] = url.clone().into();
    }
    let lead = m.lead.as_ref().and_then(|lead| m.media(&lead.media));
    if let Some(media) = lead {
        answer["thumbnail_url"] = format!("{site_url}{bundle_path}{}", media.src).into();
        answer["thumbnail_width"] = media.width.into();
        answer["thumbnail_height"] = media.height.into();
    }
    serde_json::to_string_pretty(&answer).unwrap_or_default()
}
