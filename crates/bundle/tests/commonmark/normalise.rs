//! Puts two HTML strings in one presentation so that only their content is compared:
//! whitespace next to block tags removed, attributes sorted and double-quoted,
//! `<hr />` written `<hr>`, and text escaped one way. Text itself is never changed,
//! and everything inside `<pre>` is kept exactly.

use super::html::escape;

/// Tags around which whitespace has no meaning.
const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "html",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

enum Token {
    Text(String),
    Open {
        name: String,
        attrs: Vec<(String, String)>,
    },
    Close(String),
    /// A comment, declaration or processing instruction, kept as written.
    Other(String),
}

impl Token {
    fn is_block(&self) -> bool {
        match self {
            Token::Open { name, .. } | Token::Close(name) => BLOCK_TAGS.contains(&name.as_str()),
            _ => false,
        }
    }
}

/// `html` in the one presentation.
pub fn normalise(html: &str) -> String {
    let tokens = tokenise(html);
    let mut out = String::new();
    let mut in_pre = 0usize;
    for (i, token) in tokens.iter().enumerate() {
        match token {
            Token::Text(text) if in_pre > 0 => out.push_str(&escape(text)),
            Token::Text(text) => {
                let mut text = text.as_str();
                if i == 0 || tokens[i - 1].is_block() {
                    text = text.trim_start();
                }
                if tokens.get(i + 1).is_none_or(Token::is_block) {
                    text = text.trim_end();
                }
                out.push_str(&escape(text));
            }
            Token::Open { name, attrs } => {
                in_pre += usize::from(name == "pre");
                out.push('<');
                out.push_str(name);
                for (key, value) in attrs {
                    out.push_str(&format!(" {key}=\"{}\"", escape(value)));
                }
                out.push('>');
            }
            Token::Close(name) => {
                if name == "pre" {
                    in_pre = in_pre.saturating_sub(1);
                }
                out.push_str(&format!("</{name}>"));
            }
            Token::Other(raw) => out.push_str(raw),
        }
    }
    out
}

fn tokenise(html: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut text = String::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        text.push_str(&rest[..at]);
        rest = &rest[at..];
        match markup(rest) {
            Some((token, len)) => {
                if !text.is_empty() {
                    tokens.push(Token::Text(decode(&std::mem::take(&mut text))));
                }
                tokens.push(token);
                rest = &rest[len..];
            }
            None => {
                text.push('<');
                rest = &rest[1..];
            }
        }
    }
    text.push_str(rest);
    if !text.is_empty() {
        tokens.push(Token::Text(decode(&text)));
    }
    tokens
}

/// A tag, comment or declaration at the start of `s` (which starts with `<`), and its length.
fn markup(s: &str) -> Option<(Token, usize)> {
    // `<!-->` and `<!--->` are complete, empty comments.
    for empty in ["<!-->", "<!--->"] {
        if s.starts_with(empty) {
            return Some((Token::Other(empty.to_owned()), empty.len()));
        }
    }
    for (open, close) in [
        ("<!--", "-->"),
        ("<?", "?>"),
        ("<![CDATA[", "]]>"),
        ("<!", ">"),
    ] {
        if let Some(body) = s.strip_prefix(open) {
            let end = body.find(close)? + open.len() + close.len();
            return Some((Token::Other(s[..end].to_owned()), end));
        }
    }
    let (closing, body) = match s[1..].strip_prefix('/') {
        Some(b) => (true, b),
        None => (false, &s[1..]),
    };
    let name_len = body
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .unwrap_or(body.len());
    if name_len == 0 || !body.as_bytes()[0].is_ascii_alphabetic() {
        return None;
    }
    let name = body[..name_len].to_ascii_lowercase();
    let mut rest = &body[name_len..];
    let mut attrs = Vec::new();
    loop {
        let trimmed = rest.trim_start();
        let had_space = trimmed.len() < rest.len();
        rest = trimmed;
        if let Some(r) = rest.strip_prefix("/>").or_else(|| rest.strip_prefix('>')) {
            let len = s.len() - r.len();
            attrs.sort();
            let token = if closing {
                Token::Close(name)
            } else {
                Token::Open { name, attrs }
            };
            return Some((token, len));
        }
        if closing || !had_space {
            return None;
        }
        let key_len = rest.find(|c: char| c.is_whitespace() || "/>=\"'<".contains(c))?;
        if key_len == 0 {
            return None;
        }
        let key = rest[..key_len].to_ascii_lowercase();
        rest = &rest[key_len..];
        let mut value = String::new();
        if let Some(r) = rest.trim_start().strip_prefix('=') {
            let r = r.trim_start();
            let (raw, after) = match r.chars().next()? {
                q @ ('"' | '\'') => {
                    let end = r[1..].find(q)? + 1;
                    (&r[1..end], &r[end + 1..])
                }
                _ => {
                    let end = r.find(|c: char| c.is_whitespace() || c == '>')?;
                    (&r[..end], &r[end..])
                }
            };
            value = decode(raw);
            rest = after;
        }
        attrs.push((key, value));
    }
}

/// Decodes the character references an HTML printer uses for escaping; others stay as written.
fn decode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let decoded = rest.find(';').and_then(|end| {
            let c = match &rest[1..end] {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                num => numeric(num),
            };
            c.map(|c| (c, end + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// `#39` or `#x27` as a character.
fn numeric(reference: &str) -> Option<char> {
    let digits = reference.strip_prefix('#')?;
    let value = match digits.strip_prefix(['x', 'X']) {
        Some(hex) if !hex.is_empty() && hex.len() <= 6 => u32::from_str_radix(hex, 16).ok()?,
        None if !digits.is_empty() && digits.len() <= 7 => digits.parse().ok()?,
        _ => return None,
    };
    char::from_u32(value)
}
