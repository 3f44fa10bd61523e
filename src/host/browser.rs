//! The host in the browser: Folio's own tables first, so a taken-over static page keeps its
//! words, then the browser's `Intl` for every other language, then the plain ISO date.

use folio_bundle::Timestamp;

use super::{dates, Host};

/// Rendering in the browser.
#[derive(Clone, Copy, Debug, Default)]
pub struct Browser;

/// `Intl.DateTimeFormat` in `language`, the time in UTC when asked for and given.
fn intl_date(ts: &Timestamp, language: &str, with_time: bool) -> Option<String> {
    let options = js_sys::Object::new();
    let set = |k: &str, v: &str| {
        let _ = js_sys::Reflect::set(&options, &k.into(), &v.into());
    };
    set("dateStyle", "long");
    set("timeZone", "UTC");
    let timed = with_time && ts.time.is_some();
    if timed {
        set("timeStyle", "short");
    }
    let date = js_sys::Date::new(&((ts.unix_seconds() as f64) * 1000.0).into());
    let words = crate::intl::format("DateTimeFormat", language, &options, "format", &date)?;
    Some(if timed { format!("{words} UTC") } else { words })
}

impl Host for Browser {
    fn long_date(&self, ts: &Timestamp, language: &str) -> String {
        dates::in_words(ts, language, true)
            .or_else(|| intl_date(ts, language, true))
            .unwrap_or_else(|| ts.to_string())
    }

    fn long_day(&self, ts: &Timestamp, language: &str) -> String {
        dates::in_words(ts, language, false)
            .or_else(|| intl_date(ts, language, false))
            .unwrap_or_else(|| ts.to_string())
    }

    fn language_name(&self, tag: &str) -> String {
        if let Some(name) = dates::own_name(tag) {
            return name.to_owned();
        }
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"type".into(), &"language".into());
        crate::intl::format("DisplayNames", tag, &options, "of", &tag.into())
            .unwrap_or_else(|| tag.to_owned())
    }

    fn now_ms(&self) -> f64 {
        js_sys::Date::now()
    }
}
