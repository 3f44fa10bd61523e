//! Language of parts (WCAG 3.1.2): an article's page is in the article's language, and on
//! it each of Folio's own words, shown or spoken (text, hidden prefixes, `aria-label`s),
//! carries the interface's `lang`, so a screen reader does not read "Published" with
//! Russian rules; on an English article's page nothing needs to.

use folio_e2e::{article, phrases, Browser};
use serde_json::{json, Value};

/// Every piece of text and every `aria-label` in the page's body that has Latin letters
/// and no Cyrillic or Arabic-script ones, with the language it is in (its nearest `lang`), the element holding
/// it, and whether the bundle's own files hold it (arguments: the bundle's texts).
const WORDS: &str = "const bundle = arguments[0];
  const article = document.body;
  const found = [];
  const lang = (e) => e.closest('[lang]').getAttribute('lang');
  const where = (e) => e.localName + '.' + String(e.getAttribute('class') || '').split(' ')[0];
  const latin = (t) => /[A-Za-z]/.test(t) && !/[\\u0400-\\u04FF\\u0600-\\u06FF]/.test(t);
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    if (walker.currentNode.parentElement.closest('script, style')) continue;
    const t = walker.currentNode.textContent.trim();
    if (latin(t)) found.push([t, lang(walker.currentNode.parentElement), where(walker.currentNode.parentElement), bundle.some(b => b.includes(t))]);
  }
  for (const e of article.querySelectorAll('[aria-label]')) {
    const t = e.getAttribute('aria-label');
    if (latin(t)) found.push([t, lang(e), where(e) + '[aria-label]', bundle.some(b => b.includes(t))]);
  }
  return found;";

async fn bundle_texts(id: &str) -> Vec<String> {
    let mut texts = Vec::new();
    for file in ["bundle.json", "body.md"] {
        let path = folio_e2e::repo().join(format!("public/bundles/{id}/{file}"));
        texts.push(std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}")));
    }
    texts
}

#[tokio::test]
async fn with_english_chosen_on_a_russian_article_s_page_every_word_of_folio_s_own_is_marked_english(
) {
    every_word_of_folio_s_own_is_marked_english("folio-russian-test", "ru").await;
}

#[tokio::test]
async fn with_english_chosen_on_a_persian_article_s_page_every_word_of_folio_s_own_is_marked_english(
) {
    every_word_of_folio_s_own_is_marked_english("folio-persian-test", "fa").await;
}

/// With English chosen for Folio's words, on a page in `language`.
async fn every_word_of_folio_s_own_is_marked_english(id: &str, language: &str) {
    let b = Browser::start(1280, 900).await;
    b.open(&article(id)).await;
    folio_e2e::reading::choose_language(&b, "English").await;
    assert_eq!(b.text(".site-header__saved").await, "Saved articles");
    let langs = b
        .eval("return [document.documentElement.lang, document.querySelector('article').lang];")
        .await;
    assert_eq!(
        langs,
        json!([language, language]),
        "the page's and the article's language"
    );
    let found = b
        .client
        .execute(WORDS, vec![json!(bundle_texts(id).await)])
        .await
        .expect("the words");
    let found = found.as_array().expect("a list");
    let folio_s: Vec<&Value> = found.iter().filter(|w| w[3] == json!(false)).collect();
    assert!(
        folio_s.len() >= 10,
        "Folio's own words were found (Published, Related, Image:, Footnote 1, …): {found:?}"
    );
    let unmarked: Vec<&&Value> = folio_s.iter().filter(|w| w[1] != json!("en")).collect();
    assert!(
        unmarked.is_empty(),
        "Folio's words read in another language: {unmarked:?}"
    );
    // And they run left to right, in a right-to-left article too.
    let dirs = b
        .eval(
            "return ['.article-tools', '.site-header', '.related__title', '.notice__title']
                .map(css => getComputedStyle(document.querySelector(css)).direction);",
        )
        .await;
    assert_eq!(dirs, json!(["ltr", "ltr", "ltr", "ltr"]), "their direction");
    // The article's words inside a marked element are the article's again: its tags.
    let tags = b
        .eval("return [...document.querySelectorAll('.tags li')].map(li => li.closest('[lang]').lang);")
        .await;
    assert!(
        tags.as_array()
            .is_some_and(|t| !t.is_empty() && t.iter().all(|l| l == language)),
        "{tags}"
    );
    b.close().await;
}

#[tokio::test]
async fn on_an_english_article_s_page_nothing_is_marked_again() {
    let b = Browser::start(1280, 900).await;
    b.open(&article("us-officials-meet-russian-dissidents"))
        .await;
    let marked = b
        .eval("return [...document.querySelectorAll('body [lang]')].filter(e => e.localName !== 'article' && !e.closest('.article-tools, .app-status')).map(e => e.localName + '.' + e.className);")
        .await;
    assert_eq!(marked, json!([]), "only the article's own lang");
    b.close().await;
}

#[tokio::test]
async fn a_russian_article_s_page_is_in_russian_on_its_static_page_and_in_the_app() {
    article_page_is_in_its_language("folio-russian-test", "ru").await;
}

#[tokio::test]
async fn a_persian_article_s_page_is_in_persian_on_its_static_page_and_in_the_app() {
    article_page_is_in_its_language("folio-persian-test", "fa").await;
}

/// On the page, none of Folio's English phrases is left, shown or spoken, but in the
/// reading tools (not yet translated, marked English); its words in `language` are there
/// with no `lang` of their own; and the static page the server sends has the same words as
/// the app that took it over.
async fn article_page_is_in_its_language(id: &str, language: &str) {
    let theirs = phrases(language);
    let their = |id: &str| theirs.iter().find(|(i, _)| i == id).expect(id).1.clone();
    let b = Browser::start(1280, 900).await;
    b.open(&article(id)).await;
    let left = folio_e2e::english_left(&b).await;
    assert!(
        left.is_empty(),
        "English left on the {language} page: {left:?}"
    );
    let related = their("related");
    assert_eq!(b.text(".related__title").await, related);
    assert_eq!(b.text(".site-header__saved").await, their("saved-articles"));
    assert_eq!(b.text(".skip-link").await, their("skip-to-content"));
    let langs = b
        .eval(
            "return ['.related__title', '.site-header', '.site-footer']
                .map(css => document.querySelector(css).closest('[lang]').lang);",
        )
        .await;
    assert_eq!(
        langs,
        json!([language, language, language]),
        "its words speak the page's language"
    );
    let caption = b.text(".figure__caption .visually-hidden").await;
    assert_eq!(caption, their("image"), "the caption's hidden prefix");
    // The static page, as the server sends it, has the same words.
    let html = String::from_utf8(folio_e2e::plain_http::get(&article(id)).body).expect("UTF-8");
    for (id, english_text) in [
        ("related", "Related"),
        ("site-footer", "Folio shows article bundles."),
    ] {
        assert!(
            html.contains(&their(id)),
            "the static page has {id} in {language}"
        );
        assert!(
            !html.contains(english_text),
            "no English {id} on the static page"
        );
    }
    b.screenshot(&format!("interface-{language}")).await;
    b.close().await;
}
