//! What a reader sees when something cannot be shown: a specific, plain explanation,
//! a Retry button where trying again can help, and always a way back to the list of articles.
//! In the interface's language; the details Folio gives in English (the bundle checker's
//! findings, the reasons `io` names) stay English, marked as such.

use leptos::prelude::*;

use crate::interface::{use_interface, Arg, Interface, Locale, Phrase};
use crate::io::LoadError;
use crate::render_context::use_site;

/// The values a phrase is formatted with in place of an element (a link, an address): the
/// sentence is then cut there, so each language places the element where its word order
/// needs it. Private-use characters, which no phrase or value holds.
const SLOTS: [char; 2] = ['\u{E000}', '\u{E001}'];

/// The value standing for element `i` of a sentence (0 or 1).
fn slot(i: usize) -> &'static str {
    if i == 0 {
        "\u{E000}"
    } else {
        "\u{E001}"
    }
}

/// `text`, a phrase formatted with [`slot`]s, with each slot's element in place (`fill`).
fn sentence(text: &str, fill: &dyn Fn(usize) -> AnyView) -> Vec<AnyView> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(SLOTS) {
        let c = rest[at..].chars().next().unwrap_or_default();
        if at > 0 {
            out.push(rest[..at].to_owned().into_any());
        }
        out.push(fill(SLOTS.iter().position(|s| *s == c).unwrap_or_default()));
        rest = &rest[at + c.len_utf8()..];
    }
    if !rest.is_empty() {
        out.push(rest.to_owned().into_any());
    }
    out
}

/// A paragraph of `phrase` with `args`, whose [`slot`]s `fill` gives.
fn para(
    ui: Interface,
    phrase: Phrase,
    args: &[(&str, Arg)],
    fill: &dyn Fn(usize) -> AnyView,
) -> AnyView {
    let text = ui.say_with(phrase, args);
    view! { <p>{sentence(&text, fill)}</p> }.into_any()
}

/// `lang` and `dir` for English words among the interface's, where it is not English.
fn english(ui: Interface) -> (Option<&'static str>, Option<&'static str>) {
    let foreign = ui.locale != Locale::En;
    (foreign.then_some("en"), foreign.then_some("ltr"))
}

/// Text Folio gives in English, marked as English where the interface is not.
fn in_english(ui: Interface, text: String) -> AnyView {
    match english(ui) {
        (Some(lang), dir) => view! { <span lang=lang dir=dir>{text}</span> }.into_any(),
        (None, _) => text.into_any(),
    }
}

/// An address, which runs left to right whatever the interface's direction.
fn address(ui: Interface, url: String) -> AnyView {
    let dir = (ui.locale.direction() == "rtl").then_some("ltr");
    view! { <code dir=dir>{url}</code> }.into_any()
}

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
    let ui = use_interface();
    let (kind, title, detail): (&str, Phrase, AnyView) = match error {
        LoadError::NotFound { what } => (
            "not-found",
            Phrase::FailureNotFound,
            para(
                ui,
                Phrase::FailureNotFoundDetail,
                &[("name", slot(0).into())],
                &|_| in_english(ui, what.clone()),
            ),
        ),
        LoadError::Server { url, status } => (
            "server",
            Phrase::FailureServer,
            para(
                ui,
                Phrase::FailureServerDetail,
                &[
                    ("number", i64::from(status).into()),
                    ("site", slot(0).into()),
                ],
                &|_| address(ui, url.clone()),
            ),
        ),
        LoadError::Network { url } => {
            let saved = use_site().saved_href();
            (
                "network",
                Phrase::FailureOffline,
                view! {
                    {para(ui, Phrase::FailureOfflineDetail, &[("site", slot(0).into())], &|_| address(ui, url.clone()))}
                    {para(ui, Phrase::FailureOfflineSaved, &[("name", slot(0).into())], &|_| {
                        view! { <a href=saved.clone()>{ui.say(Phrase::SavedArticles)}</a> }.into_any()
                    })}
                }
                .into_any(),
            )
        }
        LoadError::Timeout { url, seconds } => (
            "timeout",
            Phrase::FailureTimeout,
            para(
                ui,
                Phrase::FailureTimeoutDetail,
                &[
                    ("site", slot(0).into()),
                    ("number", i64::from(seconds).into()),
                ],
                &|_| address(ui, url.clone()),
            ),
        ),
        LoadError::Invalid { what, report } => {
            let errors: Vec<String> = report
                .errors()
                .map(ToString::to_string)
                .chain(report.omitted_lines(true))
                .collect();
            let (lang, dir) = english(ui);
            (
                "invalid",
                Phrase::FailureInvalid,
                view! {
                    {para(ui, Phrase::FailureInvalidDetail, &[("name", slot(0).into())], &|_| in_english(ui, what.clone()))}
                    <ul class="failure__problems" lang=lang dir=dir>{errors.into_iter().map(|e| view! { <li><code>{e}</code></li> }).collect_view()}</ul>
                }
                .into_any(),
            )
        }
        LoadError::Unsupported { message } => {
            let (lang, dir) = english(ui);
            (
                "unsupported",
                Phrase::FailureUnsupported,
                view! { <p lang=lang dir=dir>{message}</p> }.into_any(),
            )
        }
        LoadError::Refused { url, reason } => (
            "refused",
            Phrase::FailureRefused,
            para(
                ui,
                Phrase::FailureRefusedDetail,
                &[("site", slot(0).into()), ("reason", slot(1).into())],
                &|i| match i {
                    0 => address(ui, url.clone()),
                    _ => in_english(ui, reason.clone()),
                },
            ),
        ),
        LoadError::TooLarge { url, limit } => {
            let size = size_in_words(ui.locale, limit);
            (
                "too-large",
                Phrase::FailureTooLarge,
                para(
                    ui,
                    Phrase::FailureTooLargeDetail,
                    &[("site", slot(0).into()), ("value", size.as_str().into())],
                    &|_| address(ui, url.clone()),
                ),
            )
        }
        LoadError::Aborted => (
            "aborted",
            Phrase::FailureAborted,
            view! { <p>{ui.say(Phrase::FailureAbortedDetail)}</p> }.into_any(),
        ),
    };
    let title = ui.say(title);
    let can_retry = matches!(kind, "server" | "network" | "timeout" | "aborted");
    view! {
        <section class="failure" data-failure=kind role="alert" aria-labelledby="folio_failure_title" lang=ui.lang dir=ui.dir>
            {if under_page_title {
                view! { <h2 id="folio_failure_title">{title}</h2> }.into_any()
            } else {
                view! { <h1 id="folio_failure_title">{title}</h1> }.into_any()
            }}
            {detail}
            {can_retry.then(|| view! { <button type="button" class="button" on:click=move |_| retry.run(())>{ui.say(Phrase::FailureRetry)}</button> })}
            // A way back from every failure, but the list of articles' own.
            {(!under_page_title).then(|| view! { <p class="failure__back"><a href=use_site().home_href()>{ui.say(Phrase::FailureSeeAll)}</a></p> })}
        </section>
    }
}

/// A byte count as a reader reads it in `locale`: `4 MiB`, `256 KiB`, `900 bytes`.
pub fn size_in_words(locale: Locale, bytes: usize) -> String {
    const KIB: usize = 1024;
    let (phrase, count) = match bytes {
        b if b >= KIB * KIB && b % (KIB * KIB) == 0 => (Phrase::FailureMib, b / (KIB * KIB)),
        b if b >= KIB && b % KIB == 0 => (Phrase::FailureKib, b / KIB),
        b => (Phrase::FailureBytes, b),
    };
    let count = i64::try_from(count).unwrap_or(i64::MAX);
    locale.say_with(phrase, &[("number", count.into())])
}

/// A grey outline of an article, shown while it loads.
#[component]
pub fn ArticleSkeleton() -> impl IntoView {
    let ui = use_interface();
    view! {
        <div class="skeleton" aria-busy="true" aria-live="polite">
            <span class="visually-hidden" lang=ui.lang dir=ui.dir>{ui.say(Phrase::FailureLoading)}</span>
            <div class="skeleton__line skeleton__line--short"></div>
            <div class="skeleton__line skeleton__line--title"></div>
            <div class="skeleton__block"></div>
            <div class="skeleton__line"></div>
            <div class="skeleton__line"></div>
            <div class="skeleton__line skeleton__line--short"></div>
        </div>
    }
}
