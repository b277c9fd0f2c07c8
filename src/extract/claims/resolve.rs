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
//! 6. a role or body after a possessive pronoun ("His spokesman", "Its chief executive"): the
//!    person or body the pronoun refers to, and for a body owned by a person ("Her ministry")
//!    that person's affiliation;
//! 7. "the company", "the bank": the organisation that spoke last, else the last one named; a
//!    definite description of a body ("the foreign ministry"): the party so named, else the
//!    country of a recent speaker or the last country mentioned ("the ministry said" after a
//!    German spokesman spoke → Germany);
//! 8. a role noun with no name ("the minister said"): the last person whose role has that noun,
//!    else the speaker of a recent claim if a person.
//!
//! "he" and "she" only reach a person of their gender or of none known (GUIDE C6): a person's
//! gender comes from a title before any of their mentions (Mr, Ms, Mrs), a gendered role noun
//! (spokeswoman, chairman), or their given name's usual gender (`data/name_genders.txt`, from
//! the US Social Security Administration's name statistics); see [`Genders`].
//!
//! Known failure cases: no number agreement beyond he/she vs they; a pronoun that refers to
//! the object of the previous sentence resolves to its subject; a person whose gender the
//! text never shows is compatible with both pronouns. Sources that stand
//! for several parties ("both sides", "Peru and Chile") never reach this module: see
//! [`crate::extract::groups`].

use crate::extract::annotate::{class, Annotated};
use crate::extract::lexicon::{data_file, labelled, WordMap};
use crate::extract::model::PartyKind;
use crate::extract::parties::Parties;
use std::sync::OnceLock;

/// A person's gender, as far as the text and the name list tell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    /// she, Ms, Mrs, spokeswoman, a usually female given name.
    Female,
    /// he, Mr, spokesman, a usually male given name.
    Male,
}

/// What `data/name_genders.txt` says about a word: its gender as a given name, a title or
/// a role noun.
#[derive(Clone, Copy, Default)]
struct Hints {
    name: Option<Gender>,
    title: Option<Gender>,
    role: Option<Gender>,
}

/// The gender of a label of `data/name_genders.txt` and which kind of hint it gives.
fn hint_label(label: &str) -> Option<(Gender, u8)> {
    Some(match label {
        "female" => (Gender::Female, 0),
        "male" => (Gender::Male, 0),
        "female_title" => (Gender::Female, 1),
        "male_title" => (Gender::Male, 1),
        "female_role" => (Gender::Female, 2),
        "male_role" => (Gender::Male, 2),
        _ => return None,
    })
}

fn hints() -> &'static WordMap<&'static str, Hints> {
    static MAP: OnceLock<WordMap<&'static str, Hints>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map: WordMap<&'static str, Hints> = WordMap::default();
        for (label, words) in labelled(data_file!("../data/name_genders.txt")) {
            // An unknown label is caught by the `every_label_is_known` test.
            let Some((gender, kind)) = hint_label(label) else { continue };
            for w in words {
                let h = map.entry(w).or_default();
                match kind {
                    0 => h.name = Some(gender),
                    1 => h.title = Some(gender),
                    _ => h.role = Some(gender),
                }
            }
        }
        map
    })
}

/// The gender of every person party, worked out once per article: a title before a mention
/// wins, then a gendered role noun, then the first word of the name. A person with two
/// conflicting titles gets none.
pub struct Genders(Vec<Option<Gender>>);

impl Genders {
    /// Walks the mentions once.
    pub fn new(w: &Annotated, parties: &Parties) -> Genders {
        let map = hints();
        let hint = |word: &str| map.get(word).copied().unwrap_or_default();
        let mut titled: Vec<Option<Option<Gender>>> = vec![None; parties.list.len()];
        for m in &parties.mentions {
            let first = m.extent_tokens.start.min(m.tokens.start);
            let Some(t) = first
                .checked_sub(1)
                .and_then(|k| hint(w.lower(k)).title)
                .or_else(|| (first..m.tokens.start).find_map(|k| hint(w.lower(k)).title))
            else {
                continue;
            };
            if let Some(slot) = titled.get_mut(m.party) {
                *slot = match *slot {
                    None => Some(Some(t)),
                    Some(g) if g == Some(t) => Some(g),
                    Some(_) => Some(None),
                };
            }
        }
        let genders = parties
            .list
            .iter()
            .zip(titled)
            .map(|(r, title)| {
                if r.kind != PartyKind::Person {
                    return None;
                }
                if let Some(t) = title {
                    return t;
                }
                let role = r.role.as_deref().unwrap_or("").to_lowercase();
                let from_role = role.split_whitespace().find_map(|word| hint(word).role);
                let first = r.name.split_whitespace().next().unwrap_or("").to_lowercase();
                from_role.or(hint(&first).name)
            })
            .collect();
        Genders(genders)
    }

    /// The gender of party `p`, if known.
    pub fn of(&self, p: usize) -> Option<Gender> {
        self.0.get(p).copied().flatten()
    }

    /// Whether party `p` can be the antecedent of a pronoun of gender `want`.
    fn fits(&self, p: usize, want: Option<Gender>) -> bool {
        match (want, self.of(p)) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        }
    }
}

/// The gender of a pronoun: he/him/his, she/her.
fn pronoun_gender(word: &str) -> Option<Gender> {
    match word {
        "he" | "him" | "his" => Some(Gender::Male),
        "she" | "her" | "hers" => Some(Gender::Female),
        _ => None,
    }
}

/// A speaker already resolved, for later pronouns.
#[derive(Clone, Copy, Debug)]
pub struct Said {
    /// Sentence of the claim.
    pub sentence: usize,
    /// The party that spoke.
    pub party: usize,
    /// Token index of the claim's cue.
    pub at: usize,
    /// Token index of the last word of its source (its head noun: "the defence ministry").
    pub head: usize,
}

/// How far back (in sentences) a pronoun may reach for a previous speaker.
const REACH: usize = 3;
/// How many mentions back a pronoun may look.
const LOOKBACK: usize = 40;

/// Resolves the source tokens `a..b` of a claim whose cue is at token `cue` in `sentence`.
pub fn speaker(who: &Who, a: usize, b: usize, cue: usize, sentence: usize, said: &[Said]) -> Option<usize> {
    let (w, parties, genders) = (who.w, who.parties, who.genders);
    if b <= a {
        return None;
    }
    let after_content = a > 0 && (w.is_punct(a - 1, ",") || w.is_quote(a - 1));
    let look = Lookup { w, parties, genders, cue, sentence, said, after_content };
    // An appositive or bracket after the name is not the head: "the EU, which ... Norway,".
    let head_end = (a + 1..b).find(|&i| w.is_punct(i, ",") || w.is_punct(i, "(")).unwrap_or(b);
    if let Some(p) = look.named(a, head_end, b) {
        return Some(p);
    }
    let b = head_end;
    if let Some(verdict) = look.pronoun(a, b) {
        return verdict;
    }
    if let Some(verdict) = look.possessed(a, b) {
        return verdict;
    }
    // "The company said", "the bank said": the organisation last named (C6).
    if w.lower(a) == "the" && b - a <= 3 && w.is(b - 1, class::COMPANY) && (a + 1..b).all(|i| !w.is_cap(i)) {
        // One whose name ends with the noun first: "the union" → Dock Workers' Union.
        let org = |k: PartyKind| k == PartyKind::Organization;
        return look
            .org_named_by(w.lower(b - 1))
            .or_else(|| look.recent(&org))
            .or_else(|| last_mention(parties, cue, &org, &|_| true));
    }
    // A definite description of a body: "the foreign ministry", "the defence ministry".
    if w.lower(a) == "the" && b - a <= 4 && w.is(b - 1, class::ORG_HEAD) {
        return look.body(a, b);
    }
    // "The fighter said ...": a definite person noun refers back like "he"; not one that a
    // relative clause defines ("The lawyer who represents Per Holm said").
    if w.lower(a) == "the" && b - a == 2 && w.is(a + 1, class::PERSON_NOUN) && !defined_by_relative(w, b) {
        return person_antecedent(&look, None);
    }
    look.role(a, b)
}

/// What every speaker lookup of an article reads: the words, the parties and their genders.
pub struct Who<'a> {
    /// The prepared document.
    pub w: &'a Annotated<'a>,
    /// The parties.
    pub parties: &'a Parties,
    /// Their genders.
    pub genders: &'a Genders,
}

/// What the resolver looks back through for one claim.
struct Lookup<'a> {
    w: &'a Annotated<'a>,
    parties: &'a Parties,
    genders: &'a Genders,
    cue: usize,
    sentence: usize,
    said: &'a [Said],
    /// The source follows its content ("..., he added"; "“...,” she said"): a party opening
    /// this sentence is inside what is reported, not the one a pronoun refers to.
    after_content: bool,
}

impl Lookup<'_> {
    fn kind(&self, p: usize) -> Option<PartyKind> {
        self.parties.list.get(p).map(|r| r.kind)
    }

    /// The claims resolved so far within [`REACH`] sentences (at most [`LOOKBACK`]), latest
    /// first.
    fn recent_said(&self) -> impl Iterator<Item = &Said> + '_ {
        self.said
            .iter()
            .rev()
            .take(LOOKBACK)
            .take_while(|s| self.sentence.saturating_sub(s.sentence) <= REACH)
    }

    /// The speaker of a recent claim (within [`REACH`] sentences) of a wanted kind.
    fn recent(&self, want: &dyn Fn(PartyKind) -> bool) -> Option<usize> {
        self.recent_said().find(|s| self.kind(s.party).is_some_and(want)).map(|s| s.party)
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
            return Some(person_antecedent(self, pronoun_gender(w.lower(a))));
        }
        if w.is(a, class::PLURAL) {
            return Some(
                self.recent(&not_person)
                    .or_else(|| last_mention(self.parties, self.cue, &not_person, &|_| true)),
            );
        }
        // "it" refers like "he" does, to a country or organisation: "“...,” Damascus radio
        // said. It welcomed ..." is the radio, not a country named in its words.
        if w.is(a, class::IT) {
            let body = |p: usize| {
                self.parties
                    .list
                    .get(p)
                    .is_some_and(|r| matches!(r.kind, PartyKind::Country | PartyKind::Organization))
            };
            return Some(antecedent(self, &body));
        }
        if w.is(a, class::WHO) && a >= 2 && w.is_punct(a - 1, ",") {
            return Some(self.parties.at_token(a - 2).map(|m| m.party));
        }
        None
    }

    /// A role or body owned through a possessive pronoun: "His spokesman", "Her office" → the
    /// person the pronoun refers to (C5: a leader's aide or press office lists the leader),
    /// "His ministry" → that person's state or body when known (C5: a sub-unit lists its
    /// parent); "Its spokesman", "Their lawyers" → the organisation or country last named. What
    /// the owner wrote or filed counts as the owner ("Her statement said", "His lawsuit claims").
    fn possessed(&self, a: usize, b: usize) -> Option<Option<usize>> {
        let w = self.w;
        let head = b - 1;
        // "His spokesman", "Her office", and what they wrote: "Her submission to the court noted".
        let owned = (2..=4).contains(&(b - a))
            && w.is(head, class::ROLE | class::ORG_HEAD | class::PERSON_NOUN | class::MEDIUM);
        if !owned
            || (a + 1..head).any(|i| !w.is_word(i) || w.is_cap(i) && !w.is(i, class::ROLE | class::ORG_HEAD))
        {
            return None;
        }
        let body = w.is(head, class::ORG_HEAD) && !w.is(head, class::ROLE | class::PERSON_NOUN);
        match w.lower(a) {
            word @ ("his" | "her") => {
                let p = person_antecedent(self, pronoun_gender(word));
                let parent = |p: usize| self.parties.list.get(p).and_then(|r| r.affiliation);
                Some(if body { p.map(|p| parent(p).unwrap_or(p)) } else { p })
            }
            "its" | "their" => {
                let org = |k: PartyKind| matches!(k, PartyKind::Country | PartyKind::Organization);
                Some(last_mention(self.parties, self.cue, &org, &|_| true))
            }
            _ => None,
        }
    }

    /// The organisation mentioned last before the cue whose name ends with `noun` ("the radio"
    /// → Damascus Radio, "the union" → Dock Workers' Union).
    fn org_named_by(&self, noun: &str) -> Option<usize> {
        let named = |p: &usize| {
            self.parties.list.get(*p).is_some_and(|r| {
                r.kind == PartyKind::Organization
                    && r.name.rsplit(' ').next().is_some_and(|x| x.eq_ignore_ascii_case(noun))
            })
        };
        self.mentioned_before().find(named)
    }

    /// "the foreign ministry" → a party so named; an unnamed body stands for the country in
    /// focus: "the defence ministry" → the country of a recent speaker, else the last country.
    fn body(&self, a: usize, b: usize) -> Option<usize> {
        let (w, parties) = (self.w, self.parties);
        // "..., the defence ministry said. ..., the ministry said.": the same noun refers to the
        // body that last spoke under it (C6), whatever other ministry was named before.
        if b == a + 2 {
            if let Some(s) = self.recent_said().find(|s| w.lower(s.head) == w.lower(b - 1)) {
                return Some(s.party);
            }
        }
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
        let from_speaker = self.recent_said().find_map(|s| country(s.party));
        from_speaker.or_else(|| last_mention(parties, self.cue, &|k| k == PartyKind::Country, &|_| true))
    }

    /// A role noun with no name ("the minister", "a Chilean spokesperson"): the last person
    /// with that role, else after "the" the last person who spoke.
    fn role(&self, a: usize, b: usize) -> Option<usize> {
        let w = self.w;
        let Some(role) = (a..b).rev().find(|&i| w.is(i, class::ROLE)) else {
            // "The judge said", "the prosecutor said": any noun that is the role of a person
            // named before (C6), even one the role list lacks; no such person, no speaker.
            let noun = (w.lower(a) == "the" && b == a + 2 && w.is_word(a + 1) && !w.is_cap(a + 1))
                .then(|| w.lower(a + 1))?;
            let holds = |p: &usize| {
                let role = self.parties.list.get(*p).and_then(|r| r.role.as_ref());
                role.is_some_and(|r| r.split_whitespace().any(|x| x.eq_ignore_ascii_case(noun)))
            };
            // Else a body whose name ends with the noun: "the radio" → Damascus Radio.
            return self.mentioned_before().find(holds).or_else(|| self.org_named_by(noun));
        };
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
        // "The lawyer who represents Per Holm said": a role noun restricted by a relative
        // clause is whoever that clause defines, not the person who spoke last.
        if w.is(a, class::DETERMINER) && w.lower(a) == "the" && !defined_by_relative(w, b) {
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
fn person_antecedent(look: &Lookup, gender: Option<Gender>) -> Option<usize> {
    let person = |p: usize| {
        look.parties.list.get(p).is_some_and(|r| r.kind == PartyKind::Person) && look.genders.fits(p, gender)
    };
    antecedent(look, &person)
}

/// The party a pronoun refers to among those `fits` accepts: the later of the last recent
/// speaker and the last party opening a recent sentence (the subject of the last clause, C6),
/// else the last one mentioned.
fn antecedent(look: &Lookup, fits: &dyn Fn(usize) -> bool) -> Option<usize> {
    let (w, parties, cue, sentence) = (look.w, look.parties, look.cue, look.sentence);
    let speaker = look.recent_said().find(|s| fits(s.party)).map(|s| (s.at, s.party));
    let doc = w.doc();
    let before = parties.before_token(cue);
    let subject = parties.mentions[..before]
        .iter()
        .rev()
        .take(LOOKBACK)
        .filter(|m| fits(m.party))
        .filter(|m| !(look.after_content && w.sentence(m.tokens.start) == sentence))
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
        (None, None) => last_mention(parties, cue, &|_| true, fits),
    }
}

/// Whether a relative clause starts at token `b`, right after a source's noun ("The lawyer
/// who represents ..."): the noun is whoever the clause defines, no one referred back to.
fn defined_by_relative(w: &Annotated, b: usize) -> bool {
    matches!(w.lower(b), "who" | "that")
}

fn last_mention(
    parties: &Parties,
    cue: usize,
    want: &dyn Fn(PartyKind) -> bool,
    fits: &dyn Fn(usize) -> bool,
) -> Option<usize> {
    let before = parties.before_token(cue);
    parties.mentions[..before]
        .iter()
        .rev()
        .take(LOOKBACK)
        .find(|m| parties.list.get(m.party).is_some_and(|r| want(r.kind)) && fits(m.party))
        .map(|m| m.party)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_label_is_known() {
        for (label, _) in labelled(data_file!("../data/name_genders.txt")) {
            assert!(hint_label(label).is_some(), "unknown label {label:?} in data/name_genders.txt");
        }
    }
}
