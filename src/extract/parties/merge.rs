//! From candidate mentions to parties: one party per actor, every mention attached.
//!
//! Entry point: [`merge`]. Two passes over the candidates: the first collects full personal
//! names (by surname), acronyms of new organisations and the names of new organisations and
//! places, so that a lone word can be resolved whether it comes before or after the full
//! name ("Lund said ..." in a headline, "Foreign Minister Ana Lund" below); the second gives
//! every candidate its party, in text order.

use super::gazetteer::{gazetteer, push_key, with_key, Entry, FastMap, FastSet, Form};
use super::scan::{Cand, Hint, Target};
use super::{Mention, MentionForm, Parties, PartyRecord};
use crate::extract::model::PartyKind;
use crate::extract::segment::Document;
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
    Role(usize, &'static str),
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
    /// How often each lone capitalised word occurs outside sentence starts.
    single_counts: FastMap<String, usize>,
    /// Lone capitalised words seen at least once after "in", "near" ...: places wherever
    /// they occur ("in Vardby ... Vardby's mayor").
    place_words: FastSet<String>,
    /// Person key of each multi-word person candidate.
    person_of: FastMap<usize, usize>,
    /// Initials of new organisations → their key ("HPA" for "Harbour Ports Authority").
    initials: FastMap<String, Sym>,
    /// Lower-case names of new organisations and places, and of titled single names.
    known: FastMap<String, Key>,
    /// First word of a new organisation's name → its key ("alder" for "Alder Foods Inc.").
    org_first: FastMap<String, Sym>,
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

/// An organisation's key without its legal form: "alder foods inc." → "alder foods".
fn org_key(key: &str) -> &str {
    let mut k = key;
    for suffix in [
        " inc.", " inc", " co.", " co", " corp.", " corp", " ltd.", " ltd", " plc", " llc", " ag", " sa",
        " nv", " spa", " asa", " ab", " gmbh", " group",
    ] {
        if let Some(rest) = k.strip_suffix(suffix) {
            if rest.contains(' ') || !rest.is_empty() {
                k = rest;
                break;
            }
        }
    }
    k
}

/// Whether a lone capitalised word may name a company or body: not a letter, not an ordinary
/// word, not a plural ("Eurobonds") and not shaped like a people's adjective ("Zairean").
fn may_be_body(word: &str) -> bool {
    let g = gazetteer();
    let plural = word.ends_with('s') && word.chars().any(char::is_lowercase);
    word.chars().count() >= 3
        && !g.is_common_word(word)
        && !plural
        && !["an", "ese", "ic", "ish", "ist", "em", "ian"].iter().any(|s| word.ends_with(s))
}

/// Whether a capitalised word looks like the plural of a people's name ("Lutherans",
/// "Islanders", "Royalists").
fn is_plural_people(word: &str) -> bool {
    ["ans", "ers", "ists", "ites", "ics", "ians"].iter().any(|s| word.ends_with(s))
}

/// Adds `key` to `set`, allocating only when it is new: most names recur.
fn note(set: &mut FastSet<String>, key: &str) {
    if !set.contains(key) {
        set.insert(key.to_owned());
    }
}

fn collect_names(doc: &Document<'_>, cands: &[Cand]) -> Names {
    let mut n = Names::default();
    let mut buf = String::new();
    for (ci, c) in cands.iter().enumerate() {
        if matches!(c.target, Target::Known(_) | Target::Group(_) | Target::RolePerson(_)) {
            continue; // settled by their entry or class; no name to collect
        }
        key_into(&mut buf, doc, &c.tokens);
        let key = buf.as_str();
        match &c.target {
            Target::Person if c.tokens.len() >= 2 => {
                let words: Vec<&str> = key.split(' ').collect();
                let (first, last) = (words[0].to_owned(), words[words.len() - 1].to_owned());
                let found = n.surnames.get(&last).and_then(|v| {
                    // Bounded, so a list of thousands of namesakes stays linear.
                    v.iter().take(16).copied().find(|&p| {
                        // "De Wever" after "Bart De Wever"; "G. Lund" and "Gita Lund".
                        same_first(&n.persons[p].first, &first)
                            || n.persons[p].name.to_lowercase().ends_with(&format!(" {key}"))
                    })
                });
                // "Boris Nikolayevich" for Boris Lund: given name and patronymic, a Russian
                // form of address, is the person with that given name.
                let found = found.or_else(|| {
                    let patronymic = words.len() == 2
                        && ["ovich", "evich", "ovna", "evna", "ichna"].iter().any(|s| last.ends_with(s));
                    patronymic.then(|| n.persons.iter().position(|p| p.first == first)).flatten()
                });
                let p = match found {
                    Some(p) => {
                        let text = text_of(doc, &c.tokens);
                        if text.len() > n.persons[p].name.len() {
                            n.persons[p].name = text;
                        }
                        p
                    }
                    None => {
                        n.persons.push(Person { name: text_of(doc, &c.tokens), first });
                        let p = n.persons.len() - 1;
                        n.surnames.entry(last).or_default().push(p);
                        if !gazetteer().is_first_name(words[0]) && words.len() == 2 {
                            n.family_first.entry(words[0].to_owned()).or_insert(p);
                        }
                        p
                    }
                };
                n.person_of.insert(ci, p);
                // "Luiz Inacio Lula da Silva" ... "Lula said": inner names of a long name.
                if words.len() >= 3 {
                    for w in &words[1..words.len() - 1] {
                        if w.chars().count() > 2 {
                            n.surnames.entry((*w).to_owned()).or_insert_with(|| vec![p]);
                        }
                    }
                }
            }
            Target::Person => n.know(key, Key::Solo),
            Target::NewOrg => {
                let initials: String = c
                    .tokens
                    .clone()
                    .filter(|&k| doc.is_capitalized(k))
                    .filter_map(|k| doc.word(k).chars().next())
                    .collect();
                let key = org_key(key);
                let sym = n.syms.get(key);
                if initials.chars().count() >= 2 {
                    n.initials.entry(initials).or_insert(sym);
                }
                // Each distinctive word of the name may stand for it: "Alder" for "Alder
                // Foods Inc.", "Ericsson" for "LM Ericsson AB".
                if c.tokens.len() >= 2 {
                    for k in c.tokens.clone() {
                        let w = doc.word(k);
                        let g = gazetteer();
                        if doc.is_capitalized(k)
                            && w.len() > 2
                            && !g.is_common_word(w)
                            && !g.is_first_name(w)
                            && !g.is_org_head(w)
                        {
                            let mut f = String::new();
                            push_key(&mut f, w);
                            n.org_first.entry(f).or_insert(sym);
                        }
                    }
                }
                n.know(key, Key::NewOrg);
            }
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
    /// Notes a name of the article under `key` (the first key given wins), allocating only
    /// when it is new.
    fn know(&mut self, key: &str, make: fn(Sym) -> Key) {
        if !self.known.contains_key(key) {
            let sym = self.syms.get(key);
            self.known.insert(key.to_owned(), make(sym));
        }
    }

    /// The party key of a lone name word whose lookup key is `key`.
    fn single(&mut self, doc: &Document<'_>, c: &Cand, hint: Option<Hint>, key: &str) -> Option<Key> {
        if let Some(ps) = self.surnames.get(key) {
            return Some(Key::Person(ps[0]));
        }
        if let Some(&k) = self.known.get(key) {
            return Some(k);
        }
        if let Some(&p) = self.family_first.get(key) {
            return Some(Key::Person(p));
        }
        if let Some(&org) = self.org_first.get(key) {
            // "Alder" after "Alder Foods Inc.".
            return Some(Key::NewOrg(org));
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

    /// A one-word organisation found by its head ("ALDERCORP") that names a known one.
    fn single_org(&self, c: &Cand, key: &str) -> Option<Key> {
        if c.tokens.len() != 1 {
            return None;
        }
        self.org_first.get(key).map(|&k| Key::NewOrg(k))
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
                Key::NewPlace(self.syms.get(buf))
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
            Target::Group(class) => Key::Group(class),
            Target::RolePerson(class) => Key::Role(c.affiliation.map(|_| usize::MAX)?, class),
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

/// Turns candidates into parties and mentions.
pub(super) fn merge(doc: &Document<'_>, cands: Vec<Cand>) -> Parties {
    let g = gazetteer();
    let mut names = collect_names(doc, &cands);
    // Keys are interned once (ids into `key_list`) so the passes below never clone strings.
    let mut ids: FastMap<Key, usize> = FastMap::default();
    let mut key_list: Vec<Key> = Vec::new();
    // Keys that something other than a loose adjective names: only those become parties.
    let mut strong: Vec<bool> = Vec::new();
    let mut keys: Vec<Option<usize>> = Vec::with_capacity(cands.len());
    for (ci, c) in cands.iter().enumerate() {
        let id = names.key(doc, ci, c).map(|key| {
            *ids.entry(key).or_insert_with_key(|k| {
                key_list.push(*k);
                strong.push(false);
                key_list.len() - 1
            })
        });
        if let (Some(id), false) = (id, c.weak) {
            strong[id] = true;
        }
        keys.push(id);
    }
    let mut out = Parties::default();
    out.mentions.reserve(cands.len());
    let mut party_by_id: Vec<Option<usize>> = vec![None; key_list.len()];
    let mut roles: FastMap<(usize, &'static str), usize> = FastMap::default();
    let mut countries: Vec<(usize, usize)> = Vec::new();
    let mut party_of: Vec<Option<usize>> = vec![None; cands.len()];
    for (ci, c) in cands.iter().enumerate() {
        let Some(id) = keys[ci] else { continue };
        let key = &key_list[id];
        let mut new_party = |key: &Key, out: &mut Parties| {
            if let Key::Known(EntryKey::Country(i)) = key {
                countries.push((*i, out.list.len()));
            }
            out.list.push(PartyRecord {
                name: canonical(doc, key, c, &names),
                kind: kind_of(key),
                aliases: Vec::new(),
                role: None,
                affiliation: None,
            });
            out.list.len() - 1
        };
        let p = if let Key::Role(_, class) = *key {
            // Keyed on the owner's party, which exists by now.
            let Some(owner) = c.affiliation.and_then(|a| party_of[a]) else { continue };
            match roles.get(&(owner, class)) {
                Some(&p) => p,
                None => {
                    let p = new_party(&Key::Role(owner, class), &mut out);
                    roles.insert((owner, class), p);
                    p
                }
            }
        } else if !strong[id] {
            continue;
        } else {
            match party_by_id[id] {
                Some(p) => p,
                None => {
                    let p = new_party(key, &mut out);
                    party_by_id[id] = Some(p);
                    p
                }
            }
        };
        party_of[ci] = Some(p);
        let record = &mut out.list[p];
        if let Some(role) = &c.role {
            record.role.get_or_insert_with(|| text_of(doc, role));
        }
        if let Some(aff) = c.affiliation.and_then(|a| party_of[a]).filter(|&a| a != p) {
            record.affiliation.get_or_insert(aff);
        }
        if c.hidden {
            continue;
        }
        let alias = match c.form {
            // "Ukrainian officials" gives the adjective "Ukrainian" as a name of Ukraine.
            MentionForm::Group if c.name.is_none() => c.adjective.as_ref(),
            MentionForm::Group | MentionForm::Role => c.name.as_ref(),
            _ => Some(&c.tokens),
        };
        if let Some(r) = alias.filter(|r| !r.is_empty()) {
            // Compared as written first: most mentions repeat a known name, so no allocation.
            let raw = doc.between(r.start, r.end - 1).text(doc.text);
            let known = |a: &str| a.eq_ignore_ascii_case(raw);
            if !known(&record.name) && !record.aliases.iter().any(|a| known(a)) {
                let alias = text_of(doc, r);
                if !alias.eq_ignore_ascii_case(&record.name)
                    && !record.aliases.iter().any(|a| a.eq_ignore_ascii_case(&alias))
                {
                    record.aliases.push(alias);
                }
            }
        }
        let form = match (key, c.form) {
            (Key::Person(_), MentionForm::Name) if c.tokens.len() == 1 => MentionForm::Surname,
            (_, f) => f,
        };
        let span = |r: &Range<usize>| doc.between(r.start, r.end.saturating_sub(1).max(r.start));
        out.mentions.push(Mention {
            span: span(&c.tokens),
            tokens: c.tokens.clone(),
            party: p,
            form,
            name: c.name.as_ref().map(span),
            extent: span(&c.extent),
            extent_tokens: c.extent.clone(),
        });
    }
    add_appositive_roles(doc, &cands, &party_of, &mut out);
    let order = |m: &Mention| (m.span.start, std::cmp::Reverse(m.span.end));
    if !out.mentions.is_sorted_by_key(order) {
        out.mentions.sort_by_key(order);
    }
    let mut last_end = 0;
    out.mentions.retain(|m| {
        let keep = m.span.start >= last_end && !m.span.is_empty();
        if keep {
            last_end = m.span.end;
        }
        keep
    });
    for (country, p) in countries {
        for &(form_name, form) in g.forms_of(country) {
            if form == Form::Adjective {
                let mut key = String::new();
                push_key(&mut key, form_name);
                out.adjectives.insert(key, p);
            }
        }
    }
    out.index_mentions();
    out
}

/// Roles given after a name: "Ana Lund, Chile's foreign minister, said" and "Ana Lund, the
/// Chilean trade minister," give Ana Lund a role and an affiliation.
fn add_appositive_roles(doc: &Document<'_>, cands: &[Cand], party_of: &[Option<usize>], out: &mut Parties) {
    let g = gazetteer();
    for (ci, c) in cands.iter().enumerate() {
        let Some(p) = party_of[ci] else { continue };
        if out.list[p].kind != PartyKind::Person
            || out.list[p].role.is_some()
            || doc.word(c.tokens.end) != ","
        {
            continue;
        }
        let mut k = c.tokens.end + 1;
        if matches!(doc.word(k), "the" | "a" | "an") {
            k += 1;
        }
        let mut owner = None;
        // Candidates come in text order: the owner, if any, is among the next few.
        if let Some(oc) = (ci + 1..(ci + 4).min(cands.len())).find(|&o| cands[o].tokens.start == k) {
            if matches!(cands[oc].target, Target::Known(Entry::Country(_) | Entry::Org(_)) | Target::NewOrg) {
                owner = party_of[oc];
                k = cands[oc].tokens.end;
                if matches!(doc.word(k), "'s" | "’s") {
                    k += 1;
                }
            }
        }
        // A title is a few words long: no need to look further.
        let end = (k + 8).min(doc.tokens.len());
        let mut t = k;
        while t < end
            && t < k + 2
            && matches!(doc.word(t), "former" | "acting" | "senior" | "top" | "new" | "then")
        {
            t += 1;
        }
        if let Some((j, false)) = g.title(doc, t, end) {
            // The title must close the apposition: "Ana Lund, the trade minister, said".
            if matches!(doc.word(j), "," | "." | "") || doc.word(j) == "said" {
                let record = &mut out.list[p];
                record.role = Some(text_of(doc, &(t..j)));
                if let Some(o) = owner.filter(|&o| o != p) {
                    record.affiliation.get_or_insert(o);
                }
            }
        }
    }
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
        Key::Group(_) if c.tokens.len() == 1 => text_of(doc, &c.tokens).to_lowercase(),
        _ => text_of(doc, &c.tokens),
    }
}
