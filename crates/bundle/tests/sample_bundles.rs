//! The shipped sample bundles and the catalog validate with zero errors and zero warnings,
//! and each sample contains the parts it exists to test.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use folio_bundle::{
    read_catalog, read_folder, Alignment, Article, Block, Document, LinkTarget, NoticeKind, Report,
};

const SEED: &str = "us-officials-meet-russian-dissidents";
const LONG: &str = "folio-long-read-test";
const RUSSIAN: &str = "folio-russian-test";
const PERSIAN: &str = "folio-persian-test";

fn public_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public")
}

fn bundles_dir() -> PathBuf {
    public_dir().join("bundles")
}

/// Reads the sample bundle `id`, failing on any error or warning.
fn clean_bundle(id: &str) -> Article {
    let mut report = Report::default();
    let article = read_folder(&bundles_dir().join(id), &mut report);
    assert!(report.diagnostics.is_empty(), "{id}:\n{report}");
    let article = article.unwrap_or_else(|| panic!("{id} reads"));
    assert_eq!(article.manifest.id, id, "the folder is named after the id");
    article
}

/// Every block of a document, nested ones included, footnotes last.
fn all_blocks(doc: &Document) -> Vec<&Block> {
    fn walk<'d>(blocks: &'d [Block], out: &mut Vec<&'d Block>) {
        for block in blocks {
            out.push(block);
            match block {
                Block::Quote(inner) => walk(inner, out),
                Block::List { items, .. } => items.iter().for_each(|i| walk(&i.blocks, out)),
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    walk(&doc.blocks, &mut out);
    doc.footnotes.iter().for_each(|n| walk(&n.blocks, &mut out));
    out
}

#[test]
fn seed_article_bundle_is_clean() {
    let article = clean_bundle(SEED);
    assert_eq!(
        article.manifest.headline,
        "U.S. Officials Meet With Russian Dissidents, Military"
    );
    let outline: Vec<_> = article
        .body
        .outline
        .iter()
        .map(|o| o.text.as_str())
        .collect();
    assert_eq!(
        outline,
        ["Array Of Activists", "Missile-Defense Disagreement"]
    );
}

#[test]
fn long_read_test_bundle_is_clean_and_uses_every_part_of_the_format() {
    let article = clean_bundle(LONG);
    let m = &article.manifest;
    assert_eq!(m.language, "en");
    assert_eq!(m.source.name, "Folio");
    assert!(m.kicker.as_deref().unwrap().contains("test"));
    assert!(m.standfirst.as_deref().unwrap().contains("test article"));
    assert!(m.updated.is_some() && m.rights.is_some() && !m.tags.is_empty());
    assert!(m.lead.is_some());
    assert!(!m.sidebars.is_empty());
    assert!(m.media.iter().all(|x| x.placeholder && !x.alt.is_empty()));
    assert!(m.media.iter().any(|x| !x.sources.is_empty()));

    let related: Vec<_> = m.related.iter().map(|l| l.to()).collect();
    assert!(
        related.contains(&LinkTarget::Article(RUSSIAN.into())),
        "{related:?}"
    );
    assert!(related.contains(&LinkTarget::Nowhere), "{related:?}");
    let kinds: Vec<_> = m.notices.iter().map(|n| n.kind).collect();
    assert!(kinds.contains(&NoticeKind::Correction), "{kinds:?}");
    assert!(kinds.contains(&NoticeKind::EditorsNote), "{kinds:?}");

    let body = &article.body;
    let levels: Vec<u8> = body.outline.iter().map(|o| o.level).collect();
    assert!(levels.contains(&2) && levels.contains(&3), "{levels:?}");
    assert_eq!(
        levels.first(),
        Some(&2),
        "the body's first heading is an h2"
    );

    let blocks = all_blocks(body);
    let figures: BTreeSet<&str> = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Figure { media, .. } => Some(media.as_str()),
            _ => None,
        })
        .collect();
    assert!(figures.len() >= 6, "{figures:?}");
    let aligned = blocks.iter().any(|b| {
        matches!(b, Block::Table { alignments, .. }
            if [Alignment::Left, Alignment::Center, Alignment::Right]
                .iter()
                .all(|a| alignments.contains(a)))
    });
    assert!(aligned, "a table with left, centre and right columns");
    assert!(blocks.iter().any(|b| matches!(b, Block::Quote(_))));
    assert!(blocks
        .iter()
        .any(|b| matches!(b, Block::List { start: None, .. })));
    assert!(blocks
        .iter()
        .any(|b| matches!(b, Block::List { start: Some(1), .. })));
    assert!(blocks.iter().any(|b| matches!(b, Block::Code { .. })));
    assert!(blocks.iter().any(|b| matches!(b, Block::Rule)));
    assert!(!body.footnotes.is_empty());
    assert!(body.footnotes.iter().all(|n| n.number > 0));
    assert!(
        (2_300..=2_900).contains(&body.word_count),
        "about 2,500 words, found {}",
        body.word_count
    );
}

#[test]
fn russian_test_bundle_is_clean() {
    let article = clean_bundle(RUSSIAN);
    let m = &article.manifest;
    assert_eq!(m.language, "ru");
    assert!(m.kicker.as_deref().unwrap().contains("Тестовая статья"));
    assert!(m.lead.is_some());
    assert!(m.notices.iter().any(|n| n.kind == NoticeKind::EditorsNote));
    let related: Vec<_> = m.related.iter().map(|l| l.to()).collect();
    assert!(
        related.contains(&LinkTarget::Article(SEED.into())),
        "{related:?}"
    );
    assert!(article.body.outline.len() >= 3);
    assert!(all_blocks(&article.body)
        .iter()
        .any(|b| matches!(b, Block::List { .. })));
}

#[test]
fn catalog_is_clean_and_matches_every_bundle() {
    let bytes = std::fs::read(public_dir().join("index.json")).expect("public/index.json");
    let mut report = Report::default();
    let catalog = read_catalog(&bytes, &mut report);
    assert!(report.diagnostics.is_empty(), "index.json:\n{report}");
    let catalog = catalog.expect("the catalog reads");

    let listed: BTreeSet<&str> = catalog.bundles.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(listed, BTreeSet::from([SEED, LONG, RUSSIAN, PERSIAN]));
    assert_eq!(catalog.bundles.len(), 4);

    for entry in &catalog.bundles {
        assert_eq!(entry.path, format!("bundles/{}/", entry.id));
        let mut report = Report::default();
        let article = read_folder(&public_dir().join(&entry.path), &mut report)
            .unwrap_or_else(|| panic!("{}:\n{report}", entry.id));
        let m = &article.manifest;
        assert_eq!(entry.id, m.id);
        assert_eq!(entry.headline, m.headline, "{}", entry.id);
        assert_eq!(entry.published, m.published, "{}", entry.id);
        assert_eq!(entry.language, m.language, "{}", entry.id);
        assert_eq!(entry.direction, m.direction, "{}", entry.id);
        assert!(!entry.summary.is_empty(), "{}", entry.id);

        let thumb = entry
            .thumbnail
            .as_ref()
            .unwrap_or_else(|| panic!("{} has a thumbnail", entry.id));
        let inside = thumb
            .src
            .strip_prefix(&entry.path)
            .unwrap_or_else(|| panic!("{}: thumbnail is inside the bundle", entry.id));
        let lead = m.lead.as_ref().and_then(|l| m.media(&l.media)).unwrap();
        assert_eq!(
            inside, lead.src,
            "{}: the thumbnail is the lead image",
            entry.id
        );
        assert_eq!((thumb.width, thumb.height), (lead.width, lead.height));
        assert_eq!(thumb.alt, lead.alt, "{}", entry.id);
    }
}

/// Width and height from a PNG's header.
fn png_size(path: &Path) -> (u32, u32) {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert_eq!(
        &bytes[..8],
        b"\x89PNG\r\n\x1a\n",
        "{} is a PNG",
        path.display()
    );
    assert_eq!(&bytes[12..16], b"IHDR");
    let word = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
    (word(16), word(20))
}

#[test]
fn every_sample_image_has_its_declared_size_and_stays_small() {
    for id in [SEED, LONG, RUSSIAN, PERSIAN] {
        let article = clean_bundle(id);
        for media in &article.manifest.media {
            let path = bundles_dir().join(id).join(&media.src);
            assert_eq!(
                png_size(&path),
                (media.width, media.height),
                "{}",
                path.display()
            );
            for other in &media.sources {
                let path = bundles_dir().join(id).join(&other.src);
                assert_eq!(png_size(&path).0, other.width, "{}", path.display());
            }
            if media.placeholder {
                let len = std::fs::metadata(&path).unwrap().len();
                assert!(len < 3 * 1024, "{}: {len} bytes", path.display());
            }
        }
    }
}
