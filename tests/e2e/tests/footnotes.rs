//! Footnotes on a phone and a desktop: the jump to a note lands below the top edge and marks
//! the note; the way back is a 24 px target at the end of the note's text and lands with the
//! reference's sentence in view.

use folio_e2e::reading::assert_quiet_console;
use folio_e2e::{article, Browser};
use serde_json::json;

const LONG_READ: &str = "folio-long-read-test";

#[tokio::test]
async fn footnotes_jump_there_and_back_with_both_ends_in_view() {
    for width in [360, 1280] {
        let b = Browser::start(width, 800).await;
        b.open(&article(LONG_READ)).await;
        b.click(".footnote-ref a").await;
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        let note = b
            .eval(
                "const li = document.querySelector('.footnotes li:target'), r = li.getBoundingClientRect();
                 const back = li.querySelector('.footnote-back').getBoundingClientRect();
                 const text = [...li.querySelectorAll('p')].pop().getClientRects();
                 const last = text[text.length - 1];
                 return [r.top > 16 && r.top < innerHeight / 2, getComputedStyle(li).outlineStyle,
                         back.width >= 24 && back.height >= 24, back.top < last.bottom && back.bottom > last.top];",
            )
            .await;
        assert_eq!(
            note,
            json!([true, "solid", true, true]),
            "{width} px: below the top edge, marked, a 24 px way back on the note's last line"
        );
        b.click(".footnotes li:target .footnote-back").await;
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        let reference = b
            .eval("const r = document.querySelector('.footnote-ref a:target').getBoundingClientRect(); return r.top / innerHeight;")
            .await
            .as_f64()
            .unwrap();
        assert!(
            (0.2..0.6).contains(&reference),
            "{width} px: back at the reference, its sentence above in view ({reference:.2} of the screen down)"
        );
        b.screenshot(&format!("footnote-back-{width}")).await;
        assert_quiet_console(&b).await;
        b.close().await;
    }
}
