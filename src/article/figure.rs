//! A photo with its caption and credit. The frame keeps the image's declared shape,
//! so nothing moves while it loads, and the caption stays if the image fails.

use folio_bundle::Media;
use leptos::prelude::*;

use crate::interface::Phrase;
use crate::render_context::RenderContext;

/// A figure: image, caption and credit.
#[component]
pub fn Figure(
    /// The media item shown.
    media: Media,
    /// The caption, already rendered (plain text or inline Markdown).
    caption: Option<AnyView>,
    /// The credit; falls back to the media item's own.
    credit: Option<String>,
    /// Load at once: true for the lead photo, above the fold.
    #[prop(optional)]
    eager: bool,
) -> impl IntoView {
    let ctx = expect_context::<RenderContext>();
    let say = crate::interface::use_interface();
    let ui = say.lang;
    let failed = RwSignal::new(false);
    let credit = credit.or_else(|| media.credit.clone());
    // The main file is one of the candidates too, at its declared width.
    let srcset = (!media.sources.is_empty()).then(|| {
        std::iter::once((&media.src, media.width))
            .chain(media.sources.iter().map(|s| (&s.src, s.width)))
            .map(|(src, width)| format!("{} {width}w", ctx.file_url(src)))
            .collect::<Vec<_>>()
            .join(", ")
    });
    let alt = if media.decorative {
        String::new()
    } else {
        media.alt.clone()
    };
    view! {
        <figure class="figure" class:figure--placeholder=media.placeholder>
            <div class="figure__frame" class:figure__frame--failed=move || failed.get()>
                <img
                    src=ctx.file_url(&media.src)
                    srcset=srcset
                    sizes=media.sources.first().map(|_| "(min-width: 60em) 40rem, 100vw")
                    alt=alt
                    width=media.width
                    height=media.height
                    loading=if eager { "eager" } else { "lazy" }
                    decoding="async"
                    on:error=move |_| failed.set(true)
                />
                <Show when=move || failed.get()>
                    <p class="figure__failed" aria-hidden="true" lang=ui>{say.say(Phrase::ImageUnavailable)}</p>
                </Show>
            </div>
            <figcaption class="figure__caption">
                <span class="visually-hidden" lang=ui>{say.say(Phrase::Image)}" "</span>
                {caption}
                {credit.map(|c| view! { " " <span class="figure__credit">"("<span class="visually-hidden" lang=ui>{say.say(Phrase::Credit)}" "</span>{c}")"</span> })}
            </figcaption>
        </figure>
    }
}

/// A figure named by a manifest figure (lead photo or sidebar photo).
#[component]
pub fn ManifestFigure(
    /// The manifest's figure.
    figure: folio_bundle::Figure,
    /// Load at once.
    #[prop(optional)]
    eager: bool,
) -> impl IntoView {
    let ctx = expect_context::<RenderContext>();
    let media = ctx.media(&figure.media).cloned();
    media.map(|media| {
        let caption = figure
            .caption
            .clone()
            .map(|c| view! { <span>{c}</span> }.into_any());
        view! { <Figure media=media caption=caption credit=figure.credit.clone() eager=eager/> }
    })
}
