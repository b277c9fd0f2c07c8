//! The one quote model: which chars are quotation marks, which way each faces, and which are
//! also apostrophes. The tokenizer ([`super::segment`]), the lower-case keys
//! ([`super::Document::key`]) and the quotations of the claims stage
//! ([`crate::extract::claims::quotes`]) all read it, so they cannot disagree.
//!
//! | mark | level | faces |
//! | --- | --- | --- |
//! | “ « „ | double | open |
//! | ” » | double | close |
//! | " | double | either (decided by context) |
//! | ‘ ‹ ‚ | single | open |
//! | ’ › | single | close |
//! | ' | single | either |
//!
//! A low mark opens a quotation that a high one closes in German and Polish usage (`„Wir
//! gehen“` and `‚so‘`): [`closes`] says so. ’ and ' are also apostrophes ("don't", "Ghana's"),
//! and ‘ is typed for one often enough that keys fold it too ([`fold_apostrophe`]).
//!
//! [`find_quotes`] then pairs the marks into the quotations of the document. Curly quotes and
//! guillemets say which way they face. A straight `"` opens when no quotation is open and
//! closes otherwise. News style lets a quotation run over several paragraphs: the paragraph
//! ends with no closing mark and the next one starts with an opening mark. We follow that
//! convention and treat such a run as one quotation; an opening mark whose paragraph ends
//! unclosed, with no continuation, is closed at the end of its paragraph.
//!
//! Known failure cases: single quotes (‘...’) are not paired into quotations, because ’ is
//! also the apostrophe (the tokenizer still marks them as quotes); nested double quotes are
//! flattened to the innermost pair; reversed guillemets (»…«, Danish and some German print) are read as a
//! closing mark first, so the quotation is missed.

use super::Document;
use crate::extract::span::Span;

/// Whether a mark belongs to a double or a single quotation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    /// “ ” " « » „
    Double,
    /// ‘ ’ ' ‹ › ‚
    Single,
}

/// Which way a mark faces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Facing {
    /// It opens a quotation.
    Open,
    /// It closes one.
    Close,
    /// Straight marks: decided by the spaces around them and what is open.
    Either,
}

/// A quotation mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mark {
    /// Double or single.
    pub level: Level,
    /// Which way it faces.
    pub facing: Facing,
}

/// The quotation mark `c` is, if any (see the table in the module doc).
pub fn mark(c: char) -> Option<Mark> {
    let (level, facing) = match c {
        '“' | '«' | '„' => (Level::Double, Facing::Open),
        '”' | '»' => (Level::Double, Facing::Close),
        '"' => (Level::Double, Facing::Either),
        '‘' | '‹' | '‚' => (Level::Single, Facing::Open),
        '’' | '›' => (Level::Single, Facing::Close),
        '\'' => (Level::Single, Facing::Either),
        _ => return None,
    };
    Some(Mark { level, facing })
}

/// The mark a one-char token is, if it is one.
pub fn mark_of(token: &str) -> Option<Mark> {
    let mut chars = token.chars();
    let c = chars.next()?;
    chars.next().is_none().then(|| mark(c)).flatten()
}

/// Whether `c` closes a quotation opened by `open`: its own closing mark, or the high mark
/// that closes a low one (`„…“`, `‚…‘`).
pub fn closes(open: char, c: char) -> bool {
    match (open, c) {
        ('„', '“') | ('‚', '‘') => true,
        _ => mark(c).is_some_and(|m| m.facing == Facing::Close),
    }
}

/// Whether `c` can be an apostrophe inside or after a word ("don't", "Ghana’s").
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

/// The char a lookup key uses for `c`: curly apostrophes (’ and ‘, typed for one) become `'`.
pub fn fold_apostrophe(c: char) -> char {
    match c {
        '’' | '‘' => '\'',
        c => c,
    }
}

/// Whether a one-char token is a double quotation mark or a guillemet of either level: the
/// marks around the quotations the claims stage reads (‘ ’ ' are left out, being apostrophes
/// as often as quotes).
pub fn is_quotation_mark(token: &str) -> bool {
    mark_of(token).is_some_and(|m| m.level == Level::Double || matches!(token, "‹" | "›"))
}

/// One quotation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quote {
    /// Token index of the opening mark.
    pub open: usize,
    /// Token index of the closing mark, or one past the last token when it closes unmarked at
    /// a paragraph end.
    pub close: usize,
    /// The quoted text, without the marks, trimmed.
    pub inner: Span,
}

/// The quotations of a document and a token-to-quotation map.
#[derive(Clone, Debug, Default)]
pub struct Quotes {
    /// All quotations, in order.
    pub list: Vec<Quote>,
    inside: Vec<u32>,
}

impl Quotes {
    /// The quotation holding token `i` (its marks included), if any.
    pub fn at(&self, i: usize) -> Option<&Quote> {
        match self.inside.get(i) {
            Some(&q) if q > 0 => self.list.get(q as usize - 1),
            _ => None,
        }
    }

    /// The quotation whose closing mark is token `i`.
    pub fn closing_at(&self, i: usize) -> Option<&Quote> {
        self.at(i).filter(|q| q.close == i)
    }

    /// The quotation whose opening mark is token `i`.
    pub fn opening_at(&self, i: usize) -> Option<&Quote> {
        self.at(i).filter(|q| q.open == i)
    }
}

/// Which way the quotation mark at token `i` faces, if it is one ([`is_quotation_mark`]);
/// a straight `"` is `None` here and decided by [`find_quotes`] from whether a quotation is
/// open (the spaces around straight quotes are unreliable in copied text: `dream, "said the
/// woman`).
fn facing(doc: &Document, i: usize) -> Option<Option<Facing>> {
    let t = doc.word(i);
    // Two apostrophes typed for a double quote: ''Not yet,'' she said.
    if t == "'" {
        return (doc.word(i + 1) == "'" && span(doc, i).end == span(doc, i + 1).start).then_some(None);
    }
    if !is_quotation_mark(t) {
        return None;
    }
    mark_of(t).map(|m| (m.facing != Facing::Either).then_some(m.facing))
}

/// Whether the mark at `i` closes the quotation opened at `open` although it faces the other
/// way: „Wir gehen“ (German), „Idziemy” is closed as usual.
fn closes_low(doc: &Document, open: usize, i: usize) -> bool {
    let (Some(o), Some(c)) = (doc.word(open).chars().next(), doc.word(i).chars().next()) else {
        return false;
    };
    o == '„' && closes(o, c)
}

/// Span of token `i` (empty span at the end of the text when out of range).
fn span(doc: &Document, i: usize) -> Span {
    doc.tokens.get(i).map_or(Span::new(doc.text.len(), doc.text.len()), |t| t.span())
}

/// Whether token `i` opens a two-apostrophe mark ('' ... '').
fn is_pair(doc: &Document, i: usize) -> bool {
    doc.word(i) == "'"
}

/// How many paragraphs an unclosed quotation may run over.
const MAX_PARAGRAPHS: usize = 4;

/// The quotation marks of the document in order, with the way each faces (`None`: decided by
/// what is open when it is read).
fn marks(doc: &Document) -> Vec<(usize, Option<Facing>)> {
    let n = doc.tokens.len();
    let mut marks = Vec::new();
    let mut i = 0;
    while i < n {
        if let Some(f) = facing(doc, i) {
            marks.push((i, f));
            i += if is_pair(doc, i) { 2 } else { 1 };
        } else {
            i += 1;
        }
    }
    marks
}

/// Finds the quotations of the document.
pub fn find_quotes(doc: &Document) -> Quotes {
    let n = doc.tokens.len();
    let marks = marks(doc);
    let ends = paragraph_ends(doc);
    let last_of_paragraph = |i: usize| ends.get(doc.paragraph_of(i)).copied().unwrap_or(i).max(i);
    // An opening mark that starts a later paragraph continues the open quotation.
    let continues =
        |o: usize, i: usize| doc.paragraph_of(i) > doc.paragraph_of(o) && first_of_paragraph(doc, i);
    let mut list: Vec<Quote> = Vec::new();
    let mut open: Option<usize> = None;
    for (k, &(i, f)) in marks.iter().enumerate() {
        let f = if open.is_some_and(|o| closes_low(doc, o, i)) { Some(Facing::Close) } else { f };
        let opens = match (f, open) {
            (Some(f), _) => f == Facing::Open,
            (None, Some(o)) => continues(o, i),
            (None, None) => true,
        };
        match (opens, open) {
            // A second opening mark: a continuation paragraph, or the first was unbalanced.
            (true, Some(o)) if continues(o, i) => {}
            (true, _) => open = Some(i),
            (false, Some(o)) => {
                // A closing pair is marked at its second apostrophe, which ends the quotation.
                let i = if is_pair(doc, i) { i + 1 } else { i };
                list.push(make(doc, o, i));
                open = None;
            }
            (false, None) => {}
        }
        // An open quotation runs on past its paragraph when the next mark closes it or opens
        // the next paragraph ("...\n“More,” she said."); otherwise it ends with the paragraph.
        if let Some(o) = open {
            let last = last_of_paragraph(i);
            if !runs_on(doc, marks.get(k + 1).copied(), o, last) {
                close_at(doc, o, last, &mut list);
                open = None;
            }
        }
    }
    let mut inside = vec![0u32; n];
    for (q, quote) in list.iter().enumerate() {
        for slot in inside.iter_mut().take((quote.close + 1).min(n)).skip(quote.open) {
            *slot = q as u32 + 1;
        }
    }
    Quotes { list, inside }
}

/// Whether the quotation opened at `open` runs on past `last`, the end of the current mark's
/// paragraph, given the next mark.
fn runs_on(doc: &Document, next: Option<(usize, Option<Facing>)>, open: usize, last: usize) -> bool {
    match next {
        Some((j, _)) if j <= last => true,
        Some((j, g)) => {
            doc.paragraph_of(j) <= doc.paragraph_of(open) + MAX_PARAGRAPHS
                && (g != Some(Facing::Open) || first_of_paragraph(doc, j))
        }
        None => false,
    }
}

fn make(doc: &Document, open: usize, close: usize) -> Quote {
    let start = span(doc, open).end;
    let end = if close < doc.tokens.len() {
        span(doc, close).start
    } else {
        span(doc, close.saturating_sub(1)).end
    };
    let inner = Span::new(start, end).trim(doc.text, &[',', '.', ':', ';', '\'']);
    Quote { open, close, inner }
}

fn close_at(doc: &Document, open: usize, last: usize, list: &mut Vec<Quote>) {
    if last > open {
        let mut q = make(doc, open, last);
        q.inner =
            Span::new(span(doc, open).end, span(doc, last).end).trim(doc.text, &[',', '.', ':', ';', '\'']);
        list.push(q);
    }
}

fn first_of_paragraph(doc: &Document, i: usize) -> bool {
    i == 0 || doc.paragraph_of(i - 1) != doc.paragraph_of(i)
}

/// The last token of every paragraph, indexed by paragraph (one pass over the sentences).
fn paragraph_ends(doc: &Document) -> Vec<usize> {
    let mut ends: Vec<usize> = Vec::new();
    for sent in &doc.sentences {
        let last = sent.tokens.end.saturating_sub(1);
        if ends.len() <= sent.paragraph {
            ends.resize(sent.paragraph + 1, last);
        }
        ends[sent.paragraph] = ends[sent.paragraph].max(last);
    }
    ends
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::segment::segment;

    #[test]
    fn every_mark_of_the_table() {
        for c in ['“', '«', '„', '‘', '‹', '‚'] {
            assert_eq!(mark(c).map(|m| m.facing), Some(Facing::Open), "{c}");
        }
        for c in ['”', '»', '’', '›'] {
            assert_eq!(mark(c).map(|m| m.facing), Some(Facing::Close), "{c}");
        }
        for c in ['"', '\''] {
            assert_eq!(mark(c).map(|m| m.facing), Some(Facing::Either), "{c}");
        }
        assert_eq!(mark('a'), None);
        assert!(closes('„', '“') && closes('«', '»') && !closes('“', '“'));
        assert_eq!(fold_apostrophe('‘'), '\'');
        assert!(is_quotation_mark("«") && is_quotation_mark("\"") && !is_quotation_mark("’"));
    }

    struct Case {
        name: &'static str,
        text: &'static str,
        quotes: &'static [&'static str],
    }

    #[test]
    fn quotations() {
        let cases = [
            Case { name: "curly", text: "“We will talk,” she said.", quotes: &["We will talk"] },
            Case { name: "straight", text: "He said: \"Not yet.\" Then he left.", quotes: &["Not yet"] },
            Case { name: "two", text: "“One,” he said, “two.”", quotes: &["One", "two"] },
            Case {
                name: "over two paragraphs",
                text: "She said: “The first part.\n“The second part.”\nAfter.",
                quotes: &["The first part.\n“The second part"],
            },
            Case { name: "unclosed", text: "He said “never\nThen more.", quotes: &["never"] },
            Case { name: "apostrophe only", text: "Accra’s envoy left.", quotes: &[] },
            Case { name: "two apostrophes", text: "''We won,'' he said.", quotes: &["We won"] },
            Case {
                name: "guillemets",
                text: "«We are leaving,» the minister said.",
                quotes: &["We are leaving"],
            },
            Case {
                name: "spaced guillemets", text: "« Nous partons », dit-il.", quotes: &["Nous partons"]
            },
            Case { name: "low and high", text: "„Wir gehen“, sagte sie.", quotes: &["Wir gehen"] },
            Case { name: "low and closing", text: "„Idziemy”, powiedziała.", quotes: &["Idziemy"] },
            Case { name: "single guillemets", text: "‹Not now,› he said.", quotes: &["Not now"] },
        ];
        for c in cases {
            let doc = segment(c.text);
            let q = find_quotes(&doc);
            let got: Vec<&str> = q.list.iter().map(|q| q.inner.text(c.text)).collect();
            assert_eq!(got, c.quotes, "{}", c.name);
        }
    }
}
