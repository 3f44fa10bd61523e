//! The article body: one component per [`Block`] kind, through one exhaustive match.

use std::collections::HashSet;
use std::sync::{Arc, Mutex};

use folio_bundle::{Alignment, Block, Document, ListItem};
use leptos::prelude::*;

use crate::article::figure::Figure;
use crate::article::inlines::inlines;
use crate::render_context::RenderContext;

/// Which Markdown text of the article is being rendered, so that ids made from its
/// headings and footnotes stay unique on a page that shows several texts.
#[derive(Clone, Debug)]
pub struct DocumentScope(pub String, Arc<Mutex<HashSet<usize>>>);

impl DocumentScope {
    /// The body keeps the slugs as they are, so `#slug` links written in it work.
    pub const BODY: &'static str = "body";

    /// The scope named `name`, such as `body` or `sidebar_0`.
    pub fn new(name: impl Into<String>) -> Self {
        Self(name.into(), Arc::default())
    }

    /// Whether this is the article's body rather than a sidebar or notice.
    pub fn is_body(&self) -> bool {
        self.0 == Self::BODY
    }

    /// The element id for a heading slug. App ids contain `_`, which slugs never do.
    pub fn heading_id(&self, slug: &str) -> String {
        if self.is_body() {
            slug.to_owned()
        } else {
            format!("{}_h_{slug}", self.0)
        }
    }

    /// The id of footnote `n`.
    pub fn note_id(&self, n: usize) -> String {
        format!("{}_fn_{n}", self.0)
    }

    /// The id of the first reference to footnote `n`, where its back-link returns.
    pub fn reference_id(&self, n: usize) -> String {
        format!("{}_fnref_{n}", self.0)
    }

    /// The id for a reference to footnote `n`: only the first reference gets one, so a
    /// footnote cited twice does not repeat an id.
    pub fn claim_reference_id(&self, n: usize) -> Option<String> {
        let first = self
            .1
            .lock()
            .map(|mut cited| cited.insert(n))
            .unwrap_or(false);
        first.then(|| self.reference_id(n))
    }
}

/// A document's blocks, then its footnotes.
#[component]
pub fn DocumentView(
    /// The parsed Markdown.
    document: Document,
    /// Which text it is: `body`, or a name such as `sidebar_0` for the others.
    #[prop(into)]
    scope: String,
) -> impl IntoView {
    let scope = DocumentScope::new(scope);
    provide_context(scope.clone());
    let footnotes = document.footnotes;
    view! {
        {blocks(document.blocks)}
        {(!footnotes.is_empty()).then(|| view! {
            <section class="footnotes" aria-label="Footnotes">
                <ol>
                    {footnotes.into_iter().map(|note| {
                        let n = note.number;
                        view! {
                            <li id=scope.note_id(n) value=n>
                                {blocks(note.blocks)}
                                <a href=format!("#{}", scope.reference_id(n)) target="_self" class="footnote-back" aria-label=format!("Back to reference {n}")>"↩"</a>
                            </li>
                        }
                    }).collect_view()}
                </ol>
            </section>
        })}
    }
}

/// A list of blocks.
pub fn blocks(list: Vec<Block>) -> AnyView {
    list.into_iter().map(block).collect_view().into_any()
}

/// One block, through the one exhaustive match.
pub fn block(item: Block) -> AnyView {
    match item {
        Block::Heading { level, id, content } => heading(level, id, content),
        Block::Paragraph(content) => view! { <p>{inlines(content)}</p> }.into_any(),
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
            view! { <pre class="raw-html" aria-label="Unrendered HTML">{html}</pre> }.into_any()
        }
        Block::Unsupported { what, text } => {
            web_sys::console::warn_1(
                &format!("Folio does not render {what} yet; showing its text").into(),
            );
            view! { <p class="unsupported" data-kind=what>{text}</p> }.into_any()
        }
    }
}

fn heading(level: u8, id: String, content: Vec<folio_bundle::Inline>) -> AnyView {
    let ctx = expect_context::<RenderContext>();
    let scope = use_context::<DocumentScope>();
    let id = scope
        .as_ref()
        .map_or_else(|| id.clone(), |s| s.heading_id(&id));
    // Headings inside a sidebar or notice sit below the box's own h2 title.
    let level = match scope {
        Some(s) if !s.is_body() => (level + 2).clamp(3, 6),
        _ => ctx.heading_level(level),
    };
    let content = inlines(content);
    match level {
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
            let task = item.task.map(|done| {
                view! { <input type="checkbox" disabled=true checked=done aria-label=if done { "Done" } else { "Not done" }/> " " }
            });
            let is_task = task.is_some();
            view! { <li class:task=is_task>{task}{blocks(item.blocks)}</li> }
        })
        .collect_view();
    match start {
        Some(n) => view! { <ol class:tight=tight start=n>{items}</ol> }.into_any(),
        None => view! { <ul class:tight=tight>{items}</ul> }.into_any(),
    }
}

fn figure(media: String, caption: Vec<folio_bundle::Inline>) -> AnyView {
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
    head: Vec<Vec<folio_bundle::Inline>>,
    rows: Vec<Vec<Vec<folio_bundle::Inline>>>,
) -> AnyView {
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
    view! {
        <div class="table-scroll" role="region" aria-label="Table" tabindex="0">
            <table>
                <thead><tr>{head}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}
