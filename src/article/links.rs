//! Links from the manifest (related headlines, "more", notices): another article opens at
//! its own page, an external URL in a new tab, and no target gives plain text.

use folio_bundle::Link;
use leptos::prelude::*;

use crate::article::inlines::link;
use crate::interface::use_interface;
use crate::interface::Phrase;

/// One manifest link, made like every other link of the article.
#[component]
pub fn LinkView(
    /// The link.
    link: Link,
) -> impl IntoView {
    let label = link.label.clone();
    self::link(link.to(), None, label.into_any())
}

/// The related headlines and the "more coverage" link.
#[component]
pub fn RelatedLinks(
    /// Related headlines.
    related: Vec<Link>,
    /// The archive or "more coverage" link.
    more: Option<Link>,
) -> impl IntoView {
    let ui = use_interface();
    (!related.is_empty() || more.is_some()).then(|| {
        view! {
            <section class="related" aria-labelledby="folio_related_title">
                <h2 id="folio_related_title" class="related__title" lang=ui.lang dir=ui.dir>{ui.say(Phrase::Related)}</h2>
                <ul class="related__list">
                    {related.into_iter().map(|l| view! { <li><LinkView link=l/></li> }).collect_view()}
                </ul>
                {more.map(|l| view! { <p class="more-coverage"><LinkView link=l/></p> })}
            </section>
        }
    })
}
