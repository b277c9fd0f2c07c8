//! The trained name tagger inside the scan: where its names set the boundaries and types of
//! candidates, and where the rules keep the last word.
//!
//! # How tagger and rules combine
//!
//! Each sentence with a capitalised word after its first is tagged once
//! ([`Scanner::tag_names`]). Then, at a token where the tagger's name starts:
//!
//! * a MISC name (a nationality, law, event, work: "the Fifth Amendment", "Happy Holidays")
//!   is no party (GUIDE P1) and is skipped, unless the gazetteer knows the word (a country
//!   adjective such as "Norwegian" still makes "Norwegian officials" speak for Norway);
//! * a name of two or more words that the gazetteer does not cover exactly is read as one
//!   phrase with the tagger's boundaries ("Norwegian Air Shuttle ASA", "Ports and Harbours
//!   Authority", "Jordan Ellis"), and typed by the rules first (head words, titles, the
//!   dateline: GUIDE P2), then by the tagger's type;
//! * a run of capitals read by the rules is cut where a tagger name starts or ends ("the
//!   Fisheries Ministry for Norland and Drevia" is a ministry and two countries), and a run the
//!   tagger puts wholly outside any name ("Wait", "Update") is dropped;
//! * anything else (gazetteer names, titles, single words) is left to the rules, which type
//!   single words by the whole article.
//!
//! Names below [`MIN_CONFIDENCE`] are ignored, so the rules decide there.
//!
//! # Known failure cases
//!
//! * Sentences in capitals are not tagged (case is the tagger's best clue), so headlines keep
//!   the rules' reading.
//! * The tagger follows CoNLL-2003 conventions: a title is outside the name and a country as an
//!   actor is a location; both are fixed up by the rules, but an organisation the tagger calls a
//!   location ("the Ohio Coalition") becomes a place, which the scorers ignore.

use super::{
    is_compound_modifier, is_in, Boundary, Cand, Entry, Form, Hint, Hit, List, MentionForm, Pending, Scanner,
    Tagged, Target,
};
use crate::extract::segment::Sentence;
use crate::extract::segment::TokenKind;
use crate::extract::tagger::{NameSpan, NameType};
use std::ops::Range;

/// Tagger names less sure than this (margin in trained-weight units) are ignored.
pub(super) const MIN_CONFIDENCE: f32 = 0.5;

/// A one-word name types a lone word only when the tagger is this sure of it.
const SURE_SINGLE: f32 = 2.0;

impl Scanner<'_, '_> {
    /// Tags sentence number `index`, `s`, when a name boundary in it is in doubt
    /// ([`Scanner::is_doubtful`]); sentences in capitals are not tagged.
    pub(super) fn tag_names(&mut self, index: usize, s: &Sentence) {
        self.names.clear();
        self.stretches.clear();
        if s.shouted {
            return;
        }
        let (start, end) = (s.tokens.start, s.tokens.end);
        if (start..end).any(|k| self.is_doubtful(k, end)) {
            // The whole sentence is tagged: the merge's vote reads it too (`Scanned::tagged`).
            let spans = self.tag_stretch(start..end);
            self.tagged.push((index, spans));
        }
    }

    /// Tags tokens `stretch`, notes the names found, and returns them as the tagger gave
    /// them (in the stretch's word indices).
    fn tag_stretch(&mut self, stretch: Range<usize>) -> Vec<NameSpan> {
        self.stretches.push(stretch.clone());
        let words: Vec<&str> = stretch.clone().map(|k| self.doc.word(k)).collect();
        let base = stretch.start;
        let spans = self.tagger.name_spans(&words);
        self.names.extend(spans.iter().map(|n| Tagged {
            tokens: base + n.words.start..base + n.words.end,
            kind: n.kind,
            confidence: n.confidence,
        }));
        spans
    }

    /// Whether the rules may misread the name boundary at token `k`: a hard word next to a
    /// gazetteer name ("Jordan Ellis", "Norwegian Air Shuttle"), or a link word between two
    /// capitalised words ("Oversight and Government Reform Committee", "Friends of the
    /// Rivers"). Only sentences with such a token are tagged: the tagger costs
    /// about a microsecond a token, twenty times the rest of the pipeline.
    fn is_doubtful(&self, k: usize, end: usize) -> bool {
        if k + 1 >= end {
            return false;
        }
        let known = |k: usize| self.toks[k].cap && self.toks[k].info.name_start;
        if self.is_hard(k) {
            return known(k + 1) || (k > 0 && known(k - 1) && self.cap(k - 1));
        }
        if known(k) && self.adjective_before_name(k, end) {
            return true;
        }
        let link = matches!(self.word(k), "and" | "of" | "for" | "&");
        let after = if self.word(k + 1) == "the" { k + 2 } else { k + 1 };
        link && k > 0 && after < end && self.cap(k - 1) && self.cap(after)
    }

    /// Whether the gazetteer name at `k` is a country adjective before a capitalised word that
    /// is no title ("Scottish National Party", "North Korean Red Cross"): a body's name may
    /// open with the adjective (GUIDE P8), which the rules cannot tell from "Scottish voters".
    fn adjective_before_name(&self, k: usize, end: usize) -> bool {
        let Some((hit, j)) = self.longest(k, end, false) else { return false };
        hit.form == Form::Adjective
            && j < end
            && self.cap(j)
            && self.title(j, end).is_none()
            && !self.info(j).first_name
    }

    /// Whether token `k` is a capitalised word the word lists say nothing about: not a known
    /// name, title, given name, head word, function word or word this article also writes in
    /// lower case. Those are where the rules guess and the tagger helps.
    fn is_hard(&self, k: usize) -> bool {
        let t = &self.toks[k];
        let i = t.info;
        t.cap
            && !t.plain
            && !(i.name_start || i.title_start || i.first_name || i.not_name || i.function)
            && !self.g.is_org_head(self.word(k))
    }

    /// The tagger's name covering token `i`, if any.
    pub(super) fn tagged_name(&self, i: usize) -> Option<&Tagged> {
        let k = self.names.partition_point(|n| n.tokens.end <= i);
        self.names.get(k).filter(|n| n.tokens.start <= i)
    }

    /// The type of the tagger's name that is exactly `run`, if there is one.
    pub(super) fn tagged_kind(&self, run: &Range<usize>) -> Option<NameType> {
        self.tagged_name(run.start).filter(|n| n.tokens == *run).map(|n| n.kind)
    }

    /// Handles a tagger name starting at `i` when the tagger, not the rules, should settle it
    /// (see the module doc); returns the index to continue from, or `None` to leave it to the
    /// rules.
    pub(super) fn tagged_at(
        &mut self,
        s: &Sentence,
        i: usize,
        end: usize,
        pending: &mut Pending,
    ) -> Option<usize> {
        let name = self.tagged_name(i).filter(|n| n.tokens.start == i && n.confidence >= MIN_CONFIDENCE)?;
        let (kind, b) = (name.kind, name.tokens.end.min(end));
        if b > i + 1 && is_in(List::Calendar, self.word(i)) {
            // "the August Harbour Board index": the month is no part of the name; the rules
            // read the name after it.
            return None;
        }
        let known = self.longest(i, end, s.shouted);
        if let Some(org_end) = self.company_after_adjective(known, kind, b, end) {
            // GUIDE P8: "Norwegian Air Shuttle ASA" keeps its nationality adjective.
            self.push(Cand::new(i..org_end, Target::NewOrg, MentionForm::Name));
            *pending = Pending::default();
            return Some(org_end);
        }
        if kind == NameType::Misc || self.g.is_misc_head(self.word(b - 1)) {
            // GUIDE P1: a law, event or work is no actor ("the Fifth Amendment"); a demonym
            // keeps its rules ("Norwegian officials").
            // "Tamil rebels": a people's name before a collective noun names a group.
            return (known.is_none() && self.group_after(b, end).is_none()).then_some(b);
        }
        if b < i + 2 || !self.tagger_may_override(known, kind, i..b) || self.title(i, end).is_some() {
            return None;
        }
        if kind == NameType::Loc && (i + 1..b).any(|k| self.info(k).name_start) {
            return None; // "Air Chile", "Radio Peru": the rules tell a company from a place
        }
        if (i..b).any(|k| self.word(k) == "&") {
            // "Douglas & Lomason": a firm, whatever its first word (as in the rules' runs).
            self.push(Cand::new(i..b, Target::NewOrg, MentionForm::Name));
            *pending = Pending::default();
            return Some(b);
        }
        let b = self.before_trailing_title(i, b, end);
        let b = self.before_listed_countries(i, b, end);
        let b = self.with_linked_rest(i, b, end);
        let b = if kind == NameType::Per { self.with_nickname(i, b, end) } else { b };
        let initial = self.starts_sentence(i) || self.title_case;
        if let Some((hit, k)) = known.filter(|(h, k)| h.form == Form::Adjective && *k < b) {
            // "Norwegian Coastal Administration": the body is the country's (GUIDE P13).
            let mut country = Cand::new(i..k, Target::Known(hit.entry), MentionForm::Adjective);
            country.hidden = true;
            *pending = Pending { affiliation: Some(self.push(country)), ..Pending::default() };
        }
        self.classify(s, i..b, initial, end, pending);
        *pending = Pending::default();
        Some(b)
    }

    /// Whether the tagger's name `run` (of type `kind`) may replace what the rules would read
    /// at its start, given the gazetteer's name there, `known`. Not across brackets, quotation
    /// marks or commas; not from an ordinary word opening the sentence ("Representatives of
    /// Alder Bank"); over a known country or body only for a person ("Jordan Ellis"), since
    /// "OSCE Kessland mission" is a body and a place; over a country adjective or a place, yes
    /// ("Norwegian Air Shuttle ASA").
    fn tagger_may_override(&self, known: Option<(Hit, usize)>, kind: NameType, run: Range<usize>) -> bool {
        let marks = run.clone().any(|k| {
            let w = self.word(k);
            self.doc.tokens[k].kind != TokenKind::Word && w != "&" && w != "."
        });
        let common_opening = self.starts_sentence(run.start) && self.is_common_word(self.word(run.start));
        // "Representatives of Alder Bank": a collective noun opens a description, not a name.
        let collective = self.group(run.start).is_some();
        // "Oslo-based Zentrix": the modifier is no part of the name.
        let modifier = is_compound_modifier(self.word(run.start));
        let allowed = match known {
            None => true,
            Some((_, k)) if k >= run.end => false,
            Some((hit, _)) => {
                let given = is_in(List::GivenNamePlace, self.word(run.start));
                hit.form == Form::Adjective
                    || matches!(hit.entry, Entry::Place(_))
                    || kind == NameType::Per
                    || given
            }
        };
        allowed && !marks && !common_opening && !collective && !modifier
    }

    /// The end of the company whose name opens with the country adjective `i..b` (`known`,
    /// tagged MISC), when the tagger's next name, right after it, is an organisation ending
    /// in a legal form ("Norwegian" + "Air Shuttle ASA").
    fn company_after_adjective(
        &self,
        known: Option<(Hit, usize)>,
        kind: NameType,
        b: usize,
        end: usize,
    ) -> Option<usize> {
        let adjective = known.is_some_and(|(h, k)| h.form == Form::Adjective && k == b);
        let next = self.tagged_name(b).filter(|n| n.tokens.start == b && n.kind == NameType::Org)?;
        let last = self.word(next.tokens.end.min(end) - 1).trim_end_matches('.');
        (adjective && kind == NameType::Misc && is_in(List::LegalForm, last))
            .then_some(next.tokens.end.min(end))
    }

    /// The end of the tagger's name `i..b` before a link word followed by a list of countries
    /// ("the Fisheries Ministry for Norland and Drevia" is the ministry and two countries), or
    /// after a known name that follows a head word and a link word and comes before "and".
    fn before_listed_countries(&self, i: usize, b: usize, end: usize) -> usize {
        let country =
            |k: usize| self.longest(k, end, false).filter(|(h, _)| matches!(h.entry, Entry::Country(_)));
        for k in i + 1..b {
            if !(is_in(List::HeadLink, self.word(k)) && self.g.is_org_head(self.word(k - 1))) {
                continue;
            }
            let listed = country(k + 1)
                .is_some_and(|(_, c)| matches!(self.word(c), "and" | ",") && country(c + 1).is_some());
            if listed {
                return k;
            }
            // "the Civil Rights Union of Ohio and Lanvik Works": the body ends with the place.
            let known = self.longest(k + 1, end, false).map(|(_, c)| c);
            if let Some(c) = known.filter(|&c| c < b && self.word(c) == "and") {
                return c;
            }
        }
        b
    }

    /// The end of the tagger's name `i..b` with the rest of a body's name after "for the" /
    /// "of the" when it holds a head word: "Northeast Ohio Coalition" + "for the Homeless".
    fn with_linked_rest(&self, i: usize, b: usize, end: usize) -> usize {
        let linked = b + 2 < end
            && (i..b).any(|h| self.g.is_org_head(self.word(h)))
            && is_in(List::HeadLink, self.word(b))
            && self.word(b + 1) == "the"
            && self.cap(b + 2);
        if linked {
            self.plain_run(b + 2, end)
        } else {
            b
        }
    }

    /// The end of the person's name `i..b` with a nickname in brackets and the rest of the
    /// name after it, when the name opens with a given name: "Ana (Annie) Lund" (GUIDE P8).
    fn with_nickname(&self, i: usize, b: usize, end: usize) -> usize {
        let bracketed = b + 3 < end && self.word(b) == "(" && self.cap(b + 1) && self.word(b + 2) == ")";
        if bracketed && self.info(i).first_name && self.cap(b + 3) && self.name_like(b + 3) {
            self.plain_run(b + 3, end)
        } else {
            b
        }
    }

    /// The end of the tagger's name `i..b` without a title at its end that belongs to the name
    /// after it: "the Manhattan Supreme Court Justice Ana Brel" gives the court, then the judge.
    fn before_trailing_title(&self, i: usize, b: usize, end: usize) -> usize {
        let titled = |k: usize| self.title(k, end).is_some_and(|(t, h)| !h && t == b);
        match (i + 1..b).find(|&k| titled(k)) {
            Some(k) if b < end && self.cap(b) => k,
            _ => b,
        }
    }

    /// The hint the tagger's one-word name at `i` gives when it is sure: "Vardby" a place.
    pub(super) fn tagger_hint(&self, i: usize) -> Option<Hint> {
        let name = self.tagged_name(i).filter(|n| n.confidence >= SURE_SINGLE && n.tokens.len() == 1)?;
        // A lone word the tagger calls a person is left to the article (a surname of a full
        // name, "Okafor said"): read alone it calls many bodies persons ("the bloc Mercosur").
        (name.kind == NameType::Loc).then_some(Hint::Place)
    }

    /// Whether the tagger ends the run of capitals from `start` before token `j`: a name of
    /// its starts at `j`, or the name holding `start` has ended.
    pub(super) fn tagger_cuts(&self, start: usize, j: usize) -> Option<Boundary> {
        // A link word the rules took ("Ports and Harbours Authority") is theirs to keep.
        let linked = !self.cap(j - 1);
        if linked || !(self.was_tagged(start) && self.was_tagged(j)) {
            return None;
        }
        let sure = |n: &&Tagged| n.confidence >= MIN_CONFIDENCE;
        let starts_here = self.tagged_name(j).filter(sure).is_some_and(|n| n.tokens.start == j);
        let ended = self.tagged_name(start).filter(sure).is_some_and(|n| n.tokens.end <= j);
        (starts_here || ended).then_some(Boundary::Stop)
    }

    /// Whether the tagger puts every token of `run` outside its names (so the run is an
    /// ordinary capitalised word: "Wait", "Update").
    pub(super) fn tagger_rejects(&self, run: &Range<usize>) -> bool {
        run.clone().all(|k| self.was_tagged(k) && self.tagged_name(k).is_none())
    }

    /// Whether token `k` lies in a stretch the tagger read.
    fn was_tagged(&self, k: usize) -> bool {
        let i = self.stretches.partition_point(|r| r.end <= k);
        self.stretches.get(i).is_some_and(|r| r.start <= k)
    }
}
