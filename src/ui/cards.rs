//! The cards the explorer shows, as plain data: which item, and what it involves.
//!
//! A card is a reference into an [`Extraction`] (no copies), so filtering and sorting thousands
//! of them is cheap and the components look up what they render.

use crate::extract::{Claim, Confidence, Extraction, Outcome, Party, Span};
use serde::{Deserialize, Serialize};

/// The three card types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CardType {
    /// A party card.
    Party,
    /// A claim card.
    Claim,
    /// An outcome card.
    Outcome,
}

impl CardType {
    /// Every type, in display order.
    pub const ALL: [CardType; 3] = [CardType::Party, CardType::Claim, CardType::Outcome];

    /// Plural label for buttons and counts.
    pub fn plural(self) -> &'static str {
        match self {
            CardType::Party => "Parties",
            CardType::Claim => "Claims",
            CardType::Outcome => "Outcomes",
        }
    }

    /// Lower-case singular label, used in CSV and attributes.
    pub fn label(self) -> &'static str {
        match self {
            CardType::Party => "party",
            CardType::Claim => "claim",
            CardType::Outcome => "outcome",
        }
    }
}

/// One card: a type and an index into the matching list of the extraction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Card {
    /// Which list.
    pub kind: CardType,
    /// Index into that list.
    pub index: usize,
}

/// A card resolved against its extraction.
#[derive(Clone, Copy, Debug)]
pub enum Item<'a> {
    /// A party.
    Party(&'a Party),
    /// A claim.
    Claim(&'a Claim),
    /// An outcome.
    Outcome(&'a Outcome),
}

impl Card {
    /// Every card of the extraction, parties first, each list in its own order.
    pub fn all(ex: &Extraction) -> impl Iterator<Item = Card> + '_ {
        let of = |kind, n| (0..n).map(move |index| Card { kind, index });
        of(CardType::Party, ex.parties.len())
            .chain(of(CardType::Claim, ex.claims.len()))
            .chain(of(CardType::Outcome, ex.outcomes.len()))
    }

    /// The item behind the card, or `None` if the index is stale.
    pub fn item(self, ex: &Extraction) -> Option<Item<'_>> {
        match self.kind {
            CardType::Party => ex.parties.get(self.index).map(Item::Party),
            CardType::Claim => ex.claims.get(self.index).map(Item::Claim),
            CardType::Outcome => ex.outcomes.get(self.index).map(Item::Outcome),
        }
    }

    /// The exported id of the item (`p1`, `c3`, `o2`).
    pub fn id(self, ex: &Extraction) -> String {
        match self.item(ex) {
            Some(Item::Party(p)) => p.id.clone(),
            Some(Item::Claim(c)) => c.id.clone(),
            Some(Item::Outcome(o)) => o.id.clone(),
            None => String::new(),
        }
    }
}

impl<'a> Item<'a> {
    /// Ids of the parties the card involves: the party itself; a claim's speaker and targets;
    /// an outcome's parties.
    pub fn involves(self) -> Vec<&'a str> {
        match self {
            Item::Party(p) => vec![p.id.as_str()],
            Item::Claim(c) => c.speaker_ids().chain(c.targets.iter().map(String::as_str)).collect(),
            Item::Outcome(o) => o.parties.iter().map(String::as_str).collect(),
        }
    }

    /// How sure the extractor is of the card.
    pub fn confidence(self) -> Confidence {
        match self {
            Item::Party(p) => p.confidence,
            Item::Claim(c) => c.confidence,
            Item::Outcome(o) => o.confidence,
        }
    }

    /// The party the card is "about" first, for sorting by party.
    pub fn lead_party(self) -> Option<&'a str> {
        match self {
            Item::Party(p) => Some(&p.id),
            Item::Claim(c) => c.speaker.as_deref().or(c.targets.first().map(String::as_str)),
            Item::Outcome(o) => o.parties.first().map(String::as_str),
        }
    }

    /// Where the card's evidence is: a party's first mention, a claim's cue and content, an
    /// outcome's evidence clause.
    pub fn evidence(self) -> Vec<Span> {
        match self {
            Item::Party(p) => p.mentions.iter().map(|m| m.span()).collect(),
            Item::Claim(c) => {
                let mut spans: Vec<Span> = c.source.iter().map(|s| s.span()).collect();
                spans.push(c.cue.span());
                spans.extend(c.content.pieces().iter().map(|s| s.span()));
                spans.sort();
                spans
            }
            Item::Outcome(o) => vec![o.evidence.span()],
        }
    }

    /// Position in the article, for sorting in article order.
    pub fn position(self) -> usize {
        match self {
            Item::Party(p) => p.mentions.first().map_or(usize::MAX, |m| m.start),
            Item::Claim(c) => c.source.as_ref().map_or(c.cue.start, |s| s.start.min(c.cue.start)),
            Item::Outcome(o) => o.evidence.start,
        }
    }

    /// Everything searchable on the card, lower-cased, for free-text search; `name` gives a
    /// party's name from its id.
    pub fn search_text(self, name: &dyn Fn(&str) -> &'a str) -> String {
        let mut out = String::new();
        match self {
            Item::Party(p) => {
                out.push_str(&p.name);
                for a in &p.aliases {
                    out.push(' ');
                    out.push_str(a);
                }
                out.push(' ');
                out.push_str(p.kind.label());
                if let Some(role) = &p.role {
                    out.push(' ');
                    out.push_str(role);
                }
            }
            Item::Claim(c) => {
                for id in c.speaker_ids().chain(c.targets.iter().map(String::as_str)) {
                    out.push_str(name(id));
                    out.push(' ');
                }
                if let Some(s) = &c.source {
                    out.push_str(&s.text);
                    out.push(' ');
                }
                out.push_str(&c.cue.text);
                out.push(' ');
                out.push_str(&c.words());
                out.push(' ');
                out.push_str(c.cue_class.label());
            }
            Item::Outcome(o) => {
                out.push_str(o.status.label());
                out.push(' ');
                out.push_str(&o.summary);
                out.push(' ');
                out.push_str(&o.evidence.text);
                for id in &o.parties {
                    out.push(' ');
                    out.push_str(name(id));
                }
            }
        }
        out.to_lowercase()
    }
}
