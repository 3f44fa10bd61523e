//! The deployment's settings, read from `folio.json` beside the app.

use serde::Deserialize;

/// Where the catalog is, which origins bundles may come from, and how long to wait.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(default)]
pub struct Config {
    /// The catalog's URL, relative to the app. Default `index.json`.
    pub catalog: String,
    /// Origins other than the app's own that bundles may load from, such as
    /// `https://news.example.org`. Default: none, only the app's own origin.
    pub bundle_origins: Vec<String>,
    /// Seconds before a request is given up as timed out. Default 20.
    pub timeout_seconds: u32,
    /// The site's name, as embeds and oEmbed give it ("Read the full article on …",
    /// `provider_name`). Default `Folio`. Read at build time only: the pages carry it.
    #[cfg(not(target_arch = "wasm32"))]
    pub site_name: String,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            catalog: "index.json".into(),
            bundle_origins: Vec::new(),
            timeout_seconds: 20,
            #[cfg(not(target_arch = "wasm32"))]
            site_name: "Folio".into(),
        }
    }
}

/// The config file's URL, relative to the app.
pub const FILE: &str = "folio.json";
