//! Stage 3, the claims: who said what about whom.
//!
//! Approach, in four steps, each a module with one entry point:
//!
//! 1. [`find_quotes`](super::segment::quotes::find_quotes), read through
//!    [`Annotated::quotes`]: the quotations of the article, including ones that run over
//!    several paragraphs, so a cue next to a quotation can take all of it as its content.
//! 2. [`frames::attributions`]: every reporting cue from the lexicon in `data/cues.txt`
//!    (said, told reporters, accused, urged, described, expressed concern, according to ...)
//!    whose frame fits the words around it, with its source and content spans: quotations in
//!    every position (“...,” she said / she said: “...” / “...,” said she, “...”), reported
//!    speech (she said that ..., accused X of ..., urged X to ...), "according to X",
//!    "..., X said", passives without a source ("it was reported that ...") and participles
//!    that share their sentence's subject (", adding that ...").
//! 3. [`resolve::speaker`]: the party behind each source: named in it, or reached through a
//!    pronoun of the right gender ("She noted ..."), a role noun ("The judge said ...") or a
//!    body's head noun ("The radio said ..."); or, through
//!    [`groups::source_parties`], the several parties a group source stands for ("Both sides",
//!    "the two countries", "Peru and Chile"), kept in [`ClaimRecord::speakers`].
//! 4. Here: sources shared by participles and coordinated cues (", adding that", "... and
//!    called"), quotations continued in the next sentence joined to their claim, content cut
//!    where a coordinated second attribution begins, cues inside an earlier claim's reported
//!    clause dropped (GUIDE C19: "Half said they think ..." is one claim), targets (the parties
//!    named in the content, other than the speaker), as [`ClaimRecord`]s in article order.
//!
//! A quotation split by its cue (“We will talk,” she said, “but not yet.”) is exported as one
//! content span covering its pieces, with the pieces joined in the exported claim's text; the
//! shared span checker counts list-valued content as malformed.
//! [`model::SPLIT_CONTENT`](super::model::SPLIT_CONTENT) switches to split content.
//!
//! Cost is linear: one lexicon lookup per token, bounded scans around each cue, binary
//! searches into the sorted mentions.
//!
//! Known failure cases: cue words in a non-reporting sense that still fit a frame ("news
//! reports that track spending"); a cue ending in a preposition as PolNeAR marks it ("said
//! of", "warned of") is cut at the verb; a sentence-initial "Said X, who ..., “...”" is missed;
//! PolNeAR cues the guide leaves out or marks differently stay misses by design: non-statements
//! ("declined to"), appearances ("seemed", "appears"), "hoped to" + an outcome (O11),
//! stances of poll respondents ("59 percent said"), time words in the cue ("said Tuesday") and
//! nested cues (C19); a quotation with no cue in its sentence is not attributed; a source
//! naming two parties ("the two camps") stands for the last two named together, which may be the
//! wrong two (see [`groups`]); see the submodules for more.

pub mod cues;
pub mod frames;
pub mod resolve;

use super::annotate::{class, Annotated};
use super::groups::{self, LazyFocus};
use super::parties::Parties;
use super::records::{ClaimRecord, CueClass, PartyId, SpeakerBasis};
use super::segment::quotes::Quotes;
use super::span::Span;
use frames::Draft;
use resolve::Said;

/// Finds the attributions of a segmented article whose parties are known.
pub fn find_claims(w: &Annotated, parties: &Parties, focus: &LazyFocus) -> Vec<ClaimRecord> {
    let q = w.quotes();
    let mut drafts = frames::attributions(w, q);
    drafts.retain(|d| d.content.iter().any(|s| !s.is_empty()));
    for d in &mut drafts {
        d.content.retain(|s| !s.is_empty());
    }
    inherit_sources(&mut drafts);
    join_continuations(w, q, &mut drafts);
    clip_coordinated(w, &mut drafts);
    drop_nested(w, &mut drafts);
    let genders = resolve::Genders::new(w, parties);
    let who = resolve::Who { w, parties, genders: &genders };
    let mut said: Vec<Said> = Vec::new();
    let mut claims = Vec::with_capacity(drafts.len());
    let mut last_group: Option<LastGroup> = None;
    for d in &drafts {
        // A source standing for several parties ("Both sides", "Peru and Chile") gets them all,
        // and so does a "they" right after it; it is no antecedent for a later "he".
        let group = d.source.and_then(|(a, b)| {
            groups::source_parties(w, parties, focus, a, b)
                .or_else(|| group_pronoun(w, parties, (a, b), d.sentence, last_group.as_ref(), &said))
        });
        if let Some(list) = &group {
            last_group = Some(LastGroup { sentence: d.sentence, at: d.cue.0, parties: list.clone() });
        }
        let speakers = group.unwrap_or_else(|| {
            let one = d.source.and_then(|(a, b)| resolve::speaker(&who, a, b, d.cue.0, d.sentence, &said));
            if let Some(party) = one {
                let head = d.source.map_or(0, |(_, b)| b.saturating_sub(1));
                said.push(Said { sentence: d.sentence, party, at: d.cue.0, head });
            }
            one.into_iter().collect()
        });
        claims.push(build(w, parties, focus, d, &speakers));
    }
    claims
}

/// The last claim made by a group speaker.
struct LastGroup {
    sentence: usize,
    /// Token of its cue.
    at: usize,
    parties: Vec<usize>,
}

/// "They"/"we" right after a group speaker (within two sentences, with no single country or
/// body speaking between) stands for the same group: "Both sides said the talks were useful.
/// They added that more were planned."
fn group_pronoun(
    w: &Annotated,
    parties: &Parties,
    (a, b): (usize, usize),
    sentence: usize,
    last: Option<&LastGroup>,
    said: &[Said],
) -> Option<Vec<usize>> {
    let last = last?;
    if b != a + 1 || !w.is(a, class::PLURAL) || sentence.saturating_sub(last.sentence) > 2 {
        return None;
    }
    let person = |p: usize| parties.list.get(p).is_some_and(|r| r.kind == super::model::PartyKind::Person);
    // A few claims back at most, so a text with no sentence stops stays linear.
    let since: Vec<&Said> = said.iter().rev().take(8).take_while(|s| s.at > last.at).collect();
    if since.len() == 8 {
        return None;
    }
    let other = since.iter().any(|s| !person(s.party));
    (!other).then(|| last.parties.clone())
}

/// A participle or coordinated cue (", adding that ...", "... and called ...") takes the source
/// of the claim before it in the same sentence: "She said the talks failed, adding that more
/// were planned." Without one it keeps the sentence's subject found by the frames.
fn inherit_sources(drafts: &mut [Draft]) {
    for k in 0..drafts.len() {
        if !drafts[k].inherit {
            continue;
        }
        let prev = k.checked_sub(1).map(|j| &drafts[j]).filter(|p| p.sentence == drafts[k].sentence);
        if let Some(source) = prev.and_then(|p| p.source) {
            drafts[k].source = Some(source);
        }
    }
}

/// A quotation that opens the next sentence with no cue of its own goes on the same speaker's
/// words: “We are ready,” she said. “The rest is up to them.”
fn join_continuations(w: &Annotated, q: &Quotes, drafts: &mut [Draft]) {
    let doc = w.doc();
    for k in 0..drafts.len() {
        if !drafts[k].direct {
            continue;
        }
        let Some(last) = drafts[k].content.last().copied() else { continue };
        let at = q.list.partition_point(|x| x.inner.start < last.start);
        let Some(q1) = q.list.get(at).filter(|x| x.inner == last) else { continue };
        // The quotation must close the cue's sentence (nothing but the source and cue after it).
        let Some(sent) = doc.sentences.get(drafts[k].sentence) else { continue };
        let next = sent.tokens.end.max(q1.close + 1);
        // Wire copy of one sentence a line opens the next quotation at the end of this line:
        // "..., said Cotti, the foreign minister. "⏎Our mission ...".
        let line_end_quote = (next > q1.close + 1).then(|| q.opening_at(next - 1)).flatten();
        let Some(q2) = q.opening_at(next).or(line_end_quote) else { continue };
        let own_end = doc.sentences.get(w.sentence(q2.close)).map_or(q2.close, |s| s.tokens.end);
        // Drafts are in cue order: the first one at or after the quotation decides.
        let later = drafts.partition_point(|d| d.cue.0 < q2.open);
        let has_cue = drafts.get(later).is_some_and(|d| d.cue.0 < own_end);
        let used = drafts[k + 1..].iter().take(4).any(|d| d.content.contains(&q2.inner));
        if !has_cue && !used && q1.close < next {
            drafts[k].content.push(q2.inner);
        }
    }
}

/// A reported clause ends where a coordinated attribution begins:
/// "She said the talks failed, and he said they would resume" gives two claims.
fn clip_coordinated(w: &Annotated, drafts: &mut [Draft]) {
    for k in 1..drafts.len() {
        if drafts[k].sentence != drafts[k - 1].sentence {
            continue;
        }
        let prev_cue_end = drafts[k - 1].cue.1;
        // A source before the previous cue is shared ("He accused X of Y and said Z"): cut at the cue.
        let start = match drafts[k].source {
            Some((a, _)) if a >= prev_cue_end => a.min(drafts[k].cue.0),
            _ => drafts[k].cue.0,
        };
        // The conjunction or comma joining the two: "..., and he said", "... and later said".
        let joint = (start.saturating_sub(6).max(prev_cue_end)..start).rev().find(|&j| {
            w.is_punct(j, ",") || w.is_punct(j, ";") || matches!(w.lower(j), "and" | "but" | "while")
        });
        let Some(joint) = joint else { continue };
        let cut = w.span(joint).start;
        let prev = &mut drafts[k - 1];
        if let Some(last) = prev.content.last_mut() {
            if last.start < cut && cut < last.end {
                *last = Span::new(last.start, cut).trim(w.doc().text, &[',', ';']);
            }
        }
    }
}

/// How many earlier claims of the same sentence a cue is checked against in [`drop_nested`].
const NESTED_WINDOW: usize = 8;

/// One claim per outermost attribution (C19): a cue inside the reported content of another
/// claim of its sentence is dropped, whether that claim comes first ("Half said they think the
/// plan fails" → "think" is no claim of its own) or closes the sentence ("The vote is not
/// expected before May, officials said" → only "said"). Of two claims that each hold the
/// other's cue the first stays ("Lind said on Friday that ..., the agency said": the outlet
/// relays Lind, C8). Each cue is checked against at most [`NESTED_WINDOW`] claims on either
/// side.
fn drop_nested(w: &Annotated, drafts: &mut Vec<Draft>) {
    let cue_at = |d: &Draft| w.span(d.cue.0).start;
    let holds = |outer: &Draft, inner: &Draft| {
        !outer.direct
            && outer.sentence == inner.sentence
            && outer.content.iter().any(|c| c.start <= cue_at(inner) && cue_at(inner) < c.end)
    };
    // "“…,” Holm said, according to Vardby Radio" / "…, Brel said, NTV reported": a report
    // cue after a sourced claim it holds relays that speaker (C8), so the relayed claim stays
    // and the relay goes; "According to Norland sources, Castavia insisted ..." keeps the
    // outer claim (C19).
    let relays = |outer: &Draft, inner: &Draft| {
        outer.class == CueClass::Report && cue_at(outer) > cue_at(inner) && inner.source.is_some()
    };
    // "Trump said: “...,” the Times reported": the relay holds no cue but the same words.
    let same_words = |a: &Draft, b: &Draft| {
        a.sentence == b.sentence && a.content.iter().any(|x| b.content.iter().any(|y| x.overlaps(*y)))
    };
    let mut keep = vec![true; drafts.len()];
    for k in 0..drafts.len() {
        let near = k.saturating_sub(NESTED_WINDOW)..(k + 1 + NESTED_WINDOW).min(drafts.len());
        let (inner, outer) = (&drafts[k], |j: usize| &drafts[j]);
        let nested = near.clone().filter(|&j| j != k && (j > k || keep[j])).any(|j| {
            holds(outer(j), inner) && !relays(outer(j), inner) && (j < k || !holds(inner, outer(j)))
        });
        let relay = near
            .filter(|&j| j != k)
            .any(|j| (holds(inner, outer(j)) || same_words(inner, outer(j))) && relays(inner, outer(j)));
        keep[k] = !nested && !relay;
    }
    let mut flags = keep.into_iter();
    drafts.retain(|_| flags.next().unwrap_or(true));
}

/// How the speakers were found from the source: a name in it, a description naming its
/// party, a group phrase, or a pronoun or role noun resolved by context.
fn basis(parties: &Parties, source: Option<Span>, speakers: &[usize]) -> SpeakerBasis {
    let Some(source) = source.filter(|_| !speakers.is_empty()) else { return SpeakerBasis::None };
    if speakers.len() > 1 {
        return SpeakerBasis::Group;
    }
    let inside = parties.within(source);
    if inside.iter().any(|m| m.form.is_name() && speakers.contains(&m.party)) {
        SpeakerBasis::Name
    } else if inside.iter().any(|m| speakers.contains(&m.party)) {
        SpeakerBasis::Description
    } else {
        SpeakerBasis::Reference
    }
}

fn build(w: &Annotated, parties: &Parties, focus: &LazyFocus, d: &Draft, speakers: &[usize]) -> ClaimRecord {
    let mut targets: Vec<usize> = Vec::new();
    // The parties named in the content, then those a group phrase in it stands for ("urged
    // both sides to ..."), looked for in the cue's sentence only and, so that a text with no
    // sentence stops stays linear, no further from the cue than a reported clause reaches.
    let named =
        d.content.iter().flat_map(|piece| parties.within(*piece).iter().map(|m| m.party)).collect::<Vec<_>>();
    let sentence = w.doc().sentences.get(d.sentence).map_or(0..0, |s| s.tokens.clone());
    let from = sentence.start.max(d.cue.0.saturating_sub(frames::MAX_CONTENT));
    let to = sentence.end.min(d.cue.1 + frames::MAX_CONTENT);
    for p in named.into_iter().chain(focus.all_in(from, to, &d.content)) {
        if !speakers.contains(&p) && !targets.contains(&p) {
            targets.push(p);
        }
    }
    let source = d.source.map(|(a, b)| w.range(a, b));
    ClaimRecord {
        basis: basis(parties, source, speakers),
        speakers: speakers.iter().copied().map(PartyId::of).collect(),
        source,
        cue: w.range(d.cue.0, d.cue.1),
        content: d.content.clone(),
        direct: d.direct,
        targets: targets.into_iter().map(PartyId::of).collect(),
        class: d.class,
        sentence: d.sentence,
    }
}
