//! The reading-settings panel: a button on every article that opens a dialog with the
//! reading-mode switch, the presets, the fine controls and Reset. The dialog is modal, so
//! it holds focus only while open, closes with Escape, Close or a click on the dimmed page
//! behind it, and gives focus back to its button.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::interface::{use_interface, Phrase};
use crate::parts::Part;
use crate::reading::controls::{ChoiceControl, StepControl, ToggleControl};
use crate::reading::settings::{Alignment, Font, Preset, ReadingSettings, Step, Theme};
use crate::reading::state::use_reading;

/// The button that opens the panel, and the panel.
#[component]
pub fn ReadingPanel() -> impl IntoView {
    let state = use_reading();
    let ui = use_interface();
    let say = move |phrase| ui.say(phrase);
    let dialog = NodeRef::<html::Dialog>::new();
    let opener = NodeRef::<html::Button>::new();
    // The controls are a part of their own, fetched the first time the panel opens.
    let controls = Part::new(PANEL_CONTROLS);
    let open = move |_| {
        controls.open(move || {
            if let Some(d) = dialog.get() {
                let _ = d.show_modal();
            }
        })
    };
    let close = move |_| {
        if let Some(d) = dialog.get() {
            d.close();
        }
    };
    // A click on the dimmed page behind the panel reaches the dialog itself, outside its box.
    // Keys that press a button inside make clicks at no position (`detail` 0), never this.
    let close_from_backdrop = move |ev: leptos::ev::MouseEvent| {
        let Some(d) = dialog.get() else { return };
        let itself: &wasm_bindgen::JsValue = d.as_ref();
        let on_dialog = ev
            .target()
            .is_some_and(|t| &wasm_bindgen::JsValue::from(t) == itself);
        let r = d.get_bounding_client_rect();
        let (x, y) = (f64::from(ev.client_x()), f64::from(ev.client_y()));
        let outside = x < r.left() || x > r.right() || y < r.top() || y > r.bottom();
        if on_dialog && outside && ev.detail() > 0 {
            d.close();
        }
    };
    let give_focus_back = move |_| {
        if let Some(b) = opener.get() {
            let _ = b.focus();
        }
    };
    let keep_focus_inside = move |ev: leptos::ev::KeyboardEvent| {
        if let Some(d) = dialog.get() {
            wrap_tab(&ev, &d);
        }
    };
    let on = move || state.settings.with(|s| s.enabled);
    view! {
        <button
            class="tool-button"
            node_ref=opener
            aria-haspopup="dialog"
            aria-controls="folio_reading_panel"
            aria-busy=move || controls.fetching().then_some("true")
            on:click=open
        >
            // A line may break after the icon (a zero-width space), not inside a long word.
            <span aria-hidden="true" class="tool-button__icon">"Aa\u{200B}"</span>
            {say(Phrase::ReadingSettings)}
            <span class="tool-button__state">{move || if on() { format!(" {}", say(Phrase::InForce)) } else { String::new() }}</span>
        </button>
        {move || controls.missing().then(|| view! { <p class="article-tools__problem" role="alert">{ui.say_with(Phrase::ToolMissing, &[("tool", say(Phrase::ReadingSettings).as_str().into())])}</p> })}
        <dialog
            class="reading-panel"
            class:reading-panel--off=move || !on()
            id="folio_reading_panel"
            node_ref=dialog
            aria-labelledby="folio_reading_title"
            on:close=give_focus_back
            on:keydown=keep_focus_inside
            on:click=close_from_backdrop
        >
            <div class="reading-panel__head">
                <h2 id="folio_reading_title">{say(Phrase::ReadingSettings)}</h2>
                <button class="reading-panel__close" on:click=close>{say(Phrase::Close)}</button>
            </div>
            {controls.view_or(|| ().into_any())}
            <p class="reading-panel__status" role="status">{move || state.announcement.get()}</p>
            {move || state.problem.get().map(|p| view! { <p class="reading-panel__problem" role="alert">{p}</p> })}
        </dialog>
    }
}

crate::part!(
    /// The panel's controls: the switch, the presets, the settings and Reset.
    PANEL_CONTROLS, reading_panel, controls
);

/// The panel's controls, built inside the open panel.
fn controls() -> AnyView {
    let state = use_reading();
    let ui = use_interface();
    let say = move |phrase| ui.say(phrase);
    view! {
        <ModeSwitch/>
        <Presets/>
        // With reading mode off, its settings are kept but not in force: they are dimmed,
        // and changing one turns reading mode on (docs/accessibility.md).
        <fieldset class="reading-panel__group reading-panel__group--mode">
            <legend>{say(Phrase::GroupText)}</legend>
            {Step::ALL.into_iter().map(|step| view! { <StepControl step/> }).collect_view()}
            <ChoiceControl
                label=Phrase::Font id="folio_reading_font"
                options=vec![
                    (Font::Serif, say(Phrase::FontSerif)),
                    (Font::Sans, say(Phrase::FontSans)),
                    // Typefaces' own names, the same in every language.
                    (Font::Atkinson, "Atkinson Hyperlegible".into()),
                    (Font::OpenDyslexic, "OpenDyslexic".into()),
                ]
                get=|s: &ReadingSettings| s.font
                set=|s: &mut ReadingSettings, font| { s.font = font; s.enabled = true; s.preset = None; }
            />
            <ChoiceControl
                label=Phrase::Alignment id="folio_reading_alignment"
                options=vec![(Alignment::Start, say(Phrase::AlignmentStart)), (Alignment::Justified, say(Phrase::AlignmentJustified))]
                get=|s: &ReadingSettings| s.alignment
                set=|s: &mut ReadingSettings, a| { s.alignment = a; s.enabled = true; s.preset = None; }
            />
        </fieldset>
        <fieldset class="reading-panel__group">
            <legend>{say(Phrase::GroupPage)}</legend>
            <ChoiceControl
                label=Phrase::Theme id="folio_reading_theme"
                options=vec![
                    (Theme::System, say(Phrase::ThemeSystem)),
                    (Theme::Light, say(Phrase::ThemeLight)),
                    (Theme::Sepia, say(Phrase::ThemeSepia)),
                    (Theme::Dark, say(Phrase::ThemeDark)),
                    (Theme::HighContrast, say(Phrase::ThemeHighContrast)),
                ]
                get=|s: &ReadingSettings| s.theme
                set=|s: &mut ReadingSettings, t| { s.theme = t; s.preset = None; }
            />
            <ToggleControl label=Phrase::ReduceMotion get=|s| s.reduce_motion set=|s, on| s.reduce_motion = on/>
        </fieldset>
        <fieldset class="reading-panel__group reading-panel__group--mode">
            <legend>{say(Phrase::GroupLayout)}</legend>
            <ToggleControl label=Phrase::HideImages get=|s| s.hide_images
                set=|s, on| { s.hide_images = on; s.enabled |= on; }/>
            <ToggleControl label=Phrase::SimplifiedLayout get=|s| s.simplified_layout
                set=|s, on| { s.simplified_layout = on; s.enabled |= on; s.preset = None; }/>
        </fieldset>
        {state.kept.then(|| view! { <crate::reading::language::LanguageChoice/> })}
        <button class="reading-panel__reset" id=crate::reading::state::RESET_ID on:click=move |_| state.reset()>{say(Phrase::Reset)}</button>
    }
    .into_any()
}

/// The one switch for reading mode.
#[component]
fn ModeSwitch() -> impl IntoView {
    let state = use_reading();
    let ui = use_interface();
    let on = move || state.settings.with(|s| s.enabled);
    let toggle = move |_| {
        let now = !state.settings.with_untracked(|s| s.enabled);
        let said = if now {
            Phrase::ReadingModeOn
        } else {
            Phrase::ReadingModeOff
        };
        state.change(ui.say(said), |s| s.enabled = now);
    };
    view! {
        <button class="reading-switch" role="switch" aria-checked=move || on().to_string() on:click=toggle>
            <span class="reading-switch__label">{ui.say(Phrase::ReadingMode)}</span>
            <span class="reading-switch__state" aria-hidden="true">{move || ui.say(if on() { Phrase::SwitchOn } else { Phrase::SwitchOff })}</span>
        </button>
        <p class="reading-panel__off-note" hidden=on>
            {ui.say(Phrase::ReadingModeOffNote)}
        </p>
    }
}

/// The four presets; the one in force is pressed.
#[component]
fn Presets() -> impl IntoView {
    let state = use_reading();
    let ui = use_interface();
    view! {
        <fieldset class="reading-panel__group reading-presets">
            <legend>{ui.say(Phrase::Presets)}</legend>
            {Preset::ALL.into_iter().map(|preset| {
                let pressed = move || state.settings.with(|s| s.enabled && s.preset == Some(preset)).to_string();
                let choose = move |_| {
                    let name = ui.say(preset.label());
                    state.change(ui.say_with(Phrase::PresetChosen, &[("name", name.as_str().into())]), |s| s.apply_preset(preset));
                };
                view! { <button class="reading-preset" aria-pressed=pressed on:click=choose>{ui.say(preset.label())}</button> }
            }).collect_view()}
        </fieldset>
    }
}

/// Keeps Tab and Shift+Tab cycling through the dialog's own controls.
fn wrap_tab(ev: &leptos::ev::KeyboardEvent, dialog: &web_sys::HtmlDialogElement) {
    // Read by key, code and key code: engines differ in which they fill for Shift+Tab.
    if ev.key() != "Tab" && ev.code() != "Tab" && ev.key_code() != 9 {
        return;
    }
    let Ok(list) = dialog.query_selector_all("button, input, select, a[href]") else {
        return;
    };
    let items: Vec<web_sys::HtmlElement> = (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        .collect();
    let (Some(first), Some(last)) = (items.first(), items.last()) else {
        return;
    };
    let active = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element());
    let at = |e: &web_sys::HtmlElement| {
        active
            .as_ref()
            .is_some_and(|a| a == e.unchecked_ref::<web_sys::Element>())
    };
    // WebKit also stops on the scrolling dialog itself: from there, on to an end.
    let on_dialog = active
        .as_ref()
        .is_some_and(|a| a == dialog.unchecked_ref::<web_sys::Element>());
    let target = if ev.shift_key() && (at(first) || on_dialog) {
        last
    } else if !ev.shift_key() && (at(last) || on_dialog) {
        first
    } else {
        return;
    };
    ev.prevent_default();
    let _ = target.focus();
}
