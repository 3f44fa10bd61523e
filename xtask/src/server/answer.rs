//! Answering a `GET` or `HEAD` with the file it names: found inside the served folders
//! (`files`), sent in the coding the browser prefers, with the headers of its kind.

use std::net::TcpStream;

use super::files;
use super::request::Request;
use super::response::{respond, PLAIN};
use super::Served;
use crate::csp;

/// Answers a `GET` or `HEAD` with the file it names, in the coding the browser prefers,
/// with the headers of its kind: the page policy for the app's pages (the sub-folder
/// deployment's own for its pages), the sandbox for everything else.
pub fn serve_file(
    mut stream: TcpStream,
    served: &Served,
    req: &Request,
    in_sub_folder: bool,
) -> std::io::Result<()> {
    let with_body = req.method == "GET";
    let Some(found) = files::resolve(&served.roots, &req.path) else {
        return respond(&mut stream, 404, PLAIN, &[], b"not found\n", with_body);
    };
    let name = found
        .file
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("");
    let mut headers = vec![
        ("Cache-Control", csp::cache_control(name).to_owned()),
        ("Vary", "Accept-Encoding".to_owned()),
    ];
    // Only the app's pages get the page policy; a bundle's own HTML stays sandboxed.
    let page = !found.fixture && !req.path.starts_with("/bundles/") && name.ends_with(".html");
    match served.site.fixtures.as_deref() {
        Some(fixtures) if page && in_sub_folder => {
            match served.sub_folder_policy(fixtures, &req.host) {
                Ok(policy) => headers.push(("Content-Security-Policy", policy)),
                Err(e) => {
                    let text = format!("{e}\n");
                    return respond(&mut stream, 500, PLAIN, &[], text.as_bytes(), true);
                }
            }
        }
        _ if page => headers.push(("Content-Security-Policy", served.page_policy.clone())),
        // The service worker's own script, at the site's root only.
        _ if found.file == served.roots.dist.join(csp::WORKER_FILE) => {
            headers.push(("Content-Security-Policy", csp::WORKER.to_owned()))
        }
        _ => {}
    }
    // Test fixtures may be read from the sub-folder deployment's other origin, and oEmbed
    // answers from partners' pages.
    if found.fixture || name == folio::publish::OEMBED_FILE {
        headers.push(("Access-Control-Allow-Origin", "*".to_owned()));
    }
    if page && served.site.fixtures.is_some() && super::test_asked(req, "cut-pages") {
        let body = cut_short(&std::fs::read(&found.file)?);
        return respond(
            &mut stream,
            200,
            "text/html; charset=utf-8",
            &headers,
            &body,
            with_body,
        );
    }
    let mut body_file = found.file.clone();
    for (accepted, ext, coding) in [
        (req.accepts_br, "br", "br"),
        (req.accepts_gzip, "gz", "gzip"),
    ] {
        if let Some(candidate) = accepted
            .then(|| files::precompressed(&served.roots, &found.file, ext))
            .flatten()
        {
            body_file = candidate;
            headers.push(("Content-Encoding", coding.to_owned()));
            break;
        }
    }
    let body = std::fs::read(&body_file)?;
    let ctype = files::content_type(&found.file);
    respond(&mut stream, 200, ctype, &headers, &body, with_body)
}

/// A page as a reader gets it whose connection closed partway: everything before the
/// script element of its data (`folio::start::DATA_ID`), which comes after the whole
/// article, so the article is there and the app cannot read the page
/// (`/__test/cut-pages`). A page without data is sent whole.
pub fn cut_short(page: &[u8]) -> Vec<u8> {
    let data = format!(" id=\"{}\"", folio::start::DATA_ID);
    let end = page
        .windows(data.len())
        .position(|w| w == data.as_bytes())
        .and_then(|at| page[..at].windows(7).rposition(|w| w == b"<script"))
        .unwrap_or(page.len());
    page[..end].to_vec()
}
