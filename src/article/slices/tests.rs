//! The plan of a sliced build, checked natively: weights, the first screen, batches that
//! cover every block and footnote once and in order, and slices that stop at their deadline.

use folio_bundle::{markdown, read_bundle, Document, Report};

use super::{
    note_weight, slice_budget, weight, Batch, Schedule, BATCH, FIRST_SCREEN, MAX_SLICE_MS,
    MAX_SLICE_WEIGHT, OFF_SCREEN_SLICE_MS, SLICE_MS, TEXT_PER_NODE,
};

fn parse(text: &str) -> Document {
    markdown::parse("body.md", text, &mut Report::default())
}

fn paragraphs(n: usize) -> String {
    (1..=n)
        .map(|i| format!("Paragraph {i} has *some* words.\n\n"))
        .collect()
}

/// Every batch until the end, with nothing else built.
fn all_batches(s: &mut Schedule) -> Vec<Batch> {
    std::iter::from_fn(|| s.next_batch()).collect()
}

#[test]
fn a_block_weighs_the_nodes_it_makes() {
    let doc =
        parse("Plain *and emphasised* text.\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
    let weights: Vec<usize> = doc.blocks.iter().map(weight).collect();
    // p + text, em, text (inside em), text.
    assert_eq!(weights[0], 5);
    let long = parse(&"word ".repeat(2 * TEXT_PER_NODE));
    // p + one text of 10 × 64 bytes less its last space.
    assert_eq!(weight(&long.blocks[0]), 1 + 1 + 9);
    // ul + 2 li + a paragraph and a text in each item.
    assert_eq!(weights[1], 1 + 2 + 2 * 2);
    // The table's frame (4), its head cells and row, its row's cells, and one text each.
    assert_eq!(weights[2], 1 + 4 + 2 + 1 + 2 + 4);
}

#[test]
fn a_footnote_weighs_its_item_its_back_link_and_its_blocks() {
    let doc = parse("Text[^a].\n\n[^a]: The note.\n");
    assert_eq!(note_weight(&doc.footnotes[0]), 2 + 2);
}

#[test]
fn the_first_screen_stops_at_its_budget_and_never_takes_a_footnote() {
    let doc = parse(&(paragraphs(2_000) + "Noted[^a].\n\n[^a]: A note.\n"));
    let mut s = Schedule::new(&doc.blocks, &doc.footnotes);
    assert!(!s.is_light());
    let first = s.first_screen();
    let spent: usize = doc.blocks[..first].iter().map(weight).sum();
    assert!(spent <= FIRST_SCREEN && spent + weight(&doc.blocks[first]) > FIRST_SCREEN);

    let short = parse("Noted[^a].\n\n[^a]: A note.\n");
    let mut s = Schedule::new(&short.blocks, &short.footnotes);
    assert!(s.is_light());
    assert_eq!(s.first_screen(), 1, "the one block, not its footnote");
    assert_eq!(s.next_batch(), Some(Batch::Notes(0..1)));
}

#[test]
fn one_heavy_block_is_a_batch_of_its_own() {
    let heavy = format!("{}\n\n", "*word* ".repeat(BATCH));
    let doc = parse(&(heavy.clone() + &heavy + "Light.\n"));
    let mut s = Schedule::new(&doc.blocks, &doc.footnotes);
    assert_eq!(s.first_screen(), 1);
    assert_eq!(
        all_batches(&mut s),
        vec![Batch::Blocks(1..2), Batch::Blocks(2..3)]
    );
}

#[test]
fn batches_cover_every_block_then_every_footnote_once_in_order_and_within_budget() {
    let notes: String = (1..=300)
        .map(|i| format!("[^n{i}]: Note {i}.\n\n"))
        .collect();
    let refs: String = (1..=300).map(|i| format!("Text[^n{i}].\n\n")).collect();
    let doc = parse(&(paragraphs(3_000) + &refs + &notes));
    let mut s = Schedule::new(&doc.blocks, &doc.footnotes);
    let first = s.first_screen();
    let (mut next_block, mut next_note) = (first, 0);
    for batch in all_batches(&mut s) {
        match batch {
            Batch::Blocks(r) => {
                assert_eq!(
                    (r.start, next_note),
                    (next_block, 0),
                    "blocks in order, before notes"
                );
                let spent: usize = doc.blocks[r.clone()].iter().map(weight).sum();
                assert!(r.len() == 1 || spent <= BATCH, "{r:?} weighs {spent}");
                next_block = r.end;
            }
            Batch::Notes(r) => {
                assert_eq!(next_block, doc.blocks.len(), "every block before a note");
                assert_eq!(r.start, next_note);
                next_note = r.end;
            }
        }
    }
    assert_eq!(
        (next_block, next_note),
        (doc.blocks.len(), doc.footnotes.len())
    );
    assert!(s.is_done());
}

#[test]
fn a_slice_builds_until_its_deadline_and_always_builds_something() {
    let doc = parse(&paragraphs(5_000));
    let mut s = Schedule::new(&doc.blocks, &doc.footnotes);
    s.first_screen();
    // A clock that moves 10 ms per look: a 35 ms slice builds 4 batches.
    let mut now = 0.0;
    let mut built = 0;
    s.slice(
        35.0,
        usize::MAX,
        || {
            now += 10.0;
            now
        },
        |_| built += 1,
    );
    assert_eq!(built, 4);
    // A deadline already passed still builds one batch, so the build always moves on.
    let mut built = 0;
    s.slice(0.0, usize::MAX, || 1_000.0, |_| built += 1);
    assert_eq!(built, 1);
    // An unhurried clock builds the rest; then there is nothing left.
    s.slice(f64::MAX, usize::MAX, || 0.0, |_| {});
    assert!(s.is_done());
    let mut built = 0;
    s.slice(f64::MAX, usize::MAX, || 0.0, |_| built += 1);
    assert_eq!(built, 0);
}

#[test]
fn a_slice_in_the_page_stops_once_it_has_added_its_weight_in_nodes() {
    let doc = parse(&paragraphs(5_000));
    let mut s = Schedule::new(&doc.blocks, &doc.footnotes);
    s.first_screen();
    let weights: Vec<usize> = doc.blocks.iter().map(weight).collect();
    // A clock that never moves: only the weight ends the slice.
    let mut added = Vec::new();
    s.slice(f64::MAX, MAX_SLICE_WEIGHT, || 0.0, |b| added.push(b));
    let of = |b: &Batch| match b {
        Batch::Blocks(r) => weights[r.clone()].iter().sum::<usize>(),
        Batch::Notes(_) => panic!("a note before the blocks are done"),
    };
    let total: usize = added.iter().map(of).sum();
    let last = added.last().map(of).unwrap_or_default();
    assert!(
        total >= MAX_SLICE_WEIGHT && total - last < MAX_SLICE_WEIGHT,
        "the slice added {total} nodes in {} batches, the last {last}: it stops at the first batch \
         that reaches {MAX_SLICE_WEIGHT}",
        added.len()
    );
    assert!(!s.is_done(), "5,000 paragraphs weigh more than one slice");
    // A block heavier than the limit is still built, alone.
    let mut built = 0;
    s.slice(f64::MAX, 1, || 0.0, |_| built += 1);
    assert_eq!(built, 1);
}

#[test]
fn slices_build_longer_when_the_browser_s_turns_grow_long_up_to_a_limit() {
    assert_eq!(slice_budget(true, 0.0), SLICE_MS);
    assert_eq!(slice_budget(true, 40.0), SLICE_MS);
    assert_eq!(slice_budget(true, 120.0), 60.0);
    assert_eq!(slice_budget(true, 5_000.0), MAX_SLICE_MS);
    assert_eq!(slice_budget(false, 5_000.0), OFF_SCREEN_SLICE_MS);
}

fn bundle_body(id: &str) -> Document {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("public/bundles")
        .join(id);
    let read = |name: &str| std::fs::read(dir.join(name)).unwrap_or_default();
    let (article, report) = read_bundle(&read("bundle.json"), &read("body.md"));
    article.unwrap_or_else(|| panic!("{id}: {report}")).body
}

#[test]
fn the_sample_article_is_built_whole_and_the_long_read_in_slices() {
    // The component tests mount the sample whole; the end-to-end tests take over the
    // long read's static page, so they go through the sliced build.
    let light = |id: &str| {
        let body = bundle_body(id);
        Schedule::new(&body.blocks, &body.footnotes).is_light()
    };
    assert!(light("us-officials-meet-russian-dissidents"));
    assert!(!light("folio-long-read-test"));
}
