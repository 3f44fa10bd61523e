//! The documented caps on input sizes, so that a hostile bundle cannot exhaust a reader's phone.

/// Largest `bundle.json`, in bytes.
pub const MANIFEST_BYTES: usize = 256 * 1024;
/// Largest catalog `index.json`, in bytes.
pub const CATALOG_BYTES: usize = 1024 * 1024;
/// Largest Markdown file (the body), in bytes: about 600,000 words of English.
pub const MARKDOWN_FILE_BYTES: usize = 4 * 1024 * 1024;
/// Largest Markdown written inside the manifest (a sidebar teaser or a notice), in bytes.
pub const INLINE_MARKDOWN_BYTES: usize = 16 * 1024;
/// Longest one-line text field (headline, kicker, caption, label...), in characters.
pub const TEXT_CHARS: usize = 1_000;
/// Longest URL or path, in characters.
pub const URL_CHARS: usize = 2_048;
/// Most media items in one bundle.
pub const MEDIA_ITEMS: usize = 500;
/// Most sidebars in one bundle.
pub const SIDEBARS: usize = 16;
/// Most related links in one bundle.
pub const RELATED_LINKS: usize = 64;
/// Most notices in one bundle.
pub const NOTICES: usize = 16;
/// Most links in one notice.
pub const NOTICE_LINKS: usize = 16;
/// Most tags in one bundle.
pub const TAGS: usize = 64;
/// Most bundles in one catalog.
pub const CATALOG_ENTRIES: usize = 5_000;
/// Largest declared image width or height, in pixels.
pub const IMAGE_DIMENSION: u32 = 16_384;
/// Deepest nesting of Markdown containers (block quotes, lists, emphasis, links).
/// Deeper levels are flattened into the last allowed one.
pub const NESTING_DEPTH: usize = 32;
/// Most elements one Markdown text may make: every paragraph, heading, list item, table cell,
/// link, emphasis, piece of text and line break counts as one. Past it the text is refused,
/// since a reader's phone could not show it without freezing.
pub const MARKDOWN_ELEMENTS: usize = 120_000;
/// Most elements inside one paragraph, heading, list item or table cell: one block is built
/// in one go, so this bounds the longest a reader's page is busy with any single block.
pub const BLOCK_ELEMENTS: usize = 10_000;
/// Most table cells in one Markdown text, counting the empty cells that fill short rows.
pub const TABLE_CELLS: usize = 10_000;
/// Most footnotes one Markdown text may define.
pub const FOOTNOTES: usize = 1_000;
