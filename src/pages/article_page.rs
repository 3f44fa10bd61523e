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
    // Each Retry bumps the attempt, which the loader reads, so the load runs again.
    let attempt = RwSignal::new(0_u32);
    let resource = LocalResource::new(move || {
        attempt.track();
        io::article(source.clone())
    });
    let retry = Callback::new(move |_| attempt.update(|n| *n += 1));
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
