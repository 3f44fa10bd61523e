//! Publication dates as readers read them, in the article's language, and how old they are.

use folio_bundle::Timestamp;

/// The reader's clock, in milliseconds since the Unix epoch.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// A date in words in `language`, such as "October 13, 2007" or "13 октября 2007 г.",
/// with the time in the reader's zone when the publisher gave one.
pub fn long_date(ts: &Timestamp, language: &str) -> String {
    format(ts, language, ts.time.is_some())
}

/// The day alone, in words in `language`, for compact places such as catalog cards.
pub fn long_day(ts: &Timestamp, language: &str) -> String {
    format(ts, language, false)
}

/// A date without a time is formatted in UTC so that no time zone moves it to another day.
fn format(ts: &Timestamp, language: &str, with_time: bool) -> String {
    let options = js_sys::Object::new();
    let set = |k: &str, v: &str| {
        let _ = js_sys::Reflect::set(&options, &k.into(), &v.into());
    };
    set("dateStyle", "long");
    if with_time {
        set("timeStyle", "short");
    } else if ts.time.is_none() {
        set("timeZone", "UTC");
    }
    let date = js_sys::Date::new(&((ts.unix_seconds() as f64) * 1000.0).into());
    let formatted = crate::intl::format("DateTimeFormat", language, &options, "format", &date);
    formatted.unwrap_or_else(|| ts.to_string())
}

/// Whole years between `ts` and now.
pub fn age_in_years(ts: &Timestamp, now_ms: f64) -> i64 {
    let seconds = (now_ms / 1000.0) as i64 - ts.unix_seconds();
    // 365.2425 days, the mean Gregorian year.
    seconds / 31_556_952
}
