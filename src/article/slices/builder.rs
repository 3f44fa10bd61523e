//! Builds a long document in the browser: its first screen at once, in the view, then the
//! rest a slice per frame, each building for as long as [`super::slice_budget`] allows and
//! adding at most [`MAX_SLICE_WEIGHT`] nodes to the page, put before a marker where the
//! first screen ends; the footnotes after every block. What is built stays as it is: each
//! slice only adds. Browser only.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use folio_bundle::{Block, Footnote, Scope};
use leptos::html::{Ol, Template};
use leptos::prelude::*;
use leptos::tachys::view::any_view::AnyViewState;
use leptos::tachys::view::{Mountable, Render};
use web_sys::Element;

use super::deep_link::DeepLink;
use super::{slice_budget, Batch, BodyProgress, BodyState, Building, Schedule, MAX_SLICE_WEIGHT};
use crate::article::blocks::{block, blocks, footnote, footnote_list};
use crate::article::html::{HtmlWriter, Part};
use crate::yielding::{now_ms, yield_to_browser};

/// How long the rest waits for its marker to be put in a page before it gives up, in ms.
const MOUNT_WAIT_MS: f64 = 10_000.0;

/// The view of a document too heavy to build at once: its first screen and the marker
/// the rest goes before, which a task started here builds. Hands the parts back when the
/// document is light enough to build whole, or when the render asks for it whole.
pub fn sliced(
    list: Vec<Block>,
    notes: Vec<Footnote>,
    scope: &Scope,
    progress: Option<BodyProgress>,
) -> Result<AnyView, (Vec<Block>, Vec<Footnote>)> {
    let building = use_context::<Building>().unwrap_or(Building::Sliced);
    if building == Building::Whole {
        return Err((list, notes));
    }
    let mut schedule = Schedule::new(&list, &notes);
    if schedule.is_light() {
        return Err((list, notes));
    }
    let mut first = list;
    let rest = first.split_off(schedule.first_screen());
    // The slices' own owner, under the document's: it provides the document's scope, which
    // another text's view may since have provided in their shared owner, and it goes when
    // the document's owner goes, which ends the build. The document's owner keeps it.
    let owner = Owner::current().unwrap_or_default().child();
    StoredValue::new(owner.clone());
    let alive = Arc::new(AtomicBool::new(true));
    let (built, notes_list, writer) = owner.with(|| {
        provide_context(scope.clone());
        let alive = Arc::clone(&alive);
        on_cleanup(move || alive.store(false, Ordering::Relaxed));
        (
            StoredValue::new_local(Vec::new()),
            NodeRef::new(),
            HtmlWriter::from_context(),
        )
    });
    if let Some(progress) = progress {
        progress.0.set(BodyState::Building);
    }
    let marker = NodeRef::<Template>::new();
    let rest = Rest {
        blocks: rest.into_iter(),
        notes: notes.into_iter(),
        scope: scope.clone(),
        owner,
        writer,
        built,
        notes_list,
        notes_started: false,
    };
    let turns = building != Building::SlicedAtOnce;
    leptos::task::spawn_local(build_rest(rest, schedule, marker, alive, progress, turns));
    Ok(view! { {blocks(first)} <template node_ref=marker></template> }.into_any())
}

/// What is left to build, and where what is built is kept.
struct Rest {
    blocks: std::vec::IntoIter<Block>,
    notes: std::vec::IntoIter<Footnote>,
    scope: Scope,
    /// The slices' owner: they read its context and go with it.
    owner: Owner,
    /// Writes the blocks and footnotes without a live part as HTML (ADR 008, "Slices as
    /// HTML"); `None` outside an article, where every block is built by its component.
    writer: Option<HtmlWriter>,
    /// The built slices' states, which hold their reactive parts (an image's failure).
    built: StoredValue<Vec<AnyViewState>, LocalStorage>,
    /// The footnotes' `<ol>`, once their section is built.
    notes_list: NodeRef<Ol>,
    notes_started: bool,
}

/// Where a batch goes: before the marker (blocks), or at the end of the footnotes' list.
#[derive(Clone, Copy)]
enum Place<'a> {
    Before(&'a Element),
    End(&'a Element),
}

impl Place<'_> {
    fn mount(self, view: AnyView) -> Option<AnyViewState> {
        let mut state = view.build();
        match self {
            Place::Before(marker) => state.mount(&marker.parent_element()?, Some(marker.as_ref())),
            Place::End(list) => state.mount(list, None),
        }
        Some(state)
    }

    fn insert_html(self, html: &str) -> bool {
        match self {
            Place::Before(marker) => marker.insert_adjacent_html("beforebegin", html),
            Place::End(list) => list.insert_adjacent_html("beforeend", html),
        }
        .is_ok()
    }
}

impl Rest {
    /// Builds one batch and puts it in place: blocks before `marker`, footnotes at the end
    /// of their list (its section, with the first of them, before `marker`).
    fn build(&mut self, batch: Batch, marker: &Element) {
        let owner = self.owner.clone();
        let states = owner.with(|| match batch {
            Batch::Blocks(range) => {
                let list: Vec<Block> = self.blocks.by_ref().take(range.len()).collect();
                self.put(list, Place::Before(marker), block)
            }
            Batch::Notes(range) => {
                let mut states = Vec::new();
                if !self.notes_started {
                    self.notes_started = true;
                    let section = footnote_list(().into_any(), self.notes_list);
                    states.extend(Place::Before(marker).mount(section));
                }
                let notes: Vec<Footnote> = self.notes.by_ref().take(range.len()).collect();
                let scope = self.scope.clone();
                let component = |note| footnote(note, &scope);
                match self.notes_list.get_untracked() {
                    Some(list) => states.extend(self.put(notes, Place::End(&list), component)),
                    // Not reached: the section was built above. Its items by their
                    // components, before the marker, rather than nowhere.
                    None => states.extend(
                        Place::Before(marker)
                            .mount(notes.into_iter().map(component).collect_view().into_any()),
                    ),
                }
                states
            }
        });
        self.built.update_value(|kept| kept.extend(states));
    }

    /// Puts `items` at `place`: each run of static ones as one HTML string, the others by
    /// `component`, in their order.
    fn put<T: Part>(
        &mut self,
        items: Vec<T>,
        place: Place,
        component: impl Fn(T) -> AnyView,
    ) -> Vec<AnyViewState> {
        let mut states = Vec::new();
        let mut run = Vec::new();
        for item in items {
            if self.writer.is_some() && item.is_static() {
                run.push(item);
                continue;
            }
            self.put_html(&mut run, place, &component, &mut states);
            states.extend(place.mount(component(item)));
        }
        self.put_html(&mut run, place, &component, &mut states);
        states
    }

    /// Writes `run` as HTML at `place` (by its components, should the browser refuse the
    /// string), and empties it.
    fn put_html<T: Part>(
        &mut self,
        run: &mut Vec<T>,
        place: Place,
        component: &impl Fn(T) -> AnyView,
        states: &mut Vec<AnyViewState>,
    ) {
        let Some(writer) = self.writer.as_mut().filter(|_| !run.is_empty()) else {
            return;
        };
        for item in run.iter() {
            item.write(writer);
        }
        if !place.insert_html(&writer.take()) {
            let views = run.drain(..).map(component).collect_view().into_any();
            states.extend(place.mount(views));
        }
        run.clear();
    }
}

/// The task that builds the rest: a slice, a turn for the browser, and again, until all
/// is built or the document's view has gone. Without `turns`, one slice builds it all, as
/// soon as the marker is in a page.
async fn build_rest(
    mut rest: Rest,
    mut schedule: Schedule,
    marker: NodeRef<Template>,
    alive: Arc<AtomicBool>,
    progress: Option<BodyProgress>,
    turns: bool,
) {
    let started = now_ms();
    let mut last_slice_end = started;
    let mut deep_link: Option<DeepLink> = None;
    let mut waited = false;
    loop {
        if turns || waited {
            yield_to_browser().await;
        }
        waited = true;
        if !alive.load(Ordering::Relaxed) {
            return;
        }
        let Some(marker) = marker.try_get_untracked().flatten() else {
            return;
        };
        let marker: Element = marker.into();
        if marker.parent_element().is_none() {
            if now_ms() - started > MOUNT_WAIT_MS {
                return;
            }
            continue;
        }
        // Only in the page: an off-screen build (a takeover) keeps the static page's place.
        let in_page = marker.is_connected();
        if deep_link.is_none() && in_page {
            deep_link = Some(DeepLink::watch());
        }
        let start = now_ms();
        let (deadline, max_weight) = match (turns, in_page) {
            (true, true) => (
                start + slice_budget(true, start - last_slice_end),
                MAX_SLICE_WEIGHT,
            ),
            (true, false) => (start + slice_budget(false, 0.0), usize::MAX),
            (false, _) => (f64::INFINITY, usize::MAX),
        };
        schedule.slice(deadline, max_weight, now_ms, |batch| {
            rest.build(batch, &marker)
        });
        last_slice_end = now_ms();
        if schedule.is_done() {
            marker.remove();
            if let Some(progress) = progress {
                progress.0.try_set(BodyState::Complete);
            }
        }
        if let Some(deep_link) = &deep_link {
            deep_link.land(schedule.is_done());
        }
        if schedule.is_done() {
            return;
        }
    }
}
