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
    /// How the speaker was found, for the card's "why" and the confidence level.
    pub basis: SpeakerBasis,
}

/// How a claim's speaker was found: named in the source, or reached through a description, a
/// pronoun or role noun, or a group phrase. The weaker the link, the likelier a wrong speaker.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SpeakerBasis {
    /// A name inside the source: "Ana Lund said", "a senior aide to President Ana Lund".
    Name,
    /// A description that names its party: "Chilean officials", "a Kremlin spokesman".
    Description,
    /// A pronoun, role noun or definite description resolved by context: "she", "the minister".
    Reference,
    /// A group phrase standing for several parties: "both sides", "Peru and Chile".
    Group,
    /// No source, or one that no party stands behind.
    None,
}

impl SpeakerBasis {
    /// Every basis, strongest first.
    pub const ALL: [SpeakerBasis; 5] = [
        SpeakerBasis::Name,
        SpeakerBasis::Description,
        SpeakerBasis::Reference,
        SpeakerBasis::Group,
        SpeakerBasis::None,
    ];

    /// The lower-case label used in the JSON and the UI.
    pub fn label(self) -> &'static str {
        match self {
            SpeakerBasis::Name => "name",
            SpeakerBasis::Description => "description",
            SpeakerBasis::Reference => "reference",
            SpeakerBasis::Group => "group",
            SpeakerBasis::None => "none",
        }
    }
}

/// What told the parties stage that a name names an actor, shown on the party's card
/// ("why") and read by the confidence levels.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NameEvidence {
    /// A gazetteer entry: a country, capital, known organisation or place.
    Gazetteer,
    /// A title before the name ("Foreign Minister", "Mr.").
    Title,
    /// The trained name tagger's boundaries or type.
    Tagger,
    /// A head word ending the name ("Ministry", "Bank", "Palace").
    HeadWord,
    /// A given name from the list opening it.
    GivenName,
    /// A dateline or source line ("OSLO (Reuters) -").
    Dateline,
    /// The shape of the words alone: two or three name-like capitalised words.
    Shape,
    /// The words around it or the rest of the article ("in Lund", a surname seen in full).
    Context,
    /// A collective or role noun ("officials", "rebels", "a spokesman").
    Collective,
}

impl NameEvidence {
    /// Every kind of evidence, strongest first.
    pub const ALL: [NameEvidence; 9] = [
        NameEvidence::Gazetteer,
        NameEvidence::Title,
        NameEvidence::Tagger,
        NameEvidence::HeadWord,
        NameEvidence::GivenName,
        NameEvidence::Dateline,
        NameEvidence::Shape,
        NameEvidence::Context,
        NameEvidence::Collective,
    ];

    /// Whether the evidence is a source of its own, not a guess by shape or context: a list
    /// entry, a title, the trained tagger, a head word or a given name.
    pub fn is_strong(self) -> bool {
        !matches!(self, NameEvidence::Shape | NameEvidence::Context | NameEvidence::Collective)
    }
}

/// A set of [`NameEvidence`], one bit each: candidates add to it, parties collect theirs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct EvidenceSet(u16);

impl EvidenceSet {
    /// The set with `e` added.
    #[must_use]
    pub fn with(self, e: NameEvidence) -> EvidenceSet {
        EvidenceSet(self.0 | 1 << e as u16)
    }

    /// Both sets together.
    #[must_use]
    pub fn union(self, other: EvidenceSet) -> EvidenceSet {
        EvidenceSet(self.0 | other.0)
    }

    /// Whether `e` is in the set.
    pub fn has(self, e: NameEvidence) -> bool {
        self.0 & 1 << e as u16 != 0
    }

    /// The evidence in the set, strongest first.
    pub fn list(self) -> Vec<NameEvidence> {
        NameEvidence::ALL.into_iter().filter(|&e| self.has(e)).collect()
    }
}

/// How sure the extractor is of a card, from the features that make it likely right (see
/// `confidence.rs`); the README gives each level's measured precision.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    /// A guess: shown, but hidden by the UI's "hide low confidence" filter.
    Low,
    /// Likely right.
    #[default]
    Medium,
    /// Almost always right.
    High,
}

impl Confidence {
    /// Every level, most confident first.
    pub const ALL: [Confidence; 3] = [Confidence::High, Confidence::Medium, Confidence::Low];

    /// The lower-case label used in the JSON and the UI.
    pub fn label(self) -> &'static str {
        match self {
            Confidence::High => "high",
            Confidence::Medium => "medium",
            Confidence::Low => "low",
        }
    }
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
    /// What set the status: the trigger, the word that changed it, the rule.
    pub why: StatusWhy,
}

/// What set an outcome's status: its trigger ("signed", "talks collapsed"), the negation,
/// modal or condition word that changed the trigger's own status, if any ("not", "will",
/// "unless"), and the guide rule that decided.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StatusWhy {
    /// The trigger word or phrase.
    pub trigger: Span,
    /// The negation, modal or condition word that set the status, if not the trigger itself.
    pub signal: Option<Span>,
    /// The deciding rule, as listed in `outcomes::RULES` ("O6/O7 a negated achievement is failed").
    pub rule: &'static str,
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

/// What sort of actor a party is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PartyKind {
    /// A named individual, or a single unnamed one with a role ("a ministry spokesperson").
    Person,
    /// A state, also when named by its capital or seat of government (Accra for Ghana, the Elysée for France).
    Country,
    /// A government body, company, international organisation, party, army, court ...
    Organization,
    /// A collective that is not a formal body ("analysts", "protesters").
    Group,
    /// A location that is only a location (Lagos, the Palais des Nations, northern Mali).
    Place,
}

impl PartyKind {
    /// Every kind, in display order.
    pub const ALL: [PartyKind; 5] =
        [PartyKind::Person, PartyKind::Country, PartyKind::Organization, PartyKind::Group, PartyKind::Place];

    /// The lower-case label used in the JSON and the UI.
    pub fn label(self) -> &'static str {
        match self {
            PartyKind::Person => "person",
            PartyKind::Country => "country",
            PartyKind::Organization => "organization",
            PartyKind::Group => "group",
            PartyKind::Place => "place",
        }
    }
}
