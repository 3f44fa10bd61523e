//! Folio's pages: the catalog, an article, and the failure views they share.

pub mod article_page;
pub mod catalog_page;
pub mod failure;
