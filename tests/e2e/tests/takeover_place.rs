//! The reader's place when the app takes a page over: the same words, scroll and focus; on a
//! long story, the blocks far from the screen wait to be laid out, at the height they had,
//! and are laid out in the frames after, without moving the reader's line or any block.

use folio_e2e::shifts::layout_shifts;
use folio_e2e::{article, Browser};
use serde_json::{json, Value};

const LONG: &str = "folio-long-read-test";

#[tokio::test]
async fn a_takeover_keeps_the_words_the_scroll_and_the_focus() {
    let b = Browser::start(1280, 900).await;
    b.open(&article(LONG)).await;
    let before = b
        .eval(
            "window.scrollTo(0, 1500);
               const links = [...document.querySelectorAll('main a[href]')];
               const target = links[Math.floor(links.length / 2)];
               target.focus({ preventScroll: true });
               return { y: scrollY, text: document.querySelector('main').innerText,
                        focused: target.outerHTML, index: links.indexOf(target) };",
        )
        .await;
    assert!(
        before["y"].as_f64().unwrap_or(0.0) > 1000.0,
        "the long read scrolls: {before}"
    );
    b.eval("window.wasmBindings.take_over(); return true;")
        .await;
    // The long read's body is built off screen in slices: the copy is swapped in later.
    b.wait_for_app().await;
    let after = b
        .eval(
            "const links = [...document.querySelectorAll('main a[href]')];
               return { y: scrollY, text: document.querySelector('main').innerText,
                        focused: document.activeElement.outerHTML,
                        index: links.indexOf(document.activeElement) };",
        )
        .await;
    assert_eq!(after["y"], before["y"], "scroll position kept");
    assert_eq!(after["text"], before["text"], "the same words");
    assert_eq!(after["index"], before["index"], "the same link has focus");
    assert_eq!(after["focused"], before["focused"]);
    assert_eq!(layout_shifts(&b).await, json!(0), "no layout shift");
    b.close().await;
}

/// Scrolls to a heading in the middle of the story, a screen and 10 px below it, then notes
/// the reader's line (the first block of the story still on screen, by its place) and
/// every block's top; and watches for the moment the app's copy is put in place
/// (`data-folio-app` turned "ready"), to note then how many blocks wait and where the line
/// is, before any is laid out. Blocks more than a screen above the screen wait, so the
/// heading is the first that does not, the one whose top margin a waiting block would
/// push down (`src/start/laying_out.rs`).
const BEFORE: &str = "const headings = [...document.querySelectorAll('.story-body > h2')];
    const heading = headings[Math.floor(headings.length / 2)];
    window.scrollTo(0, heading.getBoundingClientRect().top + scrollY + innerHeight - 10);
    const blocks = [...document.querySelectorAll('.story-body > *')];
    const line = blocks.findIndex((e) => e.getBoundingClientRect().bottom > 0);
    window.__folioSwap = null;
    new MutationObserver((_, observer) => {
      if (document.documentElement.dataset.folioApp !== 'ready') return;
      observer.disconnect();
      const now = document.querySelectorAll('.story-body > *');
      window.__folioSwap = { waiting: document.querySelectorAll('.waiting-layout').length,
                             top: now[line].getBoundingClientRect().top, y: scrollY };
    }).observe(document.documentElement, { attributes: true, attributeFilter: ['data-folio-app'] });
    return { line, top: blocks[line].getBoundingClientRect().top, y: scrollY, blocks: blocks.length,
             height: document.documentElement.scrollHeight,
             tops: blocks.map((e) => e.getBoundingClientRect().top + scrollY) };";

/// The same, once every block is laid out, with what was noted at the swap.
const AFTER: &str = "const blocks = [...document.querySelectorAll('.story-body > *')];
    const line = arguments[0];
    return { swap: window.__folioSwap, top: blocks[line].getBoundingClientRect().top, y: scrollY,
             height: document.documentElement.scrollHeight, blocks: blocks.length,
             tops: blocks.map((e) => e.getBoundingClientRect().top + scrollY),
             styled: document.querySelectorAll('.story-body > [style=\"\"], .story-body > [class=\"\"]').length };";

fn close(a: &Value, b: &Value) -> bool {
    match (a.as_f64(), b.as_f64()) {
        (Some(a), Some(b)) => (a - b).abs() < 0.5,
        _ => false,
    }
}

#[tokio::test]
async fn a_long_story_taken_over_mid_way_lays_out_its_far_blocks_later_without_moving_a_line() {
    for width in [1280, 390] {
        let b = Browser::start(width, 900).await;
        b.open(&article(LONG)).await;
        let before = b.client.execute(BEFORE, vec![]).await.unwrap();
        assert!(
            before["line"].as_i64().unwrap_or(-1) > 0
                && before["y"].as_f64().unwrap_or(0.0) > 2000.0,
            "{width} px: the reader is in the middle of the story: {}",
            before["y"]
        );
        b.eval("window.wasmBindings.take_over(); return true;")
            .await;
        // Ready once the copy is in place and every block is laid out.
        b.wait_for_app().await;
        let after = b
            .client
            .execute(AFTER, vec![before["line"].clone()])
            .await
            .unwrap();
        let swap = &after["swap"];
        assert!(
            swap["waiting"].as_u64().unwrap_or(0) > 0,
            "{width} px: blocks far from the screen waited to be laid out: {swap}"
        );
        assert!(
            close(&swap["top"], &before["top"]) && close(&swap["y"], &before["y"]),
            "{width} px: the reader's line when the copy was put in place: {swap}, was {} at {}",
            before["top"],
            before["y"]
        );
        assert!(
            close(&after["top"], &before["top"]) && close(&after["y"], &before["y"]),
            "{width} px: the reader's line once all was laid out: {} at {}, was {} at {}",
            after["top"],
            after["y"],
            before["top"],
            before["y"]
        );
        assert_eq!(
            after["blocks"], before["blocks"],
            "{width} px: the same blocks"
        );
        let tops = |v: &Value| v["tops"].as_array().cloned().unwrap_or_default();
        let moved: Vec<(usize, Value, Value)> = tops(&before)
            .into_iter()
            .zip(tops(&after))
            .enumerate()
            .filter(|(_, (was, now))| !close(was, now))
            .map(|(i, (was, now))| (i, was, now))
            .collect();
        assert!(
            moved.is_empty(),
            "{width} px: blocks laid out elsewhere than before (block, was, now): {moved:?}"
        );
        assert!(
            close(&after["height"], &before["height"]),
            "{width} px: the page's height: {} after, {} before",
            after["height"],
            before["height"]
        );
        assert_eq!(
            after["styled"],
            json!(0),
            "{width} px: no empty style or class left on a block"
        );
        assert_eq!(
            layout_shifts(&b).await,
            json!(0),
            "{width} px: no layout shift"
        );
        b.close().await;
    }
}
