//! A reader on a long article (the bench's generator, `xtask/src/bench/longread.rs`) who
//! does not wait for it: in a 4×-slowed browser, while the body is still being built, they
//! choose a reading preset, close the panel and follow a footnote link. Each answers at once,
//! the preset holds, the note is built, and the article's last paragraph arrives, whole and
//! last among the body's paragraphs.

use std::time::Duration;

use folio_bundle::document::plain_text;
use folio_bundle::{visit, Block, Inline};
use folio_e2e::building::{mid_build, slow_cpu, wait_until_complete};
use folio_e2e::long::{model, model_ids, open_slowly, top_of};
use folio_e2e::only_in_chromium;
use folio_e2e::reading::root_attribute;
use serde_json::json;

/// The 250,000-word article, as the other mid-build tests use: on the 100,000-word one,
/// once under CI's load, the body was complete before the first step began.
const WORDS: usize = 250_000;

/// The body's paragraphs by the model, footnotes aside (a list's or a quote's included): how
/// many, and the last one's id and words (without footnote references, spaces collapsed).
fn paragraphs() -> (usize, String, String) {
    let body = model(WORDS).body;
    let (mut count, mut last) = (0, None);
    for block in &body.blocks {
        let take = |block: &Block| {
            if let Block::Paragraph { id, content } = block {
                count += 1;
                last = Some((id.clone(), plain_text(content)));
            }
        };
        visit::block(block, &mut visit::With(take, |_: &Inline| {}));
    }
    let (id, words) = last.expect("the article has paragraphs");
    (count, id, collapse(&words))
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[tokio::test]
async fn a_reader_uses_the_settings_and_a_footnote_on_a_long_article_mid_build_and_the_last_paragraph_arrives(
) {
    if only_in_chromium(
        "a_reader_uses_the_settings_and_a_footnote_on_a_long_article_mid_build_and_the_last_paragraph_arrives",
        "slow the processor down, so that the body is still being built",
    ) {
        return;
    }
    let (_, notes) = model_ids(WORDS);
    let (count, last_id, last_words) = paragraphs();
    let first_note = notes.first().expect("the article has footnotes").clone();
    let b = open_slowly(WORDS, 4, None).await;
    let steps = mid_build(
        &b,
        &format!(
            "press(await until(() => document.querySelector(\"button[aria-controls='folio_reading_panel']\")));
             await until(() => document.querySelector('dialog#folio_reading_panel[open]'));
             press(await until(() => [...document.querySelectorAll('button.reading-preset')]
               .find((b) => b.textContent.trim() === 'Large text')));
             await until(() => document.documentElement.getAttribute('data-folio-font') === 'sans');
             press(document.querySelector('.reading-panel__close'));
             await until(() => !document.querySelector('dialog#folio_reading_panel[open]'));
             press(await until(() => document.querySelector(\"a[href='#{first_note}']\")));"
        ),
    )
    .await;
    assert_eq!(
        steps.end, "building",
        "the preset applied, the panel closed and the footnote link followed before the body was complete: {}",
        steps.trail
    );
    assert_eq!(
        b.eval("return location.hash;").await,
        json!(format!("#{first_note}"))
    );
    wait_until_complete(&b).await;
    slow_cpu(&b, 1).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    // The note the link named is there. Where the jump leaves the page is the test of a
    // footnote link followed mid-build in `long_article.rs`. (Once, in a full Chromium run
    // on 2026-12-06, this journey found the page not scrolled to the note after the
    // preset; four runs of it alone did not repeat it. Not yet explained.)
    assert!(
        top_of(&b, &first_note).await.is_finite(),
        "#{first_note} is in the page"
    );
    assert_eq!(
        root_attribute(&b, "data-folio-font").await,
        json!("sans"),
        "the preset held through the build"
    );

    // The last paragraph: there, with its words, and the last of the body's paragraphs.
    let last = b
        .client
        .execute(
            "const body = document.querySelector('.story-body');
             const paragraphs = [...body.querySelectorAll('p[id]')].filter((p) => !p.closest('.footnotes'));
             const p = document.getElementById(arguments[0]);
             if (!p) return null;
             const copy = p.cloneNode(true);
             copy.querySelectorAll('sup.footnote-ref, .visually-hidden').forEach((e) => e.remove());
             return { last: paragraphs[paragraphs.length - 1].id, words: copy.textContent,
                      count: paragraphs.length };",
            vec![json!(last_id)],
        )
        .await
        .expect("read the last paragraph");
    assert!(!last.is_null(), "the last paragraph #{last_id} arrived");
    assert_eq!(last["last"], json!(last_id), "and it is the body's last");
    assert_eq!(
        collapse(last["words"].as_str().unwrap_or_default()),
        last_words,
        "with its words"
    );
    assert_eq!(
        last["count"].as_u64(),
        Some(count as u64),
        "every body paragraph before it"
    );
    assert_eq!(b.console_errors().await, Vec::<String>::new());
    b.close().await;
}
