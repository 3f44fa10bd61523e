//! Folio's own words in the reader's language: the phrases of `src/interface/*.ftl` (Fluent),
//! compiled in by the build script, and formatted here with the language's plural rules,
//! the same natively (static pages) and in the browser (`docs/adr/012-interface-languages.md`).

/// One piece of a phrase, as the build script writes it from a Fluent pattern.
#[derive(Debug)]
pub enum Part {
    /// Text as written.
    Text(&'static str),
    /// The value of a variable, such as `$minutes`.
    Var(&'static str),
    /// Fluent's selection on a variable: the variants with their keys, and the default's
    /// index.
    Select(&'static str, &'static [(Key, &'static [Part])], usize),
}

/// A variant's key.
#[derive(Debug)]
pub enum Key {
    /// A plural category (`one`, `few`, `many`, `other`) or a text value.
    Category(&'static str),
    /// An exact number, as in `[0]`.
    Exact(i64),
}

include!(concat!(env!("OUT_DIR"), "/phrases.rs"));

mod choice;
#[cfg(not(target_arch = "wasm32"))]
mod page_words;

pub use choice::{use_interface, use_languages, Interface, Languages};
#[cfg(not(target_arch = "wasm32"))]
pub use page_words::{page_word, page_words, PAGE_WORDS};

/// A language Folio's interface is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    /// English, the source of the others.
    #[default]
    En,
    /// Russian.
    Ru,
    /// Persian, right to left.
    Fa,
}

impl Locale {
    /// Every interface language.
    pub const ALL: [Locale; 3] = [Locale::En, Locale::Ru, Locale::Fa];

    /// The language's tag, for `lang`.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Ru => "ru",
            Locale::Fa => "fa",
        }
    }

    /// The direction the language is written in, for `dir`.
    pub fn direction(self) -> &'static str {
        match self {
            Locale::En | Locale::Ru => "ltr",
            Locale::Fa => "rtl",
        }
    }

    /// The language's name in itself, as a reader looks for it in a list of languages.
    pub fn name(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::Ru => "Русский",
            Locale::Fa => "فارسی",
        }
    }

    /// The first of `languages` (the reader's, most wanted first, such as the browser's
    /// `navigator.languages`) that Folio's interface has.
    pub fn first_of<'a>(languages: impl IntoIterator<Item = &'a str>) -> Option<Locale> {
        languages.into_iter().find_map(Locale::for_language)
    }

    /// The interface language for content in `language` (a tag such as `ru` or `fa-IR`),
    /// if Folio has one.
    pub fn for_language(language: &str) -> Option<Locale> {
        let primary = language.split('-').next().unwrap_or_default();
        Locale::ALL
            .into_iter()
            .find(|l| l.tag().eq_ignore_ascii_case(primary))
    }

    fn phrases(self) -> &'static [&'static [Part]] {
        match self {
            Locale::En => &EN,
            Locale::Ru => &RU,
            Locale::Fa => &FA,
        }
    }

    /// `phrase` in this language, with no variables.
    pub fn say(self, phrase: Phrase) -> String {
        self.say_with(phrase, &[])
    }

    /// `phrase` in this language with its variables' values, such as
    /// `("minutes", 4.into())`.
    pub fn say_with(self, phrase: Phrase, args: &[(&str, Arg)]) -> String {
        let mut out = String::new();
        // The tables follow `Phrase`'s order, so a phrase's discriminant is its place.
        let parts = self
            .phrases()
            .get(phrase as usize)
            .copied()
            .unwrap_or_default();
        self.write(parts, args, &mut out);
        out
    }

    fn write(self, parts: &[Part], args: &[(&str, Arg)], out: &mut String) {
        for part in parts {
            match part {
                Part::Text(t) => out.push_str(t),
                Part::Var(name) => match value(args, name) {
                    Some(Arg::Number(n)) => out.push_str(&self.number(*n)),
                    Some(Arg::Text(t)) => out.push_str(t),
                    // A missing value shows as Fluent shows it, never as a panic.
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                },
                Part::Select(name, variants, default) => {
                    let chosen = value(args, name).and_then(|arg| {
                        let (exact, category) = match arg {
                            Arg::Number(n) => (Some(*n), plural_category(self, *n)),
                            Arg::Text(t) => (None, *t),
                        };
                        variants
                            .iter()
                            .find(|(k, _)| matches!(k, Key::Exact(e) if Some(*e) == exact))
                            .or_else(|| {
                                variants
                                    .iter()
                                    .find(|(k, _)| matches!(k, Key::Category(c) if *c == category))
                            })
                    });
                    let parts = chosen.or(variants.get(*default)).map(|(_, p)| *p);
                    self.write(parts.unwrap_or_default(), args, out);
                }
            }
        }
    }

    /// `value` with its last `places` digits after the
    /// language's decimal sign, such as 160 at 2 places: "1.60", "1,60", "۱٫۶۰".
    pub fn fixed(self, value: i64, places: u32) -> String {
        let scale = 10_i64.pow(places);
        let (whole, part) = (value / scale, value % scale);
        let width = places as usize;
        match self {
            Locale::En => format!("{whole}.{part:0width$}"),
            Locale::Ru => format!("{whole},{part:0width$}"),
            Locale::Fa => format!(
                "{}\u{66B}{}",
                self.number(whole),
                crate::host::dates::persian_digits(part, width)
            ),
        }
    }

    /// A whole number as this language writes it: Persian in Persian digits.
    pub fn number(self, n: i64) -> String {
        match self {
            Locale::Fa => crate::host::dates::persian_digits(n, 1),
            Locale::En | Locale::Ru => n.to_string(),
        }
    }
}

/// A variable's value.
#[derive(Clone, Copy, Debug)]
pub enum Arg<'a> {
    /// A whole number: written in the language's digits, and selecting a plural form.
    Number(i64),
    /// Text, written as it is.
    Text(&'a str),
}

impl From<i64> for Arg<'_> {
    fn from(n: i64) -> Self {
        Arg::Number(n)
    }
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(t: &'a str) -> Self {
        Arg::Text(t)
    }
}

fn value<'a, 'b>(args: &'b [(&str, Arg<'a>)], name: &str) -> Option<&'b Arg<'a>> {
    args.iter().find(|(k, _)| *k == name).map(|(_, v)| v)
}

/// The CLDR plural category of `n` in `locale`: from the browser's `Intl.PluralRules`.
#[cfg(target_arch = "wasm32")]
pub fn plural_category(locale: Locale, n: i64) -> &'static str {
    let rules = crate::intl::format(
        "PluralRules",
        locale.tag(),
        &js_sys::Object::new(),
        "select",
        &wasm_bindgen::JsValue::from_f64(n as f64),
    );
    category_named(rules.as_deref().unwrap_or("other"))
}

/// The CLDR plural category of `n` in `locale`: from `intl_pluralrules`, Fluent's own
/// CLDR rules (the browser's `Intl.PluralRules` is checked against them in the wasm tests).
#[cfg(not(target_arch = "wasm32"))]
pub fn plural_category(locale: Locale, n: i64) -> &'static str {
    use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
    let rules = locale
        .tag()
        .parse::<unic_langid::LanguageIdentifier>()
        .ok()
        .and_then(|tag| PluralRules::create(tag, PluralRuleType::CARDINAL).ok());
    match rules.and_then(|r| r.select(n).ok()) {
        Some(PluralCategory::ZERO) => "zero",
        Some(PluralCategory::ONE) => "one",
        Some(PluralCategory::TWO) => "two",
        Some(PluralCategory::FEW) => "few",
        Some(PluralCategory::MANY) => "many",
        Some(PluralCategory::OTHER) | None => "other",
    }
}

/// The category's name as a `&'static str`.
#[cfg(target_arch = "wasm32")]
fn category_named(name: &str) -> &'static str {
    ["zero", "one", "two", "few", "many"]
        .into_iter()
        .find(|c| *c == name)
        .unwrap_or("other")
}

#[cfg(test)]
mod tests;
