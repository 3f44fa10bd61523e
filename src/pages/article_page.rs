//! The article route: loads a bundle and shows it, a skeleton meanwhile, or a failure.

use leptos::prelude::*;

use crate::article::ArticleView;
use crate::io::{self, BundleSource};
use crate::pages::failure::{ArticleSkeleton, Failure};

/// Loads and shows the bundle `source` names.
#[component]
pub fn ArticlePage(
    /// Which bundle.
    source: BundleSource,
) -> impl IntoView {
    let resource = LocalResource::new(move || io::article(source.clone()));
    let retry = Callback::new(move |_| resource.refetch());
    view! {
        <Suspense fallback=ArticleSkeleton>
            {move || Suspend::new(async move {
                match resource.await {
                    Ok(loaded) => view! { <ArticleView loaded/> }.into_any(),
                    Err(error) => view! { <Failure error retry/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
