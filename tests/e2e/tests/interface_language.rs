//! The language of Folio's own words: chosen by the reader in Reading settings, kept with
//! the reading settings and followed on every page; without a choice, an article's page
//! speaks the article's language where Folio has it, and Folio's own pages (the list of
//! articles) the browser's. Each page in Russian and Persian passes axe-core. The page drawn
//! again in another language replaces the app that drew it: speech started there stops. The
//! page's status lines follow the chosen language and its direction.

use folio_e2e::reading::{assert_quiet_console, choose_language, open_panel};
use folio_e2e::{article, phrase, Browser, Setting};
use serde_json::{json, Value};

const ENGLISH: &str = "us-officials-meet-russian-dissidents";
const RUSSIAN: &str = "folio-russian-test";
const PERSIAN: &str = "folio-persian-test";

/// `[html lang, html dir, the header's Saved link, the nearest lang of the reading tools]`.
const PAGE: &str = "const tools = document.querySelector('.article-tools');
  return [document.documentElement.lang, document.documentElement.dir,
    document.querySelector('.site-header__saved').textContent,
    tools ? tools.closest('[lang]').lang : null];";

async fn scroll_y(b: &Browser) -> f64 {
    b.eval("return window.scrollY;")
        .await
        .as_f64()
        .unwrap_or_default()
}

#[tokio::test]
async fn a_reader_s_choice_of_language_is_kept_and_followed_on_every_page() {
    let b = Browser::start(1280, 900).await;
    b.open(&article(ENGLISH)).await;
    open_panel(&b).await;
    // The page behind the open panel scrolled down (a click on the panel's button may have
    // brought it into view first).
    b.eval("window.scrollTo(0, 400); return true;").await;
    let before = scroll_y(&b).await;
    choose_language(&b, "Русский").await;
    // The page is drawn again in Russian around the English article, which keeps its own
    // language; the panel is open again where the reader left it.
    let saved = phrase("ru", "saved-articles");
    assert_eq!(
        b.eval(PAGE).await,
        json!(["en", "ltr", saved, "ru"]),
        "the page after the choice"
    );
    assert_eq!(
        b.text("#folio_reading_title").await,
        phrase("ru", "reading-settings")
    );
    assert_eq!(
        b.eval("return [document.activeElement.id, document.querySelector('#folio_reading_language').selectedOptions[0].textContent];")
            .await,
        json!(["folio_reading_language", "Русский"]),
        "focus and the choice shown are kept"
    );
    // The reader stays about where they were: the Russian words above may take other room.
    let after = scroll_y(&b).await;
    assert!(
        before > 100.0 && (after - before).abs() <= 100.0,
        "scrolled to {after}, from {before}"
    );
    // Kept: the next visit's pages speak Russian once the app has them.
    b.open(&article(ENGLISH)).await;
    assert_eq!(b.text(".site-header__saved").await, saved);
    b.open("").await;
    assert_eq!(
        b.eval("return [document.documentElement.lang, document.querySelector('.page-title').textContent];")
            .await,
        json!(["ru", phrase("ru", "catalog-title")]),
        "the list of articles"
    );
    // A Persian article's page keeps its language; Folio's Russian words in it say theirs.
    b.open(&article(PERSIAN)).await;
    assert_eq!(
        b.eval("const t = document.querySelector('.related__title');
                return [t.textContent, t.closest('[lang]').lang, getComputedStyle(t).direction, document.documentElement.lang];")
            .await,
        json!([phrase("ru", "related"), "ru", "ltr", "fa"]),
        "Russian words in a Persian article"
    );
    assert_eq!(
        b.axe_violations().await,
        Vec::<String>::new(),
        "axe, Russian words in a Persian article"
    );
    // Automatic again: the Persian article's page speaks Persian.
    choose_language(&b, &phrase("ru", "language-automatic")).await;
    assert_eq!(
        b.eval(PAGE).await,
        json!(["fa", "rtl", phrase("fa", "saved-articles"), "fa"]),
        "automatic on the Persian article"
    );
    assert_quiet_console(&b).await;
    b.close().await;
}

#[tokio::test]
async fn on_a_page_the_app_loads_by_its_bundle_the_panel_opens_again_after_a_choice() {
    let b = Browser::start(1280, 900).await;
    b.open(&format!("?bundle=bundles/{ENGLISH}/")).await;
    // The app is there before the article it loads, and the reading panel with it.
    b.wait_for_css("dialog#folio_reading_panel").await;
    // The page is drawn again and loads its bundle again; the panel opens once the article,
    // and so its Reading settings button, is there (`choose_language` waits for it).
    choose_language(&b, "Русский").await;
    assert_eq!(
        b.text("#folio_reading_title").await,
        phrase("ru", "reading-settings")
    );
    assert_eq!(
        b.eval("return [document.activeElement.id, document.documentElement.dataset.folioPressed || null];")
            .await,
        json!(["folio_reading_language", null]),
        "the list focused, and nothing left to press"
    );
    assert_quiet_console(&b).await;
    b.close().await;
}

#[tokio::test]
async fn without_a_choice_the_list_of_articles_follows_the_browser_s_languages() {
    let test = "without_a_choice_the_list_of_articles_follows_the_browser_s_languages";
    let Some(b) = Browser::start_for(test, 1280, 900, &[Setting::Languages("fa,en")]).await else {
        return;
    };
    b.open("").await;
    assert_eq!(
        b.eval("return [document.documentElement.lang, document.documentElement.dir, document.querySelector('.page-title').textContent, document.querySelector('.skip-link').textContent];")
            .await,
        json!([
            "fa",
            "rtl",
            phrase("fa", "catalog-title"),
            phrase("fa", "skip-to-content")
        ]),
        "the list of articles in Persian"
    );
    assert_eq!(
        folio_e2e::english_left(&b).await,
        Vec::<(String, String)>::new(),
        "English on the Persian list"
    );
    b.screenshot("catalog-fa").await;
    assert_eq!(
        b.axe_violations().await,
        Vec::<String>::new(),
        "axe, Persian list"
    );
    // The Saved page, which the offline script fills in, in Persian too: its static words
    // written again, and its messages from the Persian words it fetched. Until they are
    // here its status line is in English, so the wait is for the Persian one.
    b.open("saved/").await;
    b.until(
        &format!(
            "return document.querySelector('.saved__status').textContent === {};",
            json!(phrase("fa", "none-saved"))
        ),
        "the Saved page's status line in Persian",
    )
    .await;
    assert_eq!(
        b.eval("return [document.documentElement.lang, document.querySelector('.saved__intro').textContent, document.querySelector('.saved__status').textContent];")
            .await,
        json!(["fa", phrase("fa", "saved-intro"), phrase("fa", "none-saved")]),
        "the Saved page in Persian"
    );
    assert_eq!(
        b.axe_violations().await,
        Vec::<String>::new(),
        "axe, Persian Saved page"
    );
    // An English article's page stays English: the article's language comes first.
    b.open(&article(ENGLISH)).await;
    assert_eq!(
        b.text(".site-header__saved").await,
        phrase("en", "saved-articles")
    );
    assert_quiet_console(&b).await;
    b.close().await;
}

#[tokio::test]
async fn russian_and_persian_article_pages_pass_axe_with_the_reading_panel_open() {
    for (id, language) in [(RUSSIAN, "ru"), (PERSIAN, "fa")] {
        let b = Browser::start(1280, 900).await;
        b.open(&article(id)).await;
        assert_eq!(
            b.axe_violations().await,
            Vec::<String>::new(),
            "axe, {language} page"
        );
        open_panel(&b).await;
        assert_eq!(
            b.text("#folio_reading_title").await,
            phrase(language, "reading-settings")
        );
        assert_eq!(
            b.axe_violations().await,
            Vec::<String>::new(),
            "axe, {language} panel"
        );
        b.screenshot(&format!("panel-{language}")).await;
        b.close().await;
    }
}

#[tokio::test]
async fn a_choice_made_while_listening_stops_the_speech_of_the_page_drawn_again() {
    let b = Browser::start(1280, 900).await;
    b.open_with_speech_fake(ENGLISH, "voices").await;
    b.start_listening().await;
    b.spoken_count(1).await;
    choose_language(&b, "Русский").await;
    // The app drawn in English is gone with its speech: it cancelled the utterance and does
    // not go on to the next paragraph. The Russian page's Listen is closed and silent.
    assert_eq!(
        b.eval("const s = window.__speech; return [s.calls[s.calls.length - 1], s.speaking];")
            .await,
        json!(["cancel", false]),
        "the speech after the choice"
    );
    b.spoken_count(1).await;
    assert_eq!(
        b.eval("const l = document.querySelectorAll('.read-aloud__listen');
                return [l.length, l[0].getAttribute('aria-expanded'), l[0].closest('[lang]').lang];")
            .await,
        json!([1, "false", "ru"]),
        "one Listen button, closed, in Russian"
    );
    // The new page's own Listen speaks, from the first paragraph, once.
    b.click(".reading-panel__close").await;
    b.start_listening().await;
    let spoken = b.spoken_count(2).await;
    assert_eq!(
        spoken[1]["text"], spoken[0]["text"],
        "read from the start again"
    );
    assert_quiet_console(&b).await;
    b.close().await;
}

/// Chooses Folio's language by its own name, waits for the status lines to take its tag, and
/// returns them as `[lang, dir, the direction they are laid out in, the offline line's
/// words]`: the offline script writes them in Folio's language, not the article's.
async fn status_lines_in(b: &Browser, name: &str, tag: &str) -> Value {
    choose_language(b, name).await;
    b.until(
        &format!("return document.querySelector('.app-status').lang === '{tag}';"),
        &format!("the status lines in {name}"),
    )
    .await;
    b.eval(
        "const s = document.querySelector('.app-status');
        const line = s.querySelector('[data-folio-status=offline]');
        return [s.lang, s.dir, getComputedStyle(line).direction, line.textContent];",
    )
    .await
}

#[tokio::test]
async fn the_status_lines_take_the_chosen_language_and_its_direction() {
    let b = Browser::start(1280, 900).await;
    b.open(&article(ENGLISH)).await;
    assert_eq!(
        status_lines_in(&b, "فارسی", "fa").await,
        json!(["fa", "rtl", "rtl", phrase("fa", "status-offline")]),
        "Persian status lines, right to left, in an English article"
    );
    assert_eq!(
        b.eval("return [document.documentElement.lang, document.documentElement.dir];")
            .await,
        json!(["en", "ltr"]),
        "the article keeps its own language and direction"
    );
    b.eval("document.querySelector('[data-folio-status=offline]').hidden = false; return true;")
        .await;
    b.screenshot("status-line-fa").await;
    assert_eq!(
        status_lines_in(&b, "Русский", "ru").await,
        json!(["ru", "ltr", "ltr", phrase("ru", "status-offline")]),
        "Russian status lines, left to right again"
    );
    assert_quiet_console(&b).await;
    b.close().await;
}
