//! A checklist in an article reads as one: each item's box on the first line of its text,
//! no list bullet beside it, and done told apart from not done on screen and on paper.

use folio_e2e::{article, only_in_chromium, Browser};
use serde_json::{json, Value};

const LONG_READ: &str = "folio-long-read-test";

/// Each checklist item: how far its text starts below the item's top, whether a bullet is
/// drawn, the width of its box's border, whether a tick is drawn, and what it says to
/// assistive technology.
const ITEMS: &str = "return [...document.querySelectorAll('.story-body li.task')].map(li => {
    const text = li.querySelector('p') || li;
    const range = document.createRange();
    range.selectNodeContents(text);
    const line = range.getClientRects()[0];
    const box = getComputedStyle(li, '::before');
    return {
        text_below_top: Math.round(line.top - li.getBoundingClientRect().top),
        half_line: parseFloat(getComputedStyle(text).lineHeight) / 2,
        bullet: getComputedStyle(li).listStyleType,
        box_border: parseFloat(box.borderTopWidth),
        box_top: Math.round(li.getBoundingClientRect().top + parseFloat(box.top)),
        line_bottom: Math.round(line.bottom),
        ticked: getComputedStyle(li, '::after').content !== 'none',
        said: li.querySelector('input[type=checkbox]').getAttribute('aria-label'),
    };
});";

async fn items(b: &Browser) -> Vec<Value> {
    serde_json::from_value(b.eval(ITEMS).await).expect("checklist items")
}

fn check(items: &[Value], when: &str) {
    let ticks: Vec<(bool, &str)> = items
        .iter()
        .map(|i| (i["ticked"].as_bool().unwrap(), i["said"].as_str().unwrap()))
        .collect();
    assert_eq!(
        ticks,
        [
            (true, "Done"),
            (true, "Done"),
            (true, "Done"),
            (false, "Not done")
        ],
        "{when}: done items are ticked, the other is not"
    );
    for item in items {
        assert_eq!(
            item["bullet"], "none",
            "{when}: no bullet beside a box: {item}"
        );
        assert!(
            item["box_border"].as_f64().unwrap() >= 1.0,
            "{when}: every item has a visible box: {item}"
        );
        // The text starts on the item's first line (no more than its leading below the
        // item's top), and the box sits on that line.
        assert!(
            (item["text_below_top"].as_i64().unwrap() as f64) < item["half_line"].as_f64().unwrap(),
            "{when}: the text is on the box's line, not under it: {item}"
        );
        assert!(
            item["box_top"].as_i64().unwrap() < item["line_bottom"].as_i64().unwrap(),
            "{when}: the box is beside the first line: {item}"
        );
    }
}

#[tokio::test]
async fn checklist_items_have_their_box_on_their_line_and_done_is_ticked() {
    for width in [320, 1280] {
        let b = Browser::start(width, 900).await;
        b.open(&article(LONG_READ)).await;
        let on_screen = items(&b).await;
        check(&on_screen, &format!("{width} px"));
        b.eval("document.querySelector('.story-body li.task').scrollIntoView({block: 'center'}); return null;")
            .await;
        b.screenshot(&format!("checklist-{width}")).await;
        let test = "checklist_items_have_their_box_on_their_line_and_done_is_ticked, in print";
        if width == 1280 && !only_in_chromium(test, "emulate print media") {
            b.cdp("Emulation.setEmulatedMedia", json!({ "media": "print" }))
                .await;
            check(&items(&b).await, "print");
        }
        b.close().await;
    }
}
