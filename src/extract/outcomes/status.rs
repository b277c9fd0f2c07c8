//! The status of one clause: find its trigger, read the signals around it, then apply an
//! ordered list of rules (GUIDE §4, "negation first, then modality").
//!
//! Algorithm:
//! 1. [`scan`] walks the clause once and stops at the first decisive trigger: an agreement,
//!    failure or pending phrase from the lists (weak ones only with a topic noun in the clause
//!    and used as a verb; a refusal verb only at the clause end or before a topic object), a
//!    vote with its count ("a 2-to-1 vote"), "no"/"without" heading an outcome noun ("no
//!    decision was made", "no date"), an outcome noun ("a breakdown", "a deadline", O18), or a
//!    plan adjective before a topic noun ("the proposed merger"). On the way it notes the last
//!    modal or plan (negated? a possibility?) and any condition word. An infinitive trigger
//!    that no listed modal or plan governs ("vowed to repeal", "efforts to enact the treaty
//!    fell apart") is only a pending fallback: a finite trigger later in the clause wins. With
//!    no decisive trigger, a modal or plan governing an action ("will meet", "plans to bid for
//!    the chain", "would close the crossing unless ...") is the trigger.
//! 2. [`RULES`] then decide, first match wins (see the table for the order).
//!
//! [`negated_ellipsis`] gives "but not on tolls" the failed status of the outcome before it.
//!
//! Known failure cases: negation is looked for in the three words before the trigger only
//! ("neither the envoy nor the minister signed" is read as agreed); a trigger used as a noun
//! after an adjective ("a quick approval") may be taken for a verb; the first trigger wins, so
//! "agreed, but the vote failed" in one clause gives agreed; a hedge outside the clause ("It is
//! unclear whether ...") does not reach it.

use super::lexicon::{Marks, Trigger, ACTION, CORE, MEETING, NEGATOR, READINESS, STEP, TOPIC};
use crate::extract::annotate::{class, Annotated};
use crate::extract::records::Status;
use std::ops::Range;

/// What a clause says around its trigger.
#[derive(Clone, Copy, Debug, Default)]
pub struct Reading {
    /// The trigger's own status.
    base: Option<Status>,
    /// The trigger's first token.
    pub at: usize,
    /// The trigger's length in tokens (at least one).
    pub len: usize,
    /// A negator in the three words before the trigger (O6, O7).
    negated: bool,
    /// Where that negator is, or the "no"/"without" heading an outcome noun.
    negator: Option<usize>,
    /// The modal or plan governing the trigger, if any (O11, O12).
    governed: Option<Modal>,
    /// A condition word ("if", "unless", "until", "in case") before the trigger (O11).
    conditional: bool,
    /// Where the last condition word is.
    condition: Option<usize>,
    /// "Agreed to" a negotiating step (O10). A future time phrase alone changes nothing: "agreed
    /// to reopen the crossing from April 1" is agreed, carried out later or not.
    step: bool,
}

/// A modal or plan over a trigger: whether it is negated, and whether it states a possibility
/// ("may", "might", "could") rather than a will or a plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Modal {
    negated: bool,
    possible: bool,
    /// The modal's or plan's first token.
    at: usize,
    /// The negator over it ("will not", "does not plan"), if any.
    negator: Option<usize>,
}

/// One rule: its guide reference, the status it gives, if it applies, and the token of the
/// word that made it apply (a negator, modal or condition word), shown on the card.
type Rule = (&'static str, fn(&Reading) -> Option<Status>, fn(&Reading) -> Option<usize>);

/// The status rules in the order the guide applies them; the first that answers wins.
pub const RULES: &[Rule] = &[
    (
        "O11 a condition before the trigger is pending",
        |r| r.conditional.then_some(Status::Pending),
        |r| r.condition,
    ),
    (
        "O12 negated willingness is failed",
        |r| r.governed.is_some_and(|m| m.negated && !m.possible).then_some(Status::Failed),
        |r| r.governed.and_then(|m| m.negator.or(Some(m.at))),
    ),
    (
        "O12 a refusal announced is failed",
        |r| {
            r.governed
                .is_some_and(|m| !m.possible && r.base == Some(Status::Failed))
                .then_some(Status::Failed)
        },
        |r| r.governed.map(|m| m.at),
    ),
    (
        "O6/O7 a negated achievement is failed",
        |r| (r.negated && r.base != Some(Status::Failed)).then_some(Status::Failed),
        |r| r.negator,
    ),
    (
        "O11 a modal or plan over the trigger is pending",
        |r| r.governed.is_some().then_some(Status::Pending),
        |r| r.governed.map(|m| m.at),
    ),
    (
        "O10 agreed to a further step is pending",
        |r| (r.step && r.base == Some(Status::Agreed)).then_some(Status::Pending),
        |_| None,
    ),
    ("O3-O5 the trigger's own status", |r| r.base, |r| r.negator),
];

/// The rule [`negated_ellipsis`] applies.
pub const ELLIPSIS_RULE: &str = "O20/O6 a negated ellipsis fails the outcome before it";

/// What a clause's reading says about its status: the status, the trigger's first token
/// and length, the token of the word that set the status (if not the trigger) and the rule.
#[derive(Clone, Copy, Debug)]
pub struct Decision {
    /// The status.
    pub status: Status,
    /// The reading it came from.
    pub reading: Reading,
    /// The negator, modal or condition word that set it, if any.
    pub signal: Option<usize>,
    /// The rule that decided.
    pub rule: &'static str,
}

/// The status a clause states, and its reading (for the trigger's position).
pub fn status_of(w: &Annotated, marks: &Marks, c: Range<usize>) -> Option<Decision> {
    let reading = scan(w, marks, c)?;
    RULES.iter().find_map(|&(rule, decide, signal)| {
        decide(&reading).map(|status| Decision { status, reading, signal: signal(&reading), rule })
    })
}

/// "... agreed on quotas but not on tolls": a clause that only negates the outcome of the
/// clause before it, with no trigger of its own, is that outcome failed (O20, O6).
pub fn negated_ellipsis(
    w: &Annotated,
    marks: &Marks,
    c: Range<usize>,
    before: Option<Status>,
) -> Option<Decision> {
    // The cut at "but" leaves the clause starting at the negator.
    if c.start == 0 || w.lower(c.start - 1) != "but" {
        return None;
    }
    let k = c.start;
    let negated = matches!(w.lower(k), "not" | "no" | "never");
    let own = (k + 1..c.end).any(|i| marks.at(i, c.end).is_some());
    let reading = Reading { base: Some(Status::Failed), at: k, len: 1, ..Reading::default() };
    (negated && !own && before.is_some_and(|b| b != Status::Failed)).then_some(Decision {
        status: Status::Failed,
        reading,
        signal: Some(k),
        rule: ELLIPSIS_RULE,
    })
}

/// The clause's facts that every trigger test needs.
struct Clause<'a> {
    w: &'a Annotated<'a>,
    marks: &'a Marks,
    c: Range<usize>,
    has_topic: bool,
    /// A condition word anywhere in the clause: a modal action under it is a conditional
    /// decision (O11).
    has_condition: bool,
}

impl<'a> Clause<'a> {
    /// The clause's facts, in one pass over its tokens.
    fn new(w: &'a Annotated<'a>, marks: &'a Marks, c: Range<usize>) -> Clause<'a> {
        let (mut has_topic, mut has_condition) = (false, false);
        for i in c.clone() {
            match marks.at(i, c.end) {
                Some((_, Trigger::Condition)) => has_condition = true,
                // A trigger's own word is not its topic ("exchanged" needs "prisoners").
                Some(_) => {}
                None => has_topic |= marks.is(i, TOPIC),
            }
        }
        Clause { w, marks, c, has_topic, has_condition }
    }

    /// The last negator in the three words before `i`, inside the clause.
    fn negator_before(&self, i: usize) -> Option<usize> {
        (i.saturating_sub(3).max(self.c.start)..i).rev().find(|&k| self.marks.is(k, NEGATOR))
    }

    /// Whether "agreed" at `i` ends its clause after a single subject: a concurring opinion
    /// ("His ex-wife agreed, but ..."), not an agreement between sides.
    fn bare_agreement(&self, i: usize, len: usize) -> bool {
        let w = self.w;
        let group = (self.c.start..i)
            .any(|k| matches!(w.lower(k), "and" | "both" | "two" | "all") || w.is(k, class::PLURAL));
        w.lower(i).starts_with("agree") && self.ends_clause(i + len) && !group
    }

    /// Whether an outcome noun is the object right after `from`: "announced a merger agreement".
    fn core_after(&self, from: usize) -> bool {
        (from..self.c.end.min(from + 5)).any(|k| self.marks.is(k, CORE))
    }

    /// Whether a topic noun is the object right after `from`: "declined the invitation".
    fn topic_after(&self, from: usize) -> bool {
        (from..self.c.end.min(from + 4)).any(|k| self.marks.is(k, TOPIC))
    }

    /// Whether no word or number follows token `from - 1` in the clause.
    fn ends_clause(&self, from: usize) -> bool {
        (from..self.c.end).all(|k| !self.w.is_word(k) && !self.w.is_number(k))
    }

    /// The status of a decisive trigger `t` at `i`, if it counts here.
    fn decisive(&self, i: usize, len: usize, t: Trigger) -> Option<Status> {
        // A phrase of several words ("provides for", "turned down") is a verb by itself.
        let verb = |weak: bool| len > 1 || verb_use(self.w, i, self.c.start, weak);
        if self.score_vote(i) {
            return Some(Status::Agreed);
        }
        let topic_ok = |need: bool| !need || self.has_topic;
        match t {
            Trigger::Agreed(need) if topic_ok(need) && verb(need) => Some(Status::Agreed),
            Trigger::Failed(need) if topic_ok(need) && verb(need) => Some(Status::Failed),
            Trigger::Pending(need) if topic_ok(need) && verb(need) => Some(Status::Pending),
            Trigger::Delay if self.has_topic && verb(true) => Some(Status::Pending),
            Trigger::Noun(status) => Some(status),
            Trigger::WithCore(status) if verb(false) && self.core_after(i + len) => Some(status),
            Trigger::Refusal if self.ends_clause(i + 1) || self.topic_after(i + 1) => Some(Status::Failed),
            Trigger::Proposed if self.marks.is(i + 1, TOPIC) || self.marks.is(i + 2, TOPIC) => {
                Some(Status::Pending)
            }
            _ => None,
        }
    }

    /// A vote with its count: "by a 2-to-1 vote", "a 61-38 vote" (O3, a vote taken), not
    /// "60 votes".
    fn score_vote(&self, i: usize) -> bool {
        let w = self.w;
        let count = w.lower(i.saturating_sub(1));
        matches!(w.lower(i), "vote" | "votes")
            && i > self.c.start
            && count.bytes().any(|b| b.is_ascii_digit())
            && count.contains('-')
    }

    /// The reading of a decisive trigger at `i` with status `base`.
    fn read_at(
        &self,
        r: &Reading,
        base: Status,
        i: usize,
        len: usize,
        modal: Option<(usize, Modal)>,
    ) -> Reading {
        let w = self.w;
        let negator = self.negator_before(i);
        Reading {
            base: Some(base),
            at: i,
            len,
            negated: negator.is_some(),
            negator,
            governed: modal.filter(|&(m, _)| governs(w, m, i)).map(|(_, m)| m),
            step: w.lower(i).starts_with("agree") && agreed_to_step(w, self.marks, i + len),
            ..*r
        }
    }

    /// Whether the trigger at `i` is an infinitive: right after "to" ("vowed to repeal"), or a
    /// bare base form opening a list item ("prepared to cut taxes, repeal the toll, ...").
    fn infinitive(&self, i: usize) -> bool {
        let w = self.w;
        let word = w.lower(i);
        let base = self.marks.is(i, ACTION) && !w.is_cap(i) && !word.ends_with("ed") && !word.ends_with('s');
        (i > self.c.start && w.lower(i - 1) == "to")
            || (i == self.c.start && base && w.is_punct(i.wrapping_sub(1), ","))
    }

    /// The modal or plan `t` at `i`: how it qualifies what it governs, and whether it makes
    /// an outcome of the action after it by itself.
    fn modal_at(&self, t: Trigger, i: usize, len: usize) -> (Modal, bool) {
        let w = self.w;
        let (k, negator) = self.governed_action(i + len - 1);
        let possible = t == Trigger::Modal && matches!(w.lower(i), "may" | "might" | "could");
        let negator = negator.or_else(|| self.negator_before(i));
        let here = Modal { negated: negator.is_some(), possible, at: i, negator };
        (here, k < self.c.end && self.plans_action(t, i, k))
    }

    /// "no deal", "with no real progress", "without an accord": the outcome noun must head
    /// the phrase ("no real progress", not "no details of the talks"). Gives its position.
    fn no_outcome_noun(&self, i: usize) -> Option<usize> {
        let (w, end) = (self.w, self.c.end);
        if !(self.marks.is(i, NEGATOR) && matches!(w.lower(i), "no" | "without")) {
            return None;
        }
        let mut k = i + 1;
        while k < end
            && k < i + 4
            && !self.marks.is(k, CORE)
            && w.is_word(k)
            && !w.is_cap(k)
            && !w.is(k, class::NP_LINK)
        {
            k += 1;
        }
        (k < end && self.marks.is(k, CORE)).then_some(k)
    }

    /// The action a modal or plan ending at `m` leads to, and whether it was negated on the
    /// way: "will not meet", "plans to visit", "would on Monday inform".
    fn governed_action(&self, m: usize) -> (usize, Option<usize>) {
        let w = self.w;
        let mut k = m + 1;
        let mut negated = None;
        while k < self.c.end && k < m + 6 {
            let skip = w.is(k, class::ADVERB)
                || matches!(w.lower(k), "to" | "be" | "also" | "then" | "not" | "n't" | "never")
                || (w.lower(k) == "on" && w.is_cap(k + 1))
                || (w.lower(k - 1) == "on" && w.is_cap(k));
            if !skip {
                break;
            }
            if self.marks.is(k, NEGATOR) {
                negated = negated.or(Some(k));
            }
            k += 1;
        }
        (k, negated)
    }

    /// Whether the plan or modal `t` starting at `m` makes an outcome of the action `k` it
    /// governs: a meeting verb, an action with a topic noun in the clause, or a plan with a
    /// topic ("open to a second round", "plans to rival X in bidding for Y").
    fn plans_action(&self, t: Trigger, m: usize, k: usize) -> bool {
        let (w, marks) = (self.w, self.marks);
        let action = marks.is(k, ACTION);
        if marks.is(k, MEETING) || (action && (self.has_topic || self.has_condition)) {
            return true;
        }
        // "open to a second round" needs the topic right after; "plans to rival X in bidding
        // for Y" any verb with a topic as its object, a few words on.
        let np = w.is(k, class::DETERMINER) || marks.is(k, TOPIC);
        let object = (k + 1..self.c.end.min(k + 7)).any(|j| marks.is(j, TOPIC));
        let verb = w.is_word(k) && !w.is_cap(k) && !marks.is(m, READINESS) && object;
        t == Trigger::Plan && self.has_topic && (np || verb)
    }
}

/// Reads the clause: its first decisive trigger, or a modal or plan over an action.
fn scan(w: &Annotated, marks: &Marks, c: Range<usize>) -> Option<Reading> {
    let cl = Clause::new(w, marks, c.clone());
    let mut r = Reading::default();
    let mut modal: Option<(usize, Modal)> = None;
    let mut fallback: Option<Reading> = None;
    let mut i = c.start;
    while i < c.end {
        if let Some(k) = cl.no_outcome_noun(i) {
            return Some(Reading { base: Some(Status::Failed), at: k, len: 1, negator: Some(i), ..r });
        }
        // A capitalised trigger inside a clause is part of a name ("the Stock Exchange").
        let Some((len, t)) = marks.at(i, c.end).filter(|_| i == c.start || !w.is_cap(i)) else {
            i += 1;
            continue;
        };
        if let Some(base) = cl.decisive(i, len, t).filter(|_| !cl.bare_agreement(i, len)) {
            let read = cl.read_at(&r, base, i, len, modal);
            // "efforts to enact the treaty fell apart": an infinitive not governed by a listed
            // modal or plan is only a fallback; a finite trigger later in the clause wins.
            if read.governed.is_some() || !cl.infinitive(i) {
                return Some(read);
            }
            let base = Some(Status::Pending);
            fallback =
                fallback.or(Some(Reading { base, governed: None, negated: false, negator: None, ..read }));
        }
        match t {
            Trigger::Condition => {
                r.conditional = true;
                r.condition = Some(i);
            }
            Trigger::Modal | Trigger::Plan => {
                let (here, planned) = cl.modal_at(t, i, len);
                modal = Some((i + len - 1, here));
                if fallback.is_none() && planned {
                    fallback =
                        Some(Reading { base: Some(Status::Pending), at: i, len, governed: Some(here), ..r });
                }
            }
            _ => {}
        }
        i += len;
    }
    fallback.map(|f| Reading { conditional: r.conditional, condition: r.condition, ..f })
}

/// Whether "agreed to" is followed by a negotiating step (O10): "agreed to submit proposals",
/// "agreed to meet again". A few adverbs at most lie between ("agreed to quickly and
/// jointly submit"): the walk stops after [`STEP_GAP`] tokens, so a page of adverbs after one
/// "agreed" costs nothing more.
fn agreed_to_step(w: &Annotated, marks: &Marks, after: usize) -> bool {
    const STEP_GAP: usize = 8;
    let mut k = after;
    while k < after + STEP_GAP && (w.lower(k) == "to" || w.is(k, class::ADVERB)) {
        k += 1;
    }
    k > after && marks.is(k, STEP)
}

/// Whether the modal or plan ending at token `m` governs the verb at `i`: only adverbs,
/// auxiliaries and "to" between ("may yet agree", "hopes to sign"; not "will see the deal
/// signed").
fn governs(w: &Annotated, m: usize, i: usize) -> bool {
    i > m
        && i <= m + 4
        && (m + 1..i)
            .all(|j| w.is(j, class::ADVERB | class::AUX) || w.lower(j) == "to" || w.lower(j).ends_with("ly"))
}

/// Whether the trigger word at `i` is used as a verb: not after a determiner or possessive
/// ("a sign", "the exchange"), and for weak triggers not after a noun ("currency exchange").
fn verb_use(w: &Annotated, i: usize, start: usize, weak: bool) -> bool {
    // "are seeking", "is to": a phrase opening with an auxiliary is a verb group.
    if i == start || w.is(i, class::AUX) {
        return true;
    }
    let p = i - 1;
    if w.is(p, class::DETERMINER) || w.lower(p) == "'s" || w.is_possessive(p) {
        return false;
    }
    // After a preposition the word is a noun or adjective ("a number of failed tests"); after
    // "is"/"were" an -s form is a plural noun ("there were signs").
    let word = w.lower(i);
    let plural = word.ends_with('s') && !word.ends_with("ss");
    if matches!(w.lower(p), "of" | "for" | "with" | "despite") || (plural && w.is(p, class::AUX)) {
        return false;
    }
    // A past form is a verb whatever comes before it ("the rebels struck a deal") unless it
    // modifies a noun with its agent: "the law adopted by the council".
    let past = (word.ends_with("ed") || word == "struck") && w.lower(i + 1) != "by";
    // An -ing form after a word is a noun or adjective: "the signing ceremony".
    let weak = weak || word.ends_with("ing");
    !weak
        || past
        || w.is_cap(p)
        || w.is(p, class::AUX | class::ADVERB | class::PERSON | class::PLURAL | class::IT | class::WHO)
        || matches!(w.lower(p), "to" | "and" | "or" | "also" | "not" | "never")
        || w.lower(p).ends_with("ly")
        || w.is_punct(p, ",")
}
