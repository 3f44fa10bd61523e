//! A reader over parsed JSON that records every problem it meets, with its JSON path,
//! instead of stopping at the first one as a derived `Deserialize` would.
//!
//! This file parses a file's bytes and names the kinds of values; [`Obj`] reads an object's
//! fields, and [`Obj::list`] a list's items.

mod list;
mod obj;

use serde_json::{Map, Value};

use crate::diagnostic::{Diagnostic, Report, Rule};

pub(crate) use obj::Obj;

/// Parses `bytes` as a JSON object, recording a syntax or size problem in `report`.
pub(crate) fn parse_object(
    bytes: &[u8],
    file: &str,
    cap: usize,
    report: &mut Report,
) -> Option<Map<String, Value>> {
    if bytes.len() > cap {
        report.push(Diagnostic::new(
            Rule::TooLarge,
            file,
            "",
            format!("{} bytes, more than the {} allowed", bytes.len(), cap),
        ));
        return None;
    }
    match serde_json::from_slice::<Value>(bytes) {
        Ok(Value::Object(map)) => Some(map),
        Ok(other) => {
            report.push(Diagnostic::new(
                Rule::WrongType,
                file,
                "",
                format!("expected a JSON object, found {}", kind(&other)),
            ));
            None
        }
        Err(e) => {
            let what = if e.is_eof() {
                "the file ends too early"
            } else {
                "not valid JSON"
            };
            report.push(Diagnostic::new(
                Rule::Syntax,
                file,
                format!("line {}, column {}", e.line(), e.column()),
                format!("{what} ({e})"),
            ));
            None
        }
    }
}

/// The name of a JSON value's kind, as a publisher would say it.
pub(crate) fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}
