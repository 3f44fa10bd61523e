//! The list of articles: cards with headline, date, summary, picture and language, newest first.

use folio_bundle::CatalogEntry;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::io::{self, absolute};
use crate::pages::failure::{ArticleSkeleton, Failure};
use crate::render_context::article_href;
use crate::time::long_day;

/// A language's name in that language (`Intl.DisplayNames`), for the cards' label;
/// the tag itself where the browser has no name for it.
fn language_name(tag: &str) -> String {
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"type".into(), &"language".into());
    let name = crate::intl::format("DisplayNames", tag, &options, "of", &tag.into());
    name.unwrap_or_else(|| tag.to_owned())
}

#[component]
fn Card(entry: CatalogEntry, catalog_url: String) -> impl IntoView {
    let thumb = entry.thumbnail.clone().map(|t| {
        let src = absolute(&t.src, &catalog_url).map(|u| u.href()).unwrap_or_default();
        view! { <img class="card__image" src=src alt=t.alt width=t.width height=t.height loading="lazy" decoding="async"/> }
    });
    let lang = entry.language.clone();
    view! {
        <li class="card" lang=lang.clone() dir=entry.direction.as_str()>
            {thumb}
            <div class="card__text">
                <h2 class="card__headline"><a href=article_href(&entry.id)>{entry.headline.clone()}</a></h2>
                <p class="card__meta">
                    <time datetime=entry.published.to_string()>{long_day(&entry.published, &lang)}</time>
                    " · " <span class="card__language">{language_name(&lang)}</span>
                </p>
                <p class="card__summary">{entry.summary.clone()}</p>
            </div>
        </li>
    }
}

/// The catalog page.
#[component]
pub fn CatalogPage() -> impl IntoView {
    // Each Retry bumps the attempt, which the loader reads, so the load runs again.
    let attempt = RwSignal::new(0_u32);
    let resource = LocalResource::new(move || {
        attempt.track();
        io::catalog()
    });
    let retry = Callback::new(move |_| attempt.update(|n| *n += 1));
    view! {
        <Title text="Folio \u{2014} articles"/>
        <Meta name="description" content="Articles available to read in Folio."/>
        <h1 class="page-title">"Articles"</h1>
        <Suspense fallback=ArticleSkeleton>
            {move || Suspend::new(async move {
                match resource.await {
                    Ok((catalog, url)) => {
                        let cards = catalog.newest_first().into_iter().cloned()
                            .map(|entry| view! { <Card entry catalog_url=url.clone()/> })
                            .collect_view();
                        view! { <ul class="cards">{cards}</ul> }.into_any()
                    }
                    Err(error) => view! { <Failure error retry under_page_title=true/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
