//! The read-aloud controls: Previous, Play/Pause, Next and Stop buttons, then the speed and
//! voice choices. Each is a native button or select, so Tab reaches it and Enter or Space
//! works it; their names say what they do ("Previous paragraph", "Pause"), in the
//! interface's language.

use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::narrator::{Narrator, Playback};
use super::voices::{hidden_around, quarters, speed_label, speeds, Voice};
use crate::interface::{use_interface, Phrase};

/// The buttons and choices, for a narrator whose voices are known.
#[component]
pub fn Controls(
    /// Reads the article; every control acts on it.
    narrator: Narrator,
    /// The voices that speak the article's language.
    voices: ReadSignal<Vec<Voice>>,
) -> impl IntoView {
    let say = use_interface();
    let (playback, count, rate, voice) = (
        narrator.playback,
        narrator.count,
        narrator.rate,
        narrator.voice,
    );
    let [prev_ref, play_ref, next_ref, stop_ref] = [(); 4].map(|_| NodeRef::<html::Button>::new());
    let no_prev = move || playback.get().index().is_none_or(|n| n == 0);
    let no_next = move || playback.get().index().is_none_or(|n| n + 1 >= count.get());
    let stopped = move || playback.get() == Playback::Stopped;
    // A button that becomes disabled while focused would drop the focus on the page:
    // it goes to Play/Pause instead. Chromium blurs it at once, as the button is disabled
    // (`focusout`, below); Firefox and WebKit keep the focus on it until this effect moves it.
    let to_play = move |ev: ev::FocusEvent| {
        let disabled = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlButtonElement>().ok())
            .is_some_and(|b| b.disabled());
        if disabled && ev.related_target().is_none() {
            if let Some(play) = play_ref.get_untracked() {
                let _ = play.focus();
            }
        }
    };
    Effect::new(move |_| {
        let (off_prev, off_next, off_stop) = (no_prev(), no_next(), stopped());
        let Some(active) = document().active_element() else {
            return;
        };
        let is = |r: NodeRef<html::Button>| {
            r.get_untracked()
                .is_some_and(|b| b.is_same_node(Some(&active)))
        };
        if (off_prev && is(prev_ref)) || (off_next && is(next_ref)) || (off_stop && is(stop_ref)) {
            if let Some(play) = play_ref.get_untracked() {
                let _ = play.focus();
            }
        }
    });
    let play_name = move || {
        say.say(match playback.get() {
            Playback::Stopped => Phrase::ListenPlay,
            Playback::Playing(_) => Phrase::ListenPause,
            Playback::Paused(_) => Phrase::ListenResume,
        })
    };
    let play_icon = move || match playback.get() {
        Playback::Playing(_) => Icon::Pause,
        _ => Icon::Play,
    };
    let (n1, n2, n3, n4, n5, n6) = (
        narrator.clone(),
        narrator.clone(),
        narrator.clone(),
        narrator.clone(),
        narrator.clone(),
        narrator,
    );
    let locale = say.locale;
    view! {
        <div class="read-aloud__buttons" role="group" aria-label=say.say(Phrase::ListenPlayback) on:focusout=to_play>
            <button type="button" class="read-aloud__button" node_ref=prev_ref disabled=no_prev on:click=move |_| n1.step(-1)>
                {icon(Icon::Previous)} {step_name(say.say(Phrase::ListenPrevious), say.say(Phrase::ListenPreviousParagraph))}
            </button>
            <button type="button" class="read-aloud__button read-aloud__play" node_ref=play_ref on:click=move |_| n2.toggle()>
                {move || icon(play_icon())} {play_name}
            </button>
            <button type="button" class="read-aloud__button" node_ref=next_ref disabled=no_next on:click=move |_| n3.step(1)>
                {icon(Icon::Next)} {step_name(say.say(Phrase::ListenNext), say.say(Phrase::ListenNextParagraph))}
            </button>
            <button type="button" class="read-aloud__button" node_ref=stop_ref disabled=stopped on:click=move |_| n4.stop()>
                {icon(Icon::Stop)} {say.say(Phrase::ListenStop)}
            </button>
        </div>
        <div class="read-aloud__choices">
            <label class="read-aloud__choice">
                <span class="read-aloud__choice-name">{say.say(Phrase::ListenSpeed)}</span>
                <select on:change=move |e: ev::Event| {
                    if let Ok(q) = event_target_value(&e).parse::<u32>() {
                        n5.set_rate(f64::from(q) * 0.25);
                    }
                }>
                    {speeds().map(|r| view! {
                        <option value=quarters(r).to_string() prop:selected=move || rate.get() == r>{speed_label(r, locale)}</option>
                    }).collect_view()}
                </select>
            </label>
            <label class="read-aloud__choice">
                <span class="read-aloud__choice-name">{say.say(Phrase::ListenVoice)}</span>
                <select on:change=move |e: ev::Event| n6.set_voice(event_target_value(&e))>
                    {move || voices.get().into_iter().map(|v| {
                        let name = v.name.clone();
                        view! {
                            <option value=v.name.clone() prop:selected=move || voice.get().as_ref() == Some(&name)>
                                {format!("{} ({})", v.name, v.lang)}
                            </option>
                        }
                    }).collect_view()}
                </select>
            </label>
        </div>
    }
}

/// Previous's or Next's words: `shown` on screen, and the rest of the `full` name ("Previous
/// paragraph") for screen readers only, on whichever side of it the language puts it.
fn step_name(shown: String, full: String) -> impl IntoView {
    let (before, after) = hidden_around(&shown, &full);
    let hidden = |words: String| {
        (!words.is_empty()).then(|| view! { <span class="visually-hidden">{words}</span> })
    };
    (hidden(before), shown, hidden(after))
}

/// The controls' pictures, drawn for this app on a 24-unit grid.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Icon {
    /// A loudspeaker, on the Listen button.
    Listen,
    /// A triangle pointing forward.
    Play,
    /// Two upright bars.
    Pause,
    /// A square.
    Stop,
    /// A bar and a triangle pointing back.
    Previous,
    /// A triangle pointing forward and a bar.
    Next,
}

/// An icon, hidden from assistive technology: the button's text names it.
pub fn icon(which: Icon) -> impl IntoView {
    let path = match which {
        Icon::Listen => "M3 9h4l6-5v16l-6-5H3z M16 8.5c1.2 1 1.8 2.2 1.8 3.5s-.6 2.5-1.8 3.5l1.2 1.3c1.6-1.3 2.4-3 2.4-4.8s-.8-3.5-2.4-4.8z",
        Icon::Play => "M7 4.5v15l12.5-7.5z",
        Icon::Pause => "M6 4.5h4.5v15H6z M13.5 4.5H18v15h-4.5z",
        Icon::Stop => "M5.5 5.5h13v13h-13z",
        Icon::Previous => "M5 5h2.5v14H5z M19 5v14L8.5 12z",
        Icon::Next => "M16.5 5H19v14h-2.5z M5 5v14l10.5-7z",
    };
    // Previous and Next point along the line, so they turn round in right-to-left text.
    let class = match which {
        Icon::Previous | Icon::Next => "read-aloud__icon read-aloud__icon--along",
        _ => "read-aloud__icon",
    };
    view! {
        <svg class=class viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d=path fill="currentColor"/>
        </svg>
    }
}
