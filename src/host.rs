//! The one seam between Folio's components and where they render. Components ask a
//! [`Host`] for what only a browser knows (its `Intl` formatters, the reader's clock) and
//! never call the browser themselves, so the same components render natively to static
//! HTML ([`native::Native`]) and in the browser ([`browser::Browser`]). Storage, speech,
//! observers and the page's address are the other browser calls: they live in effects,
//! event handlers and the loaders of `io`, which never run when rendering natively.

pub mod browser;
pub mod dates;
pub mod native;

use std::sync::Arc;

use folio_bundle::Timestamp;
use leptos::prelude::*;

/// What components need from the place they render in.
pub trait Host: Send + Sync {
    /// A publication date in words in `language`, with the time (in UTC) when the
    /// publisher gave one: "October 13, 2007", "13 октября 2007 г.".
    fn long_date(&self, ts: &Timestamp, language: &str) -> String;
    /// The day alone, in words in `language`, for compact places such as catalog cards.
    fn long_day(&self, ts: &Timestamp, language: &str) -> String;
    /// A language's name in that language ("English", "русский"); the tag where unknown.
    fn language_name(&self, tag: &str) -> String;
    /// The clock, in milliseconds since the Unix epoch: the reader's, or the build's.
    fn now_ms(&self) -> f64;
}

/// The host shared by every component of one render.
#[derive(Clone)]
pub struct HostContext(pub Arc<dyn Host>);

/// Makes `host` the host of everything rendered below.
pub fn provide_host(host: Arc<dyn Host>) {
    provide_context(HostContext(host));
}

/// The host of this render: the one provided, or the browser's where none was, as in a
/// component test.
pub fn use_host() -> Arc<dyn Host> {
    use_context::<HostContext>()
        .map(|h| h.0)
        .unwrap_or_else(|| Arc::new(browser::Browser))
}

/// Whole years between `ts` and `now_ms`.
pub fn age_in_years(ts: &Timestamp, now_ms: f64) -> i64 {
    let seconds = (now_ms / 1000.0) as i64 - ts.unix_seconds();
    // 365.2425 days, the mean Gregorian year.
    seconds / 31_556_952
}
