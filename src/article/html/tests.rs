//! The HTML writer against the components: for every static block and footnote of the
//! sample bundles and of a body with every kind in it, in the article's language and with
//! Folio's words in another, the writer's HTML is the components' own (natively rendered,
//! without Leptos' empty `<!>` markers, which only separate text nodes).

use std::collections::BTreeSet;
use std::sync::Arc;

use folio_bundle::{read_bundle, visit, Article, Inline};

use super::*;
use crate::article::blocks::{block, footnote};
use crate::interface::Locale;

const SAMPLE: &str = "us-officials-meet-russian-dissidents";

fn bundle_file(id: &str, name: &str) -> Vec<u8> {
    let path = format!("{}/public/bundles/{id}/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn article(id: &str, body: Option<&str>) -> Article {
    let body = body.map_or_else(|| bundle_file(id, "body.md"), |b| b.as_bytes().to_vec());
    let (article, report) = read_bundle(&bundle_file(id, "bundle.json"), &body);
    article.unwrap_or_else(|| panic!("{id}: {report}"))
}

/// A body with every block and inline kind the writer handles.
const EVERY_KIND: &str = "\
## A heading with *emphasis*, **strength**, ~~a strike~~ and `code`

A paragraph with [a site](https://www.rferl.org/ \"RFE/RL's \\\"site\\\"\"), [an anchor](#a-heading),
[a photo](media:lead-photo), [a file](media/lead-photo.png), [another article](bundle:folio-russian-test),
[a refused one](javascript:alert(1)), a note[^one], the same note again[^one], a missing one[^gone],
an inline picture ![the lead photo](media/lead-photo.png \"Its title\"), a withheld one
![elsewhere](https://example.org/x.png), <span>raw</span> HTML, a hard  
break and <escapes> & \"quotes\".

> A quote
>
> > inside a quote, with a [link](https://example.org/a?b=1&c=2).

- [x] a task done
- [ ] a task not done

3. three
4. four

   With a second paragraph.

```rust
fn main() { println!(\"<&>\"); }
```

    indented code

---

<div class=\"x\">raw block</div>

[^one]: The note, with *emphasis* and a [link](https://example.org/).

    And a second paragraph.
";

/// The names of the block and inline kinds a document has, a link by its kind of target
/// and a footnote reference by whether it has a number and is the first.
struct Kinds(BTreeSet<String>);

impl<'d> visit::Visit<'d> for Kinds {
    fn block(&mut self, block: &'d Block) {
        self.0.insert(
            match block {
                Block::Heading { .. } => "Heading",
                Block::Paragraph { .. } => "Paragraph",
                Block::List { .. } => "List",
                Block::Quote(_) => "Quote",
                Block::Figure { .. } => "Figure",
                Block::Table { .. } => "Table",
                Block::Code { .. } => "Code",
                Block::Rule => "Rule",
                Block::RawHtml(_) => "RawHtml",
                Block::Unsupported { .. } => "Unsupported",
            }
            .to_owned(),
        );
    }

    fn inline(&mut self, inline: &'d Inline) {
        self.0.insert(match inline {
            Inline::Text(_) => "Text".to_owned(),
            Inline::Emphasis(_) => "Emphasis".to_owned(),
            Inline::Strong(_) => "Strong".to_owned(),
            Inline::Strikethrough(_) => "Strikethrough".to_owned(),
            Inline::Code(_) => "InlineCode".to_owned(),
            Inline::Link { target, .. } => {
                let kind = format!("{target:?}");
                format!(
                    "Link {}",
                    &kind[..kind.find(['(', ' ']).unwrap_or(kind.len())]
                )
            }
            Inline::Image { .. } => "Image".to_owned(),
            Inline::FootnoteRef { number, first, .. } => {
                format!("FootnoteRef {} {first}", number.is_some())
            }
            Inline::SoftBreak => "SoftBreak".to_owned(),
            Inline::HardBreak => "HardBreak".to_owned(),
            Inline::RawHtml(_) => "InlineRawHtml".to_owned(),
        });
    }
}

/// Compares the writer with the components for each static block and footnote of
/// `article`, with `interface`; returns how many were compared.
fn compare(article: Article, interface: Interface) -> usize {
    let owner = Owner::new();
    owner.with(|| {
        let body = article.body.clone();
        provide_context(RenderContext {
            article: Arc::new(article),
            base: "../../bundles/x/".into(),
        });
        provide_context(Site::at("../../"));
        provide_context(interface);
        provide_context(body.scope.clone());
        let mut writer = HtmlWriter::from_context().expect("inside an article");
        let mut compared = 0;
        for item in body.blocks.iter().filter(|b| is_static(b)) {
            writer.block(item);
            let want = block(item.clone()).to_html().replace("<!>", "");
            assert_eq!(writer.take(), want, "{item:?}");
            compared += 1;
        }
        for note in body.footnotes.iter().filter(|n| is_static_note(n)) {
            writer.footnote(note);
            let want = footnote(note.clone(), &body.scope)
                .to_html()
                .replace("<!>", "");
            assert_eq!(writer.take(), want, "{note:?}");
            compared += 1;
        }
        compared
    })
}

#[test]
fn the_writer_writes_what_the_components_render_for_every_kind() {
    let mut every = article(SAMPLE, Some(EVERY_KIND));
    // No Markdown this version reads makes one (the extensions that would are off).
    every.body.blocks.push(Block::Unsupported {
        what: "definition list".into(),
        text: "Term <dt> & \"a definition\"".into(),
    });
    // Nor does a reference to a note that is not there, which stays as written.
    every.body.blocks.push(Block::Paragraph {
        id: "body_p_gone".into(),
        content: vec![Inline::FootnoteRef {
            label: "gone".into(),
            number: None,
            first: false,
        }],
    });
    let mut kinds = Kinds(BTreeSet::new());
    for item in &every.body.blocks {
        visit::block(item, &mut kinds);
    }
    for wanted in [
        "Heading",
        "Paragraph",
        "Quote",
        "List",
        "Code",
        "Rule",
        "RawHtml",
        "Unsupported",
        "Text",
        "Emphasis",
        "Strong",
        "Strikethrough",
        "InlineCode",
        "InlineRawHtml",
        "Link External",
        "Link Anchor",
        "Link Media",
        "Link Bundle",
        "Link Article",
        "Link Refused",
        "Image",
        "FootnoteRef true true",
        "FootnoteRef true false",
        "FootnoteRef false false",
        "SoftBreak",
        "HardBreak",
    ] {
        assert!(
            kinds.0.contains(wanted),
            "{wanted} is not in the test body: {:?}",
            kinds.0
        );
    }
    let blocks = every.body.blocks.len() + every.body.footnotes.len();
    assert_eq!(compare(every.clone(), Interface::default()), blocks);
    let russian_words = Interface::beside(Locale::Ru, "en", "ltr");
    assert!(russian_words.lang.is_some());
    assert_eq!(compare(every, russian_words), blocks);
}

#[test]
fn the_writer_writes_what_the_components_render_for_the_sample_bundles() {
    for id in [
        SAMPLE,
        "folio-long-read-test",
        "folio-russian-test",
        "folio-persian-test",
    ] {
        let article = article(id, None);
        let language = article.manifest.language.clone();
        for locale in Locale::ALL {
            let interface = Interface::beside(locale, &language, "ltr");
            assert!(compare(article.clone(), interface) > 0, "{id}");
        }
    }
}

#[test]
fn only_blocks_without_live_parts_are_static() {
    let every = article(
        SAMPLE,
        Some("![a figure](media:lead-photo)\n\n| a |\n| - |\n| b |\n\n> | a |\n> | - |\n> | b |\n"),
    );
    assert!(
        every.body.blocks.iter().all(|b| !is_static(b)),
        "{:?}",
        every.body.blocks
    );
    assert_eq!(
        escape("<a href=\"x\">&</a>"),
        "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;"
    );
}
