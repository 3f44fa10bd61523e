//! The article pages the app loads itself: a bundle by address (`?bundle=PATH`), shown with
//! a skeleton meanwhile or a failure; and `?article=ID`, which leads to the article's static
//! page once the catalog confirms it exists.

use leptos::prelude::*;

use crate::article::meta::{head_tags, ArticleMeta};
use crate::article::ArticleView;
use crate::io::{self, BundleSource};
use crate::pages::failure::{ArticleSkeleton, Failure};
use crate::render_context::RenderContext;

/// Loads and shows the bundle `source` names.
#[component]
pub fn ArticlePage(
    /// Which bundle.
    source: BundleSource,
) -> impl IntoView {
    // Each Retry bumps the attempt, which the loader reads, so the load runs again.
    let attempt = RwSignal::new(0_u32);
    let retry = Callback::new(move |_| attempt.update(|n| *n += 1));
    match source {
        BundleSource::Id(id) => {
            let found = LocalResource::new(move || {
                attempt.track();
                io::static_page_of(id.clone())
            });
            view! {
                <Suspense fallback=ArticleSkeleton>
                    {move || Suspend::new(async move {
                        match found.await {
                            Ok(href) => {
                                io::go_to(&href);
                                view! { <ArticleSkeleton/> }.into_any()
                            }
                            Err(error) => view! { <Failure error retry/> }.into_any(),
                        }
                    })}
                </Suspense>
            }
            .into_any()
        }
        BundleSource::Url(address) => {
            let resource = LocalResource::new(move || {
                attempt.track();
                io::article(address.clone())
            });
            view! {
                <Suspense fallback=ArticleSkeleton>
                    {move || Suspend::new(async move {
                        match resource.await {
                            Ok(loaded) => {
                                let ctx = RenderContext { article: loaded.article.clone(), base: loaded.base.clone() };
                                let tags = head_tags(&ctx, io::page_url(), |u| u.to_owned());
                                view! { <ArticleMeta tags/><ArticleView loaded/> }.into_any()
                            }
                            Err(error) => view! { <Failure error retry/> }.into_any(),
                        }
                    })}
                </Suspense>
            }
            .into_any()
        }
    }
}
