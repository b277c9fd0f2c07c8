//! Saving the article and filters in local storage, so a reload restores them.
//!
//! Storage can be missing (some `file://` pages, private modes) or full (a 2 MB article);
//! both are reported as a [`StorageError`] for a short notice, never a failure of the page.

use super::state::Saved;
use gloo::storage::{LocalStorage, Storage};

/// Why saving did not work.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// The browser gives this page no local storage.
    Unavailable,
    /// The article is larger than the storage allows.
    Full,
}

/// Whether this page may use local storage at all.
pub fn available() -> bool {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten()).is_some()
}

/// The saved state under `key`, if any and readable.
pub fn load(key: &str) -> Option<Saved> {
    if !available() {
        return None;
    }
    LocalStorage::get::<Saved>(key).ok()
}

/// Saves `saved` under `key`.
pub fn save(key: &str, saved: &Saved) -> Result<(), StorageError> {
    if !available() {
        return Err(StorageError::Unavailable);
    }
    LocalStorage::set(key, saved).map_err(|_| StorageError::Full)
}

/// Forgets what is saved under `key`.
pub fn clear(key: &str) {
    if available() {
        LocalStorage::delete(key);
    }
}
