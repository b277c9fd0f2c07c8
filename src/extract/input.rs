//! The input policy: which bytes are an article, shared by the `extract` CLI, the Python
//! package and the app's file loader, so that all three analyse the same text and their JSON
//! is equal byte for byte.
//!
//! * UTF-8, with or without a byte-order mark; the mark is dropped, so offsets count from the
//!   first character of the article and a dateline right after the mark is still seen.
//! * UTF-16 with a byte-order mark (little- or big-endian), decoded to UTF-8.
//! * Refused, with a message that says why: bytes that are not UTF-8, UTF-16 without a
//!   byte-order mark (every other byte zero), any other text with NUL bytes (a binary file),
//!   and inputs over a size limit ([`MAX_BYTES`] unless the caller raises it).
//! * An HTML page (a file named `.html` or `.htm`, or text that opens with `<!doctype html` or
//!   `<html`) is reduced to its article's text ([`crate::extract::readable::read`]).

use crate::extract::readable::{self, Article};
use std::borrow::Cow;
use std::fmt;

/// The default size limit: the app does not analyse more than this automatically, and the CLI
/// refuses larger files unless `--max-bytes` raises the limit.
pub const MAX_BYTES: usize = 2_000_000;

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";
const UTF16LE_BOM: &[u8] = b"\xFF\xFE";
const UTF16BE_BOM: &[u8] = b"\xFE\xFF";

/// Why some bytes are not an article. `Display` reads as a predicate after the input's name:
/// "'a.txt' is not UTF-8 text (invalid byte at offset 3)".
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InputError {
    /// Over the size limit.
    TooLarge {
        /// The input's size in bytes, or `limit + 1` when reading stopped at the limit.
        bytes: usize,
        /// The limit in force.
        limit: usize,
    },
    /// Not valid UTF-8.
    NotUtf8 {
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// A UTF-16 byte-order mark, but the rest is not valid UTF-16.
    BadUtf16 {
        /// Byte offset of the first invalid code unit, counted from the start of the input.
        offset: usize,
    },
    /// Zero bytes at every other position: UTF-16 text without a byte-order mark.
    Utf16WithoutBom,
    /// NUL bytes: not a text file.
    Binary {
        /// Byte offset of the first NUL byte.
        offset: usize,
    },
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::TooLarge { limit, .. } => write!(f, "is larger than the limit of {limit} bytes"),
            InputError::NotUtf8 { offset } => {
                write!(f, "is not UTF-8 text (invalid byte at offset {offset})")
            }
            InputError::BadUtf16 { offset } => {
                write!(f, "has a UTF-16 byte-order mark but is not UTF-16 text (invalid at offset {offset})")
            }
            InputError::Utf16WithoutBom => {
                write!(f, "looks like UTF-16 text without a byte-order mark; save it as UTF-8")
            }
            InputError::Binary { offset } => write!(f, "is not a text file (NUL byte at offset {offset})"),
        }
    }
}

impl std::error::Error for InputError {}

/// Refuses a size over `limit`.
pub fn check_size(bytes: usize, limit: usize) -> Result<(), InputError> {
    if bytes > limit {
        Err(InputError::TooLarge { bytes, limit })
    } else {
        Ok(())
    }
}

/// The article in `bytes`, by the policy above. Borrows when the bytes are UTF-8 already.
///
/// ```
/// use article_explorer::extract::input::{decode, InputError};
/// assert_eq!(decode(b"\xEF\xBB\xBFAccra, Monday").unwrap(), "Accra, Monday");
/// assert_eq!(decode(b"\xFF\xFEH\0i\0").unwrap(), "Hi");
/// assert_eq!(decode(b"H\0i\0").unwrap_err(), InputError::Utf16WithoutBom);
/// assert_eq!(decode(b"Caf\xe9").unwrap_err(), InputError::NotUtf8 { offset: 3 });
/// ```
pub fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, InputError> {
    if let Some(rest) = bytes.strip_prefix(UTF8_BOM) {
        return utf8(rest, UTF8_BOM.len()).map(Cow::Borrowed);
    }
    if let Some(rest) = bytes.strip_prefix(UTF16LE_BOM) {
        return utf16(rest, u16::from_le_bytes).map(Cow::Owned);
    }
    if let Some(rest) = bytes.strip_prefix(UTF16BE_BOM) {
        return utf16(rest, u16::from_be_bytes).map(Cow::Owned);
    }
    utf8(bytes, 0).map(Cow::Borrowed)
}

/// The article in a file called `name`: its bytes [`decode`]d, and an HTML page reduced to its
/// article's text.
pub fn file_text<'a>(name: &str, bytes: &'a [u8]) -> Result<Cow<'a, str>, InputError> {
    Ok(match file_article(name, bytes)? {
        Page::Text(text) => text,
        Page::Html(article) => Cow::Owned(article.text),
    })
}

/// A decoded input: plain text, or an HTML page read into its article.
#[derive(Debug)]
pub enum Page<'a> {
    /// A text file, as it is.
    Text(Cow<'a, str>),
    /// An HTML page's article, with its headline, byline, date and site.
    Html(Article),
}

/// Like [`file_text`], keeping a page's headline, byline, date and site.
pub fn file_article<'a>(name: &str, bytes: &'a [u8]) -> Result<Page<'a>, InputError> {
    let text = decode(bytes)?;
    Ok(if is_html(name, &text) { Page::Html(readable::read(&text)) } else { Page::Text(text) })
}

/// An HTML page by its name (`.html`, `.htm`, any case) or by how it opens (`<!doctype html`,
/// `<html`, after any blank space or comment).
pub fn is_html(name: &str, text: &str) -> bool {
    let ext = name.rsplit_once('.').map_or("", |(_, ext)| ext);
    if ext.eq_ignore_ascii_case("html") || ext.eq_ignore_ascii_case("htm") {
        return true;
    }
    let mut head = text.trim_start();
    while let Some(rest) = head.strip_prefix("<!--") {
        head = rest.split_once("-->").map_or("", |(_, after)| after).trim_start();
    }
    let head = head.get(..14).unwrap_or(head).to_ascii_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html")
}

/// UTF-8 without NUL bytes; `skipped` is the length of a mark already dropped, so offsets in
/// errors count from the start of the input.
fn utf8(bytes: &[u8], skipped: usize) -> Result<&str, InputError> {
    // `contains` on bytes is a memchr, a word at a time; `position` only finds where.
    if let Some(nul) = bytes.contains(&0).then(|| bytes.iter().position(|&b| b == 0)).flatten() {
        return Err(if looks_like_utf16(bytes) {
            InputError::Utf16WithoutBom
        } else {
            InputError::Binary { offset: skipped + nul }
        });
    }
    std::str::from_utf8(bytes).map_err(|e| InputError::NotUtf8 { offset: skipped + e.valid_up_to() })
}

/// Most code-unit pairs of the first few kilobytes have one zero byte: ASCII-range text in
/// UTF-16 ("H\0i\0" or "\0H\0i").
fn looks_like_utf16(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096) & !1];
    let pairs = head.len() / 2;
    let with_zero = head.chunks_exact(2).filter(|p| (p[0] == 0) != (p[1] == 0)).count();
    pairs > 0 && with_zero * 2 > pairs
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, InputError> {
    let bom = UTF16LE_BOM.len();
    let units = bytes.chunks_exact(2).map(|p| unit([p[0], p[1]]));
    let mut text = String::with_capacity(bytes.len());
    let mut at = bom;
    for c in char::decode_utf16(units) {
        match c {
            Ok('\0') => return Err(InputError::Binary { offset: at }),
            Ok(c) => {
                text.push(c);
                at += c.len_utf16() * 2;
            }
            Err(_) => return Err(InputError::BadUtf16 { offset: at }),
        }
    }
    if bytes.len() % 2 == 1 {
        return Err(InputError::BadUtf16 { offset: bom + bytes.len() - 1 });
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::{check_size, decode, file_text, InputError};

    /// One input and what the policy makes of it.
    struct Case {
        name: &'static str,
        bytes: &'static [u8],
        expect: Result<&'static str, InputError>,
    }

    const CASES: &[Case] = &[
        Case { name: "plain", bytes: b"Accra, Monday", expect: Ok("Accra, Monday") },
        Case { name: "empty", bytes: b"", expect: Ok("") },
        Case { name: "utf8_bom_stripped", bytes: b"\xEF\xBB\xBFLOME (AP)", expect: Ok("LOME (AP)") },
        Case { name: "utf16le_bom", bytes: b"\xFF\xFEL\0o\0m\0\xe9\0", expect: Ok("Lomé") },
        Case { name: "utf16be_bom", bytes: b"\xFE\xFF\0L\0o\0m\0\xe9", expect: Ok("Lomé") },
        Case { name: "utf16le_surrogate_pair", bytes: b"\xFF\xFE\x3D\xD8\x00\xDE", expect: Ok("😀") },
        Case { name: "utf16le_no_bom", bytes: b"L\0o\0m\0e\0", expect: Err(InputError::Utf16WithoutBom) },
        Case { name: "utf16be_no_bom", bytes: b"\0L\0o\0m\0e", expect: Err(InputError::Utf16WithoutBom) },
        Case {
            name: "binary",
            bytes: b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0",
            expect: Err(InputError::Binary { offset: 7 }),
        },
        Case {
            name: "one_nul_in_text",
            bytes: b"Peru and Chile\0met.",
            expect: Err(InputError::Binary { offset: 14 }),
        },
        Case { name: "latin1", bytes: b"Caf\xe9 owners", expect: Err(InputError::NotUtf8 { offset: 3 }) },
        Case {
            name: "latin1_after_bom",
            bytes: b"\xEF\xBB\xBFCaf\xe9",
            expect: Err(InputError::NotUtf8 { offset: 6 }),
        },
        Case {
            name: "utf16_odd_length",
            bytes: b"\xFF\xFEH\0i",
            expect: Err(InputError::BadUtf16 { offset: 4 }),
        },
        Case {
            name: "utf16_lone_surrogate",
            bytes: b"\xFF\xFEH\0\x00\xDC",
            expect: Err(InputError::BadUtf16 { offset: 4 }),
        },
    ];

    #[test]
    fn decode_by_policy() {
        for case in CASES {
            let got = decode(case.bytes);
            assert_eq!(got.as_deref().map_err(Clone::clone), case.expect, "{}", case.name);
        }
    }

    #[test]
    fn html_files_by_extension() {
        assert_eq!(file_text("a.HTM", b"\xEF\xBB\xBF<p>One</p><p>Two</p>").unwrap(), "One\nTwo");
        assert_eq!(file_text("a.txt", b"<p>One</p>").unwrap(), "<p>One</p>");
        assert_eq!(file_text("html", b"<p>One</p>").unwrap(), "<p>One</p>");
        let page = b"\n<!DOCTYPE html><html><body><p>One</p></body></html>";
        assert_eq!(file_text("a.txt", page).unwrap(), "One");
        assert_eq!(file_text("-", b"<!-- saved --><HTML><p>One</p>").unwrap(), "One");
    }

    #[test]
    fn size_limit() {
        assert!(check_size(10, 10).is_ok());
        let err = check_size(11, 10).unwrap_err();
        assert_eq!(err.to_string(), "is larger than the limit of 10 bytes");
    }
}
