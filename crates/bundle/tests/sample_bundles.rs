//! The shipped sample bundles validate with zero errors and zero warnings.

use std::path::{Path, PathBuf};

use folio_bundle::{read_folder, Report};

fn bundles_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/bundles")
}

#[test]
fn seed_article_bundle_is_clean() {
    let mut report = Report::default();
    let article = read_folder(
        &bundles_dir().join("us-officials-meet-russian-dissidents"),
        &mut report,
    );
    assert!(report.diagnostics.is_empty(), "{report}");
    let article = article.expect("the seed bundle reads");
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
