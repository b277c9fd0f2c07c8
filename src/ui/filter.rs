//! Which cards are visible and in what order: plain functions over plain data.
//!
//! Filters combine with AND across facets and OR within one (two party chips show the cards
//! involving either). Every facet also reports a count: how many cards it would show given all
//! the *other* active filters, so a count never promises what another filter hides.

use super::cards::{Card, CardType, Item};
use crate::extract::{Confidence, Extraction, Status};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap};
use std::rc::Rc;

/// Direct quotations, reported speech, or both.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Speech {
    /// Both.
    #[default]
    All,
    /// Quotations only.
    Direct,
    /// Reported speech only.
    Reported,
}

/// Card order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sort {
    /// As the article tells it.
    #[default]
    Article,
    /// Grouped by the party a card is about, the most salient party's group first.
    Party,
    /// Most central parties first.
    Salience,
}

impl Sort {
    /// Every order, for the sort menu.
    pub const ALL: [Sort; 3] = [Sort::Article, Sort::Party, Sort::Salience];

    /// Label for the sort menu.
    pub fn label(self) -> &'static str {
        match self {
            Sort::Article => "Article order",
            Sort::Party => "By party",
            Sort::Salience => "By salience",
        }
    }

    /// Value for the `<select>` and storage.
    pub fn key(self) -> &'static str {
        match self {
            Sort::Article => "article",
            Sort::Party => "party",
            Sort::Salience => "salience",
        }
    }

    /// Parses [`Sort::key`].
    pub fn from_key(key: &str) -> Sort {
        Sort::ALL.into_iter().find(|s| s.key() == key).unwrap_or_default()
    }
}

/// The filter state. Parties are kept by *name*, not id, so a selection survives re-extraction
/// of an edited text, where ids may shift.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Filters {
    /// Card types shown.
    pub types: BTreeSet<CardType>,
    /// Names of the parties picked as chips; empty means all.
    pub parties: BTreeSet<String>,
    /// Outcome statuses shown; empty means all.
    pub statuses: BTreeSet<Status>,
    /// Direct or reported claims.
    pub speech: Speech,
    /// Free-text search, matched case-insensitively.
    pub query: String,
    /// Card order.
    pub sort: Sort,
    /// Hide the cards the extractor is least sure of.
    pub hide_low: bool,
    /// Only the claims from one party about another and the outcomes linking them (a click on
    /// an arrow of the relations view), by party names.
    pub relation: Option<Relation>,
}

/// A speaker and a target, by party names: an arrow of the relations view.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Relation {
    /// The speaker's name.
    pub from: String,
    /// The target's name.
    pub to: String,
}

impl Default for Filters {
    fn default() -> Filters {
        Filters {
            types: CardType::ALL.into_iter().collect(),
            parties: BTreeSet::new(),
            statuses: BTreeSet::new(),
            speech: Speech::All,
            query: String::new(),
            sort: Sort::Article,
            hide_low: false,
            relation: None,
        }
    }
}

/// One dimension of filtering, so a count can leave its own facet out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Facet {
    /// Card types.
    Types,
    /// Party chips.
    Parties,
    /// Outcome status.
    Status,
    /// Direct or reported.
    Speech,
    /// Free-text search.
    Query,
    /// Low-confidence cards hidden.
    Confidence,
    /// One arrow of the relations view.
    Relation,
}

impl Filters {
    /// Whether any filter differs from the default (sort does not count: it hides nothing).
    pub fn is_active(&self) -> bool {
        self.active(Facet::Types)
            || self.active(Facet::Parties)
            || self.active(Facet::Status)
            || self.active(Facet::Speech)
            || self.active(Facet::Query)
            || self.active(Facet::Confidence)
            || self.active(Facet::Relation)
    }

    /// Whether one facet is narrowing the cards.
    pub fn active(&self, facet: Facet) -> bool {
        match facet {
            Facet::Types => self.types.len() != CardType::ALL.len(),
            Facet::Parties => !self.parties.is_empty(),
            Facet::Status => !self.statuses.is_empty(),
            Facet::Speech => self.speech != Speech::All,
            Facet::Query => !self.query.trim().is_empty(),
            Facet::Confidence => self.hide_low,
            Facet::Relation => self.relation.is_some(),
        }
    }

    /// The filters with one facet reset, for its one-click clear button.
    pub fn cleared(&self, facet: Facet) -> Filters {
        let fresh = Filters::default();
        let mut f = self.clone();
        match facet {
            Facet::Types => f.types = fresh.types,
            Facet::Parties => f.parties.clear(),
            Facet::Status => f.statuses.clear(),
            Facet::Speech => f.speech = Speech::All,
            Facet::Query => f.query.clear(),
            Facet::Confidence => f.hide_low = false,
            Facet::Relation => f.relation = None,
        }
        f
    }
}

/// What the filters need to know about an extraction, computed once per extraction (the app
/// keeps one per extraction, shared by the filter panel and the card list): for every card the
/// few facts a filter or an order reads (its type, position, confidence, the parties it
/// involves as indices), so that a filter change over the 20,000 cards of 2 MB of news reads
/// plain numbers and never an id, a name or a string hash (that took the page's thread over
/// 200 ms a change, issue 14). The lower-cased searchable text of every card is made at the
/// first search only. The latest visible list is kept, as the card list and the export bar
/// both ask for it on every render.
#[derive(Debug)]
pub struct Index {
    ex: Rc<Extraction>,
    party_at: HashMap<String, usize>,
    cards: Vec<Card>,
    facts: Vec<Facts>,
    /// The parties each card involves, as indices into the parties ([`UNKNOWN`] for an id
    /// naming none): `facts[i].involves` indexes this.
    refs: Vec<u32>,
    /// Each party's place in the "by party" order (salience, then name), ties equal; the last
    /// entry is an unknown id's (salience 0, no name).
    rank: Vec<u32>,
    /// Per party, the claims it makes and the claims about it (a party card shows them).
    claims: Vec<(usize, usize)>,
    search: std::cell::OnceCell<Vec<String>>,
    latest: std::cell::RefCell<Option<(Filters, Vec<Card>)>>,
}

/// A party index for an id that names no party.
const UNKNOWN: u32 = u32::MAX;

/// What the filters read of one card.
#[derive(Clone, Copy, Debug)]
struct Facts {
    position: usize,
    confidence: Confidence,
    /// A claim's direct or reported speech.
    direct: Option<bool>,
    /// An outcome's status.
    status: Option<Status>,
    /// Where its parties are in `refs`: a claim's speakers then its targets, an outcome's
    /// parties, a party itself.
    involves: (u32, u32),
    /// A claim's first target in `refs` (the end of its speakers); `involves.1` for the others.
    targets: u32,
    /// The party it is about first (`Item::lead_party`), or `None`.
    lead: Option<u32>,
}

/// The parties a filter names, as a flag per party index, and whether it names the empty name
/// (what an unknown id's name is).
struct Picked {
    party: Vec<bool>,
    unknown: bool,
}

impl Picked {
    fn of(ex: &Extraction, names: impl Fn(&str) -> bool) -> Picked {
        Picked { party: ex.parties.iter().map(|p| names(&p.name)).collect(), unknown: names("") }
    }

    fn has(&self, at: u32) -> bool {
        self.party.get(at as usize).copied().unwrap_or(self.unknown)
    }
}

/// What one pass over the cards checks, prepared once per pass from the filters.
struct Pass<'f> {
    f: &'f Filters,
    skip: Option<Facet>,
    parties: Option<Picked>,
    relation: Option<(Picked, Picked, &'f Relation)>,
    query: Vec<String>,
}

impl Index {
    /// Indexes party names, salience and the cards.
    pub fn new(ex: Rc<Extraction>) -> Index {
        let party_at: HashMap<String, usize> =
            ex.parties.iter().enumerate().map(|(i, p)| (p.id.clone(), i)).collect();
        let cards: Vec<Card> = Card::all(&ex).filter(|c| c.item(&ex).is_some()).collect();
        let at = |id: &str| party_at.get(id).map_or(UNKNOWN, |&i| i as u32);
        let mut refs = Vec::new();
        let facts: Vec<Facts> = cards
            .iter()
            .filter_map(|card| card.item(&ex))
            .map(|item| {
                let start = refs.len() as u32;
                let (direct, status) = match item {
                    Item::Party(_) => (None, None),
                    Item::Claim(c) => (Some(c.direct), None),
                    Item::Outcome(o) => (None, Some(o.status)),
                };
                let targets = match item {
                    Item::Claim(c) => {
                        refs.extend(c.speaker_ids().map(at));
                        let targets = refs.len() as u32;
                        refs.extend(c.targets.iter().map(|t| at(t)));
                        targets
                    }
                    _ => {
                        refs.extend(item.involves().into_iter().map(at));
                        refs.len() as u32
                    }
                };
                Facts {
                    position: item.position(),
                    confidence: item.confidence(),
                    direct,
                    status,
                    involves: (start, refs.len() as u32),
                    targets,
                    lead: item.lead_party().map(at),
                }
            })
            .collect();
        // The "by party" order of the parties: salience first, then the name in lower case.
        let lower: Vec<String> = ex.parties.iter().map(|p| p.name.to_lowercase()).collect();
        let key = |i: usize| ex.parties.get(i).map_or((0.0, ""), |p| (p.salience, lower[i].as_str()));
        let mut order: Vec<usize> = (0..=ex.parties.len()).collect();
        let cmp = |a: &usize, b: &usize| {
            let ((sa, na), (sb, nb)) = (key(*a), key(*b));
            sb.total_cmp(&sa).then_with(|| na.cmp(nb))
        };
        order.sort_by(cmp);
        let mut rank = vec![0u32; order.len()];
        for (n, pair) in order.iter().enumerate() {
            let tied = n > 0 && cmp(&order[n - 1], pair).is_eq();
            rank[*pair] = if tied { rank[order[n - 1]] } else { n as u32 };
        }
        let mut claims = vec![(0, 0); ex.parties.len()];
        let mut seen = Vec::new();
        for (_, facts) in cards.iter().zip(&facts).filter(|(c, _)| c.kind == CardType::Claim) {
            let (start, end) = facts.involves;
            for (from, to, about) in [(start, facts.targets, false), (facts.targets, end, true)] {
                seen.clear();
                seen.extend_from_slice(&refs[from as usize..to as usize]);
                seen.sort_unstable();
                seen.dedup();
                for &at in &seen {
                    if let Some(n) = claims.get_mut(at as usize) {
                        if about {
                            n.1 += 1
                        } else {
                            n.0 += 1
                        }
                    }
                }
            }
        }
        Index {
            ex,
            party_at,
            cards,
            facts,
            refs,
            rank,
            claims,
            search: Default::default(),
            latest: Default::default(),
        }
    }

    /// The searchable text of every card, in the order of `cards`.
    fn texts(&self) -> &[String] {
        self.search.get_or_init(|| {
            let name = |id: &str| self.name(id);
            self.cards
                .iter()
                .map(|c| c.item(&self.ex).map(|item| item.search_text(&name)).unwrap_or_default())
                .collect()
        })
    }

    /// The extraction indexed.
    pub fn extraction(&self) -> &Rc<Extraction> {
        &self.ex
    }

    /// The name of party `id` (empty if unknown).
    pub fn name(&self, id: &str) -> &str {
        self.party_at.get(id).and_then(|&i| self.ex.parties.get(i)).map_or("", |p| p.name.as_str())
    }

    /// The facts of item `index` of list `kind` (every item has a card, in [`Card::all`]'s order).
    fn facts_of(&self, kind: CardType, index: usize) -> Option<&Facts> {
        let before = match kind {
            CardType::Party => 0,
            CardType::Claim => self.ex.parties.len(),
            CardType::Outcome => self.ex.parties.len() + self.ex.claims.len(),
        };
        self.facts.get(before + index)
    }

    fn refs(&self, (from, to): (u32, u32)) -> &[u32] {
        &self.refs[from as usize..to as usize]
    }

    /// The speakers and the targets of claim `i`, as indices into the parties (`u32::MAX` for an
    /// id naming none): what the relations view counts, with no id looked up again.
    pub fn claim_parties(&self, i: usize) -> (&[u32], &[u32]) {
        self.facts_of(CardType::Claim, i).map_or((&[], &[]), |f| {
            (self.refs((f.involves.0, f.targets)), self.refs((f.targets, f.involves.1)))
        })
    }

    /// The parties of outcome `i`, as [`Index::claim_parties`] gives a claim's.
    pub fn outcome_parties(&self, i: usize) -> &[u32] {
        self.facts_of(CardType::Outcome, i).map_or(&[], |f| self.refs(f.involves))
    }

    /// How many cards the filters show: [`Index::visible`]'s length, without sorting them.
    pub fn visible_count(&self, f: &Filters) -> usize {
        if let Some((filters, cards)) = &*self.latest.borrow() {
            if filters == f {
                return cards.len();
            }
        }
        if f.is_active() {
            self.matching(f, None).count()
        } else {
            self.cards.len()
        }
    }

    /// How many claims party `party` (an index into the parties) makes, and how many are about it.
    pub fn party_claims(&self, party: usize) -> (usize, usize) {
        self.claims.get(party).copied().unwrap_or_default()
    }

    /// The salience of party `at` (0 if unknown).
    fn salience(&self, at: u32) -> f32 {
        self.ex.parties.get(at as usize).map_or(0.0, |p| p.salience)
    }

    /// The "by party" rank of party `at`.
    fn rank(&self, at: u32) -> u32 {
        let unknown = self.rank.len() - 1;
        self.rank[(at as usize).min(unknown)]
    }

    fn pass<'f>(&self, f: &'f Filters, skip: Option<Facet>) -> Pass<'f> {
        let on = |facet| skip != Some(facet);
        let parties = (on(Facet::Parties) && !f.parties.is_empty())
            .then(|| Picked::of(&self.ex, |n| f.parties.contains(n)));
        let relation = f
            .relation
            .as_ref()
            .filter(|_| on(Facet::Relation))
            .map(|r| (Picked::of(&self.ex, |n| n == r.from), Picked::of(&self.ex, |n| n == r.to), r));
        // The query's words, lower-cased once rather than per card.
        let query = if on(Facet::Query) {
            f.query.to_lowercase().split_whitespace().map(str::to_owned).collect()
        } else {
            Vec::new()
        };
        Pass { f, skip, parties, relation, query }
    }

    fn passes(&self, i: usize, p: &Pass<'_>, texts: Option<&[String]>) -> bool {
        let (f, card, facts) = (p.f, self.cards[i], &self.facts[i]);
        let on = |facet| p.skip != Some(facet);
        let refs = |(from, to): (u32, u32)| &self.refs[from as usize..to as usize];
        if on(Facet::Types) && !f.types.contains(&card.kind) {
            return false;
        }
        if let Some(picked) = &p.parties {
            if !refs(facts.involves).iter().any(|&at| picked.has(at)) {
                return false;
            }
        }
        if let Some(status) = facts.status.filter(|_| on(Facet::Status) && !f.statuses.is_empty()) {
            if !f.statuses.contains(&status) {
                return false;
            }
        }
        if let Some(direct) = facts.direct.filter(|_| on(Facet::Speech)) {
            let wanted = match f.speech {
                Speech::All => true,
                Speech::Direct => direct,
                Speech::Reported => !direct,
            };
            if !wanted {
                return false;
            }
        }
        if on(Facet::Confidence) && f.hide_low && facts.confidence == Confidence::Low {
            return false;
        }
        // On an arrow: a claim by `from` about `to`, an outcome involving both, or one of the
        // two parties.
        if let Some((from, to, r)) = &p.relation {
            let (start, end) = facts.involves;
            let on_it = match card.kind {
                CardType::Party => {
                    self.ex.parties.get(card.index).is_some_and(|q| q.name == r.from || q.name == r.to)
                }
                CardType::Claim => {
                    refs((start, facts.targets)).iter().any(|&at| from.has(at))
                        && refs((facts.targets, end)).iter().any(|&at| to.has(at))
                }
                CardType::Outcome => {
                    refs(facts.involves).iter().any(|&at| from.has(at))
                        && refs(facts.involves).iter().any(|&at| to.has(at))
                }
            };
            if !on_it {
                return false;
            }
        }
        // Every word of the query, in any order (AND).
        let text = texts.and_then(|t| t.get(i)).map_or("", String::as_str);
        p.query.iter().all(|w| text.contains(w.as_str()))
    }

    /// The indices of the cards that pass the filters, leaving out facet `skip`.
    fn matching<'s>(&'s self, f: &'s Filters, skip: Option<Facet>) -> impl Iterator<Item = usize> + 's {
        let pass = self.pass(f, skip);
        let texts = (!pass.query.is_empty()).then(|| self.texts());
        (0..self.cards.len()).filter(move |&i| self.passes(i, &pass, texts))
    }

    /// The visible cards, in the chosen order.
    pub fn visible(&self, f: &Filters) -> Vec<Card> {
        if let Some((filters, cards)) = &*self.latest.borrow() {
            if filters == f {
                return cards.clone();
            }
        }
        let cards = self.sorted(f);
        *self.latest.borrow_mut() = Some((f.clone(), cards.clone()));
        cards
    }

    fn sorted(&self, f: &Filters) -> Vec<Card> {
        let mut at: Vec<usize> = self.matching(f, None).collect();
        let type_rank = |i: usize| self.cards[i].kind as usize;
        let position = |i: usize| self.facts[i].position;
        match f.sort {
            Sort::Article => at.sort_by_key(|&i| (position(i), type_rank(i))),
            // Groups by lead party, the most salient party's first (ties by name); cards about
            // no party go last.
            Sort::Party => at.sort_by_key(|&i| {
                let lead = self.facts[i].lead;
                (lead.is_none(), lead.map_or(0, |p| self.rank(p)), type_rank(i), position(i))
            }),
            Sort::Salience => at.sort_by(|&a, &b| {
                let s = |i: usize| self.facts[i].lead.map_or(0.0, |p| self.salience(p));
                s(b).total_cmp(&s(a))
                    .then(type_rank(a).cmp(&type_rank(b)))
                    .then(position(a).cmp(&position(b)))
            }),
        }
        at.into_iter().map(|i| self.cards[i]).collect()
    }

    /// Counts for every filter control: each leaves its own facet out.
    pub fn counts(&self, f: &Filters) -> Counts {
        // Into arrays first, into the maps once at the end: an entry per card cost tens of
        // milliseconds on 20,000 cards.
        let mut counts = Counts::default();
        let mut types = [0usize; 3];
        for i in self.matching(f, Some(Facet::Types)) {
            types[self.cards[i].kind as usize] += 1;
        }
        counts.types = CardType::ALL.into_iter().zip(types).filter(|(_, n)| *n > 0).collect();
        // By party index first, named once at the end.
        let mut by_party = vec![0usize; self.ex.parties.len()];
        let mut unknown = 0;
        let mut ids = Vec::new();
        for i in self.matching(f, Some(Facet::Parties)) {
            let (start, end) = self.facts[i].involves;
            ids.clear();
            ids.extend_from_slice(&self.refs[start as usize..end as usize]);
            ids.sort_unstable();
            ids.dedup();
            for &at in &ids {
                match by_party.get_mut(at as usize) {
                    Some(n) => *n += 1,
                    None => unknown += 1,
                }
            }
        }
        if unknown > 0 {
            counts.parties.insert(String::new(), unknown);
        }
        for (party, n) in self.ex.parties.iter().zip(by_party).filter(|(_, n)| *n > 0) {
            *counts.parties.entry(party.name.clone()).or_default() += n;
        }
        let mut statuses = [0usize; Status::ALL.len()];
        for i in self.matching(f, Some(Facet::Status)) {
            if let Some(at) = self.facts[i].status.and_then(|s| Status::ALL.iter().position(|&t| t == s)) {
                statuses[at] += 1;
            }
        }
        counts.statuses = Status::ALL.into_iter().zip(statuses).filter(|(_, n)| *n > 0).collect();
        let (mut direct, mut reported) = (0, 0);
        for i in self.matching(f, Some(Facet::Speech)) {
            match self.facts[i].direct {
                Some(true) => direct += 1,
                Some(false) => reported += 1,
                None => {}
            }
        }
        let speech =
            [(Speech::Direct, direct), (Speech::Reported, reported), (Speech::All, direct + reported)];
        counts.speech = speech.into_iter().filter(|(_, n)| *n > 0).collect();
        counts.visible = self.matching(f, None).count();
        counts
    }
}

/// How many cards each filter value would show.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Per card type.
    pub types: HashMap<CardType, usize>,
    /// Per party name: cards involving it.
    pub parties: HashMap<String, usize>,
    /// Per outcome status.
    pub statuses: HashMap<Status, usize>,
    /// Claims per speech mode.
    pub speech: HashMap<Speech, usize>,
    /// Cards visible with every filter applied.
    pub visible: usize,
}

impl Counts {
    /// Count for a card type.
    pub fn of_type(&self, t: CardType) -> usize {
        self.types.get(&t).copied().unwrap_or(0)
    }

    /// Count for a party name.
    pub fn of_party(&self, name: &str) -> usize {
        self.parties.get(name).copied().unwrap_or(0)
    }

    /// Count for a status.
    pub fn of_status(&self, s: Status) -> usize {
        self.statuses.get(&s).copied().unwrap_or(0)
    }

    /// Count for a speech mode.
    pub fn of_speech(&self, s: Speech) -> usize {
        self.speech.get(&s).copied().unwrap_or(0)
    }
}
