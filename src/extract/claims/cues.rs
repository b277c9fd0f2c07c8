//! The cue lexicon: reporting verbs and phrases, their class and the frames they take.
//!
//! Read once from `data/cues.txt` into a map keyed by the first word of each form, so finding
//! the cue at a token is one hash lookup plus a comparison of the few longer forms that share
//! that first word (longest first: "called on" wins over "called").
//!
//! The hand list is joined by the cues mined from PolNeAR's training split
//! (`data/mined_cues.txt`, written by `scripts/mine-cues.py`): every form annotated as a cue at
//! least [`MINED_MIN_COUNT`] times whose occurrences are cues at least [`MINED_MIN_PRECISION`]
//! of the time, that the hand list lacks and that does not merely extend a known form ("said
//! friday"). Its class comes from its first word in `data/cue_heads.txt` (default `say`; class
//! `none` keeps out actions and non-statements, GUIDE C1 and C21), its frames from its class.

use crate::extract::lexicon::{data_file, entries, expand, labelled, WordMap};
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
    /// A clause without "that" only when the source is a record, poll or document ("polls
    /// show Brel leading", "the survey found Holm ahead"); otherwise "that" is needed.
    pub const DOC: u32 = 1 << 18;
    /// A past participle that may open its sentence with no subject, the asker left out
    /// ("Asked whether the port would reopen, she said ..."); an addressee may sit before a
    /// question word ("asked the mayor how ...").
    pub const ASKED: u32 = 1 << 19;

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
            "doc" => DOC,
            "asked" => ASKED,
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
        let mut map = build(data_file!("../data/cues.txt"));
        add_mined(&mut map, data_file!("../data/mined_cues.txt"));
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

/// A mined cue is used when annotators marked it at least this many times in PolNeAR's
/// training split ...
pub const MINED_MIN_COUNT: u32 = 3;
/// ... and at least this share of its occurrences there is a cue (so "support", "want" and
/// "in", often annotated but mostly not cues, stay out). Measured on PolNeAR train (cue exact
/// F1, with the object frame that `mined_frames` gives): 0.4 → 0.625, 0.3 → 0.630. With the
/// frames of issue 11 (polnear2), train / dev / gold-19 claims strict: 0.3 → 0.635 / 0.675 /
/// 0.901, 0.25 → 0.639 / 0.676 / 0.904, 0.2 → 0.640 / 0.676 / 0.904, 0.15 → 0.640 / 0.674 /
/// 0.878: below 0.25 only train gains, and below 0.2 forms whose frames rarely fit cost
/// precision everywhere.
pub const MINED_MIN_PRECISION: f32 = 0.25;

/// The mined forms of `data/mined_cues.txt` that pass the thresholds and that the hand list
/// lacks, with their class from `data/cue_heads.txt` (default `say`) and the frames of that
/// class. A form that extends a known one ("said friday", "warned of", "later said") is left
/// out: the known cue already matches, and a time word or particle is no part of a cue (C2).
fn add_mined(map: &mut WordMap<String, Bucket>, data: &'static str) {
    let known = |words: &[String]| {
        words.split_first().is_some_and(|(first, rest)| {
            map.get(first).is_some_and(|b| b.iter().any(|(r, _)| r.as_slice() == rest))
        })
    };
    let mut add: Vec<(Vec<String>, CueInfo)> = Vec::new();
    for (words, info) in mined(data) {
        let n = words.len();
        let extends = (0..n).any(|a| (a + 1..=n).any(|b| b - a < n && known(&words[a..b])));
        // A lone adverb ("reportedly") sits next to a verb cue of its own.
        let adverb = n == 1 && words[0].ends_with("ly");
        if !known(&words) && !extends && !adverb {
            add.push((words, info));
        }
    }
    for (words, info) in add {
        if let Some((first, rest)) = words.split_first() {
            map.entry(first.clone()).or_default().push((rest.to_vec(), info));
        }
    }
    for bucket in map.values_mut() {
        bucket.sort_by_key(|b| std::cmp::Reverse(b.0.len()));
    }
}

/// The forms of the mined list above the thresholds, with their class.
fn mined(data: &'static str) -> impl Iterator<Item = (Vec<String>, CueInfo)> {
    // A head of class `none` in cue_heads.txt is no cue (see the file's header).
    entries(data).filter_map(|line| {
        let (form, count, seen) = split3(line)?;
        let (count, seen): (u32, u32) = (count.parse().ok()?, seen.parse().ok()?);
        let precise = count as f32 >= MINED_MIN_PRECISION * seen.max(1) as f32;
        let words: Vec<String> = form.split_whitespace().map(str::to_owned).collect();
        let head = head_class(words.first()?)?;
        (count >= MINED_MIN_COUNT && precise).then_some((words, head))
    })
}

/// The class and frames of a mined cue by its first word (`data/cue_heads.txt`): `say` with
/// the frames of [`mined_frames`] by default; `None` for a head of class `none`.
fn head_class(head: &str) -> Option<CueInfo> {
    static HEADS: OnceLock<WordMap<&'static str, Option<CueInfo>>> = OnceLock::new();
    let heads = HEADS.get_or_init(|| {
        let mut map = WordMap::default();
        for (label, words) in labelled(data_file!("../data/cue_heads.txt")) {
            let info = head_label(label);
            for w in words {
                map.insert(w, info);
            }
        }
        map
    });
    heads.get(head).copied().unwrap_or(Some(say_info(CueClass::Say)))
}

/// What a label of `data/cue_heads.txt` gives a mined cue: a C4 class with its frames;
/// `topic`, a speech verb whose object is what was said about ("talked about the plan",
/// "highlighted the cost", C1 and C11); `none` (or an unknown label), no cue.
fn head_label(label: &str) -> Option<CueInfo> {
    if label == "topic" {
        return Some(CueInfo { class: CueClass::Say, frames: frame::OBJ | frame::THAT_ONLY | frame::END });
    }
    CueClass::from_label(label).map(say_info)
}

fn say_info(class: CueClass) -> CueInfo {
    CueInfo { class, frames: mined_frames(class) }
}

/// The frames a mined cue takes, by class: speech and belief take a clause with "that",
/// quotations and their object (C1, C11: "underscored the need for calm"); stances take their
/// object (defended the plan, decried the ruling); appeals an object with "to".
fn mined_frames(class: CueClass) -> u32 {
    use frame::*;
    match class {
        CueClass::Welcome | CueClass::Criticise | CueClass::Deny | CueClass::Describe => OBJ | END,
        CueClass::Urge => TO | OBJ,
        CueClass::Accuse => OF | FOR | THAT_ONLY,
        _ => THAT_ONLY | QUOTE | END | OBJ,
    }
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
        for line in entries(data_file!("../data/cues.txt")) {
            let (forms, class, frames) = split3(line).unwrap_or_else(|| panic!("bad line {line}"));
            assert!(CueClass::from_label(class).is_some(), "bad class in {line}");
            assert!(!forms.is_empty());
            for f in frames.split_whitespace() {
                assert_ne!(frame::parse(f), 0, "bad frame {f} in {line}");
            }
        }
    }

    #[test]
    fn mined_and_head_data_parse() {
        for (label, _) in labelled(data_file!("../data/cue_heads.txt")) {
            assert!(
                label == "none" || label == "topic" || CueClass::from_label(label).is_some(),
                "unknown class {label:?} in cue_heads.txt"
            );
        }
        for line in entries(data_file!("../data/mined_cues.txt")) {
            let (form, count, seen) = split3(line).unwrap_or_else(|| panic!("bad line {line}"));
            assert!(
                !form.is_empty() && count.parse::<u32>().is_ok() && seen.parse::<u32>().is_ok(),
                "{line}"
            );
        }
        assert!(mined(data_file!("../data/mined_cues.txt")).count() > 20);
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
            // Mined from PolNeAR train, classed by cue_heads.txt.
            Case { text: "She decried the ruling", at: 1, len: Some(1), class: Some(CueClass::Criticise) },
            Case { text: "He talked about taxes", at: 1, len: Some(2), class: Some(CueClass::Say) },
            Case { text: "He said friday", at: 1, len: Some(1), class: Some(CueClass::Say) },
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
