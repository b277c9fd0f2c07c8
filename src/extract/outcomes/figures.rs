//! Figures (O14): the numbers inside an outcome's evidence and what they count.
//!
//! Algorithm: walk the evidence's tokens; at a number, take a scale word ("million",
//! "percent") and up to five lower-case words after it that are not prepositions or
//! conjunctions ("4,500 tonnes of grain each"), never cutting a number from what it counts.
//!
//! A year ("in 2021", "since 1998", "the 2019 accord") is a date, not a figure (O14): a
//! four-digit number from 1800 to 2099 written without a comma, unless a counted word follows
//! it ("1900 troops").
//!
//! Known failure cases: other dates and ordinals written as numbers ("on 12 May") are read as
//! figures; a count before the number ("a total of 40") is not joined to it.

use crate::extract::annotate::Annotated;
use crate::extract::records::FigureRecord;
use crate::extract::span::Span;

/// Words that end what a number counts.
const STOPS: &[&str] =
    &["since", "in", "on", "at", "from", "to", "and", "the", "by", "for", "after", "before", "until", "than"];

/// Numbers in the evidence (whose first token is `first`) and the words after them that say
/// what they count.
pub fn figures(w: &Annotated, evidence: Span, first: usize) -> Vec<FigureRecord> {
    let inside = |k: usize| k < w.len() && w.span(k).end <= evidence.end;
    let mut out = Vec::new();
    let mut i = first;
    while inside(i) {
        if !w.is_number(i) || is_year(w, i) {
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
        let value = w.range(i, value_end);
        let counts = if end > value_end { w.range(value_end, end) } else { Span::new(value.end, value.end) };
        out.push(FigureRecord { span: w.range(i, end), value, counts });
        i = end.max(i + 1);
    }
    out
}

/// Whether number token `i` is a year (O14: dates are not figures): 1800 to 2099, four digits,
/// unless a plural it would count follows ("in 2021", "the 2019 accord"; not "1900 troops").
fn is_year(w: &Annotated, i: usize) -> bool {
    let text = w.text(i);
    let year = text.len() == 4 && text.parse::<u32>().is_ok_and(|n| (1800..2100).contains(&n));
    let plural_next =
        i + 1 < w.len() && w.is_word(i + 1) && !w.is_cap(i + 1) && w.lower(i + 1).ends_with('s');
    year && !plural_next
}
