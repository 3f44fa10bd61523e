//! The phrases against Fluent's reference implementation, `fluent-bundle`, and the plural
//! forms a reader sees.

use super::*;

/// A value for each variable any phrase uses, its counts `n`.
fn args(n: i64) -> Vec<(&'static str, Arg<'static>)> {
    vec![
        ("minutes", n.into()),
        ("years", n.into()),
        ("number", n.into()),
        ("site", "RFE/RL".into()),
        ("value", n.into()),
        ("setting", "Theme".into()),
        ("name", "Comfort".into()),
        ("reason", "QuotaExceededError".into()),
        ("count", 12.into()),
        ("code", "synthesis-failed".into()),
        ("why", "the browser refused to speak".into()),
        ("language", "Russian".into()),
        ("tag", "ru".into()),
        ("speed", "1×".into()),
        ("tool", "Reading settings".into()),
    ]
}

/// Values to format every phrase with, at counts that take every plural form.
fn samples() -> Vec<Vec<(&'static str, Arg<'static>)>> {
    [0, 1, 2, 3, 4, 5, 11, 12, 21, 22, 25, 101, 1_000]
        .into_iter()
        .map(args)
        .collect()
}

/// A language's Fluent files, one after another in name order, as the build script reads them.
fn source(locale: Locale) -> String {
    let dir = format!(
        "{}/src/interface/{}",
        env!("CARGO_MANIFEST_DIR"),
        locale.tag()
    );
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|x| x == "ftl"))
        .filter(|path| !path.ends_with("offline.ftl"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|path| std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path:?}: {e}")))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Persian digits back to ASCII: `fluent-bundle` writes numbers in ASCII digits in every
/// language unless given a formatter, and Folio writes Persian ones.
fn ascii_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c as u32 {
            0x06F0..=0x06F9 => char::from_u32(c as u32 - 0x06F0 + '0' as u32).unwrap_or(c),
            _ => c,
        })
        .collect()
}

#[test]
fn every_phrase_reads_as_fluent_bundle_reads_it_in_every_language() {
    use fluent_bundle::{FluentArgs, FluentBundle, FluentResource};
    for locale in Locale::ALL {
        let resource = FluentResource::try_new(source(locale)).expect("the file parses");
        let tag = locale.tag().parse().expect("a language tag");
        let mut bundle = FluentBundle::new(vec![tag]);
        bundle.set_use_isolating(false);
        bundle.add_resource(resource).expect("no message twice");
        for phrase in Phrase::ALL {
            let message = bundle
                .get_message(phrase.id())
                .and_then(|m| m.value())
                .unwrap_or_else(|| panic!("{} has {}", locale.tag(), phrase.id()));
            for args in samples() {
                let mut fluent_args = FluentArgs::new();
                for (k, v) in &args {
                    match v {
                        Arg::Number(n) => fluent_args.set(*k, *n),
                        Arg::Text(t) => fluent_args.set(*k, *t),
                    }
                }
                let mut errors = Vec::new();
                let expected = bundle.format_pattern(message, Some(&fluent_args), &mut errors);
                assert!(errors.is_empty(), "{errors:?}");
                let ours = locale.say_with(phrase, &args);
                assert_eq!(
                    ascii_digits(&ours),
                    expected,
                    "{} {} {args:?}",
                    locale.tag(),
                    phrase.id()
                );
            }
        }
    }
}

#[test]
fn russian_counts_take_their_plural_forms() {
    let read = |n: i64| Locale::Ru.say_with(Phrase::ReadingTime, &[("minutes", n.into())]);
    assert_eq!(read(1), "1 минута чтения");
    assert_eq!(read(3), "3 минуты чтения");
    assert_eq!(read(5), "5 минут чтения");
    assert_eq!(read(21), "21 минута чтения");
    assert_eq!(read(12), "12 минут чтения");
    let old = |n: i64| Locale::Ru.say_with(Phrase::OlderThan, &[("years", n.into())]);
    assert_eq!(old(1), "Этой статье больше 1 года.");
    assert_eq!(old(2), "Этой статье больше 2 лет.");
    assert_eq!(old(19), "Этой статье больше 19 лет.");
    let en = |n: i64| Locale::En.say_with(Phrase::OlderThan, &[("years", n.into())]);
    assert_eq!(en(1), "This article is more than 1 year old.");
    assert_eq!(en(19), "This article is more than 19 years old.");
}

#[test]
fn persian_writes_its_numbers_in_persian_digits() {
    assert_eq!(
        Locale::Fa.say_with(Phrase::Footnote, &[("number", 12.into())]),
        "پانویس ۱۲"
    );
    assert_eq!(Locale::Fa.number(1_386), "۱۳۸۶");
    assert_eq!(Locale::Ru.number(1_386), "1386");
}

#[test]
fn no_phrase_is_left_in_english_in_another_language() {
    for locale in [Locale::Ru, Locale::Fa] {
        for phrase in Phrase::ALL {
            let args = args(5);
            let (theirs, english) = (
                locale.say_with(phrase, &args),
                Locale::En.say_with(phrase, &args),
            );
            assert_ne!(theirs, english, "{} {}", locale.tag(), phrase.id());
            assert!(
                !theirs.contains('{'),
                "{} {}: {theirs}",
                locale.tag(),
                phrase.id()
            );
        }
    }
}

#[test]
fn a_language_is_known_by_its_primary_tag() {
    assert_eq!(Locale::for_language("ru"), Some(Locale::Ru));
    assert_eq!(Locale::for_language("fa-IR"), Some(Locale::Fa));
    assert_eq!(Locale::for_language("EN-gb"), Some(Locale::En));
    assert_eq!(Locale::for_language("de"), None);
}

#[test]
fn a_missing_value_shows_its_name_and_never_panics() {
    assert_eq!(Locale::En.say(Phrase::Footnote), "Footnote {number}");
    assert_eq!(
        Locale::En.say(Phrase::OlderThan),
        "This article is more than {years} years old."
    );
}

#[cfg(not(target_arch = "wasm32"))]
#[test]
fn the_page_s_words_say_the_same_things_in_every_language() {
    let words: serde_json::Value = serde_json::from_str(PAGE_WORDS).expect("JSON");
    let english = words["en"].as_object().expect("English");
    assert!(english.len() >= 40, "the offline script's messages");
    let places = |text: &str| {
        let mut found: Vec<String> = text
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_owned()))
            .collect();
        found.sort();
        found
    };
    for locale in [Locale::Ru, Locale::Fa] {
        let theirs = words[locale.tag()].as_object().expect("a language");
        assert_eq!(theirs.len(), english.len(), "{}", locale.tag());
        for (id, text) in english {
            let (text, their) = (
                text.as_str().unwrap_or_default(),
                theirs[id].as_str().unwrap_or_default(),
            );
            assert_ne!(their, text, "{} {id} is English", locale.tag());
            assert_eq!(
                places(their),
                places(text),
                "{} {id}: the same values",
                locale.tag()
            );
        }
    }
}

#[test]
fn the_reader_s_choice_comes_first_then_the_article_s_language_then_the_browser_s() {
    let none = Languages::default();
    let browser_fa = Languages {
        chosen: None,
        browser: Some(Locale::Fa),
    };
    let chosen_ru = Languages {
        chosen: Some(Locale::Ru),
        browser: Some(Locale::Fa),
    };
    // An article's page: the article's language where Folio has it, else English.
    assert_eq!(browser_fa.interface(Some("ru")), Locale::Ru);
    assert_eq!(browser_fa.interface(Some("de")), Locale::En);
    // Folio's own pages: the browser's.
    assert_eq!(browser_fa.interface(None), Locale::Fa);
    assert_eq!(none.interface(None), Locale::En);
    // The reader's choice, everywhere.
    assert_eq!(chosen_ru.interface(Some("fa-IR")), Locale::Ru);
    assert_eq!(chosen_ru.interface(None), Locale::Ru);
    assert_eq!(Locale::first_of(["de-DE", "fa-IR", "en"]), Some(Locale::Fa));
}

#[test]
fn folio_s_words_are_marked_only_where_they_differ_from_their_surroundings() {
    let marks = |i: Interface| (i.lang, i.dir);
    assert_eq!(
        marks(Interface::beside(Locale::Ru, "ru", "ltr")),
        (None, None)
    );
    assert_eq!(
        marks(Interface::beside(Locale::Fa, "fa-IR", "rtl")),
        (None, None)
    );
    assert_eq!(
        marks(Interface::beside(Locale::En, "de", "ltr")),
        (Some("en"), None)
    );
    assert_eq!(
        marks(Interface::beside(Locale::En, "fa", "rtl")),
        (Some("en"), Some("ltr"))
    );
    assert_eq!(
        marks(Interface::beside(Locale::Fa, "ru", "ltr")),
        (Some("fa"), Some("rtl"))
    );
    assert_eq!(marks(Interface::whole_page(Locale::Fa)), (None, None));
}

#[test]
fn decimals_take_each_language_s_sign_and_digits() {
    assert_eq!(Locale::En.fixed(160, 2), "1.60");
    assert_eq!(Locale::Ru.fixed(50, 3), "0,050");
    assert_eq!(Locale::Fa.fixed(160, 2), "۱٫۶۰");
}
