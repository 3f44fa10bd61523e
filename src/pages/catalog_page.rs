//! The list of articles: cards with headline, date, summary, picture and language, newest
//! first, each linking to the article's own page.

use std::sync::Arc;

use folio_bundle::{Catalog, CatalogEntry};
use leptos::prelude::*;

use crate::article::meta::HeadTags;
use crate::host::use_host;
use crate::interface::{use_interface, Interface, Phrase};
use crate::io;
use crate::pages::failure::{ArticleSkeleton, Failure};
use crate::pages::use_document_head::use_document_head;
use crate::render_context::use_site;

#[component]
fn Card(
    entry: CatalogEntry,
    folder: String,
    /// Load the picture at once: the first card's, in the first screen.
    eager: bool,
) -> impl IntoView {
    let host = use_host();
    // The card is in the article's language; its word about the picture is Folio's.
    let ui = use_interface();
    let word = Interface::beside(ui.locale, &entry.language, entry.direction.as_str());
    let thumb = entry.thumbnail.clone().map(|t| {
        let src = format!("{folder}{}", t.src);
        let loading = if eager { "eager" } else { "lazy" };
        // A picture that fails to load leaves its box with a plain word, as an article's
        // photos do, not the browser's broken-image icon with the alt text crammed in.
        let failed = RwSignal::new(false);
        view! {
            <div class="card__picture" class:card__picture--failed=move || failed.get()>
                <img class="card__image" src=src alt=t.alt width=t.width height=t.height loading=loading decoding="async" on:error=move |_| failed.set(true)/>
                <Show when=move || failed.get()>
                    <p class="card__failed" aria-hidden="true" lang=word.lang dir=word.dir>{word.say(Phrase::CatalogPictureUnavailable)}</p>
                </Show>
            </div>
        }
    });
    let lang = entry.language.clone();
    view! {
        <li class="card" lang=lang.clone() dir=entry.direction.as_str()>
            {thumb}
            <div class="card__text">
                <h2 class="card__headline"><a href=use_site().article_href(&entry.id)>{entry.headline.clone()}</a></h2>
                <p class="card__meta">
                    <time datetime=entry.published.to_string()>{host.long_day(&entry.published, &lang)}</time>
                    " · " <span class="card__language">{host.language_name(&lang)}</span>
                </p>
                <p class="card__summary">{entry.summary.clone()}</p>
            </div>
        </li>
    }
}

/// The catalog page's one `h1`, shown before its list has loaded, and the document's title
/// and description in the interface's language (a static page's are written with the page,
/// in English).
#[component]
pub fn CatalogTitle() -> impl IntoView {
    let ui = use_interface();
    let mut head = HeadTags::titled(ui.say(Phrase::CatalogPageTitle));
    head.metas.push((
        "name",
        "description".into(),
        ui.say(Phrase::CatalogDescription),
    ));
    use_document_head(head);
    view! { <h1 class="page-title">{ui.say(Phrase::CatalogTitle)}</h1> }
}

/// The cards of `catalog`, whose relative paths are relative to `folder` (ending in `/`).
#[component]
pub fn CatalogList(
    /// The catalog.
    catalog: Arc<Catalog>,
    /// The catalog file's folder.
    folder: String,
) -> impl IntoView {
    let cards = catalog
        .newest_first()
        .into_iter()
        .cloned()
        .enumerate()
        .map(|(i, entry)| view! { <Card entry folder=folder.clone() eager={i == 0}/> })
        .collect_view();
    view! { <ul class="cards">{cards}</ul> }
}

/// The catalog page, loading the catalog itself: when the page holds no rendered catalog.
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
        <CatalogTitle/>
        <Suspense fallback=ArticleSkeleton>
            {move || Suspend::new(async move {
                match resource.await {
                    Ok((catalog, url)) => {
                        let folder = io::folder_of(&url);
                        view! { <CatalogList catalog folder/> }.into_any()
                    }
                    Err(error) => view! { <Failure error retry under_page_title=true/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
