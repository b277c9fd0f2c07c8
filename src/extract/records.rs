//! Typed records passed between the stages, with index ids.
//!
//! Stages hand each other these plain records: a party is a [`PartyId`] (its index in the
//! parties stage's list), a claim a [`ClaimId`], and every position a byte span into the text.
//! Only `model.rs` turns them into the exported JSON (string ids such as `"p3"`, text spans),
//! so no stage ever parses an exported id back.

use super::span::Span;
use serde::{Deserialize, Serialize};

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

/// A number in an outcome's evidence and what it counts ("1,000 prisoners of war each").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FigureRecord {
    /// The whole figure.
    pub span: Span,
    /// The number as written ("1,000", "3.5 million").
    pub value: Span,
    /// What it counts, possibly empty.
    pub counts: Span,
}

/// One outcome as the outcomes stage finds it (the exported [`super::model::Outcome`] is built
/// from it by `model.rs`).
#[derive(Clone, Debug, PartialEq)]
pub struct OutcomeRecord {
    /// Agreed, failed or pending.
    pub status: Status,
    /// The clause that states it.
    pub evidence: Span,
    /// Every side involved.
    pub parties: Vec<PartyId>,
    /// The numbers in the evidence.
    pub figures: Vec<FigureRecord>,
    /// The claim whose content holds it, when the article does not state it itself.
    pub claim: Option<ClaimId>,
    /// Index of the sentence holding the evidence.
    pub sentence: usize,
}

/// How a reporting cue frames what is reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CueClass {
    /// Neutral reporting: said, told, added, noted.
    Say,
    /// Firm assertion: stated, claimed, insisted, argued, stressed, reiterated.
    Assert,
    /// Blame: accused, blamed, charged.
    Accuse,
    /// Denial or rejection: denied, rejected, dismissed.
    Deny,
    /// Warning or threat: warned, cautioned, threatened.
    Warn,
    /// Appeal: urged, called on, demanded, asked.
    Urge,
    /// Approval: welcomed, praised, hailed.
    Welcome,
    /// Disapproval: criticised, condemned, expressed frustration.
    Criticise,
    /// Commitment: promised, pledged, vowed.
    Promise,
    /// Belief or expectation: believes, thinks, expects, fears.
    Believe,
    /// Characterisation: described X as, called X.
    Describe,
    /// Report by another source: according to, reportedly.
    Report,
}

impl CueClass {
    /// The lower-case label used in the JSON and the UI.
    pub fn label(self) -> &'static str {
        match self {
            CueClass::Say => "say",
            CueClass::Assert => "assert",
            CueClass::Accuse => "accuse",
            CueClass::Deny => "deny",
            CueClass::Warn => "warn",
            CueClass::Urge => "urge",
            CueClass::Welcome => "welcome",
            CueClass::Criticise => "criticise",
            CueClass::Promise => "promise",
            CueClass::Believe => "believe",
            CueClass::Describe => "describe",
            CueClass::Report => "report",
        }
    }

    /// Parses the label used in word lists and the JSON.
    pub fn from_label(label: &str) -> Option<CueClass> {
        Some(match label {
            "say" => CueClass::Say,
            "assert" => CueClass::Assert,
            "accuse" => CueClass::Accuse,
            "deny" => CueClass::Deny,
            "warn" => CueClass::Warn,
            "urge" => CueClass::Urge,
            "welcome" => CueClass::Welcome,
            "criticise" => CueClass::Criticise,
            "promise" => CueClass::Promise,
            "believe" => CueClass::Believe,
            "describe" => CueClass::Describe,
            "report" => CueClass::Report,
            _ => return None,
        })
    }
}

/// Whether something came about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Agreed, signed, approved, exchanged.
    Agreed,
    /// Failed, rejected, collapsed, ended without agreement.
    Failed,
    /// Planned, expected, proposed, open to.
    Pending,
}

impl Status {
    /// Every status, in display order.
    pub const ALL: [Status; 3] = [Status::Agreed, Status::Failed, Status::Pending];

    /// The lower-case label used in the JSON and the UI.
    pub fn label(self) -> &'static str {
        match self {
            Status::Agreed => "agreed",
            Status::Failed => "failed",
            Status::Pending => "pending",
        }
    }
}
