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

use crate::extract::annotate::Annotated;
use crate::extract::groups::{self, LazyFocus};
use crate::extract::parties::Parties;
use crate::extract::records::{ClaimId, ClaimRecord};
use crate::extract::span::Span;

/// Claim contents by start: a quotation split by its cue counts as one span covering its
/// pieces, as exported.
pub struct ClaimPieces<'c> {
    claims: &'c [ClaimRecord],
    pieces: Vec<(Span, usize)>,
}

impl<'c> ClaimPieces<'c> {
    /// Indexes the contents of `claims`.
    pub fn new(claims: &'c [ClaimRecord]) -> ClaimPieces<'c> {
        let mut pieces: Vec<(Span, usize)> = claims.iter().enumerate().map(|(k, c)| (c.cover(), k)).collect();
        pieces.sort_by_key(|(s, _)| (s.start, s.end));
        ClaimPieces { claims, pieces }
    }

    /// The content of the claim whose cue starts where `trigger` does, when that content
    /// comes after the cue: "confirmed the talks had failed", "announced the deal".
    pub fn content_after_cue(&self, trigger: Span) -> Option<Span> {
        // Claims are few per sentence and come in text order: a binary search by cue start.
        let k = self.claims.partition_point(|c| c.cue.start < trigger.start);
        let claim = self.claims.get(k).filter(|c| c.cue.start == trigger.start)?;
        let content = claim.cover();
        (content.start >= claim.cue.end).then_some(content)
    }

    /// The innermost claim content holding `span` and its claim: the last content starting at
    /// or before it that contains it (a few are checked, for nested claims).
    pub fn holding(&self, span: Span) -> Option<(Span, Holder<'c>)> {
        let upto = self.pieces.partition_point(|(s, _)| s.start <= span.start);
        let (piece, k) = self.pieces[..upto].iter().rev().take(8).find(|(s, _)| s.contains(span)).copied()?;
        let record = self.claims.get(k)?;
        Some((piece, Holder { id: ClaimId(k as u32), record }))
    }
}

/// The claim an outcome sits inside.
#[derive(Clone, Copy)]
pub struct Holder<'c> {
    /// Its id.
    pub id: ClaimId,
    /// The claim.
    pub record: &'c ClaimRecord,
}

impl Holder<'_> {
    /// The party index of the claim's speaker.
    pub fn speaker(&self) -> Option<usize> {
        self.record.speaker().map(|p| p.index())
    }
}

/// What group subjects stand for, worked out lazily for the whole article.
pub struct Groups<'a> {
    w: &'a Annotated<'a>,
    parties: &'a Parties,
    focus: &'a LazyFocus<'a>,
}

impl<'a> Groups<'a> {
    /// The group reading of an article, over the focus the claims stage already built.
    pub fn new(w: &'a Annotated<'a>, parties: &'a Parties, focus: &'a LazyFocus<'a>) -> Groups<'a> {
        Groups { w, parties, focus }
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
