//! Reading-accessibility mode: settings for text, spacing, colour and layout, chosen in a
//! panel on every article, applied at once through the root element, and kept on the device.

pub mod appearance;
pub mod controls;
pub mod embed;
pub mod language;
pub mod panel;
pub mod saved;
pub mod settings;
pub mod state;
