//! Reading-mode settings without a browser: presets, steps, the mapping to attributes and
//! custom properties, and the saved form, including saved values that are damaged or hostile.

use folio::reading::appearance::{appearance, property_for, ATTRIBUTES, PROPERTIES};
use folio::reading::saved::{from_json, to_json};
use folio::reading::settings::{Alignment, Font, Preset, ReadingSettings, Step, Theme};

fn defaults() -> ReadingSettings {
    ReadingSettings::defaults()
}

#[test]
fn text_size_has_at_least_eight_steps_from_80_to_300_percent() {
    let sizes = Step::TextSize.values();
    assert!(sizes.len() >= 8, "{sizes:?}");
    assert_eq!(sizes.first(), Some(&80));
    assert_eq!(sizes.last(), Some(&300));
    assert!(
        sizes.windows(2).all(|w| w[0] < w[1]),
        "steps rise: {sizes:?}"
    );
}

#[test]
fn every_step_default_is_one_of_its_values_and_nearest_snaps() {
    for step in Step::ALL {
        assert!(step.values().contains(&step.default_value()), "{step:?}");
        for value in step.values() {
            assert_eq!(step.nearest(*value), *value);
            assert_eq!(step.at(step.index_of(*value)), *value);
        }
    }
    assert_eq!(Step::TextSize.nearest(1000), 300);
    assert_eq!(Step::TextSize.nearest(0), 80);
    assert_eq!(Step::TextSize.nearest(130), 125);
    assert_eq!(Step::TextSize.at(99), 300);
}

#[test]
fn a_first_visit_follows_the_system_and_leaves_reading_mode_off() {
    let calm = ReadingSettings::defaults();
    assert!(
        !calm.reduce_motion,
        "the system's request is followed by CSS, not copied into a setting that would be saved"
    );
    assert!(!calm.enabled);
    assert_eq!(calm.theme, Theme::System);
    let look = appearance(&calm);
    assert_eq!(look.attribute("data-folio-motion"), None);
    assert_eq!(
        look.attribute("data-folio-theme"),
        None,
        "the system picks the colours"
    );
    assert_eq!(look.attribute("data-folio-reading"), None);
    assert!(
        look.properties.is_empty(),
        "no text settings while reading mode is off"
    );
    assert!(!defaults().reduce_motion);
}

#[test]
fn each_preset_turns_reading_mode_on_and_sets_its_fine_controls() {
    for preset in Preset::ALL {
        let mut s = defaults();
        s.apply_preset(preset);
        assert!(s.enabled, "{preset:?}");
        assert_eq!(s.preset, Some(preset));
        assert_eq!(s.alignment, Alignment::Start, "no preset justifies text");
    }
    let mut s = defaults();
    s.apply_preset(Preset::DyslexiaFriendly);
    assert_eq!(s.font, Font::OpenDyslexic);
    assert!(s.letter_spacing >= 50 && s.word_spacing >= 16 && s.line_height >= 150);
    s.apply_preset(Preset::HighContrast);
    assert_eq!(s.theme, Theme::HighContrast);
    s.apply_preset(Preset::LargeText);
    assert!(s.text_size >= 175);
    assert_eq!(
        s.theme,
        Theme::HighContrast,
        "Large text keeps the reader's theme"
    );
}

#[test]
fn a_preset_keeps_settings_it_does_not_name() {
    let mut s = defaults();
    s.hide_images = true;
    s.reduce_motion = true;
    s.apply_preset(Preset::Comfort);
    assert!(s.hide_images && s.reduce_motion);
}

#[test]
fn reading_mode_maps_every_setting_to_an_attribute_or_a_relative_property() {
    let mut s = defaults();
    s.apply_preset(Preset::DyslexiaFriendly);
    s.hide_images = true;
    s.alignment = Alignment::Justified;
    let look = appearance(&s);
    assert_eq!(look.attribute("data-folio-reading"), Some("on"));
    assert_eq!(look.attribute("data-folio-font"), Some("opendyslexic"));
    assert_eq!(look.attribute("data-folio-theme"), Some("sepia"));
    assert_eq!(look.attribute("data-folio-align"), Some("justify"));
    assert_eq!(look.attribute("data-folio-images"), Some("hidden"));
    assert_eq!(look.attribute("data-folio-layout"), Some("simple"));
    assert_eq!(look.property("--folio-text-scale"), Some("1.25"));
    assert_eq!(look.property("--folio-line-height"), Some("2"));
    assert_eq!(look.property("--folio-letter-spacing"), Some("0.05em"));
    assert_eq!(
        look.attribute("data-folio-text"),
        None,
        "125% is not large text"
    );
    assert_eq!(look.property("--folio-word-spacing"), Some("0.16em"));
    assert_eq!(look.property("--folio-paragraph-spacing"), Some("2em"));
    assert_eq!(look.property("--folio-line-width"), Some("55ch"));
    for (name, _) in &look.attributes {
        assert!(ATTRIBUTES.contains(name), "{name} is a known attribute");
    }
    assert_eq!(look.properties.len(), PROPERTIES.len());
}

#[test]
fn large_text_hyphenates_from_200_percent() {
    let mut s = defaults();
    s.enabled = true;
    s.set_step(Step::TextSize, 175);
    assert_eq!(appearance(&s).attribute("data-folio-text"), None);
    s.set_step(Step::TextSize, 200);
    assert_eq!(appearance(&s).attribute("data-folio-text"), Some("large"));
    s.enabled = false;
    assert_eq!(
        appearance(&s).attribute("data-folio-text"),
        None,
        "only in reading mode"
    );
}

#[test]
fn no_property_is_ever_in_pixels() {
    for step in Step::ALL {
        for value in step.values() {
            let (name, css) = property_for(step, *value);
            assert!(PROPERTIES.contains(&name));
            assert!(!css.contains("px"), "{name}: {css}");
            let number = css.trim_end_matches("em").trim_end_matches("ch");
            assert!(
                number.parse::<f64>().is_ok(),
                "{name}: {css} is a plain number and unit"
            );
        }
    }
    assert_eq!(property_for(Step::TextSize, 80).1, "0.8");
    assert_eq!(property_for(Step::TextSize, 300).1, "3");
    assert_eq!(property_for(Step::LetterSpacing, 20).1, "0.02em");
    assert_eq!(property_for(Step::LineHeight, 140).1, "1.4");
    assert_eq!(property_for(Step::ParagraphSpacing, 11).1, "1.1em");
}

#[test]
fn themes_apply_with_reading_mode_off() {
    for (theme, name) in [
        (Theme::Light, "light"),
        (Theme::Sepia, "sepia"),
        (Theme::Dark, "dark"),
        (Theme::HighContrast, "high-contrast"),
    ] {
        let mut s = defaults();
        s.theme = theme;
        assert_eq!(appearance(&s).attribute("data-folio-theme"), Some(name));
    }
}

#[test]
fn saved_settings_come_back_the_same() {
    let mut s = defaults();
    s.apply_preset(Preset::HighContrast);
    s.set_step(Step::TextSize, 300);
    s.hide_images = true;
    s.preset = None;
    s.interface = Some(folio::interface::Locale::Fa);
    let text = to_json(&s);
    assert_eq!(from_json(&text), Some(s));
    assert!(text.contains("\"interface\":\"fa\""), "{text}");
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        value["appearance"]["attributes"]["data-folio-theme"],
        "high-contrast"
    );
    assert_eq!(value["appearance"]["properties"]["--folio-text-scale"], "3");
}

#[test]
fn damaged_saved_settings_fall_back_field_by_field_and_never_panic() {
    for text in [
        "",
        "null",
        "[]",
        "{",
        "{\"version\":2,\"settings\":{}}",
        "\u{0}",
        "{\"version\":1}",
    ] {
        assert_eq!(from_json(text), None, "{text:?}");
    }
    let odd = r#"{"version":1,"settings":{"enabled":"yes","text_size":99999999,"font":"comic-sans",
        "theme":"dark","line_width":-4,"letter_spacing":1e9,"hide_images":true,"extra":{"x":1},
        "interface":"klingon"}}"#;
    let s = from_json(odd).expect("Folio's settings, partly damaged");
    assert!(!s.enabled, "a non-boolean keeps the default");
    assert_eq!(s.text_size, 300, "too large snaps to the largest step");
    assert_eq!(s.font, Font::Serif, "an unknown font keeps the default");
    assert_eq!(s.theme, Theme::Dark);
    assert_eq!(s.line_width, Step::LineWidth.default_value());
    assert_eq!(s.letter_spacing, Step::LetterSpacing.default_value());
    assert!(s.hide_images);
    assert_eq!(s.interface, None, "an unknown language is no choice");
}

#[test]
fn only_settings_are_saved_never_reading_history() {
    let text = to_json(&defaults());
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    let keys: Vec<&str> = value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys.len(), 3, "{keys:?}");
    for key in ["version", "settings", "appearance"] {
        assert!(keys.contains(&key), "{keys:?}");
    }
    assert!(
        !text.contains("article") && !text.contains("bundle"),
        "{text}"
    );
}
