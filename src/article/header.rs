//! The top of an article: kicker, headline, standfirst, byline, date, dateline and
//! reading time, with a plain warning when the story is old.

use leptos::prelude::*;

use folio_bundle::article::{HEADLINE_ID, STANDFIRST_ID};

use crate::host::{age_in_years, use_host};
use crate::interface::Phrase;
use crate::render_context::RenderContext;

/// The article's header.
#[component]
pub fn ArticleHeader() -> impl IntoView {
    let ctx = expect_context::<RenderContext>();
    let m = &ctx.article.manifest;
    let lang = m.language.clone();
    let host = use_host();
    let published = host.long_date(&m.published, &lang);
    let years = age_in_years(&m.published, host.now_ms());
    let updated = m
        .updated
        .map(|u| (u.to_string(), host.long_date(&u, &lang)));
    let minutes = ctx.article.reading_minutes();
    // Folio's own words are marked as its interface's language inside another language's
    // article; the dates are written in the article's.
    let say = crate::interface::use_interface();
    let ui = say.lang;
    let has_safety = m
        .notices
        .iter()
        .any(|n| n.kind == folio_bundle::NoticeKind::Safety);
    // `elementtiming` lets a measurement see when the headline was first painted.
    let headline = leptos::html::h1()
        .class("headline")
        .id(HEADLINE_ID)
        .attr("elementtiming", "folio-headline")
        .child(m.headline.clone());
    view! {
        <header class="article-header">
            {m.kicker.clone().map(|k| view! { <p class="kicker">{k}</p> })}
            {headline}
            {m.standfirst.clone().map(|s| view! { <p class="standfirst" id=STANDFIRST_ID>{s}</p> })}
            {m.byline.clone().map(|b| view! { <p class="byline">{b}</p> })}
            <p class="article-meta">
                <span class="published"><span lang=ui>{say.say(Phrase::Published)}</span>" "<time datetime=m.published.to_string()>{published}</time></span>
                {updated.map(|(iso, text)| view! { <span class="updated">" · "<span lang=ui>{say.say(Phrase::Updated)}</span>" "<time datetime=iso>{text}</time></span> })}
                <span class="source">" · " <span class:one-word=!m.source.name.contains(' ')>{m.source.name.clone()}</span></span>
                <span class="reading-time">" · "<span lang=ui>{say.say_with(Phrase::ReadingTime, &[("minutes", (minutes as i64).into())])}</span></span>
            </p>
            {(years >= 1).then(|| view! {
                <p class="age-warning" role="note" lang=ui dir=say.dir>
                    {say.say_with(Phrase::OlderThan, &[("years", years.into())])}
                </p>
            })}
            {has_safety.then(|| view! {
                <p class="safety-pointer" lang=ui dir=say.dir><a href="#folio_notices" target="_self">{say.say(Phrase::SafetyPointer)}</a></p>
            })}
        </header>
    }
}
