//! The cue lexicon: reporting verbs and phrases, their class and the frames they take.
//!
//! Read once from `data/cues.txt` into a map keyed by the first word of each form, so finding
//! the cue at a token is one hash lookup plus a comparison of the few longer forms that share
//! that first word (longest first: "called on" wins over "called").

use crate::extract::lexicon::{entries, expand, WordMap};
use crate::extract::model::CueClass;
use std::sync::OnceLock;

/// Frames a cue can take, as bits (see the header of `data/cues.txt`).
pub mod frame {
    /// A reported clause follows, with or without "that".
    pub const THAT: u32 = 1;
    /// A clause follows only with an explicit "that".
    pub const THAT_ONLY: u32 = 1 << 1;
    /// An object follows and is the content.
    pub const OBJ: u32 = 1 << 2;
    /// "of" must follow soon (accused Y of ...).
    pub const OF: u32 = 1 << 3;
    /// "to" must follow soon (urged Y to ...).
    pub const TO: u32 = 1 << 4;
    /// "as" must follow soon (described Y as ...).
    pub const AS: u32 = 1 << 5;
    /// "about" may follow (expressed concern about ...).
    pub const ABOUT: u32 = 1 << 6;
    /// "against" may follow (warned against ...).
    pub const AGAINST: u32 = 1 << 7;
    /// "for" may follow (blamed Y for ...).
    pub const FOR: u32 = 1 << 8;
    /// An addressee may sit between cue and content (told reporters that ...).
    pub const TELL: u32 = 1 << 9;
    /// May introduce or close a quotation.
    pub const QUOTE: u32 = 1 << 10;
    /// May follow its source after the content ("..., the minister said.").
    pub const END: u32 = 1 << 11;
    /// May precede its source after the content ("..., said the minister.").
    pub const INV: u32 = 1 << 12;
    /// May stand without a source in the passive ("it was reported that").
    pub const PASS: u32 = 1 << 13;
    /// The source follows the cue ("according to X").
    pub const AFTER: u32 = 1 << 14;
    /// "over" may follow (expressed anger over ...).
    pub const OVER: u32 = 1 << 15;
    /// A noun after a possessive source, before "that" (the mayor's claim that ...).
    pub const NOUN: u32 = 1 << 16;
    /// "quoted X as saying": the source is the one quoted.
    pub const QUOTED: u32 = 1 << 17;

    /// Parses one frame name of the data file.
    pub fn parse(name: &str) -> u32 {
        match name {
            "that" => THAT,
            "that!" => THAT_ONLY,
            "obj" => OBJ,
            "of" => OF,
            "to" => TO,
            "as" => AS,
            "about" => ABOUT,
            "against" => AGAINST,
            "for" => FOR,
            "over" => OVER,
            "tell" => TELL,
            "quote" => QUOTE,
            "end" => END,
            "inv" => INV,
            "pass" => PASS,
            "after" => AFTER,
            "noun" => NOUN,
            "quoted" => QUOTED,
            _ => 0,
        }
    }
}

/// What the lexicon knows about one cue form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CueInfo {
    /// How the cue frames its content.
    pub class: CueClass,
    /// [`frame`] bits.
    pub frames: u32,
}

impl CueInfo {
    /// Whether the cue takes frame `bit`.
    pub fn has(self, bit: u32) -> bool {
        self.frames & bit != 0
    }
}

/// A cue found at a token: how many tokens it spans and what it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CueMatch {
    /// Number of tokens of the form.
    pub len: usize,
    /// Class and frames.
    pub info: CueInfo,
}

/// Forms sharing a first word: the remaining words and the cue, longest first.
type Bucket = Vec<(Vec<String>, CueInfo)>;

/// The cue forms grouped by first word: an index from the first word to its bucket.
struct CueLexicon {
    index: WordMap<String, usize>,
    buckets: Vec<Bucket>,
}

fn lexicon() -> &'static CueLexicon {
    static LEX: OnceLock<CueLexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        let map = build(include_str!("../data/cues.txt"));
        let mut index = WordMap::default();
        let mut buckets = Vec::with_capacity(map.len());
        for (first, bucket) in map {
            index.insert(first, buckets.len());
            buckets.push(bucket);
        }
        CueLexicon { index, buckets }
    })
}

/// Every first word of a cue form with its bucket number, so [`crate::extract::annotate`] can note the bucket
/// of each token in the same lookup as its word class.
pub fn first_words() -> impl Iterator<Item = (&'static str, usize)> {
    lexicon().index.iter().map(|(w, &b)| (w.as_str(), b))
}

/// Parses the data file; malformed lines are skipped (the unit tests check there are none).
fn build(data: &'static str) -> WordMap<String, Bucket> {
    let mut map: WordMap<String, Bucket> = WordMap::default();
    for line in entries(data) {
        let Some((forms, class, frames)) = split3(line) else { continue };
        let Some(class) = CueClass::from_label(class) else { continue };
        let frames = frames.split_whitespace().fold(0, |acc, f| acc | frame::parse(f));
        let info = CueInfo { class, frames };
        for form in forms.split(',') {
            for words in expand(form) {
                if let Some((first, rest)) = words.split_first() {
                    let bucket = map.entry(first.clone()).or_default();
                    // A form listed twice (a verb and a noun: "claim") takes both frame sets.
                    match bucket.iter_mut().find(|(r, _)| r.as_slice() == rest) {
                        Some((_, known)) => known.frames |= info.frames,
                        None => bucket.push((rest.to_vec(), info)),
                    }
                }
            }
        }
    }
    for bucket in map.values_mut() {
        bucket.sort_by_key(|b| std::cmp::Reverse(b.0.len()));
    }
    map
}

fn split3(line: &str) -> Option<(&str, &str, &str)> {
    let mut parts = line.split('|').map(str::trim);
    Some((parts.next()?, parts.next()?, parts.next()?))
}

/// The longest form in cue bucket `bucket` whose words after the first are `next(0)`,
/// `next(1)`, ...: the few forms sharing a first word, longest first. The per-token bucket
/// numbers come from [`crate::extract::annotate`], which asks [`first_words`] once.
pub fn longest_in<'a>(bucket: usize, next: impl Fn(usize) -> &'a str) -> Option<CueMatch> {
    let bucket = lexicon().buckets.get(bucket)?;
    bucket
        .iter()
        .find(|(rest, _)| rest.iter().enumerate().all(|(k, w)| next(k) == w))
        .map(|(rest, info)| CueMatch { len: rest.len() + 1, info: *info })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::annotate::Annotated;
    use crate::extract::segment::segment;

    #[test]
    fn every_data_line_parses() {
        for line in entries(include_str!("../data/cues.txt")) {
            let (forms, class, frames) = split3(line).unwrap_or_else(|| panic!("bad line {line}"));
            assert!(CueClass::from_label(class).is_some(), "bad class in {line}");
            assert!(!forms.is_empty());
            for f in frames.split_whitespace() {
                assert_ne!(frame::parse(f), 0, "bad frame {f} in {line}");
            }
        }
    }

    #[test]
    fn expands_alternatives() {
        assert_eq!(expand("a/b c/d").len(), 4);
        assert_eq!(expand("according to"), vec![vec!["according".to_owned(), "to".to_owned()]]);
    }

    struct Case {
        text: &'static str,
        at: usize,
        len: Option<usize>,
        class: Option<CueClass>,
    }

    #[test]
    fn finds_longest_form() {
        let cases = [
            Case { text: "She called on them", at: 1, len: Some(2), class: Some(CueClass::Urge) },
            Case { text: "She called them liars", at: 1, len: Some(1), class: Some(CueClass::Describe) },
            Case { text: "He voiced concern", at: 1, len: Some(2), class: Some(CueClass::Criticise) },
            Case { text: "According to aides", at: 0, len: Some(2), class: Some(CueClass::Report) },
            Case { text: "He SAID so", at: 1, len: Some(1), class: Some(CueClass::Say) },
            Case { text: "The table", at: 1, len: None, class: None },
        ];
        for c in cases {
            let doc = segment(c.text);
            let words = Annotated::new(&doc);
            let got = words.cue_at(c.at);
            assert_eq!(got.map(|m| m.len), c.len, "{}", c.text);
            assert_eq!(got.map(|m| m.info.class), c.class, "{}", c.text);
        }
    }
}
