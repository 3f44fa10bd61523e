//! A right-to-left article (the Persian test bundle): the page takes the bundle's language
//! and direction, and the layout mirrors: the sidebar beside the story on the other side,
//! list markers, the quote's bar and the notice's rule on the right, the reading panel on
//! the left, and Listen's Previous and Next turned round. Screenshots in each engine.

use folio_e2e::reading::{assert_quiet_console, open_panel};
use folio_e2e::{article, Browser};
use serde_json::{json, Value};

const PERSIAN: &str = "folio-persian-test";

/// Each mirrored part's place, as `[name, true when it sits as right to left has it]`.
const MIRRORED: &str = "const box = (css) => document.querySelector(css).getBoundingClientRect();
  const style = (css) => getComputedStyle(document.querySelector(css));
  const story = box('.story-body'), sidebar = box('.sidebar');
  const list = style('.story-body ul'), quote = style('.story-body blockquote');
  const notice = style('.notice');
  return [
    ['page', document.documentElement.dir === 'rtl' && document.documentElement.lang === 'fa'],
    ['article', getComputedStyle(document.querySelector('article')).direction === 'rtl'],
    ['headline on the right', Math.abs(box('h1.headline').right - story.right) < 2],
    ['sidebar', arguments[0] ? sidebar.right <= story.left : sidebar.top >= story.bottom],
    ['list markers', parseFloat(list.paddingRight) > parseFloat(list.paddingLeft)],
    ['quote bar', parseFloat(quote.borderRightWidth) > 0 && parseFloat(quote.borderLeftWidth) === 0],
    ['notice rule', parseFloat(notice.borderRightWidth) > parseFloat(notice.borderLeftWidth)],
  ];";

fn misplaced(found: &Value) -> Vec<Value> {
    found
        .as_array()
        .expect("a list")
        .iter()
        .filter(|part| part[1] != json!(true))
        .cloned()
        .collect()
}

#[tokio::test]
async fn a_right_to_left_article_mirrors_its_layout_at_every_width() {
    for (width, height, wide) in [(360, 800, false), (1280, 900, true)] {
        let b = Browser::start(width, height).await;
        b.open(&article(PERSIAN)).await;
        let found = b
            .client
            .execute(MIRRORED, vec![json!(wide)])
            .await
            .expect("the layout");
        assert_eq!(
            misplaced(&found),
            Vec::<Value>::new(),
            "{width} px: {found}"
        );
        b.screenshot(&format!("persian-{width}")).await;
        assert_eq!(b.axe_violations().await, Vec::<String>::new(), "{width} px");
        assert_quiet_console(&b).await;
        b.close().await;
    }
}

#[tokio::test]
async fn in_a_right_to_left_article_the_reading_panel_opens_on_the_left() {
    let b = Browser::start(1280, 900).await;
    b.open(&article(PERSIAN)).await;
    open_panel(&b).await;
    let panel = b
        .eval("const r = document.querySelector('#folio_reading_panel').getBoundingClientRect(); return [Math.round(r.left), Math.round(r.right)];")
        .await;
    assert_eq!(panel[0], json!(0), "the panel's left edge: {panel}");
    assert!(
        panel[1].as_f64().unwrap_or(f64::MAX) < 900.0,
        "the panel is a side panel, not the whole width: {panel}"
    );
    b.screenshot("persian-panel-1280").await;
    b.close().await;
}

#[tokio::test]
async fn in_a_right_to_left_article_listen_s_previous_is_on_the_right_and_points_right() {
    let b = Browser::start(1280, 900).await;
    b.open_with_speech_fake(PERSIAN, "voices").await;
    b.click(".read-aloud__listen").await;
    b.wait_for_css(".read-aloud__buttons").await;
    let controls = b
        // Stop may wrap in the narrow Listen box, so the first three are compared: in the
        // reading order, Previous, Play, Next, right to left.
        .eval("const [prev, play, next] = document.querySelectorAll('.read-aloud__buttons button');
               const after = (a, b) => a.getBoundingClientRect().left > b.getBoundingClientRect().left;
               const turned = (button) => new DOMMatrix(getComputedStyle(button.querySelector('svg')).transform).a === -1;
               return [after(prev, play) && after(play, next), turned(prev), turned(next),
                       new DOMMatrix(getComputedStyle(document.querySelector('.read-aloud__play svg')).transform).a];")
        .await;
    b.screenshot("persian-listen-1280").await;
    assert_eq!(
        controls,
        json!([true, true, true, 1]),
        "Previous and Next to the right of their neighbours, both arrows turned, Play as it is"
    );
    b.close().await;
}
