//! Stage 1, the text model: tokens and sentences with byte spans into the original text.
//!
//! # Approach
//!
//! One left-to-right pass over the chars makes the tokens; a second pass over the tokens
//! groups them into sentences. Nothing is copied or normalised: every token and sentence is a
//! [`Span`] into the text, so offsets can never drift (CRLF, curly quotes and emoji included).
//!
//! Tokens:
//! * words keep inner apostrophes and hyphens (`don't`, `O'Brien`, `Russian-speaking`), but a
//!   possessive `'s` / `’s` is its own token so that `Russia's` yields the name `Russia`;
//! * abbreviations keep their dot: known ones from `data/abbreviations.txt` (`Mr.`, `Gen.`,
//!   `Feb.`, `St.`), single-letter initials (`J.`) and dotted acronyms (`U.S.`, `U.N.`);
//! * numbers keep inner `,` `.` `:` `-` and `/` between digits (`1,000`, `3.5`, `1996-08-31`);
//! * quotation marks are [`TokenKind::OpenQuote`] or [`TokenKind::CloseQuote`], straight ones
//!   decided by the spaces around them and by whether a quotation is open;
//! * `--` and `...` are one token each; every other symbol is one char.
//!
//! Sentences end at a line break, or after `.`, `!`, `?` (and any closing quotes or brackets)
//! when the next word does not start in lower case. An abbreviation ends a sentence only when
//! the next word is a capitalised function word ("... in the U.S. The talks ..."). A dateline
//! at the start of a line ("WASHINGTON (Reuters) -", "KYIV, Ukraine —") is a sentence of its
//! own, flagged [`Sentence::dateline`]; a line without a final stop is flagged
//! [`Sentence::headline`], and a trailing "Source: ..." line [`Sentence::source`].
//!
//! # Known failure cases
//!
//! * A sentence ending in an abbreviation followed by a name ("... moved to the U.S. Smith
//!   said") is not split.
//! * A straight quote with spaces on both sides and no open quotation is taken as opening.
//! * Plural possessives (`workers' union`) leave the apostrophe as punctuation.
//! * Datelines are recognised only at the start of a line and only with an upper-case place.
//! * Text past the first 4 GiB is not tokenised (token offsets are `u32`, to keep the token
//!   table small).

pub mod quotes;

use super::lexicon::{self, data_file};
use super::par;
use super::span::Span;
use quotes::{Facing, Level, Mark};
use std::collections::HashSet;
use std::hash::BuildHasherDefault;
use std::ops::Range;
use std::sync::OnceLock;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, possibly with inner apostrophes, hyphens or dots (Russia, don't, U.S.,
    /// Russian-speaking), an abbreviation with its dot (Mr.), or a possessive `'s`.
    Word,
    /// Digits with inner separators (1,000; 3.5; 2022; 1996-08-31; 20-month).
    Number,
    /// An opening quotation mark (“, ‘, or a straight quote that opens).
    OpenQuote,
    /// A closing quotation mark (”, a closing ’, or a straight quote that closes).
    CloseQuote,
    /// Any other punctuation or symbol: one char, or `--` / `...`.
    Punct,
}

/// One token.
///
/// Its offsets are kept as `u32`, so a token takes 12 bytes rather than 24: a long text has a
/// token every five bytes or so, and at 10 MB the memory those tables touch, not the work done
/// on them, is what costs. Text past 4 GiB (far beyond anything pasted into the app) is
/// therefore not tokenised; see [`segment`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    start: u32,
    end: u32,
    /// What it is.
    pub kind: TokenKind,
}

impl Token {
    /// A token for bytes `start..end`, or `None` when an offset does not fit in a `u32`.
    fn new(start: usize, end: usize, kind: TokenKind) -> Option<Token> {
        Some(Token { start: u32::try_from(start).ok()?, end: u32::try_from(end).ok()?, kind })
    }

    /// Where it is in the text.
    pub fn span(&self) -> Span {
        // u32 always fits in usize on the 32- and 64-bit targets this builds for.
        Span::new(self.start as usize, self.end as usize)
    }
}

/// One sentence (or headline, or dateline).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Where it is in the text, trimmed of surrounding white space.
    pub span: Span,
    /// Its tokens, as a range into [`Document::tokens`].
    pub tokens: Range<usize>,
    /// Index of the paragraph it belongs to (paragraphs are separated by line breaks).
    pub paragraph: usize,
    /// A line with no final stop, such as a headline or a "Source: ..." line.
    pub headline: bool,
    /// A dateline opening a story ("MOSCOW 1996-08-30", "WASHINGTON (Reuters) -").
    pub dateline: bool,
    /// A trailing credit line ("Source: Reuters", "Source; Al Jazeera").
    pub source: bool,
    /// Most letters are upper case ("TALKS COLLAPSE IN ISTANBUL"): capitals say nothing.
    pub shouted: bool,
}

/// The segmented article.
#[derive(Clone, Debug)]
pub struct Document<'t> {
    /// The original text; every span indexes into it.
    pub text: &'t str,
    /// All tokens, in order.
    pub tokens: Vec<Token>,
    /// All sentences, in order; their token ranges tile `tokens`.
    pub sentences: Vec<Sentence>,
    /// Facts about every token, worked out on first use (see [`Document::key`]).
    keys: OnceLock<Keys>,
}

/// What the later stages ask about every token, worked out once per document: its lookup key
/// (lower case, curly apostrophes straight) in one shared buffer with the key's
/// [`lexicon::hash_str`], whether it starts with a capital, and its sentence and paragraph.
/// The parties, claims and outcomes stages all look words up by these keys; making them once
/// spares each stage lower-casing and hashing every token again, and the tables answer "which
/// sentence" without a binary search, whose cache misses grow with the text.
///
/// The tables are kept small (17 bytes a token): on long texts the pages they touch cost more
/// than the lookups. Key ends are `u32`; a paragraph is read from the token's sentence rather
/// than stored per token. Should the keys outgrow 4 GiB, the remaining tokens get empty keys.
#[derive(Clone, Debug, Default)]
struct Keys {
    buf: String,
    ends: Vec<u32>,
    hashes: Vec<u64>,
    upper: Vec<bool>,
    sentence: Vec<u32>,
}

impl Keys {
    /// The keys of every token; a long text's two halves at once ([`par`]), each token's
    /// key being its own.
    fn new(text: &str, tokens: &[Token], sentences: &[Sentence]) -> Keys {
        let mut keys = if par::worth_forking(text.len()) && text.len() < 1 << 31 {
            let (a, b) = tokens.split_at(tokens.len() / 2);
            let (mut first, second) = par::join(|| Keys::of_words(text, a), || Keys::of_words(text, b));
            first.append(second);
            first
        } else {
            Keys::of_words(text, tokens)
        };
        keys.sentence = vec![0; tokens.len()];
        for (k, s) in sentences.iter().enumerate() {
            // More than 2^32 sentences cannot fit in memory anyway.
            let k = u32::try_from(k).unwrap_or(u32::MAX);
            for n in keys.sentence.get_mut(s.tokens.clone()).into_iter().flatten() {
                *n = k;
            }
        }
        keys
    }

    /// The keys, hashes and capitals of `tokens` (no sentence numbers).
    fn of_words(text: &str, tokens: &[Token]) -> Keys {
        let bytes = tokens.first().zip(tokens.last()).map_or(0, |(a, z)| z.span().end - a.span().start);
        let mut buf = String::with_capacity(bytes);
        let mut ends = Vec::with_capacity(tokens.len());
        let mut hashes = Vec::with_capacity(tokens.len());
        let mut upper = Vec::with_capacity(tokens.len());
        for t in tokens {
            let start = buf.len();
            let word = t.span().text(text);
            upper.push(word.chars().next().is_some_and(char::is_uppercase));
            if word.is_ascii() {
                // The common case, in place and byte-wise.
                buf.push_str(word);
                buf[start..].make_ascii_lowercase();
            } else {
                for c in word.chars().map(quotes::fold_apostrophe) {
                    if c.is_ascii() {
                        buf.push(c.to_ascii_lowercase());
                    } else {
                        buf.extend(c.to_lowercase());
                    }
                }
            }
            let end = u32::try_from(buf.len()).unwrap_or_else(|_| {
                // Past 4 GiB of keys: this token (and every later one) gets an empty key.
                buf.truncate(start);
                ends.last().copied().unwrap_or(0)
            });
            hashes.push(lexicon::hash_bytes(&buf.as_bytes()[start..]));
            ends.push(end);
        }
        Keys { buf, ends, hashes, upper, sentence: Vec::new() }
    }

    /// `self`'s words followed by `next`'s.
    fn append(&mut self, next: Keys) {
        let shift = u32::try_from(self.buf.len()).unwrap_or(u32::MAX);
        self.buf.push_str(&next.buf);
        self.ends.extend(next.ends.iter().map(|e| e.saturating_add(shift)));
        self.hashes.extend(next.hashes);
        self.upper.extend(next.upper);
    }
}

impl<'t> Document<'t> {
    fn keys(&self) -> &Keys {
        self.keys.get_or_init(|| Keys::new(self.text, &self.tokens, &self.sentences))
    }

    /// The lookup key of token `i`: its text in lower case with curly apostrophes (’ ‘) made
    /// straight ("" out of range). "Norway’s" gives "norway" and "’s".
    pub fn key(&self, i: usize) -> &str {
        let keys = self.keys();
        let Some(&end) = keys.ends.get(i) else { return "" };
        let start = if i == 0 { 0 } else { keys.ends[i - 1] };
        keys.buf.get(start as usize..end as usize).unwrap_or("")
    }

    /// The [`lexicon::hash_str`] of [`Document::key`]`(i)`, to probe tables keyed by hash
    /// (that of "" out of range).
    pub fn key_hash(&self, i: usize) -> u64 {
        self.keys().hashes.get(i).copied().unwrap_or_else(|| lexicon::hash_str(""))
    }

    /// The text of token `i` (empty when out of range).
    pub fn word(&self, i: usize) -> &'t str {
        self.tokens.get(i).map_or("", |t| t.span().text(self.text))
    }

    /// Index of the sentence holding token `i`.
    pub fn sentence_of(&self, i: usize) -> usize {
        match self.keys().sentence.get(i) {
            Some(&k) => k as usize,
            None => self
                .sentences
                .partition_point(|s| s.tokens.end <= i)
                .min(self.sentences.len().saturating_sub(1)),
        }
    }

    /// Index of the paragraph holding token `i` (0 out of range).
    pub fn paragraph_of(&self, i: usize) -> usize {
        match self.keys().sentence.get(i) {
            Some(&k) => self.sentences.get(k as usize).map_or(0, |s| s.paragraph),
            None => 0,
        }
    }

    /// Whether token `i`, of any kind, starts with an upper-case letter.
    pub fn starts_upper(&self, i: usize) -> bool {
        self.keys().upper.get(i).copied().unwrap_or(false)
    }

    /// Whether token `i` is a word starting with an upper-case letter.
    pub fn is_capitalized(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Word) && self.starts_upper(i)
    }

    /// Whether token `i` is the first word of its sentence, ignoring opening quotes and
    /// brackets ("“We will ..." starts with "We").
    pub fn starts_sentence(&self, i: usize) -> bool {
        let Some(s) = self.sentences.get(self.sentence_of(i)) else { return false };
        // Walk back over quotes and brackets only, so the cost does not grow with the sentence.
        let mut k = i;
        while k > s.tokens.start {
            let kind = self.tokens[k - 1].kind;
            if kind == TokenKind::Word || kind == TokenKind::Number {
                return false;
            }
            k -= 1;
        }
        i >= s.tokens.start && i < s.tokens.end
    }

    /// The text between two tokens' spans: from the start of `a` to the end of `b`.
    pub fn between(&self, a: usize, b: usize) -> Span {
        match (self.tokens.get(a), self.tokens.get(b)) {
            (Some(x), Some(y)) => Span::new(x.span().start, y.span().end),
            _ => Span::default(),
        }
    }
}

/// Splits `text` into tokens and sentences.
///
/// Token offsets are stored as `u32` (see [`Token`]): text past the first 4 GiB is left out
/// of the tokens rather than panicking. The app caps input at 2 MB, far below.
pub fn segment(text: &str) -> Document<'_> {
    let tokens =
        if par::worth_forking(text.len()) { tokenize_in_halves(text) } else { tokenize(text, 0..text.len()) };
    let sentences = split_sentences(text, &tokens);
    Document { text, tokens, sentences, keys: OnceLock::new() }
}

/// A set of words hashed with [`lexicon::Fx`], cheaper than the default hasher for short keys.
type WordSet = HashSet<&'static str, BuildHasherDefault<lexicon::Fx>>;

/// Abbreviations that keep their dot, lower-cased without it ("mr", "gen", "feb").
fn abbreviations() -> &'static WordSet {
    static SET: OnceLock<WordSet> = OnceLock::new();
    SET.get_or_init(|| lexicon::entries(data_file!("data/abbreviations.txt")).collect())
}

/// Abbreviations that end a company's name ("co", "inc"): see [`ends_sentence`].
fn name_ending_abbreviations() -> &'static WordSet {
    static SET: OnceLock<WordSet> = OnceLock::new();
    SET.get_or_init(|| lexicon::entries(data_file!("data/name_ending_abbreviations.txt")).collect())
}

/// Upper-case labels that open wire notes ("NOTE - ..."), never a dateline's place.
fn not_datelines() -> &'static WordSet {
    static SET: OnceLock<WordSet> = OnceLock::new();
    SET.get_or_init(|| lexicon::entries(data_file!("data/not_datelines.txt")).collect())
}

/// Capitalised function words that can start a sentence after an abbreviation.
fn sentence_openers() -> &'static WordSet {
    static SET: OnceLock<WordSet> = OnceLock::new();
    SET.get_or_init(|| lexicon::entries(data_file!("data/sentence_openers.txt")).collect())
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑')
}

/// The char at byte `i`, if any.
fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|r| r.chars().next())
}

/// The char just before byte `i`, if any.
fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i).and_then(|r| r.chars().next_back())
}

/// [`tokenize`] of a long text, its two halves at once ([`par`]). The halves meet after a
/// line break, which no token crosses and which ends every quotation state, so the tokens
/// put end to end are one pass's.
fn tokenize_in_halves(text: &str) -> Vec<Token> {
    let middle = text.len() / 2;
    // A `\n` byte is never inside a UTF-8 sequence, so the split is a char boundary.
    let Some(cut) = text.as_bytes()[middle..].iter().position(|&b| b == b'\n').map(|k| middle + k + 1) else {
        return tokenize(text, 0..text.len());
    };
    let (mut first, second) = par::join(|| tokenize(text, 0..cut), || tokenize(text, cut..text.len()));
    first.extend(second);
    first
}

/// The tokens of `text` that start in `range`, which starts at 0 or just after a line break
/// (the whole text: `0..text.len()`).
fn tokenize(text: &str, range: Range<usize>) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(range.len() / 5);
    let mut quotes = QuoteState::default();
    let (mut i, to) = (range.start, range.end);
    let bytes = text.as_bytes();
    while i < to {
        // ASCII white space, nearly every gap between tokens, is skipped without decoding.
        if matches!(bytes[i], b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) {
            if bytes[i] == b'\n' {
                quotes = QuoteState::default();
            }
            i += 1;
            continue;
        }
        let Some(c) = char_at(text, i) else { break };
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        let (end, kind) = if c.is_alphabetic() {
            (word_end(text, i), TokenKind::Word)
        } else if c.is_numeric() {
            (number_end(text, i), TokenKind::Number)
        } else {
            punct(text, i, c, &mut quotes)
        };
        let end = end.max(i + c.len_utf8());
        // Offsets past u32::MAX cannot be stored: the text beyond 4 GiB is left untokenised.
        let Some(token) = Token::new(i, end, kind) else { break };
        tokens.push(token);
        i = end;
    }
    tokens
}

/// End of the word starting at `start`: letters and digits, joined by inner apostrophes,
/// hyphens and dots; a possessive `'s` and a sentence's final stop are left outside.
fn word_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut end = start;
    let mut dotted = false;
    loop {
        // ASCII letters and digits are most of any English text: skip them byte by byte.
        while end < bytes.len() && bytes[end].is_ascii_alphanumeric() {
            end += 1;
        }
        let Some(c) = char_at(text, end) else { break };
        if c.is_ascii() && !matches!(c, '\'' | '-' | '.') {
            break; // a space or a mark: no joiner, so the word ends (the usual case)
        }
        if c.is_alphanumeric() || c == '\u{200d}' || is_combining(c) {
            end += c.len_utf8();
            continue;
        }
        let next = char_at(text, end + c.len_utf8());
        if quotes::is_apostrophe(c) && next.is_some_and(char::is_alphabetic) {
            // "Russia's" → "Russia" + "'s"; "don't" and "O'Brien" stay whole.
            let after = char_at(text, end + c.len_utf8() + 1);
            let possessive = matches!(next, Some('s' | 'S')) && !after.is_some_and(char::is_alphanumeric);
            if possessive {
                break;
            }
            end += c.len_utf8();
            continue;
        }
        if is_dash(c) && next.is_some_and(char::is_alphanumeric) {
            end += c.len_utf8();
            continue;
        }
        if c == '.' && next.is_some_and(char::is_alphabetic) && !next.is_some_and(char::is_lowercase) {
            // "U.S", "U.N": letters joined by dots; the final dot is decided below. Once the
            // word is dotted, its length is not looked at again, and before that at most its
            // first three chars: a run of "A.A.A..." stays linear.
            if dotted || text[start..end].chars().nth(2).is_none() {
                dotted = true;
                end += 1;
                continue;
            }
        }
        break;
    }
    if char_at(text, end) == Some('.')
        && keeps_dot(&text[start..end], dotted)
        && !final_company_dot(text, start, end, dotted)
    {
        end += 1;
    }
    end
}

/// Whether the `.` after a company's legal form ends the line: then it is the sentence's
/// stop ("... bought Lund Corp.\n"), as a company name is written without it mid-sentence.
fn final_company_dot(text: &str, start: usize, end: usize, dotted: bool) -> bool {
    let after = text[end + 1..].chars().find(|c| !matches!(c, ' ' | '\t' | '\r'));
    !dotted
        && matches!(&text[start..end], "Corp" | "Inc" | "Co" | "Ltd" | "Bros")
        && after.is_none_or(|c| c == '\n')
}

/// Whether the word before a `.` is an abbreviation or initial that owns the dot.
fn keeps_dot(word: &str, dotted: bool) -> bool {
    if dotted {
        return true;
    }
    let mut chars = word.chars();
    let first = chars.next();
    if first.is_some_and(char::is_uppercase) && chars.next().is_none() {
        return true; // an initial: "George W. Bush"
    }
    if word.len() > 12 {
        return false;
    }
    if abbreviations().contains(word) {
        return true; // listed with its capital: "Rep.", "Sun." (but not "in the sun.")
    }
    let mut key = [0u8; 12];
    for (k, b) in word.bytes().enumerate() {
        key[k] = b.to_ascii_lowercase();
    }
    std::str::from_utf8(&key[..word.len()]).is_ok_and(|k| abbreviations().contains(k))
}

fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036f | 0x0610..=0x061a | 0x064b..=0x065f | 0x0900..=0x0903)
}

/// End of the number starting at `start`: digits joined by `,` `.` `:` `/` `-` before another
/// digit, then any letters glued on ("20-month", "1990s", "5th").
fn number_end(text: &str, start: usize) -> usize {
    let mut end = start;
    while let Some(c) = char_at(text, end) {
        if c.is_numeric() {
            end += c.len_utf8();
            continue;
        }
        let next = char_at(text, end + c.len_utf8());
        if matches!(c, ',' | '.' | ':' | '/') && next.is_some_and(|n| n.is_ascii_digit()) {
            end += 1;
            continue;
        }
        if is_dash(c) && next.is_some_and(char::is_alphanumeric) {
            end += c.len_utf8();
            continue;
        }
        if c.is_alphabetic() {
            end += c.len_utf8();
            continue;
        }
        break;
    }
    end
}

/// Which quotations are open, so a straight quote knows whether it closes.
#[derive(Default)]
struct QuoteState {
    double: bool,
    single: bool,
}

fn punct(text: &str, i: usize, c: char, state: &mut QuoteState) -> (usize, TokenKind) {
    let one = i + c.len_utf8();
    let kind = match quotes::mark(c) {
        Some(Mark { level: Level::Double, facing }) => {
            let open = match facing {
                Facing::Open => true,
                Facing::Close => false,
                Facing::Either => straight_opens(char_before(text, i), char_at(text, one), state.double),
            };
            state.double = open;
            if open {
                TokenKind::OpenQuote
            } else {
                TokenKind::CloseQuote
            }
        }
        Some(Mark { .. }) if quotes::is_apostrophe(c) => return apostrophe(text, i, c, state),
        Some(Mark { facing, .. }) => {
            // ‘ ‹ ‚ open a single quotation, › closes one.
            state.single = facing == Facing::Open;
            if state.single {
                TokenKind::OpenQuote
            } else {
                TokenKind::CloseQuote
            }
        }
        None if c == '-' && char_at(text, one) == Some('-') => return (one + 1, TokenKind::Punct),
        None if c == '.' && text.get(i..i + 3) == Some("...") => return (i + 3, TokenKind::Punct),
        None => TokenKind::Punct,
    };
    (one, kind)
}

/// A ' or ’: closing an open single quotation, opening one (' before a word, after no word),
/// a possessive split off the word before it ("Russia's"), or plain punctuation.
fn apostrophe(text: &str, i: usize, c: char, quotes: &mut QuoteState) -> (usize, TokenKind) {
    let one = i + c.len_utf8();
    let before = char_before(text, i);
    let after = char_at(text, one);
    let word_before = before.is_some_and(char::is_alphanumeric);
    let kind = if quotes.single && !after.is_some_and(char::is_alphanumeric) {
        quotes.single = false;
        TokenKind::CloseQuote
    } else if !word_before && after.is_some_and(char::is_alphabetic) && c == '\'' {
        quotes.single = true;
        TokenKind::OpenQuote
    } else if matches!(after, Some('s' | 'S')) && word_before {
        // A possessive split off the word before it: "Russia's".
        let s_end = one + 1;
        if !char_at(text, s_end).is_some_and(char::is_alphanumeric) {
            return (s_end, TokenKind::Word);
        }
        TokenKind::Punct
    } else {
        TokenKind::Punct
    };
    (one, kind)
}

/// A straight double quote opens after a space or bracket and before a non-space, and closes
/// otherwise; with space on both sides it closes an open quotation.
fn straight_opens(before: Option<char>, after: Option<char>, open: bool) -> bool {
    let space_before = before.is_none_or(|b| b.is_whitespace() || matches!(b, '(' | '[' | '—' | '–'));
    let space_after = after.is_none_or(char::is_whitespace);
    match (space_before, space_after) {
        (true, false) => true,
        (false, true) => false,
        (false, false) => !open && !before.is_some_and(char::is_alphanumeric),
        (true, true) => !open,
    }
}

fn is_stop(word: &str) -> bool {
    matches!(word, "." | "!" | "?" | "..." | "…")
}

fn split_sentences(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    let mut first = 0;
    let mut paragraph = 0;
    let mut line_start = true;
    let mut i = 0;
    while i < tokens.len() {
        if line_start {
            line_start = false;
            // Datelines open a story: only the first few lines can hold one.
            let dateline = if paragraph <= 3 { dateline_end(text, tokens, i) } else { None };
            if let Some(end) = dateline {
                push(text, tokens, &mut sentences, i..end, paragraph, Break::Dateline);
                first = end;
                if end >= tokens.len() || has_newline(gap(text, tokens, end - 1)) {
                    paragraph += 1;
                    line_start = true;
                }
                i = end;
                continue;
            }
        }
        let next = tokens.get(i + 1);
        let line_break = has_newline(gap(text, tokens, i));
        if next.is_none() || line_break || ends_sentence(text, tokens, i) {
            push(text, tokens, &mut sentences, first..i + 1, paragraph, Break::Plain);
            first = i + 1;
            if line_break {
                paragraph += 1;
                line_start = true;
            }
        }
        i += 1;
    }
    mark_source_line(text, tokens, &mut sentences);
    sentences
}

/// Whether a gap between tokens holds a line break (gaps are short: a plain byte loop beats a
/// call to a substring search).
fn has_newline(gap: &str) -> bool {
    gap.bytes().any(|b| b == b'\n')
}

/// White space between token `i` and the next one (empty at the end).
fn gap<'t>(text: &'t str, tokens: &[Token], i: usize) -> &'t str {
    match (tokens.get(i), tokens.get(i + 1)) {
        (Some(a), Some(b)) => text.get(a.span().end..b.span().start).unwrap_or(""),
        _ => "",
    }
}

/// Whether the sentence ends after token `i` (a line break is handled by the caller).
fn ends_sentence(text: &str, tokens: &[Token], i: usize) -> bool {
    let word = tokens[i].span().text(text);
    // Most tokens are words without a final dot or numbers: neither a stop nor a closing mark.
    match tokens[i].kind {
        TokenKind::Number => return false,
        TokenKind::Word if !word.ends_with('.') => return false,
        _ => {}
    }
    let Some(next) = tokens.get(i + 1) else { return true };
    if gap(text, tokens, i).is_empty() {
        return false; // "3.5", "?”": the break comes after the closing mark
    }
    let stop_here = is_stop(word) || closing_mark(text, tokens, i) && ends_in_stop(text, tokens, i);
    let next_word = next.span().text(text);
    let next_lower = next_word.chars().next().is_some_and(char::is_lowercase);
    if stop_here {
        return !next_lower && !matches!(next_word, "," | ";" | ":");
    }
    if tokens[i].kind == TokenKind::Word && word.ends_with('.') && word.len() > 1 {
        // An abbreviation that owns its dot ends a sentence only before a function word, or,
        // when it ends a company's name, before an opening quotation ("... at Holm & Co. “No
        // one knows.”": nothing in a name follows its legal form).
        let name_end = || {
            let bare = word.trim_end_matches('.').to_ascii_lowercase();
            name_ending_abbreviations().contains(bare.as_str())
        };
        return (next.kind == TokenKind::Word && sentence_openers().contains(next_word))
            || (next.kind == TokenKind::OpenQuote && name_end());
    }
    false
}

/// Whether the closing quotes and brackets ending at token `i` follow a final stop.
fn ends_in_stop(text: &str, tokens: &[Token], i: usize) -> bool {
    let mut k = i;
    // A stop sits at most a few closing marks back (`."')`); a bound keeps ")))..." linear.
    while k > 0 && k + 6 > i {
        k -= 1;
        let w = tokens[k].span().text(text);
        if is_stop(w) {
            return true;
        }
        if !closing_mark(text, tokens, k) {
            return false;
        }
    }
    false
}

/// Whether token `i` closes a quotation or bracket: a closing quote, `)` or `]`, or the second
/// of two apostrophes typed for a closing double quote (`value.'' He left`), which the
/// tokenizer leaves as plain punctuation after the first one closed.
fn closing_mark(text: &str, tokens: &[Token], i: usize) -> bool {
    let word = tokens[i].span().text(text);
    tokens[i].kind == TokenKind::CloseQuote
        || matches!(word, ")" | "]")
        || (i > 0
            && quotes::is_apostrophe(word.chars().next().unwrap_or(' '))
            && word.chars().count() == 1
            && tokens[i - 1].kind == TokenKind::CloseQuote
            && tokens[i - 1].span().end == tokens[i].span().start)
}

#[derive(PartialEq)]
enum Break {
    Plain,
    Dateline,
}

fn push(
    text: &str,
    tokens: &[Token],
    out: &mut Vec<Sentence>,
    range: Range<usize>,
    paragraph: usize,
    kind: Break,
) {
    if range.is_empty() {
        return;
    }
    let span = Span::new(tokens[range.start].span().start, tokens[range.end - 1].span().end);
    let last = tokens[range.end - 1];
    let headline = kind == Break::Plain
        && !(is_stop(last.span().text(text)) || ends_in_stop(text, tokens, range.end - 1));
    let headline = headline && !(last.kind == TokenKind::Word && last.span().text(text).ends_with('.'));
    // ASCII letters decide whether a line is shouted; other scripts rarely have case.
    let (mut upper, mut lower) = (0usize, 0usize);
    for b in span.text(text).bytes() {
        upper += usize::from(b.is_ascii_uppercase());
        lower += usize::from(b.is_ascii_lowercase());
    }
    let shouted = upper >= 4 && upper > 3 * lower;
    out.push(Sentence {
        span,
        tokens: range,
        paragraph,
        headline,
        dateline: kind == Break::Dateline,
        source: false,
        shouted,
    });
}

/// If a dateline starts at token `i` (the first of a line), the index just past it.
///
/// Shapes recognised (made-up examples): "OSLO 2024-05-02", "OSLO, Norway, May 2 (Reuters) -",
/// "PORT LOUIS, Mauritius —", "GENEVA (AP) --". The place must be upper case; what follows it
/// may be a region, a date, an agency in brackets, and a dash.
fn dateline_end(text: &str, tokens: &[Token], i: usize) -> Option<usize> {
    let mut k = i;
    while k < tokens.len() && k < i + 4 && is_upper_word(tokens[k].span().text(text)) {
        k += 1;
        if gap(text, tokens, k - 1).contains('\n') {
            break;
        }
    }
    if k == i || not_datelines().contains(tokens[i].span().text(text)) {
        return None;
    }
    let mut saw_tail = false;
    let limit = (i + 14).min(tokens.len());
    while k < limit {
        if gap(text, tokens, k - 1).contains('\n') {
            // The line holds only the dateline: "MOSCOW 1996-08-30".
            return saw_tail.then_some(k);
        }
        let t = tokens[k];
        let w = t.span().text(text);
        match t.kind {
            TokenKind::Number => saw_tail = true,
            TokenKind::Word if w.chars().next().is_some_and(char::is_uppercase) => {}
            TokenKind::Punct if matches!(w, "," | "(" | ")" | "." | "/") => {}
            TokenKind::Punct if matches!(w, "-" | "--" | "—" | "–") => return Some(k + 1),
            _ => return None,
        }
        k += 1;
    }
    (k == tokens.len() && saw_tail).then_some(k)
}

fn is_upper_word(w: &str) -> bool {
    let mut letters = 0;
    for c in w.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_alphabetic() {
            letters += 1;
        }
    }
    letters >= 2
}

/// Flags the last line when it credits a source ("Source: Reuters").
fn mark_source_line(text: &str, tokens: &[Token], sentences: &mut [Sentence]) {
    let Some(last_para) = sentences.last().map(|s| s.paragraph) else { return };
    for s in sentences.iter_mut().rev().take_while(|s| s.paragraph == last_para) {
        let first = tokens[s.tokens.start].span().text(text);
        let second = tokens.get(s.tokens.start + 1).map_or("", |t| t.span().text(text));
        if first.eq_ignore_ascii_case("source") && matches!(second, ":" | ";" | "-" | "—") {
            s.source = true;
            s.headline = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One row: a text and the tokens or sentences it must give.
    struct Case {
        text: &'static str,
        want: &'static [&'static str],
    }

    macro_rules! cases {
        ($($text:expr => [$($w:expr),* $(,)?]),* $(,)?) => {
            &[$(Case { text: $text, want: &[$($w),*] }),*]
        };
    }

    fn words<'t>(doc: &Document<'t>) -> Vec<&'t str> {
        (0..doc.tokens.len()).map(|i| doc.word(i)).collect()
    }

    fn sentences<'t>(doc: &Document<'t>) -> Vec<&'t str> {
        doc.sentences.iter().map(|s| s.span.text(doc.text)).collect()
    }

    fn check_tokens(cases: &[Case]) {
        for c in cases {
            let doc = segment(c.text);
            assert_eq!(words(&doc), c.want, "tokens of {:?}", c.text);
        }
    }

    fn check_sentences(cases: &[Case]) {
        for c in cases {
            let doc = segment(c.text);
            assert_eq!(sentences(&doc), c.want, "sentences of {:?}", c.text);
        }
    }

    #[test]
    fn words_and_apostrophes() {
        check_tokens(cases![
            "Norway's envoy" => ["Norway", "'s", "envoy"],
            "Chile’s minister" => ["Chile", "’s", "minister"],
            "They don't know O'Neill" => ["They", "don't", "know", "O'Neill"],
            "a Spanish-speaking town" => ["a", "Spanish-speaking", "town"],
            "the farmers' union" => ["the", "farmers", "'", "union"],
        ]);
    }

    #[test]
    fn abbreviations_and_initials() {
        check_tokens(cases![
            "Mr. Lund and Dr. Ode met" => ["Mr.", "Lund", "and", "Dr.", "Ode", "met"],
            "Lund Corp. rose. It bought Berg Inc.\nNext" => ["Lund", "Corp.", "rose", ".", "It", "bought", "Berg", "Inc", ".", "Next"],
            "the U.S. and U.N. said" => ["the", "U.S.", "and", "U.N.", "said"],
            "John F. Kerr spoke" => ["John", "F.", "Kerr", "spoke"],
            "on Feb. 3 at St. Ann" => ["on", "Feb.", "3", "at", "St.", "Ann"],
            "it ended." => ["it", "ended", "."],
        ]);
    }

    #[test]
    fn numbers() {
        check_tokens(cases![
            "1,000 men and 3.5 tons" => ["1,000", "men", "and", "3.5", "tons"],
            "on 2024-05-02 at 10:30" => ["on", "2024-05-02", "at", "10:30"],
            "a 20-month war in the 1990s" => ["a", "20-month", "war", "in", "the", "1990s"],
            "cost $4.5 billion, or 12%." => ["cost", "$", "4.5", "billion", ",", "or", "12", "%", "."],
        ]);
    }

    #[test]
    fn quotes_and_dashes() {
        let kinds = |t: &str| segment(t).tokens.iter().map(|t| t.kind).collect::<Vec<_>>();
        use TokenKind::*;
        assert_eq!(kinds("“No,” he said"), [OpenQuote, Word, Punct, CloseQuote, Word, Word]);
        assert_eq!(kinds("\"No,\" he said"), [OpenQuote, Word, Punct, CloseQuote, Word, Word]);
        assert_eq!(kinds("he said \"no\"."), [Word, Word, OpenQuote, Word, CloseQuote, Punct]);
        assert_eq!(kinds("‘calm’ talks"), [OpenQuote, Word, CloseQuote, Word]);
        check_tokens(cases![
            "war—the largest -- since" => ["war", "—", "the", "largest", "--", "since"],
            "wait... what" => ["wait", "...", "what"],
        ]);
    }

    #[test]
    fn sentence_breaks() {
        check_sentences(cases![
            "Talks ended. Both sides left." => ["Talks ended.", "Both sides left."],
            "Mr. Lund arrived. He left." => ["Mr. Lund arrived.", "He left."],
            "Aid reached the U.S. The ship docked." => ["Aid reached the U.S.", "The ship docked."],
            "Aid reached U.S. ports on Feb. 3." => ["Aid reached U.S. ports on Feb. 3."],
            // A company's legal form ends its name: a quotation opening after it is a new
            // sentence; a title before a quoted nickname is not.
            "He works at Holm & Co. “No one knows.”" => ["He works at Holm & Co.", "“No one knows.”"],
            "Gen. “Iron” Berg spoke." => ["Gen. “Iron” Berg spoke."],
            "“We agree.” Then he left." => ["“We agree.”", "Then he left."],
            "“Why?” she asked." => ["“Why?” she asked."],
            // Two apostrophes for a double quote (C13 quotations in older wire copy).
            "It had ''value.'' He left." => ["It had ''value.''", "He left."],
            "''Why?'' she asked." => ["''Why?'' she asked."],
            "Prices rose 3.5 percent. Fine." => ["Prices rose 3.5 percent.", "Fine."],
            "Port deal signed\nThe two ports agreed." => ["Port deal signed", "The two ports agreed."],
            "One.\r\nTwo." => ["One.", "Two."],
        ]);
    }

    #[test]
    fn datelines_headlines_and_source() {
        let doc = segment("Ports reopen\nOSLO, Norway (Reuters) - The port reopened.\nSource: Wire");
        assert_eq!(
            sentences(&doc),
            ["Ports reopen", "OSLO, Norway (Reuters) -", "The port reopened.", "Source: Wire"]
        );
        let flags: Vec<_> = doc.sentences.iter().map(|s| (s.headline, s.dateline, s.source)).collect();
        assert_eq!(
            flags,
            [(true, false, false), (false, true, false), (false, false, false), (true, false, true)]
        );
        let doc = segment("VALLETTA 2020-01-02\nThe ferry sailed.");
        assert!(doc.sentences[0].dateline);
        assert_eq!(doc.sentences[1].paragraph, 1);
        let doc = segment("NATO said no.\nTALKS FAIL IN OSLO");
        assert!(!doc.sentences[0].dateline, "an acronym opening a sentence is no dateline");
        assert!(doc.sentences[1].shouted);
    }

    #[test]
    fn helpers() {
        let doc = segment("“We wait,” said Ms. Berg. She left.");
        let we = words(&doc).iter().position(|w| *w == "We").unwrap();
        assert!(doc.starts_sentence(we));
        assert!(doc.is_capitalized(we));
        let she = words(&doc).iter().position(|w| *w == "She").unwrap();
        assert_eq!(doc.sentence_of(she), 1);
        assert!(doc.starts_sentence(she));
        assert!(!doc.starts_sentence(she + 1));
        assert_eq!(doc.between(0, 2).text(doc.text), "“We wait");
    }

    #[test]
    fn keys_are_lower_case_with_straight_apostrophes() {
        let doc = segment("Norway’s ÉLAN said ‘no’");
        let keys: Vec<&str> = (0..doc.tokens.len()).map(|i| doc.key(i)).collect();
        assert_eq!(keys, ["norway", "'s", "élan", "said", "'", "no", "'"]);
        assert_eq!(doc.key_hash(0), lexicon::hash_str("norway"));
        assert_eq!((doc.key(99), doc.key_hash(99)), ("", lexicon::hash_str("")));
    }

    #[test]
    fn paragraphs_come_from_sentences() {
        let doc = segment("Talks began. They ended.\nA new day.");
        let paragraphs: Vec<usize> = (0..doc.tokens.len()).map(|i| doc.paragraph_of(i)).collect();
        assert_eq!(paragraphs, [0, 0, 0, 0, 0, 0, 1, 1, 1, 1]);
        assert_eq!(doc.paragraph_of(99), 0);
    }

    #[test]
    fn token_offsets_past_u32_are_refused() {
        // Such a token ends tokenisation instead of wrapping round to a wrong span.
        let last = u32::MAX as usize;
        assert_eq!(
            Token::new(last - 2, last, TokenKind::Word).map(|t| t.span()),
            Some(Span::new(last - 2, last))
        );
        assert_eq!(Token::new(last - 2, last + 1, TokenKind::Word), None);
        assert_eq!(Token::new(last + 1, last + 3, TokenKind::Punct), None);
    }

    #[test]
    fn spans_tile_and_slice() {
        for text in ["", " ", "\n\n", "é—ü “x” 1,0", "a.b.c. D. e", "\"\"\"", "’s", "'s x", "9-"] {
            let doc = segment(text);
            for t in &doc.tokens {
                assert!(text.get(t.span().start..t.span().end).is_some_and(|s| !s.is_empty()), "{text:?}");
            }
            let mut next = 0;
            for s in &doc.sentences {
                assert_eq!(s.tokens.start, next, "{text:?}");
                next = s.tokens.end;
            }
            assert_eq!(next, doc.tokens.len(), "{text:?}");
        }
    }
}
