//! The few things the outcomes stage reads from the claims stage, kept in one place so that a
//! change of the claim records touches only this file: which claim content holds a span
//! (O13), a claim's speaker and id, and what a group subject stands for (O15).
//!
//! Algorithm: claim content pieces are sorted by start once; the piece holding a span is found
//! by binary search and a check of the few pieces before it (nested claims). Group subjects
//! ("both sides", "the two countries") are resolved by the claims stage's focus, built on the
//! first one met.
//!
//! Known failure cases: a claim whose content was cut short leaves the rest of its outcome
//! asserted by the article; a group read wrongly gives the wrong two parties.

use crate::extract::claims::groups::{self, LazyFocus};
use crate::extract::claims::words::Words;
use crate::extract::model::Claim;
use crate::extract::parties::Parties;
use crate::extract::span::Span;

/// Claim content pieces by start.
pub struct ClaimPieces<'c> {
    claims: &'c [Claim],
    pieces: Vec<(Span, usize)>,
}

impl<'c> ClaimPieces<'c> {
    /// Indexes the content pieces of `claims`.
    pub fn new(claims: &'c [Claim]) -> ClaimPieces<'c> {
        let mut pieces: Vec<(Span, usize)> = claims
            .iter()
            .enumerate()
            .flat_map(|(k, c)| c.content.pieces().iter().map(move |p| (p.span(), k)))
            .collect();
        pieces.sort_by_key(|(s, _)| (s.start, s.end));
        ClaimPieces { claims, pieces }
    }

    /// The innermost claim content piece holding `span` and its claim: the last piece starting
    /// at or before it that contains it (a few are checked, for nested claims).
    pub fn holding(&self, span: Span) -> Option<(Span, &'c Claim)> {
        let upto = self.pieces.partition_point(|(s, _)| s.start <= span.start);
        let (piece, k) = self.pieces[..upto].iter().rev().take(8).find(|(s, _)| s.contains(span)).copied()?;
        Some((piece, self.claims.get(k)?))
    }
}

/// The party index of a claim's speaker.
pub fn speaker(claim: &Claim) -> Option<usize> {
    let id = claim.speaker.as_ref()?;
    id.strip_prefix('p')?.parse::<usize>().ok()?.checked_sub(1)
}

/// What group subjects stand for, worked out lazily for the whole article.
pub struct Groups<'a> {
    w: &'a Words<'a>,
    parties: &'a Parties,
    focus: LazyFocus<'a>,
}

impl<'a> Groups<'a> {
    /// Prepares the group reading of an article.
    pub fn new(w: &'a Words<'a>, parties: &'a Parties) -> Groups<'a> {
        Groups { w, parties, focus: LazyFocus::new(w, parties) }
    }

    /// The parties a group subject between tokens `first` and `at` stands for ("both sides
    /// had agreed"), at least two, or nothing.
    pub fn subject(&mut self, first: usize, at: usize) -> Vec<usize> {
        groups::first_phrase(self.w, first, at)
            .map(|(i, want)| self.focus.referents(want, i))
            .filter(|r| r.len() >= 2)
            .unwrap_or_default()
    }

    /// Names joined as the subject inside a claim: "She said Peru and Chile agreed ...".
    pub fn coordinated(&self, first: usize, at: usize) -> Vec<usize> {
        groups::coordinated(self.w, self.parties, first, at).unwrap_or_default()
    }
}
