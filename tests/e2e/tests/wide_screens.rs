//! Reading presets on wide screens: the article keeps its page margins and fills its frame,
//! never pinned to the left edge with half the screen empty.

use folio_e2e::reading::*;
use folio_e2e::Browser;
use serde_json::Value;

/// The story column's left edge, and the empty space left and right of the article's
/// columns (story to sidebar).
const FRAME: &str = "const story = document.querySelector('.story-body').getBoundingClientRect();
    const side = document.querySelector('.sidebars').getBoundingClientRect();
    const right = Math.max(story.right, side.right);
    return { left: Math.round(story.left), right_gap: Math.round(innerWidth - right) };";

#[tokio::test]
async fn presets_keep_the_article_framed_at_desktop_widths() {
    for width in [1280, 1600, 1920] {
        let b = Browser::start(width, 900).await;
        b.open(SEED).await;
        for preset in [
            None,
            Some("Comfort"),
            Some("Large text"),
            Some("Dyslexia-friendly"),
        ] {
            if let Some(preset) = preset {
                open_panel(&b).await;
                click_preset(&b, preset).await;
                close_panel(&b).await;
            }
            let frame: Value = b.eval(FRAME).await;
            let (left, right_gap) = (
                frame["left"].as_f64().unwrap(),
                frame["right_gap"].as_f64().unwrap(),
            );
            let what = format!("{width} px, {}", preset.unwrap_or("no preset"));
            // The page margin: 4% of the width, up to 64 px (base.css), whatever the text size.
            let margin = (f64::from(width) * 0.04).min(64.0);
            assert!(
                left >= margin - 1.0,
                "{what}: the story starts {left} px from the edge"
            );
            // Centred: as much room right of the columns as left of them.
            assert!(
                (right_gap - left).abs() <= 2.0,
                "{what}: {left} px left of the article, {right_gap} px right of it"
            );
            if preset == Some("Large text") {
                b.screenshot(&format!("wide-{width}-large-text")).await;
            }
        }
        b.close().await;
    }
}
