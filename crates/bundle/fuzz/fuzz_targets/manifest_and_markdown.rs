//! A whole bundle from hostile bytes: the manifest up to the first NUL byte, the body after
//! it. Reading must never panic, whatever the bytes. The whole input is also parsed as
//! Markdown on its own when it is UTF-8, so that Markdown is fuzzed even when there is no
//! NUL byte or the manifest is broken and the body is never reached.

#![no_main]

use folio_bundle::{markdown, read_bundle, Report};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (manifest, body) = match data.iter().position(|&b| b == 0) {
        Some(nul) => (&data[..nul], &data[nul + 1..]),
        None => (data, &[][..]),
    };
    let _ = read_bundle(manifest, body);
    if let Ok(text) = std::str::from_utf8(data) {
        let mut report = Report::default();
        let _ = markdown::parse("body.md", text, &mut report);
    }
});
