//! Builds a long document in the browser: its first screen at once, in the view, then the
//! rest a slice per frame, each building for as long as [`super::slice_budget`] allows,
//! put before a marker where the first screen ends; the footnotes after every block. What
//! is built stays as it is: each slice only adds. Browser only.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use folio_bundle::{Block, Footnote, Scope};
use leptos::html::{Ol, Template};
use leptos::prelude::*;
use leptos::tachys::view::any_view::AnyViewState;
use leptos::tachys::view::{Mountable, Render};
use web_sys::Element;

use super::deep_link::DeepLink;
use super::{slice_budget, Batch, BodyProgress, BodyState, Building, Schedule};
use crate::article::blocks::{blocks, footnote, footnote_list};
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
    if use_context::<Building>() == Some(Building::Whole) {
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
    let (built, notes_list) = owner.with(|| {
        provide_context(scope.clone());
        let alive = Arc::clone(&alive);
        on_cleanup(move || alive.store(false, Ordering::Relaxed));
        (StoredValue::new_local(Vec::new()), NodeRef::new())
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
        built,
        notes_list,
        notes_started: false,
    };
    leptos::task::spawn_local(build_rest(rest, schedule, marker, alive, progress));
    Ok(view! { {blocks(first)} <template node_ref=marker></template> }.into_any())
}

/// What is left to build, and where what is built is kept.
struct Rest {
    blocks: std::vec::IntoIter<Block>,
    notes: std::vec::IntoIter<Footnote>,
    scope: Scope,
    /// The slices' owner: they read its context and go with it.
    owner: Owner,
    /// The built slices' states, which hold their reactive parts (an image's failure).
    built: StoredValue<Vec<AnyViewState>, LocalStorage>,
    /// The footnotes' `<ol>`, once their section is built.
    notes_list: NodeRef<Ol>,
    notes_started: bool,
}

impl Rest {
    /// Builds one batch and mounts it: blocks before `marker`, footnotes at the end of
    /// their list (its section, with the first of them, before `marker`).
    fn build(&mut self, batch: Batch, parent: &Element, marker: &Element) {
        let state = self.owner.with(|| match batch {
            Batch::Blocks(range) => {
                let list: Vec<Block> = self.blocks.by_ref().take(range.len()).collect();
                mount(blocks(list), parent, Some(marker))
            }
            Batch::Notes(range) => {
                let items = self
                    .notes
                    .by_ref()
                    .take(range.len())
                    .map(|note| footnote(note, &self.scope))
                    .collect_view()
                    .into_any();
                if !self.notes_started {
                    self.notes_started = true;
                    mount(footnote_list(items, self.notes_list), parent, Some(marker))
                } else {
                    let list = self.notes_list.get_untracked();
                    match list {
                        Some(list) => mount(items, &list, None),
                        None => mount(items, parent, Some(marker)),
                    }
                }
            }
        });
        self.built.update_value(|kept| kept.push(state));
    }
}

fn mount(view: AnyView, parent: &Element, marker: Option<&Element>) -> AnyViewState {
    let mut state = view.build();
    state.mount(parent, marker.map(|m| m.as_ref()));
    state
}

/// The task that builds the rest: a slice, a turn for the browser, and again, until all
/// is built or the document's view has gone.
async fn build_rest(
    mut rest: Rest,
    mut schedule: Schedule,
    marker: NodeRef<Template>,
    alive: Arc<AtomicBool>,
    progress: Option<BodyProgress>,
) {
    let started = now_ms();
    let mut last_slice_end = started;
    let mut deep_link: Option<DeepLink> = None;
    loop {
        yield_to_browser().await;
        if !alive.load(Ordering::Relaxed) {
            return;
        }
        let Some(marker) = marker.try_get_untracked().flatten() else {
            return;
        };
        let marker: Element = marker.into();
        let Some(parent) = marker.parent_element() else {
            if now_ms() - started > MOUNT_WAIT_MS {
                return;
            }
            continue;
        };
        // Only in the page: an off-screen build (a takeover) keeps the static page's place.
        let in_page = marker.is_connected();
        if deep_link.is_none() && in_page {
            deep_link = Some(DeepLink::watch());
        }
        let start = now_ms();
        let deadline = start + slice_budget(in_page, start - last_slice_end);
        schedule.slice(deadline, now_ms, |batch| {
            rest.build(batch, &parent, &marker)
        });
        last_slice_end = now_ms();
        if schedule.is_done() {
            marker.remove();
            if let Some(progress) = progress {
                progress.0.try_set(BodyState::Complete);
            }
        }
        if let Some(deep_link) = &deep_link {
            deep_link.land();
        }
        if schedule.is_done() {
            return;
        }
    }
}
