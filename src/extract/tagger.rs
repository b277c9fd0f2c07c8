//! A trained statistical name tagger: which words of a sentence are names of persons,
//! organisations, locations or other things (events, nationalities, products), with exact
//! boundaries.
//!
//! **Why a trained model.** Hand rules fitted to a few articles cannot learn where names start
//! and end or what they are ("Norwegian Air Shuttle ASA", "Ports and Harbours Authority",
//! "Jordan Ellis said"). This tagger is an averaged perceptron trained on the CoNLL-2003 English
//! training split and tuned on its development split (testa) only, by `train-names`
//! (`cargo run --release --no-default-features --bin train-names`, which rewrites
//! `src/extract/data/names.model` byte for byte and prints the testa scores; add `--eval-only`
//! to score the committed model).
//!
//! **How it works.** Each word gets one of nine BIO labels (`O`, `B-`/`I-` × PER, ORG, LOC,
//! MISC). The score of a label is the sum of the weights of the word's features, some of
//! which pair the label with the previous word's label; the best sequence is found by Viterbi
//! (so "Ellis" can still make "Jordan Ellis" a person after "Jordan" alone looked like the
//! country), and `I-X` may only follow `B-X` or `I-X`. Features ([`features`]): the
//! lower-cased and cased word, its shape ("Xxxx", "XX", "d-d") and short shape, prefixes and
//! suffixes of 1–4 characters, flags (capitalised, all capitals, digits, hyphen, dot,
//! apostrophe), membership of the project's word lists (first names, country names,
//! demonyms, capitals, places, organisation words and heads, titles), sentence-initial
//! position, the two words either side (lower case, short shape, word-list classes), word
//! bigrams, a shape trigram, a flag for sentences in capitals, and the previous word's label
//! (alone and with the word's shape). Features are hashed (fixed `u64` arithmetic, identical
//! natively and on wasm32) into `2^bits` rows of nine `i16` weights ([`weights`], which
//! documents the file format); the file is decoded once, on first use.
//!
//! **Input.** One sentence at a time, as the strings of its tokens in order, punctuation and
//! quotation marks included as tokens of their own (as [`crate::extract::segment`] splits them:
//! "U.S.", "Russian-speaking", "don't" one token; a possessive "'s" its own token). The model
//! was trained on text tokenised that way; sentence boundaries matter because the first word
//! of a sentence is capitalised whatever it is.
//!
//! **Known failure cases.** It sees one sentence only, so a surname alone ("Ellis said") after a
//! full name earlier in the article is typed from its own context and may be ORG or missed;
//! names never seen in training and in lower case ("eBay", "de Villiers") depend on shape and
//! context; headlines in capitals are harder (case says nothing); a word that is a name in
//! one sense and a word in another at the start of a sentence ("Will", "May") is often wrong;
//! CoNLL's conventions are followed (nationalities such as "Norwegian" are MISC, a country
//! named as an actor is LOC), so a name that starts with a strong word of another type is
//! split or mistyped ("Norwegian" + "Air Shuttle ASA"; "Jordan Ellis" typed ORG because
//! "Jordan" is a country: see `KNOWN_WRONG` in `tests/tagger.rs`); and the training text is
//! 1996 Reuters news, sport-heavy. Scores: `train-names --eval-only`.

pub mod features;
pub mod weights;

use crate::extract::lexicon::WordMap;
use features::{Sentence, Word, LABELS, OUTSIDE};
use std::ops::Range;
use std::sync::OnceLock;
use weights::{Model, Weights};

/// What kind of thing a name names (the CoNLL-2003 classes).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NameType {
    /// A person ("Jordan Ellis").
    Per,
    /// An organisation: company, body, team, party, outlet ("Norwegian Air Shuttle ASA").
    Org,
    /// A location: country, city, region, feature ("Norland", "Lake Orrin").
    Loc,
    /// Any other name: nationality, event, product, title of a work ("Norwegian", "Cup").
    Misc,
}

impl NameType {
    /// All four, in label order.
    pub const ALL: [NameType; 4] = [NameType::Per, NameType::Org, NameType::Loc, NameType::Misc];

    /// The CoNLL tag suffix: "PER", "ORG", "LOC" or "MISC".
    pub fn as_str(self) -> &'static str {
        match self {
            NameType::Per => "PER",
            NameType::Org => "ORG",
            NameType::Loc => "LOC",
            NameType::Misc => "MISC",
        }
    }
}

/// The label of one word: outside any name, or the first or a following word of one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NameTag {
    /// Not part of a name.
    Outside,
    /// The first word of a name.
    Begin(NameType),
    /// A word of a name after its first.
    Inside(NameType),
}

impl NameTag {
    /// The tag of label index `label` (0 = O, then B-/I- for PER, ORG, LOC, MISC); out of
    /// range is [`NameTag::Outside`].
    pub fn from_label(label: u8) -> NameTag {
        match NameType::ALL.get(usize::from(label.wrapping_sub(1) / 2)) {
            Some(&kind) if label != OUTSIDE && label % 2 == 1 => NameTag::Begin(kind),
            Some(&kind) if label != OUTSIDE => NameTag::Inside(kind),
            _ => NameTag::Outside,
        }
    }

    /// The label index of the tag (the inverse of [`NameTag::from_label`]).
    pub fn label(self) -> u8 {
        let index = |k: NameType| NameType::ALL.iter().position(|&t| t == k).unwrap_or(0) as u8;
        match self {
            NameTag::Outside => OUTSIDE,
            NameTag::Begin(k) => 1 + 2 * index(k),
            NameTag::Inside(k) => 2 + 2 * index(k),
        }
    }
}

/// One name found by [`name_spans`].
#[derive(Clone, Debug, PartialEq)]
pub struct NameSpan {
    /// Its words, as indices into the sentence's words.
    pub words: Range<usize>,
    /// What it names.
    pub kind: NameType,
    /// How sure the tagger is: the smallest margin, over the span's words, between the best
    /// label sequence and the best one that labels the word otherwise, in units of trained
    /// weight. On testa (`train-names --eval-only` prints the table) spans at 20 or more were
    /// exactly right 97% of the time, 10 to 20 73%, below 10 about half; the scale changes
    /// when the model is retrained.
    pub confidence: f32,
}

/// The embedded model, decoded on first use (an empty model if the file does not fit this
/// code: every word is then outside, and the tests say so).
fn model() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| Model::decode(include_bytes!("data/names.model")).unwrap_or_else(Model::empty))
}

/// A score no path takes (far below any real one, far above overflow when added to).
const NEVER: i64 = i64::MIN / 4;

/// The local scores of word `i`: `[prev][label]`, the weights of its label-independent
/// features for `label` plus those of its transition features for `prev` (see [`local_at`]
/// for the BIO constraint). For the first word every row is scored after [`features::START`].
fn local_scores<W: Weights>(
    weights: &W,
    s: &Sentence,
    i: usize,
    feats: &mut Vec<u64>,
) -> [[i32; LABELS]; LABELS] {
    feats.clear();
    features::static_features(s, i, feats);
    let mut own = [0i32; LABELS];
    feats.iter().for_each(|&f| weights.add(f, &mut own));
    let mut out = [[0i32; LABELS]; LABELS];
    for (p, row) in out.iter_mut().enumerate() {
        let prev = if i == 0 { features::START } else { p as u8 };
        feats.clear();
        features::history_features(s, i, prev, feats);
        *row = own;
        feats.iter().for_each(|&f| weights.add(f, row));
    }
    out
}

/// The BIO constraint as a table: `FORBIDDEN[prev][label]` (the last row is [`features::START`]).
const FORBIDDEN: [[bool; LABELS]; LABELS + 1] = {
    let mut t = [[false; LABELS]; LABELS + 1];
    let mut p = 0;
    while p <= LABELS {
        let mut l = 0;
        while l < LABELS {
            t[p][l] = !features::allowed(p as u8, l as u8);
            l += 1;
        }
        p += 1;
    }
    t
};

/// The labels BIO allows after a real label (`ALLOWED[prev]`, in increasing order, the first
/// `count` of `labels`) or before one (`ALLOWED_BEFORE[label]`). Viterbi runs over these
/// lists rather than testing all 81 pairs against [`FORBIDDEN`]: an `I-X` has only two
/// possible predecessors, so a word costs 53 steps instead of 81, with no test in the loop.
/// Skipping a forbidden pair changes nothing: it would score [`NEVER`] plus a real score,
/// below any allowed pair, as every word after the first has a real `B-X` score.
struct Pairs {
    labels: [[u8; LABELS]; LABELS],
    count: [usize; LABELS],
}

impl Pairs {
    /// The list for label `l`.
    fn of(&self, l: usize) -> &[u8] {
        &self.labels[l][..self.count[l]]
    }
}

/// The [`Pairs`] of the BIO constraint: for each label `a`, the labels `b` with
/// `allowed(a, b)` when `after`, else those with `allowed(b, a)` ([`features::allowed`]).
const fn pairs(after: bool) -> Pairs {
    let mut t = Pairs { labels: [[0; LABELS]; LABELS], count: [0; LABELS] };
    let mut a = 0;
    while a < LABELS {
        let mut b = 0;
        while b < LABELS {
            let ok =
                if after { features::allowed(a as u8, b as u8) } else { features::allowed(b as u8, a as u8) };
            if ok {
                t.labels[a][t.count[a]] = b as u8;
                t.count[a] += 1;
            }
            b += 1;
        }
        a += 1;
    }
    t
}

/// See [`Pairs`].
const ALLOWED: Pairs = pairs(true);
/// See [`Pairs`].
const ALLOWED_BEFORE: Pairs = pairs(false);

/// The local score of `label` after `prev` at word `i`, or [`NEVER`] where BIO forbids it.
fn local_at(local: &[[i32; LABELS]; LABELS], i: usize, p: usize, l: usize) -> i64 {
    let prev = if i == 0 { LABELS } else { p };
    if FORBIDDEN[prev][l] {
        NEVER
    } else {
        i64::from(local[p][l])
    }
}

/// The labels and margins of a sentence's words under `weights`: the best label sequence
/// (Viterbi over the first-order model), and for each word how much lower the best sequence
/// that gives it another label scores (from max-marginals: a forward and a backward pass; 0
/// for every word unless `margins`). Shared by [`tag`] and the trainer, so both decode alike.
pub fn decode<W: Weights>(weights: &W, sentence: &Sentence, margins: bool) -> Vec<(u8, i32)> {
    let mut feats = Vec::with_capacity(64);
    let n = sentence.words.len();
    let local: Vec<_> = (0..n).map(|i| local_scores(weights, sentence, i, &mut feats)).collect();
    best_labels(&local, margins)
}

/// Viterbi and margins over the local scores of a sentence's words (see [`decode`]).
fn best_labels(local: &[[[i32; LABELS]; LABELS]], margins: bool) -> Vec<(u8, i32)> {
    let n = local.len();
    // forward[i][l]: the best score of words 0..=i ending in l; back[i][l] its previous label.
    let mut forward = vec![[NEVER; LABELS]; n];
    let mut back = vec![[0u8; LABELS]; n];
    if n > 0 {
        forward[0] = std::array::from_fn(|l| local_at(&local[0], 0, 0, l));
    }
    for i in 1..n {
        let (before, now) = forward.split_at_mut(i);
        let prev = &before[i - 1];
        let scores = &local[i];
        for l in 0..LABELS {
            let (mut best, mut from) = (NEVER, 0);
            for &p in ALLOWED_BEFORE.of(l) {
                let v = prev[usize::from(p)] + i64::from(scores[usize::from(p)][l]);
                if v > best {
                    (best, from) = (v, p);
                }
            }
            (now[0][l], back[i][l]) = (best.max(NEVER), from);
        }
    }
    let mut labels = vec![OUTSIDE; n];
    if let Some(last) = n.checked_sub(1) {
        labels[last] = argmax(&forward[last]);
        for i in (1..n).rev() {
            labels[i - 1] = back[i][usize::from(labels[i])];
        }
    }
    if !margins {
        return labels.into_iter().map(|l| (l, 0)).collect();
    }
    let backward = backward(local);
    (0..n).map(|i| (labels[i], margin(&forward[i], &backward[i], labels[i]))).collect()
}

/// `backward[i][l]`: the best score of the words after `i` given label `l` at `i`.
fn backward(local: &[[[i32; LABELS]; LABELS]]) -> Vec<[i64; LABELS]> {
    let n = local.len();
    let mut backward = vec![[0i64; LABELS]; n];
    for i in (0..n.saturating_sub(1)).rev() {
        let (now, after) = backward.split_at_mut(i + 1);
        let scores = &local[i + 1];
        for (p, cell) in now[i].iter_mut().enumerate() {
            let mut best = NEVER;
            for &l in ALLOWED.of(p) {
                let l = usize::from(l);
                best = best.max(i64::from(scores[p][l]) + after[0][l]);
            }
            *cell = best.max(NEVER);
        }
    }
    backward
}

/// The label of the highest score (the lowest label on ties).
fn argmax(scores: &[i64; LABELS]) -> u8 {
    (0..LABELS).max_by_key(|&l| (scores[l], LABELS - l)).unwrap_or(0) as u8
}

/// How much the best sequence with `label` at this word beats the best one without it.
fn margin(forward: &[i64; LABELS], backward: &[i64; LABELS], label: u8) -> i32 {
    let total = |l: usize| forward[l].saturating_add(backward[l]);
    let other = (0..LABELS).filter(|&l| l != usize::from(label)).map(total).max().unwrap_or(NEVER);
    (total(usize::from(label)) - other.max(NEVER)).clamp(0, i64::from(i32::MAX)) as i32
}

/// The name tag of every word of one sentence (see the module doc for how to split it).
///
/// ```
/// use article_explorer::extract::tagger::{tag, NameTag, NameType};
/// let tags = tag(&["Ana", "Brel", "said", "on", "Monday", "."]);
/// assert_eq!(tags[..2], [NameTag::Begin(NameType::Per), NameTag::Inside(NameType::Per)]);
/// ```
pub fn tag(words: &[&str]) -> Vec<NameTag> {
    let sentence = Sentence::new(words);
    decode(model(), &sentence, false).into_iter().map(|(l, _)| NameTag::from_label(l)).collect()
}

/// The names of one sentence, with their word ranges, types and confidence.
pub fn name_spans(words: &[&str]) -> Vec<NameSpan> {
    Tagger::default().name_spans(words)
}

/// The tagger over many sentences (one article): what [`name_spans`] finds, faster, because
/// what depends on a word alone is worked out once per distinct word instead of once per
/// occurrence: its summary ([`features::Word::of`]: case, shape, affixes, word-list classes,
/// ten hashes) and the summed weights of the features that read that word alone: its own
/// ([`features::word_features`]), those that read it as a neighbour of another word
/// ([`features::neighbour_features`]) and its [`features::transition_features`]. A word then
/// costs the few features that pair it with its neighbours ([`features::placed_features`])
/// and some sums. Integer sums in another order, so the labels and margins are exactly those
/// of [`decode`] (a test checks it).
#[derive(Default)]
pub struct Tagger {
    /// Per distinct word (its text as given), its place in `cached`. The summaries live apart
    /// from the map so that growing the map moves small entries: on a text of thousands of
    /// distinct words, rehashing them was a fifth of the parties stage.
    words: WordMap<Box<str>, u32>,
    /// What each cached word contributes ([`Cached`]).
    cached: Vec<Cached>,
    /// Per word shape ([`features::Word::shape_key`]), its place in `moves`.
    shapes: WordMap<u64, u32>,
    /// Per word shape, the summed weights of its [`features::transition_features`] after
    /// each previous label, for each label: they depend on the shape alone, and a text has
    /// few shapes however many words it has.
    moves: Vec<[[i32; LABELS]; LABELS]>,
    /// The [`features::neighbour_features`] weights of the padding beyond the sentence's ends.
    pad: Option<[[i32; LABELS]; 4]>,
    /// The place in `cached` of each word of the sentence being tagged.
    slots: Vec<u32>,
    scratch: features::Scratch,
    feats: Vec<u64>,
}

/// What one distinct word contributes to the scores of the sentences it is in, for each label.
#[derive(Clone, Copy)]
struct Cached {
    word: Word,
    /// The summed weights of its [`features::word_features`].
    own: [i32; LABELS],
    /// The summed weights of its [`features::neighbour_features`] as neighbour number `k`
    /// ([`features::NEIGHBOURS`]) of another word.
    around: [[i32; LABELS]; 4],
    /// Its shape's place in [`Tagger::moves`].
    moves: u32,
}

/// Distinct words the cache holds before it starts afresh (bounds its memory, about 5 MB).
const CACHE_WORDS: usize = 1 << 14;

impl Tagger {
    /// The names of one sentence, with their word ranges, types and confidence.
    pub fn name_spans(&mut self, words: &[&str]) -> Vec<NameSpan> {
        let model = model();
        let local = self.local_table(model, words);
        decoded_spans(&best_labels(&local, true), model.scale())
    }

    /// The local scores ([`local_scores`]) of every word of a sentence.
    fn local_table(&mut self, model: &Model, words: &[&str]) -> Vec<[[i32; LABELS]; LABELS]> {
        if self.cached.len() + words.len() > CACHE_WORDS {
            self.words.clear();
            self.cached.clear();
            self.shapes.clear();
            self.moves.clear();
        }
        let mut slots = std::mem::take(&mut self.slots);
        slots.clear();
        slots.extend(words.iter().map(|w| self.slot(model, w)));
        let sentence = Sentence::of_words(slots.iter().map(|&at| self.cached[at as usize].word).collect());
        let pad = *self.pad.get_or_insert_with(|| around(model, &mut self.feats, &features::PAD));
        let local = (0..words.len()).map(|i| self.local_scores(model, &sentence, i, &slots, &pad)).collect();
        self.slots = slots;
        local
    }

    /// The place in `cached` of `word`, summarising it and adding up the weights of the
    /// features that read it alone the first time it is seen.
    fn slot(&mut self, model: &Model, word: &str) -> u32 {
        if let Some(&at) = self.words.get(word) {
            return at;
        }
        let w = Word::of(word, &mut self.scratch);
        let feats = &mut self.feats;
        // The caches are cleared before they hold more than CACHE_WORDS, far below u32::MAX.
        let next = self.moves.len() as u32;
        let moves = *self.shapes.entry(w.shape_key()).or_insert(next);
        if moves == next {
            let rows =
                std::array::from_fn(|p| sum(model, feats, |f| features::transition_features(&w, p as u8, f)));
            self.moves.push(rows);
        }
        let own = sum(model, feats, |f| features::word_features(&w, f));
        let at = self.cached.len() as u32;
        self.cached.push(Cached { word: w, own, around: around(model, feats, &w), moves });
        self.words.insert(word.into(), at);
        at
    }

    /// [`local_scores`] with the parts that depend on one word alone from the cache (word `j`
    /// of `s` is cached at `slots[j]`; `pad` stands for the words beyond the sentence).
    fn local_scores(
        &mut self,
        model: &Model,
        s: &Sentence,
        i: usize,
        slots: &[u32],
        pad: &[[i32; LABELS]; 4],
    ) -> [[i32; LABELS]; LABELS] {
        let word = &self.cached[slots[i] as usize];
        let mut own = word.own;
        for (k, &offset) in features::NEIGHBOURS.iter().enumerate() {
            let at = i.checked_add_signed(offset).and_then(|j| slots.get(j));
            let around = at.map_or(&pad[k], |&at| &self.cached[at as usize].around[k]);
            own.iter_mut().zip(around).for_each(|(o, a)| *o += a);
        }
        let (w, moves) = (word.word, &self.moves[word.moves as usize]);
        let feats = &mut self.feats;
        feats.clear();
        features::placed_features(s, i, feats);
        feats.iter().for_each(|&f| model.add(f, &mut own));
        if i == 0 {
            // Every row is scored after START (see `local_scores`).
            feats.clear();
            features::transition_features(&w, features::START, feats);
            feats.iter().for_each(|&f| model.add(f, &mut own));
            return [own; LABELS];
        }
        std::array::from_fn(|p| std::array::from_fn(|l| own[l] + moves[p][l]))
    }
}

/// The summed weights of `w`'s [`features::neighbour_features`] as each neighbour of a word.
fn around(model: &Model, feats: &mut Vec<u64>, w: &Word) -> [[i32; LABELS]; 4] {
    std::array::from_fn(|k| sum(model, feats, |f| features::neighbour_features(w, k, f)))
}

/// The summed weights, for every label, of the features `push` writes into `feats`.
fn sum(model: &Model, feats: &mut Vec<u64>, push: impl FnOnce(&mut Vec<u64>)) -> [i32; LABELS] {
    feats.clear();
    push(feats);
    let mut out = [0; LABELS];
    feats.iter().for_each(|&f| model.add(f, &mut out));
    out
}

/// The names of a [`decode`]d sentence (labels and margins), with confidences in units of
/// trained weight (`scale` quanta each, [`Model::scale`]).
pub fn decoded_spans(decoded: &[(u8, i32)], scale: f32) -> Vec<NameSpan> {
    let tags: Vec<NameTag> = decoded.iter().map(|&(l, _)| NameTag::from_label(l)).collect();
    let scale = scale.max(f32::MIN_POSITIVE);
    spans(&tags)
        .into_iter()
        .map(|(words, kind)| {
            let margin = decoded[words.clone()].iter().map(|&(_, m)| m).min().unwrap_or(0);
            NameSpan { words, kind, confidence: margin as f32 / scale }
        })
        .collect()
}

/// The typed spans of a tag sequence, read as conlleval does: a name starts at `B-X`, or at
/// `I-X` after a word not of type X, and runs over the following `I-X`.
pub fn spans(tags: &[NameTag]) -> Vec<(Range<usize>, NameType)> {
    let mut out: Vec<(Range<usize>, NameType)> = Vec::new();
    let mut open: Option<(usize, NameType)> = None;
    for (i, &t) in tags.iter().enumerate() {
        let continues = matches!((t, open), (NameTag::Inside(k), Some((_, o))) if k == o);
        if continues {
            continue;
        }
        if let Some((start, kind)) = open.take() {
            out.push((start..i, kind));
        }
        if let NameTag::Begin(k) | NameTag::Inside(k) = t {
            open = Some((i, k));
        }
    }
    if let Some((start, kind)) = open {
        out.push((start..tags.len(), kind));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The best score of a whole label sequence, by trying every sequence (NEVER where BIO
    /// forbids it), with word `fixed.0` given label `fixed.1` or, when `fixed.2`, any other.
    fn brute_best(local: &[[[i32; LABELS]; LABELS]], fixed: (usize, usize, bool)) -> i64 {
        let n = local.len();
        let mut best = NEVER;
        for code in 0..LABELS.pow(n as u32) {
            let labels: Vec<usize> = (0..n).map(|i| code / LABELS.pow(i as u32) % LABELS).collect();
            if (labels[fixed.0] == fixed.1) == fixed.2 {
                continue;
            }
            let total = (0..n).try_fold(0i64, |sum, i| {
                let p = if i == 0 { 0 } else { labels[i - 1] };
                let v = local_at(&local[i], i, p, labels[i]);
                (v != NEVER).then_some(sum + v)
            });
            best = best.max(total.unwrap_or(NEVER));
        }
        best
    }

    /// Viterbi over the allowed pairs only finds the best sequence and the margins that trying
    /// every sequence finds, on made-up scores (small ones, so that ties and forbidden
    /// pairs matter).
    #[test]
    fn viterbi_equals_brute_force() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % 21) as i32 - 10
        };
        for n in 1..=4 {
            for _ in 0..20 {
                let local: Vec<[[i32; LABELS]; LABELS]> =
                    (0..n).map(|_| std::array::from_fn(|_| std::array::from_fn(|_| next()))).collect();
                let decoded = best_labels(&local, true);
                let best = brute_best(&local, (0, 0, false)).max(brute_best(&local, (0, 0, true)));
                let labels: Vec<usize> = decoded.iter().map(|&(l, _)| usize::from(l)).collect();
                let chosen =
                    (0..n).map(|i| local_at(&local[i], i, if i == 0 { 0 } else { labels[i - 1] }, labels[i]));
                assert_eq!(chosen.sum::<i64>(), best, "{local:?}");
                for (i, &(l, margin)) in decoded.iter().enumerate() {
                    let other = brute_best(&local, (i, usize::from(l), true));
                    assert_eq!(i64::from(margin), best - other, "word {i} of {local:?}");
                }
            }
        }
    }

    /// The cached scores of [`Tagger`] are exactly those of [`decode`]'s [`local_scores`], for
    /// first words, repeated words (served from the cache) and words after a cleared cache.
    #[test]
    fn cached_scores_equal_plain_scores() {
        let sentences: [&[&str]; 4] = [
            &["Port", "officials", "in", "Accra", "said", "the", "Harbour", "Authority", "agreed", "."],
            &["The", "Harbour", "Authority", "said", "Accra", "officials", "agreed", "."],
            &["\u{201c}", "No", ",", "\u{201d}", "said", "Ama", "Mensah", "of", "Acme", "Corp", "."],
            &["PORT", "STRIKE", "ENDS", "IN", "ACCRA"],
        ];
        let mut tagger = Tagger::default();
        let mut feats = Vec::new();
        for (round, words) in sentences.iter().chain(&sentences).enumerate() {
            if round == 6 {
                tagger.words.clear();
                tagger.cached.clear();
                tagger.pad = None;
            }
            let s = Sentence::new(words);
            let cached = tagger.local_table(model(), words);
            assert_eq!(cached.len(), words.len());
            for (i, scores) in cached.iter().enumerate() {
                assert_eq!(*scores, local_scores(model(), &s, i, &mut feats), "{words:?} word {i}");
            }
            let plain = decoded_spans(&decode(model(), &s, true), model().scale());
            assert_eq!(tagger.name_spans(words), plain, "{words:?}");
        }
    }
}
