//! Folio's words in the browser: the plural rules the app takes from `Intl.PluralRules` are
//! the CLDR rules the static pages take from `intl_pluralrules`, and a Russian or Persian
//! article's own words are in its language when the app renders it.
#![cfg(target_arch = "wasm32")]

// Only `host` of the shared helpers is needed here.
#[allow(dead_code)]
mod browser;

use std::sync::Arc;

use browser::host;
use folio::article::ArticleView;
use folio::interface::{plural_category, Locale};
use folio::io::LoadedArticle;
use folio_bundle::read_bundle;
use leptos::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn native_category(locale: Locale, n: i64) -> &'static str {
    use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
    let tag = locale
        .tag()
        .parse::<unic_langid::LanguageIdentifier>()
        .unwrap();
    match PluralRules::create(tag, PluralRuleType::CARDINAL)
        .unwrap()
        .select(n)
        .unwrap()
    {
        PluralCategory::ZERO => "zero",
        PluralCategory::ONE => "one",
        PluralCategory::TWO => "two",
        PluralCategory::FEW => "few",
        PluralCategory::MANY => "many",
        PluralCategory::OTHER => "other",
    }
}

#[wasm_bindgen_test]
fn the_browser_s_plural_rules_are_the_static_pages_rules() {
    for locale in Locale::ALL {
        for n in 0..=250 {
            assert_eq!(
                plural_category(locale, n),
                native_category(locale, n),
                "{} {n}",
                locale.tag()
            );
        }
    }
    assert_eq!(
        plural_category(Locale::Ru, 3),
        "few",
        "not everything is other"
    );
}

fn article(manifest: &[u8], body: &[u8], base: &str) -> LoadedArticle {
    let (article, report) = read_bundle(manifest, body);
    LoadedArticle {
        article: Arc::new(article.unwrap_or_else(|| panic!("{report}"))),
        base: base.into(),
    }
}

#[wasm_bindgen_test]
fn a_russian_and_a_persian_article_speak_their_language_in_the_browser() {
    for (loaded, related, published) in [
        (
            article(
                include_bytes!("../public/bundles/folio-russian-test/bundle.json"),
                include_bytes!("../public/bundles/folio-russian-test/body.md"),
                "/bundles/folio-russian-test/",
            ),
            "По теме",
            "Опубликовано",
        ),
        (
            article(
                include_bytes!("../public/bundles/folio-persian-test/bundle.json"),
                include_bytes!("../public/bundles/folio-persian-test/body.md"),
                "/bundles/folio-persian-test/",
            ),
            "مطالب مرتبط",
            "منتشرشده در",
        ),
    ] {
        let el = host();
        let handle = leptos::mount::mount_to(el.clone(), move || view! { <ArticleView loaded/> });
        let text = |css: &str| {
            el.query_selector(css)
                .unwrap()
                .and_then(|e| e.text_content())
                .unwrap_or_default()
        };
        assert_eq!(text(".related__title"), related);
        assert_eq!(text(".published > span"), published);
        let title = el.query_selector(".related__title").unwrap().unwrap();
        assert_eq!(
            title.get_attribute("lang"),
            None,
            "no lang beside its own article's"
        );
        drop(handle);
    }
}
