//! "Save for offline": the article's button and the line that says how the save went.
//! The saving itself is done by the page's offline script and the service worker
//! (`public/offline.js`, `public/sw.js`, ADR 009), which work on the static page too, before
//! and without the app's module; this component gives them their place and their words.

use leptos::prelude::*;

use crate::interface::{use_interface, Phrase};

/// The button that saves the article `id`, titled `headline` in the list of saved ones.
#[component]
pub fn SaveForOffline(
    /// The article's id.
    id: String,
    /// Its headline, as the Saved page lists it.
    headline: String,
) -> impl IntoView {
    // Folio's words, marked where they differ from the article's. The status line is the
    // offline script's, in its own words.
    let ui = use_interface();
    view! {
        <div class="save-offline" data-folio-save=id data-folio-save-title=headline>
            <button type="button" class="tool-button save-offline__button" aria-describedby="folio_save_status" lang=ui.lang dir=ui.dir>
                <span aria-hidden="true" class="tool-button__icon">"\u{2193}\u{200B}"</span>
                <span class="save-offline__label">{ui.say(Phrase::SaveOffline)}</span>
            </button>
            <p class="save-offline__status" id="folio_save_status" role="status"></p>
        </div>
    }
}
