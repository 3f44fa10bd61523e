// A recording fake of the browser's speech synthesis, for Folio's end-to-end tests only.
// Run through WebDriver's execute after the page has loaded, with one argument:
//   "voices"  - a fake with an en-US (default), an en-GB, a ru-RU, a de-DE and a fa-IR voice;
//   "late"    - a fake with no voices until the test calls window.__speech.addVoices();
//   "missing" - no speech synthesis at all (window.speechSynthesis is undefined).
// The fake records every speak (text, lang, rate, voice name) in window.__speech.spoken and
// every call in window.__speech.calls. Nothing is ever heard: an utterance ends only when the
// test calls window.__speech.finish(), which fires its `end` event.
return (function install(mode) {
  const define = (name, value) =>
    Object.defineProperty(window, name, { value, configurable: true, writable: true });
  if (mode === 'missing') {
    define('speechSynthesis', undefined);
    define('SpeechSynthesisUtterance', undefined);
    return true;
  }

  // Not a real SpeechSynthesisUtterance: the real one's `voice` setter refuses fake voices.
  class FakeUtterance extends EventTarget {
    constructor(text) {
      super();
      this.text = text === undefined ? '' : String(text);
      this.lang = '';
      this.rate = 1;
      this.pitch = 1;
      this.volume = 1;
      this.voice = null;
    }
  }

  const voice = (name, lang, isDefault) =>
    ({ name, lang, default: isDefault, localService: true, voiceURI: 'fake:' + name });
  const allVoices = [
    voice('Fake English (United States)', 'en-US', true),
    voice('Fake English (United Kingdom)', 'en-GB', false),
    voice('Fake Russian', 'ru-RU', false),
    voice('Fake German', 'de-DE', false),
    voice('Fake Persian', 'fa-IR', false),
  ];

  class FakeSynthesis extends EventTarget {
    constructor(voices) {
      super();
      this.voices = voices;
      this.spoken = [];
      this.calls = [];
      this.current = null;
      this.speaking = false;
      this.pending = false;
      this.paused = false;
    }
    getVoices() { return this.voices.slice(); }
    speak(u) {
      this.calls.push('speak');
      this.spoken.push({
        text: u.text, lang: u.lang, rate: u.rate, voice: u.voice ? u.voice.name : null,
      });
      this.current = u;
      this.speaking = true;
      setTimeout(() => u.dispatchEvent(new Event('start')), 0);
    }
    pause() { this.calls.push('pause'); this.paused = true; }
    resume() { this.calls.push('resume'); this.paused = false; }
    // Like a real browser, the interrupted utterance still gets an end event, here at once:
    // the app must not take it for the end of the paragraph and skip ahead.
    cancel() {
      this.calls.push('cancel');
      // Kept for the next page of the tab, so a test can see what happened as the reader left.
      sessionStorage.setItem('folio-speech-calls', JSON.stringify(this.calls));
      const u = this.current;
      this.current = null;
      this.speaking = false;
      if (u) u.dispatchEvent(new Event('end'));
    }
    // Test controls.
    finish() {
      const u = this.current;
      if (!u) return false;
      this.current = null;
      this.speaking = false;
      u.dispatchEvent(new Event('end'));
      return true;
    }
    fail(code) {
      const u = this.current;
      if (!u) return false;
      this.current = null;
      this.speaking = false;
      const e = new Event('error');
      e.error = code;
      u.dispatchEvent(e);
      return true;
    }
    addVoices() {
      this.voices = allVoices.slice();
      this.dispatchEvent(new Event('voiceschanged'));
    }
  }

  const fake = new FakeSynthesis(mode === 'late' ? [] : allVoices.slice());
  define('speechSynthesis', fake);
  define('SpeechSynthesisUtterance', FakeUtterance);
  window.__speech = fake;
  return window.speechSynthesis === fake;
})(arguments[0]);
