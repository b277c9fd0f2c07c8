//! Confidence levels: how sure the extractor is of each party, claim and outcome.
//!
//! Entry point: [`rate`], run last on the exported [`Extraction`]. The levels come from a few
//! features that make an item likely right, never from the words of one article:
//!
//! * a **party** is `high` when a source of its own names it (a gazetteer entry, a title, the
//!   trained tagger, a head word, a given name or a dateline:
//!   [`is_strong`](crate::extract::NameEvidence::is_strong)) and the article comes back to it
//!   (two mentions or more) or lets it speak, unless it is a collective ("voters", "rebels"),
//!   whose boundaries the guide draws case by case; `low` when nothing but its shape, its
//!   context or a collective noun makes it an actor and it never speaks, or it is a silent
//!   collective; `medium` otherwise;
//! * a **claim** is `high` when its speaker is named in the source or by a description that
//!   names its party ("Chilean officials"), `medium` when the speaker is reached through a
//!   pronoun, a role noun or a group phrase, `low` without a speaker;
//! * an **outcome** is `high` when a negation, modal or condition word set its status (the
//!   trigger's sense is then pinned down: "will sign", "did not sign", "unless they sign"),
//!   `medium` when the trigger's own status stands and two parties or more are involved, `low`
//!   otherwise (one party's own move or no party: often no outcome between parties, O24).
//!
//! `scripts/confidence` measures the precision of every level on the gold articles; the
//! README gives the figures. Known failure cases: a frequent but wrong party (a title-case
//! headline read as a person, then repeated) is `high`; a correct quotation with no source in
//! its sentence is `low`.

use super::model::{Claim, Extraction, Outcome, Party, PartyKind, SpeakerBasis};
use super::records::Confidence;
use std::collections::HashSet;

/// Sets the confidence of every party, claim and outcome of `ex`.
pub fn rate(mut ex: Extraction) -> Extraction {
    // One pass over the claims, then a lookup per party: linear in the article (a scan of the
    // claims per party is quadratic on a long text of distinct speakers; tests/linear_cost.rs).
    let speakers: HashSet<&str> = ex.claims.iter().flat_map(Claim::speaker_ids).collect();
    let speaks: Vec<bool> = ex.parties.iter().map(|p| speakers.contains(p.id.as_str())).collect();
    drop(speakers);
    for (p, speaks) in ex.parties.iter_mut().zip(speaks) {
        p.confidence = party_level(p, speaks);
    }
    for c in &mut ex.claims {
        c.confidence = claim_level(c);
    }
    for o in &mut ex.outcomes {
        o.confidence = outcome_level(o);
    }
    ex
}

/// The level of party `p`; `speaks` when some claim has it as a speaker.
pub fn party_level(p: &Party, speaks: bool) -> Confidence {
    let strong = p.evidence.iter().any(|e| e.is_strong());
    let collective = p.kind == PartyKind::Group;
    if strong && !collective && (speaks || p.mentions.len() >= 2) {
        Confidence::High
    } else if !speaks && (collective || !strong) {
        Confidence::Low
    } else {
        Confidence::Medium
    }
}

/// The level of claim `c`, by how its speaker was found.
pub fn claim_level(c: &Claim) -> Confidence {
    match c.basis {
        SpeakerBasis::Name | SpeakerBasis::Description => Confidence::High,
        SpeakerBasis::Reference | SpeakerBasis::Group => Confidence::Medium,
        SpeakerBasis::None => Confidence::Low,
    }
}

/// The level of outcome `o`, by what set its status and how many parties it involves.
pub fn outcome_level(o: &Outcome) -> Confidence {
    if o.signal.is_some() {
        Confidence::High
    } else if o.parties.len() >= 2 {
        Confidence::Medium
    } else {
        Confidence::Low
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::model::NameEvidence as E;

    /// One party row: its kind, evidence, mention count, whether it speaks, the level.
    struct PartyRow {
        name: &'static str,
        kind: PartyKind,
        evidence: &'static [E],
        mentions: usize,
        speaks: bool,
        want: Confidence,
    }

    const PARTIES: &[PartyRow] = &[
        PartyRow {
            name: "gazetteer_country_twice",
            kind: PartyKind::Country,
            evidence: &[E::Gazetteer],
            mentions: 2,
            speaks: false,
            want: Confidence::High,
        },
        PartyRow {
            name: "titled_person_speaks_once",
            kind: PartyKind::Person,
            evidence: &[E::Title],
            mentions: 1,
            speaks: true,
            want: Confidence::High,
        },
        PartyRow {
            name: "head_word_org_once",
            kind: PartyKind::Organization,
            evidence: &[E::HeadWord],
            mentions: 1,
            speaks: false,
            want: Confidence::Medium,
        },
        PartyRow {
            name: "shape_person_speaks",
            kind: PartyKind::Person,
            evidence: &[E::Shape],
            mentions: 1,
            speaks: true,
            want: Confidence::Medium,
        },
        PartyRow {
            name: "shape_person_silent",
            kind: PartyKind::Person,
            evidence: &[E::Shape, E::Context],
            mentions: 4,
            speaks: false,
            want: Confidence::Low,
        },
        PartyRow {
            name: "p16_silent_collective",
            kind: PartyKind::Group,
            evidence: &[E::Collective],
            mentions: 5,
            speaks: false,
            want: Confidence::Low,
        },
        PartyRow {
            name: "collective_that_speaks",
            kind: PartyKind::Group,
            evidence: &[E::Collective],
            mentions: 1,
            speaks: true,
            want: Confidence::Medium,
        },
        PartyRow {
            name: "no_evidence",
            kind: PartyKind::Organization,
            evidence: &[],
            mentions: 1,
            speaks: false,
            want: Confidence::Low,
        },
    ];

    fn party(row: &PartyRow) -> Party {
        let span = crate::extract::TextSpan { start: 0, end: 1, text: "X".into() };
        Party {
            id: "p1".into(),
            name: row.name.into(),
            kind: row.kind,
            aliases: vec![],
            mentions: vec![span; row.mentions],
            role: None,
            affiliation: None,
            salience: 1.0,
            evidence: row.evidence.to_vec(),
            confidence: Confidence::Medium,
        }
    }

    #[test]
    fn party_levels() {
        for row in PARTIES {
            assert_eq!(party_level(&party(row), row.speaks), row.want, "{}", row.name);
        }
    }

    #[test]
    fn claim_levels_follow_the_speaker_basis() {
        let text = "Ana Lund said the talks failed.";
        let mut ex = crate::extract::analyze(text);
        let c = ex.claims.pop().expect("a claim");
        let rows = [
            (SpeakerBasis::Name, Confidence::High),
            (SpeakerBasis::Description, Confidence::High),
            (SpeakerBasis::Reference, Confidence::Medium),
            (SpeakerBasis::Group, Confidence::Medium),
            (SpeakerBasis::None, Confidence::Low),
        ];
        for (basis, want) in rows {
            assert_eq!(claim_level(&Claim { basis, ..c.clone() }), want, "{basis:?}");
        }
    }

    #[test]
    fn rate_marks_the_article_items() {
        // O12: a negated modal sets the status; the speaker is named (C1).
        let text =
            "Norland and Castavia will not sign the water accord, Foreign Minister Ana Lund said on Monday.";
        let ex = rate(crate::extract::analyze(text));
        let o = ex.outcomes.first().expect("an outcome");
        assert!(o.signal.is_some(), "{o:?}");
        assert_eq!(o.confidence, Confidence::High);
        let c = ex.claims.first().expect("a claim");
        assert_eq!((c.basis, c.confidence), (SpeakerBasis::Name, Confidence::High));
        let lund = ex.parties.iter().find(|p| p.name == "Ana Lund").expect("Ana Lund");
        assert!(lund.evidence.contains(&E::Title), "{:?}", lund.evidence);
        assert_eq!(lund.confidence, Confidence::High);
    }
}
