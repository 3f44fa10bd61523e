//! The sample article embedded in the partner demo page, served on another origin (its own
//! port) as `cargo xtask serve` serves it, three ways: pym.js's own parent script from npm,
//! Folio's `embed.js`, and the oEmbed answer's `html` pasted in. Each frame is as tall as its
//! content after load, a width change and a text-size change; messages from a third origin
//! and malformed ones change nothing; links leave the frame; the oEmbed answers are valid;
//! an embed's address sets its look, and nothing is saved on the device.

use std::time::{Duration, Instant};

use folio_e2e::engine::not_run;
use folio_e2e::reading::{assert_quiet_console, click_preset, close_panel, open_panel};
use folio_e2e::seed::{seed_manifest, SEED};
use folio_e2e::{app_url, Browser, Engine, Setting};
use serde_json::{json, Value};

/// The partner demo page's address, on its own origin.
fn partner_url() -> String {
    std::env::var("FOLIO_PARTNER_URL")
        .expect("FOLIO_PARTNER_URL is not set: run the end-to-end tests through `cargo xtask test`")
}

/// The three embeds of the partner page: how each was made, and its frame.
const EMBEDS: [(&str, &str); 3] = [
    ("pym.js", "#folio-pym iframe"),
    ("embed.js", "div[data-title] iframe"),
    ("oEmbed", "#folio-oembed iframe"),
];

/// Runs `script` inside the frame `frame` of the partner page, and comes back out.
async fn in_frame(b: &Browser, frame: &str, script: &str) -> Value {
    b.wait_for_css(frame)
        .await
        .enter_frame()
        .await
        .expect("into the frame");
    let value = b.eval(script).await;
    b.client
        .enter_parent_frame()
        .await
        .expect("back to the partner page");
    value
}

/// The frame's height and its content's, once they agree within 8 px (or after 15 s, when
/// the test fails). The content's height is measured inside, independently of what the
/// embed reports: the bottom of the app's root element, and no inner scroll bar.
async fn sized(b: &Browser, (how, frame): (&str, &str), when: &str) -> f64 {
    let start = Instant::now();
    loop {
        // The frame's holder, since embed.js makes the frame only near the viewport.
        let holder = frame.trim_end_matches(" iframe");
        b.eval(&format!(
            "document.querySelector('{holder}').scrollIntoView({{block: 'start'}}); return true;"
        ))
        .await;
        b.wait_for_css(frame).await;
        let outer = b
            .eval(&format!(
                "return document.querySelector('{frame}').getBoundingClientRect().height;"
            ))
            .await
            .as_f64()
            .unwrap_or(0.0);
        let inner = in_frame(
            b,
            frame,
            "const root = document.getElementById('folio_root');
             if (document.documentElement.dataset.folioApp !== 'ready' || !root) return 0;
             const bottom = root.getBoundingClientRect().bottom + scrollY
               + parseFloat(getComputedStyle(document.body).marginBottom);
             return document.documentElement.scrollHeight > innerHeight + 1 ? -1 : bottom;",
        )
        .await
        .as_f64()
        .unwrap_or(0.0);
        if inner > 0.0 && (outer - inner).abs() <= 8.0 {
            return outer;
        }
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "{how}, {when}: the frame is {outer} px tall for {inner} px of content (-1: it scrolls inside)"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

async fn heights(b: &Browser, when: &str) -> Vec<f64> {
    let mut all = Vec::new();
    for embed in EMBEDS {
        all.push(sized(b, embed, when).await);
    }
    all
}

#[tokio::test]
async fn three_embeds_on_a_partner_page_size_themselves_and_stay_in_their_frames() {
    let b = Browser::start(1280, 900).await;
    b.client
        .goto(&partner_url())
        .await
        .expect("the partner page");
    let loaded = heights(&b, "after load").await;
    let headline = seed_manifest()["headline"].as_str().unwrap().to_owned();
    for ((how, frame), height) in EMBEDS.into_iter().zip(&loaded) {
        assert!(*height > 1000.0, "{how}: the whole article, {height} px");
        let inside = in_frame(
            &b,
            frame,
            "return [document.querySelector('h1.headline').textContent,
                     document.querySelectorAll('.site-header, .site-footer').length,
                     document.querySelector('.embed__read-on a').textContent,
                     location.origin];",
        )
        .await;
        assert_eq!(inside[0], json!(headline), "{how}");
        assert_eq!(inside[1], json!(0), "{how}: no site header or footer");
        assert_eq!(inside[2], json!("Read the full article on Folio"), "{how}");
        assert_eq!(
            format!("{}/", inside[3].as_str().unwrap()),
            app_url(),
            "{how}: the app's origin"
        );
        let frame_attributes = b
            .eval(&format!(
                "const f = document.querySelector('{frame}');
                 return [f.title, f.getAttribute('sandbox') || ''];"
            ))
            .await;
        assert_eq!(
            frame_attributes[0],
            json!(headline),
            "{how}: the frame's title"
        );
        if how != "pym.js" {
            let embed_js = b
                .eval(&format!(
                    "const f = document.querySelector('{frame}');
                     return [f.loading, f.referrerPolicy, f.getAttribute('sandbox')];"
                ))
                .await;
            assert_eq!(
                embed_js,
                json!([
                    "lazy",
                    "no-referrer",
                    "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox"
                ]),
                "{how}"
            );
        }
    }
    b.eval("window.scrollTo(0, 0); return true;").await;
    b.screenshot("embed-partner-page").await;

    // A narrower column: taller content, and each frame follows.
    b.eval("document.querySelector('main').style.maxWidth = '420px'; return true;")
        .await;
    let narrow = heights(&b, "after a width change").await;
    for (i, (how, _)) in EMBEDS.into_iter().enumerate() {
        assert!(
            narrow[i] > loaded[i] + 100.0,
            "{how}: narrower is taller, {} px against {} px",
            narrow[i],
            loaded[i]
        );
    }

    // Larger text, chosen in the embed's own Reading settings: each frame follows again.
    for (_, frame) in EMBEDS {
        // WebKit clicks inside a frame only where the partner page shows it.
        b.eval(&format!(
            "document.querySelector('{frame}').scrollIntoView({{block: 'start'}}); return true;"
        ))
        .await;
        b.wait_for_css(frame).await.enter_frame().await.unwrap();
        b.wait_for_app().await;
        open_panel(&b).await;
        click_preset(&b, "Large text").await;
        close_panel(&b).await;
        b.client.enter_parent_frame().await.unwrap();
    }
    let larger = heights(&b, "after a text-size change").await;
    for (i, (how, _)) in EMBEDS.into_iter().enumerate() {
        assert!(
            larger[i] > narrow[i] + 100.0,
            "{how}: larger text is taller, {} px against {} px",
            larger[i],
            narrow[i]
        );
    }

    // Height messages from a third origin (a page framed by the partner on another host)
    // and from the partner's own page, and malformed ones, change nothing.
    let ids = b
        .eval(
            "return [...document.querySelectorAll('iframe')]
               .map(f => new URL(f.src).searchParams.get('childId')).join(',');",
        )
        .await;
    let third = app_url().replace("127.0.0.1", "localhost");
    b.eval(&format!(
        "window.heard = [];
         addEventListener('message', (e) => heard.push(e.origin));
         const f = document.createElement('iframe');
         f.src = '{third}__test/intruder#' + encodeURIComponent({ids});
         f.title = 'Another site';
         document.body.append(f);
         for (const id of {ids}.split(','))
           for (const m of [['pym', id, 'height', '5'], ['pym', id, 'height', 'abc'], ['pym', id, 'height']])
             window.postMessage(m.join('xPYMx'), '*');
         return true;"
    ))
    .await;
    // From the embed's own frame and origin, only embed.js's frames are the loader's to
    // guard: pym.js's parent script takes any height its child sends.
    for (_, frame) in &EMBEDS[1..] {
        in_frame(
            &b,
            frame,
            "const id = new URLSearchParams(location.search).get('childId');
             for (const m of [['pym', id, 'height', 'abc'], ['pym', id, 'height', '-5'], ['pym', 'other', 'height', '5'], ['pym', id, 'height']])
               parent.postMessage(m.join('xPYMx'), '*');
             for (const m of [{height: 5}, 5, null]) parent.postMessage(m, '*');
             return true;",
        )
        .await;
    }
    tokio::time::sleep(Duration::from_secs(1)).await;
    let heard = b.eval("return heard;").await;
    assert!(
        heard
            .as_array()
            .unwrap()
            .contains(&json!(third.trim_end_matches('/'))),
        "the third origin's messages arrived: {heard}"
    );
    let after = heights(&b, "after foreign and malformed messages").await;
    for (i, (how, _)) in EMBEDS.into_iter().enumerate() {
        assert!(
            (after[i] - larger[i]).abs() <= 8.0,
            "{how}: {} px against {} px",
            after[i],
            larger[i]
        );
    }

    // Links leave the frame: the full article opens in a new tab, the frame stays.
    let (_, frame) = EMBEDS[1];
    let tabs = b.client.windows().await.unwrap().len();
    b.wait_for_css(frame).await.enter_frame().await.unwrap();
    let stays: Value = b
        .eval(
            "const base = (document.querySelector('base') || {}).target || '';
             return [...document.querySelectorAll('a[href]')]
               .filter(a => (a.target || base || '_self') === '_self' && !a.getAttribute('href').startsWith('#'))
               .map(a => a.outerHTML);",
        )
        .await;
    assert_eq!(stays, json!([]), "links that would navigate the frame");
    let axe = b.axe_violations().await;
    assert_eq!(axe, Vec::<String>::new(), "axe inside the frame");
    let before = b.eval("return location.href;").await;
    if b.engine == Engine::WebKit {
        // The link's own target is checked above (no link would navigate the frame).
        not_run(
            "three_embeds_on_a_partner_page_size_themselves_and_stay_in_their_frames, its last step",
            "under WebKitWebDriver a click on the Read-on link inside the partner's cross-origin frame opens no window (cause not found yet); the link's target=_blank is checked instead",
        );
    } else {
        b.wait_for_css(".embed__read-on a")
            .await
            .click()
            .await
            .unwrap();
        let start = Instant::now();
        while b.client.windows().await.unwrap().len() == tabs {
            assert!(start.elapsed() < Duration::from_secs(10), "no new tab");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
    assert_eq!(
        b.eval("return location.href;").await,
        before,
        "the frame stayed"
    );
    b.client.enter_parent_frame().await.unwrap();

    // The partner's page is its own: the same text around the frames.
    assert_eq!(
        b.text("#before").await,
        "The partner's own text comes first."
    );
    assert_eq!(
        b.text("#after").await,
        "The partner's page goes on after the embeds."
    );

    // embed.js keeps heights within a sane range, even from the embed itself.
    in_frame(
        &b,
        EMBEDS[1].1,
        "const id = new URLSearchParams(location.search).get('childId');
         parent.postMessage(['pym', id, 'height', '99999999'].join('xPYMx'), '*');
         return true;",
    )
    .await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let clamped = b
        .eval(&format!(
            "return document.querySelector('{}').getBoundingClientRect().height;",
            EMBEDS[1].1
        ))
        .await;
    assert_eq!(clamped, json!(60000), "clamped to 60,000 px");
    assert_quiet_console(&b).await;
    b.close().await;
}

#[tokio::test]
async fn every_article_has_a_valid_oembed_answer_its_page_links_to() {
    let b = Browser::start(1280, 900).await;
    b.open("").await;
    let ids = b
        .eval("return [...document.querySelectorAll('.card__headline a')].map(a => a.getAttribute('href').split('/')[1]);")
        .await;
    let ids: Vec<String> = serde_json::from_value(ids).unwrap();
    assert!(ids.len() >= 3, "{ids:?}");
    for id in ids {
        b.open(&format!("articles/{id}/")).await;
        let answer = b
            .eval(
                "const link = document.querySelector('link[rel=alternate][type=\"application/json+oembed\"]');
                 return fetch(link.href).then(r => r.json()).then(json => [link.href, link.title, json]);",
            )
            .await;
        let (href, title, json) = (&answer[0], &answer[1], &answer[2]);
        assert_eq!(
            href.as_str().unwrap(),
            format!("{}embed/{id}/oembed.json", app_url())
        );
        assert_eq!(json["title"], *title);
        assert_eq!(json["type"], "rich", "{id}");
        assert_eq!(json["version"], "1.0", "{id}");
        assert_eq!(json["provider_name"], "Folio", "{id}");
        assert_eq!(json["provider_url"], json!(app_url()), "{id}");
        assert!(json["author_name"].as_str().is_some_and(|a| !a.is_empty()));
        for size in ["width", "height"] {
            assert!(json[size].as_u64().is_some_and(|n| n > 0), "{id}: {size}");
        }
        let html = json["html"].as_str().unwrap();
        assert!(
            html.contains(&format!("data-folio-article=\"{}embed/{id}/\"", app_url()))
                && html.contains(&format!("src=\"{}embed.js\"", app_url())),
            "{id}: {html}"
        );
        let thumbnail = b
            .eval("const m = document.querySelector('meta[property=\"og:image\"]'); return m && m.content;")
            .await;
        assert_eq!(json["thumbnail_url"], thumbnail, "{id}: the lead picture");
        if !thumbnail.is_null() {
            assert!(
                json["thumbnail_width"].as_u64().is_some()
                    && json["thumbnail_height"].as_u64().is_some()
            );
        }
    }
    // Partners' pages may read them in the browser too.
    b.client.goto(&partner_url()).await.unwrap();
    let read = b
        .eval(&format!(
            "return fetch('{}embed/{SEED}/oembed.json').then(r => r.json()).then(j => j.type, e => String(e));",
            app_url()
        ))
        .await;
    assert_eq!(read, json!("rich"), "read from the partner's page");
    b.close().await;
}

#[tokio::test]
async fn an_embed_s_address_sets_its_look_and_nothing_is_saved_on_the_device() {
    let b = Browser::start(1280, 900).await;
    let look = "return [document.documentElement.dataset.folioTheme, document.documentElement.dataset.folioReading,
                        document.documentElement.dataset.folioFont,
                        getComputedStyle(document.querySelector('.sidebar')).display,
                        getComputedStyle(document.querySelector('.related')).display];";
    b.client
        .goto(&format!(
            "{}embed/{SEED}/?theme=dark&preset=large-text&sidebar=0&related=0",
            app_url()
        ))
        .await
        .unwrap();
    let expected = json!(["dark", "on", "sans", "none", "none"]);
    assert_eq!(b.eval(look).await, expected, "before the app starts");
    b.wait_for_app().await;
    assert_eq!(b.eval(look).await, expected, "once the app has taken over");
    // The reader may still change the look; the device keeps nothing.
    open_panel(&b).await;
    click_preset(&b, "Comfort").await;
    close_panel(&b).await;
    assert_eq!(
        b.eval("return [document.documentElement.dataset.folioTheme, localStorage.getItem('folio.reading')];")
            .await,
        json!(["sepia", null])
    );
    // Unknown options change nothing.
    b.client
        .goto(&format!(
            "{}embed/{SEED}/?theme=__proto__&preset=constructor&sidebar=maybe",
            app_url()
        ))
        .await
        .unwrap();
    b.wait_for_app().await;
    let plain = b.eval(look).await;
    assert_eq!(
        plain.as_array().unwrap()[..3],
        [Value::Null, Value::Null, Value::Null],
        "{plain}"
    );
    assert!(plain[3] != "none" && plain[4] != "none", "{plain}");
    assert_quiet_console(&b).await;
    b.close().await;
}

#[tokio::test]
async fn an_embed_works_where_the_browser_blocks_its_storage() {
    // Chromium partitions a third party's storage by default (the other tests' embeds run
    // so, the partner being another site); here it refuses storage to every site.
    let Some(b) = Browser::start_for(
        "an_embed_works_where_the_browser_blocks_its_storage",
        1280,
        900,
        &[Setting::NoCookies],
    )
    .await
    else {
        return;
    };
    b.client
        .goto(&partner_url())
        .await
        .expect("the partner page");
    let (how, frame) = EMBEDS[1];
    let loaded = sized(&b, EMBEDS[1], "with storage blocked").await;
    assert!(loaded > 1000.0, "{how}: the whole article, {loaded} px");
    let storage = in_frame(
        &b,
        frame,
        "try { localStorage.getItem('x'); return 'open'; } catch (e) { return e.name; }",
    )
    .await;
    assert_eq!(
        storage,
        json!("SecurityError"),
        "the browser really blocks it"
    );
    // Reading settings still apply, for this visit.
    b.wait_for_css(frame).await.enter_frame().await.unwrap();
    b.wait_for_app().await;
    open_panel(&b).await;
    click_preset(&b, "Large text").await;
    close_panel(&b).await;
    assert_eq!(
        b.eval("return document.documentElement.dataset.folioReading;")
            .await,
        json!("on")
    );
    b.client.enter_parent_frame().await.unwrap();
    let larger = sized(&b, EMBEDS[1], "after larger text, storage blocked").await;
    assert!(larger > loaded + 100.0, "{larger} px against {loaded} px");
    assert_quiet_console(&b).await;
    b.close().await;
}
