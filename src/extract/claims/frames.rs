//! Attribution frames: for every cue, where its source and its content are.
//!
//! Each token outside a quotation is looked up in the cue lexicon. A cue is kept when one of
//! its frames fits the words around it, tried in this order:
//!
//! | frame | example (made up) | source | content |
//! |---|---|---|---|
//! | quoted | Radio Sol quoted the mayor as saying the port was shut. | the one quoted | the quotation before, or after "saying" |
//! | noun | The mayor's claim that the port was shut ... | the possessor | from "that" |
//! | after | According to aides, the deal is off. | after the cue | the other side of the comma |
//! | passive | It was reported that talks resumed. | none (or "by X") | after the cue |
//! | asked | Asked whether talks resumed, she said ... | none (or "by X") | the question, to its comma |
//! | participle | ..., adding that more work is needed. | the claim before, else the sentence's subject | after the cue |
//! | inverted | “Not yet,” said the envoy, a veteran diplomat. | after the cue, with its appositive | the quotation or clause before |
//! | end | The talks failed, the minister said. | before the cue | the quotation or clause before (and after, when the cue sits mid-sentence) |
//! | forward | She warned that the truce was fragile. | before the cue | after the cue, to the clause end |
//!
//! The source before a cue is the noun phrase ending at it (auxiliaries and adverbs skipped:
//! "has also said"), scanned back to a clause boundary, with short brackets ("(D-Maine)")
//! kept and leading adverbials ("On Monday she said") and trailing times ("Ruiz now says")
//! left out. When a parenthesis or a coordination hides it ("Ms Lee, who chairs the panel,
//! said"; "Ms Lee, while upset, said"; "... and said"), the noun phrase before the parenthesis
//! (with an appositive or relative clause, as written) or the one opening the sentence is
//! taken. Content after a cue skips an addressee ("told reporters") and an adverbial ("on
//! Friday", "in a statement") and runs to the end of the clause: the sentence end, a
//! semicolon, a dash, or a comma before a new participle cue (", adding that"); a cue ending a
//! paragraph with a colon takes the next paragraph.
//!
//! Every scan around a cue is bounded ([`MAX_SOURCE`], [`MAX_CONTENT`] tokens), so the stage
//! stays linear however long a sentence is.
//!
//! Known failure cases: cues used in a non-reporting sense with a noun-like subject ("the
//! survey shows"); content in the previous sentence ("That is wrong. So she said."); subjects
//! with a relative clause before the cue ("the experts I asked said"); several coordinated
//! sources with brackets ("Ruiz (D-Maine), Lee (R-Ohio) and Park said").

mod asked;
mod lead;

use super::cues::{frame, CueInfo, CueMatch};
use crate::extract::annotate::{class, Annotated};
use crate::extract::model::CueClass;
use crate::extract::par;
use crate::extract::segment::quotes::Quotes;
use crate::extract::span::Span;

/// An attribution found in the text, before speaker resolution.
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    /// Source tokens `start..end`, if the text gives a source.
    pub source: Option<(usize, usize)>,
    /// Whether the source is inherited from the sentence's previous claim (", adding that").
    pub inherit: bool,
    /// Cue tokens `start..end`.
    pub cue: (usize, usize),
    /// The content, one or more pieces in order.
    pub content: Vec<Span>,
    /// A quotation.
    pub direct: bool,
    /// How the cue frames the content.
    pub class: CueClass,
    /// Index of the sentence of the cue.
    pub sentence: usize,
}

/// Possessive pronouns that can be the source of a noun cue ("her warning that ...").
const POSSESSIVES: &[&str] = &["his", "her", "their", "its"];

/// Longest source noun phrase we accept, in tokens.
pub const MAX_SOURCE: usize = 12;
/// Longest reported clause we take, in tokens; it keeps every scan around a cue bounded, so
/// a text with no sentence stops still costs linear time.
pub const MAX_CONTENT: usize = 160;

/// Finds the attributions of a document, in order of their cues.
pub fn attributions(w: &Annotated, q: &Quotes) -> Vec<Draft> {
    let doc = w.doc();
    let all = 0..doc.sentences.len();
    if !par::worth_forking(doc.text.len()) {
        return attributions_in(w, q, all);
    }
    // Each sentence's cues are read on their own: a long article's two halves at once.
    let half = all.end / 2;
    let (mut first, second) =
        par::join(|| attributions_in(w, q, 0..half), || attributions_in(w, q, half..all.end));
    first.extend(second);
    first
}

/// [`attributions`] in the sentences numbered `range`.
fn attributions_in(w: &Annotated, q: &Quotes, range: std::ops::Range<usize>) -> Vec<Draft> {
    let doc = w.doc();
    let mut out: Vec<Draft> = Vec::new();
    for (si, s) in doc.sentences.iter().enumerate().skip(range.start).take(range.len()) {
        let sent = Sent { index: si, start: s.tokens.start, end: s.tokens.end.min(w.len()) };
        let mut i = sent.start;
        while i < sent.end {
            let found = w.cue_at(i).filter(|m| i + m.len <= sent.end);
            if let Some(m) = found {
                if let Some(d) = analyse(w, q, sent, i, m) {
                    out.push(d);
                    i += m.len;
                    continue;
                }
            }
            i += 1;
        }
    }
    out
}

/// A sentence as a token range.
#[derive(Clone, Copy, Debug)]
struct Sent {
    index: usize,
    start: usize,
    end: usize,
}

/// What a frame says about a cue: `None` when it does not apply (try the next frame),
/// `Some(result)` when it applies and decides.
type Verdict = Option<Option<Draft>>;

/// One cue being analysed: where it is and what the lexicon says about it.
#[derive(Clone, Copy)]
struct At<'a> {
    w: &'a Annotated<'a>,
    q: &'a Quotes,
    s: Sent,
    /// First token of the cue word.
    c: usize,
    /// One past the cue's last token.
    ce: usize,
    info: CueInfo,
}

fn analyse(w: &Annotated, q: &Quotes, s: Sent, c: usize, m: CueMatch) -> Option<Draft> {
    if q.at(c).is_some() {
        return None;
    }
    // A capitalised cue inside a sentence is a name ("Hope", "Charge") unless it opens a clause.
    // Headlines capitalise every word ("Minister Says Talks Failed").
    let title_case = w.doc().sentences.get(s.index).is_some_and(|x| x.headline) || title_case(w, s);
    if w.is_cap(c)
        && c > s.start
        && !w.is_quote(c - 1)
        && !w.is_punct(c - 1, ":")
        && !w.is_punct(c - 1, "(")
        && !title_case
    {
        return None;
    }
    let ce = manner_adverb_end(w, q, medium_end(w, c + m.len, s.end), s.end);
    let at = At { w, q, s, c, ce, info: m.info };
    if m.info.has(frame::QUOTED) {
        return at.quoted();
    }
    // "the mayor's claim that ...": a noun cue whose possessor is the source.
    if m.info.has(frame::NOUN) && c > s.start + 1 && w.lower(c - 1) == "'s" && w.lower(at.ce) == "that" {
        return at.noun();
    }
    // "his claim that ...": the possessive pronoun is the source, resolved like a subject.
    if m.info.has(frame::NOUN)
        && c > s.start
        && POSSESSIVES.contains(&w.lower(c - 1))
        && w.lower(at.ce) == "that"
    {
        return at.noun_of(c - 1);
    }
    if noun_use(w, s, c) || before_auxiliary(w, s, c, c + m.len) {
        return None;
    }
    if m.info.has(frame::AFTER) {
        return according_to(w, q, s, c, at.ce, m.info);
    }
    if let Some(verdict) = at.asked_opener() {
        return verdict;
    }
    at.verb_group()
}

impl At<'_> {
    /// A cue that is a verb: its auxiliaries and adverbs, then the frame that reads its
    /// source and content (passive, participle, inverted, subject before, content after).
    fn verb_group(self) -> Option<Draft> {
        let At { w, s, c, .. } = self;
        let at = self;
        // Auxiliaries right before the cue belong to it ("has said", "was described").
        let mut cs = c;
        while cs > s.start && w.is(cs - 1, class::AUX) && !w.is_cap(cs - 1) {
            cs -= 1;
        }
        // "Lee has since said that ...": "since" between an auxiliary and the verb is an
        // adverb of the group (C2), not a conjunction.
        if cs == c && c >= s.start + 2 && w.lower(c - 1) == "since" && w.is(c - 2, class::AUX) {
            cs = c - 2;
            while cs > s.start && w.is(cs - 1, class::AUX) && !w.is_cap(cs - 1) {
                cs -= 1;
            }
        }
        if let Some(verdict) = at.passive_forms(cs) {
            return verdict;
        }
        if let Some(verdict) = at.opening(cs) {
            return verdict;
        }
        if w.lower(c).ends_with("ing") && cs == c {
            return at.participle();
        }
        if let Some(verdict) = at.inverted(cs) {
            return verdict;
        }
        // Skip adverbs and auxiliaries back to the subject: "has also said", "have long warned".
        let mut p = cs;
        while p > s.start
            && (w.is(p - 1, class::ADVERB | class::AUX) || is_ly_adverb(w, p - 1))
            && !w.is_cap(p - 1)
        {
            p -= 1;
        }
        // Adverbs inside the verb group belong to the cue (C2: "has also said", "flatly ruled
        // out"); a time word and what precedes it do not ("Ruiz yesterday said" → "said").
        let cs = (p..cs).find(|&i| (i..cs).all(|j| !w.is(j, class::TIME_WORD))).unwrap_or(cs);
        // "Lee and Holm both condemned": the floating quantifier belongs to the subject (C7).
        let p = if p > s.start && floating_quantifier(w, s, p - 1) { p - 1 } else { p };
        if non_statement(w, p, c) {
            return None;
        }
        let region = subject_before(w, s.start, p).map(|r| relative_head(w, s, r).unwrap_or(r));
        if let Some(verdict) = region.and_then(|r| at.end_position(cs, r)) {
            return verdict;
        }
        // "The appeal, union members and leaders say, is manifold.": a longer subject set off
        // by a comma before the cue, read as the source of a parenthetical cue (C12).
        if let Some(verdict) =
            region.and_then(|r| parenthetical_subject(w, s, r)).and_then(|r| at.end_position(cs, r))
        {
            return verdict;
        }
        at.forward(cs, p, region)
    }
}

impl At<'_> {
    fn draft(
        &self,
        source: Option<(usize, usize)>,
        inherit: bool,
        cs: usize,
        content: Vec<Span>,
        direct: bool,
    ) -> Draft {
        Draft {
            source,
            inherit,
            cue: (cs, self.ce),
            content,
            direct,
            class: self.info.class,
            sentence: self.s.index,
        }
    }

    /// "“...,” the agency quoted Ana Ruiz as saying." / "... quoted her as saying that ...":
    /// the one quoted is the source; the cue runs to the participle.
    fn quoted(&self) -> Option<Draft> {
        let (w, q, s) = (self.w, self.q, self.s);
        let (a, b) = np_after(w, self.ce, s.end)?;
        let ing = b + 1;
        if w.lower(b) != "as" || !w.lower(ing).ends_with("ing") || w.cue_at(ing).is_none() {
            return None;
        }
        let region = subject_before(w, s.start, self.c);
        let quoted = region.and_then(|(ra, _)| {
            if ra > 0 {
                q.closing_at(ra - 1).or_else(|| q.closing_at(ra.saturating_sub(2)))
            } else {
                None
            }
        });
        let (content, direct) = match quoted {
            Some(quote) => (vec![quote.inner], true),
            None => after(
                w,
                q,
                s,
                ing + 1,
                CueInfo { class: self.info.class, frames: frame::THAT | frame::QUOTE },
            )?,
        };
        Some(Draft { cue: (self.c, ing + 1), ..self.draft(Some((a, b)), false, self.c, content, direct) })
    }

    /// "the mayor's claim that ...": the possessor is the source, the clause from "that" the
    /// content.
    fn noun(&self) -> Option<Draft> {
        let (a, b) = subject_before(self.w, self.s.start, self.c - 1)?;
        self.noun_with((a, b))
    }

    /// "his claim that ...": the noun cue whose possessive pronoun at `k` is the source.
    fn noun_of(&self, k: usize) -> Option<Draft> {
        self.noun_with((k, k + 1))
    }

    fn noun_with(&self, source: (usize, usize)) -> Option<Draft> {
        let end = clause_end(self.w, self.ce, self.s.end);
        Some(self.draft(Some(source), false, self.c, vec![trimmed(self.w, self.ce, end)], false))
    }

    /// "It was reported that ...", "was first reported by ...": passives, whose source is
    /// none or the "by" phrase.
    fn passive_forms(&self, cs: usize) -> Verdict {
        let (w, q, s, c) = (self.w, self.q, self.s, self.c);
        // "was first reported by", "is widely believed": an adverb inside a passive.
        if cs == c
            && c >= s.start + 2
            && (w.is(c - 1, class::ADVERB) || is_ly_adverb(w, c - 1))
            && w.is(c - 2, class::PASSIVE)
        {
            if let Some((src, content, direct)) = passive(w, q, s, c - 2, self.ce, self.info) {
                return Some(Some(self.draft(src, false, c - 2, content, direct)));
            }
        }
        // A passive needs a participle: "was reported", not "is demanding".
        if cs < c && w.is(c - 1, class::PASSIVE) && !w.lower(c).ends_with("ing") {
            let found = passive(w, q, s, cs, self.ce, self.info);
            return Some(found.map(|(src, content, direct)| self.draft(src, false, cs, content, direct)));
        }
        None
    }

    /// A participle clause opening the sentence: "Having announced that ..., Judge Marr
    /// ...", "A month after announcing ..., Ana Berg ...", "Saying the plan was dead, Berg
    /// left". It shares the subject of the main clause after its comma (C5), and its content
    /// ends at that comma (C10). Only subordinators, numbers and time words may come first.
    fn opening(&self, cs: usize) -> Verdict {
        let (w, q, s, c, ce, info) = (self.w, self.q, self.s, self.c, self.ce, self.info);
        let having = cs > s.start && w.lower(cs - 1) == "having";
        let group = if having { cs - 1 } else { cs };
        if !(having || (cs == c && w.lower(c).ends_with("ing"))) || group > s.start + 4 {
            return None;
        }
        let lead = |j: usize| (w.is_word(j) || w.is_number(j)) && !w.is_verb_like(j) && !w.is(j, class::AUX);
        let opens = group == s.start
            || matches!(
                w.lower(group - 1),
                "after" | "before" | "while" | "when" | "since" | "upon" | "without"
            );
        if !opens || !(s.start..group).all(lead) {
            return None;
        }
        let end = s.end.min(ce + MAX_CONTENT);
        let comma = (ce..end).find(|&k| w.is_punct(k, ",") && q.at(k).is_none())?;
        // The subject as the sentence's, or the name that opens the main clause when an
        // irregular verb hides where it ends ("..., Ana Berg left the room").
        let name_run = |(a, _): (usize, usize)| {
            let b = (a..s.end).find(|&j| !w.is_cap(j)).unwrap_or(s.end);
            (w.is_cap(a) && b > a).then_some((a, b))
        };
        let source = sentence_subject(w, comma + 1, s.end)
            .or_else(|| np_after(w, comma + 1, s.end).and_then(name_run))?;
        let bare = CueInfo { frames: info.frames | frame::THAT, ..info };
        let (mut content, direct) = after(w, q, s, ce, bare)?;
        clip_at_comma(w, s, ce, &mut content);
        Some((!content.is_empty()).then(|| self.draft(Some(source), false, c, content, direct)))
    }

    /// A participle cue: ", adding that ..." and "responded by saying ..." share the
    /// sentence's subject; "footage of Ms Ruiz saying “...”" has the noun before as source.
    fn participle(&self) -> Option<Draft> {
        let (w, q, s, c, ce, info) = (self.w, self.q, self.s, self.c, self.ce, self.info);
        if c > s.start
            && matches!(w.lower(c - 1), "by" | "from" | "after" | "before" | "while" | "and" | "when")
        {
            let (content, direct) = after(w, q, s, ce, info)?;
            return Some(self.draft(sentence_subject(w, s.start, c - 1), false, c, content, direct));
        }
        // "... ago,” adding that ...": the comma may sit inside the closing quotation mark; a
        // dash sets the participle off like a comma ("changed course – saying he would ...").
        let after_comma = c > s.start
            && (w.is_punct(c - 1, ",")
                || w.is_dash(c - 1)
                || (q.closing_at(c - 1).is_some() && c >= 2 && w.is_punct(c - 2, ",")));
        if !after_comma {
            let opens = w.lower(ce) == "that" || q.opening_at(ce).is_some() || w.is_punct(ce, ":");
            let (a, b) = subject_before(w, s.start, c).filter(|_| opens && info.has(frame::QUOTE))?;
            let (content, direct) = after(w, q, s, ce, info)?;
            return Some(self.draft(Some((a, b)), false, c, content, direct));
        }
        // ", adding he would stay": after a comma the participle takes a bare clause too.
        let bare = CueInfo { class: info.class, frames: info.frames | frame::THAT };
        let (content, direct) = after(w, q, s, ce, bare)?;
        Some(self.draft(sentence_subject(w, s.start, c - 1), true, c, content, direct))
    }

    /// The source after the cue: "Said the envoy: “...”" opening a sentence, and "“...,”
    /// said the envoy." / "..., said Ms Lee, “...”" after the content.
    fn inverted(&self, cs: usize) -> Verdict {
        let (w, q, s, c, ce) = (self.w, self.q, self.s, self.c, self.ce);
        if !self.info.has(frame::INV) {
            return None;
        }
        if c == s.start {
            let said_first = np_after(w, ce, s.end).and_then(|(a, b)| {
                let quote = q.opening_at(b + 1).filter(|_| w.is_punct(b, ":") || w.is_punct(b, ","))?;
                Some(self.draft(Some((a, b)), false, cs, vec![quote.inner], true))
            });
            if said_first.is_some() {
                return Some(said_first);
            }
        }
        if !(c > 0 && ((c > s.start && w.is_punct(c - 1, ",")) || q.closing_at(c - 1).is_some())) {
            return None;
        }
        let (a, b) = np_after(w, ce, s.end)?;
        // "..., said she encourages members ...": a pronoun after the cue that does not end
        // its clause ("said he.") is the subject of the reported clause, no inverted source.
        let pronoun = class::PERSON | class::PLURAL | class::IT | class::OTHER_PRONOUN;
        if w.is(a, pronoun) && !np_ends_clause(w, q, a + 1, s.end) {
            return None;
        }
        let b = if np_ends_clause(w, q, b, s.end) { b } else { np_through_links(w, q, (a, b), s.end)? };
        let b = appositive_end(w, q, b, s.end);
        Some(before(w, q, s, c).map(|(mut content, direct)| {
            let more = then_quote(w, q, b, &mut content);
            self.draft(Some((a, b)), false, cs, content, direct || more)
        }))
    }

    /// The source between the content and the cue: "..., the minister said." / "“...,” she
    /// said, “...”" / "Prices, he said, will rise."
    fn end_position(&self, cs: usize, (a, b): (usize, usize)) -> Verdict {
        let (w, q, s, ce, info) = (self.w, self.q, self.s, self.ce, self.info);
        // A quotation ending in "?" or "!" may close the sentence before its source, but not
        // the paragraph: "“... .”⏎⏎Lee told the mayors, “...”" takes the second quotation.
        let quoted = a > 0 && q.closing_at(a - 1).is_some() && w.paragraph(a - 1) == w.paragraph(a);
        let after_comma = (a > s.start && w.is_punct(a - 1, ",")) || quoted;
        // A quotation right before "X said" is the content whatever trails the cue (C13):
        // "“...,” Okafor said in a radio interview with colleagues that ran late."
        // A quotation closing inside this sentence is the content whatever trails the cue (C13).
        let own_quote = quoted && a > s.start;
        // So does a medium phrase closing the cue, quotation or not: "The port is shut, she
        // said in a video message to the council." (C2, C12).
        let ends = right_is_end(w, q, ce, s.end, info, own_quote)
            || ((quoted || w.is(ce - 1, class::MEDIUM)) && trailing_adverbial(w, q, ce, s.end, info));
        // "Holm said, per a translator, that ...": the content follows.
        let aside_then_that = parenthetical_that(w, ce, s.end).is_some();
        if !(info.has(frame::END) && after_comma && ends) || aside_then_that {
            return None;
        }
        let Some((mut content, mut direct)) = before(w, q, s, a) else { return Some(None) };
        let rest = skip_adverbial(w, ce, s.end, false);
        // A short piece before the source needs its continuation: "Prices, he said, rose."
        let short = !direct && content.iter().map(|p| p.len()).sum::<usize>() < 12;
        if short && !w.is_punct(rest, ",") {
            return Some(None);
        }
        if w.is_punct(rest, ",") {
            if then_quote(w, q, ce, &mut content) {
                direct = true;
            } else if !direct && w.cue_at(rest + 1).is_none() && !trailing_attribution(w, rest + 1, s.end) {
                // "Freeing the crew, he promised, was his first aim.": the rest of the
                // reported clause, whatever the cue's own frames (C12).
                let rest_of_clause = CueInfo { frames: info.frames | frame::THAT, ..info };
                if let Some((more, _)) = after(w, q, s, rest + 1, rest_of_clause) {
                    content.extend(more);
                }
            }
        }
        Some(Some(self.draft(Some((a, b)), false, cs, content, direct)))
    }

    /// The source before the cue and the content after it: "She warned that ...". `p` is
    /// where the subject ends (adverbs skipped), `region` the noun phrase found there.
    fn forward(&self, cs: usize, p: usize, region: Option<(usize, usize)>) -> Option<Draft> {
        let (w, q, s, ce, info) = (self.w, self.q, self.s, self.ce, self.info);
        // "... and for the first time said": a region with no name, role, group or pronoun
        // after a preposition is not the subject; the sentence's subject is.
        let nameless = |(a, b): (usize, usize)| {
            a > s.start
                && w.is(a - 1, class::NP_LINK)
                && w.lower(a - 1) != "and"
                && !(a..b).any(|i| {
                    w.is_cap(i)
                        || w.is(
                            i,
                            class::ROLE
                                | class::GROUP
                                | class::PERSON
                                | class::PLURAL
                                | class::IT
                                | class::WHO,
                        )
                })
        };
        // "A report published Wednesday said": a region of time words only is no source;
        // the noun phrase opening the sentence is (C5).
        let time_only = |(a, b): (usize, usize)| (a..b).all(|i| is_time(w, i));
        let region = match region {
            Some(r) if nameless(r) => sentence_subject(w, s.start, p).or(Some(r)),
            Some(r) if time_only(r) && r.0 > s.start => sentence_subject(w, s.start, r.0).or(Some(r)),
            other => other,
        };
        let source = match region {
            Some(r) => Some(r),
            None if p > s.start && w.is(p - 1, class::WHO) && p >= s.start + 2 => Some((p - 1, p)),
            None if p > s.start && w.is_punct(p - 1, ",") => {
                // "“...,” Ana Ruiz, a lawyer for the city, said on Monday."
                if let Some((quote, src)) = quote_then_source(w, q, s.start, p - 1) {
                    if right_is_end(w, q, ce, s.end, info, true) {
                        return Some(self.draft(Some(src), false, cs, vec![quote], true));
                    }
                }
                parenthesis_subject(w, s.start, p - 1).or_else(|| sentence_subject(w, s.start, p))
            }
            // "Ana Ruiz -- a lawyer for the city -- said ..."
            None if p > s.start && w.is_dash(p - 1) => {
                let open = (p.saturating_sub(25).max(s.start)..p - 1).rev().find(|&k| w.is_dash(k))?;
                subject_before(w, s.start, open)
            }
            // "... said X and called Y": the subject of the first verb, as the claim before has it.
            None if p > s.start && matches!(w.lower(p - 1), "and" | "but") => {
                let (content, direct) = after(w, q, s, ce, info)?;
                return Some(self.draft(sentence_subject(w, s.start, p), true, cs, content, direct));
            }
            None => None,
        }?;
        let info = doc_frames(w, source, info);
        if let Some((source, k)) = as_source(w, s, source, ce) {
            let bare = CueInfo { frames: info.frames | frame::THAT, ..info };
            let (content, direct) = after(w, q, s, k, bare)?;
            return Some(self.draft(Some(source), false, cs, content, direct));
        }
        let (mut content, direct) = after(w, q, s, ce, info)?;
        if !direct {
            clip_relative(w, s, source, ce, &mut content);
        }
        Some(self.draft(Some(source), false, cs, content, direct))
    }
}

/// "The levy, which Ana Brel said was unfair, ends in May": a cue inside a relative clause set
/// off by commas (its source right after ", which") reports that clause only, so the content
/// stops at the next comma (C10, C12).
fn clip_relative(w: &Annotated, s: Sent, source: (usize, usize), ce: usize, content: &mut Vec<Span>) {
    let relative = source.0 >= s.start + 2 && w.is(source.0 - 1, class::WHO) && w.is_punct(source.0 - 2, ",");
    if relative {
        clip_at_comma(w, s, ce, content);
    }
}

/// Cuts `content` at the first comma after the cue ending at `ce`: the end of the relative
/// clause the cue stands in.
fn clip_at_comma(w: &Annotated, s: Sent, ce: usize, content: &mut Vec<Span>) {
    // Bounded like every scan around a cue, so a sentence of many cues stays linear.
    let end = s.end.min(ce + MAX_CONTENT);
    let Some(comma) = (ce..end).find(|&k| w.is_punct(k, ",")) else { return };
    let cut = w.span(comma).start;
    content.retain(|piece| piece.start < cut);
    if let Some(last) = content.last_mut() {
        *last = trim_clause(w, Span::new(last.start, last.end.min(cut)));
    }
}

/// "As the Post reported, Ruiz is the top recipient." / "And, as Ruiz noted on Monday, the
/// port is shut.": a source introduced by "as" opening its clause, and a comma after the cue
/// (past any adverbial). The clause after the comma is what was reported (C1, C10), the
/// source is without "as". Returns the source and where the content starts.
fn as_source(w: &Annotated, s: Sent, (a, b): (usize, usize), ce: usize) -> Option<((usize, usize), usize)> {
    // The noun phrase may have been cut after "As the" at a sentence start: "As the Times".
    let lead = (a.saturating_sub(3).max(s.start)..=a).rev().find(|&i| w.lower(i) == "as")?;
    let source = (lead + 1, b);
    if source.0 >= b || !(lead + 1..a).all(|i| w.is_word(i)) {
        return None;
    }
    let opens = lead == s.start || w.is_punct(lead - 1, ",") || matches!(w.lower(lead - 1), "and" | "but");
    let k = skip_adverbial(w, ce, s.end, false);
    (opens && w.is_punct(k, ",")).then_some((source, k + 1))
}

/// Nouns of records, polls and documents, whose findings need no "that" ("polls show ...").
const DOC_NOUNS: &[&str] = &[
    "poll",
    "polls",
    "survey",
    "surveys",
    "record",
    "records",
    "data",
    "figures",
    "document",
    "documents",
    "filing",
    "filings",
    "report",
    "reports",
    "results",
    "statistics",
    "study",
    "studies",
    "analysis",
    "numbers",
    "count",
    "tally",
    "audit",
    "review",
    "investigation",
];

/// The frames of a `doc` cue with source `(a, b)`: a clause without "that" only when the
/// source names a record, poll or document (C1 findings); else "that" is needed.
fn doc_frames(w: &Annotated, (a, b): (usize, usize), info: CueInfo) -> CueInfo {
    if !info.has(frame::DOC) {
        return info;
    }
    // "The April poll showed a dead heat": a record's finding may be a noun phrase (C1, C11).
    if (a..b).any(|i| DOC_NOUNS.contains(&w.lower(i))) {
        return CueInfo { frames: info.frames | frame::OBJ, ..info };
    }
    CueInfo { frames: (info.frames & !frame::THAT) | frame::THAT_ONLY, ..info }
}

/// Whether the cue at `c`, with its verb group from `p`, reports that nothing was said, which
/// is no claim (C21): "did not confirm", "would not say", "wouldn't comment".
fn non_statement(w: &Annotated, p: usize, c: usize) -> bool {
    let negated =
        (p..c).any(|i| matches!(w.lower(i), "not" | "never" | "cannot") || w.lower(i).ends_with("n't"));
    negated && w.is(c, class::NON_STATEMENT)
}

/// Whether the cue `c..k` is a noun heading the subject of an auxiliary right after it ("the
/// roster dispute has dragged on", "his claims were false"): a reporting verb takes a clause,
/// an object or a stop (C1). Not when a subject of its own stands before it, as in a relative
/// clause whose subject was moved out ("which she said was a mistake", "the deal Lund hopes
/// will pass", "what officials said is growing demand").
fn before_auxiliary(w: &Annotated, s: Sent, c: usize, k: usize) -> bool {
    if k >= s.end || !w.is(k, class::AUX) || c == s.start {
        return false;
    }
    let p = c - 1;
    let subject = w.is_cap(p)
        || w.is(
            p,
            class::AUX | class::ADVERB | class::PERSON | class::PLURAL | class::IT | class::OTHER_PRONOUN,
        );
    let relative = (c.saturating_sub(6).max(s.start)..c).any(|i| w.is(i, class::WHO) || w.lower(i) == "what");
    !subject && !relative
}

/// Whether the cue word at `c` is used as a noun: after a determiner or possessive ("the
/// disputed region", "its demands") or a number ("one of 45 states where ..."). A quantifier
/// opening its clause is the subject instead when no verb follows the cue ("Some say ...",
/// "“...,” one said", but "Several reports said ...").
fn noun_use(w: &Annotated, s: Sent, c: usize) -> bool {
    if c > s.start && quantifier_subject(w, s, c - 1) {
        return false;
    }
    // "Six in 10 say ...": a poll share is the subject, not a count of the cue (C1, C7).
    // "Two in three said ...": the same with the number spelt out.
    let spelt = c > s.start
        && matches!(
            w.lower(c - 1),
            "two" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine" | "ten"
        );
    let share = c >= s.start + 3 && w.lower(c - 2) == "in" && (w.is_number(c - 1) || spelt);
    c > s.start
        && !share
        && (w.is(c - 1, class::DETERMINER) && w.lower(c - 1) != "that" && !floating_quantifier(w, s, c - 1)
            || w.lower(c - 1) == "'s"
            || w.is_number(c - 1))
}

/// Whether "both", "all" or "each" at `k` floats after the subject it quantifies rather than
/// opening a noun phrase: "Lee and Holm both said", "the unions all agreed", "they each
/// denied" (GUIDE C7: the source is the whole subject).
fn floating_quantifier(w: &Annotated, s: Sent, k: usize) -> bool {
    if k <= s.start || !matches!(w.lower(k), "both" | "all" | "each") {
        return false;
    }
    let before = k - 1;
    let plural_noun = w.is_word(before)
        && w.lower(before).ends_with('s')
        && !w.is(before, class::AUX | class::DETERMINER | class::BOUNDARY | class::NP_LINK);
    (w.is_cap(before) && before > s.start) || w.is(before, class::PLURAL | class::GROUP) || plural_noun
}

/// Whether the quantifier at `k` opens its clause and stands alone as the subject of the cue
/// right after it.
fn quantifier_subject(w: &Annotated, s: Sent, k: usize) -> bool {
    let opens = k == s.start || !w.is_word(k - 1);
    let verb_next = w.is(k + 2, class::AUX) || w.is_verb_like(k + 2) || w.cue_at(k + 2).is_some();
    w.is(k, class::QUANTIFIER) && opens && !verb_next
}

/// The end of the cue ending at `ce` with a manner adverb right after it, when the adverb
/// closes the verb group: before a stop, a comma, a colon, "that" or a quotation. C2 counts
/// adverbs inside the group ("flatly ruled out"); one that trails the verb belongs to it
/// as much (“...,” Holm said dryly. / Holm noted repeatedly that ...), and the content starts
/// after it (C10). A time phrase stays out ("said Friday that", C2). Without one, `ce`.
fn manner_adverb_end(w: &Annotated, q: &Quotes, ce: usize, end: usize) -> usize {
    let closes = |k: usize| {
        k >= end
            || w.is_stop(k)
            || w.is_punct(k, ",")
            || w.is_punct(k, ":")
            || w.lower(k) == "that"
            || q.opening_at(k).is_some()
    };
    if ce < end && is_ly_adverb(w, ce) && !w.is(ce, class::TIME_WORD) && closes(ce + 1) {
        ce + 1
    } else {
        ce
    }
}

/// The end of the cue ending at `ce` with the medium phrase right after it (C2: "said in a
/// statement", "wrote on Twitter", "said in a phone interview"): "in"/"on"/"via", at most
/// three more words, and a medium noun. Without one, `ce`.
fn medium_end(w: &Annotated, ce: usize, end: usize) -> usize {
    if !matches!(w.lower(ce), "in" | "on" | "via") {
        return ce;
    }
    for j in ce + 1..end.min(ce + 5) {
        if w.is(j, class::MEDIUM) {
            // "in a radio interview", "in a conference call": the last medium noun of a run.
            let medium =
                (j..end.min(j + 3)).take_while(|&k| w.is(k, class::MEDIUM)).last().map_or(j, |k| k) + 1;
            return addressee_end(w, medium, end);
        }
        if !w.is_word(j) || w.lower(j) == "that" || w.is(j, class::BOUNDARY) {
            return ce;
        }
    }
    ce
}

/// The end of an addressee after a medium phrase, when a "that" clause follows it: "said in a
/// letter to the board that ..." → the cue runs to "board" (C2: "said to the committee");
/// likewise the other side of an interview ("said in an interview with Radio Sol's host that").
fn addressee_end(w: &Annotated, from: usize, end: usize) -> usize {
    if !matches!(w.lower(from), "to" | "with") {
        return from;
    }
    for k in from + 1..end.min(from + 7) {
        if w.lower(k) == "that" {
            return k;
        }
        if !w.is_word(k) || w.is(k, class::BOUNDARY) {
            break;
        }
    }
    from
}

/// Whether most words of the sentence are capitalised, as in a headline that ends with a stop
/// ("Mayor Says Port Will Reopen."). Only asked about a capitalised cue, so rarely computed.
fn title_case(w: &Annotated, s: Sent) -> bool {
    let words = (s.start..s.end.min(s.start + 40)).filter(|&i| w.is_word(i) && w.lower(i).len() > 3);
    let (mut all, mut caps) = (0, 0);
    for i in words {
        all += 1;
        caps += usize::from(w.is_cap(i));
    }
    all >= 4 && caps * 10 >= all * 8
}

fn is_ly_adverb(w: &Annotated, i: usize) -> bool {
    let t = w.lower(i);
    t.len() > 4 && t.ends_with("ly") && !w.is_cap(i) && !w.is(i, class::NOT_LY_ADVERB)
}

/// Longest source after "according to", in tokens ("according to early results of exit
/// polls conducted for the agency and two networks").
const MAX_ACCORDING_SOURCE: usize = 25;

/// "According to X, content." or "Content, according to X."
fn according_to(w: &Annotated, q: &Quotes, s: Sent, c: usize, ce: usize, info: CueInfo) -> Option<Draft> {
    // The source runs to the comma or the end: "according to exit polls", "according to a
    // complaint filed by the agency".
    let a = ce;
    let mut b = ce;
    while b < s.end
        && b < ce + MAX_ACCORDING_SOURCE
        && (w.is_word(b) || w.is_number(b) || w.is_punct(b, "-"))
        && !(b > ce && w.is(b, class::BOUNDARY))
    {
        b += 1;
    }
    if b == a {
        return None;
    }
    let (content, direct) = according_content(w, q, s, c, b)?;
    if content.iter().all(|sp| sp.is_empty()) {
        return None;
    }
    Some(Draft {
        source: Some((a, b)),
        inherit: false,
        cue: (c, ce),
        content,
        direct,
        class: info.class,
        sentence: s.index,
    })
}

/// The content of "according to" at `c` whose source ends at `b`: the clause after the source
/// when the cue opens the sentence ("According to X, ..." / "According to X: “...”"), else the
/// clause before it ("..., according to X" / "Brel leads by 20 delegates according to X").
fn according_content(w: &Annotated, q: &Quotes, s: Sent, c: usize, b: usize) -> Option<(Vec<Span>, bool)> {
    // "... unnoticed: According to recent polls, ..." and "(According to the police, ...)":
    // a colon or an opening bracket starts the clause the cue opens (C19).
    let opens_clause = c > s.start && (w.is_punct(c - 1, ":") || w.is_punct(c - 1, "("));
    let opener = c == s.start
        || opens_clause
        || (c > s.start && (w.is_punct(c - 1, ",") || w.is(c - 1, class::OPENER)) && c <= s.start + 2);
    if opener && w.is_punct(b, ":") {
        if let Some(quote) = q.opening_at(b + 1) {
            return Some((vec![quote.inner], true));
        }
    }
    if opener && (w.is_punct(b, ",") || w.is_punct(b, ":")) {
        let end = clause_end(w, b + 1, s.end);
        // Inside brackets the clause ends at the closing one.
        let bracketed = c > s.start && w.is_punct(c - 1, "(");
        let end = if bracketed { (b + 1..end).find(|&k| w.is_punct(k, ")")).unwrap_or(end) } else { end };
        return Some((vec![trimmed(w, b + 1, end)], false));
    }
    if c > s.start && w.is_punct(c - 1, ",") {
        return before(w, q, s, c);
    }
    // No comma: the clause from the sentence start (or a colon or semicolon) to the cue.
    let ends = b >= s.end || w.is_punct(b, ",") || w.is_punct(b, ".") || w.is(b, class::BOUNDARY);
    if opener || !ends || q.at(c).is_some() {
        return None;
    }
    let from = s.start.max(c.saturating_sub(MAX_CONTENT));
    let start =
        (from..c).rev().find(|&k| matches!(w.text(k), ";" | ":") || w.is_dash(k)).map_or(from, |k| k + 1);
    (c > start + 2).then(|| (vec![trimmed(w, start, c)], false))
}

type Parts = (Option<(usize, usize)>, Vec<Span>, bool);

/// "It was reported that ...", "The offer was described as ...", "... was confirmed by X".
fn passive(w: &Annotated, q: &Quotes, s: Sent, cs: usize, ce: usize, info: CueInfo) -> Option<Parts> {
    if !info.has(frame::PASS) {
        return None;
    }
    let next = w.lower(ce);
    let mut src = None;
    let mut start = ce;
    if next == "by" {
        let (a, b) = np_after(w, ce + 1, s.end)?;
        src = Some((a, b));
        start = b;
    } else if !matches!(next, "that" | "as" | "to") {
        return None;
    }
    if next == "as" {
        // The thing described is the subject: "The plan was described as unworkable."
        let subj = subject_before(w, s.start, cs)?;
        let end = clause_end(w, ce, s.end);
        return Some((None, vec![trimmed(w, subj.0, subj.1), trimmed(w, ce, end)], false));
    }
    // "The story was first reported by the local paper.": what was reported is the subject.
    let (content, direct) = match after(w, q, s, start, info) {
        Some(found) => found,
        None if src.is_some() => {
            let (a, b) = subject_before(w, s.start, cs)?;
            (vec![trimmed(w, a, b)], false)
        }
        None => return None,
    };
    let mut content = content;
    // "a rival that had been expected to bid for the stake, fell": a passive in a relative
    // clause after a noun reports that clause only (C12).
    let relative =
        cs >= s.start + 2 && matches!(w.lower(cs - 1), "that" | "which" | "who") && w.is_word(cs - 2);
    if relative && !direct {
        clip_at_comma(w, s, ce, &mut content);
    }
    Some((src, content, direct))
}

/// Content after the cue, from token `k`: a quotation right after it, or the clause.
fn after(w: &Annotated, q: &Quotes, s: Sent, k: usize, info: CueInfo) -> Option<(Vec<Span>, bool)> {
    let mut k = content_start(w, q, s, k, info);
    // "The governor added:" closing a paragraph: the next paragraph is what was said.
    if w.is_punct(k, ":") && k + 1 >= s.end && q.opening_at(k + 1).is_none() {
        return next_paragraph(w, k + 1).map(|span| (vec![span], false));
    }
    if w.is_punct(k, ":") || (w.is_punct(k, ",") && q.opening_at(k + 1).is_some()) {
        k += 1;
    }
    if let Some(quote) = q.opening_at(k) {
        return Some((vec![quote.inner], true));
    }
    if k >= s.end || w.is_stop(k) || w.is_punct(k, ",") {
        return None;
    }
    let end = clause_end(w, k, s.end);
    if !takes_clause(w, q, k, end, info) || end <= k + 1 {
        return None;
    }
    Some((vec![trimmed(w, k, end)], false))
}

/// Where the content after a cue ending at token `cue_end` starts: past the addressee of
/// "told" and the adverbials before "that" or a quotation.
fn content_start(w: &Annotated, q: &Quotes, s: Sent, cue_end: usize, info: CueInfo) -> usize {
    let mut k = cue_end;
    if info.has(frame::TELL) {
        k = skip_addressee(w, k, s.end);
    } else if info.has(frame::ASKED) {
        // "asked the mayor how ...": an addressee before a question word.
        if let Some(j) = asked::past_addressee(w, k, s.end) {
            k = j;
        }
    }
    if let Some(t) = parenthetical_that(w, k, s.end) {
        return t;
    }
    // Adverbials before "that": "said on Friday that", "said in the letter that", "told a
    // meeting of farmers that" (not the relative "that" of an object: "warned against a truce
    // that allows ...").
    if let Some(t) = (k..s.end.min(k + 8)).find(|&j| w.lower(j) == "that" || w.is_quote(j) || w.is_stop(j)) {
        k = past_adverbial(w, q, cue_end, k, t);
    }
    // "said in a statement it would ...", "reported on Tuesday the talks had ...".
    k = adverbial_end(w, k, s.end);
    // "said on Thursday after a meeting with X, who ..., that it needed work": a long
    // adverbial, then ", that".
    if w.is(k, class::AFTER_CUE) && !w.is(k, class::DETERMINER) && !w.is_quote(k) {
        let limit = s.end.min(k + 40);
        if let Some(t) =
            (k + 1..limit).find(|&j| w.lower(j) == "that" && w.is_punct(j - 1, ",") || w.is_stop(j))
        {
            if w.lower(t) == "that" {
                k = t;
            }
        }
    }
    k
}

/// Longest aside between a cue and its "that", in tokens.
const MAX_ASIDE: usize = 10;

/// The "that" after an aside set off by commas or dashes right after the cue at `k`: "said,
/// however, that ...", "said, among other things, that ...", "said — on the radio, as it
/// happens — that ..." (C10: the content starts after the aside).
fn parenthetical_that(w: &Annotated, k: usize, end: usize) -> Option<usize> {
    let open = |j: usize| w.is_punct(j, ",") || w.is_dash(j);
    if k >= end || !open(k) {
        return None;
    }
    let limit = end.min(k + 2 + MAX_ASIDE);
    let close = (k + 2..limit).find(|&j| open(j) && w.lower(j + 1) == "that")?;
    let plain = (k + 1..close).all(|j| !w.is_quote(j) && !w.is_stop(j) && w.cue_at(j).is_none());
    plain.then_some(close + 1)
}

/// Skips the words `k..t` before the "that", quotation or stop at `t` when they are an
/// adverbial ("said on Friday that", "said on the other hand, “...”").
fn past_adverbial(w: &Annotated, q: &Quotes, cue_end: usize, k: usize, t: usize) -> usize {
    let plain = |j: usize| {
        let noun = !w.is_verb_like(j) || (j > 0 && w.is(j - 1, class::DETERMINER));
        (w.is_word(j) || w.is_number(j) || w.is_punct(j, ","))
            && noun
            && !w.is(j, class::AUX | class::BOUNDARY)
    };
    let adverbial = |j: usize| {
        (w.is(j, class::AFTER_CUE) && !w.is(j, class::DETERMINER))
            || w.is_cap(j)
            || w.is_punct(j, ",")
            || w.is_number(j)
    };
    let mut k = k;
    // An addressee with "to" is skipped too (C2: "wrote to the council that ...").
    // The "to" of an addressee opens a noun phrase ("to the council", "to him"), not a verb
    // ("agreed to resume talks on that issue": that "that" is no complementiser).
    let addressee = |j: usize| {
        let word = w.lower(j);
        let plural = word.len() > 3 && word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us");
        w.is(j, class::DETERMINER | class::PERSON | class::PLURAL | class::IT | class::OTHER_PRONOUN)
            || w.is_cap(j)
            || plural
            || matches!(word, "him" | "her" | "them" | "us" | "me" | "you")
    };
    let opens_adverbial =
        (w.is(k, class::AFTER_CUE) && !w.is(k, class::DETERMINER)) || w.lower(k) == "to" && addressee(k + 1);
    let skipped = w.lower(t) == "that"
        && t <= k + 6
        && ((k..t).all(adverbial) || ((k > cue_end || opens_adverbial) && (k..t).all(plain)));
    if skipped {
        k = t;
    }
    // "said on the other hand, “...”": an adverbial, then the quotation.
    let after_mark = t > k && (w.is_punct(t - 1, ",") || w.is_punct(t - 1, ":"));
    if after_mark && q.opening_at(t).is_some() && (k..t - 1).all(plain) {
        k = t;
    }
    k
}

/// Whether the cue's frames take the clause `k..end` as its content: "that" or a question
/// word ("told the host how ...", "asked whether ..."), a bare clause, an object, or the
/// preposition a frame wants (accused X of, urged X to).
fn takes_clause(w: &Annotated, q: &Quotes, k: usize, end: usize, info: CueInfo) -> bool {
    let that = w.is(k, class::QUESTION);
    let prep_ok = |bit: u32, word: &str| info.has(bit) && (k..end.min(k + 12)).any(|j| w.lower(j) == word);
    (that && (info.has(frame::THAT) || info.has(frame::THAT_ONLY)))
        || (info.has(frame::THAT) && starts_clause(w, k, end) && !name_then_as(w, k, end))
        || (info.has(frame::THAT_ONLY) && !info.has(frame::DOC) && bare_clause(w, k, end))
        || (info.has(frame::OBJ) && object_ok(w, q, k, end, info))
        || prep_ok(frame::OF, "of")
        || prep_ok(frame::TO, "to")
        || prep_ok(frame::AS, "as")
        || (info.has(frame::ABOUT) && w.lower(k) == "about")
        || (info.has(frame::OVER) && w.lower(k) == "over")
        || (info.has(frame::AGAINST) && w.lower(k) == "against")
        || prep_ok(frame::FOR, "for")
}

/// Whether a name and then "as" start at `k`: "confirmed Ana Berg as transport secretary" puts
/// a person in an office, an action (C1), and no reported clause follows (its subject would
/// have a verb where "as" stands).
fn name_then_as(w: &Annotated, k: usize, end: usize) -> bool {
    let name_end = (k..end.min(k + 5)).find(|&j| !w.is_cap(j)).unwrap_or(end);
    name_end > k && name_end < end && w.lower(name_end) == "as"
}

/// Skips the addressee of "told": "told reporters", "told the BBC", "told Radio Free host
/// Ana Ruiz", up to "that", a quotation, punctuation or an adverbial.
fn skip_addressee(w: &Annotated, k: usize, end: usize) -> usize {
    let mut j = k;
    while j < end && j < k + 6 {
        // A determiner after the addressee opens the reported clause: "told CNN her plan would
        // pass", "told Norland radio the talks had failed" (not "told members of the board").
        if j > k
            && w.is(j, class::DETERMINER)
            && !w.is_cap(j)
            && !w.is(j - 1, class::NP_LINK | class::DETERMINER)
        {
            break;
        }
        let prev_np = j > k && (w.is_cap(j - 1) || w.is(j - 1, class::DETERMINER));
        // A bare noun right after the cue is an addressee too: "told voters".
        let bare = j == k
            && w.is_word(j)
            && !w.is_cap(j)
            && !w.is_verb_like(j)
            && !w.is(
                j,
                class::BOUNDARY
                    | class::AUX
                    | class::NP_STOP
                    | class::PERSON
                    | class::PLURAL
                    | class::IT
                    | class::NP_LINK,
            );
        // An adverbial ends the addressee: "told ABC by phone", "told Ana Lee on Monday".
        let adverbial = w.is(j, class::AFTER_CUE) && !w.is(j, class::DETERMINER);
        let ok = w.is(j, class::ADDRESSEE)
            || bare
            || w.is_cap(j) && !w.is(j, class::AFTER_CUE)
            || w.lower(j) == "'s"
            || (prev_np
                && w.is_word(j)
                && !adverbial
                && (!w.is_verb_like(j) || w.is(j - 1, class::DETERMINER))
                && !w.is(j, class::BOUNDARY | class::AUX | class::NP_STOP));
        if !ok || w.lower(j) == "that" {
            break;
        }
        j += 1;
        // "told reporters Accra would ...": a plain addressee ends it.
        if (w.is(j - 1, class::ADDRESSEE) && !w.is(j - 1, class::DETERMINER))
            || (bare && !w.is(j - 1, class::DETERMINER))
        {
            break;
        }
    }
    j
}

/// The end of a time or place adverbial starting at `k` ("on Friday", "late on Thursday", "in a
/// brief statement"), or `k` when there is none. A comma after it is skipped too.
fn adverbial_end(w: &Annotated, k: usize, end: usize) -> usize {
    let this = matches!(w.lower(k), "this" | "last" | "next");
    if !w.is(k, class::AFTER_CUE) || (w.is(k, class::DETERMINER) || w.is(k, class::ADDRESSEE)) && !this {
        return k;
    }
    let single = !matches!(
        w.lower(k),
        "in" | "on" | "at" | "during" | "after" | "following" | "late" | "early" | "last" | "this"
    );
    let mut last = single.then_some(k);
    let mut j = k + 1;
    while j < end && j < k + 6 {
        let plain = w.is_word(j) && !w.is_cap(j) && !w.is_verb_like(j);
        let bad = w.is(j, class::BOUNDARY | class::AUX | class::PERSON | class::PLURAL | class::IT);
        if (w.is(j, class::AFTER_CUE) && !w.is(j, class::DETERMINER) && !bad) || w.is_number(j) {
            last = Some(j);
        } else if !plain || bad {
            break;
        }
        j += 1;
    }
    match last {
        Some(l) if w.is_punct(l + 1, ",") => l + 2,
        Some(l) => l + 1,
        None => k,
    }
}

/// The paragraph starting at token `k` (at most a few sentences), for a cue ending in a colon.
fn next_paragraph(w: &Annotated, k: usize) -> Option<Span> {
    let doc = w.doc();
    let first = doc.sentences.partition_point(|s| s.tokens.start < k);
    doc.sentences.get(first)?;
    let para = doc.sentences[first].paragraph;
    if doc.sentences[first].tokens.start != k || para == w.paragraph(k.saturating_sub(1)) {
        return None;
    }
    let last = doc.sentences[first..].iter().take(8).take_while(|s| s.paragraph == para).last()?;
    Some(Span::new(doc.sentences[first].span.start, last.span.end).trim(doc.text, &['.', ',']))
}

/// Whether tokens `k..end` can be the object of an `obj` cue. "that" is a determiner here
/// only before a plain noun ("rejected that account"). "called" describes only with a second
/// complement ("called the pact “a bridge”", "called him a liar"), not "called both leaders".
fn object_ok(w: &Annotated, q: &Quotes, k: usize, end: usize, info: CueInfo) -> bool {
    if !(w.is_word(k) || w.is_number(k) || w.is_quote(k)) {
        return false;
    }
    if w.lower(k) == "that" {
        let next = k + 1;
        let pronoun =
            w.is(next, class::PERSON | class::PLURAL | class::IT | class::OTHER_PRONOUN | class::DETERMINER);
        if !(w.is_word(next) && !w.is_cap(next) && !pronoun && !w.is(next, class::AUX)) {
            return false;
        }
    }
    // An object takes no preposition the cue does not require (C11): "a separate dispute over
    // night shifts" is a noun and its complement, not "disputed" with an object.
    let required = match w.lower(k) {
        "about" => Some(frame::ABOUT),
        "over" => Some(frame::OVER),
        "against" => Some(frame::AGAINST),
        "for" => Some(frame::FOR),
        "of" => Some(frame::OF),
        "as" => Some(frame::AS),
        "with" | "between" | "among" | "at" | "from" | "into" | "during" => Some(0),
        _ => None,
    };
    if required.is_some_and(|bit| !info.has(bit)) {
        return false;
    }
    if info.class == CueClass::Describe && !info.has(frame::AS) {
        let end = (k + 1..end).find(|&j| w.is_punct(j, ",")).unwrap_or(end);
        return (k + 1..end).any(|j| q.opening_at(j).is_some() || matches!(w.lower(j), "a" | "an"));
    }
    true
}

/// Whether tokens `k..end` look like a reported clause, not an adverbial ("said on Friday").
fn starts_clause(w: &Annotated, k: usize, end: usize) -> bool {
    if end < k + 3 {
        return false;
    }
    // "said from Geneva", "said by phone", "said as she left": an adverbial or a subordinate
    // clause, not what was said; "hopes of a deal": a noun cue's complement; an infinitive
    // ("hoped to sign") only for cues whose frames take "to".
    if matches!(
        w.lower(k),
        "from"
            | "by"
            | "of"
            | "with"
            | "to"
            | "as"
            | "while"
            | "when"
            | "after"
            | "before"
            | "because"
            | "since"
            | "though"
            | "although"
            | "until"
    ) {
        return false;
    }
    !w.is(k, class::NP_STOP) || w.is(k, class::BOUNDARY)
}

/// Whether a reported clause without "that" starts at `k`, for a cue that otherwise wants
/// one (C10: "She claimed the count was rigged", "He stressed they would stay"): a subject
/// pronoun with its verb, or a noun phrase of at most five words opening with a determiner or
/// a name and then an auxiliary, with no punctuation between. An object is no clause: "declared independence in 1991",
/// "claimed over 10,000 lives", "noted the rise".
fn bare_clause(w: &Annotated, k: usize, end: usize) -> bool {
    if end < k + 3 || !starts_clause(w, k, end) {
        return false;
    }
    let verb = |j: usize| w.is(j, class::AUX) || w.is_verb_like(j);
    if w.is(k, class::PERSON | class::IT) {
        return verb(k + 1) || (w.lower(k + 1).ends_with('s') && !w.is(k + 1, class::NP_STOP));
    }
    if w.is(k, class::PLURAL | class::OTHER_PRONOUN) {
        return verb(k + 1) || (w.is_word(k + 1) && !w.is_cap(k + 1) && !w.is(k + 1, class::NP_STOP));
    }
    // The noun phrase opens with a determiner or a name: "by saying the plan was fair" is no
    // clause.
    if !(w.is(k, class::DETERMINER) || w.is_cap(k)) {
        return false;
    }
    let np = |j: usize| w.is_word(j) && !w.is(j, class::AUX | class::BOUNDARY | class::NP_STOP);
    let first_non_np = (k..end.min(k + 6)).find(|&j| !np(j));
    first_non_np.is_some_and(|j| j > k && w.is(j, class::AUX))
}

/// Content before the source or cue at token `a`: the quotation closing there, or the clause
/// from the sentence start to the comma.
fn before(w: &Annotated, q: &Quotes, s: Sent, a: usize) -> Option<(Vec<Span>, bool)> {
    if a == 0 {
        return None;
    }
    let mut k = a - 1;
    if let Some(quote) = q.closing_at(k) {
        return Some((vec![quote.inner], true));
    }
    if !w.is_punct(k, ",") {
        return None;
    }
    if k > 0 {
        if let Some(quote) = q.closing_at(k - 1) {
            return Some((vec![quote.inner], true));
        }
    }
    // The clause starts at the sentence start, or after a colon or semicolon before it.
    let mut start = s.start.max(a.saturating_sub(MAX_CONTENT));
    while k > start {
        k -= 1;
        if matches!(w.text(k), ";" | ":") || w.is_dash(k) {
            start = k + 1;
            break;
        }
    }
    if a - 1 < start + 1 {
        return None;
    }
    Some((vec![trimmed(w, start, a - 1)], false))
}

/// After the source of an inverted or end cue: ", “more quotation”" adds a second piece.
fn then_quote(w: &Annotated, q: &Quotes, b: usize, content: &mut Vec<Span>) -> bool {
    let k = skip_adverbial(w, b, w.len(), false);
    if !(w.is_punct(k, ",") || w.is_punct(k, ":")) {
        return false;
    }
    match q.opening_at(k + 1) {
        Some(quote) => {
            content.push(quote.inner);
            true
        }
        None => false,
    }
}

/// Whether what follows the cue is only an adverbial up to the end of the sentence or a comma.
/// With `own_quote` (a quotation closing in this sentence before the source, which is the
/// content, C13) the adverbial may run over a clause ("“...,” Okafor said on Friday he would
/// resign"); without, a subject pronoun or auxiliary starts a clause of its own.
fn right_is_end(w: &Annotated, q: &Quotes, ce: usize, end: usize, info: CueInfo, own_quote: bool) -> bool {
    // "“Can you explain that?” Lee asked the mayor.": the one asked is an addressee too.
    let addressed = info.has(frame::TELL) || info.has(frame::ASKED);
    let ce = if addressed { skip_addressee(w, ce, end) } else { ce };
    let ce = past_topic(w, ce, end, info);
    let k = skip_adverbial(w, ce, end, !own_quote);
    // "“...,” Holm said then.": a lone adverb closing the sentence is no content.
    let k = if k < end && w.is(k, class::ADVERB) && (w.is_stop(k + 1) || k + 1 >= end) { k + 1 } else { k };
    // "“...,” she said as she left.": a subordinate clause after the cue ends it too.
    let subordinate = matches!(
        w.lower(k),
        "as" | "while" | "when" | "after" | "before" | "because" | "since" | "though" | "although" | "until"
    );
    // "..., Holm said this week in Vardby — an apparent reversal ...": an aside in the
    // article's own voice after a dash is no content (C12).
    k >= end
        || w.is_stop(k)
        || w.is_dash(k)
        || w.is(k, class::WHO)
        || subordinate
        || w.is_punct(k, ",")
        || q.closing_at(k).is_some() && k + 1 >= end
}

/// Whether the words after a cue ending at `ce` (past an addressee) are an adverbial that
/// trails it, not content of its own: a preposition ("in a radio interview with colleagues",
/// "at a briefing that ran late"), with no subject pronoun or auxiliary before a relative
/// word, which would start a reported clause ("on Saturday he had ordered ...").
fn trailing_adverbial(w: &Annotated, q: &Quotes, ce: usize, end: usize, info: CueInfo) -> bool {
    let k = if info.has(frame::TELL) { skip_addressee(w, ce, end) } else { ce };
    let k = past_topic(w, k, end, info);
    if !w.is(k, class::NP_LINK | class::AFTER_CUE) || w.is(k, class::DETERMINER) || w.lower(k) == "and" {
        return false;
    }
    let clause = class::PERSON | class::PLURAL | class::IT | class::OTHER_PRONOUN | class::AUX;
    let subject = class::DETERMINER | clause;
    for j in k + 1..end.min(k + 30) {
        // "reported Saturday that the senator ...": a "that" before a subject opens the content.
        if w.lower(j) == "that" && (w.is(j + 1, subject) || w.is_cap(j + 1)) {
            return false;
        }
        if w.is(j, class::WHO) || w.lower(j) == "that" || w.is_stop(j) || w.is_punct(j, ",") {
            return true;
        }
        if w.is(j, clause) || q.opening_at(j).is_some() || w.is_punct(j, ":") {
            return false;
        }
    }
    true
}

/// Longest topic phrase after a cue, in tokens ("said of the new rules for the port").
const MAX_TOPIC: usize = 12;

/// Skips the topic of a quotation after a speech cue: "“It is a disgrace,” Holm said of the
/// ruling." → past "of the ruling", to the comma, stop or adverbial that follows it (the
/// quotation stays the content, C13). `k` when no such phrase follows.
fn past_topic(w: &Annotated, k: usize, end: usize, info: CueInfo) -> usize {
    if info.class != CueClass::Say || !matches!(w.lower(k), "of" | "about") {
        return k;
    }
    let limit = end.min(k + 1 + MAX_TOPIC);
    let stop = (k + 1..limit).find(|&j| {
        !(w.is_word(j) || w.is_number(j) || w.lower(j) == "'s")
            || (j > k + 1 && w.is(j, class::AFTER_CUE | class::BOUNDARY) && !w.is(j, class::DETERMINER))
            || w.cue_at(j).is_some_and(|_| !w.is_cap(j))
    });
    match stop {
        Some(j) if j > k + 1 && (w.is_stop(j) || w.is_punct(j, ",") || w.is(j, class::AFTER_CUE)) => j,
        None if limit == end && end > k + 1 => end,
        _ => k,
    }
}

/// Skips "on Friday", "in a statement following the talks", "told reporters" after a cue.
/// `strict`: a subject pronoun or auxiliary ends it as no adverbial ("said Wednesday she ...").
fn skip_adverbial(w: &Annotated, k: usize, end: usize, strict: bool) -> usize {
    // An adverbial opens with a preposition or a time word, never with a determiner: "said
    // the talks failed" has a clause after the cue (but "said this month" is an adverbial).
    let this = matches!(w.lower(k), "this" | "last" | "next");
    if k >= end
        || (w.is(k, class::DETERMINER) && !this)
        || !(w.is(k, class::AFTER_CUE) || w.is(k, class::ADDRESSEE))
    {
        return k;
    }
    let mut j = k;
    let end = end.min(k + 30);
    // A quoted title may sit inside it: "said on the show “Face the Facts.”"
    // A dash ends it: what follows is an aside ("said on Monday in Vardby — a reversal that
    // ...", C12), whose words are not the cue's.
    while j < end && !w.is_stop(j) && !w.is_punct(j, ",") && !w.is_dash(j) && w.lower(j) != "that" {
        if w.is_quote(j) && j > 0 && (w.is_punct(j - 1, ",") || w.is_punct(j - 1, ":")) {
            break;
        }
        // "said Wednesday he agrees ...": a subject pronoun or an auxiliary starts a clause,
        // unless a subordinate one ("said in May after he had left"; "May" is a month).
        let clause = class::PERSON | class::PLURAL | class::IT | class::OTHER_PRONOUN | class::AUX;
        if strict && j > k && w.is(j, clause) && !w.is_cap(j) && !(k..j).any(|i| w.is(i, class::BOUNDARY)) {
            return k;
        }
        j += 1;
    }
    if j == end && !(w.is_stop(j) || w.is_punct(j, ",") || w.is_dash(j) || j >= w.len()) {
        return k;
    }
    if j < end && (w.lower(j) == "that" || w.is_quote(j)) {
        return k;
    }
    j
}

/// Whether the words from `k` are a source and its cue closing the sentence: "..., Brel
/// said, NTV reported." (C8, C12), no continuation of the reported clause.
fn trailing_attribution(w: &Annotated, k: usize, end: usize) -> bool {
    (k + 1..end.min(k + MAX_SOURCE)).take_while(|&j| w.is_word(j - 1)).any(|j| {
        w.cue_at(j).is_some_and(|m| {
            let after = j + m.len;
            after >= end || w.is_stop(after)
        })
    })
}

/// Where the clause that starts at `k` ends (exclusive).
fn clause_end(w: &Annotated, k: usize, end: usize) -> usize {
    let end = end.min(k + MAX_CONTENT);
    // A comma at `k` itself does not end the clause that starts there.
    let from = if w.is_punct(k, ",") { k + 1 } else { k };
    w.next_clause_break(from).min(end)
}

/// The span of tokens `a..b`, trimmed of white space, final stops and commas.
fn trimmed(w: &Annotated, a: usize, b: usize) -> Span {
    trim_clause(w, w.range(a, b))
}

/// `span` trimmed of white space, final stops and commas, as content is.
fn trim_clause(w: &Annotated, span: Span) -> Span {
    span.trim(w.doc().text, &[',', '.', ';', ':'])
}

/// The noun phrase ending right before token `p`, back to a clause boundary.
fn subject_before(w: &Annotated, start: usize, p: usize) -> Option<(usize, usize)> {
    let mut a = np_start(w, start, p);
    // "On Monday she said", "In an interview Ruiz said": after a leading adverbial, the
    // subject is the pronoun or the run of capitalised words at the end.
    if a == start + 1 && w.is(start, class::NP_LINK | class::NP_STOP) && w.is_cap(start) {
        a = start;
    }
    if a < p && w.is(a, class::NP_LINK | class::NP_STOP) && w.is_cap(a) {
        let tail = (a + 1..p)
            .rev()
            .find(|&i| w.is(i, class::PERSON | class::PLURAL | class::IT | class::OTHER_PRONOUN));
        let run = (a + 1..p).rev().take_while(|&i| w.is_cap(i) || w.lower(i) == "'s").last();
        match tail.or(run) {
            Some(k) if k > a + 1 => a = k,
            _ => {}
        }
    }
    while a < p && (w.is(a, class::NP_LINK) || w.is(a, class::OPENER) && w.is_cap(a) && a + 1 < p) {
        a += 1;
    }
    // Trailing adverbs and times stay out: "Ruiz now says", "The bank this month said".
    let mut b = p;
    while b > a + 1 && (w.is(b - 1, class::ADVERB) || is_ly_adverb(w, b - 1) || is_time(w, b - 1)) {
        b -= 1;
        if w.is(b - 1, class::TIME_LEAD) && b > a + 1 {
            b -= 1;
        }
    }
    if a >= b {
        return None;
    }
    let lone = w.is(b - 1, class::DETERMINER) && !w.is(b - 1, class::QUANTIFIER);
    if lone && b - a == 1 && !w.is_number(b - 1) {
        return None;
    }
    Some((a, b))
}

/// Walks back from token `p` over the words of a noun phrase (at most [`MAX_SOURCE`], not
/// past `start`) to its first token.
fn np_start(w: &Annotated, start: usize, p: usize) -> usize {
    let mut a = p;
    while a > start && p - a < MAX_SOURCE {
        let t = a - 1;
        // "Sen. Ana Ruiz (D-Maine) said": skip a short bracket.
        if w.is_punct(t, ")") {
            match (t.saturating_sub(8).max(start)..t).rev().find(|&k| w.is_punct(k, "(")) {
                Some(open) if open > start => {
                    a = open;
                    continue;
                }
                _ => break,
            }
        }
        if !np_word(w, start, p, t) {
            break;
        }
        a -= 1;
    }
    a
}

/// Whether token `t` can belong to the noun phrase that ends before token `p`.
fn np_word(w: &Annotated, start: usize, p: usize, t: usize) -> bool {
    // A plural possessive leaves its apostrophe alone: "the Farmers’ Association".
    let plural_possessive =
        w.lower(t) == "'" && t > start && w.lower(t - 1).ends_with('s') && w.is_word(t - 1);
    let word = w.is_word(t) || w.is_number(t) || w.lower(t) == "'s" || plural_possessive;
    // A participle right after a determiner is an adjective: "the unsigned opinion said".
    let verb = w.is_verb_like(t) && !(t > start && w.is(t - 1, class::DETERMINER));
    if !word || w.is(t, class::BOUNDARY) || w.is(t, class::AUX) || verb {
        return false;
    }
    // Another cue ends the subject, unless a determiner makes it a noun ("the report said").
    if !w.is_cap(t) && w.cue_at(t).is_some() && !(t > start && w.is(t - 1, class::DETERMINER)) {
        return false;
    }
    if w.is(t, class::NP_LINK) {
        let linked = w.is_cap(t + 1) || w.is(t + 1, class::DETERMINER) || w.is_number(t + 1);
        // "Mensah and Lund said", not "a town in the north and city-backed leader X said".
        // "Mayor Ana Ruiz and Governor Ivo Marr said": two names, titles and all.
        let names = t > start && w.is_cap(t - 1) && p - t <= 6 && (t + 1..p).all(|i| w.is_cap(i));
        let and_ok = w.lower(t) != "and" || (t > start && w.is_cap(t - 1) && p - t <= 3) || names;
        if !linked || !and_ok || t == start {
            return false;
        }
    }
    true
}

/// The head of a subject with a restrictive relative clause, when `(a, b)` ends that clause:
/// in "The lawyer who represents Per Holm said", the source is "The lawyer", not "Per Holm"
/// (C5). The clause has words before `a` and no comma; the head opens the sentence or follows
/// a comma or an opener.
fn relative_head(w: &Annotated, s: Sent, (a, _): (usize, usize)) -> Option<(usize, usize)> {
    const NOUN_OPENERS: u32 =
        class::DETERMINER | class::PERSON | class::PLURAL | class::IT | class::OTHER_PRONOUN;
    let from = a.saturating_sub(MAX_SOURCE).max(s.start + 1);
    let k = (from..=a).rev().find(|&k| matches!(w.lower(k), "who" | "that" | "which"))?;
    // "that Vardby Radio said", "which she said": the relative's own subject is the source.
    let own_subject = w.is_cap(k + 1) || w.is(k + 1, NOUN_OPENERS);
    if k + 1 > a || (k + 1 == a && own_subject) || (k + 1..a).any(|j| !w.is_word(j) && !w.is_number(j)) {
        return None;
    }
    let (ha, hb) = subject_before(w, s.start, k)?;
    let opens = ha == s.start || w.is_punct(ha - 1, ",") || w.is(ha - 1, class::OPENER);
    (opens && hb == k).then_some((ha, hb))
}

/// The subject `(a, b)` extended back to a comma over lower-case noun-phrase words that
/// [`np_word`] stops at ("union members and leaders", "a wide array of economists"), when the
/// comma is at most [`MAX_SOURCE`] tokens back; `None` when it is not set off so.
fn parenthetical_subject(w: &Annotated, s: Sent, (a, b): (usize, usize)) -> Option<(usize, usize)> {
    let lower_np = |t: usize| {
        w.is_word(t)
            && !w.is_cap(t)
            && !w.is_verb_like(t)
            && !w.is(t, class::BOUNDARY | class::AUX | class::WHO)
            && w.cue_at(t).is_none()
    };
    let link = |t: usize| matches!(w.lower(t), "and" | "of" | "or");
    let from = a.saturating_sub(MAX_SOURCE).max(s.start + 1);
    let comma = (from..a).rev().find(|&k| !lower_np(k))?;
    let first = comma + 1;
    let ok =
        w.is_punct(comma, ",") && first < a && !link(first) && !w.is(first, class::NP_LINK | class::NP_STOP);
    ok.then_some((first, b))
}

/// Whether token `i` is a time word that can end up between a subject and its cue
/// ("now", "Friday", "month").
fn is_time(w: &Annotated, i: usize) -> bool {
    w.is(i, class::TIME_WORD) || (w.is(i, class::AFTER_CUE) && w.is_cap(i) && i > 0 && !w.is_cap(i - 1))
}

/// A quotation closing before a source with an appositive, ending at the comma `comma`:
/// "“Not now,” Ana Ruiz, a lawyer for the city, said" → the quotation and "Ana Ruiz".
fn quote_then_source(
    w: &Annotated,
    q: &Quotes,
    start: usize,
    comma: usize,
) -> Option<(Span, (usize, usize))> {
    let from = comma.saturating_sub(25).max(start.saturating_sub(1));
    let close = (from..comma).rev().find(|&k| q.closing_at(k).is_some() || w.is_stop(k))?;
    let quote = q.closing_at(close)?;
    let first = if w.is_punct(close + 1, ",") { close + 2 } else { close + 1 };
    let (a, b) = np_after(w, first, comma + 1)?;
    // The source keeps its appositive, as written: "Ana Ruiz, a lawyer for the city".
    (b <= comma && (w.is_punct(b, ",") || w.is_punct(b, "("))).then_some((quote.inner, (a, comma)))
}

/// The subject before a parenthesis that ends with the comma at `comma`:
/// "Ms Ruiz, who chairs the panel, said ..." → "Ms Ruiz".
fn parenthesis_subject(w: &Annotated, start: usize, comma: usize) -> Option<(usize, usize)> {
    let open = (start..comma).rev().take(25).find(|&k| w.is_punct(k, ","))?;
    let (a, b) = subject_before(w, start, open)?;
    // An appositive or relative clause is part of the source as written ("Ana Ruiz, a lawyer
    // for the city,"; "the council, which meets monthly,"; "Ana Ruiz, head of the panel,");
    // an adverbial clause is not ("the mayor, while visiting the site,").
    let appositive = |first: usize, end: usize| {
        let name = (first..end).all(|i| w.is_cap(i) || w.lower(i) == "'s") && end - first <= 4;
        // An age: "Ana Ruiz, 58, said".
        let age = end == first + 1 && w.is_number(first);
        let noun = w.is_word(first)
            && !w.is_cap(first)
            && !w.is_verb_like(first)
            && !is_ly_adverb(w, first)
            && !w.is(first, class::BOUNDARY | class::AUX | class::NP_LINK | class::NP_STOP | class::ADVERB);
        w.is(first, class::DETERMINER | class::ROLE | class::WHO) && !w.is(first, class::BOUNDARY)
            || matches!(w.lower(first), "who" | "which")
            || name
            || age
            || noun
    };
    if !appositive(open + 1, comma) {
        return Some((a, b));
    }
    // "Ana Ruiz, head of the union, which has 9,000 members, said": the name before both.
    let starts_appositive = a > start && w.is_punct(a - 1, ",") && (w.is(a, class::ROLE) || !w.is_cap(a));
    if starts_appositive {
        if let Some((a2, _)) = subject_before(w, start, a - 1) {
            if appositive(a, open) {
                return Some((a2, comma));
            }
        }
    }
    Some((a, comma))
}

/// The noun phrase opening the sentence, if it ends before `limit`
/// ("President Ana Ruiz, who ..., said" → "President Ana Ruiz").
fn sentence_subject(w: &Annotated, start: usize, limit: usize) -> Option<(usize, usize)> {
    let mut a = start;
    while a < limit && (w.is(a, class::OPENER) || w.is_punct(a, ",")) {
        a += 1;
    }
    // "On Thursday, the mayor ...": leading adverbials up to their comma are not the subject.
    if w.is_cap(a) {
        a = lead::past_leading_adverbials(w, a, limit);
    }
    let mut b = a;
    while b < limit && b - a < MAX_SOURCE {
        let plural_possessive = w.lower(b) == "'" && b > a && w.lower(b - 1).ends_with('s');
        let ok = (w.is_word(b) || w.is_number(b) || w.lower(b) == "'s" || plural_possessive)
            && !w.is(b, class::BOUNDARY)
            && !w.is(b, class::AUX)
            && !w.is_verb_like(b)
            && (!w.is(b, class::NP_LINK) || w.is_cap(b + 1) || w.is(b + 1, class::DETERMINER))
            && (w.lower(b) != "and" || w.is_cap(b + 1))
            && (w.is_cap(b) || w.cue_at(b).is_none());
        if !ok {
            break;
        }
        b += 1;
    }
    while b > a + 1 && (w.is(b - 1, class::NP_LINK | class::ADVERB) || is_ly_adverb(w, b - 1)) {
        b -= 1;
    }
    let named =
        (a..b).any(|i| w.is_cap(i) || w.is(i, class::ROLE | class::GROUP | class::PERSON | class::PLURAL));
    (b > a && named && (b == limit || w.is_punct(b, ",") || w.is_word(b))).then_some((a, b))
}

/// The noun phrase starting at token `k`, for sources after the cue ("said the envoy").
fn np_after(w: &Annotated, k: usize, end: usize) -> Option<(usize, usize)> {
    // "said Saturday that ...": a time word is no source.
    if w.is(k, class::NP_STOP | class::TIME_WORD) && !w.is(k, class::DETERMINER) {
        return None;
    }
    let first_ok = w.is_cap(k)
        || descriptor_before_name(w, k, end)
        || ((w.is_number(k) || w.lower(k) == "one") && w.is_word(k + 1))
        || w.is(k, class::DETERMINER)
        || w.is(k, class::PERSON | class::PLURAL | class::IT | class::OTHER_PRONOUN)
        || w.is(k, class::ROLE | class::GROUP);
    if k >= end || !first_ok || w.is(k, class::BOUNDARY) {
        return None;
    }
    let mut j = k;
    while j < end && j - k < MAX_SOURCE {
        let word = w.is_word(j) || w.is_number(j) || w.lower(j) == "'s";
        if !word || (j > k && (w.is(j, class::NP_STOP) || w.is(j, class::BOUNDARY))) || w.is(j, class::AUX) {
            break;
        }
        // "said one unaligned strategist": a participle right after a determiner, before
        // another word, is an adjective (as in `np_word`).
        let adjective = j == k + 1
            && (w.is(k, class::DETERMINER) || w.lower(k) == "one")
            && w.is_verb_like(j)
            && w.is_word(j + 1)
            && !w.is(j + 1, class::AUX | class::NP_STOP | class::BOUNDARY);
        if j > k && !adjective && (w.is_verb_like(j) || (!w.is_cap(j) && w.cue_at(j).is_some())) {
            break;
        }
        if w.is(j, class::NP_LINK)
            && !(w.is_cap(j + 1) || w.is(j + 1, class::DETERMINER) || w.is_number(j + 1))
        {
            break;
        }
        j += 1;
    }
    while j > k && w.is(j - 1, class::NP_LINK) {
        j -= 1;
    }
    (j > k).then_some((k, j))
}

/// Longest run of lower-case words before a name in a source after the cue.
const MAX_DESCRIPTOR: usize = 3;

/// Whether the lower-case words at `k` describe the name right after them: "said former Gov.
/// Ana Ruiz", "said election lawyer Jon Pell", "said retired Gen. Ana Ruiz".
fn descriptor_before_name(w: &Annotated, k: usize, end: usize) -> bool {
    let plain = |j: usize| {
        w.is_word(j)
            && !w.is_cap(j)
            && w.cue_at(j).is_none()
            && !w.is(j, class::BOUNDARY | class::AUX | class::NP_LINK | class::NP_STOP | class::AFTER_CUE)
            && !w.is(j, class::PERSON | class::PLURAL | class::IT | class::OTHER_PRONOUN)
    };
    let limit = end.min(k + MAX_DESCRIPTOR + 1);
    plain(k) && (k + 1..limit).find(|&j| !plain(j)).is_some_and(|j| w.is_cap(j))
}

/// The end of an inverted source whose noun phrase goes on past a preposition to the end of
/// the clause: "said a person with knowledge of the talks." Words only, no verb or cue, at
/// most [`MAX_SOURCE`] tokens; `None` if the clause does not end there.
fn np_through_links(w: &Annotated, q: &Quotes, (a, b): (usize, usize), end: usize) -> Option<usize> {
    let mut j = b;
    while j < end
        && j - a < MAX_SOURCE
        && (w.is_word(j) || w.is_number(j) || w.lower(j) == "'s")
        && !w.is_verb_like(j)
        && !w.is(j, class::AUX | class::BOUNDARY)
        && w.cue_at(j).is_none()
    {
        j += 1;
    }
    (j > b && np_ends_clause(w, q, j, end)).then_some(j)
}

/// The end of a source after the cue with its bracket and appositive: "said Ana Ruiz (D-Maine),
/// head of the panel." → through "panel".
fn appositive_end(w: &Annotated, q: &Quotes, b: usize, end: usize) -> usize {
    let mut b = b;
    if w.is_punct(b, "(") {
        match (b + 1..end.min(b + 8)).find(|&k| w.is_punct(k, ")")) {
            Some(k) => b = k + 1,
            None => return b,
        }
    }
    if !w.is_punct(b, ",") || q.opening_at(b + 1).is_some() {
        return b;
    }
    let first = b + 1;
    let starts = w.is(first, class::DETERMINER | class::ROLE)
        || w.is_cap(first)
        || (w.is_word(first) && !w.is_cap(first) && !w.is_verb_like(first) && w.cue_at(first).is_none());
    if !starts || w.is(first, class::BOUNDARY) {
        return b;
    }
    let stop = (first..end.min(first + 25))
        .find(|&k| w.is_stop(k) || w.is_punct(k, ",") || w.is_quote(k) || w.is_dash(k));
    match stop {
        Some(k) if k > first => k,
        None if end <= first + 25 => end,
        _ => b,
    }
}

/// Whether an inverted source ending at `b` ends its clause ("said Ms Lee." / "said Ms Lee, who").
fn np_ends_clause(w: &Annotated, q: &Quotes, b: usize, end: usize) -> bool {
    b >= end
        || w.is_stop(b)
        || w.is_punct(b, ",")
        || w.is_punct(b, "(")
        || w.is(b, class::NP_STOP)
        || q.closing_at(b).is_some()
}
