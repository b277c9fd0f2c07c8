//! The outcome word lists, read once, and the per-token table of what they say.
//!
//! Algorithm: every list in `data/outcome_*.txt` is expanded into phrases keyed by their first
//! word's hash (the key [`Annotated::hash`] gives each token), longest phrase first, so one probe
//! per token answers both "which classes is this word in" and "which trigger starts here".
//! [`Marks`] holds that answer for every token of an article.
//!
//! Known failure cases: phrases are matched on exact lower-case word sequences, so an adverb
//! inside a phrase ("ruled flatly out") or a hyphenated variant not listed is missed.

use crate::extract::annotate::{class, Annotated};
use crate::extract::lexicon::WordMap;
use crate::extract::lexicon::{data_file, entries, expand, hash_str, labelled};
use crate::extract::records::Status;
use std::sync::OnceLock;

/// What a trigger phrase says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trigger {
    /// An agreement; `true` when it needs a topic noun in the clause.
    Agreed(bool),
    /// A failure; `true` when it needs a topic noun in the clause.
    Failed(bool),
    /// A verb that states an outcome only with an outcome noun as its object: "announced a
    /// merger agreement", not "announced plans to build".
    WithCore(Status),
    /// A refusal verb that needs a topic noun unless it ends its clause: "the chairman
    /// declined" (a refusal), "support declined slightly" (not one).
    Refusal,
    /// Something open or planned by itself ("has until", "requires approval", "yet to").
    Pending(bool),
    /// An adjective of plan before a topic noun: "the proposed merger" (O18).
    Proposed,
    /// A noun that states an outcome wherever it stands: "a breakdown in the talks", "a
    /// deadline" (O18); the status is the list's.
    Noun(Status),
    /// A modal verb (will, may).
    Modal,
    /// A verb or adjective of intention ending in "to" (plans to, open to).
    Plan,
    /// A postponement: pending when the clause names a topic (the vote was postponed).
    Delay,
    /// A condition word: what follows it is not yet so ("if", "unless", "until", "in case").
    Condition,
    /// A longer phrase that looks like a trigger but states an opinion or a move, not an
    /// outcome ("agreed with", "backed off").
    NotOne,
}

/// Everything the lists say about a word: its class bits and the trigger phrases it starts
/// (longest first), so one lookup per token answers both.
#[derive(Default)]
struct Entry {
    bits: u16,
    phrases: Vec<(Vec<String>, Trigger)>,
}

/// Keyed by the hash of the lower-case word ([`Annotated::hash`]): one probe per token.
pub struct Lexicon {
    words: WordMap<u64, Entry>,
}

/// Word-class bits of `outcome_topics.txt`.
pub const TOPIC: u16 = 1;
/// A verb a modal or plan can govern to state an outcome ("will meet", "plans to sign").
pub const ACTION: u16 = 2;
/// A negator ("not", "no", "never").
pub const NEGATOR: u16 = 4;
/// Nouns of an outcome itself (deal, truce, decision): "no deal" is a failure, "no law" is not.
pub const CORE: u16 = 8;
/// Actions that are outcomes without a topic noun ("She will visit Oslo").
pub const MEETING: u16 = 16;
/// Participles that may hang on a clause as part of its outcome (", involving ...").
pub const ATTACH: u16 = 32;
/// Negotiating steps: "agreed to" one of these is still pending (O10).
pub const STEP: u16 = 64;
/// Leading connectives left out of evidence (O16): "However", "Still".
pub const CONNECTIVE: u16 = 128;
/// Adjectives of readiness ("ready to", "open to"): a plan only before a topic noun.
pub const READINESS: u16 = 256;

/// The trigger a line of a list stands for, from its file and its NEED column, or `None` for a
/// label that file does not define (a typo is then a test failure, never a silent default).
fn trigger_of(which: char, need: &str) -> Option<Trigger> {
    Some(match (which, need) {
        (_, "none") => Trigger::NotOne,
        ('a', "strong") => Trigger::Agreed(false),
        ('a', "topic") => Trigger::Agreed(true),
        ('f', "strong") => Trigger::Failed(false),
        ('f', "topic") => Trigger::Failed(true),
        ('a', "noun") => Trigger::Noun(Status::Agreed),
        ('a', "core") => Trigger::WithCore(Status::Agreed),
        ('f', "noun") => Trigger::Noun(Status::Failed),
        ('f', "end") => Trigger::Refusal,
        ('p', "noun") => Trigger::Noun(Status::Pending),
        ('p', "modal") => Trigger::Modal,
        ('p', "plan") => Trigger::Plan,
        ('p', "delay") => Trigger::Delay,
        ('p', "condition") => Trigger::Condition,
        ('p', "proposed") => Trigger::Proposed,
        ('p', "strong") => Trigger::Pending(false),
        ('p', "topic") => Trigger::Pending(true),
        _ => return None,
    })
}

/// The bit of a label of `outcome_topics.txt`, or `None` for an unknown label.
fn bit_of(label: &str) -> Option<u16> {
    Some(match label {
        "topic" => TOPIC,
        "action" => ACTION,
        "negator" => NEGATOR,
        "core" => CORE,
        "meeting" => MEETING,
        "attach" => ATTACH,
        "step" => STEP,
        "connective" => CONNECTIVE,
        "readiness" => READINESS,
        _ => return None,
    })
}

/// The trigger lists with the letter that says which status their file is for.
const TRIGGER_FILES: [(&str, char); 3] = [
    (data_file!("../data/outcome_agreed.txt"), 'a'),
    (data_file!("../data/outcome_failed.txt"), 'f'),
    (data_file!("../data/outcome_pending.txt"), 'p'),
];

/// The outcome word classes, `label: words` lines.
const TOPICS: &str = data_file!("../data/outcome_topics.txt");

/// The lists, read once.
pub fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        let mut words: WordMap<String, Entry> = WordMap::default();
        for (data, which) in TRIGGER_FILES {
            for line in entries(data) {
                let Some((forms, need)) = line.split_once('|') else { continue };
                let Some(trigger) = trigger_of(which, need.trim()) else { continue };
                for seq in forms.split(',').flat_map(expand) {
                    if let Some((first, rest)) = seq.split_first() {
                        words.entry(first.clone()).or_default().phrases.push((rest.to_vec(), trigger));
                    }
                }
            }
        }
        for entry in words.values_mut() {
            entry.phrases.sort_by_key(|b| std::cmp::Reverse(b.0.len()));
        }
        for (label, list) in labelled(TOPICS) {
            let bit = bit_of(label).unwrap_or(0);
            for word in list {
                words.entry(word.to_owned()).or_default().bits |= bit;
            }
        }
        Lexicon { words: words.into_iter().map(|(word, entry)| (hash_str(&word), entry)).collect() }
    })
}

impl Lexicon {
    /// The class bits of token `i` and the trigger starting there.
    fn at(&self, w: &Annotated, i: usize) -> (u16, Option<(usize, Trigger)>) {
        let Some(entry) = self.words.get(&w.hash(i)) else { return (0, None) };
        let n = w.len();
        let trigger = entry
            .phrases
            .iter()
            .find(|(rest, t)| {
                let fits =
                    i + rest.len() < n && rest.iter().enumerate().all(|(k, r)| w.lower(i + 1 + k) == r);
                // "voted on Tuesday to end the strike": a preposition that opens a time phrase
                // is not the one of a "none" phrase ("voted on the bill").
                fits && !(*t == Trigger::NotOne && time_word_at(w, i + rest.len() + 1))
            })
            .map(|(rest, t)| (rest.len() + 1, *t));
        (entry.bits, trigger)
    }

    /// The longest phrase of any list, in words.
    #[cfg(test)]
    pub fn longest(&self) -> usize {
        self.words.values().flat_map(|e| e.phrases.iter().map(|p| p.0.len() + 1)).max().unwrap_or(0)
    }
}

/// Whether token `k` is a time word ("week", "morning") or a capitalised weekday or month.
fn time_word_at(w: &Annotated, k: usize) -> bool {
    k < w.len() && (w.is(k, class::TIME_WORD) || (w.is(k, class::AFTER_CUE) && w.is_cap(k)))
}

/// Per-token lexicon facts, looked up once: word-class bits and the trigger starting there.
///
/// A trigger's length in words is kept in a byte (phrases in the lists have a handful of
/// words), so the table stays small on long texts: the memory, not the lookups, is what costs.
pub struct Marks {
    bits: Vec<u16>,
    triggers: Vec<Option<(u8, Trigger)>>,
}

impl Marks {
    /// Looks up every word token of `w` once.
    pub fn new(w: &Annotated, lex: &Lexicon) -> Marks {
        let n = w.len();
        let mut bits = Vec::with_capacity(n);
        let mut triggers = Vec::with_capacity(n);
        for i in 0..n {
            // Only words can be in the lists; punctuation and numbers skip the lookups.
            let (b, t) = if w.is_word(i) { lex.at(w, i) } else { (0, None) };
            bits.push(b);
            triggers.push(t.and_then(|(len, t)| Some((u8::try_from(len).ok()?, t))));
        }
        Marks { bits, triggers }
    }

    /// Whether any token of `range` starts a trigger or is a negator ("no deal"): a sentence
    /// without one states no outcome, so the clause work is skipped.
    pub fn any_in(&self, range: std::ops::Range<usize>) -> bool {
        let end = range.end.min(self.bits.len());
        let start = range.start.min(end);
        self.triggers[start..end].iter().any(Option::is_some)
            || self.bits[start..end].iter().any(|b| b & NEGATOR != 0)
    }

    /// Whether token `i` has the class `bit`.
    pub fn is(&self, i: usize, bit: u16) -> bool {
        self.bits.get(i).is_some_and(|b| b & bit != 0)
    }

    /// The trigger at `i` (its length in words and kind) if it ends inside the clause ending
    /// at `end`.
    pub fn at(&self, i: usize, end: usize) -> Option<(usize, Trigger)> {
        self.triggers
            .get(i)
            .copied()
            .flatten()
            .map(|(len, t)| (usize::from(len), t))
            .filter(|(len, _)| i + len <= end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every NEED label of the trigger lists and every class label of `outcome_topics.txt`
    /// is one the code defines: a typo fails here instead of silently meaning something else.
    #[test]
    fn every_label_in_the_outcome_lists_is_known() {
        for (data, which) in TRIGGER_FILES {
            for line in entries(data) {
                let (_, need) = line.split_once('|').unwrap_or_else(|| panic!("no '|' in {line:?}"));
                assert!(trigger_of(which, need.trim()).is_some(), "unknown label in {line:?}");
            }
        }
        for (label, _) in labelled(TOPICS) {
            assert!(bit_of(label).is_some(), "unknown label {label:?} in outcome_topics.txt");
        }
        assert_eq!(trigger_of('a', "stong"), None, "a typo is caught");
    }

    #[test]
    fn trigger_phrases_fit_the_marks_table() {
        // `Marks` keeps a trigger's length in a byte.
        assert!(lexicon().longest() < usize::from(u8::MAX));
    }
}
