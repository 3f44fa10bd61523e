//! Read aloud, end to end, with a recording fake of speech synthesis installed after the
//! page loads: the article is spoken paragraph by paragraph in its language, the highlight
//! follows, and every control works by mouse and by keyboard alone.

use fantoccini::key::Key;
use folio_e2e::speech::{seed_script, squash, PLAY, RUSSIAN, SEED};
use folio_e2e::Browser;
use serde_json::json;

#[tokio::test]
async fn the_seed_article_is_read_in_paragraph_order_in_english_with_a_moving_highlight() {
    let b = Browser::start(1280, 700).await;
    b.open_with_speech_fake(SEED, "voices").await;
    b.click(".read-aloud__listen").await;
    b.wait_for_css(PLAY).await;
    assert_eq!(
        b.texts(".read-aloud__choice select option").await[11..],
        [
            "Fake English (United States) (en-US)",
            "Fake English (United Kingdom) (en-GB)"
        ],
        "only English voices are offered, after the 11 speeds"
    );
    let chosen = b
        .eval("return document.querySelectorAll('.read-aloud__choice select')[1].value;")
        .await;
    assert_eq!(
        chosen,
        json!("Fake English (United States)"),
        "the browser's default voice is chosen"
    );
    assert!(
        b.highlighted().await.is_empty(),
        "nothing is marked before Play"
    );

    b.click(PLAY).await;
    let script = seed_script();
    let n = script.len();
    for (i, expected) in script.iter().enumerate() {
        let list = b.spoken_count(i + 1).await;
        let last = &list[i];
        assert_eq!(
            squash(last["text"].as_str().unwrap()),
            *expected,
            "utterance {i}"
        );
        assert_eq!(last["lang"], "en");
        assert_eq!(last["rate"].as_f64(), Some(1.0));
        assert_eq!(last["voice"], "Fake English (United States)");
        assert_eq!(
            b.highlighted().await,
            std::slice::from_ref(expected),
            "only paragraph {i} is marked"
        );
        assert_eq!(
            b.read_aloud_status().await,
            format!("Reading paragraph {} of {n}", i + 1)
        );
        assert_eq!(b.text(PLAY).await, "Pause");
        if i == 9 {
            // Far down the page by now: the paragraph was scrolled into view.
            b.until(
                "const r = document.querySelector('.is-being-read').getBoundingClientRect();
                       return r.top >= 0 && r.bottom <= innerHeight;",
                "the paragraph in view",
            )
            .await;
            b.screenshot("read-aloud-reading-1280").await;
            b.assert_clean("the seed article while reading").await;
        }
        b.finish_utterance().await;
    }
    b.until(
        "return document.querySelector('.read-aloud__play').textContent.trim() === 'Play';",
        "the end",
    )
    .await;
    assert_eq!(
        b.spoken().await.len(),
        n,
        "nothing is spoken after the last paragraph"
    );
    assert!(
        b.highlighted().await.is_empty(),
        "the highlight goes at the end"
    );
    assert_eq!(b.read_aloud_status().await, "Finished reading the article.");
    b.assert_clean("the seed article after reading").await;
    b.close().await;
}

#[tokio::test]
async fn pause_resume_steps_speed_and_stop_drive_the_speech_synthesis() {
    let b = Browser::start(1280, 900).await;
    b.open_with_speech_fake(SEED, "voices").await;
    b.start_listening().await;
    let script = seed_script();
    let n = script.len();
    b.spoken_count(1).await;

    b.click(PLAY).await;
    assert_eq!(b.eval("return window.__speech.paused;").await, json!(true));
    assert_eq!(b.text(PLAY).await, "Resume");
    assert_eq!(
        b.read_aloud_status().await,
        format!("Paused at paragraph 1 of {n}")
    );
    b.click(PLAY).await;
    assert_eq!(b.eval("return window.__speech.paused;").await, json!(false));
    assert_eq!(b.text(PLAY).await, "Pause");
    assert_eq!(
        b.read_aloud_status().await,
        format!("Reading paragraph 1 of {n}")
    );
    let calls = b.eval("return window.__speech.calls;").await;
    assert_eq!(
        calls,
        json!(["speak", "pause", "resume"]),
        "resume continues the same utterance"
    );

    // Next and Previous cancel the utterance; its end event must not skip a paragraph.
    b.click(".read-aloud__button:nth-child(3)").await;
    assert_eq!(b.spoken_count(2).await[1]["text"], json!(script[1]));
    assert_eq!(b.highlighted().await, [script[1].clone()]);
    b.click(".read-aloud__button:nth-child(3)").await;
    assert_eq!(
        squash(b.spoken_count(3).await[2]["text"].as_str().unwrap()),
        script[2]
    );
    b.click(".read-aloud__button:nth-child(1)").await;
    assert_eq!(b.spoken_count(4).await[3]["text"], json!(script[1]));
    assert_eq!(
        b.read_aloud_status().await,
        format!("Reading paragraph 2 of {n}")
    );

    // While paused, Next moves the highlight; Resume then speaks from there.
    b.click(PLAY).await;
    b.click(".read-aloud__button:nth-child(3)").await;
    assert_eq!(b.highlighted().await, [script[2].clone()]);
    assert_eq!(
        b.read_aloud_status().await,
        format!("Paused at paragraph 3 of {n}")
    );
    b.spoken_count(4).await;
    b.click(PLAY).await;
    assert_eq!(
        squash(b.spoken_count(5).await[4]["text"].as_str().unwrap()),
        script[2]
    );
    assert_eq!(b.eval("return window.__speech.paused;").await, json!(false));

    // A new speed restarts the paragraph at that speed.
    b.eval(
        "const s = document.querySelector('.read-aloud__choice select');
            s.value = '6'; s.dispatchEvent(new Event('change')); return true;",
    )
    .await;
    let list = b.spoken_count(6).await;
    assert_eq!(list[5]["rate"], json!(1.5));
    assert_eq!(squash(list[5]["text"].as_str().unwrap()), script[2]);
    b.finish_utterance().await;
    assert_eq!(
        b.spoken_count(7).await[6]["rate"],
        json!(1.5),
        "the speed stays"
    );

    // Stop: back to the start, no highlight; Play starts at the headline again.
    b.click(".read-aloud__button:nth-child(4)").await;
    assert!(b.highlighted().await.is_empty());
    assert_eq!(b.text(PLAY).await, "Play");
    assert_eq!(b.read_aloud_status().await, "Stopped.");
    assert_eq!(
        b.eval("return window.__speech.speaking;").await,
        json!(false),
        "speech was cancelled"
    );
    assert_eq!(
        b.focused_text().await,
        "Play",
        "focus left the disabled Stop for Play"
    );
    b.click(PLAY).await;
    assert_eq!(b.spoken_count(8).await[7]["text"], json!(script[0]));

    // A failure the browser reports stops reading with a message.
    b.eval("return window.__speech.fail('synthesis-failed');")
        .await;
    b.until(
        "return document.querySelector('.read-aloud__play').textContent.trim() === 'Play';",
        "the stop",
    )
    .await;
    assert!(b.read_aloud_status().await.contains("synthesis-failed"));
    assert!(b.highlighted().await.is_empty());
    b.assert_clean("the seed article after the controls").await;
    b.close().await;
}

#[tokio::test]
async fn a_russian_article_is_read_in_russian_by_a_russian_voice() {
    let b = Browser::start(1280, 900).await;
    b.open_with_speech_fake(RUSSIAN, "voices").await;
    b.click(".read-aloud__listen").await;
    b.wait_for_css(PLAY).await;
    assert_eq!(
        b.texts(".read-aloud__choice select option").await[11..],
        ["Fake Russian (ru-RU)"]
    );
    b.click(PLAY).await;
    let headline = squash(&b.text("#folio_headline").await);
    let standfirst = squash(&b.text(".standfirst").await);
    assert_eq!(
        b.spoken_count(1).await[0],
        json!({ "text": headline, "lang": "ru", "rate": 1, "voice": "Fake Russian" })
    );
    b.finish_utterance().await;
    let second = &b.spoken_count(2).await[1];
    assert_eq!(
        (second["text"].as_str(), second["lang"].as_str()),
        (Some(standfirst.as_str()), Some("ru"))
    );
    assert_eq!(b.highlighted().await, [standfirst]);
    b.assert_clean("the Russian article while reading").await;
    b.close().await;
}

#[tokio::test]
async fn the_keyboard_alone_opens_plays_moves_on_pauses_and_stops() {
    let b = Browser::start(1280, 900).await;
    b.open_with_speech_fake(SEED, "voices").await;
    b.eval("document.getElementById('folio_main').focus(); return true;")
        .await;
    b.tab_to(".read-aloud__listen", 40).await;
    let outline = b
        .eval("return getComputedStyle(document.activeElement).outlineStyle;")
        .await;
    assert_ne!(
        outline,
        json!("none"),
        "the focused Listen button shows its focus"
    );
    b.press(Key::Enter).await;
    b.wait_for_css(&format!("{PLAY}:not([hidden] *)")).await;
    assert_eq!(
        b.eval("return document.activeElement.getAttribute('aria-expanded');")
            .await,
        json!("true")
    );
    b.press(Key::Tab).await;
    assert_eq!(
        b.focused_text().await,
        "Play",
        "Previous is disabled, so Tab goes to Play"
    );
    b.press(Key::Space).await;
    b.spoken_count(1).await;
    assert_eq!(b.focused_text().await, "Pause");
    b.press(Key::Tab).await;
    assert_eq!(b.focused_text().await, "Next paragraph");
    let outline = b
        .eval("return getComputedStyle(document.activeElement).outlineStyle;")
        .await;
    assert_ne!(
        outline,
        json!("none"),
        "the focused Next button shows its focus"
    );
    b.press(Key::Enter).await;
    assert_eq!(b.spoken_count(2).await[1]["text"], json!(seed_script()[1]));
    b.press_with(Key::Tab, true).await;
    assert_eq!(b.focused_text().await, "Pause");
    b.press(Key::Space).await;
    b.until("return window.__speech.paused === true;", "pause by Space")
        .await;
    assert_eq!(b.focused_text().await, "Resume");
    b.press(Key::Enter).await;
    b.until(
        "return window.__speech.paused === false;",
        "resume by Enter",
    )
    .await;
    b.press(Key::Tab).await;
    b.press(Key::Tab).await;
    assert_eq!(b.focused_text().await, "Stop");
    b.press(Key::Enter).await;
    b.until(
        "return window.__speech.speaking === false;",
        "stop by Enter",
    )
    .await;
    assert_eq!(
        b.focused_text().await,
        "Play",
        "focus stays in the controls after Stop"
    );
    assert_eq!(b.read_aloud_status().await, "Stopped.");
    b.assert_clean("the seed article after keyboard use").await;
    b.close().await;
}

#[tokio::test]
async fn leaving_the_article_stops_the_speech() {
    let b = Browser::start(1280, 900).await;
    b.open_with_speech_fake(SEED, "voices").await;
    b.start_listening().await;
    b.spoken_count(1).await;
    assert_eq!(
        b.eval("return window.__speech.speaking;").await,
        json!(true)
    );
    // Another page replaces this one; what the fake was told on the way out is kept in
    // the tab's session storage.
    b.click(".site-header__name").await;
    b.wait_for_css(".card").await;
    let calls = b
        .eval("return JSON.parse(sessionStorage.getItem('folio-speech-calls') || '[]');")
        .await;
    assert_eq!(
        calls.as_array().and_then(|c| c.last()),
        Some(&json!("cancel")),
        "speech was cancelled as the reader left: {calls}"
    );
    assert_eq!(b.console_errors().await, Vec::<String>::new());
    b.close().await;
}

/// What the article model says to read in the long read: every paragraph and heading, in
/// order, without its captions, code or table, and with its footnotes at the end.
fn long_read_script() -> Vec<(String, String)> {
    let dir = folio_e2e::repo().join("public/bundles/folio-long-read-test");
    let manifest = std::fs::read(dir.join("bundle.json")).expect("the long read's manifest");
    let body = std::fs::read(dir.join("body.md")).expect("the long read's body");
    let (article, report) = folio_bundle::read_bundle(&manifest, &body);
    let article = article.unwrap_or_else(|| panic!("{report}"));
    article
        .spoken()
        .into_iter()
        .map(|s| (s.id, s.text))
        .collect()
}

#[tokio::test]
async fn the_long_read_is_read_as_its_model_says_skipping_code_tables_and_captions() {
    let script = long_read_script();
    let body = std::fs::read_to_string(
        folio_e2e::repo().join("public/bundles/folio-long-read-test/body.md"),
    )
    .unwrap();
    assert!(
        body.contains("```") && body.contains("| ---") && body.contains("[^"),
        "the long read has code, a table and footnotes to leave out or read last"
    );
    let b = Browser::start(1280, 900).await;
    b.open_with_speech_fake("folio-long-read-test", "voices")
        .await;
    b.start_listening().await;
    for (i, (id, text)) in script.iter().enumerate() {
        let list = b.spoken_count(i + 1).await;
        assert_eq!(
            squash(list[i]["text"].as_str().unwrap_or_default()),
            *text,
            "utterance {i}"
        );
        let marked = b
            .eval("return [...document.querySelectorAll('.is-being-read')].map(e => e.id);")
            .await;
        assert_eq!(
            marked,
            json!([id]),
            "utterance {i} highlights its own element"
        );
        if i + 1 < script.len() {
            b.finish_utterance().await;
        }
    }
    let last = &script.last().expect("something to read").0;
    let last_note = b
        .eval("return document.querySelector('.story-body .footnotes li:last-child p').id;")
        .await;
    assert_eq!(last_note, json!(last), "the footnotes are read last");
    let code = b
        .eval("return document.querySelector('pre.code').textContent;")
        .await;
    let code = code.as_str().unwrap_or_default().trim().to_owned();
    assert!(
        !script.iter().any(|(_, t)| t.contains(&code)),
        "the code block is not read"
    );
    b.close().await;
}
