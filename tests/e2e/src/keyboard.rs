//! Keyboard-only driving through WebDriver key actions: real key presses, as a reader
//! without a mouse makes them, and where focus went.

use std::time::Duration;

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use serde_json::Value;

use crate::Browser;

impl Browser {
    /// Presses and releases `key`, holding Shift first when `shift` is set.
    pub async fn press_with(&self, key: Key, shift: bool) {
        let mut keys = KeyActions::new("keyboard".into());
        if shift {
            keys = keys.then(KeyAction::Down {
                value: Key::Shift.into(),
            });
        }
        keys = keys
            .then(KeyAction::Down { value: key.into() })
            .then(KeyAction::Up { value: key.into() });
        if shift {
            keys = keys.then(KeyAction::Up {
                value: Key::Shift.into(),
            });
        }
        self.client
            .perform_actions(keys)
            .await
            .unwrap_or_else(|e| panic!("cannot press {key:?}: {e}"));
        tokio::time::sleep(Duration::from_millis(60)).await;
    }

    /// Presses and releases `key`.
    pub async fn press(&self, key: Key) {
        self.press_with(key, false).await;
    }

    /// Whether the focused element matches `css`.
    pub async fn focus_is(&self, css: &str) -> bool {
        let script = "const a = document.activeElement; return !!a && a.matches(arguments[0]);";
        let found = self
            .client
            .execute(script, vec![Value::String(css.into())])
            .await;
        found.ok().and_then(|v| v.as_bool()).unwrap_or(false)
    }

    /// A short description of the focused element: its tag, id, classes and accessible text.
    pub async fn focused(&self) -> String {
        let v = self
            .eval(
                "const a = document.activeElement; if (!a) return 'nothing';
                 const name = a.getAttribute('aria-label') || (a.labels && a.labels[0] && a.labels[0].textContent) || a.textContent || '';
                 return a.tagName.toLowerCase() + (a.id ? '#' + a.id : '') + (a.className ? '.' + String(a.className).split(' ').join('.') : '') + ' ' + name.trim().slice(0, 40);",
            )
            .await;
        v.as_str().unwrap_or_default().to_owned()
    }

    /// Presses Tab until the focused element matches `css`, at most `limit` times; fails
    /// the test, naming where focus went, if it never gets there.
    pub async fn tab_to(&self, css: &str, limit: usize) {
        let mut seen = Vec::new();
        for _ in 0..limit {
            if self.focus_is(css).await {
                return;
            }
            self.press(Key::Tab).await;
            seen.push(self.focused().await);
        }
        assert!(
            self.focus_is(css).await,
            "Tab never reached {css:?}; focus went: {seen:#?}"
        );
    }
}
