//! Word lists, kept as data under `src/extract/data/` and parsed once on first use.
//!
//! Each data file starts with `#` lines saying where its entries come from; blank lines and
//! `#` lines are skipped. Entries are compiled into the binary, without those lines, by the
//! crate-private `data_file!` macro, so the browser build needs no network and the native build
//! no files at run time.
//!
//! Lookups hash short word keys with [`Fx`]; [`hash_str`] is the one hash the per-token key
//! table of [`crate::extract::segment::Document::key_hash`] and the word tables share.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A hash map keyed by words (or their [`hash_str`]), with the fast [`Fx`] hasher.
pub type WordMap<K, V> = HashMap<K, V, BuildHasherDefault<Fx>>;

/// A data file (a path relative to the calling file, as for `include_str!`) without its `#`
/// lines, as a `&'static str` built at compile time. The comments say where the entries come
/// from; they stay in the repository, not in the binary: a quarter of the word lists' bytes,
/// 7.8 KB of the page's gzip (`scripts/size-report`).
macro_rules! data_file {
    ($path:literal) => {{
        const RAW: &str = include_str!($path);
        const LEN: usize = crate::extract::lexicon::uncommented_len(RAW);
        const BYTES: [u8; LEN] = crate::extract::lexicon::uncommented(RAW);
        const TEXT: &str = match core::str::from_utf8(&BYTES) {
            Ok(text) => text,
            Err(_) => panic!("a data file is not UTF-8"),
        };
        TEXT
    }};
}
pub(crate) use data_file;

/// Whether the line of `data` starting at byte `at` is a comment: `#` after blanks.
const fn is_comment(data: &[u8], mut at: usize) -> bool {
    while at < data.len() && (data[at] == b' ' || data[at] == b'\t') {
        at += 1;
    }
    at < data.len() && data[at] == b'#'
}

/// The end of the line starting at byte `at`, past its `\n` (or the end of `data`).
const fn line_end(data: &[u8], mut at: usize) -> usize {
    while at < data.len() && data[at] != b'\n' {
        at += 1;
    }
    if at < data.len() {
        at + 1
    } else {
        at
    }
}

/// The length of `data` without its comment lines (see `data_file!`).
pub const fn uncommented_len(data: &str) -> usize {
    let data = data.as_bytes();
    let (mut at, mut len) = (0, 0);
    while at < data.len() {
        let end = line_end(data, at);
        if !is_comment(data, at) {
            len += end - at;
        }
        at = end;
    }
    len
}

/// `data` without its comment lines, whole lines dropped so the rest stays valid UTF-8;
/// `N` is [`uncommented_len`] of `data`.
pub const fn uncommented<const N: usize>(data: &str) -> [u8; N] {
    let data = data.as_bytes();
    let mut out = [0u8; N];
    let (mut at, mut len) = (0, 0);
    while at < data.len() {
        let end = line_end(data, at);
        if !is_comment(data, at) {
            let mut i = at;
            while i < end {
                out[len] = data[i];
                len += 1;
                i += 1;
            }
        }
        at = end;
    }
    out
}

/// The non-comment, non-blank lines of a data file, trimmed.
pub fn entries(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// A fast non-cryptographic hasher (the "Fx" multiply-rotate hash) for short string keys:
/// lookups dominate the extraction, and the keys are not attacker-chosen in a way that matters.
#[derive(Default, Clone, Copy)]
pub struct Fx(u64);

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }

    fn write_u8(&mut self, b: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x517c_c1b7_2722_0a95);
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x517c_c1b7_2722_0a95);
    }

    fn write_usize(&mut self, n: usize) {
        self.0 = (self.0.rotate_left(5) ^ n as u64).wrapping_mul(0x517c_c1b7_2722_0a95);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// The [`Fx`] hash of a string.
pub fn hash_str(key: &str) -> u64 {
    hash_bytes(key.as_bytes())
}

/// The [`Fx`] hash of a string's bytes ([`hash_str`] without needing a `&str`, so a key built
/// in a byte buffer is not validated as UTF-8 just to be hashed).
pub fn hash_bytes(key: &[u8]) -> u64 {
    let mut h = Fx::default();
    h.write(key);
    h.finish()
}

/// The `label: word word …` lines of a data file, as the trimmed label and its words. Word-class
/// lists (speech words, pair nouns, outcome topics) are written this way, one class a line.
pub fn labelled(
    data: &'static str,
) -> impl Iterator<Item = (&'static str, std::str::SplitWhitespace<'static>)> {
    entries(data)
        .filter_map(|line| line.split_once(':'))
        .map(|(label, words)| (label.trim(), words.split_whitespace()))
}

/// The word sequences a data-file form with `/` alternatives stands for, lower-cased:
/// "expressed/voiced concern/doubt" → expressed concern, expressed doubt, voiced concern,
/// voiced doubt. Cue and outcome word lists both write their forms this way.
pub fn expand(form: &str) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = vec![Vec::new()];
    for word in form.split_whitespace() {
        let alts: Vec<&str> = word.split('/').filter(|a| !a.is_empty()).collect();
        out = out
            .iter()
            .flat_map(|prefix| {
                alts.iter().map(move |a| {
                    let mut p = prefix.clone();
                    p.push(a.to_lowercase());
                    p
                })
            })
            .collect();
    }
    out.retain(|w| !w.is_empty());
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn data_files_lose_their_comments_and_nothing_else() {
        const DATA: &str =
            "# source: made up\nalpha\n  # indented note\nbeta # kept: not a line comment\n\ngamma";
        const LEN: usize = super::uncommented_len(DATA);
        assert_eq!(&super::uncommented::<LEN>(DATA), b"alpha\nbeta # kept: not a line comment\n\ngamma");
        let raw = include_str!("data/cues.txt");
        assert!(raw.contains("\n#") && !super::data_file!("data/cues.txt").contains("\n#"));
        let entries = |data| super::entries(data).collect::<Vec<_>>();
        assert_eq!(entries(super::data_file!("data/cues.txt")), entries(raw));
    }

    #[test]
    fn entries_skip_comments_and_blanks() {
        let got: Vec<_> = super::entries("# source: made up\n\n alpha \n#x\nbeta\n").collect();
        assert_eq!(got, ["alpha", "beta"]);
    }
}
