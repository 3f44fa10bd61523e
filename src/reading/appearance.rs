//! What the reader's settings do to the page: `data-folio-*` attributes and `--folio-*`
//! custom properties on the root element, which the style sheets read. Pure: the browser
//! side that writes them is in `state.rs`, and `index.html` repeats it before first paint.

use crate::reading::settings::{Alignment, Font, ReadingSettings, Step, Theme};

/// Every attribute reading mode may set on `<html>`; any not in an [`Appearance`] is removed.
pub const ATTRIBUTES: [&str; 8] = [
    "data-folio-theme",
    "data-folio-motion",
    "data-folio-reading",
    "data-folio-font",
    "data-folio-align",
    "data-folio-images",
    "data-folio-layout",
    "data-folio-text",
];

/// From this text size on, in percent, long words hyphenate and headlines grow less, so
/// that a phone at 300% still fits every line.
pub const LARGE_TEXT: u16 = 200;

/// Every custom property reading mode may set on `<html>`.
pub const PROPERTIES: [&str; 6] = [
    "--folio-text-scale",
    "--folio-line-height",
    "--folio-letter-spacing",
    "--folio-word-spacing",
    "--folio-paragraph-spacing",
    "--folio-line-width",
];

/// The attributes and custom properties for one set of settings.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Appearance {
    /// `(name, value)` pairs, each name from [`ATTRIBUTES`].
    pub attributes: Vec<(&'static str, &'static str)>,
    /// `(name, value)` pairs, each name from [`PROPERTIES`], each value in relative units.
    pub properties: Vec<(&'static str, String)>,
}

impl Appearance {
    /// The value of an attribute, if set.
    pub fn attribute(&self, name: &str) -> Option<&'static str> {
        self.attributes
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| *v)
    }

    /// The value of a custom property, if set.
    pub fn property(&self, name: &str) -> Option<&str> {
        self.properties
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// The property a stepped control sets, and its value in CSS. Every value is relative
/// (a factor, `em` or `ch`), so browser zoom and the browser's font size still apply.
pub fn property_for(step: Step, value: u16) -> (&'static str, String) {
    let fraction = |v: u16, places: usize| {
        let scale = 10_u32.pow(places as u32);
        let whole = u32::from(v) / scale;
        let part = u32::from(v) % scale;
        if part == 0 {
            whole.to_string()
        } else {
            let digits = format!("{part:0places$}");
            format!("{whole}.{}", digits.trim_end_matches('0'))
        }
    };
    match step {
        Step::TextSize => ("--folio-text-scale", fraction(value, 2)),
        Step::LineHeight => ("--folio-line-height", fraction(value, 2)),
        Step::LetterSpacing => (
            "--folio-letter-spacing",
            format!("{}em", fraction(value, 3)),
        ),
        Step::WordSpacing => ("--folio-word-spacing", format!("{}em", fraction(value, 2))),
        Step::ParagraphSpacing => (
            "--folio-paragraph-spacing",
            format!("{}em", fraction(value, 1)),
        ),
        Step::LineWidth => ("--folio-line-width", format!("{value}ch")),
    }
}

/// The attributes and properties for `settings`. Theme and motion apply on every page
/// whether or not reading mode is on; the rest only while it is on.
pub fn appearance(settings: &ReadingSettings) -> Appearance {
    let mut look = Appearance::default();
    let theme = match settings.theme {
        Theme::System => None,
        Theme::Light => Some("light"),
        Theme::Sepia => Some("sepia"),
        Theme::Dark => Some("dark"),
        Theme::HighContrast => Some("high-contrast"),
    };
    if let Some(theme) = theme {
        look.attributes.push(("data-folio-theme", theme));
    }
    if settings.reduce_motion {
        look.attributes.push(("data-folio-motion", "reduce"));
    }
    if !settings.enabled {
        return look;
    }
    look.attributes.push(("data-folio-reading", "on"));
    let font = match settings.font {
        Font::Serif => "serif",
        Font::Sans => "sans",
        Font::Atkinson => "atkinson",
        Font::OpenDyslexic => "opendyslexic",
    };
    look.attributes.push(("data-folio-font", font));
    let align = match settings.alignment {
        Alignment::Start => "start",
        Alignment::Justified => "justify",
    };
    look.attributes.push(("data-folio-align", align));
    if settings.hide_images {
        look.attributes.push(("data-folio-images", "hidden"));
    }
    if settings.simplified_layout {
        look.attributes.push(("data-folio-layout", "simple"));
    }
    if settings.text_size >= LARGE_TEXT {
        look.attributes.push(("data-folio-text", "large"));
    }
    look.properties = Step::ALL
        .iter()
        .map(|step| property_for(*step, settings.step(*step)))
        .collect();
    look
}
