//! The only code that touches `localStorage`.
//!
//! Every value is stored under a namespaced key (`<namespace>/<name>`) inside a versioned envelope
//! `{"schema": N, "data": …}`, so that several embeds on one site do not collide and an older shape
//! can be recognised and migrated by its owner. Storage that is missing, disabled, full or corrupt is
//! reported as a [`StorageError`] value: this module never panics, never throws into JavaScript and
//! never overwrites data it could not read (unreadable data is first copied aside to a backup key).

use gloo_storage::{errors::StorageError as GlooError, LocalStorage, Storage as _};
use serde::{de::DeserializeOwned, Deserialize, Serialize};
use serde_json::value::RawValue;

/// The namespace the app uses unless an embedding page asks for another.
pub const DEFAULT_NAMESPACE: &str = "collaboration-readiness";
const PROBE_KEY: &str = "collaboration-readiness/.probe";

/// Why storage could not be used. Each message says what happened in words a person can act on.
#[derive(Debug, Clone, PartialEq, thiserror::Error, Serialize, Deserialize)]
pub enum StorageError {
    #[error("This browser does not let the app keep data (storage is disabled or blocked here). Your answers are kept only while this page is open: download them before you close it.")]
    Unavailable,
    #[error("This browser's storage for the app is full, so the last change was not saved. It is kept while this page is open: download your answers to keep them.")]
    Full,
    #[error("Saved data could not be read, so it was kept aside under \"{backup_key}\" and the app started afresh.")]
    Corrupt { backup_key: String },
    #[error(
        "Saved data could not be read and could not be kept aside either; it was left untouched."
    )]
    CorruptNotBackedUp,
    #[error("Your saved assessments were saved by a newer version of this app, so this version has left them untouched. Reload the page to use the newer version. Anything you do now is kept only while this page is open.")]
    Newer,
    #[error("Some saved answers could not be read: {0}. What could not be read is kept aside in this browser: under \u{201c}Your assessments\u{201d} you can download it or try to restore it.")]
    PartlySetAside(String),
    #[error("Saving failed: {0}")]
    Other(String),
}

/// What is stored under a key: the shape's version and the data in that shape, as JSON text (read
/// into its type by the owner, who knows the shape; no JSON tree is built on the way).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Envelope {
    pub schema: u32,
    pub data: Box<RawValue>,
}

impl PartialEq for Envelope {
    fn eq(&self, other: &Envelope) -> bool {
        self.schema == other.schema && self.data.get() == other.data.get()
    }
}

/// A namespaced view of `localStorage`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Store {
    namespace: String,
}

/// `localStorage`, or `Unavailable`. Reading `window.localStorage` itself throws in a sandboxed or
/// storage-blocked iframe, so this goes through `web_sys`, which returns the error instead.
fn local_storage() -> Result<web_sys::Storage, StorageError> {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or(StorageError::Unavailable)
}

/// The `name` of a JavaScript error (`"QuotaExceededError"`, `"SecurityError"` …).
fn error_name(error: &wasm_bindgen::JsValue) -> Option<String> {
    js_sys::Reflect::get(error, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
}

/// True when a failed write failed because storage is full (the quota is reached).
fn is_quota_error(error: &wasm_bindgen::JsValue) -> bool {
    error_name(error).as_deref() == Some("QuotaExceededError")
}

/// Whether the app can keep data here: `localStorage` exists and takes writes. Storage that is only
/// full still counts as available (what is there can be read; the person is told when a save fails).
pub fn available() -> bool {
    let Ok(storage) = local_storage() else {
        return false;
    };
    match storage.set_item(PROBE_KEY, "1") {
        Ok(()) => storage.remove_item(PROBE_KEY).is_ok(),
        Err(error) => is_quota_error(&error),
    }
}

impl Store {
    /// A store whose keys all start with `namespace/`.
    pub fn new(namespace: &str) -> Store {
        Store {
            namespace: namespace.to_owned(),
        }
    }

    /// The full key for `name`.
    pub fn key(&self, name: &str) -> String {
        format!("{}/{}", self.namespace, name)
    }

    /// Reads the envelope under `name`. `Ok(None)`: nothing stored. Data that is not an envelope is
    /// copied to a backup key first and reported as [`StorageError::Corrupt`].
    pub fn load(&self, name: &str) -> Result<Option<Envelope>, StorageError> {
        let key = self.key(name);
        let raw = match local_storage()?.get_item(&key) {
            Ok(Some(raw)) => raw,
            Ok(None) => return Ok(None),
            Err(_) => return Err(StorageError::Unavailable),
        };
        match serde_json::from_str::<Envelope>(&raw) {
            Ok(envelope) => Ok(Some(envelope)),
            Err(_) => Err(self.set_aside(&key, &raw)),
        }
    }

    /// Reads `name` as a `T` of schema `schema`; an envelope of another schema, or data that does not
    /// fit `T`, is set aside like corrupt data (callers that migrate use [`Store::load`]).
    pub fn load_as<T: DeserializeOwned>(
        &self,
        name: &str,
        schema: u32,
    ) -> Result<Option<T>, StorageError> {
        let Some(envelope) = self.load(name)? else {
            return Ok(None);
        };
        if envelope.schema == schema {
            if let Ok(value) = serde_json::from_str(envelope.data.get()) {
                return Ok(Some(value));
            }
        }
        let key = self.key(name);
        let raw = serde_json::to_string(&envelope).unwrap_or_default();
        Err(self.set_aside(&key, &raw))
    }

    /// Moves whatever is stored under `name` to a backup key (data the caller cannot use, such as a
    /// shape written by a newer version), so that the app can start clean without destroying it.
    pub fn keep_aside(&self, name: &str) -> StorageError {
        let key = self.key(name);
        match local_storage().map(|s| s.get_item(&key)) {
            Ok(Ok(Some(raw))) => self.set_aside(&key, &raw),
            _ => StorageError::CorruptNotBackedUp,
        }
    }

    /// Copies unreadable data to a backup key and removes it from `key`, so that the app can start
    /// clean without destroying what was there.
    fn set_aside(&self, key: &str, raw: &str) -> StorageError {
        let backup_key = format!("{key}.backup-{}", js_sys::Date::now() as u64);
        let Ok(storage) = local_storage() else {
            return StorageError::CorruptNotBackedUp;
        };
        match storage.set_item(&backup_key, raw) {
            Ok(()) => {
                let _ = storage.remove_item(key);
                StorageError::Corrupt { backup_key }
            }
            Err(_) => StorageError::CorruptNotBackedUp,
        }
    }

    /// Saves `data` under `name` with its schema version.
    pub fn save<T: Serialize>(
        &self,
        name: &str,
        schema: u32,
        data: &T,
    ) -> Result<(), StorageError> {
        // Checked first: gloo-storage assumes storage exists and would throw otherwise.
        local_storage()?;
        let data = serde_json::value::to_raw_value(data)
            .map_err(|e| StorageError::Other(e.to_string()))?;
        LocalStorage::set(self.key(name), Envelope { schema, data }).map_err(|e| match e {
            GlooError::JsError(js) if js.name == "QuotaExceededError" => StorageError::Full,
            GlooError::JsError(js) if js.name == "SecurityError" => StorageError::Unavailable,
            other => StorageError::Other(other.to_string()),
        })
    }

    /// Saves data that is already JSON text under `name` with its schema version. For large values
    /// (a group of many responses), written straight into the envelope's text.
    pub fn save_json(&self, name: &str, schema: u32, data_json: &str) -> Result<(), StorageError> {
        let storage = local_storage()?;
        let raw = format!("{{\"schema\":{schema},\"data\":{data_json}}}");
        storage.set_item(&self.key(name), &raw).map_err(|error| {
            match error_name(&error).as_deref() {
                Some("QuotaExceededError") => StorageError::Full,
                Some("SecurityError") => StorageError::Unavailable,
                _ => StorageError::Other(format!("{error:?}")),
            }
        })
    }

    /// Removes `name`.
    pub fn remove(&self, name: &str) {
        if let Ok(storage) = local_storage() {
            let _ = storage.remove_item(&self.key(name));
        }
    }

    /// The keys in this namespace, for listing and for tests.
    pub fn keys(&self) -> Vec<String> {
        let prefix = format!("{}/", self.namespace);
        let Ok(storage) = local_storage() else {
            return Vec::new();
        };
        let len = storage.length().unwrap_or(0);
        (0..len)
            .filter_map(|i| storage.key(i).ok().flatten())
            .filter(|k| k.starts_with(&prefix))
            .collect()
    }
}

/// The namespace for storage keys: `?ns=` in the page's address (so several embeds on one site keep
/// their data apart), else the default.
pub fn namespace_from_location() -> String {
    let search = leptos::prelude::window()
        .location()
        .search()
        .unwrap_or_default();
    search
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix("ns="))
        .filter(|ns| {
            !ns.is_empty()
                && ns
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        })
        .map(|ns| format!("{DEFAULT_NAMESPACE}-{ns}"))
        .unwrap_or_else(|| DEFAULT_NAMESPACE.to_string())
}
