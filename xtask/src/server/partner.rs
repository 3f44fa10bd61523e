//! The partner demo page: a newsroom's page on another origin than the app's, showing an
//! article embedded the three ways `docs/embedding.md` describes: through pym.js's own
//! parent script (from npm), through Folio's `embed.js`, and as pasted from the article's
//! oEmbed answer. `cargo xtask serve` serves it on the port after the app's; the embed
//! tests use it too.

use std::net::{TcpListener, TcpStream};
use std::path::Path;

use super::request::{self, LIMITS};
use super::response::{respond, PLAIN};

/// The demo page, made once from the build.
#[derive(Clone, Debug)]
pub struct PartnerPage {
    html: String,
    start: String,
    policy: String,
}

/// What the page embeds: the article with `id` on the site at `app_url` (ending in `/`),
/// whose built oEmbed answer is in `dist`. Its own Content-Security-Policy allows Folio's
/// origin to run `embed.js` and be framed, as a partner's would, and `also_framed` (the
/// tests' third origin) to be framed too.
pub fn page(
    app_url: &str,
    dist: &Path,
    id: &str,
    also_framed: Option<&str>,
) -> Result<PartnerPage, String> {
    let file = dist.join(format!("embed/{id}/oembed.json"));
    let answer: serde_json::Value = std::fs::read(&file)
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .ok_or_else(|| format!("no readable oEmbed answer at {}", file.display()))?;
    let pasted = answer["html"].as_str().unwrap_or_default();
    let title = folio::publish::escape(answer["title"].as_str().unwrap_or_default());
    let embed = format!("{app_url}embed/{id}/");
    let origin = app_url.trim_end_matches('/');
    let html = format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>A partner newsroom's page</title>\
         <link rel=\"icon\" href=\"data:,\"><style>{STYLE}</style></head><body>\
         <header><p class=\"masthead\">The Partner Gazette</p>\
         <p>A demonstration page on another origin than Folio's, embedding one article three ways.</p></header>\
         <main><h1>Three ways to embed a Folio article</h1>\
         <p id=\"before\">The partner's own text comes first.</p>\
         <section><h2>1. pym.js, as many newsrooms already run it</h2>\
         <div id=\"folio-pym\" class=\"embed\"></div></section>\
         <section><h2>2. Folio's one snippet: <code>embed.js</code></h2>\
         <div class=\"embed\" data-folio-article=\"{embed}\" data-title=\"{title}\">\
         <a href=\"{app_url}articles/{id}/\">{title}</a></div></section>\
         <section><h2>3. Pasted from the oEmbed answer</h2><div class=\"embed\" id=\"folio-oembed\">{pasted}</div></section>\
         <p id=\"after\">The partner's page goes on after the embeds.</p></main>\
         <script src=\"pym.v1.js\"></script><script src=\"start.js\"></script>\
         <script async src=\"{app_url}embed.js\"></script></body></html>\n"
    );
    // pym.js takes messages from any origin unless told one: `xdomain` is a pattern matched
    // at the end of the sender's origin, so it is anchored at the start too.
    let start = format!(
        "window.pymParent = new pym.Parent('folio-pym', {}, {{ title: {}, xdomain: {}, \
         sandbox: 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox' }});\n",
        serde_json::Value::from(embed),
        serde_json::Value::from(answer["title"].as_str().unwrap_or_default()),
        serde_json::Value::from(format!("^{}", regex_escape(origin))),
    );
    let policy = format!(
        "default-src 'self'; script-src 'self' {origin}; connect-src 'self' {origin}; frame-src {origin} {}; \
         style-src 'self' 'unsafe-inline'; img-src 'self' data:",
        also_framed.unwrap_or_default()
    );
    Ok(PartnerPage {
        html,
        start,
        policy,
    })
}

const STYLE: &str = "body{font:1.0625rem/1.55 system-ui,sans-serif;color:#222;background:#f4f1ea;\
    margin:0 auto;padding:1rem;max-width:48rem}header{border-bottom:3px double #555;margin-bottom:1rem}\
    .masthead{font:700 1.6rem Georgia,serif;margin:0}h2{font-size:1.1rem;margin-top:2.5rem}\
    .embed{background:#fff;border:1px solid #ccc}.embed iframe{display:block;width:100%;border:0}";

/// `text` with the characters a regular expression treats specially escaped.
fn regex_escape(text: &str) -> String {
    text.chars().fold(String::new(), |mut out, c| {
        if ".*+?^${}()|[]\\/".contains(c) {
            out.push('\\');
        }
        out.push(c);
        out
    })
}

/// Serves `partner` on `listener` in the background: `/`, `start.js` and npm's `pym.v1.js`.
pub fn start(listener: TcpListener, partner: PartnerPage) {
    let partner = std::sync::Arc::new(partner);
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let partner = std::sync::Arc::clone(&partner);
            std::thread::spawn(move || answer(stream, &partner));
        }
    });
}

fn answer(mut stream: TcpStream, partner: &PartnerPage) -> std::io::Result<()> {
    let Ok(Some(req)) = request::read(&stream, &LIMITS) else {
        return Ok(());
    };
    let get = req.method == "GET";
    let policy = [("Content-Security-Policy", partner.policy.clone())];
    match req.path.as_str() {
        "/" => respond(
            &mut stream,
            200,
            "text/html; charset=utf-8",
            &policy,
            partner.html.as_bytes(),
            get,
        ),
        "/start.js" => respond(
            &mut stream,
            200,
            "text/javascript",
            &policy,
            partner.start.as_bytes(),
            get,
        ),
        "/pym.v1.js" => {
            let pym = std::fs::read(crate::root().join("node_modules/pym.js/dist/pym.v1.js"))?;
            respond(&mut stream, 200, "text/javascript", &policy, &pym, get)
        }
        _ => respond(&mut stream, 404, PLAIN, &[], b"not found\n", get),
    }
}

#[cfg(test)]
mod tests {
    use super::regex_escape;

    #[test]
    fn an_origin_is_matched_literally() {
        assert_eq!(
            regex_escape("http://127.0.0.1:8080"),
            "http:\\/\\/127\\.0\\.0\\.1:8080"
        );
    }
}
