//! The pages the app loads over the network, `?bundle=`, `?article=` and a list of
//! articles without its static page, as a part of their own (ADR 013). Their loading, the
//! bundle reader and what they show while they wait or fail are fetched only on such a
//! page: a static page carries what it shows already.

use leptos::prelude::*;

use crate::io::{self, LoadError};
use crate::pages::article_page::ArticlePage;
use crate::pages::catalog_page::CatalogPage;
use crate::pages::failure::{ArticleSkeleton, Failure};
use crate::parts::{Part, PartState};
use crate::Place;

crate::part!(
    /// The pages the app loads itself, with the bundle reader.
    LOADING, loading, loading_page
);

/// The page for the [`Place`] in context.
fn loading_page() -> AnyView {
    match use_context::<Place>() {
        Some(Place::Article(source)) => view! { <ArticlePage source/> }.into_any(),
        _ => view! { <CatalogPage/> }.into_any(),
    }
}

/// The page for `place`, once its part is in hand: a skeleton meanwhile, and if the part
/// cannot be fetched, the failure view of a network that fails, whose Retry fetches again.
#[component]
pub fn LoadingPage(
    /// What the address asks for.
    place: Place,
) -> impl IntoView {
    provide_context(place);
    let part = Part::new(LOADING);
    part.open(|| {});
    let retry = Callback::new(move |_| part.open(|| {}));
    move || match part.state.get() {
        PartState::Ready(build) => untrack(build),
        PartState::Missing => {
            // The app's own folder, where the part comes from.
            let error = LoadError::Network {
                url: io::folder_of(&io::document_base()),
            };
            view! { <Failure error retry/> }.into_any()
        }
        PartState::Unasked | PartState::Fetching => view! { <ArticleSkeleton/> }.into_any(),
    }
}
