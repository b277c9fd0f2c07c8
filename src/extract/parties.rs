//! Stage 2, the parties: every actor, its kind, canonical name, aliases and mentions.
//!
//! # Approach
//!
//! Two linear passes. `scan` walks each sentence once and proposes candidate mentions:
//!
//! * gazetteer names from `data/countries.txt`, `organizations.txt` and `places.txt` (longest
//!   match first; acronyms only with their exact capitals). A capital or seat of government
//!   ("Kyiv", "the Kremlin") is an alias of its state;
//! * titles from `data/titles.txt` ("Foreign Minister", "Mr."), which make the capitalised
//!   words after them a person, with the title as role and a preceding country adjective or
//!   name ("Chilean Foreign Minister Ana Lund") as affiliation;
//! * runs of capitalised words, typed by their last word (`org_heads.txt`: Ministry, Bank,
//!   Corp.; `place_heads.txt`: Palace, Province), by a given name (`first_names.txt`), by a
//!   title before them, or by shape (two or three name-like words are a person);
//! * collective nouns (`group_nouns.txt`) after a country or body: "Chilean officials" and
//!   "UN negotiators" speak for that country or body; "a Chilean spokesman" is an unnamed
//!   person affiliated to it; "Tamil rebels" and "analysts" are groups of their own.
//!
//! The trained name tagger ([`crate::extract::tagger`]) reads the sentences where a name's
//! boundary is in doubt (an unknown capitalised word next to a gazetteer name, or a link word
//! such as "and" or "of" between capitals), and its names set boundaries and types there
//! (`scan/tagged.rs`): "Norwegian Air Shuttle ASA" keeps its adjective, "House Oversight and
//! Government Reform Committee" is one body, a MISC name ("the Fifth Amendment") is no party
//! (GUIDE P1), a capitalised word it puts outside any name is dropped. The rules keep what
//! they do well: gazetteer typing (country, capital → country, demonym), titles, roles and
//! affiliations, head words, datelines (GUIDE P2), groups and alias merging. The tagger costs
//! about a microsecond a token, twenty times the rest of the pipeline, hence the gate.
//!
//! Fixed word lists settle a few cases by the guide: a country or place that is also a given
//! name before a surname is the person ("Jordan Ellis", P8); a ship's name after "the carrier"
//! or "USS" is no party, nor are laws, amendments, sessions and holidays (`misc_heads.txt`,
//! P1); plural party members ("Democrats") are groups (P16); greetings and interjections
//! ("Wait", "Update", "Happy Holidays") are no names (`not_names.txt`); a name spelt out
//! before its acronym in brackets is one body with the acronym as alias (P8, P9).
//!
//! A run of capitals is typed by an ordered list of rules (`scan::RULES`: head words first,
//! then titles, source and dateline lines, given names, context, shape), the first that
//! answers winning. The small closed word lists the rules use (modifiers, prepositions, legal
//! forms, particles ...) are in `data/party_words.txt`, checked by the tests.
//!
//! `merge` then turns candidates into parties: one party per gazetteer entry, per person
//! (a lone surname joins the full name that ends with it, "Lund" → "Ana Lund"), per new
//! organisation (an acronym joins the name whose initials it spells), per group class.
//!
//! Mentions are tight, as in CoNLL-style annotation: "President Ana Lund" gives the person
//! mention "Ana Lund" with role "President". Each [`Mention`] has a [`MentionForm`]; only the
//! name forms are exported as `mentions`, while descriptions that stand for a party ("Chilean
//! officials", "a Kremlin spokesman") stay internal ([`Parties::references`]); the claims
//! stage sees both through [`Parties::at_token`].
//!
//! Lone capitalised words are settled by the whole article: a surname of a full name given
//! anywhere ("Lund" → "Ana Lund", also a family name written first, "Wang" → "Wang Lin"), a
//! distinctive word of an organisation's name ("Alder" → "Alder Foods Inc."), an acronym
//! spelling a name's initials, a word seen after "in"/"near" (a place everywhere), a word
//! shaped like a company ("Oslo-based Zentrix", "a Zentrix spokesman", "Zentrix newspaper";
//! then a body wherever it occurs), or a word repeated in mid-sentence and never given in
//! full (a company or body). Where those rules give up or guess (a lone word opening a
//! sentence or before "said", a person by shape alone), the trained tagger's reading of the
//! same words across the article decides (`votes`: "Zentrix said" is a company when the
//! tagger reads "Zentrix" as one in the article's other sentences; an acronym it reads as no
//! name, "EDT", is no party). Bylines ("-- Ana Lund, Oslo
//! Newsroom") are people; a role given in apposition ("Ana Lund, Chile's trade minister,")
//! is the person's role and affiliation.
//!
//! # Known failure cases
//!
//! * Sentences without a doubtful boundary are not tagged (for speed), so a name the rules
//!   misread there stays misread; the tagger itself follows CoNLL-2003 conventions and may
//!   join a run-on ("the Fisheries Ministry for Norland and Drevia" is one name to it; the
//!   rules cut it only when both are known countries).
//! * A common-noun alias of a named group ("the guerrillas" for a named movement) is a group of
//!   its own, a duplicate where the guide lists it as an alias.
//! * A ship named without a vessel noun before it ("The Carl Vinson leads ...") is a person.
//! * A sentence-initial capitalised word that is a name but never recurs mid-sentence, and is
//!   neither in the gazetteer nor a given name, is missed ("Okonkwo said ..." alone).
//! * An unknown single capitalised word seen once, with no telling context, is dropped.
//! * Title-case headlines can yield a spurious person from two adjacent capitalised words;
//!   names of ships, films and books shaped like people's names ("the Ana Lund") are people.
//! * A country's name inside an organisation's ("Bank of Chile Holdings" works, "Chile Fruit
//!   Exporters" without a head word does not) splits into a country and a fragment.
//! * A compass adjective before a country ("eastern Chile", "Northern Chile" opening a
//!   sentence) is left out of the name, as CoNLL-style data annotates it, so the region itself
//!   is no place of its own; a capitalised compass word mid-sentence before a known country
//!   ("the fighting in Eastern Chile") still makes one place.
//! * Names of works, events and laws are skipped by their last word (Cup, Treaty, Day), so
//!   an actor with such a name ("the Harvest Day Committee" works, "Harvest Day" does not) is
//!   missed.

mod gazetteer;
mod merge;
mod scan;
mod votes;

pub use super::records::PartyId;
use super::records::{EvidenceSet, PartyKind};
use super::segment::Document;
use super::span::Span;
use std::ops::Range;

/// One actor as the later stages see it (the exported [`super::model::Party`] is built from it).
#[derive(Clone, Debug, PartialEq)]
pub struct PartyRecord {
    /// Canonical name.
    pub name: String,
    /// What sort of actor.
    pub kind: PartyKind,
    /// Other names used for it in this article.
    pub aliases: Vec<String>,
    /// Role or title, if given.
    pub role: Option<String>,
    /// Index of the party it belongs to or speaks for (see [`PartyRecord::affiliation_id`]).
    pub affiliation: Option<usize>,
    /// What told the scan its mentions name an actor (the union over its candidates).
    pub evidence: EvidenceSet,
}

impl PartyRecord {
    /// The party it belongs to or speaks for, as a typed id.
    pub fn affiliation_id(&self) -> Option<PartyId> {
        self.affiliation.map(PartyId::of)
    }
}

/// How a mention names its party.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MentionForm {
    /// The full or canonical name ("Ana Lund", "Norway", "Alder Bank").
    Name,
    /// Another name: an acronym, a capital or seat of government ("UN", "Oslo", "Kremlin").
    Alias,
    /// A surname standing for a full name given elsewhere ("Lund").
    Surname,
    /// A country adjective or demonym ("Norwegian", "Norwegians").
    Adjective,
    /// A collective speaking for the party ("Norwegian officials", "the UN delegation"); the
    /// name inside it, if any, is [`Mention::name`].
    Group,
    /// An unnamed person with a role ("a Kremlin spokesman"), a mention of a person party.
    Role,
}

impl MentionForm {
    /// Whether the mention is a name (exported as a mention) rather than a description
    /// (exported as a reference).
    pub fn is_name(self) -> bool {
        matches!(self, MentionForm::Name | MentionForm::Alias | MentionForm::Surname)
    }
}

/// One mention of a party.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// Where it is in the text.
    pub span: Span,
    /// Its tokens, as a range into [`Document::tokens`].
    pub tokens: Range<usize>,
    /// Index into [`Parties::list`] (see [`Mention::party_id`]). Kept a plain index while the
    /// claims and outcomes stages, which read it, are rewritten.
    pub party: usize,
    /// How it names the party.
    pub form: MentionForm,
    /// The name inside a description: "UN" in "UN negotiators" (None for "Chilean officials").
    pub name: Option<Span>,
    /// The whole noun phrase with titles and modifiers ("Chilean Foreign Minister Ana Lund"),
    /// for a claim's source; equal to `span` when there is nothing around the name. It may
    /// contain other mentions (the adjective "Chilean").
    pub extent: Span,
    /// The tokens of [`Mention::extent`].
    pub extent_tokens: Range<usize>,
}

impl Mention {
    /// The party it names, as a typed id.
    pub fn party_id(&self) -> PartyId {
        PartyId::of(self.party)
    }
}

/// The result of the parties stage.
#[derive(Clone, Debug, Default)]
pub struct Parties {
    /// The actors, in order of first mention.
    pub list: Vec<PartyRecord>,
    /// Every mention, sorted by position, never overlapping.
    pub mentions: Vec<Mention>,
    /// Lower-case country adjectives and demonyms of the countries in this article.
    adjectives: gazetteer::FastMap<String, PartyId>,
    /// The positions of [`Parties::mentions`], for the binary searches of the later stages.
    index: MentionIndex,
}

/// `span.start`, `tokens.start` and `tokens.end` of every mention, in order, each in a dense
/// array: a binary search over these touches far fewer cache lines than one over the mentions
/// themselves, which matters on long texts. Built by [`Parties::index_mentions`]; when it does
/// not match the mentions (a list built by hand), the searches use the mentions directly.
#[derive(Clone, Debug, Default)]
struct MentionIndex {
    starts: Vec<usize>,
    token_starts: Vec<usize>,
    token_ends: Vec<usize>,
}

impl Parties {
    /// Fills the index of the mentions' positions; called once the mentions are final.
    fn index_mentions(&mut self) {
        let m = &self.mentions;
        self.index = MentionIndex {
            starts: m.iter().map(|m| m.span.start).collect(),
            token_starts: m.iter().map(|m| m.tokens.start).collect(),
            token_ends: m.iter().map(|m| m.tokens.end).collect(),
        };
    }

    /// Whether the index describes the current mentions.
    fn indexed(&self) -> bool {
        self.index.starts.len() == self.mentions.len()
    }

    /// The mention covering token `i`, if any.
    pub fn at_token(&self, i: usize) -> Option<&Mention> {
        let k = if self.indexed() {
            self.index.token_ends.partition_point(|&end| end <= i)
        } else {
            self.mentions.partition_point(|m| m.tokens.end <= i)
        };
        self.mentions.get(k).filter(|m| m.tokens.start <= i)
    }

    /// The number of mentions starting before token `i`: `mentions[..n]` are the ones before.
    pub fn before_token(&self, i: usize) -> usize {
        if self.indexed() {
            self.index.token_starts.partition_point(|&start| start < i)
        } else {
            self.mentions.partition_point(|m| m.tokens.start < i)
        }
    }

    /// The mentions lying wholly inside `span`, in order.
    pub fn within(&self, span: Span) -> &[Mention] {
        let (a, b) = if self.indexed() {
            let starts = &self.index.starts;
            (starts.partition_point(|&s| s < span.start), starts.partition_point(|&s| s < span.end))
        } else {
            (
                self.mentions.partition_point(|m| m.span.start < span.start),
                self.mentions.partition_point(|m| m.span.start < span.end),
            )
        };
        let b = b.max(a);
        let mut end = b;
        while end > a && self.mentions[end - 1].span.end > span.end {
            end -= 1;
        }
        &self.mentions[a..end]
    }

    /// The party `id`.
    pub fn get(&self, id: PartyId) -> Option<&PartyRecord> {
        self.list.get(id.index())
    }

    /// The country party an adjective or demonym stands for, when that country is a party of
    /// this article ("Norwegian" → Norway), whatever the case of `word`.
    pub fn party_for_adjective(&self, word: &str) -> Option<PartyId> {
        let mut key = String::with_capacity(word.len());
        gazetteer::push_key(&mut key, word);
        self.adjectives.get(&key).copied()
    }

    /// The party named `name` (canonical name or alias, any case).
    pub fn find(&self, name: &str) -> Option<PartyId> {
        let index = self.list.iter().position(|p| {
            p.name.eq_ignore_ascii_case(name) || p.aliases.iter().any(|a| a.eq_ignore_ascii_case(name))
        });
        index.map(PartyId::of)
    }

    /// The descriptions standing for party `id` ("Chilean officials", "a Kremlin
    /// spokesman"): mentions that are not names, which the exported model leaves out unless a party has no name.
    pub fn references(&self, id: PartyId) -> Vec<Span> {
        let index = id.index();
        self.mentions.iter().filter(|m| m.party == index && !m.form.is_name()).map(|m| m.span).collect()
    }
}

/// Finds the parties of a segmented article.
pub fn find_parties(doc: &Document<'_>) -> Parties {
    let candidates = scan::scan(doc);
    merge::merge(doc, candidates)
}

#[cfg(test)]
mod tests;
