//! The app state and its reducer: every change the user or an effect makes is an [`Action`].
//!
//! No `yew` here, so the whole state machine is tested natively. Side effects (running the
//! extractor, local storage, timers) live in the components' effects; the reducer only records
//! their results. The extraction is tagged with the text version it was made from, so a slow
//! result for old text never overwrites a newer one.
//!
//! The analyst's corrections ([`Correction`]) are part of the state, applied to each new
//! extraction; the article, its page and its corrections together are a [`Doc`], and every
//! change of the doc (a correction, Clear, the sample, a loaded file, a burst of typing) is
//! undoable through [`History`].

use super::cards::{Card, CardType};
use super::corrections::{self, Change, Correction};
use super::filter::{Facet, Filters, Relation, Sort, Speech};
use crate::extract::{Extraction, Status};
use serde::{Deserialize, Serialize};
use std::rc::Rc;

/// Texts over this many bytes are not analysed automatically: the page would stall.
pub const MAX_BYTES: usize = crate::extract::input::MAX_BYTES;

/// How many cards are rendered before "Show more".
pub const PAGE: usize = 120;

/// What the input looks like before it is analysed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputCheck {
    /// Nothing but white space.
    Empty,
    /// Larger than [`MAX_BYTES`].
    TooLarge {
        /// Its size in bytes.
        bytes: usize,
    },
    /// Long enough to judge, and under one word in ten is among the commonest English words
    /// (English news runs at about one in three): [`crate::extract::language::looks_english`].
    /// The core extracts nothing from such a text.
    NotEnglish,
    /// Fine to analyse.
    Ok,
}

/// A cheap look at the text: empty, enormous, or apparently not English.
pub fn check_input(text: &str) -> InputCheck {
    if text.trim().is_empty() {
        return InputCheck::Empty;
    }
    if text.len() > MAX_BYTES {
        return InputCheck::TooLarge { bytes: text.len() };
    }
    // The core's own gate, so the notice shows exactly when the extraction is empty for it.
    if !crate::extract::language::looks_english(text) {
        InputCheck::NotEnglish
    } else {
        InputCheck::Ok
    }
}

/// Where the extraction stands.
#[derive(Clone, Debug, PartialEq)]
pub enum Phase {
    /// Text changed; the debounced analysis has not run yet (or is running).
    Pending,
    /// The cards show the current text.
    Ready,
}

/// The whole state of one explorer.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The article as typed or loaded.
    pub text: Rc<str>,
    /// Bumped on every edit; tags extraction results.
    pub version: u64,
    /// The latest extraction with the corrections applied: what the cards show and the
    /// exports hold (perhaps of an older version while [`Phase::Pending`]).
    pub extraction: Rc<Extraction>,
    /// The latest extraction as the extractor made it.
    pub raw: Rc<Extraction>,
    /// The analyst's corrections, in the order made.
    pub corrections: Rc<Vec<Correction>>,
    /// What each correction changed (the ones that applied).
    pub changes: Rc<Vec<Change>>,
    /// Undo and redo.
    pub history: History,
    /// The text the latest extraction was made from: its spans index into this.
    pub analysed: Rc<str>,
    /// Milliseconds the latest extraction took.
    pub millis: f64,
    /// Whether the cards are up to date.
    pub phase: Phase,
    /// The active filters.
    pub filters: Filters,
    /// The card whose evidence is highlighted.
    pub selected: Option<Card>,
    /// How many cards to render.
    pub shown: usize,
    /// The headline, byline, date and site of a loaded or pasted web page.
    pub page: Option<Rc<PageInfo>>,
}

/// What a web page says about its article, shown above it and used in export file names.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageInfo {
    /// The headline.
    pub title: String,
    /// The authors.
    pub byline: String,
    /// The publication date, as the page gives it.
    pub date: String,
    /// The site or publisher.
    pub site: String,
}

impl PageInfo {
    /// The metadata of a page read by the core ([`crate::extract::readable::read`]); `None`
    /// when the page gives none.
    pub fn of(article: &crate::extract::readable::Article) -> Option<PageInfo> {
        let a = article;
        let info = PageInfo {
            title: a.title.clone(),
            byline: a.byline.clone(),
            date: a.date.clone(),
            site: a.site.clone(),
        };
        (info != PageInfo::default()).then_some(info)
    }

    /// The date's day, `2026-03-02`, when it starts with one.
    pub fn day(&self) -> Option<&str> {
        let d = self.date.get(..10)?;
        let ok =
            d.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() });
        ok.then_some(d)
    }

    /// The file name stem of exports: the day and the headline as lower-case words joined by
    /// hyphens (`2026-03-02-port-deal-signed`), at most 60 characters of headline.
    pub fn file_stem(&self) -> String {
        let mut slug = String::new();
        for word in self.title.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
            let word = word.to_lowercase();
            if slug.chars().count() + word.chars().count() > 60 {
                break;
            }
            if !slug.is_empty() {
                slug.push('-');
            }
            slug.push_str(&word);
        }
        match (self.day(), slug.is_empty()) {
            (Some(day), true) => format!("article-{day}"),
            (Some(day), false) => format!("{day}-{slug}"),
            (None, true) => "article-explorer".to_owned(),
            (None, false) => slug,
        }
    }
}

impl Default for State {
    fn default() -> State {
        State {
            text: Rc::from(""),
            version: 0,
            extraction: Rc::default(),
            raw: Rc::default(),
            corrections: Rc::default(),
            changes: Rc::default(),
            history: History::default(),
            analysed: Rc::from(""),
            millis: 0.0,
            phase: Phase::Ready,
            filters: Filters::default(),
            selected: None,
            shown: PAGE,
            page: None,
        }
    }
}

/// What the saved state holds: the article and the filters (not the derived extraction).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Saved {
    /// The article text.
    pub text: String,
    /// The filters.
    pub filters: Filters,
    /// The loaded page's headline, byline, date and site.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<PageInfo>,
    /// The analyst's corrections.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub corrections: Vec<Correction>,
    /// Where storage keeps a long text, part by part (`text` is then empty; `ui::storage`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parts: Option<Parts>,
}

/// Where a long saved text is kept: `count` parts under `generation`, `bytes` in all.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Parts {
    /// 1 or 2: the generation other than the one saved before.
    pub generation: usize,
    /// How many parts.
    pub count: usize,
    /// The text's size.
    pub bytes: usize,
}

/// What undo and redo bring back: the article, its page and its corrections.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Doc {
    /// The article text.
    pub text: Rc<str>,
    /// The loaded page's headline, byline, date and site.
    pub page: Option<Rc<PageInfo>>,
    /// The corrections.
    pub corrections: Rc<Vec<Correction>>,
}

/// How many steps undo remembers.
pub const UNDO_STEPS: usize = 100;

/// Undo and redo stacks of [`Doc`]s, each with what the step did ("rename", "Clear").
#[derive(Clone, Debug, Default, PartialEq)]
pub struct History {
    past: Vec<(Doc, String)>,
    future: Vec<(Doc, String)>,
    /// The last step was typing: further keystrokes join it rather than each being a step.
    typing: bool,
}

impl History {
    /// What undo would undo, if anything.
    pub fn undo_label(&self) -> Option<&str> {
        self.past.last().map(|(_, label)| label.as_str())
    }

    /// What redo would redo, if anything.
    pub fn redo_label(&self) -> Option<&str> {
        self.future.last().map(|(_, label)| label.as_str())
    }

    fn record(&mut self, before: Doc, label: &str, typing: bool) {
        if !(typing && self.typing) {
            self.past.push((before, label.to_owned()));
            if self.past.len() > UNDO_STEPS {
                self.past.remove(0);
            }
        }
        self.future.clear();
        self.typing = typing;
    }
}

/// Every change to the state.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// The text changed (typed, pasted, loaded or the sample); a page's headline is forgotten.
    Edit(Rc<str>),
    /// A web page was loaded or pasted: its article's text and what the page says about it.
    LoadPage(Rc<str>, Option<PageInfo>),
    /// An extraction finished for text `version`.
    Analysed {
        /// The text version it was made from.
        version: u64,
        /// That text.
        text: Rc<str>,
        /// The result.
        extraction: Rc<Extraction>,
        /// How long it took.
        millis: f64,
    },
    /// Show or hide a card type.
    ToggleType(CardType),
    /// Pick or unpick a party chip, by party name.
    ToggleParty(String),
    /// Show only the cards of this one party (clicking a mention in the article).
    OnlyParty(String),
    /// Pick or unpick an outcome status.
    ToggleStatus(Status),
    /// Direct, reported, or all claims.
    SetSpeech(Speech),
    /// Free-text search.
    SetQuery(String),
    /// Card order.
    SetSort(Sort),
    /// Hide or show the low-confidence cards.
    SetHideLow(bool),
    /// Only the cards of one arrow of the relations view (or all again).
    SetRelation(Option<Relation>),
    /// Reset one facet.
    Clear(Facet),
    /// Reset every filter.
    ClearFilters,
    /// Replace the filters (from an embedding script).
    SetFilters(Filters),
    /// Highlight a card's evidence, or nothing.
    Select(Option<Card>),
    /// Render the next page of cards.
    ShowMore,
    /// Restore a saved article and filters (on start-up).
    Restore(Saved),
    /// Forget the article and the filters (undoable: "Clear").
    Reset,
    /// Apply one correction to the cards.
    Correct(Correction),
    /// Take back the last change of the article or its corrections.
    Undo,
    /// Make again what was undone.
    Redo,
}

fn toggle<T: Ord>(set: &mut std::collections::BTreeSet<T>, value: T) {
    if !set.remove(&value) {
        set.insert(value);
    }
}

impl State {
    /// The state after `action`.
    pub fn apply(&self, action: Action) -> State {
        let mut s = self.clone();
        match action {
            Action::Edit(text) => {
                if text == s.text {
                    return s;
                }
                s.history.record(s.doc(), "typing", true);
                s.set_doc(Doc { text, page: None, corrections: Rc::default() });
            }
            Action::LoadPage(text, page) => {
                let doc = Doc { text, page: page.map(Rc::new), corrections: Rc::default() };
                if doc == s.doc() {
                    return s;
                }
                let label = if *doc.text == *super::sample::SAMPLE { "Try a sample" } else { "load" };
                s.history.record(s.doc(), label, false);
                s.set_doc(doc);
            }
            Action::Analysed { version, text, extraction, millis } => {
                if version != s.version {
                    return s;
                }
                s.raw = extraction;
                s.analysed = text;
                s.recorrect();
                s.millis = millis;
                s.phase = Phase::Ready;
                s.shown = PAGE;
                s.selected = None;
            }
            Action::ToggleType(t) => toggle(&mut s.filters.types, t),
            Action::ToggleParty(name) => toggle(&mut s.filters.parties, name),
            Action::OnlyParty(name) => {
                s.filters.parties = [name].into_iter().collect();
                s.filters.relation = None;
            }
            Action::ToggleStatus(st) => toggle(&mut s.filters.statuses, st),
            Action::SetSpeech(speech) => s.filters.speech = speech,
            Action::SetQuery(q) => s.filters.query = q,
            Action::SetSort(sort) => s.filters.sort = sort,
            Action::SetHideLow(hide) => s.filters.hide_low = hide,
            Action::SetRelation(relation) => {
                // One focus at a time: an arrow replaces the party chips.
                if relation.is_some() {
                    s.filters.parties.clear();
                }
                s.filters.relation = relation;
            }
            Action::Clear(facet) => s.filters = s.filters.cleared(facet),
            Action::ClearFilters => {
                s.filters = Filters { sort: s.filters.sort, ..Filters::default() };
            }
            Action::SetFilters(filters) => s.filters = filters,
            Action::Select(card) => s.selected = card,
            Action::ShowMore => s.shown += PAGE,
            Action::Restore(saved) => {
                let version = s.version;
                s = State { version, ..State::default() };
                s.set_doc(Doc {
                    text: Rc::from(saved.text),
                    page: saved.page.map(Rc::new),
                    corrections: Rc::new(saved.corrections),
                });
                s.filters = saved.filters;
            }
            Action::Reset => {
                let (version, mut history) = (s.version + 1, s.history.clone());
                if !s.text.is_empty() || !s.corrections.is_empty() {
                    history.record(s.doc(), "Clear", false);
                }
                s = State { version, history, ..State::default() };
            }
            Action::Correct(c) => {
                s.history.record(s.doc(), c.verb(), false);
                let mut list = (*s.corrections).clone();
                list.push(c);
                s.corrections = Rc::new(list);
                s.recorrect();
            }
            Action::Undo => {
                let Some((doc, label)) = s.history.past.pop() else { return s };
                s.history.future.push((s.doc(), label));
                s.history.typing = false;
                s.set_doc(doc);
            }
            Action::Redo => {
                let Some((doc, label)) = s.history.future.pop() else { return s };
                s.history.past.push((s.doc(), label));
                s.history.typing = false;
                s.set_doc(doc);
            }
        }
        s
    }

    /// The article, its page and its corrections: what undo brings back.
    pub fn doc(&self) -> Doc {
        Doc { text: self.text.clone(), page: self.page.clone(), corrections: self.corrections.clone() }
    }

    /// Puts `doc` in place: a new text is analysed again (the corrections are applied to the
    /// result), the same text only re-applies the corrections.
    fn set_doc(&mut self, doc: Doc) {
        self.selected = None;
        self.page = doc.page;
        self.corrections = doc.corrections;
        if doc.text != self.text {
            self.text = doc.text;
            self.version += 1;
            self.phase = Phase::Pending;
        } else {
            self.recorrect();
        }
    }

    /// The shown extraction: the raw one with the corrections applied (the very same `Rc`
    /// when there are none, so an uncorrected export is the extractor's own).
    fn recorrect(&mut self) {
        self.selected = None;
        if self.corrections.is_empty() {
            self.extraction = self.raw.clone();
            self.changes = Rc::default();
        } else {
            let (ex, changes) = corrections::apply(&self.raw, &self.corrections);
            self.extraction = Rc::new(ex);
            self.changes = Rc::new(changes);
        }
    }

    /// What to save: the article and the filters.
    pub fn saved(&self) -> Saved {
        Saved {
            text: self.text.to_string(),
            filters: self.filters.clone(),
            page: self.page.as_deref().cloned(),
            corrections: (*self.corrections).clone(),
            parts: None,
        }
    }
}
