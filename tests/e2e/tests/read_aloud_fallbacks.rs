//! Read aloud, end to end, where it cannot simply play: headless Chromium's and Firefox's
//! real speech synthesis has no voice (WebKitGTK's has Flite's English voices, offered with
//! Play), a browser has none at all, voices arrive late; and how it looks:
//! scrolling under reduced motion, target sizes and screenshots at phone and desktop widths;
//! and a paragraph that ends while reading is paused.

use folio_e2e::engine::not_run;
use folio_e2e::speech::{seed_script, squash, PLAY, RUSSIAN, SEED};
use folio_e2e::{Browser, Engine, Setting};
use serde_json::json;

#[tokio::test]
async fn a_browser_without_voices_says_so_instead_of_offering_play() {
    if Engine::current() == Engine::WebKit {
        not_run(
            "a_browser_without_voices_says_so_instead_of_offering_play",
            "WebKitGTK has real English voices (Flite); webkit_offers_its_own_voices_with_play checks them",
        );
        return;
    }
    let b = Browser::start(1280, 900).await;
    b.open(&format!("?article={SEED}")).await;
    // The real path: no fake. Headless Chromium and Firefox have speech synthesis but no voices.
    assert_eq!(
        b.eval("return typeof window.speechSynthesis.getVoices;")
            .await,
        json!("function")
    );
    b.open_listen().await;
    b.until(
        "return document.querySelector('.read-aloud__status').textContent.includes('no voice');",
        "the no-voice message",
    )
    .await;
    assert_eq!(
        b.read_aloud_status().await,
        "This browser has no voice for English (en), so it cannot read this article aloud."
    );
    let hidden = b
        .eval("return document.getElementById('folio_read_aloud_panel').hidden;")
        .await;
    assert_eq!(hidden, json!(true), "no dead Play button is offered");
    // The message keeps to the text column, from its left edge.
    let edges = b
        .eval("const box = document.querySelector('.read-aloud__status--notice').getBoundingClientRect();
               const column = document.querySelector('.story-body').getBoundingClientRect();
               return [Math.round(box.left - column.left), Math.round(box.right - column.right) <= 0];")
        .await;
    assert_eq!(
        edges,
        json!([0, true]),
        "[left offset, ends within the column]"
    );
    b.screenshot("read-aloud-no-voice-1280").await;
    b.assert_clean("the seed article without voices").await;
    b.close().await;
}

#[tokio::test]
async fn webkit_offers_its_own_voices_with_play() {
    if Engine::current() != Engine::WebKit {
        not_run(
            "webkit_offers_its_own_voices_with_play",
            "only WebKitGTK brings speech voices on these machines",
        );
        return;
    }
    let b = Browser::start(1280, 900).await;
    b.open(&format!("?article={SEED}")).await;
    b.open_listen().await;
    b.wait_for_css(".read-aloud__play").await;
    let offered = b
        .eval("return [document.getElementById('folio_read_aloud_panel').hidden,
                       document.querySelector('.read-aloud__status').textContent.includes('no voice'),
                       [...document.querySelectorAll('.read-aloud__choice select')].pop().options.length,
                       speechSynthesis.getVoices().filter(v => v.lang.startsWith('en')).length];")
        .await;
    assert_eq!(
        offered[0],
        json!(false),
        "the controls are shown: {offered}"
    );
    assert_eq!(offered[1], json!(false), "no no-voice message: {offered}");
    assert!(
        offered[2].as_u64() >= Some(1) && offered[2] == offered[3],
        "the voice list offers each English voice the engine has: {offered}"
    );
    b.screenshot("read-aloud-own-voices-1280").await;
    b.assert_clean("the seed article with WebKit's voices")
        .await;
    b.close().await;
}

#[tokio::test]
async fn a_browser_without_speech_synthesis_gets_a_clear_message() {
    let b = Browser::start(1280, 900).await;
    b.open_with_speech_fake(SEED, "missing").await;
    b.open_listen().await;
    b.until(
        "return document.querySelector('.read-aloud__status').textContent.trim() !== '';",
        "a message",
    )
    .await;
    assert_eq!(
        b.read_aloud_status().await,
        "This browser cannot read aloud."
    );
    let hidden = b
        .eval("return document.getElementById('folio_read_aloud_panel').hidden;")
        .await;
    assert_eq!(hidden, json!(true));
    b.assert_clean("the seed article without speech synthesis")
        .await;
    b.close().await;
}

#[tokio::test]
async fn voices_that_arrive_later_replace_the_message_with_the_controls() {
    let b = Browser::start(1280, 900).await;
    b.open_with_speech_fake(RUSSIAN, "late").await;
    b.open_listen().await;
    // In the Russian article's page, Listen speaks Russian.
    assert_eq!(
        b.read_aloud_status().await,
        folio_e2e::phrase("ru", "listen-looking")
    );
    b.until(
        "return document.querySelector('.read-aloud__status').textContent.includes('нет голоса');",
        "the no-voice message",
    )
    .await;
    // Engines differ in the name's capital letter.
    assert!(
        b.read_aloud_status()
            .await
            .to_lowercase()
            .contains("«русский» (ru)"),
        "the message names the language, in Russian: {}",
        b.read_aloud_status().await
    );
    b.eval("window.__speech.addVoices(); return true;").await;
    b.until(
        "return !document.getElementById('folio_read_aloud_panel').hidden;",
        "the controls",
    )
    .await;
    assert_eq!(b.read_aloud_status().await, "");
    assert_eq!(
        b.texts(".read-aloud__choice select option").await[11..],
        ["Fake Russian (ru-RU)"]
    );
    b.click(PLAY).await;
    assert_eq!(b.spoken_count(1).await[0]["voice"], "Fake Russian");
    b.assert_clean("the Russian article after voices arrived")
        .await;
    b.close().await;
}

/// Records the `behavior` of every `scrollIntoView` call in `window.__scrolls`.
async fn record_scrolls(b: &Browser) {
    b.eval("window.__scrolls = [];
            const original = Element.prototype.scrollIntoView;
            Element.prototype.scrollIntoView = function (o) { window.__scrolls.push(o && o.behavior); return original.call(this, o); };
            return true;").await;
}

#[tokio::test]
async fn the_paragraph_scrolls_smoothly_into_view_unless_motion_is_reduced() {
    let b = Browser::start(1280, 600).await;
    b.open_with_speech_fake(SEED, "voices").await;
    record_scrolls(&b).await;
    b.start_listening().await;
    let n = seed_script().len();
    let mut said = 1;
    let mut motion_reduced = false;
    while said < n {
        b.spoken_count(said).await;
        let scrolls = b.eval("return window.__scrolls;").await;
        let scrolls = scrolls.as_array().cloned().unwrap_or_default();
        if !motion_reduced && !scrolls.is_empty() {
            assert!(
                scrolls.iter().all(|s| s == "smooth"),
                "smooth scrolling by default: {scrolls:?}"
            );
            b.eval("document.documentElement.setAttribute('data-folio-motion', 'reduce'); window.__scrolls = []; return true;").await;
            motion_reduced = true;
        } else if motion_reduced && !scrolls.is_empty() {
            assert!(
                scrolls.iter().all(|s| s == "instant"),
                "no smooth scrolling with reduced motion: {scrolls:?}"
            );
            let inside = b
                .eval(
                    "const r = document.querySelector('.is-being-read').getBoundingClientRect();
                                 return r.top >= 0 && r.bottom <= innerHeight;",
                )
                .await;
            assert_eq!(
                inside,
                json!(true),
                "an instant scroll puts the paragraph in view at once"
            );
            b.close().await;
            return;
        }
        b.finish_utterance().await;
        said += 1;
    }
    panic!("the highlight never scrolled twice while reading the article at 600 px high");
}

#[tokio::test]
async fn controls_are_big_enough_to_touch_and_fit_a_phone_and_a_desktop() {
    for (width, height) in [(360, 800), (1280, 900)] {
        let b = Browser::start(width, height).await;
        b.open_with_speech_fake(SEED, "voices").await;
        b.start_listening().await;
        b.spoken_count(1).await;
        let small = b
            .eval(
                "return [...document.querySelectorAll('.read-aloud button, .read-aloud select')]
                     .map(e => [e.textContent.trim().slice(0, 20), e.getBoundingClientRect()])
                     .filter(([, r]) => r.width < 24 || r.height < 24)
                     .map(([name, r]) => name + ': ' + r.width + 'x' + r.height);",
            )
            .await;
        assert_eq!(small, json!([]), "controls under 24x24 CSS px at {width}px");
        let overflow = b.eval("return [...document.querySelectorAll('.read-aloud *')]
                                 .some(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5);").await;
        assert_eq!(
            overflow,
            json!(false),
            "a control sticks out of the page at {width}px"
        );
        b.eval("window.scrollTo(0, 0); return true;").await;
        b.screenshot(&format!("read-aloud-controls-{width}")).await;
        b.assert_clean(&format!("the seed article with the controls at {width}px"))
            .await;
        b.close().await;
    }
}

#[tokio::test]
async fn a_paragraph_that_ends_while_paused_is_read_again_on_resume_not_left_silent() {
    let b = Browser::start(1280, 900).await;
    b.open_with_speech_fake(SEED, "voices").await;
    b.start_listening().await;
    let script = seed_script();
    b.spoken_count(1).await;
    b.click(PLAY).await;
    assert_eq!(b.text(PLAY).await, "Resume");
    // The engine ends the utterance during the pause, as some do when pausing.
    b.finish_utterance().await;
    b.click(PLAY).await;
    let list = b.spoken_count(2).await;
    assert_eq!(
        squash(list[1]["text"].as_str().unwrap()),
        squash(&script[0]),
        "the paused paragraph is spoken again"
    );
    assert_eq!(b.eval("return window.__speech.paused;").await, json!(false));
    assert_eq!(b.text(PLAY).await, "Pause");
    b.assert_clean("resume after a paragraph ended in a pause")
        .await;
    b.close().await;
}

#[tokio::test]
async fn with_the_system_asking_for_reduced_motion_the_highlight_never_scrolls_smoothly() {
    // The system's own setting, as the browser gets it from the platform: no attribute is
    // set by hand here.
    let test = "with_the_system_asking_for_reduced_motion_the_highlight_never_scrolls_smoothly";
    let Some(b) = Browser::start_for(test, 1280, 600, &[Setting::ReducedMotion]).await else {
        return;
    };
    b.open_with_speech_fake(SEED, "voices").await;
    assert_eq!(
        b.eval("return matchMedia('(prefers-reduced-motion: reduce)').matches;")
            .await,
        json!(true)
    );
    record_scrolls(&b).await;
    b.start_listening().await;
    let n = seed_script().len();
    let mut said = 1;
    while said < n {
        b.spoken_count(said).await;
        b.finish_utterance().await;
        said += 1;
    }
    let scrolls = b.eval("return window.__scrolls;").await;
    let scrolls = scrolls.as_array().cloned().unwrap_or_default();
    assert!(
        !scrolls.is_empty(),
        "reading the whole article scrolled at least once"
    );
    assert!(
        scrolls.iter().all(|s| s == "instant"),
        "no smooth scrolling when the system asks for less motion: {scrolls:?}"
    );
    b.close().await;
}
