//! The page's own words: the status lines in every page's frame and the messages of its
//! offline script (`src/interface/*/offline.ftl`), which the build writes into pages and
//! beside `public/offline.js`. Native only: they are not in the app.

use super::Locale;

/// The page's own words, which its offline script shows (`src/interface/*/offline.ftl`), as
/// JSON: `{"en": {"status-offline": "You are offline. …", …}, "ru": …, "fa": …}`, each
/// variable written `{name}`. The build gives them to `public/offline.js`; static pages are
/// written with them. Not in the app.
pub const PAGE_WORDS: &str = include_str!(concat!(env!("OUT_DIR"), "/page-words.json"));

/// The page's words in `locale`, by id, read from [`PAGE_WORDS`] once.
pub fn page_words(locale: Locale) -> &'static serde_json::Map<String, serde_json::Value> {
    static ALL: std::sync::OnceLock<serde_json::Value> = std::sync::OnceLock::new();
    static NONE: std::sync::OnceLock<serde_json::Map<String, serde_json::Value>> =
        std::sync::OnceLock::new();
    let all = ALL.get_or_init(|| serde_json::from_str(PAGE_WORDS).unwrap_or_default());
    match all.get(locale.tag()) {
        Some(serde_json::Value::Object(words)) => words,
        _ => NONE.get_or_init(serde_json::Map::new),
    }
}

/// The page's word `id` in `locale`, with no values; the id itself where there is none.
pub fn page_word(locale: Locale, id: &str) -> String {
    page_words(locale)
        .get(id)
        .and_then(serde_json::Value::as_str)
        .unwrap_or(id)
        .to_owned()
}
