//! A catalog `index.json` from hostile bytes: reading must never panic.

#![no_main]

use folio_bundle::{read_catalog, Report};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut report = Report::default();
    let _ = read_catalog(data, &mut report);
});
