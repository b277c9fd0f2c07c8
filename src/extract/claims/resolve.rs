//! Speaker resolution: from the source as written to a party.
//!
//! In order:
//! 1. a party mentioned inside the source: the one covering its last word (the head: "Ghanaian
//!    officials" has no mention at its head, so the country), else the last person named in it
//!    ("a senior aide to President Ana Pérez" → Ana Pérez), else its last mention;
//! 2. "he"/"she": the speaker of a recent claim if a person, else the last person mentioned;
//! 3. "they"/"we": the speaker of a recent claim if not a person, else the last country,
//!    organisation or group mentioned;
//! 4. "it": the last country or organisation mentioned;
//! 5. "who"/"which" after a comma: the party just before the comma ("Ms Lee, who said ...");
//! 6. a definite description of a body ("the foreign ministry"): the party so named, else the
//!    country of a recent speaker or the last country mentioned ("the ministry said" after a
//!    German spokesman spoke → Germany);
//! 7. a role noun with no name ("the minister said"): the last person whose role has that noun,
//!    else the speaker of a recent claim if a person.
//!
//! Known failure cases: no gender or number agreement beyond he/she vs they; a pronoun that
//! refers to the object of the previous sentence resolves to its subject. Sources that stand
//! for several parties ("both sides", "Peru and Chile") never reach this module: see
//! [`crate::extract::groups`].

use crate::extract::annotate::{class, Annotated};
use crate::extract::model::PartyKind;
use crate::extract::parties::Parties;

/// A speaker already resolved, for later pronouns.
#[derive(Clone, Copy, Debug)]
pub struct Said {
    /// Sentence of the claim.
    pub sentence: usize,
    /// The party that spoke.
    pub party: usize,
    /// Token index of the claim's cue.
    pub at: usize,
}

/// How far back (in sentences) a pronoun may reach for a previous speaker.
const REACH: usize = 3;
/// How many mentions back a pronoun may look.
const LOOKBACK: usize = 40;

/// Resolves the source tokens `a..b` of a claim whose cue is at token `cue` in `sentence`.
pub fn speaker(
    w: &Annotated,
    parties: &Parties,
    a: usize,
    b: usize,
    cue: usize,
    sentence: usize,
    said: &[Said],
) -> Option<usize> {
    if b <= a {
        return None;
    }
    let look = Lookup { w, parties, cue, sentence, said };
    // An appositive or bracket after the name is not the head: "the EU, which ... Norway,".
    let head_end = (a + 1..b).find(|&i| w.is_punct(i, ",") || w.is_punct(i, "(")).unwrap_or(b);
    if let Some(p) = look.named(a, head_end, b) {
        return Some(p);
    }
    let b = head_end;
    if let Some(verdict) = look.pronoun(a, b) {
        return verdict;
    }
    // A definite description of a body: "the foreign ministry", "the defence ministry".
    if w.lower(a) == "the" && b - a <= 4 && w.is(b - 1, class::ORG_HEAD) {
        return look.body(a, b);
    }
    // "The fighter said ...": a definite person noun refers back like "he".
    if w.lower(a) == "the" && b - a == 2 && w.is(a + 1, class::PERSON_NOUN) {
        return person_antecedent(w, parties, cue, sentence, said);
    }
    look.role(a, b)
}

/// What the resolver looks back through for one claim.
struct Lookup<'a> {
    w: &'a Annotated<'a>,
    parties: &'a Parties,
    cue: usize,
    sentence: usize,
    said: &'a [Said],
}

impl Lookup<'_> {
    fn kind(&self, p: usize) -> Option<PartyKind> {
        self.parties.list.get(p).map(|r| r.kind)
    }

    /// The speaker of a recent claim (within [`REACH`] sentences) of a wanted kind.
    fn recent(&self, want: &dyn Fn(PartyKind) -> bool) -> Option<usize> {
        self.said
            .iter()
            .rev()
            .take(LOOKBACK)
            .take_while(|s| self.sentence.saturating_sub(s.sentence) <= REACH)
            .find(|s| self.kind(s.party).is_some_and(want))
            .map(|s| s.party)
    }

    /// The parties of the last [`LOOKBACK`] mentions before the cue, latest first.
    fn mentioned_before(&self) -> impl Iterator<Item = usize> + '_ {
        let before = self.parties.before_token(self.cue);
        self.parties.mentions[..before].iter().rev().take(LOOKBACK).map(|m| m.party)
    }

    /// A party named in the source `a..full` whose head part ends at `head_end`: the head's
    /// mention, unless the appositive is the name ("The employers' group, Cepa, said"; "his
    /// partner at Lenox, Ana Ruiz, said": a named person there beats a body before the comma).
    fn named(&self, a: usize, head_end: usize, full: usize) -> Option<usize> {
        let (w, parties) = (self.w, self.parties);
        let mut inside = parties.within(w.range(a, head_end));
        if full > head_end + 1 && full - head_end <= 5 {
            let named = parties.within(w.range(head_end + 1, full));
            let head_named = inside.iter().any(|m| m.tokens.start < head_end && head_end - 1 < m.tokens.end);
            let person = named.iter().any(|m| self.kind(m.party) == Some(PartyKind::Person));
            if !named.is_empty() && (inside.is_empty() || (person && !head_named)) {
                inside = named;
            }
        }
        (!inside.is_empty()).then(|| head_party(w, parties, inside, head_end))
    }

    /// Pronoun sources: he/she, they/we, it, and "who" after a comma.
    fn pronoun(&self, a: usize, b: usize) -> Option<Option<usize>> {
        let w = self.w;
        if !(b - a == 1 || w.is(a, class::PERSON) && b - a <= 2) {
            return None;
        }
        let not_person = |k: PartyKind| !matches!(k, PartyKind::Person | PartyKind::Place);
        if w.is(a, class::PERSON) {
            return Some(person_antecedent(w, self.parties, self.cue, self.sentence, self.said));
        }
        if w.is(a, class::PLURAL) {
            return Some(
                self.recent(&not_person).or_else(|| last_mention(self.parties, self.cue, &not_person)),
            );
        }
        if w.is(a, class::IT) {
            let org = |k: PartyKind| matches!(k, PartyKind::Country | PartyKind::Organization);
            return Some(last_mention(self.parties, self.cue, &org));
        }
        if w.is(a, class::WHO) && a >= 2 && w.is_punct(a - 1, ",") {
            return Some(self.parties.at_token(a - 2).map(|m| m.party));
        }
        None
    }

    /// "the foreign ministry" → a party so named; an unnamed body stands for the country in
    /// focus: "the defence ministry" → the country of a recent speaker, else the last country.
    fn body(&self, a: usize, b: usize) -> Option<usize> {
        let (w, parties) = (self.w, self.parties);
        let phrase = (a + 1..b).map(|i| w.lower(i)).collect::<Vec<_>>().join(" ");
        let named =
            |p: &usize| parties.list.get(*p).is_some_and(|r| r.name.to_lowercase().ends_with(&phrase));
        if let Some(p) = self.mentioned_before().find(named) {
            return Some(p);
        }
        let country = |p: usize| match parties.list.get(p) {
            Some(r) if r.kind == PartyKind::Country => Some(p),
            Some(r) => r.affiliation.filter(|&c| self.kind(c) == Some(PartyKind::Country)),
            None => None,
        };
        let from_speaker = self
            .said
            .iter()
            .rev()
            .take(LOOKBACK)
            .take_while(|s| self.sentence.saturating_sub(s.sentence) <= REACH)
            .find_map(|s| country(s.party));
        from_speaker.or_else(|| last_mention(parties, self.cue, &|k| k == PartyKind::Country))
    }

    /// A role noun with no name ("the minister", "a Chilean spokesperson"): the last person
    /// with that role, else after "the" the last person who spoke.
    fn role(&self, a: usize, b: usize) -> Option<usize> {
        let w = self.w;
        let role = (a..b).rev().find(|&i| w.is(i, class::ROLE))?;
        let noun = w.lower(role);
        let with_role = |p: &usize| {
            self.parties
                .list
                .get(*p)
                .and_then(|r| r.role.as_ref())
                .is_some_and(|r| r.to_lowercase().contains(noun))
        };
        if let Some(p) = self.mentioned_before().find(with_role) {
            return Some(p);
        }
        if w.is(a, class::DETERMINER) && w.lower(a) == "the" {
            return self.recent(&|k| k == PartyKind::Person);
        }
        None
    }
}

/// The party a source names: the mention at its head, else its last person, else its last
/// non-place mention.
fn head_party(
    w: &Annotated,
    parties: &Parties,
    inside: &[crate::extract::parties::Mention],
    b: usize,
) -> usize {
    let kind = |p: usize| parties.list.get(p).map(|r| r.kind);
    let head = b - 1;
    let head = if w.lower(head) == "'s" && head > 0 { head - 1 } else { head };
    if let Some(m) = inside.iter().rev().find(|m| m.tokens.start <= head && head < m.tokens.end) {
        return m.party;
    }
    if let Some(m) = inside.iter().rev().find(|m| kind(m.party) == Some(PartyKind::Person)) {
        return m.party;
    }
    if let Some(m) = inside.iter().rev().find(|m| kind(m.party) != Some(PartyKind::Place)) {
        return m.party;
    }
    inside[inside.len() - 1].party
}

/// The antecedent of "he"/"she": the later of the last person who spoke (within reach) and
/// the last person named as the subject of a sentence ("Ruiz rejected that account. She said
/// ..."), else the last person mentioned.
fn person_antecedent(
    w: &Annotated,
    parties: &Parties,
    cue: usize,
    sentence: usize,
    said: &[Said],
) -> Option<usize> {
    let person = |p: usize| parties.list.get(p).is_some_and(|r| r.kind == PartyKind::Person);
    let speaker = said
        .iter()
        .rev()
        .take(LOOKBACK)
        .take_while(|s| sentence.saturating_sub(s.sentence) <= REACH)
        .find(|s| person(s.party))
        .map(|s| (s.at, s.party));
    let doc = w.doc();
    let before = parties.before_token(cue);
    let subject = parties.mentions[..before]
        .iter()
        .rev()
        .take(LOOKBACK)
        .filter(|m| person(m.party))
        .find(|m| {
            let start = doc.sentences.get(w.sentence(m.tokens.start)).map_or(0, |s| s.tokens.start);
            m.extent_tokens.start <= start + 1
        })
        .map(|m| (m.tokens.start, m.party))
        .filter(|(at, _)| sentence.saturating_sub(w.sentence(*at)) <= REACH);
    match (speaker, subject) {
        (Some(a), Some(b)) => Some(if b.0 > a.0 { b.1 } else { a.1 }),
        (Some(a), None) => Some(a.1),
        (None, Some(b)) => Some(b.1),
        (None, None) => last_mention(parties, cue, &|k| k == PartyKind::Person),
    }
}

fn last_mention(parties: &Parties, cue: usize, want: &dyn Fn(PartyKind) -> bool) -> Option<usize> {
    let before = parties.before_token(cue);
    parties.mentions[..before]
        .iter()
        .rev()
        .take(LOOKBACK)
        .find(|m| parties.list.get(m.party).is_some_and(|r| want(r.kind)))
        .map(|m| m.party)
}
