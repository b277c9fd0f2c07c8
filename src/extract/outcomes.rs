//! Stage 4, the outcomes: what was agreed, what failed, what is pending.
//!
//! Approach: every sentence is cut into clauses (at semicolons, colons, dashes, commas that do
//! not separate list items, and at "and"/"but" before a second verb phrase that states an
//! outcome of its own), with attachments such as ", with no deal on X" or ", possibly
//! including Y" kept on the clause before them. Each clause is then read for triggers from
//! the word lists in `data/outcome_*.txt`, and the first decisive one sets the status:
//!
//! * failure words ("failed", "broke down", "ruled out") → failed;
//! * a negator heading a topic noun ("no deal on fishing quotas was reached", "ended with no
//!   real progress") → failed;
//! * an agreement word ("agreed", "signed", "struck a deal") → agreed; negated ("did not
//!   sign") → failed; governed by a modal or a plan ("may agree", "hopes to sign", but not
//!   "will see the deal signed") or with a future time phrase ("agreed to return with new
//!   figures next month") → pending;
//! * a modal or plan before an action ("will visit", "plans to meet", "is open to a
//!   second round"), or a postponement of a topic ("the vote was delayed") → pending.
//!
//! Weak triggers ("approved", "exchanged", "backed", "rejected", "collapsed") count only when
//! the clause names a negotiation topic (deal, plan, ceasefire, prisoners ...), so "exchanged
//! glances" or "buildings collapsed" is not an outcome; trigger words used as nouns ("a sign",
//! "the currency exchange", "the Stock Exchange") are skipped. A clause inside a claim's
//! content is cut to the content and marked as not asserted by the article, with the claim's
//! id. Numbers in the evidence become figures with what they count ("4,500 tonnes of grain
//! each").
//!
//! Cost: one lexicon lookup per word token, linear passes per sentence, and a
//! binary search for the claim holding each trigger.
//!
//! Known failure cases: outcomes stated over two clauses ("Talks resumed. They ended in a
//! deal.") are split or missed; the parties are those named in the clause, plus the parties a
//! group subject stands for ("both sides agreed": the last two named together, see
//! [`super::groups`]; a clause with no subject of its own, "... and were open to
//! talks", shares the group of the clause before it; inside a claim, names joined as the
//! subject, "she said Peru and Chile agreed", are the group too) or else the claim's speaker, so a group read wrongly gives the
//! wrong two; outcomes described by nouns alone ("the
//! withdrawal of troops") are missed; irony and hedges ("a so-called deal") are read literally.

use super::annotate::{class, Annotated};
use super::groups::{self, LazyFocus};
use super::lexicon::{entries, expand, hash_str, labelled, WordMap};
use super::model::{claim_id, Figure, Outcome, PartyKind, Status};
use super::parties::Parties;
use super::records::{ClaimId, ClaimRecord};
use super::segment::Document;
use super::span::{Span, TextSpan};
use std::ops::Range;
use std::sync::OnceLock;

/// What a trigger phrase says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Trigger {
    /// An agreement; `true` when it needs a topic noun in the clause.
    Agreed(bool),
    /// A failure; `true` when it needs a topic noun in the clause.
    Failed(bool),
    /// A modal verb (will, may).
    Modal,
    /// A verb or adjective of intention ending in "to" (plans to, open to).
    Plan,
    /// A future time phrase (next week).
    Future,
    /// A postponement: pending when the clause names a topic (the vote was postponed).
    Delay,
    /// A longer phrase that looks like a trigger but states an opinion or a move, not an
    /// outcome ("agreed with", "backed off").
    NotOne,
}

/// Everything the lists say about a word: its class bits and the trigger phrases it starts
/// (longest first), so one lookup per token answers both.
#[derive(Default)]
struct Entry {
    bits: u8,
    phrases: Vec<(Vec<String>, Trigger)>,
}

/// Keyed by the hash of the lower-case word ([`Annotated::hash`]): one probe per token.
struct Lexicon {
    words: WordMap<u64, Entry>,
}

/// Word-class bits of `outcome_topics.txt`.
const TOPIC: u8 = 1;
const ACTION: u8 = 2;
const NEGATOR: u8 = 4;
/// Nouns of an outcome itself (deal, truce, progress): "no deal" is a failure, "no law" is not.
const CORE: u8 = 8;

fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        let mut words: WordMap<String, Entry> = WordMap::default();
        let files = [
            (include_str!("data/outcome_agreed.txt"), 'a'),
            (include_str!("data/outcome_failed.txt"), 'f'),
            (include_str!("data/outcome_pending.txt"), 'p'),
        ];
        for (data, which) in files {
            for line in entries(data) {
                let Some((forms, need)) = line.split_once('|') else { continue };
                let need = need.trim();
                let trigger = match (which, need) {
                    (_, "none") => Trigger::NotOne,
                    ('a', n) => Trigger::Agreed(n == "topic"),
                    ('f', n) => Trigger::Failed(n == "topic"),
                    (_, "modal") => Trigger::Modal,
                    (_, "plan") => Trigger::Plan,
                    (_, "delay") => Trigger::Delay,
                    _ => Trigger::Future,
                };
                for form in forms.split(',') {
                    for seq in expand(form) {
                        if let Some((first, rest)) = seq.split_first() {
                            words.entry(first.clone()).or_default().phrases.push((rest.to_vec(), trigger));
                        }
                    }
                }
            }
        }
        for entry in words.values_mut() {
            entry.phrases.sort_by_key(|b| std::cmp::Reverse(b.0.len()));
        }
        for (label, list) in labelled(include_str!("data/outcome_topics.txt")) {
            let bit = match label {
                "topic" => TOPIC,
                "action" => ACTION,
                "negator" => NEGATOR,
                "core" => CORE,
                _ => 0,
            };
            for word in list {
                words.entry(word.to_owned()).or_default().bits |= bit;
            }
        }
        Lexicon { words: words.into_iter().map(|(word, entry)| (hash_str(&word), entry)).collect() }
    })
}

impl Lexicon {
    /// The class bits of token `i` and the trigger starting there.
    fn at(&self, w: &Annotated, i: usize) -> (u8, Option<(usize, Trigger)>) {
        let Some(entry) = self.words.get(&w.hash(i)) else { return (0, None) };
        let n = w.len();
        let trigger = entry
            .phrases
            .iter()
            .find(|(rest, _)| {
                i + rest.len() < n && rest.iter().enumerate().all(|(k, r)| w.lower(i + 1 + k) == r)
            })
            .map(|(rest, t)| (rest.len() + 1, *t));
        (entry.bits, trigger)
    }
}

/// Finds the outcomes of a segmented article whose parties and claims are known.
pub fn find_outcomes(
    w: &Annotated,
    parties: &Parties,
    focus: &LazyFocus,
    claims: &[ClaimRecord],
) -> Vec<Outcome> {
    let doc = w.doc();
    let lex = lexicon();
    let marks = Marks::new(w, lex);
    // Claim content pieces by start, to find the claim holding a trigger by binary search.
    // A quotation split by its cue counts as one span covering its pieces, as exported.
    let mut pieces: Vec<(Span, usize)> = claims.iter().enumerate().map(|(k, c)| (c.cover(), k)).collect();
    pieces.sort_by_key(|(s, _)| (s.start, s.end));
    let mut out = Vec::new();
    for (si, s) in doc.sentences.iter().enumerate() {
        let range = s.tokens.start..s.tokens.end.min(w.len());
        // The group subject of the sentence's last outcome, for a clause with no subject of
        // its own: "Both sides agreed to talk and were open to a second round."
        let mut shared: Vec<usize> = Vec::new();
        for clause in clauses(w, &marks, range) {
            let Some((status, at)) = status_of(w, &marks, clause.clone()) else { continue };
            let mut evidence = w.range(clause.start, clause.end).trim(doc.text, TRIM);
            let trigger = w.span(at);
            let holder = holding(&pieces, trigger);
            if let Some((piece, _)) = holder {
                let cut = Span::new(evidence.start.max(piece.start), evidence.end.min(piece.end));
                evidence = cut.trim(doc.text, TRIM);
            }
            evidence = strip_that(doc.text, evidence);
            if evidence.is_empty() {
                continue;
            }
            let claim = holder.and_then(|(_, k)| claims.get(k).map(|c| (ClaimId::of(k), c)));
            // A group subject before the trigger: "both sides had agreed to ...".
            let first =
                clause.start + (clause.start..at).take_while(|&i| w.span(i).start < evidence.start).count();
            let mut group = groups::first_phrase(w, first, at)
                .map(|(i, want)| focus.referents(want, i))
                .filter(|r| r.len() >= 2)
                .unwrap_or_default();
            if group.is_empty() && (w.is(first, class::AUX) || w.is_verb_like(first)) {
                group = shared.clone();
            }
            // Names joined as the subject inside a claim: "She said Peru and Chile agreed ...".
            if group.is_empty() && holder.is_some() {
                group = groups::coordinated(w, parties, first, at).unwrap_or_default();
            }
            shared = group.clone();
            // Every token before `first` starts before the evidence: the walk for the figures
            // goes on from there.
            let first = first_token(w, evidence, first);
            let found = Found { status, evidence, first, claim, group, sentence: si };
            out.push(build(doc, w, parties, found, out.len()));
        }
    }
    out
}

/// The first token of `evidence`, given that tokens before `from` all start before it: found by
/// walking from there, not by a binary search over every token of the text.
fn first_token(w: &Annotated, evidence: Span, from: usize) -> usize {
    let mut first = from;
    while first < w.len() && w.span(first).start < evidence.start {
        first += 1;
    }
    first
}

/// Characters trimmed from the ends of evidence.
const TRIM: &[char] = &[',', '.', ';', ':', '"', '\u{201c}', '\u{201d}'];

/// The innermost claim content piece holding `span`: the last piece starting at or before it
/// that contains it (a few are checked, for nested claims).
fn holding(pieces: &[(Span, usize)], span: Span) -> Option<(Span, usize)> {
    let upto = pieces.partition_point(|(s, _)| s.start <= span.start);
    pieces[..upto].iter().rev().take(8).find(|(s, _)| s.contains(span)).copied()
}

/// Per-token lexicon facts, looked up once: word-class bits and the trigger starting there.
///
/// A trigger's length in words is kept in a byte (phrases in the lists have a handful of
/// words), so the table takes 3 bytes a token rather than 16: on long texts the memory, not
/// the lookups, is what costs.
struct Marks {
    bits: Vec<u8>,
    triggers: Vec<Option<(u8, Trigger)>>,
}

impl Marks {
    fn new(w: &Annotated, lex: &Lexicon) -> Marks {
        let n = w.len();
        let mut bits = Vec::with_capacity(n);
        let mut triggers = Vec::with_capacity(n);
        for i in 0..n {
            // Only words can be in the lists; punctuation and numbers skip the lookups.
            let (b, t) = if w.is_word(i) { lex.at(w, i) } else { (0, None) };
            bits.push(b);
            triggers.push(t.and_then(|(len, t)| Some((u8::try_from(len).ok()?, t))));
        }
        Marks { bits, triggers }
    }

    fn is(&self, i: usize, bit: u8) -> bool {
        self.bits.get(i).is_some_and(|b| b & bit != 0)
    }

    /// The trigger at `i` if it ends inside the clause ending at `end`.
    fn at(&self, i: usize, end: usize) -> Option<(usize, Trigger)> {
        self.triggers
            .get(i)
            .copied()
            .flatten()
            .map(|(len, t)| (usize::from(len), t))
            .filter(|(len, _)| i + len <= end)
    }
}

/// The evidence without a leading complementiser or conjunction: "that the clans agreed" →
/// "the clans agreed", "as the talks ended" → "the talks ended".
fn strip_that(text: &str, span: Span) -> Span {
    let piece = span.text(text);
    for lead in ["that ", "as ", "and ", "but ", "while ", "so "] {
        if piece.get(..lead.len()).is_some_and(|head| head.eq_ignore_ascii_case(lead))
            && piece.len() > lead.len() + 10
        {
            return Span::new(span.start + lead.len(), span.end);
        }
    }
    span
}

/// Splits the tokens of a sentence into clauses.
fn clauses(w: &Annotated, marks: &Marks, range: Range<usize>) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut start = range.start;
    let cut = |out: &mut Vec<Range<usize>>, a: usize, b: usize| {
        if b > a {
            out.push(a..b);
        }
    };
    for i in range.clone() {
        let t = w.text(i);
        let hard = matches!(t, ";" | ":" | "\u{2014}" | "\u{2013}" | "--" | "(" | ")")
            || (t == "," && !list_comma(w, i, range.end));
        // "... and were open to ...", "... and flatly ruled out ...": a second verb phrase.
        let mut v = i + 1;
        while w.is(v, class::ADVERB) || w.lower(v).ends_with("ly") && !w.is_cap(v) {
            v += 1;
        }
        // Only when the second one states an outcome of its own: "signed a deal and attached
        // a map" stays one clause.
        let conj = matches!(w.lower(i), "and" | "but")
            && i > start
            && (w.is(v, class::AUX) || w.is_verb_like(v))
            && (v..range.end.min(v + 12))
                .take_while(|&j| !matches!(w.text(j), "," | ";" | "."))
                .any(|j| marks.at(j, range.end).is_some());
        if hard || conj {
            cut(&mut out, start, i);
            start = i + 1;
        }
    }
    cut(&mut out, start, range.end);
    // Attachments stay with the clause before: ", with no deal", ", potentially involving".
    let mut merged: Vec<Range<usize>> = Vec::new();
    for c in out {
        let first = w.lower(c.start);
        let attach = !w.is_cap(c.start)
            && (matches!(first, "with" | "without" | "including" | "potentially" | "possibly")
                || (first.ends_with("ing") && w.is_verb_like(c.start)));
        match merged.last_mut() {
            Some(prev) if attach => prev.end = c.end,
            _ => merged.push(c),
        }
    }
    merged
}

/// Whether the comma at `i` separates items of a list rather than clauses: it is followed by
/// "or"/"and" and a non-verb, or by a short lower-case item and another comma
/// ("no deal on trade, tariffs, or fishing was reached").
fn list_comma(w: &Annotated, i: usize, end: usize) -> bool {
    let next = w.lower(i + 1);
    if matches!(next, "or" | "and") {
        // Only as the last comma of a list in progress: "on X, Y, or Z", not "last week, and
        // the ministry said".
        let item = (i.saturating_sub(5)..i).rev().find(|&k| w.is_punct(k, ","));
        let in_list = item
            .is_some_and(|k| (k + 1..i).all(|j| w.is_word(j) && !w.is_verb_like(j) && !w.is(j, class::AUX)));
        let past = w.is_verb_like(i + 2) && w.lower(i + 2).ends_with("ed");
        return in_list
            && !(w.is(i + 2, class::AUX) || past || w.is(i + 2, class::PERSON | class::PLURAL | class::IT));
    }
    let item = (i + 1..(i + 5).min(end)).find(|&k| w.is_punct(k, ","));
    item.is_some_and(|k| {
        k > i + 1
            && (i + 1..k).all(|j| w.is_word(j) && !w.is_cap(j) && !w.is(j, class::AUX) && !w.is_verb_like(j))
    })
}

/// Whether the trigger word at `i` is used as a verb: not after a determiner or possessive
/// ("a sign", "the exchange"), and for weak triggers not after a noun ("currency exchange").
fn verb_use(w: &Annotated, i: usize, start: usize, weak: bool) -> bool {
    if i == start {
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
    // A past form is a verb whatever comes before it ("the rebels struck a deal").
    // ... unless it modifies a noun with its agent: "the law adopted by the council".
    let past = (w.lower(i).ends_with("ed") || w.lower(i) == "struck") && w.lower(i + 1) != "by";
    // An -ing form after a word is a noun or adjective: "the signing ceremony".
    let weak = weak || w.lower(i).ends_with("ing");
    !weak
        || past
        || w.is_cap(p)
        || w.is(p, class::AUX | class::ADVERB | class::PERSON | class::PLURAL | class::IT | class::WHO)
        || matches!(w.lower(p), "to" | "and" | "or" | "also" | "not" | "never")
        || w.lower(p).ends_with("ly")
        || w.is_punct(p, ",")
}

/// The status a clause states, and the token of its trigger.
fn status_of(w: &Annotated, lex: &Marks, c: Range<usize>) -> Option<(Status, usize)> {
    // A trigger's own word is not its topic ("exchanged" needs "prisoners", not itself), and a
    // capitalised trigger inside a clause is part of a name ("the Stock Exchange").
    let trigger_at = |i: usize| lex.at(i, c.end).is_some();
    let has_topic = c.clone().any(|i| lex.is(i, TOPIC) && !trigger_at(i));
    let future = c.clone().any(|i| matches!(lex.at(i, c.end), Some((_, Trigger::Future))));
    let negated_before = |i: usize| (i.saturating_sub(3).max(c.start)..i).any(|k| lex.is(k, NEGATOR));
    let mut i = c.start;
    let mut found: Option<(Status, usize)> = None;
    let mut modal_at: Option<usize> = None;
    while i < c.end {
        // "no deal", "with no real progress", "without an accord"
        if lex.is(i, NEGATOR) && matches!(w.lower(i), "no" | "without") {
            // The topic must head the phrase: "no real progress", not "no details of the talks".
            let mut k = i + 1;
            while k < c.end
                && k < i + 4
                && !lex.is(k, CORE)
                && w.is_word(k)
                && !w.is_cap(k)
                && !w.is(k, class::NP_LINK)
            {
                k += 1;
            }
            if k < c.end && lex.is(k, CORE) {
                return Some((Status::Failed, k));
            }
        }
        let Some((len, t)) = lex.at(i, c.end).filter(|_| i == c.start || !w.is_cap(i)) else {
            i += 1;
            continue;
        };
        match t {
            // The first decisive trigger wins: "signed a deal, ending talks that had stalled".
            Trigger::Failed(need)
                if found.is_none() && (!need || has_topic) && verb_use(w, i, c.start, need) =>
            {
                return Some((Status::Failed, i))
            }
            Trigger::Agreed(need)
                if (!need || has_topic) && found.is_none() && verb_use(w, i, c.start, need) =>
            {
                let status = if negated_before(i) {
                    Status::Failed
                } else if modal_at.is_some_and(|m| governs(w, m, i)) || future {
                    Status::Pending
                } else {
                    Status::Agreed
                };
                found = Some((status, i));
            }
            Trigger::Delay if found.is_none() && has_topic && verb_use(w, i, c.start, true) => {
                found = Some((Status::Pending, i));
            }
            Trigger::Modal | Trigger::Plan if found.is_none() => {
                modal_at = Some(i + len - 1);
                // The action right after: "will visit", "plans to meet", "open to a meeting".
                let mut k = i + len;
                let mut negated = false;
                while k < c.end && (w.is(k, class::ADVERB) || w.lower(k) == "to" || w.lower(k) == "be") {
                    negated |= lex.is(k, NEGATOR);
                    k += 1;
                }
                let action = lex.is(k, ACTION);
                let meets = action && is_meeting(w.lower(k));
                // "open to a new meeting", not "prepared to make concessions".
                let plan_topic =
                    t == Trigger::Plan && has_topic && (w.is(k, class::DETERMINER) || lex.is(k, TOPIC));
                if (action && (has_topic || meets)) || plan_topic {
                    let status = if negated { Status::Failed } else { Status::Pending };
                    if lex.at(k, c.end).is_none() || negated {
                        found = Some((status, i));
                    }
                }
            }
            _ => {}
        }
        i += len;
    }
    found
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

/// Actions that are outcomes by themselves, without a topic noun ("She will visit Oslo").
fn is_meeting(word: &str) -> bool {
    matches!(
        word,
        "meet" | "visit" | "sign" | "negotiate" | "talk" | "discuss" | "attend" | "host" | "convene"
    )
}

/// One outcome as found, before it is built.
struct Found<'c> {
    status: Status,
    evidence: Span,
    /// The first token of the evidence.
    first: usize,
    /// The claim holding it, if any.
    claim: Option<(ClaimId, &'c ClaimRecord)>,
    /// The parties a group subject stands for ("both sides", "the two countries"), if any.
    group: Vec<usize>,
    sentence: usize,
}

/// The parties involved are a group subject's referents, else the speaker of the claim
/// holding the outcome, then the parties named in the evidence: "She said both sides had
/// agreed" involves the two sides, not her.
fn build(doc: &Document<'_>, w: &Annotated, parties: &Parties, found: Found<'_>, n: usize) -> Outcome {
    let Found { status, evidence, first, claim, group, sentence } = found;
    let mut involved: Vec<usize> = group;
    if let Some(sp) = claim.and_then(|(_, c)| c.speaker()).filter(|_| involved.is_empty()) {
        involved.push(sp.index());
    }
    for m in parties.within(evidence) {
        let place = parties.list.get(m.party).is_some_and(|p| p.kind == PartyKind::Place);
        if !place && !involved.contains(&m.party) {
            involved.push(m.party);
        }
    }
    Outcome {
        id: format!("o{}", n + 1),
        status,
        summary: summary(evidence.text(doc.text)),
        parties: involved.into_iter().map(Parties::id).collect(),
        figures: figures(w, evidence, first),
        evidence: TextSpan::of(doc.text, evidence),
        asserted: claim.is_none(),
        claim: claim.map(|(id, _)| claim_id(id)),
        sentence,
    }
}

/// The first dozen words of the evidence.
fn summary(text: &str) -> String {
    const WORDS: usize = 14;
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= WORDS {
        words.join(" ")
    } else {
        format!("{} …", words[..WORDS].join(" "))
    }
}

/// Numbers in the evidence (whose first token is `first`) and the words after them that say
/// what they count.
fn figures(w: &Annotated, evidence: Span, first: usize) -> Vec<Figure> {
    let doc = w.doc();
    let mut out = Vec::new();
    let mut i = first;
    while i < w.len() && w.span(i).end <= evidence.end {
        if !w.is_number(i) {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        if matches!(w.lower(end), "million" | "billion" | "thousand" | "hundred" | "percent" | "per") {
            end += 1;
        }
        let value_end = end;
        let mut words = 0;
        while end < w.len()
            && w.span(end).end <= evidence.end
            && words < 5
            && w.is_word(end)
            && !w.is_cap(end)
            && !matches!(
                w.lower(end),
                "since"
                    | "in"
                    | "on"
                    | "at"
                    | "from"
                    | "to"
                    | "and"
                    | "the"
                    | "by"
                    | "for"
                    | "after"
                    | "before"
                    | "until"
                    | "than"
            )
        {
            end += 1;
            words += 1;
        }
        while end > value_end && w.lower(end - 1) == "of" {
            end -= 1;
        }
        let counts =
            if end > value_end { w.range(value_end, end).text(doc.text).to_owned() } else { String::new() };
        out.push(Figure {
            span: TextSpan::of(doc.text, w.range(i, end)),
            value: w.range(i, value_end).text(doc.text).to_owned(),
            counts,
        });
        i = end.max(i + 1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trigger_phrases_fit_the_marks_table() {
        // `Marks` keeps a trigger's length in a byte.
        for entry in lexicon().words.values() {
            for (rest, _) in &entry.phrases {
                assert!(rest.len() < usize::from(u8::MAX), "{rest:?}");
            }
        }
    }
}
