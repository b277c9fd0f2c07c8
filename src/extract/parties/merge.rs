//! From candidate mentions to parties: one party per actor, every mention attached.
//!
//! # Algorithm
//!
//! Entry point: [`merge`]. Two passes over the candidates. The first ([`collect_names`])
//! collects full personal names (by surname, by a family name written first, by inner names
//! of a long name), the initials and distinctive words of new organisations, and the names of
//! new organisations and places, so that a lone word can be resolved whether it comes before
//! or after the full name ("Lund said ..." in a headline, "Foreign Minister Ana Lund" below).
//! The second keys every candidate ([`Names::key`]: same key, same actor), then gives each
//! its party in text order, making parties on first sight ([`Builder`]), noting roles,
//! affiliations and aliases; then roles given in apposition are added, overlapping mentions
//! are dropped (the longest at a position wins) and the country adjectives are indexed.
//!
//! # Known failure cases
//!
//! * A lone surname shared by two people goes to the first one seen ("Ana Lund and Per Lund
//!   met. Lund said ..." makes Lund Ana Lund).
//! * An organisation's key loses one legal form or suffix only ("Alder Group Inc." is keyed
//!   "alder group", so a later "Alder" joins it only through its distinctive words).
//! * A loose country adjective alone ("Norwegian salmon") makes no party, also when the
//!   article means the country.

use super::gazetteer::{gazetteer, is_in, push_key, with_key, Entry, FastMap, FastSet, Form, List};
use super::scan::Scanned;
use super::scan::{is_plural_people_shape, Cand, Hint, Target};
use super::votes::Votes;
use super::{Mention, MentionForm, Parties, PartyRecord};
use crate::extract::records::PartyKind;
use crate::extract::records::{EvidenceSet, NameEvidence, PartyId};
use crate::extract::segment::{Document, TokenKind};
use crate::extract::tagger::NameType;
use std::ops::Range;

/// What makes two candidates the same actor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Key {
    Known(EntryKey),
    NewOrg(Sym),
    NewPlace(Sym),
    Person(usize),
    Solo(Sym),
    Group(&'static str),
    /// An unnamed person with a role, by owner party and class.
    Role(PartyId, &'static str),
}

/// A lower-case name key interned in [`Syms`]: equal keys, equal symbols.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
struct Sym(usize);

/// The name keys of the article, each stored once. Most candidates repeat a name already
/// seen, so keys are built in one reused buffer and looked up by `&str`: no allocation per
/// candidate, which on long texts was a good part of this stage's time.
#[derive(Default)]
struct Syms(FastMap<String, Sym>);

impl Syms {
    /// The symbol of `key`, interned if new.
    fn get(&mut self, key: &str) -> Sym {
        if let Some(&sym) = self.0.get(key) {
            return sym;
        }
        let sym = Sym(self.0.len());
        self.0.insert(key.to_owned(), sym);
        sym
    }
}

/// [`Entry`] made hashable.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum EntryKey {
    Country(usize),
    Org(usize),
    Place(usize),
}

impl From<Entry> for EntryKey {
    fn from(e: Entry) -> EntryKey {
        match e {
            Entry::Country(i) => EntryKey::Country(i),
            Entry::Org(i) => EntryKey::Org(i),
            Entry::Place(i) => EntryKey::Place(i),
        }
    }
}

/// A full personal name seen in the article.
struct Person {
    name: String,
    first: String,
}

/// The first-pass tables.
#[derive(Default)]
struct Names {
    persons: Vec<Person>,
    /// Surname → indices into `persons`.
    surnames: FastMap<String, Vec<usize>>,
    /// First word of a full name that is not a given name → the person: a family name
    /// written first ("Wang" for "Wang Lin").
    family_first: FastMap<String, usize>,
    /// Given name opening a full name → the persons it opens ("Hillary" for "Hillary Lund").
    given: FastMap<String, Vec<usize>>,
    /// How often each lone capitalised word occurs outside sentence starts.
    single_counts: FastMap<String, usize>,
    /// Lone capitalised words seen at least once after "in", "near" ...: places wherever
    /// they occur ("in Vardby ... Vardby's mayor").
    place_words: FastSet<String>,
    /// Lone capitalised words seen at least once shaped like a body ("Oslo-based Zentrix",
    /// "the daily Vessa"): bodies wherever they occur ("Vessa reported ...").
    body_words: FastSet<String>,
    /// Person key of each multi-word person candidate.
    person_of: FastMap<usize, usize>,
    /// Initials of new organisations → their key ("HPA" for "Harbour Ports Authority").
    initials: FastMap<String, Sym>,
    /// Lower-case names of new organisations and places, and of titled single names.
    known: FastMap<String, Key>,
    /// First word of a new organisation's name → its key ("alder" for "Alder Foods Inc.").
    org_first: FastMap<String, Sym>,
    /// Countries the article names other than by a capital as a venue: only their capitals
    /// are aliases when named as a venue ("talks in Vessa"; GUIDE P2, P3).
    involved: FastSet<EntryKey>,
    /// Where the lone words occur, and the tagger's vote on them ([`Votes`]).
    votes: Votes,
    /// The interned keys.
    syms: Syms,
    /// A reused buffer for the key of the candidate at hand.
    buf: String,
}

/// The text of tokens `r` as written, with runs of white space made single spaces.
fn text_of(doc: &Document<'_>, r: &Range<usize>) -> String {
    if r.is_empty() {
        return String::new();
    }
    let raw = doc.between(r.start, r.end - 1).text(doc.text);
    let mut s = String::with_capacity(raw.len());
    for piece in raw.split_whitespace() {
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(piece);
    }
    s
}

/// The lookup key of tokens `r` (lower case, single spaces), written over `s`.
fn key_into(s: &mut String, doc: &Document<'_>, r: &Range<usize>) {
    s.clear();
    for k in r.clone() {
        if !s.is_empty() {
            s.push(' ');
        }
        push_key(s, doc.word(k));
    }
}

/// Whether two given names can be the same person's ("George" and "G.").
fn same_first(a: &str, b: &str) -> bool {
    let (a, b) = (a.trim_end_matches('.'), b.trim_end_matches('.'));
    a == b || ((a.chars().count() == 1 || b.chars().count() == 1) && a.chars().next() == b.chars().next())
}

/// An organisation's key without its legal form: "alder foods inc." → "alder foods" (the
/// endings are [`Gazetteer::name_endings`](super::gazetteer::Gazetteer::name_endings)).
fn org_key(key: &str) -> &str {
    for suffix in gazetteer().name_endings() {
        if let Some(rest) = key.strip_suffix(suffix.as_str()) {
            if !rest.is_empty() {
                return rest;
            }
        }
    }
    key
}

/// Whether a lone capitalised word may name a company or body: not a letter, not an ordinary
/// word, not a plural ("Eurobonds") and not shaped like a people's adjective ("Zairean").
fn may_be_body(word: &str) -> bool {
    let g = gazetteer();
    let plural = word.ends_with('s') && word.chars().any(char::is_lowercase);
    word.chars().count() >= 3
        && !g.is_common_word(word)
        && !plural
        && !g.lists.ends_any(List::NotBodySuffix, word)
}

/// Whether a capitalised word looks like the plural of a people's name ("Lutherans",
/// "Islanders", "Royalists").
fn is_plural_people(word: &str) -> bool {
    gazetteer().lists.ends_any(List::PluralPeopleSuffix, word)
}

/// Adds `key` to `set`, allocating only when it is new: most names recur.
fn note(set: &mut FastSet<String>, key: &str) {
    if !set.contains(key) {
        set.insert(key.to_owned());
    }
}

/// Whether candidate `c` is a person by the shape of its words alone ("Tomas Vehko"): no
/// given name, title, head word or gazetteer entry says so.
fn is_shaped_person(c: &Cand) -> bool {
    let shape_only = c.evidence.list() == [NameEvidence::Shape];
    c.target == Target::Person && (2..=3).contains(&c.tokens.len()) && c.role.is_none() && shape_only
}

/// Makes organisations of the persons read by shape alone that the article names as an
/// organisation elsewhere ("Gazeta Nova newspaper said ... Gazeta Nova said") or that the
/// tagger, over the whole article, calls organisations ([`Votes`]): "Zentrix Cables said" is
/// shaped like a person, "Zentrix Cables has sales of $3 billion" reads as a company (GUIDE
/// P2).
fn retype_shaped(doc: &Document<'_>, cands: &mut [Cand], votes: &mut Votes) {
    let mut buf = String::new();
    let mut orgs: FastSet<String> = FastSet::default();
    for c in cands.iter() {
        if is_shaped_person(c) {
            key_into(&mut buf, doc, &c.tokens);
            votes.note(&buf, c.tokens.clone());
        } else if c.target == Target::NewOrg && (2..=3).contains(&c.tokens.len()) {
            key_into(&mut buf, doc, &c.tokens);
            note(&mut orgs, &buf);
        }
    }
    for c in cands.iter_mut().filter(|c| is_shaped_person(c)) {
        key_into(&mut buf, doc, &c.tokens);
        if orgs.contains(&buf) {
            c.target = Target::NewOrg;
            c.evidence = c.evidence.with(NameEvidence::Context);
        } else if votes.kind(doc, &buf).is_some_and(|v| v.kind == Some(NameType::Org)) {
            c.target = Target::NewOrg;
            c.evidence = c.evidence.with(NameEvidence::Tagger);
        }
    }
}

/// The first pass: the names of the article that lone words may stand for.
fn collect_names(doc: &Document<'_>, cands: &[Cand], votes: Votes) -> Names {
    let mut n = Names { votes, ..Names::default() };
    let mut buf = String::new();
    for (ci, c) in cands.iter().enumerate() {
        if let (Target::Known(e), false) = (&c.target, c.venue) {
            n.involved.insert((*e).into());
        }
        if matches!(c.target, Target::Known(_) | Target::Group(_) | Target::RolePerson(_) | Target::Echo) {
            continue; // settled by their entry, class or other mentions; no name to collect
        }
        key_into(&mut buf, doc, &c.tokens);
        let key = buf.as_str();
        if matches!(c.target, Target::Single(_)) {
            n.votes.note(key, c.tokens.clone());
        }
        if c.target == Target::Single(Hint::Body) && doc.word(c.tokens.start).chars().count() >= 2 {
            note(&mut n.body_words, key);
        }
        match &c.target {
            Target::Person if c.tokens.len() >= 2 => n.note_person(doc, ci, c, key),
            Target::Person => n.know(key, Key::Solo),
            Target::NewOrg => n.note_org(doc, c, key),
            Target::NewPlace => n.know(key, Key::NewPlace),
            Target::Single(Hint::Place) => note(&mut n.place_words, key),
            Target::Single(hint) if *hint != Hint::Initial && may_be_body(doc.word(c.tokens.start)) => {
                match n.single_counts.get_mut(key) {
                    Some(count) => *count += 1,
                    None => {
                        n.single_counts.insert(key.to_owned(), 1);
                    }
                }
            }
            _ => {}
        }
    }
    n
}

impl Names {
    /// Notes the full personal name of candidate `ci` (lookup key `key`, two or more words):
    /// a new person, or a longer form of one already seen.
    fn note_person(&mut self, doc: &Document<'_>, ci: usize, c: &Cand, key: &str) {
        let words: Vec<&str> = key.split(' ').collect();
        let (first, last) = (words[0].to_owned(), words[words.len() - 1].to_owned());
        let p = match self.same_person(&words, key) {
            Some(p) => {
                let text = text_of(doc, &c.tokens);
                if text.len() > self.persons[p].name.len() {
                    self.persons[p].name = text;
                }
                p
            }
            None => {
                self.persons.push(Person { name: text_of(doc, &c.tokens), first });
                let p = self.persons.len() - 1;
                self.surnames.entry(last).or_default().push(p);
                if !gazetteer().is_first_name(words[0]) && (2..=3).contains(&words.len()) {
                    self.family_first.entry(words[0].to_owned()).or_insert(p);
                } else if gazetteer().is_first_name(words[0]) {
                    self.given.entry(words[0].to_owned()).or_default().push(p);
                }
                p
            }
        };
        self.person_of.insert(ci, p);
        // "Luiz Inacio Lula da Silva" ... "Lula said": inner names of a long name.
        if words.len() >= 3 {
            for w in &words[1..words.len() - 1] {
                if w.chars().count() > 2 {
                    self.surnames.entry((*w).to_owned()).or_insert_with(|| vec![p]);
                }
            }
        }
    }

    /// The person already seen whom the full name `words` (lookup key `key`) names too.
    fn same_person(&self, words: &[&str], key: &str) -> Option<usize> {
        let (first, last) = (words[0], words[words.len() - 1]);
        let found = self.surnames.get(last).and_then(|v| {
            // Bounded, so a list of thousands of namesakes stays linear.
            v.iter().take(16).copied().find(|&p| {
                // "De Wever" after "Bart De Wever"; "G. Lund" and "Gita Lund".
                // "Aung San Suu Kyi" after "Suu Kyi": the shorter form given first.
                let earlier = self.persons[p].name.to_lowercase();
                same_first(&self.persons[p].first, first)
                    || earlier.ends_with(&format!(" {key}"))
                    || (earlier.contains(' ') && key.ends_with(&format!(" {earlier}")))
            })
        });
        // "Boris Nikolayevich" for Boris Lund: given name and patronymic, a Russian form of
        // address, is the person with that given name.
        found.or_else(|| {
            let patronymic = words.len() == 2 && gazetteer().lists.ends_any(List::PatronymicSuffix, last);
            patronymic.then(|| self.persons.iter().position(|p| p.first == first)).flatten()
        })
    }

    /// Notes a new organisation's name (lookup key `key`), its initials and its distinctive
    /// words.
    fn note_org(&mut self, doc: &Document<'_>, c: &Cand, key: &str) {
        let initials: String = c
            .tokens
            .clone()
            .filter(|&k| doc.is_capitalized(k))
            .filter_map(|k| doc.word(k).chars().next())
            .collect();
        let key = org_key(key);
        let sym = self.syms.get(key);
        // "Alder Rail Bank SA (ARB)": the initials without a legal form at the end name it too.
        let legal =
            c.tokens.len() > 2 && is_in(List::LegalForm, doc.word(c.tokens.end - 1).trim_end_matches('.'));
        if legal && initials.chars().count() >= 3 {
            let short: String = initials.chars().take(initials.chars().count() - 1).collect();
            self.initials.entry(short).or_insert(sym);
        }
        // "U.N. Harbour Force in Lund (UNHFIL)": an acronym inside the name gives all its
        // letters and a link word its initial, as the scan spells an expansion (GUIDE P9).
        let linked: String =
            c.tokens.clone().map(|k| linked_initials(doc.word(k), doc.is_capitalized(k))).collect();
        if linked != initials && linked.chars().count() >= 2 {
            self.initials.entry(linked).or_insert(sym);
        }
        if initials.chars().count() >= 2 {
            self.initials.entry(initials).or_insert(sym);
        }
        // Each distinctive word of the name may stand for it: "Alder" for "Alder Foods Inc.",
        // "Ericsson" for "LM Ericsson AB".
        if c.tokens.len() >= 2 {
            let g = gazetteer();
            for k in c.tokens.clone() {
                let w = doc.word(k);
                if doc.is_capitalized(k)
                    && w.len() > 2
                    && !g.is_common_word(w)
                    && !g.is_first_name(w)
                    && !g.is_org_head(w)
                {
                    let mut f = String::new();
                    push_key(&mut f, w);
                    self.org_first.entry(f).or_insert(sym);
                }
            }
        }
        self.know(key, Key::NewOrg);
    }

    /// Notes a name of the article under `key` (the first key given wins), allocating only
    /// when it is new.
    fn know(&mut self, key: &str, make: fn(Sym) -> Key) {
        if !self.known.contains_key(key) {
            let sym = self.syms.get(key);
            self.known.insert(key.to_owned(), make(sym));
        }
    }

    /// The party the article names elsewhere by the lone word whose lookup key is `key`: a
    /// surname, a known single name, a family name written first, an organisation's first word.
    fn named_elsewhere(&self, key: &str) -> Option<Key> {
        if let Some(ps) = self.surnames.get(key) {
            return Some(Key::Person(ps[0]));
        }
        if let Some(&k) = self.known.get(key) {
            return Some(k);
        }
        if let Some(&p) = self.family_first.get(key) {
            return Some(Key::Person(p));
        }
        // "Alder" after "Alder Foods Inc.".
        if let Some(&org) = self.org_first.get(key) {
            return Some(Key::NewOrg(org));
        }
        // "Hillary thinks ..." where the article names one Hillary in full: a given name alone,
        // as headlines and profiles use it (GUIDE P9); with two of them, neither.
        match self.given.get(key).map(Vec::as_slice) {
            Some(&[p]) => Some(Key::Person(p)),
            _ => None,
        }
    }

    /// The party key of a lone name word whose lookup key is `key`.
    fn single(&mut self, doc: &Document<'_>, c: &Cand, hint: Option<Hint>, key: &str) -> Option<Key> {
        if let Some(k) = self.named_elsewhere(key) {
            return Some(k);
        }
        let word = doc.word(c.tokens.start);
        let acronym =
            word.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !word.chars().any(char::is_lowercase);
        if acronym {
            let letters: String = word.chars().filter(|c| c.is_alphabetic()).collect();
            if let Some(&org) = self.initials.get(&letters) {
                return Some(Key::NewOrg(org));
            }
        }
        if c.plain && hint.is_some() {
            return None; // "Well, ..." or "the Country section": an ordinary word
        }
        if self.place_words.contains(key) {
            return Some(Key::NewPlace(self.syms.get(key)));
        }
        if self.body_words.contains(key) {
            return Some(Key::NewOrg(self.syms.get(key)));
        }
        if let Some(answer) = self.by_votes(doc, hint, key, acronym) {
            return answer;
        }
        match hint {
            None => Some(Key::Solo(self.syms.get(key))),
            Some(Hint::Place) => Some(Key::NewPlace(self.syms.get(key))),
            // "Lutherans said": a plural people's name is no single speaker.
            Some(Hint::Speaker) if is_plural_people(word) => None,
            Some(Hint::Speaker) if acronym => Some(Key::NewOrg(self.syms.get(key))),
            Some(Hint::Body) => Some(Key::NewOrg(self.syms.get(key))),
            Some(Hint::Speaker) => Some(Key::Solo(self.syms.get(key))),
            Some(Hint::None) if acronym && word.chars().count() >= 3 => Some(Key::NewOrg(self.syms.get(key))),
            // An unknown name repeated in mid-sentence and never given in full is most often
            // a company or body ("Alder said ... shares in Alder rose").
            Some(Hint::None | Hint::Initial) if self.single_counts.get(key).is_some_and(|&c| c >= 2) => {
                Some(Key::NewOrg(self.syms.get(key)))
            }
            Some(_) => None,
        }
    }

    /// What the tagger's vote over the article says of the lone word `key` ([`Votes`]), where
    /// the context says nothing sure (at a sentence start, before a speech verb, or nowhere
    /// special): `Some(key)` to settle it, `Some(None)` to drop it, `None` to leave it to the
    /// rules. "Zentrix said" is a speaker, but the article's other sentences make it a body;
    /// an acronym the tagger reads as no name or a thing ("EDT", "ISDN") is no body.
    fn by_votes(
        &mut self,
        doc: &Document<'_>,
        hint: Option<Hint>,
        key: &str,
        acronym: bool,
    ) -> Option<Option<Key>> {
        // "Marines", "Afrikaners": a plural names a group, which the tagger cannot tell.
        if !matches!(hint, Some(Hint::None | Hint::Initial | Hint::Speaker)) || is_plural_people_shape(key) {
            return None;
        }
        let vote = self.votes.kind(doc, key)?;
        match vote.kind {
            // GUIDE P1: a thing, event or people's name is no party ("C-4", "the Nikkei").
            Some(NameType::Misc) => Some(None),
            // An ordinary word the tagger puts outside any name is often still a name
            // ("Britain's Sun newspaper"), an acronym outside any name is a unit or code.
            None if acronym => Some(None),
            // One reading in mid-sentence is not enough: the tagger learnt from sports results
            // that a city in a list is a team ("Lund, Vardby and Orrin").
            Some(NameType::Org) if vote.occurrences >= 2 || hint != Some(Hint::None) => {
                Some(Some(Key::NewOrg(self.syms.get(key))))
            }
            _ => None,
        }
    }

    /// A one-word organisation found by its head ("ALDERCORP") that names a known one.
    fn single_org(&self, c: &Cand, key: &str) -> Option<Key> {
        if c.tokens.len() != 1 {
            return None;
        }
        self.org_first.get(key).map(|&k| Key::NewOrg(k))
    }

    /// The person a one-word candidate with lookup key `key` names by surname or by family
    /// name written first: "Abe and Park" after President Park Geun Hye, though "Park" is a
    /// place's head word ("Central Park"; GUIDE P9).
    fn lone_person(&self, c: &Cand, key: &str) -> Option<usize> {
        if c.tokens.len() != 1 {
            return None;
        }
        self.surnames.get(key).map(|v| v[0]).or_else(|| self.family_first.get(key).copied())
    }

    /// The party key of candidate `ci`; a role person's owner is settled later, in [`merge`].
    fn key(&mut self, doc: &Document<'_>, ci: usize, c: &Cand) -> Option<Key> {
        let mut buf = std::mem::take(&mut self.buf);
        let key = self.key_with(doc, ci, c, &mut buf);
        self.buf = buf;
        key
    }

    /// [`Names::key`], writing the candidate's lookup key in `buf` when it needs one.
    fn key_with(&mut self, doc: &Document<'_>, ci: usize, c: &Cand, buf: &mut String) -> Option<Key> {
        Some(match &c.target {
            // "Maria Jordan ... Jordan said": a country's name as a known person's surname.
            Target::Known(e) if c.venue && !self.involved.contains(&(*e).into()) => {
                key_into(buf, doc, &c.tokens);
                Key::NewPlace(self.syms.get(buf))
            }
            Target::Known(e) => {
                let surname = (c.tokens.len() == 1 && !self.surnames.is_empty())
                    .then(|| with_key(doc.word(c.tokens.start), |k| self.surnames.get(k).map(|v| v[0])))
                    .flatten();
                match surname {
                    Some(p) => Key::Person(p),
                    None => Key::Known((*e).into()),
                }
            }
            Target::NewOrg => {
                key_into(buf, doc, &c.tokens);
                match self.single_org(c, buf) {
                    Some(k) => k,
                    None => Key::NewOrg(self.syms.get(org_key(buf))),
                }
            }
            Target::NewPlace => {
                key_into(buf, doc, &c.tokens);
                match self.lone_person(c, buf) {
                    Some(p) => Key::Person(p),
                    None => Key::NewPlace(self.syms.get(buf)),
                }
            }
            Target::Person => match self.person_of.get(&ci).copied() {
                Some(p) => {
                    if c.role.is_none() {
                        // "Lund Controls" is a company where the article names "Lund Controls Inc".
                        key_into(buf, doc, &c.tokens);
                        if let Some(&k @ Key::NewOrg(_)) = self.known.get(org_key(buf)) {
                            return Some(k);
                        }
                    }
                    Key::Person(p)
                }
                None => {
                    key_into(buf, doc, &c.tokens);
                    self.single(doc, c, None, buf)?
                }
            },
            Target::Single(hint) => {
                key_into(buf, doc, &c.tokens);
                self.single(doc, c, Some(*hint), buf)?
            }
            Target::Echo => {
                key_into(buf, doc, &c.tokens);
                self.named_elsewhere(buf)?
            }
            Target::Group(class) => Key::Group(class),
            Target::RolePerson(class) => Key::Role(c.affiliation.map(|_| PartyId(u32::MAX))?, class),
        })
    }
}

/// The party kind a key makes.
fn kind_of(key: &Key) -> PartyKind {
    match key {
        Key::Known(EntryKey::Country(_)) => PartyKind::Country,
        Key::Known(EntryKey::Org(_)) | Key::NewOrg(_) => PartyKind::Organization,
        Key::Known(EntryKey::Place(_)) | Key::NewPlace(_) => PartyKind::Place,
        Key::Person(_) | Key::Solo(_) | Key::Role(..) => PartyKind::Person,
        Key::Group(_) => PartyKind::Group,
    }
}

/// Turns candidates into parties and mentions. The jobs, in order: collect the article's
/// names; key every candidate; give each its party, noting roles, affiliations and aliases and
/// making its mention; add roles given in apposition; sort out overlapping mentions; index the
/// adjectives of the countries found.
pub(super) fn merge(doc: &Document<'_>, scanned: Scanned) -> Parties {
    let Scanned { mut cands, tagged, tagger } = scanned;
    let mut votes = Votes::new(tagged, tagger);
    retype_shaped(doc, &mut cands, &mut votes);
    let mut names = collect_names(doc, &cands, votes);
    let keys = key_candidates(doc, &cands, &mut names);
    let mut b = Builder::new(doc, &names, &keys, cands.len());
    for (ci, c) in cands.iter().enumerate() {
        b.add(ci, c);
    }
    let Builder { mut out, party_of, countries, .. } = b;
    add_appositive_roles(doc, &cands, &party_of, &mut out);
    settle_mentions(&mut out.mentions);
    index_adjectives(&mut out, &countries);
    out.index_mentions();
    out
}

/// Every candidate's party key, interned once (ids into `list`) so that the passes after never
/// clone strings.
struct Keys {
    /// The distinct keys.
    list: Vec<Key>,
    /// Whether something other than a loose adjective names the key: only those become parties.
    strong: Vec<bool>,
    /// The key id of each candidate.
    of_cand: Vec<Option<usize>>,
}

/// Keys every candidate (see [`Names::key`]).
fn key_candidates(doc: &Document<'_>, cands: &[Cand], names: &mut Names) -> Keys {
    let mut ids: FastMap<Key, usize> = FastMap::default();
    let (mut list, mut strong) = (Vec::new(), Vec::new());
    let mut of_cand = Vec::with_capacity(cands.len());
    for (ci, c) in cands.iter().enumerate() {
        let id = names.key(doc, ci, c).map(|key| {
            *ids.entry(key).or_insert_with_key(|k| {
                list.push(*k);
                strong.push(false);
                list.len() - 1
            })
        });
        if let (Some(id), false) = (id, c.weak) {
            strong[id] = true;
        }
        of_cand.push(id);
    }
    Keys { list, strong, of_cand }
}

/// The second pass: the parties as they are made, in text order.
struct Builder<'a, 'd> {
    /// The article.
    doc: &'a Document<'d>,
    /// The first pass's names, for canonical names.
    names: &'a Names,
    /// Every candidate's key.
    keys: &'a Keys,
    /// The parties and mentions so far.
    out: Parties,
    /// The party of each key id, once made.
    party_by_key: Vec<Option<PartyId>>,
    /// The unnamed person of each owner party and role class ("a Kremlin spokesman").
    roles: FastMap<(PartyId, &'static str), PartyId>,
    /// Gazetteer country index and party of every country party.
    countries: Vec<(usize, PartyId)>,
    /// The party of each candidate.
    party_of: Vec<Option<PartyId>>,
}

impl<'a, 'd> Builder<'a, 'd> {
    /// An empty builder for `cands` candidates keyed by `keys`.
    fn new(doc: &'a Document<'d>, names: &'a Names, keys: &'a Keys, cands: usize) -> Self {
        let mut out = Parties::default();
        out.mentions.reserve(cands);
        Builder {
            doc,
            names,
            keys,
            out,
            party_by_key: vec![None; keys.list.len()],
            roles: FastMap::default(),
            countries: Vec::new(),
            party_of: vec![None; cands],
        }
    }

    /// Gives candidate `ci` its party, notes what it says about the party, and makes its
    /// mention.
    fn add(&mut self, ci: usize, c: &Cand) {
        let Some(id) = self.keys.of_cand[ci] else { return };
        let Some(p) = self.party_for(id, c) else { return };
        self.party_of[ci] = Some(p);
        let record = &mut self.out.list[p.index()];
        record.evidence = record.evidence.union(c.evidence(matches!(self.keys.list[id], Key::Known(_))));
        if let Some(role) = &c.role {
            record.role.get_or_insert_with(|| text_of(self.doc, role));
        }
        if let Some(aff) = c.affiliation.and_then(|a| self.party_of[a]).filter(|&a| a != p) {
            record.affiliation.get_or_insert(aff.index());
        }
        if c.hidden {
            return;
        }
        self.note_alias(p, c);
        self.push_mention(p, &self.keys.list[id], c);
    }

    /// The party of candidate `c` with key id `id`, made if new; `None` for a loose adjective
    /// or a role person whose owner has no party.
    fn party_for(&mut self, id: usize, c: &Cand) -> Option<PartyId> {
        let key = self.keys.list[id];
        if let Key::Role(_, class) = key {
            // Keyed on the owner's party, which exists by now.
            let owner = c.affiliation.and_then(|a| self.party_of[a])?;
            if let Some(&p) = self.roles.get(&(owner, class)) {
                return Some(p);
            }
            let p = self.new_party(&Key::Role(owner, class), c);
            self.roles.insert((owner, class), p);
            return Some(p);
        }
        if !self.keys.strong[id] {
            return None;
        }
        if let Some(p) = self.party_by_key[id] {
            return Some(p);
        }
        let p = self.new_party(&key, c);
        self.party_by_key[id] = Some(p);
        Some(p)
    }

    /// Makes the party of `key`, first named by candidate `c`.
    fn new_party(&mut self, key: &Key, c: &Cand) -> PartyId {
        let id = PartyId::of(self.out.list.len());
        if let Key::Known(EntryKey::Country(i)) = key {
            self.countries.push((*i, id));
        }
        self.out.list.push(PartyRecord {
            name: canonical(self.doc, key, c, self.names),
            kind: kind_of(key),
            aliases: Vec::new(),
            role: None,
            affiliation: None,
            evidence: EvidenceSet::default(),
        });
        id
    }

    /// Adds the name candidate `c` gives party `p` to its aliases, if new.
    fn note_alias(&mut self, p: PartyId, c: &Cand) {
        let doc = self.doc;
        let record = &mut self.out.list[p.index()];
        let alias = match c.form {
            // "Ukrainian officials" gives the adjective "Ukrainian" as a name of Ukraine.
            MentionForm::Group if c.name.is_none() => c.adjective.as_ref(),
            MentionForm::Group | MentionForm::Role => c.name.as_ref(),
            _ => Some(&c.tokens),
        };
        let Some(r) = alias.filter(|r| !r.is_empty()) else { return };
        // Compared as written first: most mentions repeat a known name, so no allocation.
        let raw = doc.between(r.start, r.end - 1).text(doc.text);
        let known = |a: &str| a.eq_ignore_ascii_case(raw);
        if known(&record.name) || record.aliases.iter().any(|a| known(a)) {
            return;
        }
        let alias = text_of(doc, r);
        if !alias.eq_ignore_ascii_case(&record.name)
            && !record.aliases.iter().any(|a| a.eq_ignore_ascii_case(&alias))
        {
            record.aliases.push(alias);
        }
    }

    /// Makes the mention of party `p` (keyed `key`) that candidate `c` is.
    fn push_mention(&mut self, p: PartyId, key: &Key, c: &Cand) {
        let form = match (key, c.form) {
            (Key::Person(_), MentionForm::Name) if c.tokens.len() == 1 => MentionForm::Surname,
            (_, f) => f,
        };
        let doc = self.doc;
        let span = |r: &Range<usize>| doc.between(r.start, r.end.saturating_sub(1).max(r.start));
        self.out.mentions.push(Mention {
            span: span(&c.tokens),
            tokens: c.tokens.clone(),
            party: p.index(),
            form,
            name: c.name.as_ref().map(span),
            extent: span(&c.extent),
            extent_tokens: c.extent.clone(),
        });
    }
}

/// Sorts the mentions by position (longest first at one start) and drops those overlapping
/// an earlier one, and empty ones.
fn settle_mentions(mentions: &mut Vec<Mention>) {
    let order = |m: &Mention| (m.span.start, std::cmp::Reverse(m.span.end));
    if !mentions.is_sorted_by_key(order) {
        mentions.sort_by_key(order);
    }
    let mut last_end = 0;
    mentions.retain(|m| {
        let keep = m.span.start >= last_end && !m.span.is_empty();
        if keep {
            last_end = m.span.end;
        }
        keep
    });
}

/// Indexes the adjectives and demonyms of every country party (gazetteer index, party), for
/// [`Parties::party_for_adjective`].
fn index_adjectives(out: &mut Parties, countries: &[(usize, PartyId)]) {
    let g = gazetteer();
    for &(country, p) in countries {
        for &(form_name, form) in g.forms_of(country) {
            if form == Form::Adjective {
                let mut key = String::new();
                push_key(&mut key, form_name);
                out.adjectives.insert(key, p);
            }
        }
    }
}

/// Roles given in apposition: after a name ("Ana Lund, Chile's foreign minister, said", "Ana
/// Lund, the Chilean trade minister,", "Paul Rennet, chief executive of Harlow Foods,") or
/// before it, after a possessive standing for the body ("Its chief executive, Paul Rennet,",
/// "The company's chief executive, Paul Rennet,"): the person gets the role and, when the
/// article names the body, the affiliation (GUIDE P12, P13: chief executive → company).
fn add_appositive_roles(doc: &Document<'_>, cands: &[Cand], party_of: &[Option<PartyId>], out: &mut Parties) {
    for ci in 0..cands.len() {
        let Some(p) = party_of[ci] else { continue };
        let person = &out.list[p.index()];
        if person.kind != PartyKind::Person {
            continue;
        }
        if person.role.is_some() {
            // "Foreign Minister Ana Lund of Norway", "Senator Mark Lowe of the Labour Party".
            let owner = owner_after_of(doc, cands, party_of, ci).filter(|&o| o != p);
            if let Some(o) = owner {
                out.list[p.index()].affiliation.get_or_insert(o.index());
            }
            continue;
        }
        let found =
            role_after(doc, cands, party_of, ci).or_else(|| role_before(doc, cands, party_of, out, ci));
        if let Some((role, owner)) = found {
            let record = &mut out.list[p.index()];
            record.role = Some(text_of(doc, &role));
            if let Some(o) = owner.filter(|&o| o != p) {
                record.affiliation.get_or_insert(o.index());
            }
        }
    }
}

/// The country or organisation named right after candidate `ci` by "of": a titled person's
/// body ("Foreign Minister Ana Lund of Norway", GUIDE P13).
fn owner_after_of(
    doc: &Document<'_>,
    cands: &[Cand],
    party_of: &[Option<PartyId>],
    ci: usize,
) -> Option<PartyId> {
    let mut k = cands[ci].tokens.end;
    if doc.word(k) != "of" {
        return None;
    }
    k += 1;
    if is_in(List::Article, doc.word(k)) {
        k += 1;
    }
    let oc =
        (ci + 1..(ci + 3).min(cands.len())).find(|&o| cands[o].tokens.start == k && owns_titles(cands, o))?;
    party_of[oc]
}

/// Whether candidate `oc` names a body that can own a title: a country or an organisation.
fn owns_titles(cands: &[Cand], oc: usize) -> bool {
    matches!(cands[oc].target, Target::Known(Entry::Country(_) | Entry::Org(_)) | Target::NewOrg)
}

/// The title closing an apposition right after candidate `ci` ("Ana Lund, [the] [Chile's]
/// trade minister [of Norland]," or "... said"), with its owner when one is named.
fn role_after(
    doc: &Document<'_>,
    cands: &[Cand],
    party_of: &[Option<PartyId>],
    ci: usize,
) -> Option<(Range<usize>, Option<PartyId>)> {
    let c = &cands[ci];
    if doc.word(c.tokens.end) != "," {
        return None;
    }
    // Candidates come in text order: an owner, if any, is among the next few.
    let owner_at = |k: usize| {
        (ci + 1..(ci + 5).min(cands.len())).find(|&o| cands[o].tokens.start == k && owns_titles(cands, o))
    };
    let mut k = c.tokens.end + 1;
    if is_in(List::Article, doc.word(k)) {
        k += 1;
    }
    let mut owner = None;
    if let Some(oc) = owner_at(k) {
        owner = party_of[oc];
        k = cands[oc].tokens.end;
        if matches!(doc.word(k), "'s" | "’s") {
            k += 1;
        }
    }
    // A title is a few words long: no need to look further.
    let end = (k + 8).min(doc.tokens.len());
    let mut t = k;
    while t < end && t < k + 2 && is_in(List::TitleModifier, doc.word(t)) {
        t += 1;
    }
    // "policy director", "campaign manager": a portfolio word before a title is part of it.
    let mut r = t;
    while r < end
        && r < t + 2
        && is_in(List::Modifier, doc.word(r))
        && gazetteer().title(doc, r, end).is_none()
    {
        r += 1;
    }
    // "Per Holm, shipping analyst at Vardby Bank,": up to two plain lower-case words before
    // a title in the apposition are part of the role (P12, in the article's words).
    let plain = |k: usize| {
        let word = doc.word(k);
        doc.tokens[k].kind == TokenKind::Word
            && word.chars().all(|ch| ch.is_ascii_lowercase())
            && !gazetteer().is_function_word(word)
    };
    let described = || {
        (t + 1..(t + 3).min(end)).take_while(|&k| plain(k - 1)).find_map(|k| gazetteer().title(doc, k, end))
    };
    let (mut j, false) =
        gazetteer().title(doc, t, end).or_else(|| gazetteer().title(doc, r, end)).or_else(described)?
    else {
        return None;
    };
    let role = t..j;
    // "chief executive of Harlow Foods", "a spokesman for the Harlow Trust": the owner after.
    if owner.is_none() && matches!(doc.word(j), "of" | "for" | "at") {
        let mut o = j + 1;
        if is_in(List::Article, doc.word(o)) {
            o += 1;
        }
        if let Some(oc) = owner_at(o) {
            owner = party_of[oc];
            j = cands[oc].tokens.end;
        }
    }
    // The title must close the apposition: "Ana Lund, the trade minister, said".
    (matches!(doc.word(j), "," | "." | "") || doc.word(j) == "said").then_some((role, owner))
}

/// Longest title before a name, in tokens.
const MAX_TITLE_WORDS: usize = 5;

/// The title in an apposition before candidate `ci`, after a possessive that stands for the
/// body last named: "Its chief executive, Paul Rennet," and "The company's chief executive,
/// Paul Rennet," (the nearest organisation or country before), "Their spokesman, ..."; after
/// an article, the role alone ("A spokeswoman, Anna Kim,").
fn role_before(
    doc: &Document<'_>,
    cands: &[Cand],
    party_of: &[Option<PartyId>],
    out: &Parties,
    ci: usize,
) -> Option<(Range<usize>, Option<PartyId>)> {
    let s = cands[ci].tokens.start;
    if s < 3 || doc.word(s - 1) != "," {
        return None;
    }
    let comma = s - 1;
    let t = (comma.saturating_sub(MAX_TITLE_WORDS).max(1)..comma)
        .find(|&t| gazetteer().title(doc, t, comma) == Some((comma, false)))?;
    let possessor = doc.word(t - 1);
    let pronoun = matches!(possessor.to_lowercase().as_str(), "its" | "their");
    let body_noun = matches!(possessor, "'s" | "’s")
        && t >= 3
        && is_in(List::CompanyNoun, doc.word(t - 2))
        && is_in(List::Article, &doc.word(t - 3).to_lowercase());
    // "A spokeswoman, Anna Kim, said": a role with no body named.
    if is_in(List::Article, &possessor.to_lowercase()) && !body_noun {
        return Some((t..comma, None));
    }
    if !pronoun && !body_noun {
        return None;
    }
    // The body is the organisation or country named last before the title.
    let owner = (0..ci)
        .rev()
        .take_while(|&o| cands[o].tokens.end <= t)
        .filter_map(|o| party_of[o])
        .find(|o| matches!(out.list[o.index()].kind, PartyKind::Organization | PartyKind::Country));
    Some((t..comma, owner))
}

/// The canonical name of a new party.
fn canonical(doc: &Document<'_>, key: &Key, c: &Cand, names: &Names) -> String {
    let g = gazetteer();
    match key {
        Key::Known(EntryKey::Country(i)) => g.countries[*i].to_owned(),
        Key::Known(EntryKey::Org(i)) => g.orgs[*i].to_owned(),
        Key::Known(EntryKey::Place(i)) => g.places[*i].to_owned(),
        Key::Person(p) => names.persons[*p].name.clone(),
        Key::Role(..) => text_of(doc, &c.extent),
        // "Analysts believe ...": a lone collective noun is named in lower case.
        // "Democrats said ...": a party's members keep their capital (GUIDE P16).
        Key::Group(_) if c.tokens.len() == 1 && !is_in(List::PartyMember, doc.word(c.tokens.start)) => {
            text_of(doc, &c.tokens).to_lowercase()
        }
        _ => text_of(doc, &c.tokens),
    }
}

/// The letters word `w` gives a name's initials when link words count: all the letters of an
/// acronym ("U.N." → "UN"), the initial of another capitalised word or of a link word ("in" →
/// "I"), nothing for any other word.
fn linked_initials(w: &str, capitalised: bool) -> String {
    let letters = w.chars().filter(|c| c.is_alphabetic());
    if capitalised && letters.clone().count() >= 2 && letters.clone().all(char::is_uppercase) {
        letters.collect()
    } else if capitalised || matches!(w, "of" | "the" | "for" | "and" | "on" | "de" | "in") {
        w.chars().take(1).flat_map(char::to_uppercase).collect()
    } else {
        String::new()
    }
}
