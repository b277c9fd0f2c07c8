//! Stage 2, the parties: every actor, its kind, canonical name, aliases and mentions.
//!
//! FIRST DRAFT (interface only; the full stage replaces the body of [`find_parties`]).

use super::model::{Claim, Party, PartyKind};
use super::segment::Document;
use super::span::{Span, TextSpan};
use std::ops::Range;

/// One actor as the later stages see it (the exported [`Party`] is built from it).
#[derive(Clone, Debug, PartialEq)]
pub struct PartyRecord {
    /// Canonical name.
    pub name: String,
    /// What sort of actor.
    pub kind: PartyKind,
    /// Other names used for it in this article.
    pub aliases: Vec<String>,
    /// Role or title, if given.
    pub role: Option<String>,
    /// Index of the party it belongs to or speaks for.
    pub affiliation: Option<usize>,
}

/// One mention of a party.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// Where it is in the text.
    pub span: Span,
    /// Its tokens, as a range into [`Document::tokens`].
    pub tokens: Range<usize>,
    /// Index into [`Parties::list`].
    pub party: usize,
}

/// The result of the parties stage.
#[derive(Clone, Debug, Default)]
pub struct Parties {
    /// The actors, in order of first mention.
    pub list: Vec<PartyRecord>,
    /// Every mention, sorted by position, never overlapping.
    pub mentions: Vec<Mention>,
}

impl Parties {
    /// The mention covering token `i`, if any.
    pub fn at_token(&self, i: usize) -> Option<&Mention> {
        let k = self.mentions.partition_point(|m| m.tokens.end <= i);
        self.mentions.get(k).filter(|m| m.tokens.start <= i)
    }

    /// The mentions lying wholly inside `span`, in order.
    pub fn within(&self, span: Span) -> &[Mention] {
        let a = self.mentions.partition_point(|m| m.span.start < span.start);
        let b = self.mentions.partition_point(|m| m.span.start < span.end);
        let b = b.max(a);
        let mut end = b;
        while end > a && self.mentions[end - 1].span.end > span.end {
            end -= 1;
        }
        &self.mentions[a..end]
    }

    /// The exported id of party `index` (`p1` for the first).
    pub fn id(index: usize) -> String {
        format!("p{}", index + 1)
    }

    /// The exported parties, with salience from mentions and the claims they make or are
    /// the subject of.
    pub fn export(&self, text: &str, claims: &[Claim]) -> Vec<Party> {
        let mut counts = vec![0usize; self.list.len()];
        for m in &self.mentions {
            if let Some(c) = counts.get_mut(m.party) {
                *c += 1;
            }
        }
        for c in claims {
            for id in c.speaker.iter().chain(&c.targets) {
                if let Some(n) = id.strip_prefix('p').and_then(|n| n.parse::<usize>().ok()) {
                    if let Some(c) = counts.get_mut(n.wrapping_sub(1)) {
                        *c += 2;
                    }
                }
            }
        }
        let top = counts.iter().copied().max().unwrap_or(1).max(1) as f32;
        self.list
            .iter()
            .enumerate()
            .map(|(i, p)| Party {
                id: Parties::id(i),
                name: p.name.clone(),
                kind: p.kind,
                aliases: p.aliases.clone(),
                mentions: self
                    .mentions
                    .iter()
                    .filter(|m| m.party == i)
                    .map(|m| TextSpan::of(text, m.span))
                    .collect(),
                role: p.role.clone(),
                affiliation: p.affiliation.map(Parties::id),
                salience: counts[i] as f32 / top,
            })
            .collect()
    }
}

/// Finds the parties of a segmented article.
pub fn find_parties(doc: &Document<'_>) -> Parties {
    let _ = doc;
    Parties::default()
}
