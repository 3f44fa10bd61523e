//! The host for rendering natively, at build time or by a publisher's command: dates and
//! language names from Folio's own tables, ISO dates for other languages, the build's clock.

use folio_bundle::Timestamp;

use super::{dates, Host};

/// Rendering without a browser.
#[derive(Clone, Debug)]
pub struct Native {
    /// The clock at the time of rendering, in milliseconds since the Unix epoch.
    pub now_ms: f64,
}

impl Native {
    /// A native host whose clock reads the system's time now.
    pub fn now() -> Native {
        let now_ms = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_millis() as f64)
            .unwrap_or_default();
        Native { now_ms }
    }
}

impl Host for Native {
    fn long_date(&self, ts: &Timestamp, language: &str) -> String {
        dates::in_words(ts, language, true).unwrap_or_else(|| ts.to_string())
    }

    fn long_day(&self, ts: &Timestamp, language: &str) -> String {
        dates::in_words(ts, language, false).unwrap_or_else(|| ts.to_string())
    }

    fn language_name(&self, tag: &str) -> String {
        dates::own_name(tag).map_or_else(|| tag.to_owned(), str::to_owned)
    }

    fn now_ms(&self) -> f64 {
        self.now_ms
    }
}
