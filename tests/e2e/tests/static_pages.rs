//! Static pages: every part of an article is there with JavaScript off; the app takes a
//! page over without a changed word, a layout shift or a console message (and keeps the
//! reader's place, `takeover_place.rs`); and bots read the headline, photo and JSON-LD over
//! plain HTTP.

use std::io::{Read, Write};
use std::net::TcpStream;

use folio_e2e::seed::catalog_size;
use folio_e2e::shifts::layout_shifts;
use folio_e2e::{app_url, article, page, Browser, Setting};
use serde_json::{json, Value};

const SEED: &str = "us-officials-meet-russian-dissidents";
const LONG: &str = "folio-long-read-test";
const RUSSIAN: &str = "folio-russian-test";
const PERSIAN: &str = "folio-persian-test";
const ARTICLES: [&str; 4] = [SEED, LONG, RUSSIAN, PERSIAN];

/// The browser with JavaScript turned off for pages (WebDriver's own calls still work).
async fn without_javascript(width: u32) -> Browser {
    Browser::start_with(width, 900, &[Setting::NoJavaScript]).await
}

/// `css`'s element is rendered: it takes up space and is not hidden.
const SHOWN: &str = "const e = document.querySelector(arguments[0]);
    if (!e) return false;
    const r = e.getBoundingClientRect(), s = getComputedStyle(e);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden';";

/// The text of `css`'s element as written (before CSS changes its case), screen-reader
/// prefixes included, every run of whitespace one space.
const SEEN: &str = "const e = document.querySelector(arguments[0]);
    return e ? e.textContent.replace(/\\s+/g, ' ').trim() : null;";

async fn seen(b: &Browser, css: &str) -> String {
    let text = b
        .client
        .execute(SEEN, vec![json!(css)])
        .await
        .unwrap_or_else(|e| panic!("cannot read {css}: {e}"));
    text.as_str()
        .unwrap_or_else(|| panic!("nothing matches {css}"))
        .to_owned()
}

async fn shown(b: &Browser, css: &str) -> bool {
    b.client.execute(SHOWN, vec![json!(css)]).await.ok() == Some(Value::Bool(true))
}

#[tokio::test]
async fn without_javascript_every_part_of_the_sample_article_is_there() {
    let b = without_javascript(1280).await;
    b.client.goto(&page(&article(SEED))).await.unwrap();
    let html = b
        .eval("const h = document.documentElement; return [h.lang, h.dataset.folioJs === undefined, h.dataset.folioApp === undefined];")
        .await;
    assert_eq!(html, json!(["en", true, true]), "no script ran on the page");
    let parts = [
        (".kicker", "Breaking News"),
        ("h1.headline", "U.S. Officials Meet With Russian Dissidents, Military"),
        (".article-meta time", "October 13, 2007"),
        (".dateline", "October 13, 2007 (RFE/RL) –"),
        (".lead .figure__caption", "Image: Gates (left) and Rice with Putin on October 12 (Credit: ITAR-TASS)"),
        (".story-body h2", "Array Of Activists"),
        (".sidebar__title", "Moscow And Washington: Toe To Toe"),
        (".sidebar .figure__caption", "Image: U.S. President George W. Bush (left) and Russian President Vladimir Putin at the G8 summit in Germany on June 7 (Credit: AFP)"),
        (".more-coverage", "MORE: A special archive of RFE/RL's coverage of U.S.-Russian relations."),
        (".notice--safety .notice__title", "Safety notice"),
    ];
    for (css, words) in parts {
        assert!(shown(&b, css).await, "{css} is not shown");
        assert_eq!(seen(&b, css).await, words, "{css}");
    }
    let teaser = seen(&b, ".sidebar__teaser").await;
    assert!(
        teaser.starts_with("MOUNTING TENSIONS. Relations between Russia and the United States"),
        "{teaser}"
    );
    let notice = seen(&b, ".notice--safety").await;
    assert!(
        notice.contains("declared an \"undesirable organization\" by the Russian government"),
        "{notice}"
    );
    let related = b
        .eval("return [...document.querySelectorAll('.related__list li')].map(l => l.innerText.trim());")
        .await;
    assert_eq!(
        related,
        json!([
            "Silent Diplomacy Versus Public Criticism",
            "Analysts Say New Arms Race Unlikely",
            "Moscow's Patience With U.S., Allies 'Wearing Thin'",
            "Russian Parliament Accuses U.S. Of Election Meddling"
        ])
    );
    // Both photos arrived, and the reading tools, which need the app, are not offered.
    let photos = b
        .eval("return [...document.querySelectorAll('article img')].map(i => i.complete && i.naturalWidth > 0);")
        .await;
    assert_eq!(
        photos,
        json!([true, true]),
        "the lead and sidebar photos load"
    );
    assert!(
        !shown(&b, ".article-tools").await,
        "no dead buttons without scripts"
    );
    b.screenshot("static-seed-without-javascript").await;
    b.close().await;
}

#[tokio::test]
async fn without_javascript_the_catalog_opens_articles_and_related_links_work() {
    let b = without_javascript(1280).await;
    b.client.goto(&page("")).await.unwrap();
    let cards = b.texts(".card__headline").await;
    assert_eq!(cards.len(), catalog_size(), "{cards:?}");
    let card = b
        .wait_for_css(&format!(".card a[href='{}']", article(LONG)))
        .await;
    card.click().await.expect("open the long read");
    b.wait_for_css("h1.headline").await;
    assert_eq!(
        b.client.current_url().await.unwrap().to_string(),
        page(&article(LONG))
    );
    let related = b
        .wait_for_css(&format!(".related a[href='../../{}']", article(RUSSIAN)))
        .await;
    related.click().await.expect("follow the related link");
    b.wait_for_css("article[lang='ru'] h1.headline").await;
    assert_eq!(
        b.eval("return document.documentElement.lang;").await,
        json!("ru")
    );
    let home = b.wait_for_css(".site-header__name").await;
    home.click().await.expect("back to the list");
    // WebKit's click returns before the next page has loaded.
    b.wait_for_css(".card__headline").await;
    assert_eq!(b.texts(".card__headline").await.len(), catalog_size());
    b.close().await;
}

/// Every element under `#folio_root` as `tag[attributes]{children}`, attributes sorted,
/// adjacent texts joined, comments and whitespace-only text left out and other text squashed: the page's content
/// and structure, whichever renderer made it.
const STRUCTURE: &str = "const walk = n => {
      if (n.nodeType === 3) { const t = n.data.replace(/\\s+/g, ' '); return t.trim() ? t : ''; }
      if (n.nodeType !== 1) return '';
      // A style's closing semicolon is the one thing renderers write differently.
      const attrs = [...n.attributes].map(a => a.name + '=' + (a.name === 'style' ? a.value.replace(/;\\s*$/, '') : a.value)).sort().join(' ');
      return n.localName + '[' + attrs + ']{' + [...n.childNodes].map(walk).join('') + '}';
    };
    // Adjacent text nodes are one text, however many nodes (and placeholder comments between
    // them) a renderer made of it.
    const root = document.getElementById('folio_root').cloneNode(true);
    const comments = document.createTreeWalker(root, NodeFilter.SHOW_COMMENT);
    const found = [];
    while (comments.nextNode()) found.push(comments.currentNode);
    found.forEach(c => c.remove());
    root.normalize();
    return walk(root);";

#[tokio::test]
async fn the_app_takes_over_each_static_page_unchanged_without_a_shift_or_a_console_message() {
    let pages: Vec<String> = std::iter::once(String::new())
        .chain(ARTICLES.iter().map(|id| article(id)))
        .chain(ARTICLES.iter().map(|id| format!("embed/{id}/")))
        .collect();
    let off = without_javascript(1280).await;
    let mut rendered_natively = Vec::new();
    for p in &pages {
        off.client.goto(&page(p)).await.unwrap();
        off.wait_for_css("main h1").await;
        rendered_natively.push(off.eval(STRUCTURE).await);
    }
    off.close().await;

    let on = Browser::start(1280, 900).await;
    for (p, native) in pages.iter().zip(rendered_natively) {
        on.open(p).await;
        let in_browser = on.eval(STRUCTURE).await;
        assert!(
            native.as_str().is_some_and(|s| s.len() > 500),
            "{p:?}: the static page has content"
        );
        assert_eq!(
            in_browser, native,
            "{p:?}: the app's render differs from the static page"
        );
        assert_eq!(
            layout_shifts(&on).await,
            json!(0),
            "{p:?}: layout shifted during the takeover"
        );
        assert_eq!(
            on.console_messages().await,
            Vec::<String>::new(),
            "{p:?}: console"
        );
    }
    on.close().await;
}

/// A plain HTTP GET, as a link-preview bot or crawler makes it: status and body.
fn fetch(path: &str) -> (u16, String) {
    let base = url::Url::parse(&app_url()).unwrap();
    let address = format!("{}:{}", base.host_str().unwrap(), base.port().unwrap());
    let mut stream = TcpStream::connect(&address).expect("connect to the app's server");
    let target = base.join(path).unwrap();
    write!(
        stream,
        "GET {} HTTP/1.1\r\nHost: {address}\r\nUser-Agent: folio-test-bot\r\nConnection: close\r\n\r\n",
        &target[url::Position::BeforePath..]
    )
    .unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    (status, body.to_owned())
}

/// The `content` of the `<meta property="og:…">` named `property`.
fn og(html: &str, property: &str) -> Option<String> {
    let start = html.find(&format!("property=\"{property}\" content=\""))?;
    let rest = &html[start..];
    let value = &rest[rest.find("content=\"")? + 9..];
    Some(value[..value.find('"')?].replace("&amp;", "&"))
}

#[tokio::test]
async fn bots_read_each_article_s_headline_photo_and_json_ld_over_plain_http() {
    for (id, lang) in [(SEED, "en"), (LONG, "en"), (RUSSIAN, "ru")] {
        let (status, html) = fetch(&article(id));
        assert_eq!(status, 200, "{id}");
        assert!(
            html.contains(&format!(
                "<html lang=\"{lang}\" dir=\"ltr\" data-folio-interface=\"{lang}\">"
            )),
            "{id}: lang"
        );
        let ld_start = html
            .find("<script type=\"application/ld+json\" id=\"folio_jsonld\">")
            .expect("JSON-LD");
        let ld_text = &html[ld_start..];
        let ld_text = &ld_text[ld_text.find('>').unwrap() + 1..ld_text.find("</script>").unwrap()];
        let ld: Value = serde_json::from_str(ld_text).expect("JSON-LD parses");
        assert_eq!(ld["@type"], "NewsArticle", "{id}");
        let headline = ld["headline"].as_str().unwrap().to_owned();
        assert_eq!(
            og(&html, "og:title").as_deref(),
            Some(headline.as_str()),
            "{id}"
        );
        let h1 = &html[html
            .find("<h1 id=\"folio_headline\"")
            .expect("the headline's h1")..];
        let h1 = &h1[..h1.find("</h1>").unwrap()];
        assert!(
            h1.ends_with(&format!(">{}", headline.replace('&', "&amp;"))),
            "{id}: the headline is in the page's body: {h1}"
        );
        let image = og(&html, "og:image").unwrap_or_else(|| panic!("{id}: og:image"));
        assert!(
            image.starts_with(&app_url()),
            "{id}: og:image is absolute: {image}"
        );
        assert_eq!(ld["image"], json!(image), "{id}");
        let (image_status, _) = fetch(&image[app_url().len()..]);
        assert_eq!(image_status, 200, "{id}: the photo is there: {image}");
    }
    let (status, catalog) = fetch("");
    assert_eq!(status, 200);
    for id in ARTICLES {
        assert!(
            catalog.contains(&format!("href=\"{}\"", article(id))),
            "the list links {id}"
        );
    }
}
