//! Support for the CommonMark conformance test: the spec's examples, a printer from
//! Folio's document tree to reference-style HTML, and an HTML normaliser. Test code only:
//! the viewer never produces HTML strings.

pub mod html;
pub mod normalise;
pub mod spec;
