//! The Saved page (`saved/`): the articles this device keeps for offline reading, the
//! storage they use, and the controls that remove them. Rendered at build time like every
//! page; the list itself is the device's, so the page's offline script fills it in
//! (`public/offline.js`, ADR 009), and the app leaves the page to it.

use leptos::prelude::*;

use crate::interface::{page_word, use_interface};
use crate::render_context::use_site;

/// The Saved page, before the device's list is filled in. Its words are the page's own
/// (`src/interface/*/offline.ftl`): each element names its own, so that the offline script
/// writes them again in the reader's language (`data-folio-words`).
#[component]
pub fn SavedPage() -> impl IntoView {
    let home = use_site().home_href();
    let locale = use_interface().locale;
    let words = move |id: &'static str| page_word(locale, id);
    view! {
        <div class="saved" data-folio-saved="">
            <h1 class="saved__title" id="folio_saved_title" data-folio-words="saved-title">{words("saved-title")}</h1>
            <p class="saved__offline notice-line" data-folio-saved-offline="" role="alert" hidden=true></p>
            <p class="saved__intro" data-folio-words="saved-intro">{words("saved-intro")}</p>
            <p class="saved__no-script" data-folio-words="saved-no-script">{words("saved-no-script")}</p>
            <p class="saved__status" data-folio-saved-status="" role="status"></p>
            <ul class="saved__list" data-folio-saved-list="" aria-labelledby="folio_saved_title"></ul>
            <p class="saved__storage" data-folio-storage=""></p>
            <div class="saved__clear">
                <button type="button" class="button button--danger" data-folio-clear="" data-folio-words="saved-remove-all">{words("saved-remove-all")}</button>
                <p class="saved__clear-note" data-folio-words="saved-remove-all-note">{words("saved-remove-all-note")}</p>
            </div>
            <p><a href=home data-folio-words="saved-all-articles">{words("saved-all-articles")}</a></p>
        </div>
    }
}
