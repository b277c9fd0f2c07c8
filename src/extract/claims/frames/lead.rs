//! Leading adverbials before a sentence's subject: "Speaking at a rally in Ames, Iowa, on
//! Sunday, the senator ...", "A month later, he ...", "In an interview with the Herald, Holm
//! ...". A participle or coordinated cue that shares its sentence's subject (", adding that",
//! "... and said") takes the noun phrase after them, not the adverbial (GUIDE C5: the source
//! is the party, never a time or a place).

use crate::extract::annotate::{class, Annotated};

/// Longest leading adverbial, in tokens, up to its comma.
const MAX_LEAD: usize = 20;
/// Most adverbials skipped in a row ("At a rally in Ames, Iowa, on Sunday,").
const MAX_LEADS: usize = 3;

/// The first token after the leading adverbials that open the clause at `a` (each ending with
/// a comma before `limit`), or `a` when there are none.
pub(super) fn past_leading_adverbials(w: &Annotated, a: usize, limit: usize) -> usize {
    let mut a = a;
    for round in 0..MAX_LEADS {
        match adverbial_comma(w, a, limit, round > 0) {
            Some(comma) => a = comma + 1,
            None => break,
        }
    }
    a
}

/// The comma closing a leading adverbial at `a`: a phrase opened by a preposition, a time word
/// ("Last year", "A month later", "This week") or a participle ("Speaking at ..."), with no
/// verb, cue or quotation before its comma. After a first one, a short run of capitalised
/// words (the state of a place: "in Ames, Iowa,") counts too.
fn adverbial_comma(w: &Annotated, a: usize, limit: usize, after_lead: bool) -> Option<usize> {
    let end = limit.min(a + MAX_LEAD + 1);
    let comma = (a + 1..end).find(|&k| w.is_punct(k, ","))?;
    let inner = |j: usize| {
        (w.is_word(j) || w.is_number(j) || w.lower(j) == "'s" || w.is_punct(j, "."))
            && !w.is(j, class::AUX | class::WHO)
            && (!w.is_verb_like(j) || w.is(j - 1, class::DETERMINER))
            && (w.is_cap(j) || w.cue_at(j).is_none())
    };
    let plain = (a + 1..comma).all(inner);
    // "Hours later,", "Two days earlier,": a short phrase ending in a time adverb.
    let later = comma <= a + 3 && matches!(w.lower(comma - 1), "later" | "earlier" | "ago" | "afterwards");
    let time = later
        || (a..comma).any(|j| w.is(j, class::TIME_WORD)) && w.is(a, class::DETERMINER | class::TIME_LEAD);
    let opener = w.is(a, class::NP_LINK | class::NP_STOP | class::LEAD) || time;
    let participle = w.is_cap(a) && w.lower(a).ends_with("ing") && !w.is(a, class::NP_ADJ);
    let place = after_lead && comma <= a + 3 && (a..comma).all(|j| w.is_cap(j));
    let first_ok = w.lower(a) != "and" && (opener || participle || place);
    // The subject must follow: a word after the comma.
    (first_ok && plain && w.is_word(comma + 1)).then_some(comma)
}
