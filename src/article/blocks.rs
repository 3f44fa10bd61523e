//! The article body: one component per [`Block`] kind, through one exhaustive match.

use folio_bundle::{Alignment, Block, Document, Footnote, Inline, ListItem, Scope};
use leptos::html::Ol;
use leptos::prelude::*;

use crate::article::figure::Figure;
use crate::article::inlines::inlines;
use crate::article::slices::{BodyProgress, BodyState};
use crate::interface::use_interface;
use crate::interface::Phrase;
use crate::render_context::{use_article_lang, RenderContext};

/// A document's blocks, then its footnotes. Every id comes from the document's own
/// [`folio_bundle::Scope`], so several texts share a page without a clash. In the browser a
/// long document shows its first screen at once and builds the rest in slices
/// ([`crate::article::slices`]); natively it is built whole.
#[component]
pub fn DocumentView(
    /// The parsed Markdown.
    document: Document,
) -> impl IntoView {
    let scope = document.scope.clone();
    provide_context(scope.clone());
    let progress = scope.is_body().then(use_context::<BodyProgress>).flatten();
    let Document {
        blocks: list,
        footnotes,
        ..
    } = document;
    #[cfg(target_arch = "wasm32")]
    let (list, footnotes) =
        match crate::article::slices::builder::sliced(list, footnotes, &scope, progress) {
            Ok(view) => return view,
            Err(parts) => parts,
        };
    if let Some(progress) = progress {
        progress.0.set(BodyState::Complete);
    }
    let notes = (!footnotes.is_empty()).then(|| {
        let items = footnotes
            .into_iter()
            .map(|note| footnote(note, &scope))
            .collect_view()
            .into_any();
        footnote_list(items, NodeRef::new())
    });
    view! { {blocks(list)} {notes} }.into_any()
}

/// The footnotes' section around `items`; `list` is its `<ol>`, where a sliced build puts
/// the footnotes that come later.
pub fn footnote_list(items: AnyView, list: NodeRef<Ol>) -> AnyView {
    // The section's name is Folio's word; the notes are the article's.
    view! {
        <section class="footnotes" aria-label=use_interface().say(Phrase::Footnotes) lang=use_interface().lang>
            <ol node_ref=list lang=use_article_lang()>{items}</ol>
        </section>
    }
    .into_any()
}

/// One footnote, with its link back to where it was first referred to.
pub fn footnote(note: Footnote, scope: &Scope) -> AnyView {
    let n = note.number;
    view! {
        <li id=scope.note_id(n) value=n>
            {blocks(note.blocks)}
            <a href=format!("#{}", scope.reference_id(n)) target="_self" class="footnote-back" aria-label=use_interface().say_with(Phrase::BackToReference, &[("number", (n as i64).into())]) lang=use_interface().lang>"↩"</a>
        </li>
    }
    .into_any()
}

/// A list of blocks.
pub fn blocks(list: Vec<Block>) -> AnyView {
    list.into_iter().map(block).collect_view().into_any()
}

/// One block, through the one exhaustive match.
pub fn block(item: Block) -> AnyView {
    match item {
        Block::Heading {
            rank, id, content, ..
        } => heading(rank, id, content),
        Block::Paragraph { id, content } => view! { <p id=id>{inlines(content)}</p> }.into_any(),
        Block::List {
            start,
            tight,
            items,
        } => list(start, tight, items),
        Block::Quote(inner) => view! { <blockquote>{blocks(inner)}</blockquote> }.into_any(),
        Block::Figure { media, caption } => figure(media, caption),
        Block::Table {
            alignments,
            head,
            rows,
        } => table(alignments, head, rows),
        Block::Code { language, text } => view! {
            <pre class="code" tabindex="0"><code data-language=language>{text}</code></pre>
        }
        .into_any(),
        Block::Rule => view! { <hr/> }.into_any(),
        Block::RawHtml(html) => {
            view! { <pre class="raw-html" aria-label=use_interface().say(Phrase::UnrenderedHtml) lang=use_interface().lang>{html}</pre> }.into_any()
        }
        // The bundle's report already warned of it; the reader gets its text.
        Block::Unsupported { what, text } => {
            view! { <p class="unsupported" data-kind=what>{text}</p> }.into_any()
        }
    }
}

fn heading(rank: u8, id: String, content: Vec<Inline>) -> AnyView {
    let content = inlines(content);
    match rank {
        2 => view! { <h2 id=id>{content}</h2> }.into_any(),
        3 => view! { <h3 id=id>{content}</h3> }.into_any(),
        4 => view! { <h4 id=id>{content}</h4> }.into_any(),
        5 => view! { <h5 id=id>{content}</h5> }.into_any(),
        _ => view! { <h6 id=id>{content}</h6> }.into_any(),
    }
}

fn list(start: Option<u64>, tight: bool, items: Vec<ListItem>) -> AnyView {
    let items = items
        .into_iter()
        .map(|item| {
            // A class only where there is one: natively, `class:task=false` would write an
            // empty `class` that the browser's render does not have. The box a reader sees
            // is drawn by the style sheet from the class; the checkbox says it to assistive
            // technology.
            match item.task {
                Some(done) => view! {
                    <li class=if done { "task task--done" } else { "task" }>
                        <input type="checkbox" disabled=true checked=done aria-label=use_interface().say(if done { Phrase::Done } else { Phrase::NotDone }) lang=use_interface().lang/>
                        " "
                        {blocks(item.blocks)}
                    </li>
                }
                .into_any(),
                None => view! { <li>{blocks(item.blocks)}</li> }.into_any(),
            }
        })
        .collect_view();
    match (start, tight) {
        (Some(n), true) => view! { <ol class="tight" start=n>{items}</ol> }.into_any(),
        (Some(n), false) => view! { <ol start=n>{items}</ol> }.into_any(),
        (None, true) => view! { <ul class="tight">{items}</ul> }.into_any(),
        (None, false) => view! { <ul>{items}</ul> }.into_any(),
    }
}

fn figure(media: String, caption: Vec<Inline>) -> AnyView {
    let ctx = expect_context::<RenderContext>();
    match ctx.media(&media).cloned() {
        Some(m) => {
            let caption = (!caption.is_empty()).then(|| inlines(caption));
            view! { <Figure media=m caption=caption credit=None/> }.into_any()
        }
        None => view! { <p class="unsupported">"[Missing image: " {media} "]"</p> }.into_any(),
    }
}

fn align_class(a: Alignment) -> Option<&'static str> {
    match a {
        Alignment::None => None,
        Alignment::Left => Some("align-start"),
        Alignment::Center => Some("align-center"),
        Alignment::Right => Some("align-end"),
    }
}

fn table(
    alignments: Vec<Alignment>,
    head: Vec<Vec<Inline>>,
    rows: Vec<Vec<Vec<Inline>>>,
) -> AnyView {
    let columns = head.len();
    let class_of = move |i: usize| alignments.get(i).copied().and_then(align_class);
    let head = head
        .into_iter()
        .enumerate()
        .map(|(i, cell)| view! { <th scope="col" class=class_of(i)>{inlines(cell)}</th> })
        .collect_view();
    let rows = rows
        .into_iter()
        .map(|row| {
            let cells = row
                .into_iter()
                .enumerate()
                .map(|(i, cell)| view! { <td class=class_of(i)>{inlines(cell)}</td> })
                .collect_view();
            view! { <tr>{cells}</tr> }
        })
        .collect_view();
    // The hint shows only while the table is wider than its box (style/article.css, and
    // `data-scrolls` where the engine has no scroll-state query), and
    // the box's edges shade where columns lie out of sight; both are for the eye, so the
    // hint is hidden from screen readers, which read the table whole.
    let hint = if columns == 1 {
        "Scroll sideways to see the whole table".to_owned()
    } else {
        format!("Scroll sideways to see all {columns} columns")
    };
    let frame = NodeRef::new();
    let scrolls = super::use_scrolls_sideways::use_scrolls_sideways(frame);
    view! {
        <div
            class="table-scroll" role="region" aria-label=use_interface().say(Phrase::Table) tabindex="0" lang=use_interface().lang
            node_ref=frame data-scrolls=move || scrolls.get().then_some("")
        >
            <p class="table-scroll__hint" aria-hidden="true">{hint}</p>
            <table lang=use_article_lang()>
                <thead><tr>{head}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}
