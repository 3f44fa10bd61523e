//! A boxed aside: title, photo, teaser and its "more" link.

use folio_bundle::{Document, Sidebar as SidebarModel};
use leptos::prelude::*;

use crate::article::blocks::DocumentView;
use crate::article::figure::ManifestFigure;
use crate::article::links::LinkView;

/// One sidebar box.
#[component]
pub fn Sidebar(
    /// The sidebar from the manifest.
    sidebar: SidebarModel,
    /// Its teaser, parsed.
    teaser: Document,
    /// Its position, for a unique heading id.
    index: usize,
) -> impl IntoView {
    let heading_id = format!("sidebar_{index}_title");
    let labelled_by = heading_id.clone();
    view! {
        <aside class="sidebar" aria-labelledby=labelled_by>
            <h2 class="sidebar__title" id=heading_id>{sidebar.title.clone()}</h2>
            {sidebar.figure.clone().map(|f| view! { <ManifestFigure figure=f/> })}
            <div class="sidebar__teaser">
                <DocumentView document=teaser/>
            </div>
            {sidebar.more.clone().map(|l| view! { <p class="sidebar__more"><LinkView link=l/></p> })}
        </aside>
    }
}
