//! Stage 4, the outcomes: what was agreed, what failed, what is pending (GUIDE §4).
//!
//! Approach, per sentence (a sentence with no trigger word or negator is skipped at once, and
//! so is a question: an outcome asked about is not stated, O13):
//! 1. `clauses` cuts it into clauses that each carry one outcome with its own status (O20),
//!    keeping identifying attachments, asides and conditions with their clause (O11, O16,
//!    O17); a headline is one clause, the whole heading (O22);
//! 2. `status` finds each clause's trigger (deals, votes, rulings, orders, laws, settlements,
//!    decisions, refusals, plans, deadlines, conditions, scheduled meetings, lawsuits, awaited
//!    approvals; word lists in `data/outcome_*.txt`) and decides its status by an ordered list
//!    of rules, negation first, then modality (O6–O12);
//! 3. `evidence` sets its boundaries (O16–O19), cut to the claim content when the outcome
//!    is stated inside a claim, which then marks it `asserted: false` with the claim's id
//!    (O13, through `links`);
//! 4. the parties are a group subject's referents, else the speaker of the claim holding it,
//!    then the parties named in the evidence (O15); `figures` reads the numbers (O14).
//!
//! Cost: one lexicon lookup per word token, then passes per sentence bounded by its length,
//! and a binary search for the claim holding each trigger: linear in the text.
//!
//! Known failure cases: outcomes stated over two sentences ("Talks resumed. They ended in a
//! deal.") are split or missed; noun-phrase outcomes (O18) are found only with a trigger ("the
//! accord signed last week", "the proposed merger", "no decision", "a breakdown"), and their
//! evidence is the whole clause, not the noun phrase; irony and hedges ("a so-called deal")
//! are read literally; one party's own moves ("will visit", "refused to apologise") are
//! reported like outcomes between parties (O24 would leave most of them out); the implied
//! counterpart of a refusal or deadline is not added to the parties unless it is named.

mod clauses;
mod evidence;
mod figures;
mod lexicon;
mod links;
mod status;

use self::links::{ClaimPieces, Groups, Holder};
use self::status::Reading;
use crate::extract::annotate::{class, Annotated};
use crate::extract::groups::LazyFocus;
use crate::extract::parties::Parties;
use crate::extract::records::{ClaimRecord, OutcomeRecord, PartyId, StatusWhy};
use crate::extract::records::{PartyKind, Status};
use crate::extract::segment::Document;
use crate::extract::span::Span;
use std::ops::Range;

pub use self::status::RULES;

/// Finds the outcomes of an annotated article whose parties and claims are known.
pub fn find_outcomes(
    w: &Annotated,
    parties: &Parties,
    focus: &LazyFocus,
    claims: &[ClaimRecord],
) -> Vec<OutcomeRecord> {
    let doc = w.doc();
    let marks = lexicon::Marks::new(w, lexicon::lexicon());
    let pieces = ClaimPieces::new(claims);
    let mut groups = Groups::new(w, parties, focus);
    let mut out = Vec::new();
    for (si, s) in doc.sentences.iter().enumerate() {
        let range = s.tokens.start..s.tokens.end.min(w.len());
        // An outcome inside a question is not stated (O13, O24): "Why was the deal signed?"
        if !marks.any_in(range.clone()) || (range.start..range.end).rev().take(3).any(|k| w.text(k) == "?") {
            continue;
        }
        // The group subject of the sentence's last outcome, for a clause with no subject of
        // its own: "Both sides agreed to talk and were open to a second round."
        let mut shared: Vec<usize> = Vec::new();
        // The status of the sentence's last outcome, for "... but not on tolls".
        let mut before: Option<Status> = None;
        // A headline or section heading is one outcome with the whole heading as evidence (O22):
        // "Norland, Castavia agree to reopen border crossing".
        let pieces_of =
            if is_heading(doc, si) { vec![range.clone()] } else { clauses::clauses(w, &marks, range) };
        for clause in pieces_of {
            // "..., who discussed the plans": a description of a person, not an outcome (O17).
            if matches!(w.lower(clause.start), "who" | "whom" | "whose") {
                continue;
            }
            let read = status::status_of(w, &marks, clause.clone())
                .or_else(|| status::negated_ellipsis(w, &marks, clause.clone(), before));
            let Some(decision) = read else { continue };
            let decision = reported(w, &marks, &pieces, &clause, decision);
            let (status, reading) = (decision.status, decision.reading);
            before = Some(status);
            let holder = pieces.holding(w.span(reading.at));
            let Some(evidence) =
                evidence::evidence_of(doc.text, w, &marks, clause.clone(), holder.map(|h| h.0))
            else {
                continue;
            };
            let first = evidence::first_token(w, evidence, clause.start);
            let group = group_of(w, &mut groups, first, &reading, holder.is_some(), &shared);
            shared = group.clone();
            let why = StatusWhy {
                trigger: w.range(reading.at, reading.at + reading.len.max(1)),
                signal: decision.signal.map(|k| w.span(k)),
                rule: decision.rule,
            };
            let found =
                Found { status, evidence, first, claim: holder.map(|h| h.1), group, sentence: si, why };
            out.push(build(w, parties, found));
        }
    }
    out
}

/// "The ministry confirmed the talks had failed": a trigger that is a claim's cue is read in
/// what the claim reports, when that states an outcome of its own (O13); otherwise, as in
/// "confirmed the deal", the trigger's own `decision` stands.
fn reported(
    w: &Annotated,
    marks: &lexicon::Marks,
    pieces: &ClaimPieces,
    clause: &Range<usize>,
    decision: status::Decision,
) -> status::Decision {
    let Some(content) = pieces.content_after_cue(w.span(decision.reading.at)) else { return decision };
    let mut inside = clause.clone().filter(|&k| content.contains(w.span(k)));
    let Some(a) = inside.next() else { return decision };
    let b = inside.next_back().unwrap_or(a);
    status::status_of(w, marks, a..b + 1).unwrap_or(decision)
}

/// Whether sentence `si` is a heading: a line with no final stop, or the article's first line
/// on its own (the headline, GUIDE §1), even when it ends with a full stop.
fn is_heading(doc: &Document<'_>, si: usize) -> bool {
    let Some(s) = doc.sentences.get(si) else { return false };
    s.headline || (si == 0 && doc.sentences.get(1).is_some_and(|n| n.paragraph != s.paragraph))
}

/// The parties a clause's group subject stands for: its own group phrase, the group of the
/// clause before when it has no subject ("... and were open to talks"), or names joined as the
/// subject inside a claim.
fn group_of(
    w: &Annotated,
    groups: &mut Groups,
    first: usize,
    reading: &Reading,
    in_claim: bool,
    shared: &[usize],
) -> Vec<usize> {
    let at = reading.at.max(first);
    let mut group = groups.subject(first, at);
    if group.is_empty() && (w.is(first, class::AUX) || w.is_verb_like(first)) {
        group = shared.to_vec();
    }
    if group.is_empty() && in_claim {
        group = groups.coordinated(first, at);
    }
    group
}

/// One outcome as found, before it is built.
struct Found<'c> {
    status: Status,
    evidence: Span,
    /// The first token of the evidence.
    first: usize,
    /// The claim holding it, if any.
    claim: Option<Holder<'c>>,
    /// The parties a group subject stands for ("both sides", "the two countries"), if any.
    group: Vec<usize>,
    sentence: usize,
    why: StatusWhy,
}

/// The parties involved are a group subject's referents, else the speaker of the claim
/// holding the outcome, then the parties named in the evidence: "She said both sides had
/// agreed" involves the two sides, not her.
fn build(w: &Annotated, parties: &Parties, found: Found<'_>) -> OutcomeRecord {
    let Found { status, evidence, first, claim, group, sentence, why } = found;
    let mut involved: Vec<usize> = group;
    if let Some(sp) = claim.and_then(|h| h.speaker()).filter(|_| involved.is_empty()) {
        involved.push(sp);
    }
    for m in parties.within(evidence) {
        let place = parties.list.get(m.party).is_some_and(|p| p.kind == PartyKind::Place);
        if !place && !involved.contains(&m.party) {
            involved.push(m.party);
        }
    }
    OutcomeRecord {
        status,
        evidence,
        parties: involved.into_iter().map(PartyId::of).collect(),
        figures: figures::figures(w, evidence, first),
        claim: claim.map(|h| h.id),
        sentence,
        why,
    }
}
