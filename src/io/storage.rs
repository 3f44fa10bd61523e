//! The browser's `localStorage`, where Folio keeps the reader's settings, with typed errors
//! for the storage a browser turns off or that is full.

use std::fmt;

use wasm_bindgen::JsCast;

/// Why a setting could not be kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// The browser gives Folio no storage: it is turned off, blocked, or a private window.
    Unavailable,
    /// The storage is full.
    Full,
    /// The browser refused for another reason, named by its error.
    Refused(String),
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StorageError::Unavailable => f.write_str(
                "this browser does not let Folio keep settings on this device (storage is turned off or blocked)",
            ),
            StorageError::Full => f.write_str("the storage this browser gives Folio is full"),
            StorageError::Refused(name) => write!(f, "the browser refused to store them ({name})"),
        }
    }
}

fn storage() -> Result<web_sys::Storage, StorageError> {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or(StorageError::Unavailable)
}

fn classify(error: wasm_bindgen::JsValue) -> StorageError {
    match error.dyn_into::<web_sys::DomException>() {
        Ok(e) if e.name() == "QuotaExceededError" || e.code() == 22 => StorageError::Full,
        Ok(e) if e.name() == "SecurityError" => StorageError::Unavailable,
        Ok(e) => StorageError::Refused(e.name()),
        Err(_) => StorageError::Refused("unknown error".into()),
    }
}

/// The text stored under `key`, if any.
pub fn read(key: &str) -> Result<Option<String>, StorageError> {
    storage()?.get_item(key).map_err(classify)
}

/// Stores `value` under `key`.
pub fn write(key: &str, value: &str) -> Result<(), StorageError> {
    storage()?.set_item(key, value).map_err(classify)
}

/// Removes what is stored under `key`.
pub fn remove(key: &str) -> Result<(), StorageError> {
    storage()?.remove_item(key).map_err(classify)
}
