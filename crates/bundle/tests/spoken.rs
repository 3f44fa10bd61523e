//! What read aloud reads comes from the model: `Article::spoken`, in reading order, each
//! paragraph with the id of the element that shows it.

mod common;

use common::{apply, manifest, read, set};
use serde_json::json;

const BODY: &str = "First [linked](https://example.org/) paragraph.[^n]

## A heading

- Tight item
  - Nested item

> Quoted.

![A chart](media:chart)

```
let x = 1;
```

| Cell | Other |
| --- | --- |
| a | b |

[^n]: The note.
";

#[test]
fn paragraphs_are_read_in_page_order_without_captions_code_tables_or_footnote_marks() {
    let edits = vec![
        set("/standfirst", json!("The  standfirst.")),
        set("/dateline", json!("May 1, 2024 (Folio)")),
    ];
    let json = serde_json::to_vec(&apply(manifest(), edits)).unwrap();
    let (article, report) = read(&json, BODY.as_bytes());
    let article = article.unwrap_or_else(|| panic!("{report}"));
    let spoken: Vec<(String, String)> = article
        .spoken()
        .into_iter()
        .map(|s| (s.id, s.text))
        .collect();
    let expected = [
        ("folio_headline", "A Test Headline"),
        ("folio_standfirst", "The standfirst."),
        ("folio_dateline", "May 1, 2024 (Folio)"),
        ("body_p_1", "First linked paragraph."),
        ("a-heading", "A heading"),
        ("body_p_2", "Tight item"),
        ("body_p_3", "Nested item"),
        ("body_p_4", "Quoted."),
        ("body_p_5", "The note."),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(id, text)| ((*id).to_owned(), (*text).to_owned()))
        .collect();
    assert_eq!(spoken, expected);
}

#[test]
fn an_article_without_a_standfirst_or_dateline_starts_at_the_headline() {
    let json = serde_json::to_vec(&manifest()).unwrap();
    let (article, report) = read(&json, b"Only words.\n");
    let article = article.unwrap_or_else(|| panic!("{report}"));
    let ids: Vec<String> = article.spoken().into_iter().map(|s| s.id).collect();
    assert_eq!(ids, ["folio_headline", "body_p_1"]);
}
