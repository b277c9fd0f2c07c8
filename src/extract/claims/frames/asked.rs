//! Questions put to a speaker whose asker the sentence leaves out: "Asked whether the port
//! would reopen, Holm said it would." A question is a claim, though not a core one (GUIDE C21:
//! "questions and one-word answers"), so the participle opening the sentence is a cue of its
//! own: cue "Asked", no source (C9) or the one in its "by" phrase ("Asked by reporters about
//! the vote, ..."), content the question up to the comma that closes the participle phrase.
//! The answer after the comma is the claim of the sentence's own cue.

use super::{adverbial_end, clause_end, np_after, trimmed, At, Draft, Verdict, MAX_CONTENT};
use crate::extract::annotate::{class, Annotated};
use crate::extract::claims::cues::frame;

/// Words after which the bare participle still opens its phrase ("When asked about ...").
const LEADS: &[&str] = &["when", "if", "once", "after", "before", "while", "as"];

impl At<'_> {
    /// An `asked` cue with no subject of its own: at the start of the sentence or after one of
    /// [`LEADS`] ("..., she told the radio when asked about the strike.").
    pub(super) fn asked_opener(&self) -> Verdict {
        let (w, q, s, c) = (self.w, self.q, self.s, self.c);
        let lead = c > s.start && LEADS.contains(&w.lower(c - 1));
        if !self.info.has(frame::ASKED) || !w.lower(c).ends_with("ed") || !(c == s.start || lead) {
            return None;
        }
        let mut k = self.ce;
        let mut source = None;
        if w.lower(k) == "by" {
            let b = np_after(w, k + 1, s.end).map_or_else(|| words_to_question(w, k + 1, s.end), |(_, b)| b);
            if b == k + 1 {
                return Some(None);
            }
            source = Some((k + 1, b));
            k = b;
        }
        if !opens_question(w, k) {
            k = adverbial_end(w, k, s.end);
        }
        // "Asked about the plan" (the cue takes "about"), "Asked whether", "Asked to explain".
        let about = w.lower(self.ce - 1) == "about";
        if k >= s.end || !(about || opens_question(w, k)) {
            return Some(None);
        }
        let limit = s.end.min(k + MAX_CONTENT);
        // The phrase ends at its comma, one inside a closing quotation mark included.
        let comma = (k + 1..limit).find(|&j| {
            (w.is_punct(j, ",") && q.at(j).is_none()) || (q.closing_at(j).is_some() && w.is_punct(j - 1, ","))
        });
        let end = match comma {
            Some(j) => j,
            None if lead => clause_end(w, k, s.end),
            None => return Some(None),
        };
        if end <= k + 1 {
            return Some(None);
        }
        Some(Some(Draft { source, ..self.draft(None, false, c, vec![trimmed(w, k, end)], false) }))
    }
}

/// Whether token `k` opens the question of an `asked` cue: a question word ("whether", "how",
/// "if", "who"), "about" or the "to" of a request ("asked to explain").
pub(super) fn opens_question(w: &Annotated, k: usize) -> bool {
    (w.is(k, class::QUESTION) && w.lower(k) != "that") || matches!(w.lower(k), "to" | "about")
}

/// Longest addressee of an `asked` cue before its question word, in tokens.
const MAX_ADDRESSEE: usize = 6;

/// The end of the plain words from `k` up to a question word ("reporters", "the host"), at
/// most [`MAX_ADDRESSEE`] of them; `k` when none or when no question word follows.
fn words_to_question(w: &Annotated, k: usize, end: usize) -> usize {
    let plain = |j: usize| w.is_word(j) && !w.is_verb_like(j) && !w.is(j, class::AUX | class::BOUNDARY);
    (k..end.min(k + MAX_ADDRESSEE + 1))
        .find(|&j| !plain(j) || opens_question(w, j))
        .filter(|&j| opens_question(w, j))
        .unwrap_or(k)
}

/// Where the question of an `asked` cue ending at `k` starts past its addressee: "asked the
/// mayor how ..." → "how"; `None` when no question word follows the addressee.
pub(super) fn past_addressee(w: &Annotated, k: usize, end: usize) -> Option<usize> {
    let j = words_to_question(w, k, end);
    (j > k && w.lower(j) != "to").then_some(j)
}
