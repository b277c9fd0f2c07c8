//! Share links: the article, its page, filters and corrections, compressed into the URL
//! fragment.
//!
//! The fragment (after `#`) is never sent to a server, so a link carries the article from one
//! browser to another without it leaving either: `#a=` followed by the [`Saved`] state as
//! JSON, deflated (miniz_oxide, pure Rust) and written in URL-safe base64 without padding.
//! Over [`LIMIT`] compressed bytes a link would be unwieldy, and the app offers the file
//! exports instead. Plain logic, tested natively.

use super::state::{Saved, MAX_BYTES};

/// The most compressed bytes a link carries (before base64).
pub const LIMIT: usize = 64 * 1024;

/// What starts the fragment of a share link.
pub const PREFIX: &str = "a=";

/// A share link's fragment, or why there is none.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Link {
    /// The fragment, without `#`: `a=…`.
    Fragment(String),
    /// The state compresses to this many bytes, over [`LIMIT`].
    TooLarge {
        /// The compressed size.
        compressed: usize,
    },
}

/// The fragment that carries `saved`.
pub fn fragment(saved: &Saved) -> Link {
    let json = serde_json::to_vec(saved).unwrap_or_default();
    let packed = miniz_oxide::deflate::compress_to_vec(&json, 9);
    if packed.len() > LIMIT {
        return Link::TooLarge { compressed: packed.len() };
    }
    Link::Fragment(format!("{PREFIX}{}", base64url(&packed)))
}

/// The state a fragment carries (with or without its `#`); `None` for any other fragment or
/// one that does not decode.
pub fn parse(fragment: &str) -> Option<Saved> {
    let data = fragment.strip_prefix('#').unwrap_or(fragment).strip_prefix(PREFIX)?;
    let packed = unbase64url(data)?;
    // Bounded: a crafted link cannot make the page inflate more than the largest article.
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, 2 * MAX_BYTES + 65_536).ok()?;
    serde_json::from_slice(&json).ok()
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// URL-safe base64 (RFC 4648 §5) without padding.
pub fn base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
        }
    }
    out
}

/// Reads [`base64url`] (padding tolerated); `None` on any other character.
pub fn unbase64url(text: &str) -> Option<Vec<u8>> {
    let digits: Vec<u32> = text
        .trim_end_matches('=')
        .bytes()
        .map(|b| ALPHABET.iter().position(|&a| a == b).map(|v| v as u32))
        .collect::<Option<_>>()?;
    let mut out = Vec::with_capacity(digits.len() * 3 / 4);
    for chunk in digits.chunks(4) {
        if chunk.len() == 1 {
            return None;
        }
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, &d)| n | d << (18 - 6 * i));
        for i in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Some(out)
}
