//! Positions in the article: half-open byte ranges into the original UTF-8 text.
//!
//! Every extracted item points back into the text with a [`Span`], so the UI can highlight the
//! evidence and the JSON can be checked against the article. The exported form, [`TextSpan`],
//! also carries the text it covers, so a reader of the JSON never has to slice bytes.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::ops::Index;

/// A half-open byte range `start..end` into the article text.
///
/// Spans made by the extractor always lie on `char` boundaries.
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl Span {
    /// The range `start..end`. `end` is clamped up to `start` so a span is never inverted.
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end: end.max(start) }
    }

    /// Length in bytes.
    pub fn len(self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no bytes.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// Whether `other` lies wholly inside this span.
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether the two spans share at least one byte.
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// The text this span covers, or `""` if it does not fit `text` (never panics).
    pub fn text(self, text: &str) -> &str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// The span shrunk so it no longer starts or ends with white space or any char in `also`.
    pub fn trim(self, text: &str, also: &[char]) -> Span {
        let piece = self.text(text);
        let lead =
            piece.len() - piece.trim_start_matches(|c: char| c.is_whitespace() || also.contains(&c)).len();
        let rest = &piece[lead..];
        let kept = rest.trim_end_matches(|c: char| c.is_whitespace() || also.contains(&c)).len();
        Span::new(self.start + lead, self.start + lead + kept)
    }
}

impl fmt::Debug for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

impl Index<Span> for str {
    type Output = str;

    fn index(&self, span: Span) -> &str {
        &self[span.start..span.end]
    }
}

/// A span as exported: its byte offsets and the text they cover (`text == article[start..end]`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextSpan {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
    /// The covered text, repeated so a reader of the JSON need not slice bytes.
    pub text: String,
}

impl TextSpan {
    /// The exported form of `span` in `text`.
    pub fn of(text: &str, span: Span) -> TextSpan {
        TextSpan { start: span.start, end: span.end, text: span.text(text).to_owned() }
    }

    /// The bare byte range.
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_and_text_agree() {
        let text = "Accra’s envoy";
        let span = Span::new(0, 5);
        assert_eq!(&text[span], "Accra");
        assert_eq!(span.text(text), "Accra");
        assert_eq!(Span::new(6, 7).text(text), "", "inside a multi-byte char");
        assert_eq!(format!("{span:?}"), "0..5");
    }

    #[test]
    fn trim_strips_quotes_and_space() {
        let text = " “not constructive,” ";
        let span = Span::new(0, text.len()).trim(text, &['“', '”', ',']);
        assert_eq!(span.text(text), "not constructive");
    }

    #[test]
    fn set_operations() {
        let a = Span::new(2, 6);
        assert!(a.contains(Span::new(3, 5)));
        assert!(a.overlaps(Span::new(5, 9)));
        assert!(!a.overlaps(Span::new(6, 9)));
        assert_eq!(a.cover(Span::new(8, 9)), Span::new(2, 9));
        assert_eq!(Span::new(5, 3), Span::new(5, 5));
    }
}
