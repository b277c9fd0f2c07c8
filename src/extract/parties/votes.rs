//! The trained tagger's document-level vote on a name the rules cannot type: what the tagger
//! calls the same words across the article.
//!
//! # Why
//!
//! The scan tags only the sentences where a name's boundary is in doubt, and a lone word or a
//! pair of unknown words is typed by its context there: "Zentrix said" reads as a person,
//! "Zentrix Cables said" is shaped like one, where GUIDE P2 needs a body. One sentence says
//! little, but the article says more: the tagger, reading each sentence the name is in, calls
//! "Zentrix" an organisation in "Zentrix shares fell", "Zentrix CEO Ana Lund" and "Zentrix
//! said" alike. This is the document-level consistency of named-entity taggers (Ratinov &
//! Roth 2009, "extended prediction history"): the same words name the same thing throughout
//! one article. The merge asks for the vote only where its own rules give up or guess (a
//! lone word with no full name, organisation or place to attach it to; a person by shape
//! alone), so the tagger's reading never beats a surname, a title or a head word.
//!
//! # How
//!
//! [`Votes::note`] records where each such name occurs (at most [`MAX_OCCURRENCES`] per
//! name). [`Votes::kind`] tags each of those sentences once (sentences in capitals are
//! skipped: case is the tagger's best clue; so are sentences of fewer than [`MIN_WORDS`] words or
//! more than [`MAX_WORDS`]) and reads the tagger's name that is exactly those
//! words: its type and confidence, each occurrence capped at [`CAP`] so that one sure
//! sentence does not outvote several; an occurrence outside any name counts [`OUTSIDE`] for
//! "no name"; one inside a longer name counts nothing ("Authority" in "the Harbour
//! Authority" says nothing of "Authority"). The answer is the reading holding at least
//! [`SHARE`] of the total and [`MIN_TOTAL`] in all. The cost is at most one tagged sentence
//! per occurrence noted, so linear in the text, and nothing for an article whose names are
//! all settled by the rules.
//!
//! # Known failure cases
//!
//! * A name the tagger reads wrongly throughout is typed wrongly throughout: a foreign
//!   newspaper's name shaped like a person's ("Gazeta Nova said") stays a person.
//! * The tagger learnt from 1996 Reuters news, sport-heavy: a city in a list reads as a team
//!   ("Lund, Vardby and Orrin" as organisations), which is why the merge wants two readings
//!   of a word in mid-sentence before it makes an organisation of it.

use super::gazetteer::FastMap;
use super::scan::SentenceNames;
use crate::extract::segment::{Document, TokenKind};
use crate::extract::tagger::{NameSpan, NameType, Tagger};
use std::ops::Range;

/// Occurrences of one word that are tagged, at most (bounds the cost on long texts).
const MAX_OCCURRENCES: usize = 6;

/// Longer sentences are not read for the vote: no prose sentence is this long (a list, a
/// table or text without stops is), and tagging one whole costs as much as a page of news.
const MAX_WORDS: usize = 150;

/// Shorter sentences are not read either: a heading or caption of a word or two gives the
/// tagger no context to read a name by, only the word itself.
const MIN_WORDS: usize = 3;

/// The most one occurrence adds to a type's total, in units of tagger confidence.
const CAP: f32 = 30.0;

/// The total confidence the winning type needs.
const MIN_TOTAL: f32 = 10.0;

/// What an occurrence the tagger puts outside any name adds to the "no name" total (the
/// tagger gives no confidence for that).
const OUTSIDE: f32 = 10.0;

/// The share of the summed confidence the winning type needs.
const SHARE: f32 = 0.75;

/// The tagger's reading of a name across an article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Vote {
    /// What it names (`None`: it is no name).
    pub kind: Option<NameType>,
    /// How many of its occurrences the tagger reads so.
    pub occurrences: usize,
}

/// The names noted in an article, where they occur and, once asked, their votes. (Two
/// tables only, one keyed by name and one by sentence index: each map type is code of its own
/// in the browser build.)
#[derive(Default)]
pub(super) struct Votes {
    /// Lookup key of a name → its occurrences and, once asked, its vote.
    names: FastMap<String, Noted>,
    /// The tagger's names in each sentence tagged so far, by sentence index.
    tagged: Vec<Option<Vec<NameSpan>>>,
    tagger: Tagger,
}

/// One name of [`Votes`].
#[derive(Default)]
struct Noted {
    /// The tokens of its occurrences, in text order.
    at: Vec<Range<usize>>,
    /// Its vote, once asked.
    answer: Option<Option<Vote>>,
}

impl Votes {
    /// Votes that read the sentences the scan already tagged ([`SentenceNames`]) from there:
    /// the tagger gives the same names for the same words, so only sentences the scan did not
    /// tag are tagged here, by the scan's `tagger` (its cache already holds most of the
    /// article's words).
    pub fn new(scanned: SentenceNames, tagger: Tagger) -> Self {
        let mut tagged: Vec<Option<Vec<NameSpan>>> = Vec::new();
        for (index, names) in scanned {
            if tagged.len() <= index {
                tagged.resize_with(index + 1, || None);
            }
            tagged[index] = Some(names);
        }
        Votes { tagged, tagger, ..Votes::default() }
    }

    /// Notes that the name with lookup key `key` occurs at tokens `r`.
    pub fn note(&mut self, key: &str, r: Range<usize>) {
        match self.names.get_mut(key) {
            Some(noted) if noted.at.len() < MAX_OCCURRENCES => noted.at.push(r),
            Some(_) => {}
            None => {
                self.names.insert(key.to_owned(), Noted { at: vec![r], answer: None });
            }
        }
    }

    /// What the tagger calls the name `key` across the article, when it agrees with itself
    /// (`kind` `None`: no name at all), with the number of occurrences that say so; `None`
    /// when it is split or unsure, or the name was not noted.
    pub fn kind(&mut self, doc: &Document<'_>, key: &str) -> Option<Vote> {
        let noted = self.names.get(key)?;
        if let Some(answer) = noted.answer {
            return answer;
        }
        let at = noted.at.clone();
        // Per type, then outside any name (last).
        let (mut totals, mut counts) = ([0f32; 5], [0usize; 5]);
        for r in at {
            let (slot, weight) = match self.name_at(doc, r) {
                Some(Some((kind, confidence))) => (kind as usize, confidence.min(CAP)),
                Some(None) => (4, OUTSIDE),
                None => continue,
            };
            totals[slot] += weight;
            counts[slot] += 1;
        }
        let sum: f32 = totals.iter().sum();
        let winner = (0..5).find(|&k| totals[k] >= MIN_TOTAL && totals[k] >= SHARE * sum);
        let answer = winner.map(|k| Vote { kind: NameType::ALL.get(k).copied(), occurrences: counts[k] });
        if let Some(noted) = self.names.get_mut(key) {
            noted.answer = Some(answer);
        }
        answer
    }

    /// What the tagger reads at exactly tokens `r`: a name and its confidence, or
    /// `Some(None)` when no name of it overlaps them; `None` when a longer name holds them
    /// (that says nothing of them: "Authority" in "the Harbour Authority") or the sentence
    /// is in capitals, shorter than [`MIN_WORDS`] or longer than [`MAX_WORDS`]. Tags the sentence if it was not yet.
    fn name_at(&mut self, doc: &Document<'_>, r: Range<usize>) -> Option<Option<(NameType, f32)>> {
        let index = doc.sentence_of(r.start);
        let s = doc.sentences.get(index)?;
        if s.shouted || s.tokens.len() > MAX_WORDS {
            return None;
        }
        // At most MAX_WORDS tokens to count.
        if s.tokens.clone().filter(|&t| doc.tokens[t].kind == TokenKind::Word).count() < MIN_WORDS {
            return None;
        }
        if self.tagged.len() <= index {
            self.tagged.resize_with(doc.sentences.len().max(index + 1), || None);
        }
        let base = s.tokens.start;
        let tagger = &mut self.tagger;
        let names = self.tagged[index].get_or_insert_with(|| {
            let words: Vec<&str> = s.tokens.clone().map(|t| doc.word(t)).collect();
            tagger.name_spans(&words)
        });
        let (a, b) = (r.start - base, r.end - base);
        // The names are in order and never overlap: the first ending after `a` is the only
        // one that may hold it (a search, as one sentence may hold thousands of names).
        let first = names.partition_point(|n| n.words.end <= a);
        match names.get(first).filter(|n| n.words.start < b) {
            None => Some(None),
            Some(n) if n.words == (a..b) => Some(Some((n.kind, n.confidence))),
            Some(_) => None,
        }
    }
}
