//! Which language Folio speaks on a page: the reader's choice, the article's language or
//! the browser's ([`Languages`]), and how its words are marked among others ([`Interface`]).

use super::{Arg, Locale, Phrase};

/// The reader's languages as the page knows them: the interface language chosen in
/// Reading settings, and the first of the browser's that Folio has. A static page knows
/// neither; the app reads both before it renders.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Languages {
    /// Chosen by the reader, and kept with the reading settings.
    pub chosen: Option<Locale>,
    /// The browser's.
    pub browser: Option<Locale>,
}

impl Languages {
    /// The interface of a page around content in `language` (an article's), or of a page
    /// of Folio's own when `None`: the reader's choice; else the article's language where
    /// Folio has it (so a Russian article's page is in Russian, as its static page is); else,
    /// on Folio's own pages, the browser's; else English.
    pub fn interface(self, language: Option<&str>) -> Locale {
        let own = match language {
            Some(language) => Locale::for_language(language),
            None => self.browser,
        };
        self.chosen.or(own).unwrap_or_default()
    }
}

/// Folio's words on the page being rendered: their language, and the `lang` and `dir` to
/// mark them with where they differ from the words around them (WCAG 3.1.2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Interface {
    /// The language of Folio's words.
    pub locale: Locale,
    /// `lang` for an element of Folio's words, where the surroundings are in another
    /// language.
    pub lang: Option<&'static str>,
    /// `dir` for such an element, where the surroundings run the other way.
    pub dir: Option<&'static str>,
}

impl Interface {
    /// Folio's words in `locale` among words in `language` (a tag, such as `fa-IR`)
    /// written in `direction` (`ltr` or `rtl`).
    pub fn beside(locale: Locale, language: &str, direction: &str) -> Interface {
        Interface {
            locale,
            lang: (Locale::for_language(language) != Some(locale)).then(|| locale.tag()),
            dir: (locale.direction() != direction).then(|| locale.direction()),
        }
    }

    /// Folio's words on a page that is all in `locale`: nothing to mark.
    pub fn whole_page(locale: Locale) -> Interface {
        Interface {
            locale,
            lang: None,
            dir: None,
        }
    }

    /// `phrase` in the interface's language.
    pub fn say(self, phrase: Phrase) -> String {
        self.locale.say(phrase)
    }

    /// `phrase` with its variables' values.
    pub fn say_with(self, phrase: Phrase, args: &[(&str, Arg)]) -> String {
        self.locale.say_with(phrase, args)
    }
}

/// The interface of the page being rendered: English, unmarked, where none was provided.
pub fn use_interface() -> Interface {
    leptos::prelude::use_context::<Interface>().unwrap_or_default()
}

/// The reader's languages, as the app read them; none on a static page.
pub fn use_languages() -> Languages {
    leptos::prelude::use_context::<Languages>().unwrap_or_default()
}
