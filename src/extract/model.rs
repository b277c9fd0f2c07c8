//! The extraction as exported: the JSON printed by `extract FILE`, downloaded by the UI and
//! read by the evaluation scorers.
//!
//! Field names and meanings are a fixed contract (see the README's "Extraction JSON"):
//! `parties[].{id,name,kind,aliases,mentions}`, `claims[].{speaker,source,cue,content,direct}`
//! and `outcomes[].{status,parties,evidence}`. Everything else here is extra and may grow.

use super::records::{ClaimId, ClaimRecord, PartyId};
use super::span::{Span, TextSpan};
use serde::{Deserialize, Serialize};

/// Whether a quotation split by its cue is exported as a list of spans ([`Content::Split`])
/// rather than one covering span; off while the shared span checker rejects lists.
pub const SPLIT_CONTENT: bool = false;

/// The exported id of a party: `p1` for the first.
pub fn party_id(id: PartyId) -> String {
    format!("p{}", id.index() + 1)
}

/// The exported id of a claim: `c1` for the first.
pub fn claim_id(id: ClaimId) -> String {
    format!("c{}", id.index() + 1)
}

/// The exported claims, in the order of the records.
pub fn export_claims(text: &str, records: &[ClaimRecord]) -> Vec<Claim> {
    records.iter().enumerate().map(|(k, r)| Claim::export(text, ClaimId::of(k), r)).collect()
}

/// Everything extracted from one article.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Extraction {
    /// Who is involved, one entry per actor with all its mentions merged.
    pub parties: Vec<Party>,
    /// Who said what about whom, in article order.
    pub claims: Vec<Claim>,
    /// What was agreed, what failed and what is pending, in article order.
    pub outcomes: Vec<Outcome>,
    /// The sentences of the article, so cards can point at "their" sentence.
    pub sentences: Vec<Span>,
}

impl Extraction {
    /// The party with exported id `id` ("p3"), if any.
    pub fn party(&self, id: &str) -> Option<&Party> {
        self.parties.iter().find(|p| p.id == id)
    }

    /// Drops the parties with no mention (a country seen only as a demonym, "Swiss banks"),
    /// renumbering the rest and removing references to the dropped ones, so every exported
    /// party can be shown in the text. The parties stage gives a party without a name mention
    /// its description as mention when it matters (an unnamed spokesman, a country speaking
    /// through "Castavian officials"), so what is dropped here is background.
    pub(crate) fn without_unmentioned_parties(mut self) -> Extraction {
        if self.parties.iter().all(|p| !p.mentions.is_empty()) {
            return self;
        }
        let mut renamed = std::collections::HashMap::new();
        self.parties.retain(|p| !p.mentions.is_empty());
        for (i, p) in self.parties.iter_mut().enumerate() {
            let id = format!("p{}", i + 1);
            renamed.insert(std::mem::replace(&mut p.id, id.clone()), id);
        }
        let rename = |ids: &mut Vec<String>| {
            ids.retain_mut(|id| renamed.get(id.as_str()).map(|new| id.clone_from(new)).is_some());
        };
        for p in &mut self.parties {
            p.affiliation = p.affiliation.take().and_then(|a| renamed.get(&a).cloned());
        }
        for c in &mut self.claims {
            rename(&mut c.speakers);
            rename(&mut c.targets);
            c.speaker = c
                .speaker
                .take()
                .and_then(|a| renamed.get(&a).cloned())
                .or_else(|| c.speakers.first().cloned());
        }
        self.outcomes.iter_mut().for_each(|o| rename(&mut o.parties));
        self
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

/// One actor and every place the article mentions it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Party {
    /// Stable within one extraction: `p1`, `p2`, ... in order of first mention.
    pub id: String,
    /// Canonical name ("Ama Mensah", "Ghana", "European Union").
    pub name: String,
    /// What sort of actor it is.
    pub kind: PartyKind,
    /// Other names it goes by in this article (Mensah, Accra, EU), without the canonical name.
    pub aliases: Vec<String>,
    /// Every mention, in article order.
    pub mentions: Vec<TextSpan>,
    /// Role or title, when the article gives one ("Foreign Minister").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// Id of the party it belongs to or speaks for (a minister's country).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub affiliation: Option<String>,
    /// How central the party is to the article, 0 to 1 (mentions, claims, position).
    #[serde(default)]
    pub salience: f32,
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

/// The reported content: one span, or several when the cue splits a quotation
/// (“We will talk,” she said, “but not yet.”).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Content {
    /// One continuous span.
    One(TextSpan),
    /// Pieces in article order.
    Split(Vec<TextSpan>),
}

impl Content {
    /// The pieces in article order.
    pub fn pieces(&self) -> &[TextSpan] {
        match self {
            Content::One(span) => std::slice::from_ref(span),
            Content::Split(spans) => spans,
        }
    }

    /// The pieces joined by " … ", for display and search.
    pub fn joined(&self) -> String {
        self.pieces().iter().map(|p| p.text.as_str()).collect::<Vec<_>>().join(" … ")
    }
}

/// Who said what about whom.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// Stable within one extraction: `c1`, `c2`, ...
    pub id: String,
    /// Id of the party that made the claim, or `None` when the text gives no source.
    pub speaker: Option<String>,
    /// Every party the speaker stands for: one for a single speaker, several for a group such
    /// as “both sides”; `speaker` is the first.
    #[serde(default)]
    pub speakers: Vec<String>,
    /// The speaker as written ("A senior aide to President X", "He"), or `None`.
    pub source: Option<TextSpan>,
    /// The reporting verb or phrase ("said", "accused", "according to").
    pub cue: TextSpan,
    /// What was said.
    pub content: Content,
    /// The content as one string (pieces joined by " … "), for cards, search and readers of
    /// the JSON that want the words without slicing.
    #[serde(default)]
    pub text: String,
    /// `true` for a quotation, `false` for reported speech.
    pub direct: bool,
    /// Ids of the parties the claim is about or aimed at.
    pub targets: Vec<String>,
    /// How the cue frames the content.
    pub cue_class: CueClass,
    /// Index into [`Extraction::sentences`] of the sentence holding the cue.
    pub sentence: usize,
}

impl Claim {
    /// The exported form of claim record `r` with id `id`.
    ///
    /// The pieces of a split quotation are exported as one span covering them all, with the
    /// pieces joined in `text`: the shared checker (`score.py`) counts a list-valued content
    /// as a malformed span, and bad spans must stay at zero. [`SPLIT_CONTENT`] switches to
    /// lists.
    pub fn export(text: &str, id: ClaimId, r: &ClaimRecord) -> Claim {
        let pieces: Vec<TextSpan> = r.content.iter().map(|&s| TextSpan::of(text, s)).collect();
        let joined = pieces.iter().map(|p| p.text.as_str()).collect::<Vec<_>>().join(" … ");
        let content = match (pieces.len(), SPLIT_CONTENT) {
            (1, _) | (_, false) => Content::One(TextSpan::of(text, r.cover())),
            _ => Content::Split(pieces),
        };
        let ids: Vec<String> = r.speakers.iter().copied().map(party_id).collect();
        Claim {
            id: claim_id(id),
            speaker: ids.first().cloned(),
            speakers: ids,
            source: r.source.map(|s| TextSpan::of(text, s)),
            cue: TextSpan::of(text, r.cue),
            content,
            text: joined,
            direct: r.direct,
            targets: r.targets.iter().copied().map(party_id).collect(),
            cue_class: r.class,
            sentence: r.sentence,
        }
    }

    /// Ids of every party the speaker stands for ([`Claim::speakers`], or [`Claim::speaker`]
    /// in JSON written before `speakers` existed).
    pub fn speaker_ids(&self) -> impl Iterator<Item = &str> {
        let all = if self.speakers.is_empty() { self.speaker.as_slice() } else { self.speakers.as_slice() };
        all.iter().map(String::as_str)
    }

    /// The words of the claim for display: [`Claim::text`], or the content pieces joined
    /// when an older JSON has no `text`.
    pub fn words(&self) -> String {
        if self.text.is_empty() {
            self.content.joined()
        } else {
            self.text.clone()
        }
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

/// A number and what it counts ("1,000 prisoners of war each").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// The whole figure as written.
    pub span: TextSpan,
    /// The number as written ("1,000", "3.5 million").
    pub value: String,
    /// What it counts ("prisoners of war"), possibly empty.
    pub counts: String,
}

/// What was agreed, what failed, what is pending.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Outcome {
    /// Stable within one extraction: `o1`, `o2`, ...
    pub id: String,
    /// Agreed, failed or pending.
    pub status: Status,
    /// A short summary for the card.
    pub summary: String,
    /// Ids of the parties involved.
    pub parties: Vec<String>,
    /// Numbers in the evidence and what they count.
    pub figures: Vec<Figure>,
    /// The clause that states the outcome.
    pub evidence: TextSpan,
    /// `true` when the article itself states it; `false` when it sits inside someone's claim.
    pub asserted: bool,
    /// The claim it sits inside, when not asserted by the article.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claim: Option<String>,
    /// Index into [`Extraction::sentences`] of the sentence holding the evidence.
    pub sentence: usize,
}
