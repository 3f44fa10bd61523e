//! `use_speech`: the browser's speech synthesis (`window.speechSynthesis`), one utterance
//! at a time, each reporting when it has been spoken.
//!
//! `window.speechSynthesis` and `window.SpeechSynthesisUtterance` are looked up each time they
//! are needed, never at mount, so nothing touches the browser while rendering, and a test
//! can put a recording fake in their place after the page has loaded. Every call goes
//! through `Reflect`, so a browser without the API, or a fake lacking a method, gives an
//! `Err` instead of an exception thrown through the WebAssembly.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use js_sys::{Array, Function, Object, Reflect};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::js::{call, global, is_true, string};
use super::voices::{voices_for, Voice};

/// Options for [`use_speech`].
#[derive(Clone, Debug, Default)]
pub struct UseSpeechOptions {
    /// Only voices for this language (primary subtag match) are listed.
    /// Default: empty, which lists every voice.
    pub language: String,
}

/// What [`use_speech`] returns.
#[derive(Clone)]
pub struct UseSpeechReturn {
    /// Whether the browser has speech synthesis: `None` until first looked up.
    pub support: ReadSignal<Option<bool>>,
    /// The voices for the language asked for, as of the last look-up or `voiceschanged`.
    pub voices: ReadSignal<Vec<Voice>>,
    /// Speaks, pauses, resumes and cancels.
    pub speech: Speech,
}

/// One utterance to speak.
#[derive(Clone, Debug, PartialEq)]
pub struct Utterance<'a> {
    /// The text.
    pub text: &'a str,
    /// Its BCP 47 language tag (`utterance.lang`).
    pub lang: &'a str,
    /// Speed, 1.0 being normal (`utterance.rate`).
    pub rate: f64,
    /// The name of the voice to use; the browser picks one for `lang` when `None`.
    pub voice: Option<&'a str>,
}

type Listener = Closure<dyn FnMut(web_sys::Event)>;

/// The utterance being spoken and its listeners, kept so that the browser cannot collect
/// the utterance before it ends (Chromium then never fires `end`) and so the listeners can
/// be taken off before they are dropped.
struct InFlight {
    utterance: web_sys::EventTarget,
    listeners: [(&'static str, Listener); 2],
}

impl InFlight {
    fn detach(&self) {
        for (event, listener) in &self.listeners {
            let _ = self
                .utterance
                .remove_event_listener_with_callback(event, listener.as_ref().unchecked_ref());
        }
    }
}

#[derive(Default)]
struct Inner {
    language: String,
    /// The `speechSynthesis` object whose `voiceschanged` is listened to.
    synth: Option<web_sys::EventTarget>,
    on_voices: Option<Listener>,
    in_flight: Option<InFlight>,
    /// Bumped by every `speak` and `cancel`: an `end` or `error` from an utterance of an
    /// older generation (such as the one `cancel` interrupts) is ignored.
    generation: u64,
}

/// A handle on the browser's speech synthesis; cheap to clone.
#[derive(Clone)]
pub struct Speech {
    inner: Rc<RefCell<Inner>>,
    support: RwSignal<Option<bool>>,
    voices: RwSignal<Vec<Voice>>,
}

/// Wraps `window.speechSynthesis` for paragraph-by-paragraph reading. Touches nothing in
/// the browser until [`Speech::refresh`] or another method is called.
pub fn use_speech(options: UseSpeechOptions) -> UseSpeechReturn {
    let speech = Speech {
        inner: Rc::new(RefCell::new(Inner {
            language: options.language,
            ..Inner::default()
        })),
        support: RwSignal::new(None),
        voices: RwSignal::new(Vec::new()),
    };
    UseSpeechReturn {
        support: speech.support.read_only(),
        voices: speech.voices.read_only(),
        speech,
    }
}

/// The browser's voice objects, in its order.
fn voice_objects(synth: &JsValue) -> Vec<JsValue> {
    call(synth, "getVoices", &Array::new())
        .ok()
        .and_then(|list| list.dyn_into::<Array>().ok())
        .map(|list| list.iter().collect())
        .unwrap_or_default()
}

impl Speech {
    /// Looks up `window.speechSynthesis` afresh, listens to `voiceschanged` on it if it is
    /// a new object, and updates `support` and `voices`. Returns the object, if any.
    pub fn refresh(&self) -> Option<JsValue> {
        let found = global("speechSynthesis").filter(JsValue::is_object);
        let changed = {
            let inner = self.inner.borrow();
            match (&found, &inner.synth) {
                (Some(a), Some(b)) => !Object::is(a, b),
                (None, None) => false,
                _ => true,
            }
        };
        if changed {
            self.listen_for_voices(found.as_ref());
        }
        let language = self.inner.borrow().language.clone();
        let voices = found
            .as_ref()
            .map(|synth| {
                let all: Vec<Voice> = voice_objects(synth)
                    .iter()
                    .map(|v| Voice {
                        name: string(v, "name"),
                        lang: string(v, "lang"),
                        is_default: is_true(v, "default"),
                    })
                    .collect();
                if language.is_empty() {
                    all
                } else {
                    voices_for(&all, &language)
                }
            })
            .unwrap_or_default();
        let support = Some(found.is_some());
        if self.support.try_get_untracked() != Some(support) {
            self.support.try_set(support);
        }
        if self.voices.try_with_untracked(|v| *v != voices) == Some(true) {
            self.voices.try_set(voices);
        }
        found
    }

    fn listen_for_voices(&self, synth: Option<&JsValue>) {
        let mut inner = self.inner.borrow_mut();
        if let (Some(old), Some(listener)) = (inner.synth.take(), inner.on_voices.take()) {
            let _ = old.remove_event_listener_with_callback(
                "voiceschanged",
                listener.as_ref().unchecked_ref(),
            );
        }
        let Some(synth) = synth else { return };
        let target: web_sys::EventTarget = synth.clone().unchecked_into();
        let (weak, support, voices): (Weak<RefCell<Inner>>, _, _) =
            (Rc::downgrade(&self.inner), self.support, self.voices);
        // Handled a moment later, outside the listener, since `refresh` may replace it.
        let listener = Listener::new(move |_: web_sys::Event| {
            let weak = weak.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if let Some(inner) = weak.upgrade() {
                    Speech {
                        inner,
                        support,
                        voices,
                    }
                    .refresh();
                }
            });
        });
        let added = call(
            &target,
            "addEventListener",
            &Array::of2(&"voiceschanged".into(), listener.as_ref()),
        );
        if added.is_ok() {
            inner.on_voices = Some(listener);
        }
        inner.synth = Some(target);
    }

    /// Speaks `utterance` after cancelling whatever was being spoken. `done` runs once it
    /// has been spoken (`Ok`) or has failed (`Err` with the browser's error code), but not
    /// if it is cancelled first. Fails at once when the browser cannot speak at all.
    pub fn speak(
        &self,
        utterance: Utterance<'_>,
        done: impl FnOnce(Result<(), String>) + 'static,
    ) -> Result<(), String> {
        self.cancel();
        let synth = self
            .refresh()
            .ok_or("this browser has no speech synthesis")?;
        let class: Function = global("SpeechSynthesisUtterance")
            .ok_or("this browser has no SpeechSynthesisUtterance")?
            .dyn_into()
            .map_err(|_| "SpeechSynthesisUtterance is not a class")?;
        let spoken = Reflect::construct(&class, &Array::of1(&utterance.text.into()))
            .map_err(|_| "cannot make an utterance")?;
        let _ = Reflect::set(&spoken, &"lang".into(), &utterance.lang.into());
        let _ = Reflect::set(&spoken, &"rate".into(), &utterance.rate.into());
        if let Some(name) = utterance.voice {
            let voice = voice_objects(&synth)
                .into_iter()
                .find(|v| string(v, "name") == name);
            // A voice the browser refuses leaves the choice to `lang`.
            if let Some(voice) = voice {
                let _ = Reflect::set(&spoken, &"voice".into(), &voice);
            }
        }
        let target: web_sys::EventTarget = spoken.clone().unchecked_into();
        let ticket = {
            let mut inner = self.inner.borrow_mut();
            inner.generation += 1;
            inner.generation
        };
        let done = Rc::new(RefCell::new(Some(done)));
        let listener = |outcome: fn(&web_sys::Event) -> Result<(), String>| {
            let (weak, done) = (Rc::downgrade(&self.inner), done.clone());
            Listener::new(move |event: web_sys::Event| {
                let result = outcome(&event);
                let (weak, done) = (weak.clone(), done.clone());
                // Handled a moment later, outside the listener, which finishing drops.
                wasm_bindgen_futures::spawn_local(async move {
                    let Some(inner) = weak.upgrade() else { return };
                    if inner.borrow().generation != ticket {
                        return;
                    }
                    if let Some(finished) = inner.borrow_mut().in_flight.take() {
                        finished.detach();
                    }
                    let callback = done.borrow_mut().take();
                    if let Some(callback) = callback {
                        callback(result);
                    }
                });
            })
        };
        let flight = InFlight {
            utterance: target.clone(),
            listeners: [
                ("end", listener(|_| Ok(()))),
                ("error", listener(|e| Err(string(e, "error")))),
            ],
        };
        for (event, listener) in &flight.listeners {
            target
                .add_event_listener_with_callback(event, listener.as_ref().unchecked_ref())
                .map_err(|_| "an utterance takes no listeners")?;
        }
        self.inner.borrow_mut().in_flight = Some(flight);
        call(&synth, "speak", &Array::of1(&spoken)).map_err(|_| {
            self.cancel();
            "the browser refused to speak".to_owned()
        })?;
        Ok(())
    }

    /// Pauses speaking (`speechSynthesis.pause()`).
    pub fn pause(&self) {
        if let Some(synth) = global("speechSynthesis") {
            let _ = call(&synth, "pause", &Array::new());
        }
    }

    /// Resumes after [`Speech::pause`] (`speechSynthesis.resume()`).
    pub fn resume(&self) {
        if let Some(synth) = global("speechSynthesis") {
            let _ = call(&synth, "resume", &Array::new());
        }
    }

    /// Stops speaking. The interrupted utterance's `end` or `error` is ignored, and the
    /// synthesis is left unpaused, since Chromium keeps a pause across `cancel()`.
    pub fn cancel(&self) {
        let flight = {
            let mut inner = self.inner.borrow_mut();
            inner.generation += 1;
            inner.in_flight.take()
        };
        let speaking = flight.is_some();
        if let Some(flight) = flight {
            flight.detach();
        }
        // Even with nothing in flight, a paused synthesis must be resumed, or the next
        // utterance would queue behind the pause and never be heard.
        if let Some(synth) = global("speechSynthesis") {
            let paused = is_true(&synth, "paused");
            if speaking || paused {
                let _ = call(&synth, "cancel", &Array::new());
            }
            if paused {
                let _ = call(&synth, "resume", &Array::new());
            }
        }
    }

    /// Cancels speech and stops listening to the browser, for when the view goes away.
    pub fn shut_down(&self) {
        self.cancel();
        self.listen_for_voices(None);
    }
}
