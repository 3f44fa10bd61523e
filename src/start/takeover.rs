//! Putting the app in place of what the root element shows, keeping the reader's scroll
//! position and focused element. A static page stays on screen, answering scrolls and
//! links, while its copy is built off screen, a slice per task for a long article; the copy
//! then takes its place in one step (ADR 008). A page the app loads itself is rendered in
//! place at once. Either way the app it replaces, after a change of language, is disposed:
//! its effects, listeners, speech and unfinished slices stop with it. Browser only.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement};

use super::html;
use crate::article::slices::{BodyProgress, BodyState};
use crate::yielding::yield_to_browser;

/// Renders `app` into a detached element and, once the article's body is complete (at
/// once when there is none, or it was built whole), puts it in place of `root`.
pub fn off_screen<V: IntoView + 'static>(
    document: &Document,
    root: &Element,
    app: impl FnOnce() -> V + 'static,
    progress: BodyProgress,
) {
    let copy = match document.create_element("div") {
        Ok(copy) => copy,
        Err(_) => return in_place(root, app, progress),
    };
    // Not ready again until the copy is in place (when a takeover is started again).
    if let Some(html) = html() {
        let _ = html.remove_attribute("data-folio-app");
    }
    let id = root.id();
    let generation = next_generation();
    let swap: Rc<dyn Fn()> = {
        let copy = copy.clone();
        Rc::new(move || {
            // Only the newest copy, once: once swapped in it is no longer the one building,
            // and a copy started before another is never shown.
            if is_building(generation) {
                swap_in(&copy, &id);
                show_built();
            }
        })
    };
    let target: HtmlElement = copy.unchecked_into();
    let swap_later = Rc::clone(&swap);
    let mounted = mount(target, generation, move || {
        Effect::new(move |_| {
            if progress.0.get() == BodyState::Complete {
                let swap = Rc::clone(&swap_later);
                // In a task of its own, after the last slice's.
                leptos::task::spawn_local(async move {
                    yield_to_browser().await;
                    swap();
                });
            }
        });
        app()
    });
    dispose(BUILDING.with(|b| b.replace(Some(mounted))));
    if progress.0.get_untracked() != BodyState::Building {
        swap();
    }
}

/// Renders `app` in place of what `root` holds, in one task, and marks the page ready;
/// `<html>`'s `data-folio-body` then follows the article's body as it is built. A tool
/// pressed before (the reading panel, drawn again in another language) is pressed again
/// once the article it belongs to is drawn: a page the app loads has no tools until then.
pub fn in_place<V: IntoView + 'static>(
    root: &Element,
    app: impl FnOnce() -> V + 'static,
    progress: BodyProgress,
) {
    let target: HtmlElement = root.clone().unchecked_into();
    keep_place(root, root, || {
        dispose(BUILDING.with(RefCell::take));
        dispose(SHOWN.with(RefCell::take));
        root.set_inner_html("");
        let mounted = mount(target, next_generation(), move || {
            Effect::new(move |_| {
                let state = progress.0.get();
                mark_body(state);
                // After a frame: the article is drawn in this turn, but put in the page later.
                if state != BodyState::NotStarted {
                    leptos::task::spawn_local(async {
                        yield_to_browser().await;
                        if let Some(html) = html() {
                            press_what_waited(&html);
                        }
                    });
                }
            });
            app()
        });
        dispose(SHOWN.with(|s| s.replace(Some(mounted))));
    });
    mark_ready();
}

/// An app in the page or being built off screen: its mount, and the reactive owner of
/// everything it runs.
struct Mounted {
    /// Which start made it; a later start's app has a larger number.
    generation: u64,
    owner: Option<Owner>,
    /// The `UnmountHandle`, whose type depends on the app's view.
    mount: Box<dyn Any>,
}

thread_local! {
    /// The app now in the page.
    static SHOWN: RefCell<Option<Mounted>> = const { RefCell::new(None) };
    /// The app being built off screen, until its copy takes the page's place.
    static BUILDING: RefCell<Option<Mounted>> = const { RefCell::new(None) };
    static GENERATIONS: Cell<u64> = const { Cell::new(0) };
}

fn next_generation() -> u64 {
    GENERATIONS.with(|g| {
        g.set(g.get() + 1);
        g.get()
    })
}

/// Mounts `app` into `target`, keeping its owner so it can be disposed later.
fn mount<V: IntoView + 'static>(
    target: HtmlElement,
    generation: u64,
    app: impl FnOnce() -> V + 'static,
) -> Mounted {
    let owner = Rc::new(RefCell::new(None));
    let kept = Rc::clone(&owner);
    let handle = leptos::mount::mount_to(target, move || {
        *kept.borrow_mut() = Owner::current();
        app()
    });
    let owner = owner.borrow_mut().take();
    Mounted {
        generation,
        owner,
        mount: Box::new(handle),
    }
}

fn is_building(generation: u64) -> bool {
    BUILDING.with(|b| b.borrow().as_ref().map(|m| m.generation) == Some(generation))
}

/// The copy built off screen is in the page now: it is the app shown, and the one it
/// replaced is disposed.
fn show_built() {
    let built = BUILDING.with(RefCell::take);
    dispose(SHOWN.with(|s| s.replace(built)));
}

/// Stops an app that another has replaced: its cleanups run (speech stops, listeners go,
/// unfinished slices stop) and its nodes leave the element they were in, which is no longer
/// in the page. Called from the start's own task or the new app's, never from inside the app
/// it disposes.
fn dispose(app: Option<Mounted>) {
    let Some(app) = app else {
        return;
    };
    drop(app.mount);
    if let Some(owner) = app.owner {
        owner.cleanup();
    }
}

/// Puts `copy` in place of the element with `id` (looked up now: a takeover started
/// again meanwhile may have replaced it), its blocks far from the screen to be laid out
/// later, then marks the page ready and complete.
fn swap_in(copy: &Element, id: &str) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    else {
        return;
    };
    let waiting = super::laying_out::hold_back(&root, copy);
    keep_place(&root, copy, || {
        copy.set_id(id);
        let _ = root.replace_with_with_node_1(copy);
    });
    if let Some(waiting) = waiting {
        waiting.keep_line();
        leptos::task::spawn_local(waiting.lay_out());
    }
    mark_ready();
    mark_body(BodyState::Complete);
}

/// Runs `replace`, which puts `new` where `old` was (or fills `old` anew), keeping the
/// scroll position and, by its place among the focusable elements, the focused element.
fn keep_place(old: &Element, new: &Element, replace: impl FnOnce()) {
    let Some(window) = web_sys::window() else {
        return replace();
    };
    let (x, y) = (
        window.scroll_x().unwrap_or_default(),
        window.scroll_y().unwrap_or_default(),
    );
    let focused = window
        .document()
        .and_then(|d| d.active_element())
        // Nothing inside `old` focused (the body is): no need to go through its elements.
        .filter(|active| active != old && old.contains(Some(active)))
        .and_then(|active| focusables(old).iter().position(|e| *e == active));
    replace();
    if let Some(element) = focused.and_then(|n| focusables(new).into_iter().nth(n)) {
        if let Some(element) = element.dyn_ref::<HtmlElement>() {
            let _ = element.focus();
        }
    }
    window.scroll_to_with_x_and_y(x, y);
}

/// The focusable elements under `root`, in document order.
fn focusables(root: &Element) -> Vec<Element> {
    super::elements(root, "a[href], button, input, select, textarea, [tabindex]")
}

/// Marks `<html>`: the app has taken the page over (`data-folio-app="ready"`), so Reading
/// settings and Listen answer a click.
pub fn mark_ready() {
    if let Some(html) = html() {
        let _ = html.remove_attribute("data-folio-loading");
        let _ = html.set_attribute("data-folio-app", "ready");
        press_what_waited(&html);
    }
}

/// Presses again the reading tool the reader pressed before the app was there: the page's
/// loader noted which one, by its place among the tools, in `data-folio-pressed`. Until
/// the tools are there, the note is kept for the next call.
fn press_what_waited(html: &Element) {
    let Some(n) = html
        .get_attribute("data-folio-pressed")
        .and_then(|n| n.parse::<u32>().ok())
    else {
        return;
    };
    let tool = html
        .query_selector_all(".article-tools button")
        .ok()
        .and_then(|tools| tools.item(n))
        .and_then(|t| t.dyn_into::<HtmlElement>().ok());
    let Some(tool) = tool else {
        return;
    };
    let _ = html.remove_attribute("data-folio-pressed");
    tool.click();
    // Where the reader was inside what the tool opened, such as a list in the panel.
    if let Some(id) = html.get_attribute("data-folio-focus") {
        let _ = html.remove_attribute("data-folio-focus");
        let within = html
            .query_selector(&format!("#{id}"))
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<HtmlElement>().ok());
        if let Some(element) = within {
            let _ = element.focus();
        }
    }
}

/// Marks `<html>` with how far the article's body has been built in the page:
/// `data-folio-body="building"`, then `"complete"`.
fn mark_body(state: BodyState) {
    let Some(html) = html() else {
        return;
    };
    let _ = match state {
        BodyState::NotStarted => html.remove_attribute("data-folio-body"),
        BodyState::Building => html.set_attribute("data-folio-body", "building"),
        BodyState::Complete => html.set_attribute("data-folio-body", "complete"),
    };
}
