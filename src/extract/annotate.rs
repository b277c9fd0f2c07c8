//! The prepared document: per-token features built once per article and read by every
//! stage after the parties (claims, outcomes, group phrases).
//!
//! [`Annotated`] holds, for each token, its word-class bits (the closed classes the claim and
//! outcome rules test for), its capitalisation and the cue bucket it starts, next to the
//! [`Document`]'s tokens, sentences, paragraphs and lower-case keys, and the quotations of
//! the text ([`Annotated::quotes`]).
//!
//! Every token is lower-cased once, by the [`Document`] (curly apostrophes folded to `'`), so
//! each later test is a slice comparison or one probe of a table keyed by the word's hash. The word classes come from
//! `data/speech_words.txt`.

use super::claims::cues::{self, CueMatch};
use super::lexicon::{data_file, hash_str, labelled, WordMap};
use super::segment::quotes::{self, Quotes};
use super::segment::{Document, TokenKind};
use super::span::Span;
use std::sync::OnceLock;

/// Word classes as bits (a word may be in several).
pub mod class {
    /// Auxiliary verbs (has, was, will).
    pub const AUX: u32 = 1;
    /// Adverbs that may sit between a subject and its cue (also, previously).
    pub const ADVERB: u32 = 1 << 1;
    /// Forms of "be" that make a passive (was described).
    pub const PASSIVE: u32 = 1 << 2;
    /// Annotated that open a new clause (that, which, while, but).
    pub const BOUNDARY: u32 = 1 << 3;
    /// Relative pronouns that can stand as a source (who, which).
    pub const WHO: u32 = 1 << 4;
    /// he, she.
    pub const PERSON: u32 = 1 << 5;
    /// they, we.
    pub const PLURAL: u32 = 1 << 6;
    /// it.
    pub const IT: u32 = 1 << 7;
    /// I, you.
    pub const OTHER_PRONOUN: u32 = 1 << 8;
    /// Determiners and quantifiers (the, a, both).
    pub const DETERMINER: u32 = 1 << 9;
    /// Prepositions and "and" that may link the parts of a noun phrase (aide to X).
    pub const NP_LINK: u32 = 1 << 10;
    /// Participles used as adjectives in noun phrases (unnamed, ruling).
    pub const NP_ADJ: u32 = 1 << 11;
    /// Addressees of "told" (reporters, him).
    pub const ADDRESSEE: u32 = 1 << 12;
    /// Annotated of the adverbials that follow a cue (on Friday, in a statement).
    pub const AFTER_CUE: u32 = 1 << 13;
    /// Role nouns (minister, spokesperson).
    pub const ROLE: u32 = 1 << 14;
    /// Plural heads of group sources (officials, sides).
    pub const GROUP: u32 = 1 << 15;
    /// Annotated that end a noun phrase after a cue ("said Ms Lee on Friday").
    pub const NP_STOP: u32 = 1 << 16;
    /// Sentence openers before the subject ("But", "Meanwhile").
    pub const OPENER: u32 = 1 << 17;
    /// Head nouns of official bodies (ministry, government).
    pub const ORG_HEAD: u32 = 1 << 18;
    /// Nouns for one person (woman, fighter), which "the" makes a reference back.
    pub const PERSON_NOUN: u32 = 1 << 19;
    /// Time words that can sit between a subject and its cue ("Ruiz now says").
    pub const TIME_WORD: u32 = 1 << 20;
    /// Words before a trailing time word that stay out of a subject with it ("this month").
    pub const TIME_LEAD: u32 = 1 << 21;
    /// Words in -ly that are not adverbs (only, family).
    pub const NOT_LY_ADVERB: u32 = 1 << 22;
    /// Words that open a reported question or clause in place of "that" (how, whether).
    pub const QUESTION: u32 = 1 << 23;
    /// Nouns of the medium a cue names after it ("said in a statement", "wrote on Twitter").
    pub const MEDIUM: u32 = 1 << 24;
    /// Cues that, negated, report that nothing was said ("did not confirm", "would not say").
    pub const NON_STATEMENT: u32 = 1 << 25;
    /// Quantifiers that stand alone as a source ("Some say ...", "“...,” one said").
    pub const QUANTIFIER: u32 = 1 << 26;
    /// Prepositions that open a leading adverbial before the subject ("By the end of the day,").
    pub const LEAD: u32 = 1 << 27;
    /// Nouns of a company or body that stand for the one last named ("the company said").
    pub const COMPANY: u32 = 1 << 28;
}

/// The class bit of a label of `data/speech_words.txt`, `None` for an unknown label.
fn class_bit(label: &str) -> Option<u32> {
    Some(match label {
        "aux" => class::AUX,
        "adverb" => class::ADVERB,
        "passive" => class::PASSIVE,
        "boundary" => class::BOUNDARY,
        "who" => class::WHO,
        "pronoun_person" => class::PERSON,
        "pronoun_plural" => class::PLURAL,
        "pronoun_it" => class::IT,
        "pronoun_other" => class::OTHER_PRONOUN,
        "determiner" => class::DETERMINER,
        "np_link" => class::NP_LINK,
        "np_ed" | "np_ing" => class::NP_ADJ,
        "addressee" => class::ADDRESSEE,
        "after_cue" => class::AFTER_CUE,
        "role" => class::ROLE,
        "group_head" => class::GROUP,
        "np_stop" => class::NP_STOP,
        "opener" => class::OPENER,
        "org_head" => class::ORG_HEAD,
        "person_noun" => class::PERSON_NOUN,
        "time_word" => class::TIME_WORD,
        "time_lead" => class::TIME_LEAD,
        "not_ly_adverb" => class::NOT_LY_ADVERB,
        "question" => class::QUESTION,
        "medium" => class::MEDIUM,
        "non_statement" => class::NON_STATEMENT,
        "quantifier" => class::QUANTIFIER,
        "lead" => class::LEAD,
        "company_noun" => class::COMPANY,
        _ => return None,
    })
}

/// Word class bits and, plus one, the number of the cue bucket the word starts (0 for none).
type Known = (u32, u32);

/// The word classes and cue buckets, keyed by the [`hash_str`] of the lower-case word, so each
/// token is one probe with the hash its [`Document`] already holds.
fn classes() -> &'static WordMap<u64, Known> {
    static MAP: OnceLock<WordMap<u64, Known>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map: WordMap<&'static str, Known> = WordMap::default();
        for (label, words) in labelled(data_file!("data/speech_words.txt")) {
            // An unknown label is caught by the `every_label_is_known` test.
            let bit = class_bit(label).unwrap_or(0);
            for w in words {
                map.entry(w).or_insert((0, 0)).0 |= bit;
            }
        }
        for (word, bucket) in cues::first_words() {
            map.entry(word).or_insert((0, 0)).1 = bucket as u32 + 1;
        }
        map.into_iter().map(|(word, known)| (hash_str(word), known)).collect()
    })
}

/// The tokens of a document, lower-cased, with their word classes.
pub struct Annotated<'d> {
    doc: &'d Document<'d>,
    bits: Vec<u32>,
    cue_buckets: Vec<u32>,
    quotes: Quotes,
    /// For each token, the first token at or after it that breaks a clause
    /// ([`Annotated::next_clause_break`]); `len()` when none does.
    clause_breaks: Vec<u32>,
}

impl<'d> Annotated<'d> {
    /// Looks up the word class of every token of `doc` once, by the lower-case keys the
    /// document holds.
    pub fn new(doc: &'d Document<'d>) -> Annotated<'d> {
        let mut bits = Vec::with_capacity(doc.tokens.len());
        let mut cue_buckets = Vec::with_capacity(doc.tokens.len());
        let map = classes();
        for (i, t) in doc.tokens.iter().enumerate() {
            let lookup = t.kind == TokenKind::Word || t.span().len() > 1;
            let (b, cue) = if lookup { map.get(&doc.key_hash(i)).copied().unwrap_or((0, 0)) } else { (0, 0) };
            bits.push(b);
            cue_buckets.push(cue);
        }
        let mut w =
            Annotated { doc, bits, cue_buckets, quotes: quotes::find_quotes(doc), clause_breaks: Vec::new() };
        w.clause_breaks = w.clause_breaks();
        w
    }

    /// The table behind [`Annotated::next_clause_break`], filled from the end in one pass, so
    /// that finding where a clause ends costs one lookup however far away it is: a scan per
    /// cue over a long unpunctuated text ("Qaaa said Qaab said ...") was most of the claims
    /// stage's time.
    fn clause_breaks(&self) -> Vec<u32> {
        let n = self.len();
        let mut next = vec![0u32; n];
        let mut at = u32::try_from(n).unwrap_or(u32::MAX);
        for j in (0..n).rev() {
            if self.breaks_clause(j) {
                at = u32::try_from(j).unwrap_or(u32::MAX);
            }
            next[j] = at;
        }
        next
    }

    /// Whether token `j` ends the clause before it: a semicolon, a dash other than a hyphen,
    /// or a comma before a participle cue ("…, adding that") or "according to".
    fn breaks_clause(&self, j: usize) -> bool {
        if self.is_punct(j, ";") || (self.is_dash(j) && self.text(j) != "-") {
            return true;
        }
        if !self.is_punct(j, ",") {
            return false;
        }
        let next = j + 1;
        let participle = self.lower(next).ends_with("ing") && self.cue_at(next).is_some();
        participle || (self.lower(next) == "according" && self.lower(next + 1) == "to")
    }

    /// The first token at or after `from` that ends a clause (a semicolon, a dash other than a
    /// hyphen, or a comma before a participle cue or "according to"), or [`Annotated::len`]
    /// when none does.
    pub fn next_clause_break(&self, from: usize) -> usize {
        self.clause_breaks.get(from).map_or(self.len(), |&b| b as usize)
    }

    /// The document.
    pub fn doc(&self) -> &'d Document<'d> {
        self.doc
    }

    /// The quotations of the document ([`quotes::find_quotes`]).
    pub fn quotes(&self) -> &Quotes {
        &self.quotes
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.bits.len()
    }

    /// Whether there are no tokens.
    pub fn is_empty(&self) -> bool {
        self.bits.is_empty()
    }

    /// Token `i` lower-cased, curly apostrophes made straight ("" out of range).
    pub fn lower(&self, i: usize) -> &'d str {
        self.doc.key(i)
    }

    /// The hash of [`Annotated::lower`]`(i)`, to probe word tables keyed by [`hash_str`].
    pub fn hash(&self, i: usize) -> u64 {
        self.doc.key_hash(i)
    }

    /// Token `i` as written ("" out of range).
    pub fn text(&self, i: usize) -> &'d str {
        self.doc.word(i)
    }

    /// Span of token `i` (empty span at the end of the text when out of range).
    pub fn span(&self, i: usize) -> Span {
        self.doc.tokens.get(i).map_or(Span::new(self.doc.text.len(), self.doc.text.len()), |t| t.span())
    }

    /// Span from the start of token `a` to the end of token `b - 1` (`a < b`).
    pub fn range(&self, a: usize, b: usize) -> Span {
        if b <= a {
            return Span::new(self.span(a).start, self.span(a).start);
        }
        Span::new(self.span(a).start, self.span(b - 1).end)
    }

    /// Whether token `i` has word class `bit`.
    pub fn is(&self, i: usize, bit: u32) -> bool {
        self.bits.get(i).is_some_and(|b| b & bit != 0)
    }

    /// Whether token `i` is a word (letters).
    pub fn is_word(&self, i: usize) -> bool {
        self.doc.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Word)
    }

    /// Whether token `i` is a number.
    pub fn is_number(&self, i: usize) -> bool {
        self.doc.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Number)
    }

    /// Whether token `i` starts with an upper-case letter.
    pub fn is_cap(&self, i: usize) -> bool {
        self.doc.starts_upper(i)
    }

    /// The number of the cue bucket token `i` starts, if it starts any cue form.
    pub fn cue_bucket(&self, i: usize) -> Option<usize> {
        self.cue_buckets.get(i).and_then(|&b| (b as usize).checked_sub(1))
    }

    /// The longest cue form starting at token `i`, if any: the bucket noted for the token,
    /// then a comparison of the few forms in it.
    pub fn cue_at(&self, i: usize) -> Option<CueMatch> {
        // Numbers and ASCII punctuation are never cues; a dash like "―" can be.
        if self.is_number(i) || (!self.is_word(i) && self.text(i).is_ascii()) {
            return None;
        }
        cues::longest_in(self.cue_bucket(i)?, |k| self.lower(i + 1 + k))
    }

    /// Whether token `i` is exactly the punctuation `p`.
    pub fn is_punct(&self, i: usize, p: &str) -> bool {
        self.text(i) == p
    }

    /// Whether token `i` ends a sentence or clause hard (. ! ? ;).
    pub fn is_stop(&self, i: usize) -> bool {
        matches!(self.text(i), "." | "!" | "?" | ";")
    }

    /// Whether token `i` is a dash used as a clause break.
    pub fn is_dash(&self, i: usize) -> bool {
        matches!(self.text(i), "\u{2014}" | "\u{2013}" | "--" | "-")
    }

    /// Whether token `i` is a double quotation mark or a guillemet
    /// ([`quotes::is_quotation_mark`]).
    pub fn is_quote(&self, i: usize) -> bool {
        quotes::is_quotation_mark(self.text(i))
    }

    /// Paragraph index of token `i`.
    pub fn paragraph(&self, i: usize) -> usize {
        self.doc.paragraph_of(i)
    }

    /// Index of the sentence holding token `i` ([`Document::sentence_of`]).
    pub fn sentence(&self, i: usize) -> usize {
        self.doc.sentence_of(i)
    }

    /// Whether token `i` is a possessive ("Ghana's", "leaders'").
    pub fn is_possessive(&self, i: usize) -> bool {
        let w = self.lower(i);
        w.ends_with("'s") || (w.ends_with("s'") && w.len() > 2)
    }

    /// Whether token `i` looks like a past or present participle used as a verb:
    /// a lower-case word ending in -ed or -ing that is not a known noun-phrase adjective.
    pub fn is_verb_like(&self, i: usize) -> bool {
        let w = self.lower(i);
        !self.is_cap(i)
            && !self.is(i, class::NP_ADJ)
            && ((w.ends_with("ed") && w.len() > 4) || (w.ends_with("ing") && w.len() > 5))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::segment::segment;

    #[test]
    fn lowers_and_classifies() {
        let doc = segment("The Minister’s aide SAID it.");
        let w = Annotated::new(&doc);
        let lowered: Vec<&str> = (0..w.len()).map(|i| w.lower(i)).collect();
        assert!(lowered.contains(&"said"), "{lowered:?}");
        assert!(lowered.iter().any(|t| t.ends_with("'s")), "curly apostrophe folded: {lowered:?}");
        assert!(w.is(0, class::DETERMINER));
        let it = lowered.iter().position(|t| *t == "it").unwrap_or(0);
        assert!(w.is(it, class::IT));
        assert_eq!(w.lower(99), "");
        assert!(w.is_cap(1) && !w.is_cap(lowered.iter().position(|t| *t == "aide").unwrap_or(0)));
    }

    #[test]
    fn every_label_is_known() {
        for (label, _) in labelled(data_file!("data/speech_words.txt")) {
            assert!(class_bit(label).is_some(), "unknown label {label:?} in data/speech_words.txt");
        }
        assert_eq!(class_bit("pronoun_persn"), None);
    }

    #[test]
    fn verb_like_skips_adjectives() {
        let doc = segment("unnamed officials emerged talking");
        let w = Annotated::new(&doc);
        assert!(!w.is_verb_like(0));
        assert!(!w.is_verb_like(1));
        assert!(w.is_verb_like(2));
        assert!(w.is_verb_like(3));
    }
}
