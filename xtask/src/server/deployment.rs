//! A second deployment of the same build, for the end-to-end tests: the app served from a
//! sub-folder, `/news/folio/`, with its own settings (`tests/fixtures/deployments/news-folio/
//! folio.json`): bundles allowed from the server's other name, `localhost`, and a two-second
//! timeout. Only when the fixtures are served.

use std::path::Path;

/// Where the second deployment is served.
pub const SUB_FOLDER: &str = "/news/folio/";

/// The sub-folder deployment's `folio.json`, with `{port}` made the port the request came to.
pub fn settings(fixtures: &Path, host: &str) -> std::io::Result<Vec<u8>> {
    let text = std::fs::read_to_string(fixtures.join("deployments/news-folio/folio.json"))?;
    let port = host.rsplit_once(':').map_or("80", |(_, p)| p);
    let port: String = port.chars().filter(char::is_ascii_digit).collect();
    Ok(text.replace("{port}", &port).into_bytes())
}
