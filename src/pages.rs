//! Folio's pages: the catalog, an article, the Saved page, and the failure views they share.

pub mod article_page;
pub mod catalog_page;
pub mod failure;
pub mod loading;
#[cfg(not(target_arch = "wasm32"))]
pub mod saved_page;
pub mod use_document_head;
