//! A long article (the bench's, made by `xtask/src/bench/longread.rs`, at 250,000 words, just
//! under the cap of 1,000 footnotes) opened by its address: the page answers the reader while
//! the body is still being built (in a 4×-slowed browser, with the reader's presses made in the
//! page in one WebDriver round trip), then every block is there in the model's order, footnotes
//! last; a deep link to a late heading and a footnote link followed early land once their target
//! is built.

use std::time::Duration;

use folio_e2e::building::{mid_build, slow_cpu, wait_until_complete};
use folio_e2e::long::{address, model, model_ids, open_slowly, top_of};
use folio_e2e::reading::root_attribute;
use folio_e2e::speech::{FAKE, PLAY};
use folio_e2e::{only_in_chromium, page, Browser};
use serde_json::json;

const WORDS: usize = 250_000;

/// How many paragraphs read aloud reads, by the model, and the first: the headline.
fn model_spoken() -> (usize, String) {
    let spoken = model(WORDS).spoken();
    let first = spoken.first().map(|s| s.text.clone()).unwrap_or_default();
    (spoken.len(), first)
}

#[tokio::test]
async fn reading_settings_answer_while_a_long_body_builds_then_every_block_is_there_in_order() {
    if only_in_chromium(
        "reading_settings_answer_while_a_long_body_builds_then_every_block_is_there_in_order",
        "slow the processor down, so that the body is still being built",
    ) {
        return;
    }
    let (blocks, notes) = model_ids(WORDS);
    let b = open_slowly(WORDS, 4, None).await;
    let steps = mid_build(
        &b,
        "press(await until(() => document.querySelector(\"button[aria-controls='folio_reading_panel']\")));
         await until(() => document.querySelector('dialog#folio_reading_panel[open]'));
         press(await until(() => [...document.querySelectorAll('button.reading-preset')]
           .find((b) => b.textContent.trim() === 'Large text')));
         await until(() => document.documentElement.getAttribute('data-folio-font') === 'sans');",
    )
    .await;
    assert_eq!(
        steps.end, "building",
        "the panel opened and the preset applied before the body was complete: {}",
        steps.trail
    );
    assert_eq!(root_attribute(&b, "data-folio-font").await, json!("sans"));
    wait_until_complete(&b).await;
    slow_cpu(&b, 1).await;

    // Every heading and paragraph, then every footnote, in the model's order.
    let in_page = b
        .eval(
            "const body = document.querySelector('.story-body');
             const ids = (css) => [...body.querySelectorAll(css)].map((e) => e.id);
             return { blocks: ids('h2, h3, h4, h5, h6, p[id]'), notes: ids('.footnotes > ol > li'),
                      last: body.lastElementChild.className, markers: body.querySelectorAll('template').length };",
        )
        .await;
    let list = |key: &str| -> Vec<String> {
        in_page[key]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect()
    };
    assert_eq!(
        list("blocks").len(),
        blocks.len(),
        "as many headings and paragraphs as the model"
    );
    assert!(
        list("blocks") == blocks,
        "headings and paragraphs in the model's order"
    );
    assert!(list("notes") == notes, "the footnotes in order");
    assert_eq!(
        in_page["last"],
        json!("footnotes"),
        "the footnotes come last"
    );
    assert_eq!(in_page["markers"], json!(0), "no marker left behind");
    assert_eq!(b.console_errors().await, Vec::<String>::new());
    b.close().await;
}

#[tokio::test]
async fn listen_reads_the_whole_article_while_its_body_is_still_being_built() {
    if only_in_chromium(
        "listen_reads_the_whole_article_while_its_body_is_still_being_built",
        "slow the processor down, so that the body is still being built",
    ) {
        return;
    }
    let (spoken, headline) = model_spoken();
    // The speech fake goes in before the page's scripts, as the same function WebDriver
    // would run, called with "voices".
    let fake = format!("(function () {{ {FAKE} }}).call(window, 'voices');");
    let b = open_slowly(WORDS, 4, Some(&fake)).await;
    let steps = mid_build(
        &b,
        &format!(
            "press(await until(() => document.querySelector('.read-aloud__listen')));
             press(await until(() => document.querySelector('{PLAY}')));
             await until(() => /^Reading paragraph/.test(
               document.querySelector('.read-aloud__status')?.textContent ?? ''));"
        ),
    )
    .await;
    assert_eq!(
        steps.end, "building",
        "Listen answered mid-build: {}",
        steps.trail
    );
    assert_eq!(
        b.eval("return !!window.__speech;").await,
        json!(true),
        "the speech fake was installed"
    );
    // Every paragraph the model reads is counted, those still to be built included.
    assert_eq!(
        b.read_aloud_status().await,
        format!("Reading paragraph 1 of {spoken}")
    );
    assert_eq!(b.highlighted().await, vec![headline]);
    assert_eq!(b.console_errors().await, Vec::<String>::new());
    b.close().await;
}

#[tokio::test]
async fn a_footnote_link_followed_before_the_footnotes_exist_lands_once_they_do() {
    if only_in_chromium(
        "a_footnote_link_followed_before_the_footnotes_exist_lands_once_they_do",
        "slow the processor down, so that the body is still being built",
    ) {
        return;
    }
    let (_, notes) = model_ids(WORDS);
    let first_note = notes.first().expect("the article has footnotes").clone();
    let b = open_slowly(WORDS, 4, None).await;
    let steps = mid_build(
        &b,
        &format!("press(await until(() => document.querySelector(\"a[href='#{first_note}']\")));"),
    )
    .await;
    assert_eq!(steps.end, "building", "followed mid-build: {}", steps.trail);
    assert_eq!(
        b.eval("return location.hash;").await,
        json!(format!("#{first_note}"))
    );
    wait_until_complete(&b).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let top = top_of(&b, &first_note).await;
    assert!(top.abs() < 2.0, "#{first_note} is at the top: {top}");
    assert_eq!(b.console_errors().await, Vec::<String>::new());
    b.close().await;
}

#[tokio::test]
async fn a_deep_link_to_a_late_heading_and_footnote_links_land_on_a_long_article() {
    let address = address(WORDS);
    let (blocks, notes) = model_ids(WORDS);
    let headings: Vec<&String> = blocks
        .iter()
        .filter(|id| !id.starts_with("body_"))
        .collect();
    let late = headings[headings.len() * 9 / 10].clone();
    let b = Browser::start(1280, 900).await;
    b.client
        .goto(&page(&format!("{address}#{late}")))
        .await
        .expect("navigation");
    wait_until_complete(&b).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let top = top_of(&b, &late).await;
    assert!(
        top.abs() < 2.0,
        "the deep link to #{late} landed: its top is at {top}"
    );

    // Once built, a footnote link jumps to its note, and the note's back link returns.
    let note = notes[notes.len() / 2].clone();
    let reference = note.replace("_fn_", "_fnref_");
    b.eval(&format!(
        "document.getElementById('{reference}').scrollIntoView(); return true;"
    ))
    .await;
    b.wait_for_css(&format!("a[href='#{note}']"))
        .await
        .click()
        .await
        .expect("click a footnote reference");
    let top = top_of(&b, &note).await;
    assert!(
        top.abs() < 2.0,
        "the footnote link jumped to #{note}: {top}"
    );
    b.wait_for_css(&format!("#{note} a.footnote-back"))
        .await
        .click()
        .await
        .expect("click the back link");
    let top = top_of(&b, &reference).await;
    assert!(
        top.abs() < 2.0,
        "the back link returned to #{reference}: {top}"
    );
    assert_eq!(b.console_errors().await, Vec::<String>::new());
    b.close().await;
}
