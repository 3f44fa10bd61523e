//! A long article's copy laid out a part at a time when it takes a static page's place. The
//! blocks of the story far from the reader's screen wait (`content-visibility: auto`, at
//! the height they had in the static page), so the frame that shows the copy lays out only
//! what is near the screen; the rest is laid out over the frames after, a few hundred
//! paragraphs each (`docs/adr/014`). The reader's line stays where it was. Browser only.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use super::{elements, html};
use crate::yielding::yield_to_browser;

/// The blocks of the story, in the static page and in its copy alike.
const BLOCKS: &str = ".story-body > *";
/// The class of a block that waits to be laid out (`style/article.css`).
const WAITING: &str = "waiting-layout";
/// The height it waits at.
const HEIGHT: &str = "--folio-waiting-height";
/// `<html>`'s attribute while blocks wait (not `data-folio-layout`, Reading settings' own).
const LAYING_OUT: &str = "data-folio-laying-out";
/// How far above and below the screen blocks are laid out at once, in screens.
const NEAR_SCREENS: f64 = 1.0;
/// How much text the blocks laid out in one frame after the takeover hold, in bytes: a
/// frame of 50 to 120 ms in Chromium on the bench's machine, growing with the page, where
/// the whole 100,000-word article took 350 ms in one.
const TEXT_PER_FRAME: usize = 48_000;

/// The blocks of a copy that wait, and where the reader's line is.
pub struct Waiting {
    /// In the order they are laid out: nearest the screen first, below or above it. Each
    /// with whether it had a `style` attribute before.
    blocks: Vec<(HtmlElement, bool)>,
    /// The copy's first block that does not wait, and where its counterpart was in the
    /// static page (from the top of the screen, in CSS pixels).
    anchor: (Element, f64),
    /// The waiting block just above it, and the height it waits at.
    above: Option<(HtmlElement, f64)>,
}

/// Marks the blocks of `copy` that are far from the screen to wait, each at the height its
/// counterpart has in `page`, the static page on screen. None when the two do not have the
/// same blocks, or none is far enough to wait.
pub fn hold_back(page: &Element, copy: &Element) -> Option<Waiting> {
    let screen = web_sys::window()?.inner_height().ok()?.as_f64()?;
    let shown = elements(page, BLOCKS);
    let copied = elements(copy, BLOCKS);
    if shown.len() != copied.len() || shown.is_empty() {
        return None;
    }
    let rects: Vec<(f64, f64)> = shown
        .iter()
        .map(|e| {
            let r = e.get_bounding_client_rect();
            (r.top(), r.bottom())
        })
        .collect();
    let (low, high) = (-NEAR_SCREENS * screen, (1.0 + NEAR_SCREENS) * screen);
    let near: Vec<usize> = (0..rects.len())
        .filter(|&i| rects[i].1 >= low && rects[i].0 <= high)
        .collect();
    let (first, last) = match (near.first(), near.last()) {
        (Some(&first), Some(&last)) => (first, last),
        // Nothing of the story near the screen: the reader is above or below it.
        _ if rects[0].0 > high => (0, 0),
        _ => (rects.len() - 1, rects.len() - 1),
    };
    let order = nearest_first(&rects, first, last, screen);
    let mut blocks = Vec::new();
    let mut above = None;
    for i in order {
        // What the block takes of the page, its margins with it: from its top to the next
        // one's (its own height for the last), as its margins are left out while it waits.
        // Written in full: positions are fractions of a pixel, and rounding each of
        // thousands of blocks would add up below the screen.
        let height = match rects.get(i + 1) {
            Some(next) => next.0 - rects[i].0,
            None => rects[i].1 - rects[i].0,
        }
        .max(0.0);
        let Some(block) = copied[i].dyn_ref::<HtmlElement>() else {
            continue;
        };
        let styled = block.has_attribute("style");
        wait(block, height);
        if i + 1 == first {
            above = Some((block.clone(), height));
        }
        blocks.push((block.clone(), styled));
    }
    if blocks.is_empty() {
        return None;
    }
    let anchor = (copied[first].clone(), rects[first].0);
    Some(Waiting {
        blocks,
        anchor,
        above,
    })
}

/// The blocks before `first` and after `last`, nearest the screen first, whether below or
/// above it: a reader who scrolls either way then meets blocks already laid out.
/// `rects` are the blocks' tops and bottoms from the top of the screen, `screen` high.
fn nearest_first(rects: &[(f64, f64)], first: usize, last: usize, screen: f64) -> Vec<usize> {
    let mut below = last + 1..rects.len();
    let mut above = (0..first).rev();
    let (mut next_below, mut next_above) = (below.next(), above.next());
    let mut order = Vec::with_capacity(rects.len());
    loop {
        match (next_below, next_above) {
            (Some(b), Some(a)) if rects[b].0 - screen > -rects[a].1 => {
                order.push(a);
                next_above = above.next();
            }
            (Some(b), _) => {
                order.push(b);
                next_below = below.next();
            }
            (None, Some(a)) => {
                order.push(a);
                next_above = above.next();
            }
            (None, None) => return order,
        }
    }
}

fn wait(block: &HtmlElement, height: f64) {
    // Written by JavaScript's own number formatting: Rust's would add 8 KB to the module.
    let Ok(number) = js_sys::Number::from(height).to_string_with_radix(10) else {
        return;
    };
    let _ = block
        .style()
        .set_property(HEIGHT, &(String::from(number) + "px"));
    let _ = block.class_list().add_1(WAITING);
}

impl Waiting {
    /// Once the copy is in the page, scrolled as the static page was: puts the reader's
    /// line back where it was, should what waits above it have moved it. A waiting block
    /// keeps no margin to share with the next, so the first block near the screen is
    /// lower by its own top margin; the block above it then waits that much shorter, and
    /// every block stays where the static page had it, before and after it is laid out.
    /// Scroll anchoring is off until every block is laid out (`data-folio-laying-out`), so
    /// that the page ends scrolled where the takeover put it, whatever the copy's blocks
    /// measure once laid out; should a browser still answer by scrolling, the scroll is put
    /// back.
    pub fn keep_line(&self) {
        let (block, was) = &self.anchor;
        let Some(window) = web_sys::window() else {
            return;
        };
        mark_layout(true);
        let moved = || block.get_bounding_client_rect().top() - was;
        let by = moved();
        if by == 0.0 {
            return;
        }
        if let Some((above, height)) = self.above.as_ref().filter(|(_, h)| *h >= by) {
            wait(above, height - by);
        }
        let by = moved();
        if by != 0.0 {
            window.scroll_by_with_x_and_y(0.0, by);
        }
    }

    /// Lays out what waits, some text's worth a frame, nearest the screen first; stops if
    /// the copy leaves the page (another takeover).
    pub async fn lay_out(self) {
        self.lay_out_blocks().await;
        // After the frame that lays out the last of them.
        yield_to_browser().await;
        mark_layout(false);
    }

    async fn lay_out_blocks(self) {
        let mut blocks = self.blocks.into_iter().peekable();
        while blocks.peek().is_some() {
            yield_to_browser().await;
            let mut text = 0;
            while text < TEXT_PER_FRAME {
                let Some(block) = blocks.next() else {
                    break;
                };
                let (block, styled) = block;
                if !block.is_connected() {
                    return;
                }
                text += block.text_content().map_or(0, |t| t.len());
                let _ = block.class_list().remove_1(WAITING);
                // As the static page had it: no empty attribute left behind.
                if styled {
                    let _ = block.style().remove_property(HEIGHT);
                } else {
                    // Read first: Chromium writes a style set through the CSSOM into the
                    // attribute only when it is read, and would write it empty after this.
                    let _ = block.get_attribute("style");
                    let _ = block.remove_attribute("style");
                }
                if block.class_name().is_empty() {
                    let _ = block.remove_attribute("class");
                }
            }
        }
    }
}

/// Marks `<html>` with `data-folio-laying-out` while blocks wait, which turns scroll
/// anchoring off (`style/article.css`); unmarks it once none waits, in this copy or in one
/// that has since replaced it.
fn mark_layout(waiting: bool) {
    let Some(html) = html() else {
        return;
    };
    if waiting {
        let _ = html.set_attribute(LAYING_OUT, "");
    } else if html
        .query_selector(&format!(".{WAITING}"))
        .ok()
        .flatten()
        .is_none()
    {
        let _ = html.remove_attribute(LAYING_OUT);
    }
}
