//! Folio's build script: reads the interface's Fluent files (`src/interface/LANG/*.ftl`) with
//! Fluent's own parser and writes them out as Rust data (`$OUT_DIR/phrases.rs`), so the app
//! carries its words and no Fluent parser (see `docs/adr/012-interface-languages.md`).
//! It fails the build when a file does not parse, when a language lacks a message English
//! has or has one English lacks, or when a message uses Fluent beyond what
//! `src/interface.rs` formats: text, variables, and selections by plural category or number.

use std::fmt::Write as _;
use std::path::Path;

use fluent_syntax::ast;

/// The languages, in the order of `interface::Locale`; English first, the source.
const LANGUAGES: [&str; 3] = ["en", "ru", "fa"];

/// The file of the page's own words, which its offline script shows (`public/offline.js`):
/// written out as JSON for the build to give that script, not into the app.
const PAGE_WORDS: &str = "offline.ftl";

fn main() {
    let mut tables = Vec::new();
    let mut page_words = Vec::new();
    for language in LANGUAGES {
        let dir = Path::new("src/interface").join(language);
        println!("cargo::rerun-if-changed={}", dir.display());
        let words = dir.join(PAGE_WORDS);
        println!("cargo::rerun-if-changed={}", words.display());
        let source = std::fs::read_to_string(&words)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", words.display()));
        page_words.push((language, messages(&words, &source, plain_text)));
        let mut table = Vec::new();
        for path in files(&dir).into_iter().filter(|p| !p.ends_with(PAGE_WORDS)) {
            println!("cargo::rerun-if-changed={}", path.display());
            let source = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
            table.extend(messages(&path, &source, pattern));
        }
        tables.push(table);
    }
    let ids: Vec<String> = tables[0].iter().map(|(id, _)| id.clone()).collect();
    for (language, table) in LANGUAGES.iter().zip(&tables) {
        let theirs: Vec<&String> = table.iter().map(|(id, _)| id).collect();
        let missing: Vec<&String> = ids.iter().filter(|id| !theirs.contains(id)).collect();
        let extra: Vec<&&String> = theirs.iter().filter(|id| !ids.contains(id)).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{language}.ftl must have exactly English's messages: missing {missing:?}, extra {extra:?}"
        );
    }
    let mut out =
        String::from("// Written by src/interface/build.rs from src/interface/*.ftl.\n\n");
    out.push_str("/// A phrase of Folio's interface: one message of the Fluent files.\n");
    out.push_str("#[derive(Clone, Copy, Debug, PartialEq, Eq)]\npub enum Phrase {\n");
    for id in &ids {
        let _ = writeln!(out, "    /// `{id}`\n    {},", variant(id));
    }
    out.push_str("}\n\nimpl Phrase {\n    /// Every phrase, in the files' order.\n");
    let _ = writeln!(out, "    pub const ALL: [Phrase; {}] = [", ids.len());
    for id in &ids {
        let _ = writeln!(out, "        Phrase::{},", variant(id));
    }
    out.push_str("    ];\n\n    /// The message's id in the Fluent files.\n");
    out.push_str("    pub fn id(self) -> &'static str {\n        match self {\n");
    for id in &ids {
        let _ = writeln!(out, "            Phrase::{} => {id:?},", variant(id));
    }
    out.push_str("        }\n    }\n}\n\n");
    for (language, table) in LANGUAGES.iter().zip(&tables) {
        let _ = writeln!(
            out,
            "/// The phrases in `{language}`, in [`Phrase::ALL`]'s order.\n\
             pub(super) static {}: [&[Part]; {}] = [",
            language.to_uppercase(),
            ids.len()
        );
        for id in &ids {
            let parts = &table
                .iter()
                .find(|(i, _)| i == id)
                .expect("checked above")
                .1;
            let _ = writeln!(out, "    {parts},");
        }
        out.push_str("];\n\n");
    }
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let target = Path::new(&out_dir).join("phrases.rs");
    std::fs::write(&target, out)
        .unwrap_or_else(|e| panic!("cannot write {}: {e}", target.display()));
    write_page_words(&page_words, &Path::new(&out_dir).join("page-words.json"));
}

/// The page's words as one JSON object, `{"en": {"id": "text with {name} places"}, …}`,
/// checked like the phrases: every language has exactly English's messages.
fn write_page_words(languages: &[(&str, Vec<(String, String)>)], target: &Path) {
    let ids: Vec<&String> = languages[0].1.iter().map(|(id, _)| id).collect();
    let mut out = String::from("{");
    for (n, (language, words)) in languages.iter().enumerate() {
        let theirs: Vec<&String> = words.iter().map(|(id, _)| id).collect();
        assert_eq!(
            theirs, ids,
            "{language}/{PAGE_WORDS} must have English's messages, in English's order"
        );
        let _ = write!(out, "{}{}:{{", if n > 0 { "," } else { "" }, json(language));
        for (i, (id, text)) in words.iter().enumerate() {
            let _ = write!(
                out,
                "{}{}:{}",
                if i > 0 { "," } else { "" },
                json(id),
                json(text)
            );
        }
        out.push('}');
    }
    out.push('}');
    std::fs::write(target, out)
        .unwrap_or_else(|e| panic!("cannot write {}: {e}", target.display()));
}

/// `s` as a JSON string. `<` is escaped too, so the text can sit inside a script.
fn json(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '<' => out.push_str("\\u003c"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A pattern of plain text and variables as text, each variable written `{name}`.
fn plain_text(p: &ast::Pattern<&str>, what: &str) -> String {
    let mut text = String::new();
    for element in &p.elements {
        match element {
            ast::PatternElement::TextElement { value } => text.push_str(value),
            ast::PatternElement::Placeable {
                expression: ast::Expression::Inline(ast::InlineExpression::VariableReference { id }),
            } => {
                let _ = write!(text, "{{{}}}", id.name);
            }
            other => panic!("{what}: only text and variables here: {other:?}"),
        }
    }
    text
}

/// A language's Fluent files, by name: each holds the phrases of one part of Folio.
fn files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut found: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|x| x == "ftl"))
        .collect();
    found.sort();
    found
}

/// Each message of a file, as its id and its pattern as `write` writes it: a Rust `&[Part]`
/// ([`pattern`]) or plain text ([`plain_text`]).
fn messages(
    path: &Path,
    source: &str,
    write: fn(&ast::Pattern<&str>, &str) -> String,
) -> Vec<(String, String)> {
    let resource = fluent_syntax::parser::parse(source)
        .unwrap_or_else(|(_, errors)| panic!("{} does not parse: {errors:?}", path.display()));
    let mut found = Vec::new();
    for entry in resource.body {
        match entry {
            ast::Entry::Message(m) => {
                let id = m.id.name.to_owned();
                let what = format!("{}: {id}", path.display());
                assert!(m.attributes.is_empty(), "{what}: attributes are not used");
                let value = m.value.unwrap_or_else(|| panic!("{what} has no value"));
                found.push((id, write(&value, &what)));
            }
            ast::Entry::Comment(_)
            | ast::Entry::GroupComment(_)
            | ast::Entry::ResourceComment(_) => {}
            other => panic!("{}: only messages and comments: {other:?}", path.display()),
        }
    }
    found
}

/// A pattern as a Rust `&[Part]` expression.
fn pattern(p: &ast::Pattern<&str>, what: &str) -> String {
    let mut parts = Vec::new();
    for element in &p.elements {
        match element {
            ast::PatternElement::TextElement { value } => {
                parts.push(format!("Part::Text({value:?})"))
            }
            ast::PatternElement::Placeable { expression } => {
                parts.push(placeable(expression, what))
            }
        }
    }
    format!("&[{}]", parts.join(", "))
}

fn placeable(e: &ast::Expression<&str>, what: &str) -> String {
    match e {
        ast::Expression::Inline(ast::InlineExpression::VariableReference { id }) => {
            format!("Part::Var({:?})", id.name)
        }
        ast::Expression::Inline(ast::InlineExpression::StringLiteral { value }) => {
            format!("Part::Text({value:?})")
        }
        ast::Expression::Select { selector, variants } => {
            let ast::InlineExpression::VariableReference { id } = selector else {
                panic!("{what}: a selection must be on a variable")
            };
            let mut keyed = Vec::new();
            let mut default = None;
            for (i, v) in variants.iter().enumerate() {
                let key = match &v.key {
                    ast::VariantKey::Identifier { name } => format!("Key::Category({name:?})"),
                    ast::VariantKey::NumberLiteral { value } => {
                        let n: i64 = value
                            .parse()
                            .unwrap_or_else(|_| panic!("{what}: keys are whole numbers: {value}"));
                        format!("Key::Exact({n})")
                    }
                };
                if v.default {
                    default = Some(i);
                }
                keyed.push(format!("({key}, {})", pattern(&v.value, what)));
            }
            let default = default.unwrap_or_else(|| panic!("{what}: a selection needs a default"));
            format!(
                "Part::Select({:?}, &[{}], {default})",
                id.name,
                keyed.join(", ")
            )
        }
        other => panic!("{what}: only variables and selections are formatted: {other:?}"),
    }
}

/// `reading-time` as a Rust variant name: `ReadingTime`.
fn variant(id: &str) -> String {
    id.split('-')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect()
}
