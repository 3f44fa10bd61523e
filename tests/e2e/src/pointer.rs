//! Mouse driving through WebDriver pointer actions: a real click at a place on the screen,
//! as a reader makes it, wherever the elements are.

use std::time::Duration;

use fantoccini::actions::{InputSource, MouseActions, PointerAction, MOUSE_BUTTON_LEFT};

use crate::Browser;

impl Browser {
    /// Clicks the left button at (`x`, `y`), CSS pixels from the viewport's top left.
    pub async fn click_at(&self, x: f64, y: f64) {
        let mouse = MouseActions::new("mouse".into())
            .then(PointerAction::MoveTo {
                duration: None,
                x,
                y,
            })
            .then(PointerAction::Down {
                button: MOUSE_BUTTON_LEFT,
            })
            .then(PointerAction::Up {
                button: MOUSE_BUTTON_LEFT,
            });
        self.client
            .perform_actions(mouse)
            .await
            .unwrap_or_else(|e| panic!("cannot click at ({x}, {y}): {e}"));
        tokio::time::sleep(Duration::from_millis(60)).await;
    }
}
