//! A long body read in steps: the reading stops at its pauses, often enough that no step
//! walks more than a few thousand events, and what it reads is exactly what it reads at
//! once, problems included. The same for a long article's model read back from what the
//! build wrote (`folio_bundle::written`).

mod common;

use std::cell::Cell;
use std::future::Future;
use std::pin::pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use folio_bundle::pause::{Waiting, EVENTS_PER_PAUSE};
use folio_bundle::{read_manifest, Article, Report};

/// A pause that is not over the first time it is looked at, as a browser's turn is not.
struct Turn(bool);

impl Future for Turn {
    type Output = ();
    fn poll(mut self: std::pin::Pin<&mut Self>, _: &mut Context<'_>) -> Poll<()> {
        if std::mem::replace(&mut self.0, true) {
            Poll::Ready(())
        } else {
            Poll::Pending
        }
    }
}

/// The small bundle's body, then `n` headed paragraphs, each with a link and a refused
/// link, and a footnote in every fifth.
fn long_body(n: usize) -> String {
    let mut body = common::BODY.to_owned();
    for i in 0..n {
        let note = if i % 5 == 0 {
            format!("[^n{i}]")
        } else {
            String::new()
        };
        body += &format!(
            "\n## Part {i}\n\nParagraph {i} has *some* words, [a link](https://example.org/{i}){note} \
             and [a refused one](javascript:alert({i})).\n"
        );
        if i % 5 == 0 {
            body += &format!("\n[^n{i}]: Note {i}.\n");
        }
    }
    body
}

/// A pause that counts itself and is not over the first time it is looked at.
fn counting(pauses: &Rc<Cell<usize>>) -> impl FnMut() -> Waiting {
    let counted = Rc::clone(pauses);
    move || -> Waiting {
        counted.set(counted.get() + 1);
        Box::pin(Turn(false))
    }
}

/// `reading` run to its end, and how many times it was left waiting.
fn run<T>(reading: impl Future<Output = T>) -> (T, usize) {
    let mut reading = pin!(reading);
    let mut cx = Context::from_waker(Waker::noop());
    let mut waits = 0;
    loop {
        match reading.as_mut().poll(&mut cx) {
            Poll::Ready(value) => return (value, waits),
            Poll::Pending => waits += 1,
        }
    }
}

/// Reads `body` in steps, counting the pauses and how many times the reading was left
/// waiting, and returns the article and problems with the count.
fn read_in_steps(body: &str) -> (Option<Article>, Report, usize, usize) {
    let json = serde_json::to_vec(&common::manifest()).unwrap();
    let mut report = Report::default();
    let manifest = read_manifest(&json, &mut report).expect("the test manifest reads");
    let pauses = Rc::new(Cell::new(0));
    let mut pause = counting(&pauses);
    let (article, waits) = run(Article::assemble_in_steps(
        manifest,
        body.as_bytes(),
        &mut report,
        &mut pause,
    ));
    (article, report, pauses.get(), waits)
}

#[test]
fn a_long_body_read_in_steps_pauses_often_and_reads_what_it_reads_at_once() {
    let body = long_body(3_000);
    let (stepped, stepped_report, pauses, waits) = read_in_steps(&body);
    let json = serde_json::to_vec(&common::manifest()).unwrap();
    let (at_once, at_once_report) = common::read(&json, body.as_bytes());
    assert!(stepped.is_some(), "the body reads: {stepped_report:?}");
    assert_eq!(stepped, at_once, "the same article, in steps or at once");
    assert_eq!(
        stepped_report, at_once_report,
        "the same problems, in steps or at once"
    );
    assert_eq!(waits, pauses, "every pause was waited for");
    // Each paragraph is more than 20 events; the walk pauses every EVENTS_PER_PAUSE.
    let at_least = 3_000 * 20 / EVENTS_PER_PAUSE;
    assert!(
        pauses > at_least,
        "{pauses} pauses for 3,000 paragraphs: at least {at_least} expected"
    );
}

#[test]
fn a_short_body_pauses_only_between_the_passes() {
    let (article, _, pauses, _) = read_in_steps(common::BODY);
    assert!(article.is_some());
    assert!(
        pauses <= 3,
        "a three-line body has no pause inside its walk, only between the passes: {pauses}"
    );
}

#[test]
fn a_long_article_read_back_in_steps_pauses_and_reads_what_it_reads_at_once() {
    let (article, _, _, _) = read_in_steps(&long_body(3_000));
    let article = article.expect("the body reads");
    let written = serde_json::to_value(&article).unwrap();
    let pauses = Rc::new(Cell::new(0));
    let mut pause = counting(&pauses);
    let (stepped, waits) = run(Article::from_written_in_steps(written.clone(), &mut pause));
    assert_eq!(
        stepped.as_ref(),
        Some(&article),
        "the same article, in steps"
    );
    assert_eq!(
        Article::from_written(written),
        Some(article.clone()),
        "and at once"
    );
    assert_eq!(waits, pauses.get(), "every pause was waited for");
    // 3,000 headings and 3,000 paragraphs and more, 600 footnotes: a pause every 256 of them.
    let items = article.body.blocks.len() + article.body.footnotes.len();
    assert!(
        pauses.get() >= items / 256 && items >= 6_600,
        "{} pauses for {items} blocks and footnotes",
        pauses.get()
    );
}
