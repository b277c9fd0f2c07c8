//! Quotations: which tokens lie inside a quotation, and where each quotation opens and closes.
//!
//! Curly quotes say which way they face. A straight `"` opens when it follows white space, the
//! start of the text or an opening bracket or dash and is followed by a non-space, and closes
//! otherwise. News style lets a quotation run over several paragraphs: the paragraph ends with
//! no closing mark and the next one starts with an opening mark. We follow that convention and
//! treat such a run as one quotation; an opening mark whose paragraph ends unclosed, with no
//! continuation, is closed at the end of its paragraph.
//!
//! Known failure cases: single quotes (‘...’) are ignored, because ’ is also the apostrophe;
//! nested double quotes are flattened to the innermost pair.

use crate::extract::span::Span;
use crate::extract::annotate::Annotated;

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

/// Which way a quotation mark faces.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Facing {
    Open,
    Close,
}

/// Which way a mark faces; a straight `"` is `None` here and decided by [`find_quotes`] from
/// whether a quotation is open (the spaces around straight quotes are unreliable in
/// copied text: `dream, "said the woman`).
fn facing(w: &Annotated, i: usize) -> Option<Option<Facing>> {
    match w.text(i) {
        "\u{201c}" => Some(Some(Facing::Open)),
        "\u{201d}" => Some(Some(Facing::Close)),
        "\"" => Some(None),
        // Two apostrophes typed for a double quote: ''Not yet,'' she said.
        "'" if w.text(i + 1) == "'" && w.span(i).end == w.span(i + 1).start => Some(None),
        _ => None,
    }
}

/// Whether token `i` opens a two-apostrophe mark ('' ... '').
fn is_pair(w: &Annotated, i: usize) -> bool {
    w.text(i) == "'"
}

/// How many paragraphs an unclosed quotation may run over.
const MAX_PARAGRAPHS: usize = 4;

/// Finds the quotations of the document.
pub fn find_quotes(w: &Annotated) -> Quotes {
    let n = w.len();
    let mut marks: Vec<(usize, Option<Facing>)> = Vec::new();
    let mut i = 0;
    while i < n {
        if let Some(f) = facing(w, i) {
            marks.push((i, f));
            i += if is_pair(w, i) { 2 } else { 1 };
        } else {
            i += 1;
        }
    }
    let ends = paragraph_ends(w);
    let last_of_paragraph = |i: usize| ends.get(w.paragraph(i)).copied().unwrap_or(i).max(i);
    let mut list: Vec<Quote> = Vec::new();
    let mut open: Option<usize> = None;
    for (k, &(i, f)) in marks.iter().enumerate() {
        let f = f.unwrap_or(match open {
            Some(o) if w.paragraph(i) > w.paragraph(o) && first_of_paragraph(w, i) => Facing::Open,
            Some(_) => Facing::Close,
            None => Facing::Open,
        });
        match (f, open) {
            (Facing::Open, None) => open = Some(i),
            // A second opening mark: a continuation paragraph, or the first was unbalanced.
            (Facing::Open, Some(o)) => {
                if !(w.paragraph(i) > w.paragraph(o) && first_of_paragraph(w, i)) {
                    open = Some(i);
                }
            }
            (Facing::Close, Some(o)) => {
                // A closing pair is marked at its second apostrophe, which ends the quotation.
                let i = if is_pair(w, i) { i + 1 } else { i };
                list.push(make(w, o, i));
                open = None;
            }
            (Facing::Close, None) => {}
        }
        // An open quotation runs on past its paragraph when the next mark closes it or opens
        // the next paragraph ("...\n“More,” she said."); otherwise it ends with the paragraph.
        if let Some(o) = open {
            let last = last_of_paragraph(i);
            let runs_on = match marks.get(k + 1) {
                Some(&(j, _)) if j <= last => true,
                Some(&(j, g)) => {
                    w.paragraph(j) <= w.paragraph(o) + MAX_PARAGRAPHS
                        && (g != Some(Facing::Open) || first_of_paragraph(w, j))
                }
                None => false,
            };
            if !runs_on {
                close_at(w, o, last, &mut list);
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

fn make(w: &Annotated, open: usize, close: usize) -> Quote {
    let start = w.span(open).end;
    let end = if close < w.len() { w.span(close).start } else { w.span(close.saturating_sub(1)).end };
    let inner = Span::new(start, end).trim(w.doc().text, &[',', '.', ':', ';', '\'']);
    Quote { open, close, inner }
}

fn close_at(w: &Annotated, open: usize, last: usize, list: &mut Vec<Quote>) {
    if last > open {
        let mut q = make(w, open, last);
        q.inner =
            Span::new(w.span(open).end, w.span(last).end).trim(w.doc().text, &[',', '.', ':', ';', '\'']);
        list.push(q);
    }
}

fn first_of_paragraph(w: &Annotated, i: usize) -> bool {
    i == 0 || w.paragraph(i - 1) != w.paragraph(i)
}

/// The last token of every paragraph, indexed by paragraph (one pass over the sentences).
fn paragraph_ends(w: &Annotated) -> Vec<usize> {
    let mut ends: Vec<usize> = Vec::new();
    for sent in &w.doc().sentences {
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
        ];
        for c in cases {
            let doc = segment(c.text);
            let w = Annotated::new(&doc);
            let q = find_quotes(&w);
            let got: Vec<&str> = q.list.iter().map(|q| q.inner.text(c.text)).collect();
            assert_eq!(got, c.quotes, "{}", c.name);
        }
    }
}
