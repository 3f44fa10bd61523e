//! Notices to readers, styled by kind. A safety notice stands out but never covers the story.

use folio_bundle::{Document, Notice, NoticeKind};
use leptos::prelude::*;

use crate::article::blocks::DocumentView;
use crate::article::links::LinkView;
use crate::interface::use_interface;
use crate::interface::Phrase;

fn title(kind: NoticeKind) -> Phrase {
    match kind {
        NoticeKind::Legal => Phrase::NoticeLegal,
        NoticeKind::Safety => Phrase::NoticeSafety,
        NoticeKind::Correction => Phrase::NoticeCorrection,
        NoticeKind::EditorsNote => Phrase::NoticeEditorsNote,
    }
}

/// Every notice of the article.
#[component]
pub fn Notices(
    /// The notices from the manifest.
    notices: Vec<Notice>,
    /// Their texts, parsed, each in its own scope, in the same order.
    texts: Vec<Document>,
) -> impl IntoView {
    let ui = use_interface();
    (!notices.is_empty()).then(|| {
        let items = notices
            .into_iter()
            .zip(texts)
            .enumerate()
            .map(|(i, (notice, text))| {
                let id = format!("notice_{i}_title");
                let labelled_by = id.clone();
                view! {
                    <section class=format!("notice notice--{}", notice.kind.as_str()) aria-labelledby=labelled_by>
                        <h2 class="notice__title" id=id lang=ui.lang dir=ui.dir>{ui.say(title(notice.kind))}</h2>
                        <DocumentView document=text/>
                        {(!notice.links.is_empty()).then(|| view! {
                            <ul class="notice__links">
                                {notice.links.into_iter().map(|l| view! { <li><LinkView link=l/></li> }).collect_view()}
                            </ul>
                        })}
                    </section>
                }
            })
            .collect_view();
        view! { <div class="notices" id="folio_notices">{items}</div> }
    })
}
