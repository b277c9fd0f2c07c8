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
//!
//! A long article is kept in parts of at most [`PART`] bytes, each written by a step of a
//! [`Save`] that the app runs in a task of its own: writing 2 MB in one go costs the page's
//! thread 0.2 to 0.6 s on a busy machine, over the 200 ms a task may take (issue 14). The parts
//! go under a generation other than the saved one, and only the small head record written
//! after them points at them, so a save stopped halfway (a newer save, a closed tab) leaves
//! the older article whole.

use super::state::{Parts, Saved};
use serde::{Deserialize, Serialize};

/// The most bytes of text one step of a [`Save`] writes.
pub const PART: usize = 128 * 1024;

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

/// Where the parts of the state under `key` are, if it has any.
fn meta(store: &web_sys::Storage, key: &str) -> Option<Parts> {
    let json = store.get_item(key).ok().flatten()?;
    serde_json::from_str::<Saved>(&json).ok()?.parts
}

/// Where a part of a long text is kept.
fn part_key(key: &str, generation: usize, part: usize) -> String {
    format!("{key}/part/{generation}/{part}")
}

/// `text` cut into parts of at most `size` bytes, at character boundaries (none when empty).
pub fn parts(text: &str, size: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let mut end = size.clamp(1, rest.len());
        while !rest.is_char_boundary(end) {
            end += 1;
        }
        let (part, tail) = rest.split_at(end);
        out.push(part);
        rest = tail;
    }
    out
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

/// Puts a saved state's text back together from its parts; `Err(bytes)` when one is missing.
fn join(store: &web_sys::Storage, key: &str, saved: &mut Saved) -> Result<(), usize> {
    let Some(parts) = saved.parts.take() else { return Ok(()) };
    let mut text = String::with_capacity(parts.bytes);
    for part in 0..parts.count {
        let piece = store.get_item(&part_key(key, parts.generation, part)).ok().flatten();
        text.push_str(&piece.ok_or(parts.bytes)?);
    }
    saved.text = text;
    Ok(())
}

/// Removes the parts of the head under `key`.
fn remove_parts(store: &web_sys::Storage, key: &str) {
    if let Some(parts) = meta(store, key) {
        for part in 0..parts.count {
            let _ = store.remove_item(&part_key(key, parts.generation, part));
        }
    }
}

/// What this tab saved under `key` before a reload.
pub fn load_tab(key: &str) -> TabState {
    let Some(store) = session() else { return TabState::Fresh };
    if let Some(bytes) = store.get_item(&not_kept_key(key)).ok().flatten() {
        return TabState::NotKept(bytes.parse().unwrap_or(0));
    }
    let saved = store.get_item(key).ok().flatten().and_then(|json| serde_json::from_str::<Saved>(&json).ok());
    match saved.map(|mut saved| join(&store, key, &mut saved).map(|()| saved)) {
        Some(Ok(saved)) => TabState::Saved(Box::new(saved)),
        Some(Err(bytes)) => TabState::NotKept(bytes),
        None => TabState::Fresh,
    }
}

/// The last article of any tab, under `key` in local storage (also where versions before
/// per-tab storage kept the article, which is therefore offered, not restored).
pub fn last(key: &str) -> Option<Last> {
    let store = local()?;
    let mut last = serde_json::from_str::<Last>(&store.get_item(key).ok().flatten()?).ok()?;
    join(&store, key, &mut last.saved).ok()?;
    Some(last).filter(|l| !l.saved.text.trim().is_empty())
}

/// Forgets the last article under `key`.
pub fn forget_last(key: &str) {
    if let Some(store) = local() {
        remove_parts(&store, key);
        let _ = store.remove_item(key);
    }
}

/// Which storage a [`Save`] writes to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Area {
    /// This tab's own, with a marker when its article could not be kept.
    Tab,
    /// The last article, offered to new tabs; forgotten when it cannot be kept.
    Last,
}

/// A save in steps: the parts of a long text one by one, then the head that points at them,
/// then the removal of the older parts. Run [`Save::step`] in a task of its own until it says
/// it is done.
pub struct Save {
    area: Area,
    key: String,
    text: String,
    head: String,
    /// The ends of the parts in `text`.
    ends: Vec<usize>,
    generation: usize,
    next: usize,
    /// The article's size, for the marker when it cannot be kept.
    bytes: usize,
}

impl Save {
    /// Saves this tab's state under `key` in session storage. On failure the older saved
    /// state is removed and a marker with the article's size left in its place.
    pub fn tab(key: &str, saved: &Saved) -> Save {
        Save::new(Area::Tab, key, saved, serde_json::to_string)
    }

    /// Remembers `saved` as the last article under `key` in local storage; when that storage
    /// is full the older one is forgotten, so the offer never shows an article older than it says.
    pub fn last(key: &str, saved: &Saved) -> Save {
        let at = js_sys::Date::now();
        Save::new(Area::Last, key, saved, |saved| serde_json::to_string(&Last { saved: saved.clone(), at }))
    }

    fn new(
        area: Area,
        key: &str,
        saved: &Saved,
        head: impl Fn(&Saved) -> serde_json::Result<String>,
    ) -> Save {
        let long = saved.text.len() > PART;
        let ends: Vec<usize> = if long {
            parts(&saved.text, PART)
                .iter()
                .scan(0, |end, p| {
                    *end += p.len();
                    Some(*end)
                })
                .collect()
        } else {
            Vec::new()
        };
        let old = Save::store(area).and_then(|s| meta(&s, key)).map_or(0, |p| p.generation);
        let generation = if long { old % 2 + 1 } else { 0 };
        let parts = Parts { generation, count: ends.len(), bytes: saved.text.len() };
        let bare = Saved { text: String::new(), parts: Some(parts), ..saved.clone() };
        let head = head(if long { &bare } else { saved }).unwrap_or_default();
        Save {
            area,
            key: key.to_owned(),
            text: if long { saved.text.clone() } else { String::new() },
            head,
            ends,
            generation,
            next: 0,
            bytes: saved.text.len(),
        }
    }

    fn store(area: Area) -> Option<web_sys::Storage> {
        match area {
            Area::Tab => session(),
            Area::Last => local(),
        }
    }

    /// Whether this is the save of this tab's own state (whose result the page reports).
    pub fn is_tab(&self) -> bool {
        self.area == Area::Tab
    }

    /// Writes the next part, or the head once the parts are in; `Ok(true)` while steps remain.
    pub fn step(&mut self) -> Result<bool, StorageError> {
        let store = Save::store(self.area).ok_or(StorageError::Unavailable)?;
        let written = if self.head.is_empty() {
            false
        } else if let Some(&end) = self.ends.get(self.next) {
            let start = self.next.checked_sub(1).map_or(0, |i| self.ends[i]);
            store.set_item(&part_key(&self.key, self.generation, self.next), &self.text[start..end]).is_ok()
        } else {
            // The commit: the older parts go once the head points at the new ones.
            let older = meta(&store, &self.key);
            let ok = store.set_item(&self.key, &self.head).is_ok();
            if ok {
                if let Some(older) = older.filter(|o| o.generation != self.generation) {
                    for part in 0..older.count {
                        let _ = store.remove_item(&part_key(&self.key, older.generation, part));
                    }
                }
                // Parts left over from a save stopped halfway under this generation.
                let mut extra = self.ends.len();
                while store.get_item(&part_key(&self.key, self.generation, extra)).ok().flatten().is_some() {
                    let _ = store.remove_item(&part_key(&self.key, self.generation, extra));
                    extra += 1;
                }
                let _ = store.remove_item(&not_kept_key(&self.key));
                return Ok(false);
            }
            false
        };
        if written {
            self.next += 1;
            return Ok(true);
        }
        // Full: nothing older may stand in for this article.
        for part in 0..self.next {
            let _ = store.remove_item(&part_key(&self.key, self.generation, part));
        }
        remove_parts(&store, &self.key);
        let _ = store.remove_item(&self.key);
        if self.area == Area::Tab {
            let _ = store.set_item(&not_kept_key(&self.key), &self.bytes.to_string());
        }
        Err(StorageError::Full)
    }
}

#[cfg(test)]
mod tests {
    use super::parts;

    #[test]
    fn parts_cut_at_character_boundaries_and_join_back() {
        // (name, text, size, expected part lengths)
        let rows: [(&str, &str, usize, &[usize]); 4] = [
            ("empty", "", 4, &[]),
            ("shorter than a part", "Accra", 8, &[5]),
            ("even parts", "GhanaTogo!", 5, &[5, 5]),
            ("a part never cuts a character", "Lomé Lomé", 4, &[5, 4, 2]),
        ];
        for (name, text, size, lengths) in rows {
            let cut = parts(text, size);
            assert_eq!(cut.iter().map(|p| p.len()).collect::<Vec<_>>(), lengths, "{name}");
            assert_eq!(cut.concat(), text, "{name}");
        }
    }
}
