//! The reader's choice of the language Folio speaks, in the reading panel: automatic (an
//! article's page in the article's language where Folio has it, Folio's own pages in the
//! browser's), or English, Russian or Persian. It is kept with the reading settings, and
//! the page is drawn again in the chosen language at once.

use leptos::prelude::*;

use crate::interface::{use_interface, Locale, Phrase};
use crate::reading::state::use_reading;
use crate::start::LANGUAGE_CHOICE_ID;

/// The list of interface languages, each named in itself.
#[component]
pub fn LanguageChoice() -> impl IntoView {
    let state = use_reading();
    let ui = use_interface();
    let choices: Vec<Option<Locale>> = std::iter::once(None)
        .chain(Locale::ALL.into_iter().map(Some))
        .collect();
    let on_change = {
        let choices = choices.clone();
        move |ev: leptos::ev::Event| {
            let index = event_target_value(&ev).parse::<usize>().ok();
            let Some(chosen) = index.and_then(|i| choices.get(i)).copied() else {
                return;
            };
            let name =
                chosen.map_or_else(|| ui.say(Phrase::LanguageAutomatic), |l| l.name().into());
            let said = format!("{}: {name}", ui.say(Phrase::Language));
            state.change(said, |s| s.interface = chosen);
            crate::start::speak_again(LANGUAGE_CHOICE_ID);
        }
    };
    view! {
        <div class="reading-control">
            <label for=LANGUAGE_CHOICE_ID>{ui.say(Phrase::Language)}</label>
            <select id=LANGUAGE_CHOICE_ID on:change=on_change>
                {choices.into_iter().enumerate().map(|(i, choice)| {
                    let selected = move || state.settings.with(|s| s.interface == choice);
                    // Each language is named in itself, and marked so.
                    let (name, lang, dir) = match choice {
                        None => (ui.say(Phrase::LanguageAutomatic), None, None),
                        Some(l) => (l.name().to_owned(), Some(l.tag()), Some(l.direction())),
                    };
                    view! { <option value=i.to_string() prop:selected=selected lang=lang dir=dir>{name}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}
