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
/// keeps one per extraction, shared by the filter panel and the card list): party names and
/// salience by id, the cards, and the lower-cased searchable text of every card, made at the
/// first search only (for the 20,000 cards of 2 MB of news it took the page's thread tens of
/// milliseconds that a paste could not spare, issue 14). The latest visible list is kept, as
/// the card list and the export bar both ask for it on every render.
#[derive(Debug)]
pub struct Index {
    ex: Rc<Extraction>,
    party_at: HashMap<String, usize>,
    cards: Vec<Card>,
    search: std::cell::OnceCell<Vec<String>>,
    latest: std::cell::RefCell<Option<(Filters, Vec<Card>)>>,
}

impl Index {
    /// Indexes party names, salience and the cards.
    pub fn new(ex: Rc<Extraction>) -> Index {
        let party_at: HashMap<String, usize> =
            ex.parties.iter().enumerate().map(|(i, p)| (p.id.clone(), i)).collect();
        let cards = Card::all(&ex).filter(|c| c.item(&ex).is_some()).collect();
        Index { ex, party_at, cards, search: Default::default(), latest: Default::default() }
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

    fn salience(&self, id: &str) -> f32 {
        self.party_at.get(id).and_then(|&i| self.ex.parties.get(i)).map_or(0.0, |p| p.salience)
    }

    fn passes(
        &self,
        card: Card,
        item: Item<'_>,
        text: &str,
        f: &Filters,
        query: &[String],
        skip: Option<Facet>,
    ) -> bool {
        let on = |facet| skip != Some(facet);
        if on(Facet::Types) && !f.types.contains(&card.kind) {
            return false;
        }
        if on(Facet::Parties)
            && !f.parties.is_empty()
            && !item.involves().iter().any(|id| f.parties.contains(self.name(id)))
        {
            return false;
        }
        if on(Facet::Status) && !f.statuses.is_empty() {
            if let Item::Outcome(o) = item {
                if !f.statuses.contains(&o.status) {
                    return false;
                }
            }
        }
        if on(Facet::Speech) {
            if let Item::Claim(c) = item {
                let wanted = match f.speech {
                    Speech::All => true,
                    Speech::Direct => c.direct,
                    Speech::Reported => !c.direct,
                };
                if !wanted {
                    return false;
                }
            }
        }
        if on(Facet::Confidence) && f.hide_low && item.confidence() == Confidence::Low {
            return false;
        }
        if let Some(r) = f.relation.as_ref().filter(|_| on(Facet::Relation)) {
            if !self.on_relation(item, r) {
                return false;
            }
        }
        // Every word of the query, in any order (AND).
        !on(Facet::Query) || query.iter().all(|w| text.contains(w.as_str()))
    }

    /// Whether a card belongs to an arrow: a claim by `from` about `to`, an outcome involving
    /// both, or one of the two parties.
    fn on_relation(&self, item: Item<'_>, r: &Relation) -> bool {
        let named = |id: &str, name: &str| self.name(id) == name;
        match item {
            Item::Party(p) => p.name == r.from || p.name == r.to,
            Item::Claim(c) => {
                c.speaker_ids().any(|s| named(s, &r.from)) && c.targets.iter().any(|t| named(t, &r.to))
            }
            Item::Outcome(o) => {
                o.parties.iter().any(|p| named(p, &r.from)) && o.parties.iter().any(|p| named(p, &r.to))
            }
        }
    }

    fn matching<'s>(
        &'s self,
        f: &'s Filters,
        skip: Option<Facet>,
    ) -> impl Iterator<Item = (Card, Item<'s>)> + 's {
        // The query's words, lower-cased once rather than per card.
        let query: Vec<String> = f.query.to_lowercase().split_whitespace().map(str::to_owned).collect();
        let texts = (!query.is_empty() && skip != Some(Facet::Query)).then(|| self.texts());
        self.cards.iter().enumerate().filter_map(move |(i, card)| {
            let item = card.item(&self.ex)?;
            let text = texts.and_then(|t| t.get(i)).map_or("", String::as_str);
            self.passes(*card, item, text, f, &query, skip).then_some((*card, item))
        })
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
        let mut cards: Vec<(Card, Item<'_>)> = self.matching(f, None).collect();
        let type_rank = |c: &Card| c.kind as usize;
        match f.sort {
            Sort::Article => cards.sort_by_key(|(c, item)| (item.position(), type_rank(c))),
            Sort::Party => cards.sort_by(|(a, ia), (b, ib)| {
                // Groups by lead party, the most salient party's first (ties by name); cards
                // about no party go last.
                let lead =
                    |i: &Item<'_>| i.lead_party().map(|id| (self.salience(id), self.name(id).to_lowercase()));
                let (la, lb) = (lead(ia), lead(ib));
                la.is_none()
                    .cmp(&lb.is_none())
                    .then_with(|| match (&la, &lb) {
                        (Some((sa, na)), Some((sb, nb))) => sb.total_cmp(sa).then_with(|| na.cmp(nb)),
                        _ => std::cmp::Ordering::Equal,
                    })
                    .then(type_rank(a).cmp(&type_rank(b)))
                    .then(ia.position().cmp(&ib.position()))
            }),
            Sort::Salience => cards.sort_by(|(a, ia), (b, ib)| {
                let s = |i: &Item<'_>| i.lead_party().map_or(0.0, |id| self.salience(id));
                s(ib)
                    .total_cmp(&s(ia))
                    .then(type_rank(a).cmp(&type_rank(b)))
                    .then(ia.position().cmp(&ib.position()))
            }),
        }
        cards.into_iter().map(|(c, _)| c).collect()
    }

    /// Counts for every filter control: each leaves its own facet out.
    pub fn counts(&self, f: &Filters) -> Counts {
        let mut counts = Counts::default();
        for (card, _) in self.matching(f, Some(Facet::Types)) {
            *counts.types.entry(card.kind).or_default() += 1;
        }
        // By party first, named once at the end: a name per card and party cost the page tens
        // of milliseconds on the 20,000 cards of 2 MB of news (issue 14).
        let mut by_party = vec![0usize; self.ex.parties.len()];
        for (_, item) in self.matching(f, Some(Facet::Parties)) {
            let mut ids = item.involves();
            ids.sort_unstable();
            ids.dedup();
            for id in ids {
                match self.party_at.get(id) {
                    Some(&i) => by_party[i] += 1,
                    None => *counts.parties.entry(String::new()).or_default() += 1,
                }
            }
        }
        for (party, n) in self.ex.parties.iter().zip(by_party).filter(|(_, n)| *n > 0) {
            *counts.parties.entry(party.name.clone()).or_default() += n;
        }
        for (_, item) in self.matching(f, Some(Facet::Status)) {
            if let Item::Outcome(o) = item {
                *counts.statuses.entry(o.status).or_default() += 1;
            }
        }
        for (_, item) in self.matching(f, Some(Facet::Speech)) {
            if let Item::Claim(c) = item {
                *counts
                    .speech
                    .entry(if c.direct { Speech::Direct } else { Speech::Reported })
                    .or_default() += 1;
                *counts.speech.entry(Speech::All).or_default() += 1;
            }
        }
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
