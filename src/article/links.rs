//! Links from the manifest (related headlines, "more", notices): another bundle opens
//! inside Folio, an external URL in a new tab, and no target gives plain text.

use folio_bundle::{Link, LinkTo};
use leptos::prelude::*;

use crate::render_context::article_href;

/// One manifest link.
#[component]
pub fn LinkView(
    /// The link.
    link: Link,
) -> impl IntoView {
    let label = link.label.clone();
    match link.to() {
        LinkTo::Bundle(id) => view! { <a href=article_href(id)>{label}</a> }.into_any(),
        LinkTo::Url(url) => view! {
            <a href=url.to_owned() target="_blank" rel="noopener noreferrer">
                {label}<span class="visually-hidden">" (opens in a new tab)"</span>
            </a>
        }
        .into_any(),
        LinkTo::Nothing => view! { <span class="link-none">{label}</span> }.into_any(),
    }
}

/// The related headlines and the "more coverage" link.
#[component]
pub fn RelatedLinks(
    /// Related headlines.
    related: Vec<Link>,
    /// The archive or "more coverage" link.
    more: Option<Link>,
) -> impl IntoView {
    (!related.is_empty() || more.is_some()).then(|| {
        view! {
            <section class="related" aria-labelledby="folio_related_title">
                <h2 id="folio_related_title" class="related__title">"Related"</h2>
                <ul class="related__list">
                    {related.into_iter().map(|l| view! { <li><LinkView link=l/></li> }).collect_view()}
                </ul>
                {more.map(|l| view! { <p class="more-coverage"><LinkView link=l/></p> })}
            </section>
        }
    })
}
