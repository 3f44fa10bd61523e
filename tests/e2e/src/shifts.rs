//! The layout shifts a page has had, summed as Cumulative Layout Shift sums them (shifts
//! right after the reader's own input left out).

use serde_json::Value;

use crate::Browser;

const SHIFTS: &str = "const done = arguments[arguments.length - 1];
    let sum = 0;
    new PerformanceObserver(list => list.getEntries().forEach(e => { if (!e.hadRecentInput) sum += e.value; }))
      .observe({ type: 'layout-shift', buffered: true });
    setTimeout(() => done(sum), 300);";

/// The page's layout shifts so far, and in the next 300 ms, summed.
pub async fn layout_shifts(b: &Browser) -> Value {
    b.client
        .execute_async(SHIFTS, vec![])
        .await
        .expect("the page's layout shifts")
}
