//! Read aloud: a "Listen to this article" button that opens controls reading the article
//! with the browser's speech synthesis, one paragraph at a time, the paragraph being read
//! highlighted and kept in view. Why Folio has its own speech helper: docs/adr/005-read-aloud.md.
//!
//! Speech synthesis is looked up when the reader opens the controls or presses Play, and
//! again on `voiceschanged`, never while rendering. A browser without it, or without a voice
//! for the article's language, gets a message in place of the controls.

pub mod controls;
pub mod highlight;
pub mod js;
pub mod narrator;
pub mod paragraphs;
pub mod use_speech;
pub mod voices;

use std::time::Duration;

use folio_bundle::article::Spoken;
use leptos::prelude::*;
use send_wrapper::SendWrapper;

use self::controls::{icon, Controls, Icon};
use self::narrator::Narrator;
use self::use_speech::{use_speech, UseSpeechOptions, UseSpeechReturn};
use self::voices::{no_voice_message, starting_voice};
use crate::interface::{use_interface, Locale, Phrase};
use crate::parts::Part;

/// How long to wait for the browser's voices, which Chromium lists only after a moment,
/// before saying there is none for the article's language.
const VOICE_WAIT: Duration = Duration::from_millis(1500);

/// What the open panel can show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Panel {
    /// Closed, or not looked up yet.
    Unknown,
    /// The browser has no speech synthesis.
    Missing,
    /// Waiting a moment for the browser's voices.
    Waiting,
    /// No voice speaks the article's language.
    NoVoice,
    /// Ready to read.
    Ready,
}

/// The language's name in `locale` (`Intl.DisplayNames`), or `None` where the browser has
/// none.
fn language_name(tag: &str, locale: Locale) -> Option<String> {
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"type".into(), &"language".into());
    crate::intl::format("DisplayNames", locale.tag(), &options, "of", &tag.into())
}

/// What an article gives its read-aloud control: its language tag (every utterance's `lang`,
/// and which voices are offered) and what to read, from the article model.
#[derive(Clone)]
struct Listening {
    language: String,
    spoken: Vec<Spoken>,
    /// Set when the reader pressed Listen before its part was in hand: the part's view is
    /// then drawn open. A view drawn again later, in another language, is drawn closed.
    pressed: StoredValue<bool>,
}

/// The read-aloud control of an article, placed inside its `<article>`. Until the reader
/// first presses Listen it is only that button: speech, voices and the controls are a part
/// of their own ([`crate::parts`]), fetched then, and opened as soon as they are in hand.
#[component]
pub fn ReadAloud(
    /// The article's language tag.
    #[prop(into)]
    language: String,
    /// What to read, from the article model.
    spoken: Vec<Spoken>,
) -> impl IntoView {
    let say = use_interface();
    let pressed = StoredValue::new(false);
    provide_context(Listening {
        language,
        spoken,
        pressed,
    });
    let part = Part::new(LISTENING);
    part.view_or(move || {
        view! {
            <section class="read-aloud" aria-label=say.say(Phrase::ListenRegion)>
                <button
                    type="button"
                    class="read-aloud__listen"
                    aria-expanded="false"
                    aria-busy=move || part.fetching().then_some("true")
                    on:click=move |_| {
                        pressed.set_value(true);
                        part.open(|| {});
                    }
                >
                    {icon(Icon::Listen)} {say.say(Phrase::ListenToArticle)}
                </button>
                {move || part.missing().then(|| view! {
                    <p class="read-aloud__status read-aloud__status--notice" role="alert">
                        {say.say_with(Phrase::ToolMissing, &[("tool", say.say(Phrase::ListenRegion).as_str().into())])}
                    </p>
                })}
            </section>
        }
        .into_any()
    })
}

crate::part!(
    /// Speech, voices and the read-aloud controls.
    LISTENING, read_aloud, listening
);

/// The whole read-aloud control, drawn once its part is in hand: open, if the reader's press
/// is what fetched it.
fn listening() -> AnyView {
    let Some(Listening {
        language,
        spoken,
        pressed,
    }) = use_context::<Listening>()
    else {
        return ().into_any();
    };
    let say = use_interface();
    let UseSpeechReturn {
        support,
        voices,
        speech,
    } = use_speech(UseSpeechOptions {
        language: language.clone(),
    });
    let narrator = Narrator::new(speech.clone(), &language, spoken, say.locale);
    let open = RwSignal::new(false);
    let waiting = RwSignal::new(false);
    let name = RwSignal::new(None::<String>);
    let panel = Memo::new(move |_| match (open.get(), support.get()) {
        (false, _) | (true, None) => Panel::Unknown,
        (true, Some(false)) => Panel::Missing,
        _ if !voices.with(Vec::is_empty) => Panel::Ready,
        _ if waiting.get() => Panel::Waiting,
        _ => Panel::NoVoice,
    });

    // Keep a voice chosen: the browser's default among the fitting ones, when the list changes.
    let chosen = narrator.voice;
    let tag = language.clone();
    Effect::new(move |_| {
        voices.with(|list| {
            let current = chosen.get_untracked();
            if !list.iter().any(|v| Some(&v.name) == current.as_ref()) {
                chosen.set(starting_voice(list, &tag));
            }
        })
    });

    let status = narrator.status;
    let tag = language.clone();
    let message = move || match panel.get() {
        Panel::Unknown => String::new(),
        Panel::Missing => say.say(Phrase::ListenUnsupported),
        Panel::Waiting => say.say(Phrase::ListenLooking),
        Panel::NoVoice => no_voice_message(name.get().as_deref(), &tag, say.locale),
        Panel::Ready => status.get(),
    };

    let toggler = narrator.clone();
    let toggle = move || {
        let opening = !open.get_untracked();
        if opening {
            name.set(language_name(&language, say.locale));
            speech.refresh();
            if support.get_untracked() == Some(true) && voices.with_untracked(Vec::is_empty) {
                waiting.set(true);
                set_timeout(
                    move || {
                        waiting.try_set(false);
                    },
                    VOICE_WAIT,
                );
            }
        } else {
            toggler.stop();
            toggler.status.set(String::new());
        }
        open.set(opening);
    };
    // Pressed once already, to fetch this part: drawn open, and the focus kept on Listen,
    // which now is this button.
    let listen = NodeRef::<leptos::html::Button>::new();
    if pressed.get_value() {
        pressed.set_value(false);
        untrack(toggle.clone());
        request_animation_frame(move || {
            if let Some(button) = listen.get_untracked() {
                let _ = button.focus();
            }
        });
    }

    let leaving = SendWrapper::new(narrator.clone());
    on_cleanup(move || leaving.shut_down());
    // Leaving for another page stops the speech too: a browser may keep speaking after the
    // page that started it has gone.
    let unloading = narrator.clone();
    Effect::new(move |_| {
        let narrator = unloading.clone();
        let handle = window_event_listener(leptos::ev::pagehide, move |_| narrator.shut_down());
        on_cleanup(move || handle.remove());
    });

    view! {
        <section class="read-aloud" aria-label=say.say(Phrase::ListenRegion)>
            <button
                type="button"
                class="read-aloud__listen"
                aria-expanded=move || if open.get() { "true" } else { "false" }
                // What opens is the controls or, in their place, the message saying why not.
                aria-controls="folio_read_aloud_panel folio_read_aloud_status"
                node_ref=listen
                on:click=move |_| toggle()
            >
                {icon(Icon::Listen)} {say.say(Phrase::ListenToArticle)}
            </button>
            <div id="folio_read_aloud_panel" class="read-aloud__panel" hidden=move || panel.get() != Panel::Ready>
                <Controls narrator voices/>
            </div>
            <p
                id="folio_read_aloud_status"
                class="read-aloud__status"
                class:read-aloud__status--notice=move || matches!(panel.get(), Panel::Missing | Panel::NoVoice)
                role="status"
            >
                // Nothing at all when there is nothing to say, not even the blank text a
                // static render would keep for it, so `:empty` drops the line's margin on
                // the static page as in the app, and the page does not move when the app
                // takes it over.
                {move || Some(message()).filter(|said| !said.is_empty())}
            </p>
        </section>
    }
    .into_any()
}
