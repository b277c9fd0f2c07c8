//! The analyst's corrections to the cards, as plain data applied to the extraction.
//!
//! A correction names the items it changes by their exported ids (`p2`, `c3`, `o1`), so the
//! list is small, serialisable (kept with the article in session storage and in share links)
//! and replayable: the corrected extraction is always `apply(raw, corrections)`, never an
//! edited copy, which makes undo and redo a matter of shortening or lengthening the list.
//! Ids stay stable: a deleted or merged-away item leaves a gap rather than renumbering the
//! rest, and a split-off alias gets the next free party id, so a later correction still
//! finds what it names. A correction whose items no longer exist is skipped.
//!
//! No `yew` here: the reducer ([`super::state`]) and these functions are tested natively.

use super::cards::CardType;
use crate::extract::{Extraction, Party, PartyKind, Status};
use serde::{Deserialize, Serialize};

/// One change an analyst makes to the cards.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum Correction {
    /// Give a party another canonical name.
    Rename {
        /// The party's id.
        party: String,
        /// Its new name.
        name: String,
    },
    /// Fold one party into another: names, mentions and every reference move over.
    Merge {
        /// The party that disappears.
        party: String,
        /// The party that keeps it all.
        into: String,
    },
    /// Make one alias a party of its own, with the mentions written that way.
    SplitAlias {
        /// The party that has the alias.
        party: String,
        /// The alias, as listed in the party's aliases.
        alias: String,
    },
    /// Change what sort of actor a party is.
    SetKind {
        /// The party's id.
        party: String,
        /// Its new kind.
        kind: PartyKind,
    },
    /// Remove a card (a party also disappears from every claim and outcome).
    Delete {
        /// Which list.
        card: CardType,
        /// The item's id.
        id: String,
    },
    /// Say who made a claim, or that the text does not say.
    SetSpeaker {
        /// The claim's id.
        claim: String,
        /// The speaking party's id; `None` for unattributed.
        speaker: Option<String>,
    },
    /// Say whom a claim is about.
    SetTargets {
        /// The claim's id.
        claim: String,
        /// The parties' ids.
        targets: Vec<String>,
    },
    /// Change an outcome's status.
    SetStatus {
        /// The outcome's id.
        outcome: String,
        /// Its new status.
        status: Status,
    },
}

/// A correction as applied, with what it changed in words: the `corrections` of an edited
/// export.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Change {
    /// The correction.
    #[serde(flatten)]
    pub correction: Correction,
    /// What changed, for a person ("Renamed Ghana to Republic of Ghana").
    pub note: String,
    /// Ids of the items it changed or created (not serialised: the CSV marks their rows).
    #[serde(skip)]
    pub touched: Vec<String>,
}

impl Correction {
    /// A short verb phrase for the undo button ("rename", "merge").
    pub fn verb(&self) -> &'static str {
        match self {
            Correction::Rename { .. } => "rename",
            Correction::Merge { .. } => "merge",
            Correction::SplitAlias { .. } => "split alias",
            Correction::SetKind { .. } => "change kind",
            Correction::Delete { .. } => "delete",
            Correction::SetSpeaker { .. } => "change speaker",
            Correction::SetTargets { .. } => "change targets",
            Correction::SetStatus { .. } => "change status",
        }
    }
}

/// The extraction with `corrections` applied in order, and what each one changed (skipped
/// corrections, whose items are gone, are left out).
pub fn apply(raw: &Extraction, corrections: &[Correction]) -> (Extraction, Vec<Change>) {
    let mut ex = raw.clone();
    let mut changes = Vec::new();
    for c in corrections {
        if let Some((note, touched)) = apply_one(&mut ex, c) {
            changes.push(Change { correction: c.clone(), note, touched });
        }
    }
    (ex, changes)
}

fn name_of(ex: &Extraction, id: &str) -> String {
    ex.party(id).map_or_else(|| id.to_owned(), |p| p.name.clone())
}

fn party_mut<'a>(ex: &'a mut Extraction, id: &str) -> Option<&'a mut Party> {
    ex.parties.iter_mut().find(|p| p.id == id)
}

/// Applies one correction; `None` when what it names does not exist (or it changes nothing).
fn apply_one(ex: &mut Extraction, c: &Correction) -> Option<(String, Vec<String>)> {
    match c {
        Correction::Rename { party, name } => {
            let name = name.trim();
            let p = party_mut(ex, party).filter(|p| !name.is_empty() && p.name != name)?;
            let old = std::mem::replace(&mut p.name, name.to_owned());
            p.aliases.retain(|a| a != name);
            Some((format!("Renamed {old} to {name}"), vec![party.clone()]))
        }
        Correction::Merge { party, into } => merge(ex, party, into),
        Correction::SplitAlias { party, alias } => split_alias(ex, party, alias),
        Correction::SetKind { party, kind } => {
            let p = party_mut(ex, party).filter(|p| p.kind != *kind)?;
            let note = format!("Changed {} from {} to {}", p.name, p.kind.label(), kind.label());
            p.kind = *kind;
            Some((note, vec![party.clone()]))
        }
        Correction::Delete { card, id } => delete(ex, *card, id),
        Correction::SetSpeaker { claim, speaker } => {
            if speaker.as_deref().is_some_and(|s| ex.party(s).is_none()) {
                return None;
            }
            let who = speaker.as_deref().map_or_else(|| "unattributed".to_owned(), |s| name_of(ex, s));
            let c = ex.claims.iter_mut().find(|c| c.id == *claim)?;
            c.speaker = speaker.clone();
            c.speakers = speaker.iter().cloned().collect();
            Some((format!("Speaker of {claim} set to {who}"), vec![claim.clone()]))
        }
        Correction::SetTargets { claim, targets } => {
            let mut targets: Vec<String> =
                targets.iter().filter(|t| ex.party(t).is_some()).cloned().collect();
            targets.dedup();
            let names: Vec<String> = targets.iter().map(|t| name_of(ex, t)).collect();
            let c = ex.claims.iter_mut().find(|c| c.id == *claim)?;
            c.targets = targets;
            let names = if names.is_empty() { "nobody".to_owned() } else { names.join(", ") };
            Some((format!("Targets of {claim} set to {names}"), vec![claim.clone()]))
        }
        Correction::SetStatus { outcome, status } => {
            let o = ex.outcomes.iter_mut().find(|o| o.id == *outcome && o.status != *status)?;
            let note = format!("Status of {outcome} changed from {} to {}", o.status.label(), status.label());
            o.status = *status;
            Some((note, vec![outcome.clone()]))
        }
    }
}

/// Replaces party id `from` by `to` (or removes it, for `None`) in every reference.
fn repoint(ex: &mut Extraction, from: &str, to: Option<&str>) {
    let fix = |ids: &mut Vec<String>| {
        let mut seen = Vec::new();
        for id in ids.drain(..) {
            let id = if id == from { to.map(str::to_owned) } else { Some(id) };
            if let Some(id) = id.filter(|id| !seen.contains(id)) {
                seen.push(id);
            }
        }
        *ids = seen;
    };
    for c in &mut ex.claims {
        fix(&mut c.speakers);
        fix(&mut c.targets);
        if c.speaker.as_deref() == Some(from) {
            c.speaker = to.map(str::to_owned);
        }
        if c.speaker.is_none() {
            c.speaker = c.speakers.first().cloned();
        }
    }
    for o in &mut ex.outcomes {
        fix(&mut o.parties);
    }
    for p in &mut ex.parties {
        if p.affiliation.as_deref() == Some(from) {
            p.affiliation = to.filter(|t| *t != p.id).map(str::to_owned);
        }
    }
}

fn merge(ex: &mut Extraction, party: &str, into: &str) -> Option<(String, Vec<String>)> {
    if party == into || ex.party(into).is_none() {
        return None;
    }
    let at = ex.parties.iter().position(|p| p.id == party)?;
    let gone = ex.parties.remove(at);
    let target = party_mut(ex, into)?;
    for name in std::iter::once(&gone.name).chain(&gone.aliases) {
        if *name != target.name && !target.aliases.contains(name) {
            target.aliases.push(name.clone());
        }
    }
    target.mentions.extend(gone.mentions);
    target.mentions.sort_by_key(|m| (m.start, m.end));
    target.mentions.dedup_by_key(|m| (m.start, m.end));
    target.salience = (target.salience + gone.salience).min(1.0);
    if target.role.is_none() {
        target.role = gone.role;
    }
    let note = format!("Merged {} into {}", gone.name, target.name);
    repoint(ex, party, Some(into));
    Some((note, vec![into.to_owned()]))
}

/// The next party id after every id in use (`p7` when the highest is `p6`).
fn next_party_id(ex: &Extraction) -> String {
    let top = ex.parties.iter().filter_map(|p| p.id.strip_prefix('p')?.parse::<usize>().ok()).max();
    format!("p{}", top.unwrap_or(0) + 1)
}

fn split_alias(ex: &mut Extraction, party: &str, alias: &str) -> Option<(String, Vec<String>)> {
    let id = next_party_id(ex);
    let at = ex.parties.iter().position(|p| p.id == party && p.aliases.iter().any(|a| a == alias))?;
    let p = &mut ex.parties[at];
    p.aliases.retain(|a| a != alias);
    let (moved, kept) = std::mem::take(&mut p.mentions).into_iter().partition(|m| m.text == alias);
    p.mentions = kept;
    let new = Party {
        id: id.clone(),
        name: alias.to_owned(),
        kind: p.kind,
        aliases: Vec::new(),
        mentions: moved,
        role: None,
        affiliation: None,
        salience: p.salience / 2.0,
        // The analyst's split: the name evidence and level of the party it came from.
        evidence: p.evidence.clone(),
        confidence: p.confidence,
    };
    let note = format!("Split {alias} off {}", p.name);
    // A claim whose source is one of the moved mentions now speaks for the new party.
    for c in &mut ex.claims {
        let said_by_alias = c.source.as_ref().is_some_and(|s| {
            new.mentions.iter().any(|m| m.start >= s.start && m.end <= s.end)
                && !ex.parties[at].mentions.iter().any(|m| m.start >= s.start && m.end <= s.end)
        });
        if said_by_alias && c.speakers.iter().any(|s| s == party) {
            c.speakers.iter_mut().filter(|s| *s == party).for_each(|s| s.clone_from(&id));
            c.speaker = c.speakers.first().cloned();
        }
    }
    ex.parties.insert(at + 1, new);
    Some((note, vec![party.to_owned(), id]))
}

fn delete(ex: &mut Extraction, card: CardType, id: &str) -> Option<(String, Vec<String>)> {
    let note = match card {
        CardType::Party => {
            let at = ex.parties.iter().position(|p| p.id == id)?;
            let gone = ex.parties.remove(at);
            repoint(ex, id, None);
            format!("Deleted party {}", gone.name)
        }
        CardType::Claim => {
            let at = ex.claims.iter().position(|c| c.id == id)?;
            ex.claims.remove(at);
            for o in ex.outcomes.iter_mut().filter(|o| o.claim.as_deref() == Some(id)) {
                o.claim = None;
            }
            format!("Deleted claim {id}")
        }
        CardType::Outcome => {
            let at = ex.outcomes.iter().position(|o| o.id == id)?;
            ex.outcomes.remove(at);
            format!("Deleted outcome {id}")
        }
    };
    Some((note, vec![id.to_owned()]))
}

/// The exported JSON of a corrected extraction: exactly [`crate::extract::to_json`] (the
/// CLI's bytes) when nothing was changed; otherwise the same fields followed by
/// `"edited": true` and the list of `corrections`, each with its note.
pub fn to_json(ex: &Extraction, changes: &[Change]) -> String {
    if changes.is_empty() {
        return crate::extract::to_json(ex);
    }
    #[derive(Serialize)]
    struct Edited<'a> {
        #[serde(flatten)]
        extraction: &'a Extraction,
        edited: bool,
        corrections: &'a [Change],
    }
    let edited = Edited { extraction: ex, edited: true, corrections: changes };
    serde_json::to_string_pretty(&edited).unwrap_or_else(|_| "{}".to_owned())
}
