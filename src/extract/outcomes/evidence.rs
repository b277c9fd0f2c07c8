//! Evidence boundaries (O16–O19): which characters of a clause state the outcome.
//!
//! Algorithm: the clause's span, trimmed of punctuation and quotation marks; inside a claim,
//! cut to the claim's content piece (O13: no speaker, no cue); then leading words that are not
//! the outcome's subject are dropped, a bounded number of times: a complementiser or
//! conjunction ("that", "and", "but", "as", "while", "so") and a connective with its comma
//! ("However,", "Still,", O16). Trailing commentary (", which would ...", ", the largest since
//! ...", ", ending a closure") is never part of the clause: clauses are cut at commas and only
//! identifying attachments are merged back ([`super::clauses`]).
//!
//! Known failure cases: a fronted purpose or background phrase without a comma ("To ease
//! traffic the two agreed ...") stays in; a subject split from its verb by a long relative
//! clause is cut at the comma, so the evidence starts at the relative clause's end.

use super::lexicon::{Marks, CONNECTIVE};
use crate::extract::annotate::Annotated;
use crate::extract::span::Span;
use std::ops::Range;

/// Characters trimmed from the ends of evidence.
pub const TRIM: &[char] = &[',', '.', ';', ':', '"', '\u{201c}', '\u{201d}'];

/// Words that open a clause without being part of its outcome.
const LEADS: &[&str] = &["that", "as", "and", "but", "while", "so", "whereas", "because"];

/// The evidence of `clause`, cut to the claim content `piece` holding it, if any; `None` when
/// nothing is left.
pub fn evidence_of(
    text: &str,
    w: &Annotated,
    marks: &Marks,
    clause: Range<usize>,
    piece: Option<Span>,
) -> Option<Span> {
    let mut span = w.range(clause.start, clause.end).trim(text, TRIM);
    if let Some(piece) = piece {
        span = Span::new(span.start.max(piece.start), span.end.min(piece.end)).trim(text, TRIM);
    }
    let from = first_token(w, span, clause.start);
    // At most a connective, a comma and a complementiser: "However, that ..." is rare.
    for first in from..from + 3 {
        if first + 1 >= clause.end || span.is_empty() {
            break;
        }
        let lead = LEADS.contains(&w.lower(first)) || marks.is(first, CONNECTIVE) || w.is_punct(first, ",");
        if !lead || w.span(first).start < span.start {
            break;
        }
        let next = w.span(first + 1).start;
        if next >= span.end || span.end - next < 10 {
            break;
        }
        span = Span::new(next, span.end);
    }
    (!span.is_empty()).then_some(span)
}

/// The first token of `evidence`, given that tokens before `from` all start before it: found by
/// walking from there, not by a binary search over every token of the text.
pub fn first_token(w: &Annotated, evidence: Span, from: usize) -> usize {
    let mut first = from;
    while first < w.len() && w.span(first).start < evidence.start {
        first += 1;
    }
    first
}
