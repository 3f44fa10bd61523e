//! The fine controls of the reading panel: a slider per stepped setting, a list per choice,
//! and a checkbox per on/off setting. Each labels itself, says its value in words, and
//! turns reading mode on when it changes a reading-mode setting.

use leptos::prelude::*;

use crate::reading::settings::{ReadingSettings, Step};
use crate::reading::state::use_reading;

/// A slider over one [`Step`]'s values, with the value in words beside it.
#[component]
pub fn StepControl(step: Step) -> impl IntoView {
    let state = use_reading();
    let id = format!(
        "folio_reading_{}",
        step.label().to_lowercase().replace(' ', "_")
    );
    let value = move || state.settings.with(|s| s.step(step));
    let on_input = move |ev: leptos::ev::Event| {
        let Ok(index) = event_target_value(&ev).parse::<usize>() else {
            return;
        };
        let chosen = step.at(index);
        state.change(
            format!("{}: {}", step.label(), step.describe(chosen)),
            |s| {
                s.set_step(step, chosen);
                s.enabled = true;
                s.preset = None;
            },
        );
    };
    view! {
        <div class="reading-control reading-control--step">
            <label for=id.clone()>{step.label()}</label>
            <input
                type="range"
                id=id.clone()
                min="0"
                max=(step.values().len() - 1).to_string()
                step="1"
                prop:value=move || step.index_of(value()).to_string()
                aria-valuetext=move || step.describe(value())
                on:input=on_input
            />
            <output for=id aria-hidden="true">{move || step.describe(value())}</output>
        </div>
    }
}

/// A list to choose one of `options`, each a value and its name.
#[component]
pub fn ChoiceControl<T>(
    /// The list's label.
    label: &'static str,
    /// The element id.
    id: &'static str,
    /// Every value and its name, in the order shown.
    options: Vec<(T, &'static str)>,
    /// Reads the current value.
    get: fn(&ReadingSettings) -> T,
    /// Sets a chosen value.
    set: fn(&mut ReadingSettings, T),
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    let state = use_reading();
    let on_change = {
        let options = options.clone();
        move |ev: leptos::ev::Event| {
            let index = event_target_value(&ev).parse::<usize>().ok();
            if let Some((value, name)) = index.and_then(|i| options.get(i)).copied() {
                state.change(format!("{label}: {name}"), |s| set(s, value));
            }
        }
    };
    view! {
        <div class="reading-control">
            <label for=id>{label}</label>
            <select id=id on:change=on_change>
                {options.iter().enumerate().map(|(i, (value, name))| {
                    let value = *value;
                    let selected = move || state.settings.with(get) == value;
                    view! { <option value=i.to_string() prop:selected=selected>{*name}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

/// A checkbox for an on/off setting.
#[component]
pub fn ToggleControl(
    /// What it turns on, such as "Hide images".
    label: &'static str,
    /// Reads it.
    get: fn(&ReadingSettings) -> bool,
    /// Sets it.
    set: fn(&mut ReadingSettings, bool),
) -> impl IntoView {
    let state = use_reading();
    let on_change = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        let said = format!("{label}: {}", if on { "on" } else { "off" });
        state.change(said, |s| set(s, on));
    };
    view! {
        <label class="reading-control reading-control--toggle">
            <input type="checkbox" prop:checked=move || state.settings.with(get) on:change=on_change/>
            <span>{label}</span>
        </label>
    }
}
