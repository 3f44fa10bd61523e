//! The reader's settings for reading mode: what each control can be set to, the four
//! presets, and the defaults a first visit takes from the system. Pure data, no browser.

use serde::{Deserialize, Serialize};

use crate::interface::{Arg, Locale, Phrase};

/// One fine control whose value is one of a fixed list of steps, such as text size.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Step {
    /// Text size, in percent of the browser's own font size.
    TextSize,
    /// Line height, in hundredths of the font size.
    LineHeight,
    /// Extra space between letters, in thousandths of an em.
    LetterSpacing,
    /// Extra space between words, in hundredths of an em.
    WordSpacing,
    /// Space after each paragraph, in tenths of an em.
    ParagraphSpacing,
    /// Longest line, in characters.
    LineWidth,
}

impl Step {
    /// Every stepped control, in the order the panel shows them.
    pub const ALL: [Step; 6] = [
        Step::TextSize,
        Step::LineHeight,
        Step::LetterSpacing,
        Step::WordSpacing,
        Step::ParagraphSpacing,
        Step::LineWidth,
    ];

    /// The values the control can take, smallest first.
    pub fn values(self) -> &'static [u16] {
        match self {
            Step::TextSize => &[80, 90, 100, 110, 125, 150, 175, 200, 250, 300],
            Step::LineHeight => &[140, 150, 160, 180, 200, 220],
            Step::LetterSpacing => &[0, 20, 50, 80, 120, 160],
            Step::WordSpacing => &[0, 8, 16, 24, 32],
            Step::ParagraphSpacing => &[11, 15, 20, 25, 30],
            Step::LineWidth => &[45, 55, 60, 65, 75, 85],
        }
    }

    /// The control's value before the reader changes it.
    pub fn default_value(self) -> u16 {
        match self {
            Step::TextSize => 100,
            Step::LineHeight => 160,
            Step::LetterSpacing => 0,
            Step::WordSpacing => 0,
            Step::ParagraphSpacing => 11,
            Step::LineWidth => 65,
        }
    }

    /// The control's label.
    pub fn label(self) -> Phrase {
        match self {
            Step::TextSize => Phrase::TextSize,
            Step::LineHeight => Phrase::LineHeight,
            Step::LetterSpacing => Phrase::LetterSpacing,
            Step::WordSpacing => Phrase::WordSpacing,
            Step::ParagraphSpacing => Phrase::ParagraphSpacing,
            Step::LineWidth => Phrase::LineWidth,
        }
    }

    /// The control's name in the saved settings and in its element's id, in every language.
    pub fn key(self) -> &'static str {
        match self {
            Step::TextSize => "text_size",
            Step::LineHeight => "line_height",
            Step::LetterSpacing => "letter_spacing",
            Step::WordSpacing => "word_spacing",
            Step::ParagraphSpacing => "paragraph_spacing",
            Step::LineWidth => "line_width",
        }
    }

    /// A value as the reader reads it in `locale`, such as "125%" or "65 characters".
    pub fn describe(self, value: u16, locale: Locale) -> String {
        let number = |n: u16| ("value", Arg::Number(i64::from(n)));
        let em = |v: u16, places: u32| format!("{} em", locale.fixed(v.into(), places));
        match self {
            Step::TextSize => locale.say_with(Phrase::ValuePercent, &[number(value)]),
            Step::LineHeight => locale.fixed(value.into(), 2),
            Step::LetterSpacing | Step::WordSpacing if value == 0 => {
                locale.say(Phrase::ValueNormal)
            }
            Step::LetterSpacing => em(value, 3),
            Step::WordSpacing => em(value, 2),
            Step::ParagraphSpacing => em(value, 1),
            Step::LineWidth => locale.say_with(Phrase::ValueCharacters, &[number(value)]),
        }
    }

    /// The allowed value nearest to `value`, so an old or edited saved setting still fits.
    pub fn nearest(self, value: u16) -> u16 {
        let values = self.values();
        values
            .iter()
            .copied()
            .min_by_key(|v| v.abs_diff(value))
            .unwrap_or(self.default_value())
    }

    /// The position of `value` in [`Step::values`].
    pub fn index_of(self, value: u16) -> usize {
        let nearest = self.nearest(value);
        self.values()
            .iter()
            .position(|v| *v == nearest)
            .unwrap_or(0)
    }

    /// The value at `index`, clamped to the list.
    pub fn at(self, index: usize) -> u16 {
        let values = self.values();
        values[index.min(values.len() - 1)]
    }
}

/// The typeface of an article in reading mode.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Font {
    /// The system's serif, as the article is normally set.
    Serif,
    /// The system's sans-serif.
    Sans,
    /// Atkinson Hyperlegible, for low vision; loaded only when chosen.
    Atkinson,
    /// OpenDyslexic; loaded only when chosen.
    OpenDyslexic,
}

/// The colours of every page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Theme {
    /// Light or dark, and high contrast, as the system asks.
    System,
    /// Dark text on off-white.
    Light,
    /// Brown text on cream.
    Sepia,
    /// Light text on near-black.
    Dark,
    /// White text and yellow links on black.
    HighContrast,
}

/// How lines of text line up.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Alignment {
    /// Ragged at the end of the line.
    Start,
    /// Both edges straight, with hyphenation.
    Justified,
}

/// A named set of fine settings the reader can start from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Preset {
    /// Slightly larger, airier text on cream.
    Comfort,
    /// Large sans-serif text in one column.
    LargeText,
    /// OpenDyslexic, wide spacing, short lines, cream background, one column.
    DyslexiaFriendly,
    /// White on black with yellow links, in Atkinson Hyperlegible.
    HighContrast,
}

impl Preset {
    /// Every preset, in the order the panel shows them.
    pub const ALL: [Preset; 4] = [
        Preset::Comfort,
        Preset::LargeText,
        Preset::DyslexiaFriendly,
        Preset::HighContrast,
    ];

    /// The preset's name.
    pub fn label(self) -> Phrase {
        match self {
            Preset::Comfort => Phrase::PresetComfort,
            Preset::LargeText => Phrase::PresetLargeText,
            Preset::DyslexiaFriendly => Phrase::PresetDyslexiaFriendly,
            Preset::HighContrast => Phrase::PresetHighContrast,
        }
    }
}

/// Everything the reading-settings panel controls.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ReadingSettings {
    /// Whether reading mode is on: the text and layout settings apply to articles.
    pub enabled: bool,
    /// The preset last chosen, until a fine control changes.
    pub preset: Option<Preset>,
    /// Text size, in percent.
    pub text_size: u16,
    /// Line height, in hundredths.
    pub line_height: u16,
    /// Letter spacing, in thousandths of an em.
    pub letter_spacing: u16,
    /// Word spacing, in hundredths of an em.
    pub word_spacing: u16,
    /// Paragraph spacing, in tenths of an em.
    pub paragraph_spacing: u16,
    /// Line width, in characters.
    pub line_width: u16,
    /// Start or justified.
    pub alignment: Alignment,
    /// The typeface.
    pub font: Font,
    /// The colours; they apply whether or not reading mode is on.
    pub theme: Theme,
    /// No smooth scrolling, transitions or animation even where the system does not ask
    /// (where it asks, motion is reduced anyway); applies whether or not reading mode is on.
    pub reduce_motion: bool,
    /// Photos are left out; their captions stay.
    pub hide_images: bool,
    /// One column: the sidebar, related links and notices come after the story.
    pub simplified_layout: bool,
    /// The language of Folio's own words, where the reader chose one; otherwise an
    /// article's page speaks the article's language where Folio has it, and Folio's own
    /// pages the browser's (`interface::Languages`).
    pub interface: Option<crate::interface::Locale>,
}

impl ReadingSettings {
    /// The settings of a first visit. They set nothing, so the system is followed: the
    /// colour scheme, contrast and motion it asks for are applied by CSS media queries (and
    /// read aloud checks reduced motion itself). No field copies them, since a copy would be
    /// saved with the reader's first change and stop following the system.
    pub fn defaults() -> Self {
        Self {
            enabled: false,
            preset: None,
            interface: None,
            text_size: Step::TextSize.default_value(),
            line_height: Step::LineHeight.default_value(),
            letter_spacing: Step::LetterSpacing.default_value(),
            word_spacing: Step::WordSpacing.default_value(),
            paragraph_spacing: Step::ParagraphSpacing.default_value(),
            line_width: Step::LineWidth.default_value(),
            alignment: Alignment::Start,
            font: Font::Serif,
            theme: Theme::System,
            // The system's own request is honoured by CSS and by read aloud whatever this
            // says; the box means "reduce motion even where the system does not ask".
            reduce_motion: false,
            hide_images: false,
            simplified_layout: false,
        }
    }

    /// The value of a stepped control.
    pub fn step(&self, step: Step) -> u16 {
        match step {
            Step::TextSize => self.text_size,
            Step::LineHeight => self.line_height,
            Step::LetterSpacing => self.letter_spacing,
            Step::WordSpacing => self.word_spacing,
            Step::ParagraphSpacing => self.paragraph_spacing,
            Step::LineWidth => self.line_width,
        }
    }

    /// Sets a stepped control to the allowed value nearest `value`.
    pub fn set_step(&mut self, step: Step, value: u16) {
        let value = step.nearest(value);
        let field = match step {
            Step::TextSize => &mut self.text_size,
            Step::LineHeight => &mut self.line_height,
            Step::LetterSpacing => &mut self.letter_spacing,
            Step::WordSpacing => &mut self.word_spacing,
            Step::ParagraphSpacing => &mut self.paragraph_spacing,
            Step::LineWidth => &mut self.line_width,
        };
        *field = value;
    }

    /// Applies a preset: reading mode on, and every fine setting the preset names.
    /// Settings a preset does not name, such as hiding images, stay as they were.
    pub fn apply_preset(&mut self, preset: Preset) {
        let (size, line, letter, word, paragraph, width, font, simple) = match preset {
            Preset::Comfort => (110, 180, 20, 8, 15, 60, Font::Serif, false),
            Preset::LargeText => (175, 160, 0, 8, 15, 55, Font::Sans, true),
            Preset::DyslexiaFriendly => (125, 200, 50, 16, 20, 55, Font::OpenDyslexic, true),
            Preset::HighContrast => (125, 160, 20, 8, 15, 65, Font::Atkinson, false),
        };
        for (step, value) in [
            (Step::TextSize, size),
            (Step::LineHeight, line),
            (Step::LetterSpacing, letter),
            (Step::WordSpacing, word),
            (Step::ParagraphSpacing, paragraph),
            (Step::LineWidth, width),
        ] {
            self.set_step(step, value);
        }
        self.font = font;
        self.alignment = Alignment::Start;
        self.simplified_layout = simple;
        self.theme = match preset {
            Preset::Comfort | Preset::DyslexiaFriendly => Theme::Sepia,
            Preset::HighContrast => Theme::HighContrast,
            Preset::LargeText => self.theme,
        };
        self.enabled = true;
        self.preset = Some(preset);
    }
}
