//! Typed records passed between the stages, with index ids.
//!
//! Stages hand each other these plain records: a party is a [`PartyId`] (its index in the
//! parties stage's list), a claim a [`ClaimId`], and every position a byte span into the text.
//! Only `model.rs` turns them into the exported JSON (string ids such as `"p3"`, text spans),
//! so no stage ever parses an exported id back.

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
