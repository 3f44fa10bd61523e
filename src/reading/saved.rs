//! Reading settings as saved on the reader's device: one JSON value holding the settings
//! and the [`Appearance`] they make, which `index.html` applies before first paint.
//! Reading is lenient: a field that is missing, unknown or out of range takes its default.

use serde_json::{json, Map, Value};

use crate::reading::appearance::{appearance, Appearance};
use crate::reading::settings::{Alignment, Font, ReadingSettings, Step, Theme};

/// The storage key. Only settings are saved: never which articles were read.
pub const KEY: &str = "folio.reading";

/// The version written now; a saved value with another version is ignored.
pub const VERSION: u64 = 1;

/// The saved form of `settings`.
pub fn to_json(settings: &ReadingSettings) -> String {
    json!({
        "version": VERSION,
        "settings": settings,
        "appearance": appearance_json(&appearance(settings)),
    })
    .to_string()
}

/// `look` as `index.html`'s first script reads it: `{"attributes": {…}, "properties": {…}}`.
pub fn appearance_json(look: &Appearance) -> Value {
    let attributes: Map<String, Value> = look
        .attributes
        .iter()
        .map(|(name, value)| ((*name).to_owned(), Value::from(*value)))
        .collect();
    let properties: Map<String, Value> = look
        .properties
        .iter()
        .map(|(name, value)| ((*name).to_owned(), Value::from(value.as_str())))
        .collect();
    json!({ "attributes": attributes, "properties": properties })
}

/// The settings saved in `text`, or `None` when it is not Folio's saved settings at all.
pub fn from_json(text: &str) -> Option<ReadingSettings> {
    let value: Value = serde_json::from_str(text).ok()?;
    if value.get("version")?.as_u64()? != VERSION {
        return None;
    }
    let saved = value.get("settings")?.as_object()?;
    let mut settings = ReadingSettings::defaults();
    let flag =
        |name: &str, default: bool| saved.get(name).and_then(Value::as_bool).unwrap_or(default);
    settings.enabled = flag("enabled", settings.enabled);
    settings.reduce_motion = flag("reduce_motion", settings.reduce_motion);
    settings.hide_images = flag("hide_images", settings.hide_images);
    settings.simplified_layout = flag("simplified_layout", settings.simplified_layout);
    for step in Step::ALL {
        let number = saved.get(step.key()).and_then(Value::as_u64);
        if let Some(number) = number {
            settings.set_step(step, u16::try_from(number).unwrap_or(u16::MAX));
        }
    }
    settings.preset = choice(saved, "preset").or(settings.preset);
    settings.font = choice::<Font>(saved, "font").unwrap_or(settings.font);
    settings.theme = choice::<Theme>(saved, "theme").unwrap_or(settings.theme);
    settings.alignment = choice::<Alignment>(saved, "alignment").unwrap_or(settings.alignment);
    settings.interface = choice(saved, "interface");
    Some(settings)
}

/// One of a fixed set of names, or `None` when missing or unknown.
fn choice<T: serde::de::DeserializeOwned>(saved: &Map<String, Value>, name: &str) -> Option<T> {
    serde_json::from_value(saved.get(name)?.clone()).ok()
}
