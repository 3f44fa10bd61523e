//! Helpers for the read-aloud tests: the recording fake of speech synthesis
//! (`speech_fake.js`), what it was asked to say, and the read-aloud controls' state.

use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::{repo, Browser};

/// The seed article's id.
pub const SEED: &str = "us-officials-meet-russian-dissidents";
/// The Russian test article's id.
pub const RUSSIAN: &str = "folio-russian-test";
/// The Play/Pause/Resume button.
pub const PLAY: &str = ".read-aloud__play";
/// The recording fake, run through WebDriver's execute with its mode as argument.
pub const FAKE: &str = include_str!("speech_fake.js");

/// Text with runs of whitespace made single, as a reader sees it.
pub fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What should be spoken for the seed article: headline, dateline, then the body's
/// paragraphs and headings as written in its Markdown.
pub fn seed_script() -> Vec<String> {
    let body = std::fs::read_to_string(repo().join(format!("public/bundles/{SEED}/body.md")))
        .expect("seed body");
    let mut script = vec![
        "U.S. Officials Meet With Russian Dissidents, Military".to_owned(),
        // The dateline without the dash that joins it to the story on the page.
        "October 13, 2007 (RFE/RL)".to_owned(),
    ];
    script.extend(
        body.split("\n\n")
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(|p| squash(p.trim_start_matches("## "))),
    );
    script
}

impl Browser {
    /// Opens `article` and installs the fake in `mode` ("voices", "late" or "missing").
    pub async fn open_with_speech_fake(&self, article: &str, mode: &str) {
        self.open(&crate::article(article)).await;
        self.wait_for_css(".read-aloud__listen").await;
        let installed = self
            .client
            .execute(FAKE, vec![json!(mode)])
            .await
            .expect("the speech fake did not install");
        assert_eq!(
            installed,
            json!(true),
            "the fake replaced window.speechSynthesis"
        );
    }

    /// Waits up to 5 seconds for `script` to return `true`.
    pub async fn until(&self, script: &str, what: &str) {
        let start = Instant::now();
        while self.eval(script).await != json!(true) {
            assert!(
                start.elapsed() < Duration::from_secs(5),
                "timed out waiting for {what}"
            );
            tokio::time::sleep(Duration::from_millis(40)).await;
        }
    }

    /// Presses Listen and waits until it is open: the first press fetches its part (ADR 013)
    /// before anything in it is there.
    pub async fn open_listen(&self) {
        self.click(".read-aloud__listen").await;
        self.wait_for_css(".read-aloud__listen[aria-expanded='true']")
            .await;
    }

    /// Opens Listen and presses Play: reading starts from the first paragraph.
    pub async fn start_listening(&self) {
        self.open_listen().await;
        self.click(PLAY).await;
    }

    /// Clicks the first element matching `css`.
    pub async fn click(&self, css: &str) {
        self.wait_for_css(css)
            .await
            .click()
            .await
            .unwrap_or_else(|e| panic!("cannot click {css}: {e}"));
    }

    /// Every utterance the fake was asked to speak: `{text, lang, rate, voice}`.
    pub async fn spoken(&self) -> Vec<Value> {
        let v = self.eval("return window.__speech.spoken;").await;
        v.as_array().cloned().unwrap_or_default()
    }

    /// Waits until the fake has been asked to speak `count` utterances, checks a moment
    /// later that no more came (an interrupted utterance's end must not skip ahead), and
    /// returns them.
    pub async fn spoken_count(&self, count: usize) -> Vec<Value> {
        let script = format!("return window.__speech.spoken.length === {count};");
        self.until(&script, &format!("{count} utterances")).await;
        tokio::time::sleep(Duration::from_millis(150)).await;
        let list = self.spoken().await;
        assert_eq!(
            list.len(),
            count,
            "no utterance beyond the {count} expected: {list:#?}"
        );
        list
    }

    /// Ends the utterance being spoken, as if the voice had reached its end.
    pub async fn finish_utterance(&self) {
        let finished = self.eval("return window.__speech.finish();").await;
        assert_eq!(finished, json!(true), "an utterance was being spoken");
    }

    /// The squashed text of every element marked as being read.
    pub async fn highlighted(&self) -> Vec<String> {
        let texts = self.texts(".is-being-read").await;
        // The dateline's closing dash joins it to the story on the page; it is not read.
        texts
            .iter()
            .map(|t| squash(t).trim_end_matches(" \u{2013}").to_owned())
            .collect()
    }

    /// The read-aloud status line.
    pub async fn read_aloud_status(&self) -> String {
        self.texts(".read-aloud__status").await.concat()
    }

    /// The focused element's text, squashed.
    pub async fn focused_text(&self) -> String {
        let v = self
            .eval("return document.activeElement.textContent;")
            .await;
        squash(v.as_str().unwrap_or_default())
    }

    /// Fails the test on console errors or axe-core violations on `page`.
    pub async fn assert_clean(&self, page: &str) {
        assert_eq!(
            self.console_errors().await,
            Vec::<String>::new(),
            "console errors on {page}"
        );
        assert_eq!(
            self.axe_violations().await,
            Vec::<String>::new(),
            "axe violations on {page}"
        );
    }
}
