//! [`Obj`], one JSON object being read: its path for messages, and a reader for each kind
//! of field (text, flags, counts, nested objects, values kept as written).

use serde_json::{Map, Value};

use super::kind;
use crate::diagnostic::{Diagnostic, Report, Rule};
use crate::limits;

/// One JSON object being read, with its path for messages.
pub(crate) struct Obj<'v, 'r> {
    /// Path of this object, such as `sidebars[0]`; empty at the top.
    pub path: String,
    pub(super) map: &'v Map<String, Value>,
    pub(super) file: &'r str,
}

impl<'v, 'r> Obj<'v, 'r> {
    /// Starts reading the top-level object of `file`.
    pub fn root(map: &'v Map<String, Value>, file: &'r str) -> Self {
        Self {
            path: String::new(),
            map,
            file,
        }
    }

    /// The path of `key` inside this object.
    pub fn at(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_owned()
        } else {
            format!("{}.{key}", self.path)
        }
    }

    /// Records a problem at `key`.
    pub fn problem(&self, report: &mut Report, rule: Rule, key: &str, message: impl Into<String>) {
        report.push(Diagnostic::new(rule, self.file, self.at(key), message));
    }

    /// The value at `key`, unless it is absent or `null`.
    pub(super) fn present(&self, key: &str) -> Option<&'v Value> {
        self.map.get(key).filter(|v| !v.is_null())
    }

    fn missing(&self, report: &mut Report, key: &str, why: &str) {
        let message = if why.is_empty() {
            "missing".to_owned()
        } else {
            format!("missing ({why})")
        };
        self.problem(report, Rule::Missing, key, message);
    }

    /// Records that `key` holds `found` where `expected` was wanted.
    pub(super) fn wrong(&self, report: &mut Report, key: &str, expected: &str, found: &Value) {
        self.problem(
            report,
            Rule::WrongType,
            key,
            format!("expected {expected}, found {}", kind(found)),
        );
    }

    /// An optional string of at most `max` characters. Empty strings count as absent.
    pub fn opt_str_max(&self, report: &mut Report, key: &str, max: usize) -> Option<String> {
        match self.present(key)? {
            Value::String(s) if s.trim().is_empty() => None,
            Value::String(s) if s.chars().count() > max => {
                self.problem(
                    report,
                    Rule::TooLarge,
                    key,
                    format!("longer than {max} characters"),
                );
                None
            }
            Value::String(s) => Some(s.clone()),
            other => {
                self.wrong(report, key, "a string", other);
                None
            }
        }
    }

    /// An optional one-line text field.
    pub fn opt_text(&self, report: &mut Report, key: &str) -> Option<String> {
        self.opt_str_max(report, key, limits::TEXT_CHARS)
    }

    /// A required one-line text field; `why` says why it is needed.
    pub fn req_text(&self, report: &mut Report, key: &str, why: &str) -> Option<String> {
        self.req(report, key, why, |o, r| o.opt_text(r, key))
    }

    /// A required value read by `read`, reporting absence with `why`.
    pub fn req<T>(
        &self,
        report: &mut Report,
        key: &str,
        why: &str,
        read: impl FnOnce(&Self, &mut Report) -> Option<T>,
    ) -> Option<T> {
        let was_present = matches!(self.present(key), Some(v) if !matches!(v, Value::String(s) if s.trim().is_empty()));
        let value = read(self, report);
        if !was_present {
            self.missing(report, key, why);
        }
        value
    }

    /// An optional boolean, `false` when absent.
    pub fn flag(&self, report: &mut Report, key: &str) -> bool {
        match self.present(key) {
            None => false,
            Some(Value::Bool(b)) => *b,
            Some(other) => {
                self.wrong(report, key, "true or false", other);
                false
            }
        }
    }

    /// An optional whole number between 1 and `max`.
    pub fn opt_count(&self, report: &mut Report, key: &str, max: u32) -> Option<u32> {
        let v = self.present(key)?;
        match v.as_u64() {
            Some(n) if n >= 1 && n <= u64::from(max) => Some(n as u32),
            Some(_) => {
                self.problem(
                    report,
                    Rule::BadValue,
                    key,
                    format!("must be between 1 and {max}"),
                );
                None
            }
            None => {
                self.wrong(report, key, "a whole number", v);
                None
            }
        }
    }

    /// An optional nested object.
    pub fn opt_obj(&self, report: &mut Report, key: &str) -> Option<Obj<'v, 'r>> {
        match self.present(key)? {
            Value::Object(map) => Some(Obj {
                path: self.at(key),
                map,
                file: self.file,
            }),
            other => {
                self.wrong(report, key, "an object", other);
                None
            }
        }
    }
}

impl<'v> Obj<'v, '_> {
    /// Every key and value, for maps keyed by the publisher (such as file hashes).
    pub fn entries(&self) -> impl Iterator<Item = (&'v String, &'v Value)> {
        self.map.iter()
    }

    /// A value kept as written, for fields reserved for later versions.
    pub fn raw(&self, key: &str) -> Option<&'v Value> {
        self.present(key)
    }
}
