//! What a reader sees when something cannot be shown: a specific, plain explanation,
//! a Retry button where trying again can help, and always a way back to the list of articles.

use leptos::prelude::*;

use crate::io::LoadError;
use crate::render_context::use_site;

/// The view for one load failure.
#[component]
pub fn Failure(
    /// What went wrong.
    error: LoadError,
    /// Tries the load again.
    #[prop(into)]
    retry: Callback<()>,
    /// Set where the page already has its `h1`, such as the catalog's "Articles": the
    /// failure's title is then an `h2`, so the page keeps one `h1`.
    #[prop(optional)]
    under_page_title: bool,
) -> impl IntoView {
    let (kind, title, detail): (&str, String, AnyView) = match error {
        LoadError::NotFound { what } => (
            "not-found",
            "Article not found".into(),
            view! { <p>"We could not find " {what} ". It may have been moved or removed."</p> }.into_any(),
        ),
        LoadError::Server { url, status } => (
            "server",
            "The server had a problem".into(),
            view! { <p>"The server answered with error " {status} " for " <code>{url}</code> ". Try again in a moment."</p> }.into_any(),
        ),
        LoadError::Network { url } => (
            "network",
            "You seem to be offline".into(),
            view! {
                <p>"Folio could not reach " <code>{url}</code> ". Check your connection, then try again."</p>
                <p>"Articles you saved open without a network: " <a href=use_site().saved_href()>"Saved articles"</a></p>
            }
            .into_any(),
        ),
        LoadError::Timeout { url, seconds } => (
            "timeout",
            "This is taking too long".into(),
            view! { <p>"No answer from " <code>{url}</code> " after " {seconds} " seconds. The connection may be slow; try again."</p> }.into_any(),
        ),
        LoadError::Invalid { what, report } => {
            let errors: Vec<String> = report
                .errors()
                .map(ToString::to_string)
                .chain(report.omitted_lines(true))
                .collect();
            (
                "invalid",
                "This article cannot be shown".into(),
                view! {
                    <p>"There are problems in " {what} ". The publisher needs to fix:"</p>
                    <ul class="failure__problems">{errors.into_iter().map(|e| view! { <li><code>{e}</code></li> }).collect_view()}</ul>
                }
                .into_any(),
            )
        }
        LoadError::Unsupported { message } => (
            "unsupported",
            "This article needs a newer Folio".into(),
            view! { <p>{message}</p> }.into_any(),
        ),
        LoadError::Refused { url, reason } => (
            "refused",
            "This article was not loaded".into(),
            view! { <p>"Folio did not load " <code>{url}</code> " because " {reason} "."</p> }.into_any(),
        ),
        LoadError::TooLarge { url, limit } => (
            "too-large",
            "This file is too large".into(),
            view! { <p>"Folio stopped downloading " <code>{url}</code> ": it is larger than the " {size_in_words(limit)} " Folio reads for this file, so a reader\u{2019}s phone is not filled with it. The publisher needs to make it smaller."</p> }.into_any(),
        ),
        LoadError::Aborted => ("aborted", "Loading stopped".into(), view! { <p>"Loading was stopped."</p> }.into_any()),
    };
    let can_retry = matches!(kind, "server" | "network" | "timeout" | "aborted");
    view! {
        <section class="failure" data-failure=kind role="alert" aria-labelledby="folio_failure_title">
            {if under_page_title {
                view! { <h2 id="folio_failure_title">{title}</h2> }.into_any()
            } else {
                view! { <h1 id="folio_failure_title">{title}</h1> }.into_any()
            }}
            {detail}
            {can_retry.then(|| view! { <button type="button" class="button" on:click=move |_| retry.run(())>"Retry"</button> })}
            // A way back from every failure, but the list of articles' own.
            {(!under_page_title).then(|| view! { <p class="failure__back"><a href=use_site().home_href()>"See all articles"</a></p> })}
        </section>
    }
}

/// A byte count as a reader reads it: `4 MiB`, `256 KiB`, `900 bytes`.
pub fn size_in_words(bytes: usize) -> String {
    const KIB: usize = 1024;
    match bytes {
        b if b >= KIB * KIB && b % (KIB * KIB) == 0 => format!("{} MiB", b / (KIB * KIB)),
        b if b >= KIB && b % KIB == 0 => format!("{} KiB", b / KIB),
        b => format!("{b} bytes"),
    }
}

/// A grey outline of an article, shown while it loads.
#[component]
pub fn ArticleSkeleton() -> impl IntoView {
    view! {
        <div class="skeleton" aria-busy="true" aria-live="polite">
            <span class="visually-hidden">"Loading the article\u{2026}"</span>
            <div class="skeleton__line skeleton__line--short"></div>
            <div class="skeleton__line skeleton__line--title"></div>
            <div class="skeleton__block"></div>
            <div class="skeleton__line"></div>
            <div class="skeleton__line"></div>
            <div class="skeleton__line skeleton__line--short"></div>
        </div>
    }
}
