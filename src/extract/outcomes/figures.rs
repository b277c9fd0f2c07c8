//! Figures (O14): the numbers inside an outcome's evidence and what they count.
//!
//! Algorithm: walk the evidence's tokens; at a number, take a scale word ("million",
//! "percent") and up to five lower-case words after it that are not prepositions or
//! conjunctions ("4,500 tonnes of grain each"), never cutting a number from what it counts.
//!
//! Known failure cases: dates and ordinals written as numbers ("on 12 May") are read as
//! figures; a count before the number ("a total of 40") is not joined to it.

use crate::extract::annotate::Annotated;
use crate::extract::model::Figure;
use crate::extract::span::{Span, TextSpan};

/// Annotated that end what a number counts.
const STOPS: &[&str] =
    &["since", "in", "on", "at", "from", "to", "and", "the", "by", "for", "after", "before", "until", "than"];

/// Numbers in the evidence (whose first token is `first`) and the words after them that say
/// what they count.
pub fn figures(w: &Annotated, evidence: Span, first: usize) -> Vec<Figure> {
    let text = w.doc().text;
    let inside = |k: usize| k < w.len() && w.span(k).end <= evidence.end;
    let mut out = Vec::new();
    let mut i = first;
    while inside(i) {
        if !w.is_number(i) {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        if matches!(w.lower(end), "million" | "billion" | "thousand" | "hundred" | "percent" | "per") {
            end += 1;
        }
        let value_end = end;
        while inside(end)
            && end < value_end + 5
            && w.is_word(end)
            && !w.is_cap(end)
            && !STOPS.contains(&w.lower(end))
        {
            end += 1;
        }
        while end > value_end && w.lower(end - 1) == "of" {
            end -= 1;
        }
        let counts =
            if end > value_end { w.range(value_end, end).text(text).to_owned() } else { String::new() };
        out.push(Figure {
            span: TextSpan::of(text, w.range(i, end)),
            value: w.range(i, value_end).text(text).to_owned(),
            counts,
        });
        i = end.max(i + 1);
    }
    out
}
