//! A whole article page, in reading order: header, lead photo, body beside its sidebars,
//! related links, notices, and the rights line.

pub mod blocks;
pub mod figure;
pub mod header;
pub mod html;
pub mod inlines;
pub mod links;
pub mod meta;
pub mod notices;
pub mod save;
pub mod sidebar;
pub mod slices;
pub mod use_scrolls_sideways;

use folio_bundle::article::DATELINE_ID;
use leptos::prelude::*;

use crate::interface::{use_languages, Interface, Phrase};
use crate::io::LoadedArticle;
use crate::render_context::{use_article_lang, RenderContext};

/// An article, loaded and checked. Its head tags are [`meta::ArticleMeta`] in the app and
/// [`meta::StaticHead`] on a static page.
#[component]
pub fn ArticleView(
    /// The article and where its files are.
    loaded: LoadedArticle,
) -> impl IntoView {
    let ctx = RenderContext {
        article: loaded.article.clone(),
        base: loaded.base,
    };
    let article = loaded.article;
    let m = article.manifest.clone();
    // Folio's own words are marked as its interface's language inside another language's
    // article, and the article's words inside them as its own again.
    let locale = use_languages().interface(Some(&m.language));
    let say = Interface::beside(locale, &m.language, m.direction.as_str());
    provide_context(say);
    provide_context(ctx);
    let ui = say.lang;
    let article_lang = use_article_lang();
    let sidebars = m
        .sidebars
        .iter()
        .cloned()
        .zip(article.teasers.iter().cloned())
        .enumerate()
        .map(|(index, (sidebar, teaser))| view! { <sidebar::Sidebar sidebar teaser index/> })
        .collect_view();
    view! {
        <article class="article" lang=m.language.clone() dir=m.direction.as_str() aria-labelledby="folio_headline">
            <header::ArticleHeader/>
            // The tools sit in their words' direction: the article's, unless Folio's words
            // run the other way, when the group says so (`dir`).
            <div class="article-tools" role="group" aria-label=say.say(Phrase::ReadingTools) lang=ui dir=say.dir>
                <crate::reading::panel::ReadingPanel/>
                <crate::read_aloud::ReadAloud language=m.language.clone() spoken=article.spoken()/>
                <save::SaveForOffline id=m.id.clone() headline=m.headline.clone()/>
            </div>
            {m.lead.clone().map(|f| view! { <div class="lead"><figure::ManifestFigure figure=f eager=true/></div> })}
            <div class="article-columns">
                <div class="story">
                    <div class="story-body">
                        {m.dateline.clone().map(|d| view! { <p class="dateline" id=DATELINE_ID>{d} " \u{2013}"</p> })}
                        <blocks::DocumentView document=article.body.clone()/>
                    </div>
                    <links::RelatedLinks related=m.related.clone() more=m.more_coverage.clone()/>
                    <notices::Notices notices=m.notices.clone() texts=article.notices.clone()/>
                </div>
                <div class="sidebars">{sidebars}</div>
            </div>
            <footer class="article-footer">
                {(!m.tags.is_empty()).then(|| view! {
                    <ul class="tags" aria-label=say.say(Phrase::Topics) lang=ui>{m.tags.iter().map(|t| view! { <li lang=article_lang.clone()>{t.clone()}</li> }).collect_view()}</ul>
                })}
                <p class="source-line"><span lang=ui>{say.say(Phrase::Source)}</span>" " {m.source.name.clone()}</p>
                {m.rights.clone().map(|r| view! { <p class="rights">{r}</p> })}
            </footer>
        </article>
    }
}
