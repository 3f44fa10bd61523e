//! Reading mode in the running app: the settings as one signal shared by every page,
//! loaded from the device once, and on each change applied to `<html>`, saved and announced.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::interface::{Locale, Phrase};
use crate::io::storage;
use crate::reading::appearance::{appearance, Appearance, ATTRIBUTES, PROPERTIES};
use crate::reading::embed;
use crate::reading::saved::{self, KEY};
use crate::reading::settings::ReadingSettings;

/// The id of the panel's Reset button.
pub const RESET_ID: &str = "folio_reading_reset";

/// The reader's settings and what the panel tells them.
#[derive(Clone, Copy)]
pub struct ReadingState {
    /// The language the panel speaks.
    pub interface: Locale,
    /// The settings in force.
    pub settings: RwSignal<ReadingSettings>,
    /// The last change in words, such as "Theme: high contrast", for a polite live region.
    pub announcement: RwSignal<String>,
    /// Why the settings could not be kept for the next visit, when they could not.
    pub problem: RwSignal<Option<String>>,
    /// Whether changes are kept on the device: not in an embed, whose settings come from
    /// its address (`reading::embed`).
    pub kept: bool,
}

impl ReadingState {
    /// Changes the settings with `edit`, applies them at once, saves them, and announces `said`.
    pub fn change(&self, said: impl Into<String>, edit: impl FnOnce(&mut ReadingSettings)) {
        self.settings.update(edit);
        let settings = self.settings.get_untracked();
        apply_to_page(&appearance(&settings));
        if self.kept {
            self.report(storage::write(KEY, &saved::to_json(&settings)));
        }
        self.announcement.set(said.into());
    }

    /// Back to a first visit's settings, which follow the system; the saved settings are removed.
    pub fn reset(&self) {
        let had_language = self.settings.with_untracked(|s| s.interface.is_some());
        let settings = ReadingSettings::defaults();
        apply_to_page(&appearance(&settings));
        self.settings.set(settings);
        if self.kept {
            self.report(storage::remove(KEY));
        }
        self.announcement.set(self.interface.say(Phrase::ResetDone));
        if had_language {
            crate::start::speak_again(RESET_ID);
        }
    }

    fn report(&self, outcome: Result<(), storage::StorageError>) {
        let say = |e: storage::StorageError| {
            let reason = e.to_string();
            let args = [("reason", reason.as_str().into())];
            self.interface.say_with(Phrase::NotKept, &args)
        };
        self.problem.set(outcome.err().map(say));
    }
}

/// Creates the reading state for the whole app and loads the saved settings after mount;
/// in an embed, the settings of its address instead. The page already shows them:
/// `index.html` applied them before first paint.
pub fn provide_reading_state() -> ReadingState {
    let state = ReadingState {
        interface: crate::interface::use_interface().locale,
        settings: RwSignal::new(ReadingSettings::defaults()),
        announcement: RwSignal::new(String::new()),
        problem: RwSignal::new(None),
        kept: crate::render_context::use_site().embed.is_none(),
    };
    provide_context(state);
    Effect::new(move |_| {
        if !state.kept {
            let query = web_sys::window()
                .and_then(|w| w.location().search().ok())
                .unwrap_or_default();
            let settings = embed::from_query(embed::pairs(&query));
            apply_to_page(&appearance(&settings));
            state.settings.set(settings);
            return;
        }
        let saved = storage::read(KEY);
        let settings = match &saved {
            Ok(Some(text)) => saved::from_json(text),
            _ => None,
        }
        .unwrap_or_else(ReadingSettings::defaults);
        apply_to_page(&appearance(&settings));
        state.settings.set(settings);
        if let Err(e) = saved {
            state.report(Err(e));
        }
    });
    state
}

/// The app's reading state; a fresh one where none was provided, as in a component test.
pub fn use_reading() -> ReadingState {
    use_context::<ReadingState>().unwrap_or_else(provide_reading_state)
}

/// Writes an [`Appearance`] onto `<html>`, removing what it does not name. Browser only.
pub fn apply_to_page(look: &Appearance) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    for name in ATTRIBUTES {
        let _ = match look.attribute(name) {
            Some(value) => root.set_attribute(name, value),
            None => root.remove_attribute(name),
        };
    }
    let Some(style) = root.dyn_ref::<web_sys::HtmlElement>().map(|e| e.style()) else {
        return;
    };
    for name in PROPERTIES {
        let _ = match look.property(name) {
            Some(value) => style.set_property(name, value),
            None => style.remove_property(name).map(|_| ()),
        };
    }
}
