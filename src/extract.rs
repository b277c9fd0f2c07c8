//! The extraction core: article text in, [`Extraction`] out.
//!
//! Plain Rust with no web dependencies, deterministic, linear in the length of the text, and
//! panic-free on any input. The same code runs natively (the `extract` CLI, the tests, the
//! benchmark) and in the browser.
//!
//! The pipeline has four stages, one module each, every one with a single entry point:
//!
//! 1. [`segment`]: sentences and tokens with byte spans ([`segment::segment`]).
//! 2. [`parties`]: actors with merged aliases and every mention ([`parties::find_parties`]).
//! 3. [`claims`]: who said what about whom ([`claims::find_claims`]).
//! 4. [`outcomes`]: what was agreed, failed or is pending ([`outcomes::find_outcomes`]).
//!
//! Word lists live as data files under `src/extract/data/`, read by [`lexicon`].
// Kept small on purpose: the thresholds live in clippy.toml (60 lines, complexity 20) and
// `cargo clippy --all-targets -- -D warnings` in scripts/test enforces them on the core.
#![warn(clippy::too_many_lines, clippy::cognitive_complexity)]

pub mod annotate;
pub mod claims;
pub mod confidence;
pub mod groups;
pub mod input;
pub mod language;
pub mod lexicon;
pub mod model;
pub mod outcomes;
pub mod par;
pub mod parties;
pub mod readable;
pub mod records;
pub mod segment;
pub mod span;
pub mod tagger;

pub use model::{
    Claim, Confidence, Content, CueClass, Extraction, Figure, NameEvidence, Outcome, Party, PartyKind,
    SpeakerBasis, Status,
};
pub use span::{Span, TextSpan};

/// Extracts the parties, claims and outcomes of one article.
///
/// Never panics; every span in the result lies on `char` boundaries of `text`.
pub fn analyze(text: &str) -> Extraction {
    // 0. English rules misfire on other languages: extract nothing rather than odd cards.
    if !language::looks_english(text) {
        let sentences = segment::segment(text).sentences.iter().map(|s| s.span).collect();
        return Extraction { sentences, ..Extraction::default() };
    }
    analyze_as_english(text)
}

/// [`analyze`] without the language gate: every stage runs whatever the text looks like.
///
/// For the cost and fuzz tests, which must reach every stage with text the gate would stop
/// (a page of "A. A. A." is not English, yet its cost must stay linear).
pub fn analyze_as_english(text: &str) -> Extraction {
    // 1. Sentences and tokens, with offsets into `text`.
    let doc = segment::segment(text);
    // 2. Actors: names, aliases, roles, affiliations and every mention; beside them, the
    // prepared document the later stages share: word classes, capitalisation and cue
    // buckets per token. A long article builds the two at once (see [`par`]).
    let (parties, words) =
        par::join_for(text.len(), || parties::find_parties(&doc), || annotate::Annotated::new(&doc));
    // The group phrases' referents, worked out on first use.
    let focus = groups::LazyFocus::new(&words, &parties);
    // 3. Attributions: speaker, cue and content, resolved to parties.
    let claims = claims::find_claims(&words, &parties, &focus);
    // 4. Agreements, failures and plans, with the parties involved and any figures; beside
    // them, a long article's parties and claims are exported (they are settled now).
    let (outcomes, (parties, claims)) = par::join_for(
        text.len(),
        || outcomes::find_outcomes(&words, &parties, &focus, &claims),
        || (model::export_parties(text, &parties, &claims), model::export_claims(text, &claims)),
    );
    let sentences = doc.sentences.iter().map(|s| s.span).collect();
    let outcomes = model::export_outcomes(text, &outcomes);
    // 5. How sure each card is, from the features that make it likely right.
    confidence::rate(Extraction { parties, claims, outcomes, sentences }.without_unmentioned_parties())
}

/// The extraction as pretty-printed JSON, exactly as `extract FILE` prints it and the UI
/// downloads it.
pub fn to_json(extraction: &Extraction) -> String {
    // News prints about 4.7 bytes of JSON a byte of text: reserving that up front saves the
    // copies (and, natively, the fresh pages) of growing a 50 MB buffer by doubling.
    let text = extraction.sentences.last().map_or(0, |s| s.end);
    let mut out = Vec::with_capacity(text.saturating_mul(5).saturating_add(4096));
    match serde_json::to_writer_pretty(&mut out, extraction) {
        // serde_json writes valid UTF-8 only.
        Ok(()) => String::from_utf8(out).unwrap_or_else(|_| "{}".to_owned()),
        Err(_) => "{}".to_owned(),
    }
}
