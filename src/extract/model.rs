//! The extraction as exported: the JSON printed by `extract FILE`, downloaded by the UI and
//! read by the evaluation scorers.
//!
//! Field names and meanings are a fixed contract (see the README's "Extraction JSON"):
//! `parties[].{id,name,kind,aliases,mentions}`, `claims[].{speaker,source,cue,content,direct}`
//! and `outcomes[].{status,parties,evidence}`. Everything else here is extra and may grow.

use super::parties::Parties;
use super::records::{ClaimId, ClaimRecord, FigureRecord, OutcomeRecord, PartyId};
pub use super::records::{Confidence, CueClass, NameEvidence, PartyKind, SpeakerBasis, Status};
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

/// The exported parties, in the order of the parties stage's list, with salience from
/// mentions and the claims they make or are the subject of. Only names are exported as
/// mentions (for a description such as "UN negotiators", the name inside it), so that the spans
/// are names as annotated in CoNLL-style data; a party known only by descriptions gets those
/// (`describe_unnamed`).
pub fn export_parties(text: &str, parties: &Parties, claims: &[ClaimRecord]) -> Vec<Party> {
    let mut counts = vec![0usize; parties.list.len()];
    let mut mentions = vec![Vec::new(); parties.list.len()];
    for m in &parties.mentions {
        let Some(c) = counts.get_mut(m.party) else { continue };
        *c += 1;
        if m.form.is_name() {
            mentions[m.party].push(TextSpan::of(text, m.span));
        } else if let Some(name) = m.name {
            mentions[m.party].push(TextSpan::of(text, name));
        }
    }
    for c in claims {
        for id in c.speaker().iter().chain(&c.targets) {
            if let Some(c) = counts.get_mut(id.index()) {
                *c += 2;
            }
        }
    }
    describe_unnamed(text, parties, claims, &mut mentions);
    let top = counts.iter().copied().max().unwrap_or(1).max(1) as f32;
    let party = |(i, (p, mentions)): (usize, (&super::parties::PartyRecord, Vec<TextSpan>))| Party {
        id: party_id(PartyId::of(i)),
        name: p.name.clone(),
        kind: p.kind,
        aliases: p.aliases.clone(),
        mentions,
        role: p.role.clone(),
        affiliation: p.affiliation.map(|a| party_id(PartyId::of(a))),
        salience: counts[i] as f32 / top,
        evidence: p.evidence.list(),
        confidence: Confidence::default(),
    };
    parties.list.iter().zip(mentions).enumerate().map(party).collect()
}

/// Gives a party known only by descriptions ("An Azerbaijani spokesman said ...") those
/// descriptions as its mentions, so that no exported party that matters lacks one (the others
/// are dropped by [`Extraction::without_unmentioned_parties`]). The part of a description that
/// another party's exported mention already covers ("State Department" in "a State Department
/// spokesperson") is left to that party, so mentions never overlap.
fn describe_unnamed(text: &str, parties: &Parties, claims: &[ClaimRecord], mentions: &mut [Vec<TextSpan>]) {
    // Which parties a claim speaks for or is aimed at, in one pass over the claims.
    let mut speaks = vec![false; parties.list.len()];
    for id in claims.iter().flat_map(|c| c.speakers.iter().chain(&c.targets)) {
        if let Some(s) = speaks.get_mut(id.index()) {
            *s = true;
        }
    }
    // A country known only by a demonym is background unless it speaks or is addressed:
    // "Swiss banks" does not make Switzerland a party, "Castavian officials said" does.
    let unnamed: Vec<bool> = mentions
        .iter()
        .zip(&parties.list)
        .enumerate()
        .map(|(i, (m, p))| m.is_empty() && (p.kind != PartyKind::Country || speaks[i]))
        .collect();
    let mut taken: Vec<(usize, usize)> = mentions.iter().flatten().map(|m| (m.start, m.end)).collect();
    taken.sort_unstable();
    for m in parties.mentions.iter().filter(|m| !m.form.is_name() && unnamed.get(m.party) == Some(&true)) {
        let covered = taken.iter().filter(|t| t.0 < m.span.end && m.span.start < t.1).map(|t| t.1).max();
        let start = covered.map_or(m.span.start, |end| end.max(m.span.start));
        let span = without_determiner(text, Span::new(start, m.span.end).trim(text, &[]));
        if !span.is_empty() {
            mentions[m.party].push(TextSpan::of(text, span));
        }
    }
}

/// `span` without a leading "a", "an" or "the" (mentions are tight, as names are).
fn without_determiner(text: &str, span: Span) -> Span {
    let piece = span.text(text);
    let first = piece.split_whitespace().next().unwrap_or("");
    if piece.len() > first.len() && ["a", "an", "the"].iter().any(|d| d.eq_ignore_ascii_case(first)) {
        Span::new(span.start + first.len(), span.end).trim(text, &[])
    } else {
        span
    }
}

/// The exported outcomes, in the order of the records: ids `o1` …, text spans, a summary.
pub fn export_outcomes(text: &str, records: &[OutcomeRecord]) -> Vec<Outcome> {
    records.iter().enumerate().map(|(k, r)| Outcome::export(text, k, r)).collect()
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
    /// What told the extractor its names name an actor, strongest first.
    #[serde(default)]
    pub evidence: Vec<NameEvidence>,
    /// How sure the extractor is that this is a party of the article (see `confidence.rs`).
    #[serde(default)]
    pub confidence: Confidence,
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
    /// How the speaker was found from the source.
    #[serde(default = "no_basis")]
    pub basis: SpeakerBasis,
    /// How sure the extractor is of the claim and its speaker (see `confidence.rs`).
    #[serde(default)]
    pub confidence: Confidence,
}

/// The basis of a claim read from JSON written before `basis` existed.
fn no_basis() -> SpeakerBasis {
    SpeakerBasis::None
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
            basis: r.basis,
            confidence: Confidence::default(),
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
    /// The trigger word or phrase of the evidence ("signed", "collapsed").
    #[serde(default)]
    pub trigger: TextSpan,
    /// The negation, modal or condition word that set the status, when not the trigger
    /// itself ("not", "will", "unless").
    #[serde(default)]
    pub signal: Option<TextSpan>,
    /// The guide rule that decided the status ("O6/O7 a negated achievement is failed").
    #[serde(default)]
    pub rule: String,
    /// How sure the extractor is of the outcome and its status (see `confidence.rs`).
    #[serde(default)]
    pub confidence: Confidence,
}

impl Figure {
    fn export(text: &str, r: &FigureRecord) -> Figure {
        Figure {
            span: TextSpan::of(text, r.span),
            value: r.value.text(text).to_owned(),
            counts: r.counts.text(text).to_owned(),
        }
    }
}

impl Outcome {
    /// The exported form of outcome `index`.
    fn export(text: &str, index: usize, r: &OutcomeRecord) -> Outcome {
        Outcome {
            id: format!("o{}", index + 1),
            status: r.status,
            summary: summary(r.evidence.text(text)),
            parties: r.parties.iter().copied().map(party_id).collect(),
            figures: r.figures.iter().map(|f| Figure::export(text, f)).collect(),
            evidence: TextSpan::of(text, r.evidence),
            asserted: r.claim.is_none(),
            claim: r.claim.map(claim_id),
            sentence: r.sentence,
            trigger: TextSpan::of(text, r.why.trigger),
            signal: r.why.signal.map(|s| TextSpan::of(text, s)),
            rule: r.why.rule.to_owned(),
            confidence: Confidence::default(),
        }
    }
}

/// The first fourteen words of an outcome's evidence, for its card.
fn summary(text: &str) -> String {
    const WORDS: usize = 14;
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= WORDS {
        words.join(" ")
    } else {
        format!("{} …", words[..WORDS].join(" "))
    }
}
