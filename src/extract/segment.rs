//! Stage 1, the text model: tokens and sentences with byte spans into the original text.
//!
//! FIRST DRAFT (to be replaced by the full segmenter): words, numbers, quotes and other
//! punctuation as tokens; sentences end at `.`, `!` or `?` followed by space and at line breaks.

use super::span::Span;
use std::ops::Range;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, possibly with inner apostrophes, hyphens or dots (Russia's, U.S., Russian-speaking).
    Word,
    /// Digits with inner separators (1,000; 3.5; 2022).
    Number,
    /// An opening quotation mark (“ or a straight quote that opens).
    OpenQuote,
    /// A closing quotation mark (” or a straight quote that closes).
    CloseQuote,
    /// Any other punctuation or symbol, one char.
    Punct,
}

/// One token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Where it is in the text.
    pub span: Span,
    /// What it is.
    pub kind: TokenKind,
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
}

impl<'t> Document<'t> {
    /// The text of token `i` (empty when out of range).
    pub fn word(&self, i: usize) -> &'t str {
        self.tokens.get(i).map_or("", |t| t.span.text(self.text))
    }

    /// Index of the sentence holding token `i`.
    pub fn sentence_of(&self, i: usize) -> usize {
        self.sentences.partition_point(|s| s.tokens.end <= i).min(self.sentences.len().saturating_sub(1))
    }
}

/// Splits `text` into tokens and sentences.
pub fn segment(text: &str) -> Document<'_> {
    let tokens = tokenize(text);
    let sentences = split_sentences(text, &tokens);
    Document { text, tokens, sentences }
}

fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut chars = text.char_indices().peekable();
    let mut quote_open = false;
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        if c.is_alphanumeric() {
            let mut end = start + c.len_utf8();
            while let Some(&(i, n)) = chars.peek() {
                let joins = n.is_alphanumeric()
                    || (matches!(n, '\'' | '’' | '-' | '.' | ',')
                        && text[i + n.len_utf8()..].chars().next().is_some_and(char::is_alphanumeric));
                if !joins || (n == ',' && !c.is_ascii_digit()) {
                    break;
                }
                end = i + n.len_utf8();
                chars.next();
            }
            let kind = if c.is_ascii_digit() { TokenKind::Number } else { TokenKind::Word };
            tokens.push(Token { span: Span::new(start, end), kind });
            continue;
        }
        let kind = match c {
            '“' | '‘' => TokenKind::OpenQuote,
            '”' => TokenKind::CloseQuote,
            '"' => {
                quote_open = !quote_open;
                if quote_open { TokenKind::OpenQuote } else { TokenKind::CloseQuote }
            }
            _ => TokenKind::Punct,
        };
        tokens.push(Token { span: Span::new(start, start + c.len_utf8()), kind });
    }
    tokens
}

fn split_sentences(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    let mut first = 0;
    let mut paragraph = 0;
    for i in 0..tokens.len() {
        let t = tokens[i];
        let next = tokens.get(i + 1);
        let gap = next.map_or("", |n| &text[t.span.end..n.span.start]);
        let line_break = gap.contains('\n');
        let stop = matches!(t.span.text(text), "." | "!" | "?")
            || (t.kind == TokenKind::CloseQuote && i > 0 && matches!(tokens[i - 1].span.text(text), "." | "!" | "?"));
        let next_stop = next.is_some_and(|n| n.kind == TokenKind::CloseQuote);
        if next.is_none() || line_break || (stop && !next_stop && !gap.is_empty()) {
            let span = Span::new(tokens[first].span.start, t.span.end);
            sentences.push(Sentence { span, tokens: first..i + 1, paragraph, headline: !stop });
            first = i + 1;
            if line_break {
                paragraph += 1;
            }
        }
    }
    sentences
}
