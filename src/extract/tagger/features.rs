//! Feature extraction for the name tagger: the one place where the trainer (`train-names`) and
//! the run-time tagger turn words into hashed feature ids, so the two can never disagree.
//!
//! Every word of a sentence is first summarised once ([`Word`]: hashes of its lower-cased form,
//! its cased form, its shapes and affixes, a few flags and its gazetteer classes). A feature is
//! then a template id mixed with one or two of those hashes ([`feature`]), so building the ~40
//! features of a token costs a few multiplies each and no allocation. Feature ids are `u64`;
//! the weight table is indexed by their top bits ([`bucket`]). All hashing is `u64` arithmetic
//! over bytes ([`lexicon::hash_bytes`] and a fixed finaliser), so ids are the same natively and
//! on wasm32.

use crate::extract::lexicon::{self, data_file, entries, Fx};
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

/// Number of labels: `O`, then `B-` and `I-` for PER, ORG, LOC and MISC.
pub const LABELS: usize = 9;

/// Version of the feature set; stored in the model file, which is ignored when it differs.
/// Bump it whenever a template below changes meaning.
pub const FEATURE_VERSION: u32 = 3;

/// Label index of `O`.
pub const OUTSIDE: u8 = 0;

/// The "previous label" of the first word of a sentence.
pub const START: u8 = LABELS as u8;

/// Word flags (bits of [`Word::flags`]).
const CAP: u16 = 1;
const ALL_CAPS: u16 = 2;
const DIGIT: u16 = 4;
const HYPHEN: u16 = 8;
const DOT: u16 = 16;
const ALL_DIGITS: u16 = 32;
const NO_ALNUM: u16 = 64;
const INNER_CAP: u16 = 128;
const APOSTROPHE: u16 = 256;
const HAS_LOWER: u16 = 512;

/// Gazetteer classes (bits of [`Word::gaz`]), from the project's own word lists.
const GAZ_FIRST_NAME: u8 = 1;
const GAZ_COUNTRY: u8 = 2;
const GAZ_DEMONYM: u8 = 4;
const GAZ_CAPITAL: u8 = 8;
const GAZ_PLACE: u8 = 16;
const GAZ_ORG: u8 = 32;
const GAZ_ORG_HEAD: u8 = 64;
const GAZ_TITLE: u8 = 128;

/// What the feature templates need to know about one word, worked out once per sentence.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Word {
    lower: u64,
    cased: u64,
    shape: u64,
    short_shape: u64,
    prefix: [u64; 4],
    suffix: [u64; 4],
    flags: u16,
    gaz: u8,
}

impl Word {
    /// The summary of one word (as [`Sentence::new`] makes it), with reusable buffers: the
    /// run-time tagger summarises each distinct word of an article once and keeps the result.
    pub fn of(word: &str, buf: &mut Scratch) -> Word {
        summarise(word, gazetteer(), buf)
    }

    /// The one field [`transition_features`] reads: the key under which the run-time tagger
    /// caches their weights, shared by every word of the same shape.
    pub fn shape_key(&self) -> u64 {
        self.shape
    }
}

/// The summary used for the positions before and after the sentence.
pub const PAD: Word = Word {
    lower: 0x5eed_0000_0000_0001,
    cased: 0x5eed_0000_0000_0002,
    shape: 0x5eed_0000_0000_0003,
    short_shape: 0x5eed_0000_0000_0004,
    prefix: [0; 4],
    suffix: [0; 4],
    flags: 0,
    gaz: 0,
};

/// A sentence's words, summarised, with the sentence-level facts the templates use.
#[derive(Clone, Debug, Default)]
pub struct Sentence {
    /// One summary per word.
    pub words: Vec<Word>,
    /// Few words have a lower-case letter (a headline in capitals): case says little.
    pub shouted: bool,
}

impl Sentence {
    /// Summarises the words of one sentence.
    pub fn new(words: &[&str]) -> Sentence {
        let gaz = gazetteer();
        let mut buf = Scratch::default();
        Sentence::of_words(words.iter().map(|w| summarise(w, gaz, &mut buf)).collect())
    }

    /// The sentence of words already summarised ([`Word::of`]), in order.
    pub fn of_words(words: Vec<Word>) -> Sentence {
        let lettered = words.iter().filter(|w| w.flags & ALL_CAPS != 0 || has_lower(w)).count();
        let lower = words.iter().filter(|w| has_lower(w)).count();
        let shouted = lettered >= 3 && lower * 4 < lettered;
        Sentence { words, shouted }
    }

    /// The word at `i` counted from `at`, or the padding outside the sentence.
    fn at(&self, at: usize, offset: isize) -> &Word {
        at.checked_add_signed(offset).and_then(|j| self.words.get(j)).unwrap_or(&PAD)
    }
}

/// Does the word have a lower-case letter?
fn has_lower(w: &Word) -> bool {
    w.flags & HAS_LOWER != 0
}

/// Reusable buffers for summarising words ([`Word::of`]).
#[derive(Default)]
pub struct Scratch {
    lower: String,
    cased: String,
    shape: Vec<u8>,
    short: Vec<u8>,
}

/// Mixes a template id and a value into a feature id (a fixed 64-bit finaliser, the one of
/// SplitMix64, so that the top bits used by [`bucket`] are well spread).
pub fn feature(template: u64, value: u64) -> u64 {
    let mut z = value ^ template.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Combines two hashes into one value for a conjunction template.
fn pair(a: u64, b: u64) -> u64 {
    (a.rotate_left(21) ^ b).wrapping_mul(0x517c_c1b7_2722_0a95)
}

/// The weight-table row of a feature id in a table of `2^bits` rows.
pub fn bucket(feature: u64, bits: u32) -> usize {
    // `bits` is at most 24, so the row fits in a u32 and hence in usize on every target.
    (feature >> (64 - bits)) as usize
}

/// Curly quotes as the straight ones of the training data.
fn normal(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201b}' | '`' => '\'',
        '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{00ab}' | '\u{00bb}' => '"',
        _ => c,
    }
}

/// The summary of one word.
fn summarise(word: &str, gaz: &Gazetteer, buf: &mut Scratch) -> Word {
    buf.lower.clear();
    buf.cased.clear();
    let mut flags = 0;
    let (mut letters, mut uppers, mut digits, mut others) = (0, 0, 0, 0);
    for (n, c) in word.chars().map(normal).enumerate() {
        buf.cased.push(c);
        if c.is_ascii() {
            buf.lower.push(c.to_ascii_lowercase());
        } else {
            buf.lower.extend(c.to_lowercase());
        }
        if c.is_uppercase() {
            uppers += 1;
            flags |= if n == 0 { CAP } else { INNER_CAP };
        } else if c.is_lowercase() {
            flags |= HAS_LOWER;
        }
        letters += usize::from(c.is_alphabetic());
        digits += usize::from(c.is_numeric());
        others += usize::from(!c.is_alphanumeric());
        flags |= match c {
            '-' => HYPHEN,
            '.' => DOT,
            '\'' => APOSTROPHE,
            _ => 0,
        };
    }
    if letters > 0 && uppers == letters {
        flags |= ALL_CAPS;
        flags &= !INNER_CAP;
    }
    if digits > 0 {
        flags |= DIGIT;
    }
    if digits > 0 && letters == 0 && others == 0 {
        flags |= ALL_DIGITS;
    }
    if letters == 0 && digits == 0 {
        flags |= NO_ALNUM;
    }
    let (shape, short_shape) = shapes(&buf.cased, &mut buf.shape, &mut buf.short);
    let (prefix, suffix) = affixes(&buf.lower);
    let lower = lexicon::hash_bytes(buf.lower.as_bytes());
    Word {
        lower,
        cased: lexicon::hash_bytes(buf.cased.as_bytes()),
        shape,
        short_shape,
        prefix,
        suffix,
        flags,
        gaz: gaz.get(lower),
    }
}

/// The hashes of a word's shape (letters as `X`/`x`, digits as `d`, runs cut to three: "Xxxx",
/// "XX", "dddd-dd-dd" → "ddd-dd-dd") and short shape (runs of one: "Xx", "X", "d-d-d").
fn shapes(word: &str, shape: &mut Vec<u8>, short: &mut Vec<u8>) -> (u64, u64) {
    shape.clear();
    short.clear();
    let mut run = 0;
    for c in word.chars() {
        let s = if c.is_uppercase() {
            b'X'
        } else if c.is_alphabetic() {
            b'x'
        } else if c.is_numeric() {
            b'd'
        } else if c.is_ascii() {
            c as u8
        } else {
            b'?'
        };
        run = if shape.last() == Some(&s) { run + 1 } else { 1 };
        if run <= 3 {
            shape.push(s);
        }
        if run == 1 {
            short.push(s);
        }
    }
    (lexicon::hash_bytes(shape), lexicon::hash_bytes(short))
}

/// Hashes of the first and last 1 to 4 characters of a lower-cased word; 0 where the word is
/// not longer than the affix (the whole word is already a feature).
fn affixes(lower: &str) -> ([u64; 4], [u64; 4]) {
    let (mut prefix, mut suffix) = ([0; 4], [0; 4]);
    let bytes = lower.as_bytes();
    // Byte offsets after the first 1..=4 characters and before the last 1..=4, each present
    // only when the word has a character beyond the affix.
    let mut starts = lower.char_indices().map(|(i, _)| i).skip(1);
    let mut ends = lower.char_indices().rev().map(|(i, _)| i).filter(|&i| i > 0);
    for n in 0..4 {
        if let (Some(p), Some(s)) = (starts.next(), ends.next()) {
            prefix[n] = lexicon::hash_bytes(&bytes[..p]);
            suffix[n] = lexicon::hash_bytes(&bytes[s..]);
        }
    }
    (prefix, suffix)
}

/// Template ids. Values only need to differ; they are part of the model, so changing one
/// means bumping [`FEATURE_VERSION`] and retraining.
mod t {
    pub const BIAS: u64 = 1;
    pub const LOWER: u64 = 2;
    pub const CASED: u64 = 3;
    pub const SHAPE: u64 = 4;
    pub const SHORT: u64 = 5;
    pub const PREFIX: u64 = 6;
    pub const SUFFIX: u64 = 10;
    pub const FLAGS: u64 = 14;
    pub const GAZ: u64 = 15;
    pub const FIRST_SHAPE: u64 = 24;
    pub const FIRST_LOWER: u64 = 25;
    pub const LOWER_AT: u64 = 26;
    pub const SHAPE_AT: u64 = 31;
    pub const GAZ_AT: u64 = 36;
    pub const BIGRAM_LEFT: u64 = 41;
    pub const BIGRAM_RIGHT: u64 = 42;
    pub const SHAPE_TRIGRAM: u64 = 43;
    pub const SHOUT_LOWER: u64 = 44;
    pub const SHOUT_BIAS: u64 = 45;
    pub const PREV: u64 = 50;
    pub const PREV_SHAPE: u64 = 53;
}

/// The features of word `i` that do not depend on the labels already chosen:
/// [`word_features`] then [`sentence_features`].
pub fn static_features(s: &Sentence, i: usize, out: &mut Vec<u64>) {
    word_features(s.at(i, 0), out);
    sentence_features(s, i, out);
}

/// The features of a word that depend on the word alone (the run-time tagger adds their
/// weights up once per distinct word, so nothing else may enter here).
pub fn word_features(w: &Word, out: &mut Vec<u64>) {
    out.push(feature(t::BIAS, 0));
    out.push(feature(t::LOWER, w.lower));
    out.push(feature(t::CASED, w.cased));
    out.push(feature(t::SHAPE, w.shape));
    out.push(feature(t::SHORT, w.short_shape));
    for n in 0..4 {
        if w.prefix[n] != 0 {
            out.push(feature(t::PREFIX + n as u64, w.prefix[n]));
            out.push(feature(t::SUFFIX + n as u64, w.suffix[n]));
        }
    }
    out.push(feature(t::FLAGS, u64::from(w.flags)));
    for bit in 0..8 {
        if w.gaz & (1 << bit) != 0 {
            out.push(feature(t::GAZ + bit, 0));
        }
    }
}

/// The places, relative to a word, of the neighbours the context templates read (two either
/// side), in template order: [`neighbour_features`] number `k` reads the word at
/// `NEIGHBOURS[k]`.
pub const NEIGHBOURS: [isize; 4] = [-2, -1, 1, 2];

/// The label-independent features of word `i` that depend on its place in the sentence.
pub fn sentence_features(s: &Sentence, i: usize, out: &mut Vec<u64>) {
    first_features(s, i, out);
    for (k, &offset) in NEIGHBOURS.iter().enumerate() {
        neighbour_features(s.at(i, offset), k, out);
    }
    pair_features(s, i, out);
    shout_features(s, i, out);
}

/// [`sentence_features`] but for the [`neighbour_features`]: the ones that depend on more
/// than one word, or on the sentence (the run-time tagger caches the neighbour ones' weights
/// by word, and adds these).
pub fn placed_features(s: &Sentence, i: usize, out: &mut Vec<u64>) {
    first_features(s, i, out);
    pair_features(s, i, out);
    shout_features(s, i, out);
}

/// The templates of the first word of a sentence.
fn first_features(s: &Sentence, i: usize, out: &mut Vec<u64>) {
    if i == 0 {
        let w = s.at(i, 0);
        out.push(feature(t::FIRST_SHAPE, w.shape));
        out.push(feature(t::FIRST_LOWER, w.lower));
    }
}

/// The templates over the neighbour `n` at [`NEIGHBOURS`]`[k]` of a word: they depend on the
/// neighbour and `k` alone.
pub fn neighbour_features(n: &Word, k: usize, out: &mut Vec<u64>) {
    let template = k as u64;
    out.push(feature(t::LOWER_AT + template, n.lower));
    out.push(feature(t::SHAPE_AT + template, n.short_shape));
    if NEIGHBOURS[k].abs() == 1 {
        out.push(feature(t::GAZ_AT + template, u64::from(n.gaz)));
    }
}

/// The templates over a word and its neighbours together: bigrams and a shape trigram.
fn pair_features(s: &Sentence, i: usize, out: &mut Vec<u64>) {
    let (prev, w, next) = (s.at(i, -1), s.at(i, 0), s.at(i, 1));
    out.push(feature(t::BIGRAM_LEFT, pair(prev.lower, w.lower)));
    out.push(feature(t::BIGRAM_RIGHT, pair(w.lower, next.lower)));
    out.push(feature(t::SHAPE_TRIGRAM, pair(pair(prev.short_shape, w.short_shape), next.short_shape)));
}

/// The templates of a sentence in capitals.
fn shout_features(s: &Sentence, i: usize, out: &mut Vec<u64>) {
    if s.shouted {
        out.push(feature(t::SHOUT_BIAS, 0));
        out.push(feature(t::SHOUT_LOWER, s.at(i, 0).lower));
    }
}

/// The features of word `i` that depend on the label `prev` of the word before it
/// ([`START`] for the first word): together with the label of word `i` they make the
/// transition part of a first-order model. (The previous label paired with the word itself
/// was tried: +0.001 F1 on testa for nine more table lookups a word, so it was left out.)
pub fn history_features(s: &Sentence, i: usize, prev: u8, out: &mut Vec<u64>) {
    transition_features(s.at(i, 0), prev, out);
}

/// The label-dependent features of word `w` after label `prev`: they depend on the word's
/// shape alone ([`Word::shape_key`]; the run-time tagger caches their weights by shape, and
/// `tests/tagger.rs` checks it against [`history_features`]).
pub fn transition_features(w: &Word, prev: u8, out: &mut Vec<u64>) {
    let p = u64::from(prev);
    out.push(feature(t::PREV, p));
    out.push(feature(t::PREV_SHAPE, pair(p, w.shape)));
}

/// May `label` follow `prev` in a BIO sequence? (`I-X` only after `B-X` or `I-X`.)
pub const fn allowed(prev: u8, label: u8) -> bool {
    label == OUTSIDE || label % 2 == 1 || (prev != OUTSIDE && prev != START && prev.div_ceil(2) == label / 2)
}

/// Word classes from the project's data files, by the [`lexicon::hash_bytes`] of the lower-cased
/// word: every capitalised word of a listed name counts ("Northern" in "Northern Ireland").
pub struct Gazetteer {
    classes: HashMap<u64, u8, BuildHasherDefault<Fx>>,
}

impl Gazetteer {
    fn get(&self, lower: u64) -> u8 {
        self.classes.get(&lower).copied().unwrap_or(0)
    }

    fn add(&mut self, phrase: &str, class: u8) {
        for word in phrase.split_whitespace() {
            let capitalised = word.chars().next().is_some_and(char::is_uppercase);
            if capitalised || class == GAZ_FIRST_NAME || class == GAZ_TITLE {
                let key = word.chars().map(normal).flat_map(char::to_lowercase).collect::<String>();
                *self.classes.entry(lexicon::hash_bytes(key.as_bytes())).or_insert(0) |= class;
            }
        }
    }

    /// A fingerprint of the lists, stored in the model: a model trained with other lists is
    /// not used silently.
    pub fn fingerprint() -> u32 {
        let mut h = 0u64;
        for data in DATA {
            h = pair(h, lexicon::hash_bytes(data.as_bytes()));
        }
        (feature(0, h) >> 32) as u32
    }
}

/// The data files the gazetteer reads, in a fixed order.
const DATA: [&str; 6] = [
    data_file!("../data/countries.txt"),
    data_file!("../data/first_names.txt"),
    data_file!("../data/organizations.txt"),
    data_file!("../data/org_heads.txt"),
    data_file!("../data/places.txt"),
    data_file!("../data/titles.txt"),
];

/// The gazetteer, built on first use.
fn gazetteer() -> &'static Gazetteer {
    static GAZ: OnceLock<Gazetteer> = OnceLock::new();
    GAZ.get_or_init(|| {
        let mut g = Gazetteer { classes: HashMap::default() };
        let [countries, first_names, orgs, org_heads, places, titles] = DATA;
        for line in entries(countries) {
            for (col, class) in line.split('|').zip([GAZ_COUNTRY, GAZ_COUNTRY, GAZ_DEMONYM, GAZ_CAPITAL]) {
                col.split(',').for_each(|n| g.add(n, class));
            }
        }
        for line in entries(orgs) {
            line.split(['|', ',']).for_each(|n| g.add(n, GAZ_ORG));
        }
        let simple = [(first_names, GAZ_FIRST_NAME), (org_heads, GAZ_ORG_HEAD), (places, GAZ_PLACE)];
        for (data, class) in simple {
            entries(data).for_each(|n| g.add(n, class));
        }
        entries(titles).for_each(|n| g.add(n.trim_start_matches('~'), GAZ_TITLE));
        g
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_collapse_runs() {
        let (mut a, mut b) = (Vec::new(), Vec::new());
        let h = |s: &[u8]| lexicon::hash_bytes(s);
        assert_eq!(shapes("Peter", &mut a, &mut b), (h(b"Xxxx"), h(b"Xx")));
        assert_eq!(shapes("1996-08-22", &mut a, &mut b), (h(b"ddd-dd-dd"), h(b"d-d-d")));
        assert_eq!(shapes("U.S.", &mut a, &mut b), (h(b"X.X."), h(b"X.X.")));
    }

    #[test]
    fn affixes_stop_short_of_the_word() {
        let (p, s) = affixes("ab");
        assert_eq!(p, [lexicon::hash_bytes(b"a"), 0, 0, 0]);
        assert_eq!(s, [lexicon::hash_bytes(b"b"), 0, 0, 0]);
        let (p, s) = affixes("élan");
        assert_eq!(p[0], lexicon::hash_bytes("é".as_bytes()));
        assert_eq!(s[2], lexicon::hash_bytes(b"lan"));
    }

    #[test]
    fn bio_constraint() {
        // 1 = B-PER, 2 = I-PER, 4 = I-ORG.
        assert!(
            allowed(1, 2) && allowed(2, 2) && !allowed(OUTSIDE, 2) && !allowed(1, 4) && !allowed(START, 2)
        );
    }

    /// All feature ids of a sentence, folded into one number.
    fn fingerprint(words: &[&str]) -> u64 {
        let s = Sentence::new(words);
        let mut feats = Vec::new();
        for i in 0..words.len() {
            static_features(&s, i, &mut feats);
            history_features(&s, i, if i == 0 { START } else { 1 }, &mut feats);
        }
        feats.iter().fold(0, |h, &f| pair(h, f))
    }

    #[test]
    fn feature_ids_are_pinned() {
        // The model file holds weights by feature id, so ids must be the same on every target
        // (natively and on wasm32) and every run. These numbers were printed natively; if this
        // fails after a deliberate change to the features, bump FEATURE_VERSION, retrain
        // (`cargo run --release --no-default-features --bin train-names`) and re-pin.
        assert_eq!(feature(2, lexicon::hash_bytes(b"said")), PINNED_SAID);
        assert_eq!(
            fingerprint(&["Jordan", "Ellis", "told", "the", "U.N.", "in", "São", "Paulo", "."]),
            PINNED_SENTENCE
        );
        assert_eq!(bucket(u64::MAX, 16), 65535);
    }

    const PINNED_SAID: u64 = 7_807_249_737_522_479_807;
    const PINNED_SENTENCE: u64 = 18_088_759_224_544_470_194;
}
