//! The Saved page (`saved/`): the articles this device keeps for offline reading, the
//! storage they use, and the controls that remove them. Rendered at build time like every
//! page; the list itself is the device's, so the page's offline script fills it in
//! (`public/offline.js`, ADR 009), and the app leaves the page to it.

use leptos::prelude::*;

use crate::render_context::use_site;

/// The Saved page's title.
pub const TITLE: &str = "Saved articles \u{2014} Folio";

/// The Saved page, before the device's list is filled in.
#[component]
pub fn SavedPage() -> impl IntoView {
    let home = use_site().home_href();
    view! {
        <div class="saved" data-folio-saved="">
            <h1 class="saved__title">"Saved articles"</h1>
            <p class="saved__offline notice-line" data-folio-saved-offline="" role="alert" hidden=true></p>
            <p class="saved__intro">
                "Articles you save with \u{201c}Save for offline\u{201d} are kept on this device and open with no network."
            </p>
            <p class="saved__no-script">
                "Saving articles needs JavaScript and a browser with service workers, which this page has not found."
            </p>
            <p class="saved__status" data-folio-saved-status="" role="status"></p>
            <ul class="saved__list" data-folio-saved-list="" aria-label="Saved articles"></ul>
            <p class="saved__storage" data-folio-storage=""></p>
            <div class="saved__clear">
                <button type="button" class="button button--danger" data-folio-clear="">"Remove all saved data"</button>
                <p class="saved__clear-note">"This removes every saved article and your reading settings from this device."</p>
            </div>
            <p><a href=home>"All articles"</a></p>
        </div>
    }
}
