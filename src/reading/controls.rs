//! The fine controls of the reading panel: a slider per stepped setting, a list per choice,
//! and a checkbox per on/off setting. Each labels itself, says its value in words, and
//! turns reading mode on when it changes a reading-mode setting.

use leptos::prelude::*;

use crate::interface::{use_interface, Phrase};
use crate::reading::settings::{ReadingSettings, Step};
use crate::reading::state::use_reading;

/// A slider over one [`Step`]'s values, with the value in words beside it.
#[component]
pub fn StepControl(step: Step) -> impl IntoView {
    let state = use_reading();
    let ui = use_interface();
    let id = format!("folio_reading_{}", step.key());
    let value = move || state.settings.with(|s| s.step(step));
    let on_input = move |ev: leptos::ev::Event| {
        let Ok(index) = event_target_value(&ev).parse::<usize>() else {
            return;
        };
        let chosen = step.at(index);
        state.change(
            format!(
                "{}: {}",
                ui.say(step.label()),
                step.describe(chosen, ui.locale)
            ),
            |s| {
                s.set_step(step, chosen);
                s.enabled = true;
                s.preset = None;
            },
        );
    };
    view! {
        <div class="reading-control reading-control--step">
            <label for=id.clone()>{ui.say(step.label())}</label>
            <input
                type="range"
                id=id.clone()
                min="0"
                max=(step.values().len() - 1).to_string()
                step="1"
                prop:value=move || step.index_of(value()).to_string()
                aria-valuetext=move || step.describe(value(), ui.locale)
                on:input=on_input
            />
            <output for=id aria-hidden="true">{move || step.describe(value(), ui.locale)}</output>
        </div>
    }
}

/// A list to choose one of `options`, each a value and its name.
#[component]
pub fn ChoiceControl<T>(
    /// The list's label.
    label: Phrase,
    /// The element id.
    id: &'static str,
    /// Every value and its name, in the order shown.
    options: Vec<(T, String)>,
    /// Reads the current value.
    get: fn(&ReadingSettings) -> T,
    /// Sets a chosen value.
    set: fn(&mut ReadingSettings, T),
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    let state = use_reading();
    let label = use_interface().say(label);
    let on_change = {
        let (options, label) = (options.clone(), label.clone());
        move |ev: leptos::ev::Event| {
            let index = event_target_value(&ev).parse::<usize>().ok();
            if let Some((value, name)) = index.and_then(|i| options.get(i)) {
                state.change(format!("{label}: {name}"), |s| set(s, *value));
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
                    view! { <option value=i.to_string() prop:selected=selected>{name.clone()}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

/// A checkbox for an on/off setting.
#[component]
pub fn ToggleControl(
    /// What it turns on, such as "Hide images".
    label: Phrase,
    /// Reads it.
    get: fn(&ReadingSettings) -> bool,
    /// Sets it.
    set: fn(&mut ReadingSettings, bool),
) -> impl IntoView {
    let state = use_reading();
    let ui = use_interface();
    let label = ui.say(label);
    let on_change = {
        let label = label.clone();
        move |ev: leptos::ev::Event| {
            let on = event_target_checked(&ev);
            let said = if on {
                Phrase::SettingOn
            } else {
                Phrase::SettingOff
            };
            let said = ui.say_with(said, &[("setting", label.as_str().into())]);
            state.change(said, |s| set(s, on));
        }
    };
    view! {
        <label class="reading-control reading-control--toggle">
            <input type="checkbox" prop:checked=move || state.settings.with(get) on:change=on_change/>
            <span>{label}</span>
        </label>
    }
}
