//! Typed records passed between the stages, with index ids.
//!
//! Stages hand each other these plain records: a party is a [`PartyId`] (its index in the
//! parties stage's list), a claim a [`ClaimId`], and every position a byte span into the text.
//! Only `model.rs` turns them into the exported JSON (string ids such as `"p3"`, text spans),
//! so no stage ever parses an exported id back.

use super::model::CueClass;
use super::span::Span;

/// A party, by its index in the list the parties stage returns.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PartyId(pub u32);

/// A claim, by its index in the list the claims stage returns.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ClaimId(pub u32);

impl PartyId {
    /// The index into the parties list.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

impl ClaimId {
    /// The index into the claims list.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// One attribution as the claims stage finds it: who said what, as byte spans into the text.
///
/// `model.rs` turns it into the exported [`crate::extract::Claim`] (ids `c1`, `p3`, text
/// spans, the content's words joined).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClaimRecord {
    /// Every party the source stands for: one for a single speaker, several for a group
    /// ("both sides"); empty when the text gives no source or it is not resolved.
    pub speakers: Vec<PartyId>,
    /// The source as written ("A senior aide to President X", "He"), if any.
    pub source: Option<Span>,
    /// The reporting verb or phrase.
    pub cue: Span,
    /// The content, in pieces (more than one when the cue splits a quotation), never empty.
    pub content: Vec<Span>,
    /// A quotation rather than reported speech.
    pub direct: bool,
    /// The parties the content is about, other than the speakers.
    pub targets: Vec<PartyId>,
    /// How the cue frames the content.
    pub class: CueClass,
    /// Index of the sentence holding the cue.
    pub sentence: usize,
}

impl ClaimRecord {
    /// The first speaker, if any.
    pub fn speaker(&self) -> Option<PartyId> {
        self.speakers.first().copied()
    }

    /// One span covering every piece of the content.
    pub fn cover(&self) -> Span {
        self.content
            .iter()
            .skip(1)
            .fold(self.content.first().copied().unwrap_or_default(), |a, &b| a.cover(b))
    }
}

impl PartyId {
    /// The id of the party at `index` in the parties list.
    pub fn of(index: usize) -> PartyId {
        PartyId(u32::try_from(index).unwrap_or(u32::MAX))
    }
}

impl ClaimId {
    /// The id of the claim at `index` in the claims list.
    pub fn of(index: usize) -> ClaimId {
        ClaimId(u32::try_from(index).unwrap_or(u32::MAX))
    }
}
