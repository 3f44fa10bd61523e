//! Reading back the model this crate writes: an [`Article`] as `serde::Serialize` makes it
//! JSON. A static page carries its article that way, already read and checked by its build,
//! so the browser draws it without the Markdown reader (ADR 013).
//!
//! Written by hand over one [`serde_json::Value`] rather than derived: a derived
//! `Deserialize` is compiled again for every type and the deserializer it meets, and in
//! Folio's module it cost about 25 KB brotli where this costs a few. Anything other than
//! what the build writes is refused whole (`None`); nothing here checks a bundle's rules,
//! which the build has applied. `tests/model_round_trip.rs` holds the two sides together.

use serde_json::{Map, Value};

use crate::article::Article;
use crate::document::{Document, Scope};
use crate::pause::{self, Waiting};

/// How many blocks or footnotes are read back between two pauses.
const BLOCKS_PER_PAUSE: usize = 256;

impl Article {
    /// The article `value` holds, as [`serde_json::to_value`] of an [`Article`] gives it;
    /// `None` when it holds anything else.
    pub fn from_written(value: Value) -> Option<Article> {
        pause::at_once(Article::from_written_in_steps(value, &mut pause::no_pause))
    }

    /// [`Article::from_written`], awaiting `pause` every [`BLOCKS_PER_PAUSE`] blocks of the
    /// body and of its footnotes: a long article's model is read back in steps, as its
    /// Markdown is read (`crate::pause`).
    pub async fn from_written_in_steps(
        value: Value,
        pause: &mut dyn FnMut() -> Waiting,
    ) -> Option<Article> {
        let mut f = Fields::of(value)?;
        let mut body = Fields::of(f.0.remove("body")?)?;
        let blocks = in_steps(body.0.remove("blocks")?, pause).await?;
        let footnotes = in_steps(body.0.remove("footnotes")?, pause).await?;
        Some(Article {
            manifest: f.take("manifest")?,
            body: Document {
                scope: Scope(body.take("scope")?),
                blocks,
                footnotes,
                outline: body.take("outline")?,
                word_count: body.take("word_count")?,
            },
            teasers: f.take("teasers")?,
            notices: f.take("notices")?,
        })
    }
}

/// A list read back item by item, with a pause every [`BLOCKS_PER_PAUSE`] items.
async fn in_steps<T: Written>(value: Value, pause: &mut dyn FnMut() -> Waiting) -> Option<Vec<T>> {
    let Value::Array(items) = value else {
        return None;
    };
    let mut list = Vec::with_capacity(items.len());
    for (i, item) in items.into_iter().enumerate() {
        if i % BLOCKS_PER_PAUSE == BLOCKS_PER_PAUSE - 1 {
            pause().await;
        }
        list.push(T::read(item)?);
    }
    Some(list)
}

/// A type read back from what its `Serialize` wrote.
trait Written: Sized {
    fn read(value: Value) -> Option<Self>;
}

/// An object's fields, taken out one by one.
struct Fields(Map<String, Value>);

impl Fields {
    fn of(value: Value) -> Option<Fields> {
        match value {
            Value::Object(map) => Some(Fields(map)),
            _ => None,
        }
    }

    /// A field every value has.
    fn take<T: Written>(&mut self, key: &str) -> Option<T> {
        T::read(self.0.remove(key)?)
    }

    /// A field left out when it is `None` (`skip_serializing_if = "Option::is_none"`).
    fn maybe<T: Written>(&mut self, key: &str) -> Option<Option<T>> {
        match self.0.remove(key) {
            None | Some(Value::Null) => Some(None),
            Some(value) => T::read(value).map(Some),
        }
    }

    /// A field left out when it has its default (`false`, an empty list).
    fn or_default<T: Written + Default>(&mut self, key: &str) -> Option<T> {
        match self.0.remove(key) {
            None => Some(T::default()),
            Some(value) => T::read(value),
        }
    }
}

/// An enum written with `tag` naming its variant and, unless it has none, `value` its
/// content (`#[serde(tag, content)]`).
fn tagged(value: Value, tag: &str) -> Option<(String, Value)> {
    let mut fields = Fields::of(value)?;
    let variant = fields.take::<String>(tag)?;
    Some((variant, fields.0.remove("value").unwrap_or(Value::Null)))
}

impl Written for String {
    fn read(value: Value) -> Option<Self> {
        match value {
            Value::String(text) => Some(text),
            _ => None,
        }
    }
}

impl Written for bool {
    fn read(value: Value) -> Option<Self> {
        value.as_bool()
    }
}

impl Written for u64 {
    fn read(value: Value) -> Option<Self> {
        value.as_u64()
    }
}

/// Whole numbers narrower than `u64`, refused when they do not fit.
macro_rules! narrower {
    ($($t:ty),*) => {$(
        impl Written for $t {
            fn read(value: Value) -> Option<Self> {
                value.as_u64().and_then(|n| <$t>::try_from(n).ok())
            }
        }
    )*};
}
narrower!(u8, u32, usize);

impl<T: Written> Written for Vec<T> {
    fn read(value: Value) -> Option<Self> {
        match value {
            Value::Array(items) => items.into_iter().map(T::read).collect(),
            _ => None,
        }
    }
}

impl<T: Written> Written for Option<T> {
    fn read(value: Value) -> Option<Self> {
        match value {
            Value::Null => Some(None),
            value => T::read(value).map(Some),
        }
    }
}

/// Enums written as one word each (`rename_all`).
macro_rules! words {
    ($t:ty { $($word:literal => $variant:expr),* $(,)? }) => {
        impl Written for $t {
            fn read(value: Value) -> Option<Self> {
                match value.as_str()? {
                    $($word => Some($variant),)*
                    _ => None,
                }
            }
        }
    };
}

// After `words!`, which both use.
mod document;
mod manifest;
