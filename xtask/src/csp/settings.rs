//! The deployment's settings a policy is made from (`folio.json`): `bundle_origins`, the
//! origins bundles may come from, and `frame_ancestors`, who may frame the app (default
//! `'self'`). Each entry is checked, so a setting can only ever add a source, never a
//! directive. The viewer reads the same file and ignores `frame_ancestors`.

use std::path::Path;

use serde_json::Value;

use super::CspError;

/// The settings a policy depends on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    /// Origins besides the app's own that bundles, and so images and requests, come from.
    pub bundle_origins: Vec<String>,
    /// The sources of `frame-ancestors`: `'self'` unless the settings say otherwise.
    pub frame_ancestors: Vec<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            bundle_origins: Vec::new(),
            frame_ancestors: vec!["'self'".to_owned()],
        }
    }
}

impl Settings {
    /// The settings in the file at `path`; the defaults if there is none, as for the viewer.
    pub fn read(path: &Path) -> Result<Settings, CspError> {
        match std::fs::read(path) {
            Ok(bytes) => Settings::parse(&bytes, &path.display().to_string()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Settings::default()),
            Err(source) => Err(CspError::Read {
                path: path.to_owned(),
                source,
            }),
        }
    }

    /// The settings in `bytes`, a `folio.json` named `what` in messages.
    pub fn parse(bytes: &[u8], what: &str) -> Result<Settings, CspError> {
        let value: Value = serde_json::from_slice(bytes).map_err(|e| CspError::NotSettings {
            what: what.to_owned(),
            reason: e.to_string(),
        })?;
        let Value::Object(fields) = value else {
            return Err(CspError::NotSettings {
                what: what.to_owned(),
                reason: "not an object".into(),
            });
        };
        let list = |field: &'static str| -> Result<Option<Vec<String>>, CspError> {
            let bad = |value: &Value| CspError::Setting {
                what: what.to_owned(),
                field,
                value: value.to_string(),
                expected: "a list of strings",
            };
            match fields.get(field) {
                None | Some(Value::Null) => Ok(None),
                Some(Value::Array(items)) => items
                    .iter()
                    .map(|item| item.as_str().map(str::to_owned).ok_or_else(|| bad(item)))
                    .collect::<Result<Vec<_>, _>>()
                    .map(Some),
                Some(other) => Err(bad(other)),
            }
        };
        let bad = |field, value: &str, expected| CspError::Setting {
            what: what.to_owned(),
            field,
            value: value.to_owned(),
            expected,
        };
        let bundle_origins = list("bundle_origins")?
            .unwrap_or_default()
            .iter()
            .map(|o| {
                // The viewer compares origins without a trailing slash.
                let origin = o.trim_end_matches('/');
                is_origin(origin, false)
                    .then(|| origin.to_owned())
                    .ok_or_else(|| {
                        bad(
                            "bundle_origins",
                            o,
                            "an origin such as https://news.example.org (scheme, host, port)",
                        )
                    })
            })
            .collect::<Result<Vec<_>, _>>()?;
        let frame_ancestors = match list("frame_ancestors")? {
            None => Settings::default().frame_ancestors,
            Some(sources) if sources.is_empty() => vec!["'none'".to_owned()],
            Some(sources) => {
                for source in &sources {
                    let keyword = source == "'self'" || (source == "'none'" && sources.len() == 1);
                    if !keyword && !is_origin(source.trim_end_matches('/'), true) {
                        return Err(bad(
                            "frame_ancestors",
                            source,
                            "'self', 'none' alone, or an origin such as https://cms.example.org \
                             (https://*.example.org for its subdomains)",
                        ));
                    }
                }
                sources
                    .iter()
                    .map(|s| s.trim_end_matches('/').to_owned())
                    .collect()
            }
        };
        Ok(Settings {
            bundle_origins,
            frame_ancestors,
        })
    }
}

/// Whether `text` is `http(s)://host[:port]` with nothing else: a host of letters, digits,
/// dots and hyphens (or a bracketed IPv6 address), and, if `wildcard`, a leading `*.`.
fn is_origin(text: &str, wildcard: bool) -> bool {
    let Some((scheme, rest)) = text.split_once("://") else {
        return false;
    };
    if !matches!(scheme, "http" | "https") || rest.is_empty() {
        return false;
    }
    let (host, port) = if let Some(v6) = rest.strip_prefix('[') {
        // A bracketed IPv6 address stands for a host name below.
        match v6.split_once(']') {
            Some((address, "")) if is_ipv6(address) => ("ipv6", None),
            Some((address, after)) if is_ipv6(address) => match after.strip_prefix(':') {
                Some(port) => ("ipv6", Some(port)),
                None => return false,
            },
            _ => return false,
        }
    } else {
        match rest.rsplit_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (rest, None),
        }
    };
    let host = if wildcard {
        host.strip_prefix("*.").unwrap_or(host)
    } else {
        host
    };
    let host_ok = !host.is_empty()
        && host.split('.').all(|label| {
            !label.is_empty()
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
                && !label.starts_with('-')
        });
    let port_ok = port.is_none_or(|p| {
        (!p.is_empty() && p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit()))
            || (wildcard && p == "*")
    });
    host_ok && port_ok
}

fn is_ipv6(address: &str) -> bool {
    !address.is_empty()
        && address.contains(':')
        && address
            .bytes()
            .all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.')
}
