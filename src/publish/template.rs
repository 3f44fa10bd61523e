//! The built `index.html` as the frame of every static page: its head (the reading
//! settings script, the inlined CSS, the app's script) stays; the page's language, head
//! tags, rendered body and data go in at the places marked below.

use std::path::Path;

use crate::start::{DATA_ID, ROOT_ID};

/// The built `index.html`.
#[derive(Clone, Debug)]
pub struct Template {
    html: String,
}

const HTML_MARK: &str = "<html lang=\"en\">";
const TITLE_MARK: &str = "<title>Folio</title>";

fn root_mark() -> String {
    format!("<div id=\"{ROOT_ID}\"></div>")
}

impl Template {
    /// The template in `html`, which must be the app's built `index.html` as Trunk wrote it.
    pub fn from_html(html: String) -> Result<Template, String> {
        for mark in [HTML_MARK, TITLE_MARK, &root_mark()] {
            if !html.contains(mark) {
                return Err(format!(
                    "the template has no {mark}: it must be the app's built index.html, \
                     before any page was rendered into it"
                ));
            }
        }
        Ok(Template {
            html: without_preload_integrity(&html),
        })
    }

    /// The template in the file at `path`.
    pub fn read(path: &Path) -> Result<Template, String> {
        let html = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        Template::from_html(html).map_err(|e| format!("{}: {e}", path.display()))
    }

    /// A page: `lang` and `dir` on `<html>`, `head` in place of the title, `body` inside
    /// the root element followed by the page's data, and every `./` address of the
    /// template made to start at `root`, the way from the page back to the site's root.
    pub fn page(
        &self,
        (lang, dir): (&str, &str),
        head: &str,
        body: &str,
        data: &str,
        root: &str,
    ) -> String {
        let frame = if root.is_empty() {
            self.html.clone()
        } else {
            rebase(&self.html, root)
        };
        let html_tag = format!(
            "<html lang=\"{}\" dir=\"{}\">",
            super::escape(lang),
            super::escape(dir)
        );
        let filled = format!(
            "<div id=\"{ROOT_ID}\">{body}</div>\n  \
             <script type=\"application/json\" id=\"{DATA_ID}\">{data}</script>"
        );
        frame
            .replacen(HTML_MARK, &html_tag, 1)
            .replacen(TITLE_MARK, head, 1)
            .replacen(&root_mark(), &filled, 1)
    }
}

/// `html` without the `integrity` Trunk puts on the module's `<link rel="preload" as="fetch">`:
/// browsers ignore it there and say so in the console. The module is still checked: the
/// script that loads it, `<link rel="modulepreload">`, keeps its own.
fn without_preload_integrity(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<link rel=\"preload\"") {
        let end = rest[start..]
            .find('>')
            .map_or(rest.len(), |e| start + e + 1);
        out.push_str(&rest[..start]);
        let tag = &rest[start..end];
        match tag.find(" integrity=\"") {
            Some(at) => {
                let close = tag[at + 12..]
                    .find('"')
                    .map_or(tag.len(), |c| at + 12 + c + 1);
                out.push_str(&tag[..at]);
                out.push_str(&tag[close..]);
            }
            None => out.push_str(tag),
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// `html` with its relative addresses (`"./x"`, `'./x'`, `url(./x)`) starting at `root`.
pub fn rebase(html: &str, root: &str) -> String {
    html.replace("\"./", &format!("\"{root}"))
        .replace("'./", &format!("'{root}"))
        .replace("(./", &format!("({root}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_addresses_start_at_the_root() {
        assert_eq!(
            rebase(
                "<link href=\"./a.css\"><script>import('./b.js')</script><style>x{src:url(./f.woff2)}</style>",
                "../../"
            ),
            "<link href=\"../../a.css\"><script>import('../../b.js')</script><style>x{src:url(../../f.woff2)}</style>"
        );
    }

    #[test]
    fn the_wasm_preload_loses_its_ignored_integrity_and_nothing_else() {
        let html =
            "<link rel=\"preload\" href=\"./a_bg.wasm\" integrity=\"sha384-x\" as=\"fetch\">\
                    <link rel=\"modulepreload\" href=\"./a.js\" integrity=\"sha384-y\">";
        assert_eq!(
            without_preload_integrity(html),
            "<link rel=\"preload\" href=\"./a_bg.wasm\" as=\"fetch\">\
             <link rel=\"modulepreload\" href=\"./a.js\" integrity=\"sha384-y\">"
        );
    }

    #[test]
    fn a_template_without_its_marks_is_refused() {
        let err = Template::from_html("<html lang=\"en\"><title>Folio</title>".into())
            .expect_err("no root element");
        assert!(err.contains("folio_root"), "{err}");
    }
}
