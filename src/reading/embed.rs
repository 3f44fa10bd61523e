//! Reading settings in a partner's frame: they come from the embed's address
//! (`theme=light|dark|auto`, `preset=comfort|large-text|dyslexia-friendly|high-contrast`),
//! never from the device's storage, which a frame may not have or may share with no one.
//! `index.html` applies the same before first paint, from [`looks_json`].

use crate::reading::settings::{Preset, ReadingSettings, Theme};

/// The settings an embed's query asks for, in `key=value` pairs: a preset, then a theme,
/// which wins over the preset's own. Unknown names and values are ignored.
pub fn from_query<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> ReadingSettings {
    let mut settings = ReadingSettings::defaults();
    let mut theme = None;
    for (key, value) in pairs {
        match key {
            "preset" => {
                if let Some(preset) = preset_named(value) {
                    settings.apply_preset(preset);
                }
            }
            "theme" => theme = theme_named(value).or(theme),
            _ => {}
        }
    }
    if let Some(theme) = theme {
        settings.theme = theme;
    }
    settings
}

/// `key=value` pairs of a query such as `?theme=dark&preset=comfort` (no decoding: every
/// value an embed reads is a plain word).
pub fn pairs(query: &str) -> impl Iterator<Item = (&str, &str)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| pair.split_once('='))
}

fn preset_named(name: &str) -> Option<Preset> {
    Preset::ALL
        .into_iter()
        .find(|preset| preset_name(*preset) == name)
}

/// A preset's name in an embed's address.
pub fn preset_name(preset: Preset) -> &'static str {
    match preset {
        Preset::Comfort => "comfort",
        Preset::LargeText => "large-text",
        Preset::DyslexiaFriendly => "dyslexia-friendly",
        Preset::HighContrast => "high-contrast",
    }
}

fn theme_named(name: &str) -> Option<Theme> {
    match name {
        "light" => Some(Theme::Light),
        "dark" => Some(Theme::Dark),
        "auto" => Some(Theme::System),
        _ => None,
    }
}

/// What `index.html`'s first script needs to apply an embed's query before first paint:
/// each preset's attributes and properties, and the `data-folio-theme` value of each theme
/// (`auto` removes it). Written into every embed page.
#[cfg(not(target_arch = "wasm32"))]
pub fn looks_json() -> String {
    use crate::reading::appearance::appearance;
    use crate::reading::saved::appearance_json;
    use serde_json::{json, Map, Value};

    let presets: Map<String, Value> = Preset::ALL
        .into_iter()
        .map(|preset| {
            let mut settings = ReadingSettings::defaults();
            settings.apply_preset(preset);
            (
                preset_name(preset).to_owned(),
                appearance_json(&appearance(&settings)),
            )
        })
        .collect();
    let theme = |name: &str| {
        let settings = from_query([("theme", name)]);
        appearance(&settings)
            .attribute("data-folio-theme")
            .map_or(Value::Null, Value::from)
    };
    json!({
        "presets": presets,
        "themes": { "light": theme("light"), "dark": theme("dark"), "auto": theme("auto") },
    })
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_query_picks_a_preset_and_a_theme_that_wins_over_it() {
        let comfort = from_query(pairs("?preset=comfort"));
        assert_eq!(comfort.preset, Some(Preset::Comfort));
        assert_eq!(comfort.theme, Theme::Sepia);
        let dark = from_query(pairs("preset=high-contrast&theme=dark"));
        assert_eq!(dark.preset, Some(Preset::HighContrast));
        assert_eq!(dark.theme, Theme::Dark);
        assert_eq!(
            from_query(pairs("theme=auto&preset=comfort")).theme,
            Theme::System
        );
    }

    #[test]
    fn unknown_options_leave_the_defaults() {
        for query in [
            "",
            "?",
            "preset=__proto__",
            "theme=sepia",
            "theme",
            "preset=Comfort&x=1",
        ] {
            assert_eq!(
                from_query(pairs(query)),
                ReadingSettings::defaults(),
                "{query}"
            );
        }
    }

    // The looks are written natively, into embed pages.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn the_looks_name_every_preset_and_theme() {
        let looks: serde_json::Value = serde_json::from_str(&looks_json()).unwrap();
        for preset in Preset::ALL {
            let look = &looks["presets"][preset_name(preset)];
            assert_eq!(look["attributes"]["data-folio-reading"], "on", "{preset:?}");
            assert!(look["properties"]["--folio-text-scale"].is_string());
        }
        assert_eq!(looks["themes"]["light"], "light");
        assert_eq!(looks["themes"]["dark"], "dark");
        assert!(looks["themes"]["auto"].is_null());
    }
}
