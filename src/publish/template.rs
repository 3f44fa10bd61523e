//! The built `index.html` as the frame of every static page: its head (the reading
//! settings script, the inlined CSS, the app's script) stays; the page's language, head
//! tags, rendered body and data go in at the places marked below.

use std::path::Path;

use serde_json::Value;

use crate::interface::{page_words, Locale};
use crate::start::{DATA_ID, ROOT_ID};

/// What one page puts into the template.
#[derive(Clone, Copy, Debug)]
pub struct PageParts<'a> {
    /// The page's main language, a BCP 47 tag.
    pub lang: &'a str,
    /// `ltr` or `rtl`.
    pub dir: &'a str,
    /// The language of Folio's own words on the page.
    pub interface: Locale,
    /// An embed, for a partner's frame: `<html data-folio-embed>`.
    pub embed: bool,
    /// The head's own tags, title first.
    pub head: &'a str,
    /// The rendered app.
    pub body: &'a str,
    /// The page's data, as JSON.
    pub data: &'a str,
    /// The way from the page back to the site's root, such as `../../`.
    pub root: &'a str,
}

impl<'a> PageParts<'a> {
    /// A page of Folio's own, in its interface's language, not an embed.
    pub fn interface(head: &'a str, body: &'a str, data: &'a str, root: &'a str) -> Self {
        PageParts {
            lang: "en",
            dir: "ltr",
            interface: Locale::En,
            embed: false,
            head,
            body,
            data,
            root,
        }
    }
}

/// The built `index.html`.
#[derive(Clone, Debug)]
pub struct Template {
    html: String,
}

const HTML_MARK: &str = "<html lang=\"en\">";
/// The status lines' box, in English until a page is written into the template.
const STATUS_MARK: &str = "<div class=\"app-status\" lang=\"en\" dir=\"ltr\">";
/// The attribute naming an element's words (`src/interface/*/offline.ftl`).
const WORDS_MARK: &str = "data-folio-words=\"";
const TITLE_MARK: &str = "<title>Folio</title>";

fn root_mark() -> String {
    format!("<div id=\"{ROOT_ID}\"></div>")
}

impl Template {
    /// The template in `html`, which must be the app's built `index.html` as Trunk wrote it.
    pub fn from_html(html: String) -> Result<Template, String> {
        for mark in [HTML_MARK, TITLE_MARK, STATUS_MARK, &root_mark()] {
            if !html.contains(mark) {
                return Err(format!(
                    "the template has no {mark}: it must be the app's built index.html, \
                     before any page was rendered into it"
                ));
            }
        }
        let html = after_the_page_has_loaded(&without_preloads(&html))?;
        Ok(Template { html })
    }

    /// The template in the file at `path`.
    pub fn read(path: &Path) -> Result<Template, String> {
        let html = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        Template::from_html(html).map_err(|e| format!("{}: {e}", path.display()))
    }

    /// A page: its language, direction and kind on `<html>`, its head in place of the
    /// title, its body inside the root element followed by its data, and every `./` address
    /// of the template made to start at its root, the way from the page back to the site's.
    pub fn page(&self, parts: &PageParts) -> String {
        let frame = if parts.root.is_empty() {
            self.html.clone()
        } else {
            rebase(&self.html, parts.root)
        };
        let embed = if parts.embed {
            " data-folio-embed=\"\""
        } else {
            ""
        };
        let html_tag = format!(
            "<html{embed} lang=\"{}\" dir=\"{}\" data-folio-interface=\"{}\">",
            super::escape(parts.lang),
            super::escape(parts.dir),
            parts.interface.tag()
        );
        let status = format!(
            "<div class=\"app-status\" lang=\"{}\" dir=\"{}\">",
            parts.interface.tag(),
            parts.interface.direction()
        );
        let (head, body, data) = (parts.head, parts.body, parts.data);
        let filled = format!(
            "<div id=\"{ROOT_ID}\">{body}</div>\n  \
             <script type=\"application/json\" id=\"{DATA_ID}\">{data}</script>"
        );
        let frame = with_words(&frame, parts.interface);
        frame
            .replacen(HTML_MARK, &html_tag, 1)
            .replacen(STATUS_MARK, &status, 1)
            .replacen(TITLE_MARK, head, 1)
            .replacen(&root_mark(), &filled, 1)
    }
}

/// `html` with each element named by `data-folio-words="ID"` holding that text in `locale`,
/// in place of what it held. The template's such elements hold text only.
fn with_words(html: &str, locale: Locale) -> String {
    let words = page_words(locale);
    let mut out = String::with_capacity(html.len() + 4096);
    let mut rest = html;
    while let Some(at) = rest.find(WORDS_MARK) {
        let after = at + WORDS_MARK.len();
        let id_end = rest[after..].find('"').map_or(rest.len(), |e| after + e);
        let open_end = rest[id_end..]
            .find('>')
            .map_or(rest.len(), |e| id_end + e + 1);
        let close = rest[open_end..]
            .find('<')
            .map_or(rest.len(), |e| open_end + e);
        let text = words.get(&rest[after..id_end]).and_then(Value::as_str);
        out.push_str(&rest[..open_end]);
        match text {
            Some(text) => out.push_str(&super::escape(text)),
            None => out.push_str(&rest[open_end..close]),
        }
        rest = &rest[close..];
    }
    out.push_str(rest);
    out
}

/// `html` without the preloads Trunk adds for the app's script and module. A page that
/// paints from its HTML needs neither for its first paint, and fetching them beside the
/// page's own photo only delays the photo.
pub fn without_preloads(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<link rel=\"") {
        let end = rest[start..]
            .find('>')
            .map_or(rest.len(), |e| start + e + 1);
        let tag = &rest[start..end];
        out.push_str(&rest[..start]);
        let preload = tag.starts_with("<link rel=\"preload\"") && tag.contains("application/wasm");
        if !preload && !tag.starts_with("<link rel=\"modulepreload\"") {
            out.push_str(tag);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// The start of Trunk's loader script, which imports the app's script at once.
const LOADER: &str = "import init, * as bindings from '";

/// `html` with Trunk's loader changed to start the app once the page has loaded and been
/// painted, text and first photos, so the app never competes with them.
fn after_the_page_has_loaded(html: &str) -> Result<String, String> {
    let at = html
        .find(LOADER)
        .ok_or("the template has no Trunk loader (`import init, * as bindings from '…'`)")?;
    let script_start = at + LOADER.len();
    let script_end = script_start
        + html[script_start..]
            .find("';")
            .ok_or("Trunk's loader has no end")?;
    let script = &html[script_start..script_end];
    // Loaded, then two frames later: by then the page's text and photos are on screen. If
    // the app's script or module does not arrive or does not start, the page says so
    // (index.html's status lines): on a page the app was to load, that the article could
    // not be loaded; on a static page, which is whole without it, that its tools are not
    // there, and they are hidden (style/states.css). If the app stops later (a panic traps
    // the module), the page says that its tools stopped, and keeps what went wrong in
    // `data-folio-error`, where the end-to-end tests of every engine look for it. If the app
    // cannot read a static page's own data (the page did not arrive whole), it leaves the
    // page as it arrived and says so with the event `folio-unread` (`start::start`).
    // A reader who presses one of the reading tools before the app has taken the page over
    // is not ignored: the button says it is busy, and the app presses it again once it is
    // in place (`start::takeover::press_what_waited`).
    let waiting = format!(
        "const show = (status, error) => {{\n  \
           const page = document.documentElement, line = document.querySelector(`[data-folio-status=${{status}}]`);\n  \
           page.removeAttribute('data-folio-js');\n  \
           page.dataset.folioError = String(error);\n  \
           if (line) {{ line.hidden = false; line.querySelector('button').addEventListener('click', () => location.reload()); }}\n\
         }};\n\
         const failed = (error) => {{\n  \
           const loading = document.documentElement.hasAttribute('data-folio-loading');\n  \
           show(loading ? 'load-failed' : 'app-failed', error);\n  \
           if (loading) document.documentElement.setAttribute('data-folio-loading', 'failed');\n  \
           throw error;\n\
         }};\n\
         const stopped = (error) => error instanceof WebAssembly.RuntimeError && show('app-stopped', error);\n\
         addEventListener('error', (event) => stopped(event.error));\n\
         addEventListener('unhandledrejection', (event) => stopped(event.reason));\n\
         addEventListener('folio-unread', (event) => show('unread', event.detail));\n\
         addEventListener('click', (event) => {{\n  \
           const page = document.documentElement, tools = [...document.querySelectorAll('.article-tools button')];\n  \
           const tool = page.dataset.folioApp !== 'ready' && tools.find((t) => t.contains(event.target));\n  \
           if (tool) {{ page.dataset.folioPressed = tools.indexOf(tool); tool.setAttribute('aria-busy', 'true'); }}\n\
         }});\n\
         await new Promise((loaded) => document.readyState === 'complete' ? loaded() \
         : addEventListener('load', loaded, {{ once: true }}));\n\
         await new Promise((painted) => requestAnimationFrame(() => requestAnimationFrame(painted)));\n\
         const bindings = await import('{script}').catch(failed);\n\
         const init = (options) => bindings.default(options).catch(failed);"
    );
    Ok(format!(
        "{}{waiting}{}",
        &html[..at],
        &html[script_end + 2..]
    ))
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
    fn the_app_starts_after_the_page_has_loaded_without_preloads() {
        let html = "<link rel=\"preload\" href=\"./a_bg.wasm\" as=\"fetch\" type=\"application/wasm\">\
            <link rel=\"modulepreload\" href=\"./a.js\"><link rel=\"icon\" href=\"./f.svg\">\
            <script type=\"module\">import init, * as bindings from './a.js';\nconst wasm = await init();</script>";
        let page = after_the_page_has_loaded(&without_preloads(html)).expect("a loader");
        assert!(!page.contains("preload"), "{page}");
        assert!(
            page.contains("<link rel=\"icon\" href=\"./f.svg\">"),
            "{page}"
        );
        assert!(page.contains("addEventListener('load'"), "{page}");
        assert!(page.contains("const bindings = await import('./a.js').catch(failed);\nconst init = (options) => bindings.default(options).catch(failed);\nconst wasm = await init();"), "{page}");
        assert!(
            page.contains("show(loading ? 'load-failed' : 'app-failed', error)"),
            "{page}"
        );
        assert!(page.contains("show('app-stopped', error)"), "{page}");
        assert!(after_the_page_has_loaded("<script></script>").is_err());
    }

    #[test]
    fn a_template_without_its_marks_is_refused() {
        let err = Template::from_html("<html lang=\"en\"><title>Folio</title>".into())
            .expect_err("no status lines");
        assert!(err.contains("app-status"), "{err}");
        let html = format!("<html lang=\"en\"><title>Folio</title>{STATUS_MARK}</div>");
        let err = Template::from_html(html).expect_err("no root element");
        assert!(err.contains("folio_root"), "{err}");
    }

    #[test]
    fn the_status_lines_are_written_in_the_page_s_interface_language() {
        let html = format!(
            "<html lang=\"en\"><title>Folio</title>{STATUS_MARK}<p data-folio-words=\"status-offline\"></p>\
             <button data-folio-words=\"status-reload\">old</button></div><div id=\"folio_root\"></div>\
             <script type=\"module\">import init, * as bindings from './a.js';\nconst wasm = await init();</script>"
        );
        let template = Template::from_html(html).expect("a template");
        let mut parts = PageParts::interface("", "", "{}", "");
        parts.interface = Locale::Ru;
        let page = template.page(&parts);
        let words = page_words(Locale::Ru);
        for id in ["status-offline", "status-reload"] {
            let text = words[id].as_str().expect("a phrase");
            assert!(
                page.contains(&format!("\">{text}</")),
                "{id} in Russian: {page}"
            );
        }
        assert!(!page.contains(">old<"), "{page}");
        assert!(
            page.contains("<div class=\"app-status\" lang=\"ru\" dir=\"ltr\">"),
            "{page}"
        );
        assert!(page.contains("data-folio-interface=\"ru\""), "{page}");
    }
}
