//! The bundle reader, the manifest's checks and the Markdown parser, as a part of its own
//! (ADR 013). Only an article the app loads itself (`?bundle=`, a saved article) is read in
//! the browser; a static page carries its article already read by the build
//! (`crate::start::PageData`). So the module every page loads does without the reader, and
//! the release build fetches it, once, when [`fetch`] first runs.

use std::future::Future;
use std::pin::Pin;

use folio_bundle::manifest::Manifest;
use folio_bundle::pause::Waiting;
use folio_bundle::{read_manifest, Article, Report};

use crate::parts::PartMissing;

/// An article being read from its body, awaited in steps.
pub type Reading<'a> = Pin<Box<dyn Future<Output = Option<Article>> + 'a>>;

/// The reader's two steps, as `folio_bundle` takes them: the manifest, then the body.
#[derive(Clone, Copy)]
pub struct Reader {
    /// `folio_bundle::read_manifest`.
    pub manifest: fn(&[u8], &mut Report) -> Option<Manifest>,
    /// `folio_bundle::Article::assemble_in_steps`.
    pub article: for<'a> fn(
        Manifest,
        &'a [u8],
        &'a mut Report,
        &'a mut dyn FnMut() -> Waiting,
    ) -> Reading<'a>,
}

fn read_article<'a>(
    manifest: Manifest,
    body: &'a [u8],
    report: &'a mut Report,
    pause: &'a mut dyn FnMut() -> Waiting,
) -> Reading<'a> {
    Box::pin(Article::assemble_in_steps(manifest, body, report, pause))
}

const READER: Reader = Reader {
    manifest: read_manifest,
    article: read_article,
};

/// The reader: fetched the first time in the release build, at once elsewhere.
pub async fn fetch() -> Result<Reader, PartMissing> {
    #[cfg(feature = "split")]
    {
        #[allow(unsafe_code, improper_ctypes_definitions)]
        #[wasm_split_helpers::wasm_split(reader, fallible)]
        fn fetch_part() -> Result<Reader, PartMissing> {
            Ok(READER)
        }
        fetch_part().await
    }
    #[cfg(not(feature = "split"))]
    {
        Ok(READER)
    }
}
