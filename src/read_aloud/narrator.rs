//! The narrator: reads the article's paragraphs one after another through [`Speech`], and
//! keeps the playback state, the highlight and the status line in step with the speech.
//! Its methods are called from event handlers only; creating one touches no browser API.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use folio_bundle::article::Spoken;
use leptos::prelude::*;

use super::highlight;
use super::paragraphs::{self, Paragraph};
use super::use_speech::{Speech, Utterance};
use super::voices::{paused_message, reading_message};
use crate::interface::{Locale, Phrase};

/// Where reading stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Playback {
    /// Not reading; the next Play starts at the headline.
    Stopped,
    /// Reading paragraph `n` (from 0).
    Playing(usize),
    /// Paused in paragraph `n` (from 0).
    Paused(usize),
}

impl Playback {
    /// The paragraph being read or paused in.
    pub fn index(self) -> Option<usize> {
        match self {
            Playback::Stopped => None,
            Playback::Playing(n) | Playback::Paused(n) => Some(n),
        }
    }
}

/// Reads an article aloud, paragraph by paragraph. Cheap to clone; clones share state.
#[derive(Clone)]
pub struct Narrator {
    speech: Speech,
    language: Rc<str>,
    /// The language of the status line: the interface's.
    locale: Locale,
    /// What the article model says to read.
    spoken: Rc<[Spoken]>,
    paragraphs: Rc<RefCell<Vec<Paragraph>>>,
    /// The paragraph carrying the highlight.
    marked: Rc<Cell<Option<usize>>>,
    /// Set when the paragraph or the voice changed while paused: resuming then speaks the
    /// paragraph afresh instead of calling `resume()`.
    restart_on_resume: Rc<Cell<bool>>,
    /// Where reading stands.
    pub playback: RwSignal<Playback>,
    /// How many paragraphs the article has, once reading has started.
    pub count: RwSignal<usize>,
    /// The words for the status line (announced politely).
    pub status: RwSignal<String>,
    /// Speed, 1.0 being normal.
    pub rate: RwSignal<f64>,
    /// The chosen voice's name.
    pub voice: RwSignal<Option<String>>,
}

impl Narrator {
    /// A narrator reading `spoken`, written in `language`, its status line in `locale`.
    pub fn new(speech: Speech, language: &str, spoken: Vec<Spoken>, locale: Locale) -> Self {
        Narrator {
            speech,
            language: language.into(),
            locale,
            spoken: spoken.into(),
            paragraphs: Rc::default(),
            marked: Rc::default(),
            restart_on_resume: Rc::default(),
            playback: RwSignal::new(Playback::Stopped),
            count: RwSignal::new(0),
            status: RwSignal::new(String::new()),
            rate: RwSignal::new(1.0),
            voice: RwSignal::new(None),
        }
    }

    /// Play, Pause or Resume, by the state.
    pub fn toggle(&self) {
        match self.playback.get_untracked() {
            Playback::Stopped => self.start(),
            Playback::Playing(n) => {
                self.speech.pause();
                self.playback.set(Playback::Paused(n));
                self.status
                    .set(paused_message(n, self.count.get_untracked(), self.locale));
            }
            Playback::Paused(n) if self.restart_on_resume.get() => self.read(n),
            Playback::Paused(n) => {
                self.speech.resume();
                self.playback.set(Playback::Playing(n));
                self.status
                    .set(reading_message(n, self.count.get_untracked(), self.locale));
            }
        }
    }

    /// Stops reading, back to the start, with no highlight.
    pub fn stop(&self) {
        self.halt(&self.locale.say(Phrase::ListenStopped));
    }

    /// Moves `by` paragraphs forward (or back, when negative), if there is one there.
    pub fn step(&self, by: isize) {
        let Some(current) = self.playback.get_untracked().index() else {
            return;
        };
        let Some(target) = current
            .checked_add_signed(by)
            .filter(|n| *n < self.count.get_untracked())
        else {
            return;
        };
        match self.playback.get_untracked() {
            Playback::Playing(_) => self.read(target),
            _ => {
                self.speech.cancel();
                self.mark(target);
                self.restart_on_resume.set(true);
                self.playback.set(Playback::Paused(target));
                self.status.set(paused_message(
                    target,
                    self.count.get_untracked(),
                    self.locale,
                ));
            }
        }
    }

    /// Sets the speed; the paragraph being read starts again at it.
    pub fn set_rate(&self, rate: f64) {
        self.rate.set(rate);
        self.restart_current();
    }

    /// Sets the voice; the paragraph being read starts again in it.
    pub fn set_voice(&self, name: String) {
        self.voice.set(Some(name));
        self.restart_current();
    }

    /// Stops speaking for good, when the view goes away.
    pub fn shut_down(&self) {
        self.speech.shut_down();
        self.unmark();
    }

    fn start(&self) {
        let list = paragraphs::collect(&self.spoken);
        if list.is_empty() {
            self.status
                .set(self.locale.say(Phrase::ListenNothingToRead));
            return;
        }
        self.count.set(list.len());
        *self.paragraphs.borrow_mut() = list;
        self.read(0);
    }

    fn restart_current(&self) {
        match self.playback.get_untracked() {
            Playback::Playing(n) => self.read(n),
            Playback::Paused(_) => {
                self.speech.cancel();
                self.restart_on_resume.set(true);
            }
            Playback::Stopped => {}
        }
    }

    /// Speaks paragraph `n`, then the next ones; finishes after the last.
    fn read(&self, n: usize) {
        let Some(text) = self.mark(n) else {
            self.halt(&self.locale.say(Phrase::ListenFinished));
            return;
        };
        self.restart_on_resume.set(false);
        self.playback.set(Playback::Playing(n));
        self.status
            .set(reading_message(n, self.count.get_untracked(), self.locale));
        let voice = self.voice.get_untracked();
        let next = self.clone();
        let spoken = self.speech.speak(
            Utterance {
                text: &text,
                lang: &self.language,
                rate: self.rate.get_untracked(),
                voice: voice.as_deref(),
            },
            move |outcome| {
                // Only if nothing else moved reading on meanwhile. A paragraph that ends
                // while paused (Pause pressed as it finished, or an engine whose pause ends
                // the utterance) is read again on Resume instead of resuming silence.
                match next.playback.try_get_untracked() {
                    Some(Playback::Playing(m)) if m == n => {}
                    Some(Playback::Paused(m)) if m == n => {
                        next.restart_on_resume.set(true);
                        return;
                    }
                    _ => return,
                }
                match outcome {
                    Ok(()) => next.read(n + 1),
                    Err(code) => next.halt(&next.locale.say_with(
                        Phrase::ListenBrowserStopped,
                        &[("code", code.as_str().into())],
                    )),
                }
            },
        );
        if let Err(why) = spoken {
            self.halt(
                &self
                    .locale
                    .say_with(Phrase::ListenFailed, &[("why", why.as_str().into())]),
            );
        }
    }

    fn halt(&self, message: &str) {
        self.speech.cancel();
        self.unmark();
        self.restart_on_resume.set(false);
        self.playback.try_set(Playback::Stopped);
        self.status.try_set(message.to_owned());
    }

    /// Moves the highlight to paragraph `n` and returns its text, if there is one.
    fn mark(&self, n: usize) -> Option<String> {
        self.unmark();
        let list = self.paragraphs.borrow();
        let paragraph = list.get(n)?;
        if let Some(element) = paragraph.element() {
            highlight::mark(&element);
        }
        self.marked.set(Some(n));
        Some(paragraph.text.clone())
    }

    fn unmark(&self) {
        if let Some(n) = self.marked.take() {
            if let Some(element) = self.paragraphs.borrow().get(n).and_then(|p| p.element()) {
                highlight::unmark(&element);
            }
        }
    }
}
