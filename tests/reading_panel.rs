//! Component tests in headless Chromium for reading mode: the panel's state, what it
//! writes to `<html>`, and the settings it saves to and loads from real `localStorage`.
#![cfg(target_arch = "wasm32")]

// Only `sleep` of the shared helpers is needed here.
#[allow(dead_code)]
mod browser;

use folio::reading::panel::ReadingPanel;
use folio::reading::saved::{to_json, KEY};
use folio::reading::settings::{Preset, ReadingSettings, Step, Theme};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn root() -> web_sys::HtmlElement {
    document().document_element().unwrap().unchecked_into()
}

/// A clean page: no saved settings, nothing on `<html>`, a fresh host element.
fn fresh_host() -> web_sys::HtmlElement {
    storage().clear().unwrap();
    let html = root();
    for name in html.get_attribute_names().iter() {
        let name = name.as_string().unwrap();
        if name.starts_with("data-folio") || name == "style" {
            html.remove_attribute(&name).unwrap();
        }
    }
    let el: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&el).unwrap();
    el
}

/// Time for the panel's effects, a part coming into hand and an animation frame.
async fn tick() {
    browser::sleep(30).await;
}

/// The panel mounted in `host` and opened, as a reader's press opens it: its controls are a
/// part of their own (src/parts.rs), built when it first opens.
async fn open_panel(host: &web_sys::HtmlElement) -> impl Sized {
    let mounted = leptos::mount::mount_to(host.clone(), ReadingPanel);
    tick().await;
    click(host, "[aria-controls='folio_reading_panel']");
    tick().await;
    assert!(
        host.query_selector(".reading-switch").unwrap().is_some(),
        "the panel's controls are there once it is open"
    );
    mounted
}

fn click(host: &web_sys::HtmlElement, css: &str) {
    let el: web_sys::HtmlElement = host.query_selector(css).unwrap().unwrap().unchecked_into();
    el.click();
}

fn attr(host: &web_sys::HtmlElement, css: &str, name: &str) -> Option<String> {
    host.query_selector(css)
        .unwrap()
        .unwrap()
        .get_attribute(name)
}

#[wasm_bindgen_test]
async fn a_preset_applies_at_once_to_the_root_and_is_saved() {
    let host = fresh_host();
    let _mounted = open_panel(&host).await;
    assert_eq!(
        attr(&host, ".reading-switch", "aria-checked").as_deref(),
        Some("false")
    );
    click(&host, ".reading-preset:nth-of-type(3)");
    tick().await;
    assert_eq!(
        root().get_attribute("data-folio-reading").as_deref(),
        Some("on")
    );
    assert_eq!(
        root().get_attribute("data-folio-font").as_deref(),
        Some("opendyslexic")
    );
    assert_eq!(
        root()
            .style()
            .get_property_value("--folio-line-height")
            .unwrap(),
        "2"
    );
    assert_eq!(
        attr(&host, ".reading-switch", "aria-checked").as_deref(),
        Some("true")
    );
    assert_eq!(
        attr(&host, ".reading-preset:nth-of-type(3)", "aria-pressed").as_deref(),
        Some("true")
    );
    let saved = storage().get_item(KEY).unwrap().expect("saved");
    let value: serde_json::Value = serde_json::from_str(&saved).unwrap();
    assert_eq!(value["settings"]["font"], "open-dyslexic");
    assert_eq!(
        value["appearance"]["attributes"]["data-folio-font"],
        "opendyslexic"
    );
    let status = host
        .query_selector(".reading-panel__status")
        .unwrap()
        .unwrap();
    assert_eq!(status.get_attribute("role").as_deref(), Some("status"));
    assert_eq!(status.text_content().unwrap(), "Preset: Dyslexia-friendly");
}

#[wasm_bindgen_test]
async fn the_switch_turns_the_text_settings_off_and_keeps_the_theme() {
    let host = fresh_host();
    let _mounted = open_panel(&host).await;
    click(&host, ".reading-preset:nth-of-type(4)");
    tick().await;
    click(&host, ".reading-switch");
    tick().await;
    assert_eq!(root().get_attribute("data-folio-reading"), None);
    assert_eq!(
        root()
            .style()
            .get_property_value("--folio-text-scale")
            .unwrap(),
        ""
    );
    assert_eq!(
        root().get_attribute("data-folio-theme").as_deref(),
        Some("high-contrast")
    );
}

#[wasm_bindgen_test]
async fn saved_settings_load_into_the_panel() {
    let host = fresh_host();
    let mut settings = ReadingSettings::defaults();
    settings.apply_preset(Preset::LargeText);
    settings.theme = Theme::Dark;
    settings.set_step(Step::LineWidth, 45);
    storage().set_item(KEY, &to_json(&settings)).unwrap();
    let _mounted = open_panel(&host).await;
    assert_eq!(
        attr(&host, "#folio_reading_text_size", "aria-valuetext").as_deref(),
        Some("175%")
    );
    assert_eq!(
        attr(&host, "#folio_reading_line_width", "aria-valuetext").as_deref(),
        Some("45 characters")
    );
    let theme: web_sys::HtmlSelectElement = host
        .query_selector("#folio_reading_theme")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(
        theme
            .selected_options()
            .item(0)
            .unwrap()
            .text_content()
            .unwrap(),
        "Dark"
    );
    assert_eq!(
        root().get_attribute("data-folio-theme").as_deref(),
        Some("dark")
    );
    assert_eq!(
        root()
            .style()
            .get_property_value("--folio-line-width")
            .unwrap(),
        "45ch"
    );
}

#[wasm_bindgen_test]
async fn damaged_saved_settings_give_the_defaults_without_a_panic() {
    for damaged in [
        "{",
        "null",
        "{\"version\":1,\"settings\":{\"text_size\":\"huge\"}}",
        "\u{feff}",
    ] {
        let host = fresh_host();
        storage().set_item(KEY, damaged).unwrap();
        let _mounted = open_panel(&host).await;
        assert_eq!(
            attr(&host, "#folio_reading_text_size", "aria-valuetext").as_deref(),
            Some("100%"),
            "{damaged}"
        );
        assert_eq!(root().get_attribute("data-folio-reading"), None);
    }
}

#[wasm_bindgen_test]
async fn reset_forgets_the_saved_settings_and_clears_the_root() {
    let host = fresh_host();
    let _mounted = open_panel(&host).await;
    click(&host, ".reading-preset:nth-of-type(1)");
    tick().await;
    assert!(storage().get_item(KEY).unwrap().is_some());
    click(&host, ".reading-panel__reset");
    tick().await;
    assert_eq!(storage().get_item(KEY).unwrap(), None);
    assert_eq!(root().get_attribute("data-folio-theme"), None);
    assert_eq!(root().style().length(), 0);
    assert_eq!(
        attr(&host, ".reading-switch", "aria-checked").as_deref(),
        Some("false")
    );
}
