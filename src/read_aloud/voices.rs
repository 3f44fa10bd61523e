//! Pure choices behind read aloud: which voices fit an article's language, which one to
//! start with, the speeds offered, and the words the controls announce. No browser calls.

use crate::interface::{Locale, Phrase};

/// A speech-synthesis voice as the controls show it: plain data, copied from the browser's
/// `SpeechSynthesisVoice`, so it can live in a signal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Voice {
    /// The voice's name, unique among the browser's voices (`SpeechSynthesisVoice.name`).
    pub name: String,
    /// Its BCP 47 language tag, such as `en-US`.
    pub lang: String,
    /// Whether it is the browser's default voice.
    pub is_default: bool,
}

/// A language tag's primary subtag, lower-cased: `en` for `en-US`, `EN_gb` or `en`.
pub fn primary_subtag(tag: &str) -> String {
    tag.trim()
        .split(['-', '_'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase()
}

/// Whether a voice speaking `voice_lang` can read text in `article_lang`: their primary
/// subtags match, so an article in `en` is read by `en-US` and `en-GB` voices.
pub fn speaks(voice_lang: &str, article_lang: &str) -> bool {
    let article = primary_subtag(article_lang);
    !article.is_empty() && primary_subtag(voice_lang) == article
}

/// The voices, in the browser's order, that can read an article in `article_lang`.
pub fn voices_for(all: &[Voice], article_lang: &str) -> Vec<Voice> {
    all.iter()
        .filter(|v| speaks(&v.lang, article_lang))
        .cloned()
        .collect()
}

/// The voice to start with among `fitting`: the browser's default if it is one of them,
/// else one whose tag equals the article's exactly, else the first.
pub fn starting_voice(fitting: &[Voice], article_lang: &str) -> Option<String> {
    fitting
        .iter()
        .find(|v| v.is_default)
        .or_else(|| {
            fitting
                .iter()
                .find(|v| v.lang.eq_ignore_ascii_case(article_lang))
        })
        .or_else(|| fitting.first())
        .map(|v| v.name.clone())
}

/// The speeds offered: 0.5× to 3× in steps of 0.25.
pub fn speeds() -> impl Iterator<Item = f64> {
    (2..=12).map(|quarters| f64::from(quarters) * 0.25)
}

/// A speed in whole quarters, such as 6 for 1.5×. Integer arithmetic keeps the float
/// formatting and parsing code out of the WebAssembly.
pub fn quarters(rate: f64) -> u32 {
    (rate * 4.0 + 0.5) as u32
}

/// A speed as the reader sees it in `locale`: `0.75×`, `1× (normal)`, `2.5×`; `0,75×` in
/// Russian, `۰٫۷۵×` in Persian.
pub fn speed_label(rate: f64, locale: Locale) -> String {
    let q = quarters(rate);
    // Halves with one decimal place, quarters with two.
    let speed = match q % 4 {
        0 => locale.number(i64::from(q / 4)),
        2 => locale.fixed(i64::from(q / 2 * 5), 1),
        _ => locale.fixed(i64::from(q * 25), 2),
    };
    let speed = format!("{speed}×");
    if q == 4 {
        locale.say_with(
            Phrase::ListenSpeedNormal,
            &[("speed", speed.as_str().into())],
        )
    } else {
        speed
    }
}

/// What the status line says while paragraph `index` (from 0) of `count` is read.
pub fn reading_message(index: usize, count: usize, locale: Locale) -> String {
    paragraph_message(Phrase::ListenReading, index, count, locale)
}

/// What the status line says while paused at paragraph `index` (from 0) of `count`.
pub fn paused_message(index: usize, count: usize, locale: Locale) -> String {
    paragraph_message(Phrase::ListenPaused, index, count, locale)
}

fn paragraph_message(phrase: Phrase, index: usize, count: usize, locale: Locale) -> String {
    locale.say_with(
        phrase,
        &[
            ("number", (index as i64 + 1).into()),
            ("count", (count as i64).into()),
        ],
    )
}

/// The message shown instead of the controls when no voice speaks the article's language;
/// `name` is the language's display name in `locale`, when the browser has one.
pub fn no_voice_message(name: Option<&str>, tag: &str, locale: Locale) -> String {
    match name {
        Some(name) if !name.eq_ignore_ascii_case(tag) => locale.say_with(
            Phrase::ListenNoVoice,
            &[("language", name.into()), ("tag", tag.into())],
        ),
        _ => locale.say_with(Phrase::ListenNoVoiceUnnamed, &[("tag", tag.into())]),
    }
}

/// A button's name split round the words it shows: what a screen reader says before and
/// after `shown`, within `full` ("Previous" within "Previous paragraph" leaves " paragraph"
/// after it; Persian's "قبلی" within "بند قبلی" leaves "بند " before it). Nothing is hidden
/// where `full` does not contain `shown`.
pub fn hidden_around(shown: &str, full: &str) -> (String, String) {
    match full.find(shown) {
        Some(at) => (full[..at].to_owned(), full[at + shown.len()..].to_owned()),
        None => (String::new(), String::new()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn voice(name: &str, lang: &str, is_default: bool) -> Voice {
        Voice {
            name: name.into(),
            lang: lang.into(),
            is_default,
        }
    }

    #[test]
    fn a_voice_fits_when_the_primary_subtags_match() {
        for (voice_lang, article, fits) in [
            ("en-US", "en", true),
            ("en-GB", "en", true),
            ("en_AU", "en", true),
            ("EN", "en-US", true),
            ("ru-RU", "ru", true),
            ("ru-RU", "en", false),
            ("eng", "en", false),
            ("", "en", false),
            ("en-US", "", false),
        ] {
            assert_eq!(
                speaks(voice_lang, article),
                fits,
                "{voice_lang} for {article}"
            );
        }
    }

    #[test]
    fn only_fitting_voices_are_offered_in_the_browsers_order() {
        let all = [
            voice("A", "de-DE", true),
            voice("B", "en-GB", false),
            voice("C", "en-US", false),
        ];
        let names: Vec<_> = voices_for(&all, "en").into_iter().map(|v| v.name).collect();
        assert_eq!(names, ["B", "C"]);
        assert!(voices_for(&all, "ru").is_empty());
    }

    #[test]
    fn the_starting_voice_prefers_the_default_then_an_exact_tag_then_the_first() {
        let with_default = [voice("B", "en-GB", false), voice("C", "en-US", true)];
        assert_eq!(starting_voice(&with_default, "en").as_deref(), Some("C"));
        let exact = [voice("B", "en-GB", false), voice("C", "en", false)];
        assert_eq!(starting_voice(&exact, "en").as_deref(), Some("C"));
        let first = [voice("B", "en-GB", false), voice("C", "en-US", false)];
        assert_eq!(starting_voice(&first, "en").as_deref(), Some("B"));
        assert_eq!(starting_voice(&[], "en"), None);
    }

    #[test]
    fn speeds_run_from_half_to_three_in_quarter_steps() {
        let all: Vec<f64> = speeds().collect();
        assert_eq!(all.len(), 11);
        assert_eq!(all.first(), Some(&0.5));
        assert_eq!(all.last(), Some(&3.0));
        let labels: Vec<String> = [0.5, 0.75, 1.0, 1.25, 2.0, 3.0]
            .into_iter()
            .map(|r| speed_label(r, Locale::En))
            .collect();
        assert_eq!(
            labels,
            ["0.5×", "0.75×", "1× (normal)", "1.25×", "2×", "3×"]
        );
        assert_eq!(speed_label(2.5, Locale::Ru), "2,5×");
        assert_eq!(speed_label(1.0, Locale::Ru), "1× (обычная)");
        assert_eq!(speed_label(0.75, Locale::Fa), "۰٫۷۵×");
        assert_eq!(speed_label(1.0, Locale::Fa), "۱× (عادی)");
    }

    #[test]
    fn messages_count_paragraphs_from_one_and_name_the_language() {
        assert_eq!(
            reading_message(2, 12, Locale::En),
            "Reading paragraph 3 of 12"
        );
        assert_eq!(
            paused_message(0, 4, Locale::En),
            "Paused at paragraph 1 of 4"
        );
        assert_eq!(
            no_voice_message(Some("Russian"), "ru", Locale::En),
            "This browser has no voice for Russian (ru), so it cannot read this article aloud."
        );
        assert!(no_voice_message(None, "xx", Locale::En).contains("“xx”"));
        assert!(no_voice_message(Some("xx"), "xx", Locale::En).contains("“xx”"));
    }

    #[test]
    fn messages_are_in_the_interface_language() {
        assert_eq!(reading_message(2, 12, Locale::Ru), "Чтение абзаца 3 из 12");
        assert_eq!(
            paused_message(20, 21, Locale::Ru),
            "Пауза на абзаце 21 из 21"
        );
        assert_eq!(
            no_voice_message(Some("английский"), "en", Locale::Ru),
            "В этом браузере нет голоса для языка «английский» (en), поэтому он не может \
             прочитать эту статью вслух."
        );
        assert_eq!(
            reading_message(2, 12, Locale::Fa),
            "در حال خواندن بند ۳ از ۱۲"
        );
    }

    #[test]
    fn the_shown_word_of_previous_and_next_is_in_their_whole_name_in_every_language() {
        assert_eq!(
            hidden_around("Previous", "Previous paragraph"),
            (String::new(), " paragraph".to_owned())
        );
        assert_eq!(
            hidden_around("قبلی", "بند قبلی"),
            ("بند ".to_owned(), String::new())
        );
        for locale in Locale::ALL {
            for (shown, full) in [
                (Phrase::ListenPrevious, Phrase::ListenPreviousParagraph),
                (Phrase::ListenNext, Phrase::ListenNextParagraph),
            ] {
                let (shown, full) = (locale.say(shown), locale.say(full));
                let (before, after) = hidden_around(&shown, &full);
                assert_eq!(format!("{before}{shown}{after}"), full, "{}", locale.tag());
                assert!(full.len() > shown.len(), "{} {full}", locale.tag());
            }
        }
    }
}
