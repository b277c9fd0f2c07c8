//! Candidate mentions: one left-to-right pass over each sentence proposes what may name an
//! actor (see the parent module for what counts).
//!
//! # Algorithm
//!
//! Entry point: [`scan`]. Each token is first looked up once in the gazetteer's per-token table
//! (title start, name start, given name, collective noun ...), and capitalised words the
//! article also writes in lower case are marked plain. Then, per sentence, the trained tagger
//! reads it if a name boundary is in doubt (`tagged`), and at each token in order
//! ([`Scanner::token`]): a possessive makes the candidate before it a pending affiliation; a
//! ship's name, a party-member plural or a name spelt out before its acronym is settled; a
//! tagger name the rules should not cut is read whole (`tagged`); a gazetteer name is taken whole, with a collective noun after it ("UN
//! negotiators"); a title or portfolio is noted as pending for the name after it; a run of
//! capitalised words ([`Scanner::name_run`]) is read, cut at a new gazetteer name or title,
//! trimmed of ordinary words at its edges and typed by the ordered rule list [`RULES`]; a
//! lower-case collective noun ("analysts") is a group. Candidates come out in text order and
//! never overlap, except `hidden` ones, which only link a description to the country inside
//! it ("Tamil" in "Tamil rebels") and are never exported as mentions. The pass is linear: runs
//! of capitals are cut at [`MAX_NAME_WORDS`].
//!
//! # Known failure cases
//!
//! * In a title-case headline a person's run is cut to two words ("Ana Lund Wins Vote" gives
//!   the mention "Ana Lund"), but the candidate's extent keeps the whole run ("Ana Lund Wins
//!   Vote"), so a claim's source may read too far.
//! * The rule `org_by_shouted_head` wants an all-capital head word of four or more letters,
//!   and `org_heads.txt` has none ("the MINISTRY said" gives no organisation).
//! * A capitalised phrase alone in quotation marks is dropped as a title or slogan, also when
//!   it is a name ("“Alder Foods” said ..." gives nothing).
//! * Anything capitalised inside a shouted (all-capitals) line is skipped, except in a
//!   dateline.

use super::gazetteer::{
    gazetteer, is_connector, is_in, key_hash, Entry, FastSet, Form, Gazetteer, GroupNoun, Hit, List, Sort,
    WordInfo,
};
use super::MentionForm;
use crate::extract::par;
use crate::extract::records::{EvidenceSet, NameEvidence};
use crate::extract::segment::{Document, Sentence, TokenKind};
use crate::extract::tagger::{self, NameType};
use std::ops::Range;

mod tagged;

/// What a candidate names.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Target {
    /// A gazetteer entry.
    Known(Entry),
    /// An organisation found by its head word.
    NewOrg,
    /// A place found by its head word, a dateline or "X, Country".
    NewPlace,
    /// A named person.
    Person,
    /// One capitalised word whose type is settled in the merge.
    Single(Hint),
    /// One capitalised word the tagger puts outside any name: a mention only of a party the
    /// article names by that word elsewhere ("Sen. Bernie Sanders ... Sanders highlighted
    /// polls": one name keeps one sense through an article), otherwise nothing.
    Echo,
    /// A collective of its own, by class ("rebels").
    Group(&'static str),
    /// An unnamed person with a role, by class ("spokesperson").
    RolePerson(&'static str),
}

/// What the context says about a lone capitalised word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Hint {
    /// Nothing.
    None,
    /// After "in", "near" ...: a place.
    Place,
    /// Before "said", "told" ...: a speaker, so a person.
    Speaker,
    /// First word of a sentence: may be any capitalised word.
    Initial,
    /// Shaped like a company or body: "Oslo-based Zentrix", "Zentrix spokesman".
    Body,
}

/// A proposed mention.
#[derive(Clone, Debug)]
pub(super) struct Cand {
    /// The mention's tokens.
    pub tokens: Range<usize>,
    /// The name inside a description.
    pub name: Option<Range<usize>>,
    /// The whole noun phrase.
    pub extent: Range<usize>,
    /// What it names.
    pub target: Target,
    /// How it names it.
    pub form: MentionForm,
    /// The title before a person's name.
    pub role: Option<Range<usize>>,
    /// Index of the candidate it belongs to or speaks for.
    pub affiliation: Option<usize>,
    /// Feeds its party but is not a mention.
    pub hidden: bool,
    /// An adjective that does not make its country a party on its own ("Norwegian salmon").
    pub weak: bool,
    /// The country adjective opening a description ("South Korean" in "South Korean officials").
    pub adjective: Option<Range<usize>>,
    /// A lone capitalised word this article also writes in lower case ("Well", "Country"):
    /// kept only if it names someone known (a surname, a company's word).
    pub plain: bool,
    /// A capital named as a venue ("talks in Vessa"): a place unless the article names its
    /// country in some other way (GUIDE P2, P3).
    pub venue: bool,
    /// What the scan read it by: the rule that typed a run, the tagger, a title.
    pub evidence: EvidenceSet,
}

impl Cand {
    /// Everything that makes this candidate name an actor: what the scan read it by, a
    /// gazetteer entry (also when the merge finds a lone word `known` there), a title before
    /// it, a collective noun.
    pub fn evidence(&self, known: bool) -> EvidenceSet {
        let mut e = self.evidence;
        if known || matches!(self.target, Target::Known(_)) {
            e = e.with(NameEvidence::Gazetteer);
        }
        if matches!(self.target, Target::Group(_) | Target::RolePerson(_)) || self.form == MentionForm::Group
        {
            e = e.with(NameEvidence::Collective);
        }
        if self.role.is_some() {
            e = e.with(NameEvidence::Title);
        }
        // A lone word settled by the article (a surname, a company's word) is context.
        if matches!(self.target, Target::Single(_)) && !known {
            e = e.with(NameEvidence::Context);
        }
        e
    }

    /// A candidate whose extent is its tokens, with nothing else known.
    fn new(tokens: Range<usize>, target: Target, form: MentionForm) -> Cand {
        Cand {
            extent: tokens.clone(),
            tokens,
            name: None,
            target,
            form,
            role: None,
            affiliation: None,
            hidden: false,
            weak: false,
            adjective: None,
            plain: false,
            venue: false,
            evidence: EvidenceSet::default(),
        }
    }
}

/// The candidate for a collective noun after a name: an unnamed person with a role ("a
/// Kremlin spokesman") or a group ("Kurdistan rebels"), by the noun's sort.
fn collective(tokens: Range<usize>, class: &'static str, sort: Sort) -> Cand {
    if sort == Sort::Person {
        Cand::new(tokens, Target::RolePerson(class), MentionForm::Role)
    } else {
        Cand::new(tokens, Target::Group(class), MentionForm::Name)
    }
}

/// A title, country adjective or body seen just before a possible name.
#[derive(Default)]
struct Pending {
    start: Option<usize>,
    role: Option<Range<usize>>,
    honorific: bool,
    affiliation: Option<usize>,
}

impl Pending {
    /// Nothing is pending (as after `Pending::default()`).
    fn is_empty(&self) -> bool {
        self.start.is_none() && self.role.is_none() && !self.honorific && self.affiliation.is_none()
    }
}

/// Lower-case words that may stand between a title or adjective and a name or collective
/// ("the Chilean former foreign minister", "Norwegian senior officials").
fn is_modifier(word: &str) -> bool {
    is_in(List::Modifier, word)
}

/// Words before a lone capitalised word that make it a place ("in Lund").
fn is_place_preposition(word: &str) -> bool {
    is_in(List::PlacePreposition, word)
}

/// Nouns (in lower case) before "in" that take a company, not a place ("a stake in Zentrix").
fn is_holding_noun(word: &str) -> bool {
    is_in(List::HoldingNoun, word)
}

/// Verbs after a lone capitalised word that make it a speaker ("Lund said").
fn is_speech_verb(word: &str) -> bool {
    is_in(List::SpeechVerb, word)
}

/// The most words a name may have; runs of capitals are cut there, keeping the scan linear.
const MAX_NAME_WORDS: usize = 12;

/// Legal forms that end a company's name ("Inc", "Corp.", "AG").
fn is_legal_form(word: &str) -> bool {
    is_in(List::LegalForm, word.trim_end_matches('.'))
}

/// Capitalised compass words that open a region's name ("East Lund", "Southern Chile").
fn is_compass(word: &str) -> bool {
    is_in(List::Compass, word)
}

/// Compass adjectives ("eastern", "northern"): before a country's name they make no name of
/// their own ("in eastern Chile" names Chile, GUIDE P1/P4, as CoNLL-style data annotates it).
fn is_region_word(word: &str) -> bool {
    is_in(List::RegionWord, word)
}

/// Words that open place names ("St. Ulla", "Fort Berg", "Mount Lund", "San Ramo").
fn is_place_prefix(word: &str) -> bool {
    is_in(List::PlacePrefix, word)
}

/// Hyphenated modifiers built on a name ("Oslo-based", "Lund-born"): not names themselves.
fn is_compound_modifier(word: &str) -> bool {
    gazetteer().lists.words(List::CompoundSuffix).iter().any(|s| word.len() > s.len() && word.ends_with(s))
}

/// The lower-case words that may stand inside a name spelt out before its acronym, giving
/// their initial or not ("Friends of the Northern Rivers Trust (FNRT)").
fn is_initial_link(word: &str) -> bool {
    matches!(word, "of" | "the" | "for" | "and" | "&" | "on" | "de" | "in")
}

/// Articles, pronouns, prepositions and conjunctions (any case): never the start of a name.
fn is_closed_class(word: &str) -> bool {
    // Asked of most capitalised words: lower-cased on the stack, not in a new String (a word
    // longer than the buffer, rare, takes the String).
    let mut buf = [0u8; 16];
    let Some(key) = buf.get_mut(..word.len()) else {
        return is_in(List::ClosedClass, &word.to_ascii_lowercase());
    };
    key.copy_from_slice(word.as_bytes());
    key.make_ascii_lowercase();
    // ASCII lower-casing keeps UTF-8 valid.
    std::str::from_utf8(key).is_ok_and(|k| is_in(List::ClosedClass, k))
}

/// Whether a capitalised word is shaped like an adjective of a people or creed ("Republican",
/// "Democratic", "Baltic", "Kurdish"): before "officials" it names no body.
fn is_adjective_shape(word: &str) -> bool {
    gazetteer().lists.ends_any(List::AdjectiveSuffix, word)
}

/// Whether a capitalised word looks like a plural ("Ministers", "Villagers").
pub(super) fn is_plural_people_shape(word: &str) -> bool {
    word.ends_with('s') && !word.ends_with("ss")
}

/// A party-and-state label such as "R-S" of "(R-S.C.)" or "D-Vt": one capital, a hyphen, a
/// capital.
fn is_party_label(word: &str) -> bool {
    let b = word.as_bytes();
    b.len() >= 3 && b[0].is_ascii_uppercase() && b[1] == b'-' && b[2].is_ascii_uppercase()
}

/// Name particles that may sit inside a person's name ("Ana de Lund", "Omar bin Said").
fn is_particle(word: &str) -> bool {
    is_in(List::Particle, word)
}

/// Words joining two capitalised parts of a name after a head word ("Ministry of Trade and
/// Industry").
fn is_run_link(word: &str) -> bool {
    is_in(List::RunLink, word)
}

/// Words after a head word that open the rest of its name ("Bank of Lund", "Office for Ports").
fn is_head_link(word: &str) -> bool {
    is_in(List::HeadLink, word)
}

/// What is known about one token before the scan.
#[derive(Clone, Copy, Default)]
struct Tok {
    info: WordInfo,
    cap: bool,
    /// Capitalised, but an ordinary word: a function word, or one this article also writes
    /// in lower case (not a title or a gazetteer name). "Was", "Over", "Voters".
    plain: bool,
}

/// The state of the scan: the document, the per-token facts and the candidates so far.
struct Scanner<'d, 't> {
    doc: &'d Document<'t>,
    g: &'static Gazetteer,
    toks: &'d [Tok],
    /// Hashes of the lower-case words of the article (to tell "Talks" from a name).
    lower_words: &'d FastSet<u64>,
    out: Vec<Cand>,
    /// First token of the sentence being scanned.
    sentence_start: usize,
    /// The sentence is in title case ("Talks Fail Over Ports"): capitals say little.
    title_case: bool,
    /// The trained tagger's names in the sentence being scanned, as token ranges of the
    /// document, in order (empty when the sentence was not tagged).
    names: Vec<Tagged>,
    /// The stretches of tokens of the sentence being scanned that were tagged, in order.
    stretches: Vec<Range<usize>>,
    /// The trained tagger, with its per-article caches.
    tagger: tagger::Tagger,
    /// Every sentence tagged so far: its index and the tagger's names in it, in the
    /// sentence's word indices. The merge's vote reads these rather than tag them again.
    tagged: SentenceNames,
}

/// Sentences the scan tagged, by index, with the tagger's names in each (in the sentence's
/// word indices, as [`tagger::Tagger::name_spans`] gives them), in sentence order.
pub(super) type SentenceNames = Vec<(usize, Vec<tagger::NameSpan>)>;

/// What the scan finds: the candidates, and the sentences it tagged on the way.
pub(super) struct Scanned {
    /// Every candidate, in text order.
    pub cands: Vec<Cand>,
    /// The sentences tagged ([`SentenceNames`]).
    pub tagged: SentenceNames,
    /// The tagger, with what it learnt of the article's words: the merge's vote tags more
    /// of its sentences, mostly with the same words.
    pub tagger: tagger::Tagger,
}

/// One name the trained tagger found, in document token indices.
#[derive(Clone, Debug)]
struct Tagged {
    /// Its tokens.
    tokens: Range<usize>,
    /// Its type.
    kind: NameType,
    /// The tagger's margin (see [`tagger::NameSpan::confidence`]).
    confidence: f32,
}

/// A run of capitalised words being read by [`Scanner::name_run`].
struct Run {
    /// Its first token.
    start: usize,
    /// How far it may reach (the sentence's end, or [`MAX_NAME_WORDS`] on).
    end: usize,
    /// The next token to look at: the run so far is `start..next`.
    next: usize,
    /// It holds a head word of an organisation or place ("Ministry", "Province").
    has_head: bool,
    /// It holds "&" ("Lund & Berg"): a firm.
    ampersand: bool,
    /// It ends in a known place after a head word and "of" ("Union of Ohio"): an "and" after
    /// it starts another name ("... and Demos").
    closed: bool,
}

/// What a gazetteer name or title at the next word of a [`Run`] does to it.
enum Boundary {
    /// Nothing: the word may join the run.
    Open,
    /// A country's name inside an organisation's ("Federation of Chilean Ports"): the run
    /// goes on from this index.
    Skip(usize),
    /// A new name starts here ("Lund Chile", "Lund President Berg"): the run ends before it.
    Stop,
    /// The run and the name make one candidate, already proposed ("East Lund", "Air Chile");
    /// the scan goes on from this index.
    Done(usize),
}

/// A trimmed run of capitalised words `a..j` to classify, and what is known around it.
struct Phrase<'s> {
    /// The sentence it is in.
    s: &'s Sentence,
    /// Its first token.
    a: usize,
    /// The token just past it.
    j: usize,
    /// Its number of tokens.
    n: usize,
    /// The end of the stretch of tokens it was read from.
    end: usize,
    /// It opens the sentence (or the sentence is in title case): capitals say little.
    initial: bool,
    /// A title or honorific stands before it ("Foreign Minister", "Mr.").
    titled: bool,
    /// The type the trained tagger gives exactly these words, if it does.
    tagged: Option<NameType>,
}

impl Phrase<'_> {
    /// Its last word.
    fn last<'t>(&self, sc: &Scanner<'_, 't>) -> &'t str {
        sc.word(self.j - 1)
    }
}

/// One rule of [`Scanner::classify`]: what a run of capitals names, or `None` to pass it on.
struct Rule {
    /// A short name, unique in [`RULES`] (read by the tests, and handy when debugging).
    #[cfg_attr(not(test), allow(dead_code))]
    name: &'static str,
    /// The test.
    apply: fn(&Scanner<'_, '_>, &Phrase<'_>) -> Option<Target>,
    /// What a run typed by this rule was read by, for the party's "why".
    evidence: NameEvidence,
}

/// The rules that type a run of capitalised words, tried in this order; the first that
/// answers wins, and a run no rule answers is dropped. The order matters: a head word beats
/// a title ("Minister Lund Foundation" is a body), a title beats the sentence's kind, and the
/// guesses by shape come last.
const RULES: &[Rule] = &[
    Rule { name: "org_by_head", apply: org_by_head, evidence: NameEvidence::HeadWord },
    Rule { name: "org_by_shouted_head", apply: org_by_shouted_head, evidence: NameEvidence::HeadWord },
    Rule { name: "place_by_head", apply: place_by_head, evidence: NameEvidence::HeadWord },
    Rule { name: "person_by_title", apply: person_by_title, evidence: NameEvidence::Title },
    Rule { name: "org_in_source_line", apply: org_in_source_line, evidence: NameEvidence::Dateline },
    Rule { name: "agency_in_dateline", apply: agency_in_dateline, evidence: NameEvidence::Dateline },
    Rule { name: "place_in_dateline", apply: place_in_dateline, evidence: NameEvidence::Dateline },
    Rule { name: "place_before_geo_noun", apply: place_before_geo_noun, evidence: NameEvidence::Context },
    Rule { name: "place_after_settlement", apply: place_after_settlement, evidence: NameEvidence::Context },
    Rule { name: "outlet_by_noun", apply: outlet_by_noun, evidence: NameEvidence::Context },
    Rule { name: "org_before_title", apply: org_before_title, evidence: NameEvidence::Context },
    Rule { name: "org_after_company_noun", apply: org_after_company_noun, evidence: NameEvidence::Context },
    Rule { name: "org_after_title_of", apply: org_after_title_of, evidence: NameEvidence::Context },
    Rule { name: "person_by_first_name", apply: person_by_first_name, evidence: NameEvidence::GivenName },
    Rule { name: "by_tagger", apply: by_tagger, evidence: NameEvidence::Tagger },
    Rule { name: "place_after_preposition", apply: place_after_preposition, evidence: NameEvidence::Context },
    Rule { name: "place_before_country", apply: place_before_country, evidence: NameEvidence::Context },
    Rule { name: "person_by_shape", apply: person_by_shape, evidence: NameEvidence::Shape },
    Rule { name: "single_word", apply: single_word, evidence: NameEvidence::Context },
];

/// Two or more words ending in an organisation's head word, or with "of"/"for" after one:
/// "The Harbour Ministry said ...", "the Federation of Dock Workers".
fn org_by_head(sc: &Scanner<'_, '_>, p: &Phrase<'_>) -> Option<Target> {
    let head_of = || (p.a + 1..p.j).any(|k| is_head_link(sc.word(k)) && sc.g.is_org_head(sc.word(k - 1)));
    (p.n >= 2 && (sc.g.is_org_head(p.last(sc)) || head_of())).then_some(Target::NewOrg)
}

/// One all-capital head word of more than three letters in mid-sentence, untitled: "the
/// MINISTRY said". (No head word in `org_heads.txt` is written so today.)
fn org_by_shouted_head(sc: &Scanner<'_, '_>, p: &Phrase<'_>) -> Option<Target> {
    let last = p.last(sc);
    let shouted = last.len() > 3 && last.chars().all(|c| c.is_uppercase());
    (sc.g.is_org_head(last) && !p.initial && !p.titled && shouted).then_some(Target::NewOrg)
}

/// Two or more untitled words ending in a place's head word or opening with a compass word or
/// a place prefix: "the Vardby Province", "Upper Lund", "Port Ulla".
fn place_by_head(sc: &Scanner<'_, '_>, p: &Phrase<'_>) -> Option<Target> {
    let first = sc.word(p.a);
    let shaped = sc.g.is_place_head(p.last(sc)) || is_compass(first) || is_place_prefix(first);
    (shaped && p.n >= 2 && !p.titled).then_some(Target::NewPlace)
}

/// A name before a lower-case geographic noun is a place (P1): "water from the Volta basin".
fn place_before_geo_noun(sc: &Scanner<'_, '_>, p: &Phrase<'_>) -> Option<Target> {
    let next = (p.j < p.s.tokens.end).then(|| sc.word(p.j))?;
    (!p.titled && is_in(List::GeoNoun, next)).then_some(Target::NewPlace)
}

/// A name after a settlement noun and "of" is a place (P1): "the town of Vardby", "the
/// province of Ulla" (the noun in lower case: "the State of Ohio" is left to the gazetteer).
fn place_after_settlement(sc: &Scanner<'_, '_>, p: &Phrase<'_>) -> Option<Target> {
    let settled = p.a >= p.s.tokens.start + 2
        && sc.word(p.a - 1) == "of"
        && is_in(List::SettlementNoun, sc.word(p.a - 2));
    (settled && !p.titled).then_some(Target::NewPlace)
}

/// A name after a title or honorific: "Foreign Minister Ana Lund", "Mr. Berg".
fn person_by_title(_: &Scanner<'_, '_>, p: &Phrase<'_>) -> Option<Target> {
    p.titled.then_some(Target::Person)
}

/// A name on a credit line is the publisher: "Source: Harbour Times".
fn org_in_source_line(_: &Scanner<'_, '_>, p: &Phrase<'_>) -> Option<Target> {
    p.s.source.then_some(Target::NewOrg)
}

/// A name in brackets in a dateline is the agency: "OSLO (Newswire) -".
fn agency_in_dateline(sc: &Scanner<'_, '_>, p: &Phrase<'_>) -> Option<Target> {
    (p.s.dateline && p.a > 0 && sc.word(p.a - 1) == "(").then_some(Target::NewOrg)
}

/// Any other name in a dateline is its place: "VESSA 2031-03-14 -".
fn place_in_dateline(_: &Scanner<'_, '_>, p: &Phrase<'_>) -> Option<Target> {
    p.s.dateline.then_some(Target::NewPlace)
}

/// Two or more words the trained tagger marks as one name, typed as it says: "Ana Brel" is a
/// person, "Ports and Harbours Authority" a body, "Lake Orrin" a place. Two
/// or three unknown words shaped like a person's name stay a person when the tagger calls
/// them a body ("Suu Kyi said" read alone looks like a company).
fn by_tagger(sc: &Scanner<'_, '_>, p: &Phrase<'_>) -> Option<Target> {
    let unknown = (p.a..p.j).all(|k| !sc.info(k).name_start);
    match p.tagged.filter(|_| p.n >= 2)? {
        // "talks at the Palais Orrin": a person's name takes no article (GUIDE P1, P2).
        NameType::Per if p.a > 0 && sc.word(p.a - 1).eq_ignore_ascii_case("the") => Some(Target::NewPlace),
        NameType::Per => Some(Target::Person),
        NameType::Org if unknown && person_by_shape(sc, p).is_some() => None,
        NameType::Org => Some(Target::NewOrg),
        NameType::Loc => Some(Target::NewPlace),
        NameType::Misc => None,
    }
}

/// Two or more untitled words before or right after an outlet noun: "Gazeta Nova newspaper
/// said", "the weekly Gazeta Nova" (GUIDE P20); not a given name ("the daily Ana Lund wrote").
fn outlet_by_noun(sc: &Scanner<'_, '_>, p: &Phrase<'_>) -> Option<Target> {
    let after = p.a > 0 && is_in(List::OutletNoun, sc.word(p.a - 1)) && !sc.info(p.a).first_name;
    (p.n >= 2 && !p.titled && (after || is_in(List::OutletNoun, sc.word(p.j)))).then_some(Target::NewOrg)
}

/// Two or more untitled words right before a title and a name: "Halvard Rail chief executive
/// Nils Ek", "Lisk Freight chairman Ana Holm". The words name the body whose title the person
/// holds (GUIDE P13), whatever their shape says; a person's name never stands there.
fn org_before_title(sc: &Scanner<'_, '_>, p: &Phrase<'_>) -> Option<Target> {
    let holder = |k: usize| k < p.end && sc.cap(k) && sc.title(k, p.end).is_none();
    let titled_name = sc.title(p.j, p.end).is_some_and(|(k, honorific)| !honorific && holder(k));
    (p.n >= 2 && !p.titled && titled_name).then_some(Target::NewOrg)
}

/// Words naming what a company noun just before them describes, directly or in apposition:
/// "the retailer Zentrix Group", "the mining company, Ostra Metals, said" (GUIDE P8, P13).
fn org_after_company_noun(sc: &Scanner<'_, '_>, p: &Phrase<'_>) -> Option<Target> {
    let noun = |k: usize| is_in(List::CompanyNoun, sc.word(k));
    let direct = p.a > 0 && noun(p.a - 1);
    let apposition = p.a > 1 && sc.word(p.a - 1) == "," && noun(p.a - 2);
    (p.n >= 2 && !p.titled && !sc.info(p.a).first_name && (direct || apposition)).then_some(Target::NewOrg)
}

/// Words naming the body a title belongs to: "chief executive of Tarvik Freight", "a
/// spokesman for the Ostra Trust" (GUIDE P13: chief executive → company). A run opening with
/// a given name is a person's ("spokesman for Ana Lund").
fn org_after_title_of(sc: &Scanner<'_, '_>, p: &Phrase<'_>) -> Option<Target> {
    let mut k = p.a;
    if k > 0 && is_in(List::Article, &sc.word(k - 1).to_lowercase()) {
        k -= 1;
    }
    if p.n < 2
        || p.titled
        || sc.info(p.a).first_name
        || k < 2
        || !matches!(sc.word(k - 1), "of" | "for" | "at")
    {
        return None;
    }
    let end = k - 1;
    let titled = (end.saturating_sub(4)..end).any(|t| sc.title(t, end) == Some((end, false)));
    titled.then_some(Target::NewOrg)
}

/// Two or more words opening with a given name: "Maria Castell said ...".
fn person_by_first_name(sc: &Scanner<'_, '_>, p: &Phrase<'_>) -> Option<Target> {
    let given = sc.info(p.a).first_name || is_in(List::GivenNamePlace, sc.word(p.a));
    (p.n >= 2 && given).then_some(Target::Person)
}

/// Two or more name words after "in", "near" ...: "talks in Vardby Heights", "near Port Ulla".
fn place_after_preposition(sc: &Scanner<'_, '_>, p: &Phrase<'_>) -> Option<Target> {
    let after = p.n >= 2 && p.a > 0 && is_place_preposition(sc.word(p.a - 1));
    (after && (p.a..p.j).all(|k| !sc.toks[k].plain)).then_some(Target::NewPlace)
}

/// A name followed by a comma and a country: "Lund, Chile, hosted the talks".
fn place_before_country(sc: &Scanner<'_, '_>, p: &Phrase<'_>) -> Option<Target> {
    sc.is_place_by_country(p.j, p.end).then_some(Target::NewPlace)
}

/// Two or three name-like words in running text, or a byline: "Tomas Vehko arrived.",
/// "-- Ana Lund, Oslo Newsroom".
fn person_by_shape(sc: &Scanner<'_, '_>, p: &Phrase<'_>) -> Option<Target> {
    // "the Sixth Circuit", "the Carl Vinson": a person's name takes no article.
    let article = p.a > 0 && sc.word(p.a - 1).eq_ignore_ascii_case("the");
    ((2..=3).contains(&p.n) && !article && sc.person_by_shape(p.s, p.a, p.j)).then_some(Target::Person)
}

/// One word, typed later by the whole article, with a hint from its context: "Okafor said".
fn single_word(sc: &Scanner<'_, '_>, p: &Phrase<'_>) -> Option<Target> {
    (p.n == 1).then(|| Target::Single(sc.single_hint(p)))
}

/// Proposes candidate mentions for every sentence of `doc`.
///
/// A long article is scanned in two halves at once ([`par`]): every sentence is read on its
/// own, with only read-only facts about the whole article, so the halves' candidates, put
/// end to end, are the one pass's.
pub(super) fn scan(doc: &Document<'_>) -> Scanned {
    let (toks, lower_words) = token_facts(doc, gazetteer());
    let all = 0..doc.sentences.len();
    let Some(half) = split_point(doc).filter(|_| par::worth_forking(doc.text.len())) else {
        return scan_sentences(doc, &toks, &lower_words, all);
    };
    let (mut first, second) = par::join(
        || scan_sentences(doc, &toks, &lower_words, 0..half),
        || scan_sentences(doc, &toks, &lower_words, half..all.end),
    );
    // The second half's links to its own candidates move up by the first half's count.
    let shift = first.cands.len();
    first.cands.extend(second.cands.into_iter().map(|mut c| {
        c.affiliation = c.affiliation.map(|a| a + shift);
        c
    }));
    first.tagged.extend(second.tagged);
    // Either half's tagger gives the same names; the first's word cache is kept.
    first
}

/// Where the sentences may be split for [`scan`]: the first paragraph start past the middle
/// of the text. A sentence's scan looks back at the candidate before it only for a
/// possessive ("'s") at its first token, which never opens a paragraph.
fn split_point(doc: &Document<'_>) -> Option<usize> {
    let middle = doc.text.len() / 2;
    let from = doc.sentences.partition_point(|s| s.span.start < middle);
    (from.max(1)..doc.sentences.len()).find(|&k| {
        let (s, before) = (&doc.sentences[k], &doc.sentences[k - 1]);
        s.paragraph != before.paragraph && !matches!(doc.word(s.tokens.start), "'s" | "’s" | "'S")
    })
}

/// The per-token facts of the whole article that the scan of each sentence reads: the
/// gazetteer's word info, capitals, plain words; and the hashes of its lower-case words.
fn token_facts(doc: &Document<'_>, g: &Gazetteer) -> (Vec<Tok>, FastSet<u64>) {
    let mut lower_words = FastSet::default();
    // Capitalised tokens that might be ordinary words, with their key hashes, for a second
    // look once every lower-case word of the article is known.
    let mut maybe_plain: Vec<(usize, u64)> = Vec::new();
    let mut toks = doc
        .tokens
        .iter()
        .enumerate()
        .map(|(k, t)| {
            if t.kind != TokenKind::Word {
                return Tok::default();
            }
            let w = t.span().text(doc.text);
            let first = w.chars().next();
            let hash = doc.key_hash(k);
            let info = g.info_by_hash(hash);
            let cap = first.is_some_and(char::is_uppercase);
            if first.is_some_and(char::is_lowercase) {
                lower_words.insert(hash);
            } else if cap && !info.title_start && !info.name_start && !info.first_name {
                maybe_plain.push((k, hash));
            }
            Tok { info, cap, plain: false }
        })
        .collect::<Vec<Tok>>();
    for (k, hash) in maybe_plain {
        toks[k].plain = toks[k].info.function || lower_words.contains(&hash);
    }
    (toks, lower_words)
}

/// Scans the sentences numbered `range`; candidates' affiliations index the returned list.
fn scan_sentences(
    doc: &Document<'_>,
    toks: &[Tok],
    lower_words: &FastSet<u64>,
    range: Range<usize>,
) -> Scanned {
    let tokens = doc.sentences.get(range.clone()).map_or(0, |s| s.iter().map(|s| s.tokens.len()).sum());
    let mut s = Scanner {
        doc,
        g: gazetteer(),
        toks,
        lower_words,
        out: Vec::with_capacity(tokens / 8),
        sentence_start: 0,
        title_case: false,
        names: Vec::new(),
        stretches: Vec::new(),
        tagger: tagger::Tagger::default(),
        tagged: Vec::new(),
    };
    for index in range {
        s.sentence(index, &doc.sentences[index]);
    }
    Scanned { cands: s.out, tagged: s.tagged, tagger: s.tagger }
}

impl<'t> Scanner<'_, 't> {
    /// The text of token `i` ("" past the end).
    fn word(&self, i: usize) -> &'t str {
        self.doc.word(i)
    }

    /// Whether token `i` is the first word of its sentence, ignoring opening quotes and
    /// brackets (like [`Document::starts_sentence`], without searching for the sentence).
    fn starts_sentence(&self, i: usize) -> bool {
        let start = self.sentence_start;
        let mut k = i;
        while k > start {
            if matches!(self.doc.tokens[k - 1].kind, TokenKind::Word | TokenKind::Number) {
                return false;
            }
            k -= 1;
        }
        k == start
    }

    /// Whether token `i` is capitalised.
    fn cap(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.cap)
    }

    /// What the word lists say about token `i`.
    fn info(&self, i: usize) -> WordInfo {
        self.toks.get(i).map(|t| t.info).unwrap_or_default()
    }

    /// The collective noun at token `i`, if it is one.
    fn group(&self, i: usize) -> Option<GroupNoun> {
        self.g.group_noun(self.info(i))
    }

    /// [`Gazetteer::title`] at token `i`, probing the token table first.
    fn title(&self, i: usize, end: usize) -> Option<(usize, bool)> {
        if !self.info(i).title_start {
            return None;
        }
        self.g.title(self.doc, i, end)
    }

    /// [`Gazetteer::longest`] at token `i`, probing the token table first.
    fn longest(&self, i: usize, end: usize, shouted: bool) -> Option<(Hit, usize)> {
        if !self.info(i).name_start {
            return None;
        }
        self.g.longest(self.doc, i, end, shouted)
    }

    /// Adds a candidate; returns its index.
    fn push(&mut self, mut c: Cand) -> usize {
        // The tagger read these words as one name: its evidence too ("Norwegian Air Shuttle").
        if self.tagged_name(c.tokens.start).is_some_and(|n| n.tokens.end >= c.tokens.end) {
            c.evidence = c.evidence.with(NameEvidence::Tagger);
        }
        self.out.push(c);
        self.out.len() - 1
    }

    /// Scans sentence number `index`, `s`, token by token, left to right.
    fn sentence(&mut self, index: usize, s: &Sentence) {
        self.sentence_start = s.tokens.start;
        self.title_case = self.is_title_case(index, s);
        self.tag_names(index, s);
        let end = s.tokens.end;
        let mut pending = Pending::default();
        let mut i = s.tokens.start;
        while i < end {
            i = self.token(s, i, end, &mut pending);
        }
    }

    /// Whether sentence `index` is in title case ("Voters Abandon Party Over Taxes"): most
    /// words capitalised, two or more of them ordinary words, not counting the first word; or a
    /// first line standing alone as its own paragraph (a headline: capitals suffice).
    fn is_title_case(&self, index: usize, s: &Sentence) -> bool {
        let (mut words, mut caps, mut plain) = (0usize, 0usize, 0usize);
        for k in s.tokens.clone() {
            if self.doc.tokens[k].kind != TokenKind::Word || self.word(k).len() < 2 {
                continue;
            }
            words += 1;
            if self.toks[k].cap {
                caps += 1;
                plain += usize::from(self.toks[k].plain && k > s.tokens.start + 1);
            }
        }
        let next_para = self.doc.sentences.get(index + 1).map(|n| n.paragraph);
        let lone_first = s.paragraph == 0 && s.tokens.start == 0 && next_para.is_some_and(|p| p != 0);
        (plain >= 2 || lone_first) && words >= 3 && caps * 3 >= words * 2
    }

    /// Handles token `i` of the sentence `s` (ending at `end`): proposes what starts there and
    /// returns the index to continue from. The checks run in order: punctuation, a possessive,
    /// a gazetteer name, a title, a portfolio title, a run of capitals, a collective noun.
    fn token(&mut self, s: &Sentence, i: usize, end: usize, pending: &mut Pending) -> usize {
        if self.doc.tokens[i].kind != TokenKind::Word {
            *pending = Pending::default();
            return i + 1;
        }
        if matches!(self.word(i), "'s" | "’s" | "'S") {
            *pending = self.possessor(i);
            return i + 1;
        }
        if let Some(next) = self.special_name_at(i, end) {
            *pending = Pending::default();
            return next;
        }
        if let Some(next) = self.expansion_at(i, end) {
            *pending = Pending::default();
            return next;
        }
        if let Some(next) = self.tagged_at(s, i, end, pending) {
            return next;
        }
        if let Some(next) = self.gazetteer_at(s, i, end, pending) {
            return next;
        }
        if let Some(next) = self.title_at(i, end, pending) {
            return next;
        }
        if let Some(j) = self.portfolio_title(i, end) {
            // "Fisheries Minister Ana Lund": a portfolio before a minister's title.
            pending.start.get_or_insert(i);
            pending.role = Some(pending.role.as_ref().map_or(i, |r| r.start)..j);
            return j;
        }
        let collective = self.group(i).is_some() && self.starts_sentence(i);
        if self.cap(i) && (!s.shouted || s.dateline) && !collective {
            let pushed = self.out.len();
            let next = self.name_run(s, i, end, pending);
            *pending = Pending::default();
            // "Halvard Rail chief executive Nils Ek": the body just read is the affiliation of
            // the titled person after it (GUIDE P13).
            let body = (pushed..self.out.len())
                .rev()
                .find(|&c| self.out[c].target == Target::NewOrg && self.out[c].tokens.end == next);
            if let Some(c) = body.filter(|_| self.title(next, end).is_some()) {
                *pending = Pending {
                    start: Some(self.out[c].tokens.start),
                    affiliation: Some(c),
                    ..Pending::default()
                };
            }
            return next;
        }
        self.collective_at(i, end);
        // A modifier keeps what is pending ("the former foreign minister"); most words have
        // nothing pending to keep, and skip the lookup.
        if !pending.is_empty() && !is_modifier(self.word(i)) {
            *pending = Pending::default();
        }
        i + 1
    }

    /// The pending affiliation a possessive "'s" at `i` gives: "Chile's Foreign Minister Ana
    /// Lund" is affiliated to Chile, when the candidate just before is a country or body.
    fn possessor(&self, i: usize) -> Pending {
        let last = self.out.len().checked_sub(1).filter(|&c| self.out[c].tokens.end == i);
        let owner = last.filter(|&c| {
            matches!(self.out[c].target, Target::Known(Entry::Country(_) | Entry::Org(_)) | Target::NewOrg)
        });
        Pending { start: owner.map(|c| self.out[c].tokens.start), affiliation: owner, ..Pending::default() }
    }

    /// A title at `i` before a capitalised word or another title ("Foreign Minister Ana
    /// Lund"): notes it as pending and returns the index past it. "General Motors" is a
    /// company, not a general: a title inside an organisation's name is no title.
    fn title_at(&mut self, i: usize, end: usize, pending: &mut Pending) -> Option<usize> {
        let (j, honorific) = self.title(i, end)?;
        let r = self.plain_run(i, end);
        if r > i + 1 && (i + 1..r).any(|k| self.g.is_org_head(self.word(k))) {
            return None;
        }
        if j >= end || !(self.cap(j) || self.title(j, end).is_some()) {
            return None;
        }
        if honorific {
            pending.start.get_or_insert(i);
            pending.honorific = true;
        } else {
            let start = pending.role.as_ref().map_or_else(|| self.portfolio_before(i), |r| r.start);
            pending.start.get_or_insert(start);
            pending.role = Some(start..j);
        }
        Some(j)
    }

    /// Whether token `k`, in any case, is a modifier ("Communications", "policy"): read from
    /// the token's lower-case key, with no new String.
    fn is_modifier_at(&self, k: usize) -> bool {
        is_modifier(self.doc.key(k))
    }

    /// Where a title at `i` starts with the one or two lower-case modifiers right before it,
    /// which the role keeps (GUIDE P12, the role in the article's words): "campaign manager
    /// Ana Berg", "former trade minister Ana Lund".
    fn portfolio_before(&self, i: usize) -> usize {
        let mut start = i;
        while start > self.sentence_start
            && i - start < 2
            && self.doc.tokens[start - 1].kind == TokenKind::Word
            && !self.cap(start - 1)
            && is_modifier(self.word(start - 1))
        {
            start -= 1;
        }
        start
    }

    /// A lower-case collective noun at `i` that is a group of its own ("analysts said"); "rebel
    /// military leader X": a collective noun used as a modifier is no group.
    fn collective_at(&mut self, i: usize, end: usize) {
        let Some(noun) = self.group(i) else { return };
        // "Ana Berg, an analyst at Vardby Bank": one person's role, no collective (P12, P18).
        let one_with_a_place = i + 1 < end
            && !self.word(i).ends_with('s')
            && matches!(self.word(i + 1), "at" | "with" | "for" | "of" | "from");
        let attributive = i + 1 < end
            && (self.title(i + 1, end).is_some()
                || self.group(i + 1).is_some()
                || is_modifier(self.word(i + 1))
                || self.singular_before_noun(i, end)
                || one_with_a_place);
        if noun.sort == Sort::Group && !attributive {
            self.push(Cand::new(i..i + 1, Target::Group(noun.class), MentionForm::Name));
        } else if noun.sort == Sort::State && !attributive && self.opposition_before(i) {
            // "Opposition lawmakers said ...": no state's, a collective of its own (GUIDE P16).
            // A sentence's first word was read as a run of capitals: the group replaces it.
            if self.out.last().is_some_and(|c| c.tokens == (i - 1..i)) {
                self.out.pop();
            }
            self.push(Cand::new(i - 1..i + 1, Target::Group(noun.class), MentionForm::Name));
        }
    }

    /// Whether "opposition" (any case) stands right before token `i`, with no name before it
    /// that the collective would speak for ("the Chilean opposition lawmakers" stays Chile's).
    fn opposition_before(&self, i: usize) -> bool {
        i > 0
            && self.word(i - 1).eq_ignore_ascii_case("opposition")
            && self.out.last().is_none_or(|c| c.tokens.end + 1 < i || c.tokens == (i - 1..i))
    }

    /// Whether the singular collective noun at `i` modifies a lower-case noun after it ("the
    /// rebel region", "a rebel stronghold"), rather than naming a group (GUIDE P16).
    fn singular_before_noun(&self, i: usize, end: usize) -> bool {
        let (w, next) = (self.word(i), self.word(i + 1));
        let lower_word = self.doc.tokens[i + 1].kind == TokenKind::Word
            && next.chars().next().is_some_and(char::is_lowercase);
        i + 1 < end && !w.ends_with('s') && lower_word && !self.info(i + 1).function && !is_speech_verb(next)
    }

    /// A collective noun at `j`, possibly after one modifier ("senior officials"): its
    /// index just past it and its class and sort.
    fn group_after(&self, j: usize, end: usize) -> Option<(usize, &'static str, Sort)> {
        if j >= end {
            return None;
        }
        if let Some(n) = self.group(j) {
            // "Chilean Farmers' Association": a capitalised collective is part of a name.
            if self.cap(j) && !self.starts_sentence(j) {
                return None;
            }
            return Some((j + 1, n.class, n.sort));
        }
        if is_modifier(self.word(j)) && j + 1 < end {
            if let Some(n) = self.group(j + 1) {
                return Some((j + 2, n.class, n.sort));
            }
        }
        None
    }

    /// Handles a gazetteer name at `i`; returns the index to continue from (`None` when the
    /// name is a given name before a surname, read as a run of capitals instead).
    fn gazetteer_at(&mut self, s: &Sentence, i: usize, end: usize, pending: &mut Pending) -> Option<usize> {
        let (hit, j) = self.longest(i, end, s.shouted)?;
        if hit.form == Form::Capital && s.dateline {
            // GUIDE P2: "VESSA 2031-03-14": a dateline city is a place, not its state.
            self.push(Cand::new(i..j, Target::NewPlace, MentionForm::Name));
            return Some(j);
        }
        if self.given_name_before_surname(i, j, end) {
            return None;
        }
        if hit.form == Form::Adjective {
            return Some(self.adjective_at(hit.entry, i, j, end, pending));
        }
        if !matches!(hit.entry, Entry::Org(_)) && !s.shouted {
            if let Some(r) = self.org_around_place(i, j, end, pending) {
                return Some(r);
            }
        }
        Some(self.known_name(hit, i, j, end, pending))
    }

    /// Whether the gazetteer name `i..j` is a given name before a surname: "Jordan Ellis
    /// said" is a person, not Jordan (GUIDE P8).
    fn given_name_before_surname(&self, i: usize, j: usize, end: usize) -> bool {
        j == i + 1
            && j < end
            && is_in(List::GivenNamePlace, self.word(i))
            && self.cap(j)
            && self.name_like(j)
            && !self.info(j).name_start
            && self.title(j, end).is_none()
            && !(j + 1 < end && self.cap(j + 1))
    }

    /// A capitalised word that starts no party name, or one of a fixed kind (GUIDE P1, P16):
    /// a ship's name after "the carrier" or "USS" is skipped, a plural party-member name
    /// ("Democrats") is a group. Returns the index to continue from.
    fn special_name_at(&mut self, i: usize, end: usize) -> Option<usize> {
        if !self.cap(i) {
            return None;
        }
        let w = self.word(i);
        if is_party_label(w) {
            return Some(i + 1); // "Rep. Ana Brel (R-Vt.)": a party and state label, no name
        }
        let prev = i.checked_sub(1).map_or("", |p| self.word(p));
        if is_in(List::Vessel, prev) || is_in(List::Vessel, w) {
            let from = if is_in(List::Vessel, w) { i + 1 } else { i };
            return Some(self.plain_run(from, end).max(i + 1));
        }
        if !is_in(List::PartyMember, w) {
            return None;
        }
        let member = gazetteer().lists.words(List::PartyMember).iter().find(|m| **m == w)?;
        self.push(Cand::new(i..i + 1, Target::Group(member), MentionForm::Name));
        Some(i + 1)
    }

    /// An organisation's name spelt out before its acronym in brackets: "the Friends of the
    /// Northern Rivers Trust (FNRT)" is one body whose initials are the acronym (GUIDE P8, P9),
    /// however its words would otherwise split. An acronym inside the name gives all its
    /// letters, and a link word may give its initial too: "the U.N. Harbour Force in Lund
    /// (UNHFIL)". Proposes it and returns the index of the "(".
    fn expansion_at(&mut self, i: usize, end: usize) -> Option<usize> {
        if !self.cap(i) || (i > 0 && self.cap(i - 1)) {
            return None;
        }
        let a = if is_closed_class(self.word(i)) { i + 1 } else { i };
        let limit = end.min(a + MAX_NAME_WORDS);
        let mut k = a;
        while k < limit && self.word(k) != "(" {
            if !self.cap(k) && !is_initial_link(self.word(k)) {
                return None;
            }
            k += 1;
        }
        // Nearly every run of capitals has no bracket after it: the initials are spelt out
        // only when it does.
        let fits = k > a + 1 && self.cap(k - 1) && self.word(k + 2) == ")" && self.spells(a..k, k + 1);
        let person = self.tagged_name(a).is_some_and(|n| n.kind == NameType::Per);
        // A name the gazetteer knows keeps its entry ("Organisation for ... in Europe (OSCE)").
        let known = self.longest(a, k, false).is_some_and(|(_, j)| j == k);
        if !fits || person || known {
            return None;
        }
        self.push(Cand::new(a..k, Target::NewOrg, MentionForm::Name));
        Some(k)
    }

    /// Whether the letters of token `acronym` are the initials of the words `run` (capitals
    /// and [`is_initial_link`] words), with or without the link words' initials; an acronym
    /// inside the run gives all its letters.
    fn spells(&self, run: Range<usize>, acronym: usize) -> bool {
        let (mut initials, mut linked) = (String::new(), String::new());
        for k in run {
            let w = self.word(k);
            if self.cap(k) {
                let letters = w.chars().filter(|c| c.is_alphabetic());
                let acronym = letters.clone().count() >= 2 && letters.clone().all(char::is_uppercase);
                let part: String = if acronym { letters.collect() } else { w.chars().take(1).collect() };
                initials.push_str(&part);
                linked.push_str(&part);
            } else {
                linked.extend(w.chars().take(1).flat_map(char::to_uppercase));
            }
        }
        let acronym: String = self.word(acronym).chars().filter(|c| c.is_alphabetic()).collect();
        (acronym == initials || acronym == linked) && initials.len() >= 2
    }

    /// "Oslo City Council", "New York Times": a place name `i..j` opening an organisation's
    /// name, which ends in a head word. Proposes the organisation and returns the index past it.
    fn org_around_place(&mut self, i: usize, j: usize, end: usize, pending: &mut Pending) -> Option<usize> {
        let r = self.plain_run(i, end);
        let head_of = (j..r).any(|k| is_head_link(self.word(k)) && self.g.is_org_head(self.word(k - 1)));
        if r > j && (self.g.is_org_head(self.word(r - 1)) || head_of) {
            let c = self.push(Cand::new(i..r, Target::NewOrg, MentionForm::Name));
            pending.affiliation = Some(c);
            pending.start.get_or_insert(i);
            return Some(r);
        }
        None
    }

    /// A gazetteer name or alias `i..j` of `hit`, with the collective noun after it if any;
    /// returns the index to continue from.
    fn known_name(&mut self, hit: Hit, i: usize, j: usize, end: usize, pending: &mut Pending) -> usize {
        let form = if hit.form == Form::Name { MentionForm::Name } else { MentionForm::Alias };
        let mut cand = Cand::new(i..j, Target::Known(hit.entry), form);
        cand.venue = hit.form == Form::Capital
            && matches!(hit.entry, Entry::Country(_))
            && i > self.sentence_start
            && is_place_preposition(self.word(i - 1))
            && self.group_after(j, end).is_none();
        let person_entity = matches!(hit.entry, Entry::Country(_) | Entry::Org(_));
        match self.group_after(j, end).filter(|_| person_entity) {
            Some((k, _, Sort::State)) => {
                // "UN negotiators", "Kremlin officials": a description with a name inside.
                cand.name = Some(i..j);
                cand.tokens = i..k;
                cand.extent = i..k;
                cand.form = MentionForm::Group;
                self.push(cand);
                k
            }
            Some((k, class, sort)) => {
                // "a Kremlin spokesman" (a person), "Kurdistan rebels" (a group).
                cand.extent = i..k;
                let owner = self.push(cand);
                let mut role = collective(j..k, class, sort);
                role.extent = i..k;
                role.affiliation = Some(owner);
                self.push(role);
                k
            }
            None => {
                let c = self.push(cand);
                if person_entity {
                    *pending = Pending { start: Some(i), affiliation: Some(c), ..Pending::default() };
                }
                j
            }
        }
    }

    /// A country adjective at `i..j`: it marks what follows as belonging to the country
    /// ("Chilean officials", "Chilean Foreign Minister Ana Lund", "Tamil rebels").
    fn adjective_at(&mut self, entry: Entry, i: usize, j: usize, end: usize, pending: &mut Pending) -> usize {
        let mut cand = Cand::new(i..j, Target::Known(entry), MentionForm::Adjective);
        // "Chilean peace envoy Ana Lund": a one-person role before a name is that person's
        // title (GUIDE P12), not an unnamed person of its own (P18).
        let before_name = |k: usize| k < end && self.cap(k) && self.name_like(k) && !self.info(k).name_start;
        let group =
            self.group_after(j, end).filter(|&(k, _, sort)| !(sort == Sort::Person && before_name(k)));
        match group {
            Some((k, _, Sort::State)) => {
                cand.adjective = Some(i..j);
                cand.tokens = i..k;
                cand.extent = i..k;
                cand.form = MentionForm::Group;
                self.push(cand);
                k
            }
            Some((k, class, sort)) => {
                cand.hidden = true;
                let owner = self.push(cand);
                let mut c = collective(i..k, class, sort);
                c.affiliation = Some(owner);
                self.push(c);
                k
            }
            None => {
                let w = self.word(j - 1);
                let demonym = w.ends_with('s') && !w.ends_with("ss") && j == i + 1;
                let titled = j < end && self.title(j, end).is_some_and(|(_, h)| !h);
                let next_cap = j < end && (self.cap(j) || titled);
                // "the Chilean foreign minister": a title makes the country an actor.
                cand.weak = !demonym && !titled;
                if demonym {
                    cand.form = MentionForm::Adjective;
                }
                let c = self.push(cand);
                if next_cap || is_modifier(self.word(j)) {
                    *pending = Pending { start: Some(i), affiliation: Some(c), ..Pending::default() };
                }
                j
            }
        }
    }

    /// End of the plain run of capitalised words from `i`, with "of"/"for"/"and" inside when
    /// a capitalised word follows them ("Bank of Lund", "Office for Ports").
    fn plain_run(&self, i: usize, end: usize) -> usize {
        // Names are short: looking further would make a long run of capitals quadratic.
        let end = end.min(i + MAX_NAME_WORDS);
        let mut j = i;
        while j < end {
            let w = self.word(j);
            let name_word = self.cap(j) && !self.info(j).not_name;
            let connector = j > i && is_run_link(w) && j + 1 < end && self.cap(j + 1);
            if name_word || connector || self.linked_the(i, j, end) {
                j += 1;
            } else {
                break;
            }
        }
        while j > i && is_connector(self.word(j - 1)) {
            j -= 1;
        }
        j
    }

    /// A run of capitalised words at `i` (not a gazetteer name): proposes what it names and
    /// returns the index to continue from.
    fn name_run(&mut self, s: &Sentence, i: usize, end: usize, pending: &mut Pending) -> usize {
        let mut run = Run {
            start: i,
            end: end.min(i + MAX_NAME_WORDS),
            next: i,
            has_head: false,
            ampersand: false,
            closed: false,
        };
        while run.next < run.end {
            let j = run.next;
            let name_word = self.is_name_word(j);
            if j > i && name_word {
                match self.boundary(s, &run, pending) {
                    Boundary::Open => {}
                    Boundary::Skip(k) => {
                        run.next = k;
                        run.closed = self.word(k) == "and";
                        continue;
                    }
                    Boundary::Stop => break,
                    Boundary::Done(k) => return k,
                }
            }
            if !self.extend(&mut run, name_word) {
                break;
            }
        }
        self.finish_run(s, &run, pending)
    }

    /// Whether token `j` is a capitalised word that may be part of a name: not a word that is
    /// never a name (Monday), not a compound modifier ("Oslo-based"), not an ordinary word of a
    /// title-case headline.
    fn is_name_word(&self, j: usize) -> bool {
        let ordinary = self.title_case && self.toks[j].plain;
        self.cap(j) && !self.info(j).not_name && !is_compound_modifier(self.word(j)) && !ordinary
    }

    /// Whether a gazetteer name or a title at the run's next word ends the run there.
    fn boundary(&mut self, s: &Sentence, run: &Run, pending: &Pending) -> Boundary {
        let (i, j, end) = (run.start, run.next, run.end);
        if let Some(cut) = self.tagger_cuts(i, j) {
            return cut;
        }
        if run.closed {
            return Boundary::Stop;
        }
        if let Some((hit, k)) = self.longest(j, end, s.shouted) {
            let prev = self.word(j - 1);
            if j == i + 1 && self.starts_sentence(i) && is_region_word(&prev.to_ascii_lowercase()) {
                // "Northern Chile was calm": a compass adjective capitalised only because it
                // opens the sentence; the country is named alone, as in "northern Chile".
                if matches!(hit.entry, Entry::Country(_)) && hit.form != Form::Capital {
                    return Boundary::Stop;
                }
            }
            if j == i + 1 && is_compass(prev) && hit.form != Form::Adjective {
                // "East Lund", "Northern Chile": a region, as one place.
                self.push(Cand::new(i..k, Target::NewPlace, MentionForm::Name));
                return Boundary::Done(k);
            }
            let country = matches!(hit.entry, Entry::Country(_) | Entry::Place(_))
                && matches!(hit.form, Form::Name | Form::Alias);
            if j == i + 1
                && country
                && self.info(i).common
                && !is_closed_class(prev)
                && !self.starts_sentence(i)
            {
                // "Air Chile", "Radio Peru": an ordinary word capitalised before a
                // country's name makes a company's or broadcaster's name.
                self.push(Cand::new(i..k, Target::NewOrg, MentionForm::Name));
                return Boundary::Done(k);
            }
            let titled = pending.role.is_some() || pending.honorific;
            let first_name =
                j == i + 1 && (titled || self.info(j - 1).first_name) && k == j + 1 && !self.cap(k);
            // "Federation of Chilean Ports": a country inside an organisation's name; but in
            // "the Fisheries Ministry for Norland and Drevia" the body ends before "for".
            if run.has_head && is_head_link(prev) {
                let and_country = matches!(self.word(k), "and" | ",")
                    && self
                        .longest(k + 1, end, s.shouted)
                        .is_some_and(|(h, _)| matches!(h.entry, Entry::Country(_)));
                return if and_country { Boundary::Stop } else { Boundary::Skip(k) };
            }
            if !first_name {
                return Boundary::Stop; // "Lund Chile": a new name starts (but "Maria Jordan" is a person)
            }
        }
        if self.title(j, end).is_some_and(|(k, h)| !h && k < end && self.cap(k)) {
            return Boundary::Stop; // "... Lund President Berg"
        }
        if self.is_modifier_at(j) && self.portfolio_title(j, end).is_some() {
            return Boundary::Stop; // "Lund Communications Director Ana Berg"
        }
        Boundary::Open
    }

    /// Takes the run's next word into it if it belongs there; false when the run ends.
    fn extend(&self, run: &mut Run, name_word: bool) -> bool {
        let (i, j, end) = (run.start, run.next, run.end);
        let w = self.word(j);
        if name_word {
            run.has_head |= self.g.is_org_head(w) || self.g.is_place_head(w);
        } else if j > i && j + 1 < end && self.cap(j + 1) && w == "&" {
            // "Lund & Berg": a firm.
            run.ampersand = true;
        } else if !self.joins_run(run, w) {
            return false;
        }
        run.next += 1;
        true
    }

    /// Whether a lower-case word or a mark `w` at the run's next token sits inside the name.
    fn joins_run(&self, run: &Run, w: &str) -> bool {
        let (i, j, end) = (run.start, run.next, run.end);
        if j == i {
            return false;
        }
        // "Ana de la Vega", "Omar bin Said".
        let particle = is_particle(w) && self.particle_then_name(j, end);
        // "Ministry of Trade and Industry" (but "Lund Inc and Berg Corp." are two, and
        // "Lund Inc of Oslo" is a company and a place).
        let connector = j + 1 < end
            && self.cap(j + 1)
            && (run.has_head || self.coordinated_head(i, j, end))
            && is_run_link(w)
            && !is_legal_form(self.word(j - 1))
            && !(run.closed && w == "and");
        // "Court of Appeals for the Sixth Circuit", "Coalition for the Homeless" (GUIDE P8:
        // the full name); not after "and" ("the Ministry and the Navy" are two).
        let linked_the = run.has_head
            && j + 2 < end
            && is_head_link(w)
            && self.word(j + 1) == "the"
            && self.cap(j + 2)
            && !is_legal_form(self.word(j - 1));
        let the_after_link = w == "the" && run.has_head && is_head_link(self.word(j - 1)) && self.cap(j + 1);
        // "Farmers' Union".
        let possessive_plural = matches!(w, "'" | "’") && self.word(j - 1).ends_with('s') && self.cap(j + 1);
        // "Fishermen's Association": a possessive inside a name that ends in a head word.
        let possessive_in_org = matches!(w, "'s" | "’s") && j + 1 < end && {
            let r = self.plain_run(j + 1, end);
            r > j + 1 && self.g.is_org_head(self.word(r - 1))
        };
        // "Ana (Annie) Lund": a nickname in brackets inside a person's name (GUIDE P8: the
        // full name as first written).
        let nickname = self.info(i).first_name
            && ((w == "(" && self.cap(j + 1) && self.word(j + 2) == ")" && self.cap(j + 3))
                || (w == ")" && j >= i + 2 && self.word(j - 2) == "(" && self.cap(j + 1)));
        // "Sant' Egidio", "Dell' Arco": an elided particle, the apostrophe written on the word.
        let elided = matches!(w, "'" | "’")
            && self.doc.tokens[j - 1].span().end == self.doc.tokens[j].span().start
            && self.cap(j + 1)
            && self.word(j - 1).chars().count() <= 5;
        particle
            || connector
            || linked_the
            || the_after_link
            || possessive_plural
            || possessive_in_org
            || elided
            || nickname
    }

    /// Trims the finished run of connectors and ordinary words at its edges and classifies
    /// what is left; returns the index to continue from.
    fn finish_run(&mut self, s: &Sentence, run: &Run, pending: &Pending) -> usize {
        let (i, mut j) = (run.start, run.next);
        let stop = j.max(i + 1);
        while j > i
            && (is_connector(self.word(j - 1)) || is_particle(self.word(j - 1)) || self.word(j - 1) == "'")
        {
            j -= 1;
        }
        let mut a = i;
        while a < j && self.info(a).not_name {
            a += 1;
        }
        // "in Their Words": a capitalised function word is never part of a name.
        while a < j && is_closed_class(self.word(a)) && !self.starts_sentence(a) {
            a += 1;
        }
        let initial = (a == i && self.starts_sentence(i)) || self.title_case;
        if initial
            && a < j
            && self.is_common_word(self.word(a))
            && pending.role.is_none()
            && !pending.honorific
        {
            a += 1;
        }
        if a >= j || self.g.is_misc_head(self.word(j - 1)) {
            return stop;
        }
        if self.tagger_rejects(&(a..j)) {
            // A word the article also writes in lower case is an ordinary word ("Wait").
            if j == a + 1 && !self.is_common_word(self.word(a)) {
                self.push(Cand::new(a..j, Target::Echo, MentionForm::Name));
            }
            return stop;
        }
        if run.ampersand {
            self.push(Cand::new(a..j, Target::NewOrg, MentionForm::Name));
            return stop;
        }
        self.classify(s, a..j, initial && a == i, run.end, pending);
        stop
    }

    /// "Ports and Harbours Authority": one plural word, "and", and a name ending in a head
    /// word make one body (GUIDE P8), not "Ports" and "Harbours Authority".
    fn coordinated_head(&self, i: usize, j: usize, end: usize) -> bool {
        let i = if is_closed_class(self.word(i)) { i + 1 } else { i };
        let r = self.plain_run(j + 1, end);
        j == i + 1
            && self.word(j) == "and"
            && is_plural_people_shape(self.word(i))
            && !self.info(i).name_start
            && r > j + 1
            && self.g.is_org_head(self.word(r - 1))
    }

    /// Whether token `j` of a plain run from `i` is "for"/"of" + "the", or that "the", in a
    /// run holding a head word, before a capitalised word: "Court of Appeals for the Sixth
    /// Circuit".
    fn linked_the(&self, i: usize, j: usize, end: usize) -> bool {
        let w = self.word(j);
        let after_head = |k: usize| {
            k > i && is_head_link(self.word(k)) && (i..k).any(|h| self.g.is_org_head(self.word(h)))
        };
        let link = after_head(j) && self.word(j + 1) == "the" && j + 2 < end && self.cap(j + 2);
        let the = w == "the" && j > i + 1 && after_head(j - 1) && j + 1 < end && self.cap(j + 1);
        link || the
    }

    /// Whether the particles from `j` are followed by a capitalised word.
    fn particle_then_name(&self, j: usize, end: usize) -> bool {
        let mut k = j;
        while k < end && k < j + 3 && is_particle(self.word(k)) {
            k += 1;
        }
        k < end && self.cap(k)
    }

    /// Whether a capitalised word is an ordinary word (it occurs in lower case in this
    /// article, or is a function word): "Talks" in "Talks ended" is no name.
    fn is_common_word(&self, word: &str) -> bool {
        let info = self.g.info(word);
        if info.function {
            return true;
        }
        if info.first_name {
            return false;
        }
        self.lower_words.contains(&key_hash(word))
    }

    /// Classifies the trimmed run of capitals `run` by [`RULES`] and proposes it. A phrase
    /// alone in quotation marks and an unknown people's name before a group noun are settled
    /// first.
    fn classify(&mut self, s: &Sentence, run: Range<usize>, initial: bool, end: usize, pending: &Pending) {
        let p = Phrase {
            s,
            a: run.start,
            j: run.end,
            n: run.len(),
            end,
            initial,
            titled: pending.role.is_some() || pending.honorific,
            tagged: self.tagged_kind(&run),
        };
        // A capitalised phrase alone in quotation marks is a title or slogan: the “Open Door”
        // policy, the “Clean Harbour” campaign.
        let quoted = p.a > 0
            && self.doc.tokens[p.a - 1].kind == TokenKind::OpenQuote
            && self.doc.tokens.get(p.j).is_some_and(|t| t.kind == TokenKind::CloseQuote);
        if quoted && p.n >= 2 && !p.titled {
            return;
        }
        if let Some((k, class, Sort::Group)) = self.group_after(p.j, end) {
            // "Tamil rebels" with an unknown people's name.
            if p.n == 1 && !p.titled {
                self.push(Cand::new(p.a..k, Target::Group(class), MentionForm::Name));
                return;
            }
        }
        let Some((target, rule)) = RULES.iter().find_map(|rule| (rule.apply)(self, &p).map(|t| (t, rule)))
        else {
            return;
        };
        self.propose(&p, target, pending, rule.evidence);
    }

    /// Proposes the classified phrase `p` as `target`, with the pending title and affiliation.
    fn propose(&mut self, p: &Phrase<'_>, target: Target, pending: &Pending, evidence: NameEvidence) {
        let (a, n) = (p.a, p.n);
        // In a title-case headline "Ana Lund Wins Vote" is "Ana Lund" and a verb.
        let j = if self.title_case
            && target == Target::Person
            && !p.titled
            && n > 2
            && !self.word(a + 1).ends_with('.')
        {
            a + 2
        } else {
            p.j
        };
        let mut c = Cand::new(a..j, target.clone(), MentionForm::Name);
        c.evidence = c.evidence.with(evidence);
        c.plain = n == 1 && self.toks[a].plain;
        if matches!(target, Target::Person | Target::Single(_)) {
            self.strengthen(pending.affiliation);
            c.role = pending.role.clone();
            c.affiliation = pending.affiliation;
            // The extent runs to the end of the untrimmed phrase, as it always has.
            c.extent = pending.start.unwrap_or(a).min(a)..p.j;
            if !p.titled && !matches!(target, Target::Person) {
                c.affiliation = None;
            }
        } else if let Some(aff) = pending.affiliation.filter(|_| target == Target::NewOrg) {
            // "Chilean Foreign Ministry": the adjective is the organisation's country.
            self.strengthen(Some(aff));
            c.affiliation = Some(aff);
        }
        let owner = self.push(c);
        if target == Target::NewOrg {
            if let Some((k, _, Sort::State)) = self.group_after(j, p.end) {
                // "Harbour Ministry officials": the officials stand for the ministry.
                let d = &mut self.out[owner];
                d.name = Some(a..j);
                d.tokens = a..k;
                d.extent = a..k;
                d.form = MentionForm::Group;
            }
        }
    }

    /// Makes the adjective candidate `aff`, if any, a full mention of its country: a name or
    /// body after it makes the country an actor.
    fn strengthen(&mut self, aff: Option<usize>) {
        if let Some(x) = aff.and_then(|aff| self.out.get_mut(aff)) {
            x.weak = false;
        }
    }

    /// The hint for a lone capitalised word `p`, from the words around it, or from the trained
    /// tagger when the words around it say nothing.
    fn single_hint(&self, p: &Phrase<'_>) -> Hint {
        match self.context_hint(p) {
            // Headlines are tagged poorly ("EU and Mercosur Sign Pact"): no hint from there.
            hint @ (Hint::None | Hint::Initial)
                if p.tagged.is_some() && !p.s.headline && !self.title_case =>
            {
                self.tagger_hint(p.a).unwrap_or(hint)
            }
            hint => hint,
        }
    }

    /// The hint for a lone capitalised word `p` from the words around it.
    fn context_hint(&self, p: &Phrase<'_>) -> Hint {
        let (a, j) = (p.a, p.j);
        let prev = a.checked_sub(1).map_or("", |p| self.word(p));
        let next = self.word(j);
        let next_sort = self.group(j).map(|g| g.sort);
        if is_in(List::OutletNoun, next) {
            // "Gazeta newspaper said": an outlet, also opening a sentence (GUIDE P20).
            Hint::Body
        } else if p.initial && is_speech_verb(next) && !is_plural_people_shape(self.word(a)) {
            // "Okafor said ...": an uncommon word opening a sentence before a speech verb.
            Hint::Speaker
        } else if p.initial {
            Hint::Initial
        } else if (a > 0 && (is_compound_modifier(prev) || is_in(List::CompanyNoun, prev)))
            || (matches!(next_sort, Some(Sort::State | Sort::Person))
                && !self.cap(j)
                && !is_adjective_shape(self.word(a)))
        {
            Hint::Body
        } else if is_place_preposition(prev)
            && !self.toks[a].plain
            && !(prev == "in" && a >= 2 && is_holding_noun(&self.word(a - 2).to_ascii_lowercase()))
        {
            // "in Vardby" is a place, but "shares in Zentrix" is a company.
            Hint::Place
        } else if is_speech_verb(next) {
            Hint::Speaker
        } else {
            Hint::None
        }
    }

    /// The end of a title made of one or two capitalised portfolio words and a title, when a
    /// name follows: any such words before a minister's or secretary's title ("Fisheries
    /// Minister Ana Lund"), modifiers before any other ("Communications Director Ana Berg").
    fn portfolio_title(&self, i: usize, end: usize) -> Option<usize> {
        if !self.cap(i) || self.info(i).first_name {
            return None;
        }
        for k in [i + 1, i + 2] {
            if k > i + 1 && !self.cap(k - 1) {
                return None;
            }
            if let Some((j, false)) = self.title(k, end) {
                let head = self.word(j - 1).to_ascii_lowercase();
                let portfolio = is_in(List::PortfolioHead, &head) || (i..k).all(|m| self.is_modifier_at(m));
                if portfolio && j < end && self.cap(j) {
                    return Some(j);
                }
            }
        }
        None
    }

    /// Whether two or three capitalised words are a person's name by their shape: name-like
    /// words in running text, or a byline.
    fn person_by_shape(&self, s: &Sentence, a: usize, j: usize) -> bool {
        let byline = self.is_byline(s, a, j) && (a..j).all(|k| self.name_like(k));
        byline
            || (!s.headline && !self.title_case && (a..j).all(|k| self.name_like(k) && !self.info(k).common))
    }

    /// Whether the run `a..j` is a byline: a line holding only a name ("Ana Lund"), or a
    /// sign-off after a dash ("-- Ana Lund, Oslo Newsroom").
    fn is_byline(&self, s: &Sentence, a: usize, j: usize) -> bool {
        let alone = s.headline && a == s.tokens.start && j == s.tokens.end;
        let dash = a == s.tokens.start + 1
            && matches!(self.word(s.tokens.start), "--" | "—" | "–" | "-")
            && matches!(self.word(j), "," | "");
        alone || dash
    }

    /// Whether the run ending at `j` is followed by a comma and a country ("Lund, Chile"): a place.
    fn is_place_by_country(&self, j: usize, end: usize) -> bool {
        // Not "Ana Lund, Chile's envoy": a possessive country starts an apposition.
        j + 1 < end
            && self.word(j) == ","
            && self.longest(j + 1, end, false).is_some_and(|(h, k)| {
                h.form == Form::Name
                    && matches!(h.entry, Entry::Country(_))
                    && !matches!(self.word(k), "'s" | "’s")
            })
    }

    /// A word that can be part of a person's name: capitalised letters, not all upper case
    /// (except an initial "J."), hyphens and apostrophes allowed.
    fn name_like(&self, k: usize) -> bool {
        let w = self.word(k);
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        let lower = w.chars().any(char::is_lowercase);
        (lower || (letters == 1 && w.ends_with('.'))) && !self.g.is_org_head(w) && !self.g.is_place_head(w)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn rule_names_are_unique() {
        let mut names: Vec<&str> = super::RULES.iter().map(|r| r.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), super::RULES.len());
    }
}
