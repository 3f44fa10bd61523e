//! JSON lists: [`Obj::list`] reads one, capped in length, and hands each value to its reader
//! as an [`Item`] that knows its own path.

use serde_json::Value;

use super::{kind, Obj};
use crate::diagnostic::{Diagnostic, Report, Rule};
use crate::limits;

impl<'v, 'r> Obj<'v, 'r> {
    /// An optional list, each item read by `read`; at most `max` items.
    pub fn list<T>(
        &self,
        report: &mut Report,
        key: &str,
        max: usize,
        mut read: impl FnMut(Item<'v, 'r>, &mut Report) -> Option<T>,
    ) -> Vec<T> {
        let items = match self.present(key) {
            None => return Vec::new(),
            Some(Value::Array(items)) => items,
            Some(other) => {
                self.wrong(report, key, "a list", other);
                return Vec::new();
            }
        };
        if items.len() > max {
            self.problem(
                report,
                Rule::TooLarge,
                key,
                format!("{} items, more than the {max} allowed", items.len()),
            );
            return Vec::new();
        }
        let base = self.at(key);
        items
            .iter()
            .enumerate()
            .filter_map(|(i, value)| {
                read(
                    Item {
                        path: format!("{base}[{i}]"),
                        value,
                        file: self.file,
                    },
                    report,
                )
            })
            .collect()
    }
}

/// One item of a JSON list being read.
pub(crate) struct Item<'v, 'r> {
    /// Path of the item, such as `media[1]`.
    pub path: String,
    value: &'v Value,
    file: &'r str,
}

impl<'v, 'r> Item<'v, 'r> {
    /// The item as an object, or a recorded problem.
    pub fn object(self, report: &mut Report) -> Option<Obj<'v, 'r>> {
        match self.value {
            Value::Object(map) => Some(Obj {
                path: self.path,
                map,
                file: self.file,
            }),
            other => {
                report.push(Diagnostic::new(
                    Rule::WrongType,
                    self.file,
                    self.path,
                    format!("expected an object, found {}", kind(other)),
                ));
                None
            }
        }
    }

    /// The item as a non-empty one-line string, or a recorded problem.
    pub fn text(self, report: &mut Report) -> Option<String> {
        match self.value {
            Value::String(s) if !s.trim().is_empty() && s.chars().count() <= limits::TEXT_CHARS => {
                Some(s.clone())
            }
            other => {
                report.push(Diagnostic::new(
                    Rule::WrongType,
                    self.file,
                    self.path,
                    format!(
                        "expected a non-empty string of at most {} characters, found {}",
                        limits::TEXT_CHARS,
                        kind(other)
                    ),
                ));
                None
            }
        }
    }
}
