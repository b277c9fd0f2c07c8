//! Cutting a sentence into the clauses that each carry one outcome (O20).
//!
//! Algorithm, one pass over the sentence's tokens and one over the pieces:
//! 1. cut at semicolons, colons, dashes and parentheses (not around a short aside: "(BRE)",
//!    "-- Norland, Castavia and Drevia --"), at commas that do not separate list items, at
//!    "because" (a reason is commentary, O17), at "but not" ("agreed on quotas but not on
//!    tolls", O20), and at "and"/"but" before a second verb phrase that states an outcome of
//!    its own;
//! 2. a fronted "By a 2-to-1 vote," stays with its clause: it carries the vote;
//! 3. merge back what belongs to a clause: attachments (", with no deal on X", ", possibly
//!    involving Y", O17), appositives that split a subject from its verb (", a former aide to
//!    the minister,", ", represented by X,", O16), the next verb phrase under the same modal
//!    (", free the trawlers and reopen the port", O20), a condition before or after its main
//!    clause ("if X, we will appeal", "..., unless ...", O11), and a short ", but X declined"
//!    or ", which they dismissed" after the offer or proposal it refuses (O4).
//!
//! Every walk is bounded by the sentence or a constant, so the stage stays linear.
//!
//! Known failure cases: an appositive that is not "a/an ..." or "<participle> by ..."
//! ("NationsBank's bid, representing a premium, was enough") still splits its subject from its
//! verb, so the evidence starts at the verb phrase; a list of subjects whose last comma is not
//! followed by a short item ("Automakers, suppliers, insurers and the agency launched") loses
//! its first items; a consequence without a comma ("struck a deal last week ending the war")
//! stays in the evidence.

use super::lexicon::{Marks, Trigger, ACTION, ATTACH};
use crate::extract::annotate::{class, Annotated};
use std::ops::Range;

/// Splits the tokens of a sentence into clauses, each a token range.
pub fn clauses(w: &Annotated, marks: &Marks, range: Range<usize>) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut start = range.start;
    let fronted = fronted_vote(w, range.clone());
    let mut i = range.start;
    while i < range.end {
        if w.text(i) == "(" || w.is_dash(i) {
            if let Some(close) = short_aside(w, i, range.end) {
                i = close + 1;
                continue;
            }
        }
        if Some(i) != fronted && cuts(w, marks, i, start, range.end) {
            if i > start {
                out.push(start..i);
            }
            start = i + 1;
        }
        i += 1;
    }
    if range.end > start {
        out.push(start..range.end);
    }
    merge(w, marks, out)
}

/// Whether token `i` ends the clause that began at `start`.
fn cuts(w: &Annotated, marks: &Marks, i: usize, start: usize, end: usize) -> bool {
    let t = w.text(i);
    if matches!(t, ";" | ":" | "\u{2014}" | "\u{2013}" | "--" | "(" | ")")
        || (t == "," && !list_comma(w, i, end))
    {
        return true;
    }
    // A reason after the outcome is commentary (O17): "voted for it because ...", but not
    // "because of X", which says what the outcome hangs on.
    if w.lower(i) == "because" && i > start + 2 && w.lower(i + 1) != "of" {
        return true;
    }
    // "agreed on quotas but not on tolls": two outcomes, two statuses (O20).
    if w.lower(i) == "but" && i > start && matches!(w.lower(i + 1), "not" | "no" | "never") {
        return true;
    }
    if !(matches!(w.lower(i), "and" | "but") && i > start) {
        return false;
    }
    // "... and were open to ...", "... and flatly ruled out ...": a second verb phrase.
    let mut v = i + 1;
    while v < end && (w.is(v, class::ADVERB) || w.lower(v).ends_with("ly") && !w.is_cap(v)) {
        v += 1;
    }
    // Only when the second one states an outcome of its own: "signed a deal and attached a
    // map" stays one clause.
    (w.is(v, class::AUX) || w.is_verb_like(v))
        && (v..end.min(v + 12))
            .take_while(|&j| !matches!(w.text(j), "," | ";" | "."))
            .any(|j| marks.at(j, end).is_some_and(|(_, t)| t != Trigger::NotOne))
}

/// The end of a short aside opened at `open`: a parenthesis closed within a few words
/// ("(BRE)", "(0800 GMT)"), or a pair of dashes around a list with no verb ("the five nations
/// -- Norland, Castavia and Drevia -- will meet").
fn short_aside(w: &Annotated, open: usize, end: usize) -> Option<usize> {
    if w.text(open) == "(" {
        return (open + 1..end.min(open + 6)).find(|&k| w.text(k) == ")");
    }
    let close = (open + 1..end.min(open + 16)).find(|&k| w.is_dash(k))?;
    let verbless = (open + 1..close).all(|k| !w.is(k, class::AUX) && !w.is_verb_like(k));
    (verbless && close > open + 1).then_some(close)
}

/// The comma after a sentence-initial "By a 2-to-1 vote": it does not cut, since the vote is
/// what makes the clause an outcome.
fn fronted_vote(w: &Annotated, range: Range<usize>) -> Option<usize> {
    if w.lower(range.start) != "by" {
        return None;
    }
    let comma = (range.start + 1..range.end.min(range.start + 8)).find(|&k| w.is_punct(k, ","))?;
    (range.start..comma).any(|k| matches!(w.lower(k), "vote" | "margin" | "majority")).then_some(comma)
}

/// Whether the comma at `i` separates items of a list rather than clauses: it is followed by
/// "or"/"and" and a non-verb, or by a short lower-case item and another comma
/// ("no deal on trade, tariffs, or fishing was reached").
fn list_comma(w: &Annotated, i: usize, end: usize) -> bool {
    let next = w.lower(i + 1);
    if matches!(next, "or" | "and") {
        // Only as the last comma of a list in progress: "on X, Y, or Z", not "last week, and
        // the ministry said".
        let item = (i.saturating_sub(5)..i).rev().find(|&k| w.is_punct(k, ","));
        let in_list = item
            .is_some_and(|k| (k + 1..i).all(|j| w.is_word(j) && !w.is_verb_like(j) && !w.is(j, class::AUX)));
        let past = w.is_verb_like(i + 2) && w.lower(i + 2).ends_with("ed");
        return in_list
            && !(w.is(i + 2, class::AUX) || past || w.is(i + 2, class::PERSON | class::PLURAL | class::IT));
    }
    let item = (i + 1..(i + 5).min(end)).find(|&k| w.is_punct(k, ","));
    item.is_some_and(|k| {
        k > i + 1
            && (i + 1..k).all(|j| w.is_word(j) && !w.is_cap(j) && !w.is(j, class::AUX) && !w.is_verb_like(j))
    })
}

/// How a clause joins the one before it.
fn joins_previous(w: &Annotated, marks: &Marks, c: &Range<usize>, prev: &Range<usize>) -> bool {
    let first = w.lower(c.start);
    // Attachments: ", with no deal", ", potentially involving" (not ", ending a closure").
    let attach = !w.is_cap(c.start)
        && (matches!(first, "with" | "without" | "including" | "potentially" | "possibly")
            || marks.is(c.start, ATTACH));
    // A condition after its main clause: "..., unless Castavia paid the arrears".
    let condition_after = matches!(first, "unless" | "until" | "if") && !is_condition_start(w, marks, prev);
    // ", but the minister declined" after an offer, ", which they dismissed" after the
    // proposal: one failed attempt or refusal, whose topic is in the clause before.
    let refusal = (first == "but" && c.len() <= 6 || first == "which")
        && (c.start..c.end)
            .any(|k| matches!(marks.at(k, c.end), Some((_, Trigger::Failed(_) | Trigger::Refusal))));
    attach || condition_after || refusal || appositive(w, marks, c) || verb_list_item(w, marks, c)
}

/// Whether a piece is the next item of a list of verb phrases under one modal or plan (O20):
/// "will lift the toll, free the trawlers and reopen the port" stays one outcome. It opens
/// with a base-form action verb, perhaps after "and"/"or".
fn verb_list_item(w: &Annotated, marks: &Marks, c: &Range<usize>) -> bool {
    let k = if matches!(w.lower(c.start), "and" | "or") { c.start + 1 } else { c.start };
    let word = w.lower(k);
    k < c.end
        && marks.is(k, ACTION)
        && !w.is_cap(k)
        && !word.ends_with("ed")
        && !word.ends_with('s')
        && !word.ends_with("ing")
}

/// Whether a piece is an appositive after a name: "Pell, a former aide to the minister," or
/// "the union, represented by Ana Brel," is short, opens with "a"/"an" or a participle and
/// "by", and has no other verb or trigger; the clause goes on after it.
fn appositive(w: &Annotated, marks: &Marks, c: &Range<usize>) -> bool {
    let participle = w.is_verb_like(c.start) && w.lower(c.start + 1) == "by";
    let body = if participle { c.start + 2 } else { c.start };
    // A participle's agent may be a long name: "represented by the Civil Liberties Union of Vessa".
    let short = c.len() <= if participle { 14 } else { 10 };
    short
        && (matches!(w.lower(c.start), "a" | "an") || participle)
        && (body..c.end).all(|k| !w.is(k, class::AUX) && !w.is_verb_like(k) && marks.at(k, c.end).is_none())
}

/// Whether a clause opens with a condition word, perhaps after a short frame ("If the unions
/// fail to agree, ...", "He said that if ...").
fn is_condition_start(_w: &Annotated, marks: &Marks, c: &Range<usize>) -> bool {
    (c.start..c.end.min(c.start + 5)).any(|k| matches!(marks.at(k, c.end), Some((_, Trigger::Condition))))
}

/// Merges attachments and conditions into the clauses they belong to.
fn merge(w: &Annotated, marks: &Marks, pieces: Vec<Range<usize>>) -> Vec<Range<usize>> {
    let mut merged: Vec<Range<usize>> = Vec::new();
    // A fronted condition waits for its main clause: "If X, Y will Z".
    let mut pending_condition = false;
    // The piece before was an appositive: the clause it interrupts goes on.
    let mut after_aside = false;
    for c in pieces {
        let join = match merged.last() {
            Some(prev) => pending_condition || after_aside || joins_previous(w, marks, &c, prev),
            None => false,
        };
        after_aside = join && appositive(w, marks, &c);
        pending_condition = !join && is_condition_start(w, marks, &c);
        match merged.last_mut() {
            Some(prev) if join => prev.end = c.end,
            _ => merged.push(c),
        }
    }
    merged
}
