//! Helpers for a page whose article body is still being built: ChromeDriver's CPU throttling,
//! `<html data-folio-body>`, and a reader's presses made inside the page in one round trip.

use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::reading::root_attribute;
use crate::Browser;

/// Slows the browser's CPU `rate` times through DevTools, so a long body takes seconds to build.
pub async fn slow_cpu(b: &Browser, rate: u32) {
    b.cdp("Emulation.setCPUThrottlingRate", json!({ "rate": rate }))
        .await;
}

/// How far the body was built when a reader's steps ended, and at each step before.
#[derive(Debug)]
pub struct Steps {
    /// `data-folio-body` when the last step ended, or `failed: …`.
    pub end: String,
    /// For each step found, the milliseconds since the start and the body's state then.
    pub trail: String,
}

/// Runs `steps`, the body of an async JavaScript function, in the page in one WebDriver round
/// trip. Round trips wait for the page's current task, so a reader's few presses done one by
/// one from here could outlast the build on a loaded machine; done in the page, they take a
/// few of its frames. The steps have `until(find)`, which looks for what `find` returns once a
/// frame, for up to 2,000 frames, and `press(element)`, which clicks it as a pointer or Enter
/// would. (Frames, not timers: while the body builds, a page's timers wait behind its frames.)
pub async fn mid_build(b: &Browser, steps: &str) -> Steps {
    let script = format!(
        "const done = arguments[arguments.length - 1];
         const state = () => document.documentElement.getAttribute('data-folio-body');
         const start = performance.now();
         const trail = [];
         const until = async (find) => {{
           for (let i = 0; i < 2000; i++) {{
             const found = find();
             if (found) {{
               trail.push(Math.round(performance.now() - start) + ' ms: ' + state());
               return found;
             }}
             await new Promise((r) => requestAnimationFrame(r));
           }}
           throw new Error('not found: ' + find);
         }};
         const press = (element) => element.click();
         (async () => {{ {steps} }})()
           .then(() => done({{ end: state(), trail: trail.join(', ') }}))
           .catch((e) => done({{ end: 'failed: ' + e.message, trail: trail.join(', ') }}));"
    );
    let ran = b
        .client
        .execute_async(&script, vec![])
        .await
        .expect("the steps ran in the page");
    let text = |key: &str| ran[key].as_str().unwrap_or_default().to_owned();
    Steps {
        end: text("end"),
        trail: text("trail"),
    }
}

/// How far the body has been built: `<html data-folio-body>`.
pub async fn body_state(b: &Browser) -> Value {
    root_attribute(b, "data-folio-body").await
}

/// Waits up to a minute for the whole body.
pub async fn wait_until_complete(b: &Browser) {
    let start = Instant::now();
    while body_state(b).await != json!("complete") {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "the body was not complete within a minute"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}
