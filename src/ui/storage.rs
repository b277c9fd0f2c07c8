//! Keeping the working article: per tab in session storage, and the last article of any tab in
//! local storage as an offer, never restored without asking.
//!
//! Session storage belongs to one tab and survives its reloads, so each tab keeps its own
//! article and no tab can overwrite another's. A brand-new tab starts empty; when local storage
//! holds the last article some tab worked on, the page offers it, labelled as such. Storage can
//! be missing (some `file://` pages, private modes) or full; both are reported as a
//! [`StorageError`] for a short notice, never a failure of the page. When the tab's article
//! cannot be saved, the older one saved before is removed and a small marker left, so a reload
//! says the article was not kept rather than silently bringing back an older one.

use super::state::Saved;
use serde::{Deserialize, Serialize};

/// Why saving did not work.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// The browser gives this page no storage.
    Unavailable,
    /// The browser's storage for this page is full.
    Full,
}

/// What a tab finds in its session storage on start-up.
#[derive(Clone, Debug, PartialEq)]
pub enum TabState {
    /// Nothing: a brand-new tab (or one that never had an article).
    Fresh,
    /// The article and filters it had before the reload.
    Saved(Box<Saved>),
    /// Its article of this many bytes could not be kept (storage was full).
    NotKept(usize),
}

/// The last article any tab worked on, as offered to a new tab.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Last {
    /// The article, its filters and corrections.
    #[serde(flatten)]
    pub saved: Saved,
    /// When it was saved, in milliseconds since 1970 (0 when unknown).
    #[serde(default)]
    pub at: f64,
}

fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn not_kept_key(key: &str) -> String {
    format!("{key}/not-kept")
}

/// What this tab saved under `key` before a reload.
pub fn load_tab(key: &str) -> TabState {
    let Some(store) = session() else { return TabState::Fresh };
    if let Some(bytes) = store.get_item(&not_kept_key(key)).ok().flatten() {
        return TabState::NotKept(bytes.parse().unwrap_or(0));
    }
    match store.get_item(key).ok().flatten().and_then(|json| serde_json::from_str(&json).ok()) {
        Some(saved) => TabState::Saved(Box::new(saved)),
        None => TabState::Fresh,
    }
}

/// Saves this tab's state under `key`. On failure the older saved state is removed and a
/// marker with the article's size left in its place.
pub fn save_tab(key: &str, saved: &Saved) -> Result<(), StorageError> {
    let store = session().ok_or(StorageError::Unavailable)?;
    let json = serde_json::to_string(saved).map_err(|_| StorageError::Full)?;
    match store.set_item(key, &json) {
        Ok(()) => {
            let _ = store.remove_item(&not_kept_key(key));
            Ok(())
        }
        Err(_) => {
            let _ = store.remove_item(key);
            let _ = store.set_item(&not_kept_key(key), &saved.text.len().to_string());
            Err(StorageError::Full)
        }
    }
}

/// The last article of any tab, under `key` in local storage (also where versions before
/// per-tab storage kept the article, which is therefore offered, not restored).
pub fn last(key: &str) -> Option<Last> {
    let json = local()?.get_item(key).ok().flatten()?;
    serde_json::from_str::<Last>(&json).ok().filter(|l| !l.saved.text.trim().is_empty())
}

/// Remembers `saved` as the last article; when local storage is full the older one is
/// forgotten, so the offer never shows an article older than it says.
pub fn save_last(key: &str, saved: &Saved) {
    let Some(store) = local() else { return };
    let last = Last { saved: saved.clone(), at: js_sys::Date::now() };
    let ok = serde_json::to_string(&last).ok().is_some_and(|json| store.set_item(key, &json).is_ok());
    if !ok {
        let _ = store.remove_item(key);
    }
}

/// Forgets the last article under `key`.
pub fn forget_last(key: &str) {
    if let Some(store) = local() {
        let _ = store.remove_item(key);
    }
}
