//! Long articles for the end-to-end tests: the bench's generated article
//! (`xtask/src/bench/longread.rs`) written once per run where the test server serves it,
//! what its model says the page must hold, and opening it in a slowed browser so that the
//! reader can act while the body is still being built.

#[path = "../../../xtask/src/bench/longread.rs"]
mod longread;

use std::collections::BTreeMap;
use std::sync::Mutex;

use folio_bundle::{visit, Article, Block, Inline};
use serde_json::json;

use crate::building::slow_cpu;
use crate::{page, repo, Browser};

/// The `?bundle=` address of the generated article of `words` words, written under
/// `tests/fixtures/generated/` (which git ignores) the first time a test asks for it.
pub fn address(words: usize) -> String {
    static WRITTEN: Mutex<BTreeMap<usize, String>> = Mutex::new(BTreeMap::new());
    let mut written = WRITTEN.lock().unwrap_or_else(|e| e.into_inner());
    written.entry(words).or_insert_with(|| write(words)).clone()
}

fn write(words: usize) -> String {
    let generated = repo().join("tests/fixtures/generated");
    std::fs::create_dir_all(&generated).expect("create tests/fixtures/generated");
    std::fs::write(generated.join(".gitignore"), "*\n").expect("write its .gitignore");
    let png = std::fs::read(
        repo().join("public/bundles/us-officials-meet-russian-dissidents/media/toe-to-toe.png"),
    )
    .expect("the placeholder picture");
    let id = longread::write(&repo().join("tests/fixtures"), words, &png)
        .expect("write the long article");
    format!("?bundle=fixtures/generated/{id}/")
}

/// The article of `words` words as the bundle crate reads it.
pub fn model(words: usize) -> Article {
    address(words);
    let folder = repo().join(format!("tests/fixtures/generated/words-{words}"));
    let read = |name: &str| std::fs::read(folder.join(name)).expect("the generated bundle");
    let (article, report) = folio_bundle::read_bundle(&read("bundle.json"), &read("body.md"));
    article.unwrap_or_else(|| panic!("{report}"))
}

/// The element ids the model gives, in reading order: headings and paragraphs (footnotes'
/// paragraphs last), and the footnotes themselves.
pub fn model_ids(words: usize) -> (Vec<String>, Vec<String>) {
    let body = model(words).body;
    let mut blocks = Vec::new();
    let take = |block: &Block| match block {
        Block::Heading { id, .. } | Block::Paragraph { id, .. } => blocks.push(id.clone()),
        _ => {}
    };
    visit::document(&body, &mut visit::With(take, |_: &Inline| {}));
    let notes = body
        .footnotes
        .iter()
        .map(|n| body.scope.note_id(n.number))
        .collect();
    (blocks, notes)
}

/// Opens the article of `words` words in a browser slowed `rate` times, with `before` run in
/// the page before any of its own scripts, and waits for its first screen, checking that the
/// rest is still being built. Every WebDriver round trip waits for the page's current task,
/// so they are kept to one here: the first screen is awaited inside the page, and anything
/// to install goes in first.
pub async fn open_slowly(words: usize, rate: u32, before: Option<&str>) -> Browser {
    let address = address(words);
    let b = Browser::start(1280, 900).await;
    slow_cpu(&b, rate).await;
    if let Some(source) = before {
        b.cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": source }),
        )
        .await;
    }
    b.client.goto(&page(&address)).await.expect("navigation");
    let first_screen = b
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             const look = () => document.getElementById('body_p_1')
               ? done(document.documentElement.getAttribute('data-folio-body'))
               : requestAnimationFrame(look);
             look();",
            vec![],
        )
        .await
        .expect("the first screen");
    assert_eq!(first_screen, json!("building"), "the first screen first");
    b
}

/// How far below where a jump puts it `id`'s element is: its top relative to the viewport
/// less its scroll margin (a footnote lands below the top edge, footnotes.rs), in CSS px.
pub async fn top_of(b: &Browser, id: &str) -> f64 {
    let script = "const e = document.getElementById(arguments[0]);
                  return e ? e.getBoundingClientRect().top - parseFloat(getComputedStyle(e).scrollMarginTop) : null;";
    let top = b.client.execute(script, vec![json!(id)]).await.unwrap();
    top.as_f64()
        .unwrap_or_else(|| panic!("no element #{id} in the page"))
}
