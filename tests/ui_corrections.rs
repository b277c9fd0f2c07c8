//! Native tests of the analyst's corrections (src/ui/corrections.rs) and their undo and redo
//! in the reducer (src/ui/state.rs). The extraction is built by hand, as in tests/ui_logic.rs,
//! so these tests do not move when the extractor improves.
#![cfg(not(target_arch = "wasm32"))]
#![cfg(feature = "ui")]

use article_explorer::extract::records::{Confidence, SpeakerBasis};
use article_explorer::extract::{
    Claim, Content, CueClass, Extraction, Outcome, Party, PartyKind, Span, Status, TextSpan,
};
use article_explorer::ui::cards::CardType;
use article_explorer::ui::corrections::{self, Correction};
use article_explorer::ui::state::{Action, Phase, Saved, State};
use std::rc::Rc;

/// Made up, in news style.
const TEXT: &str = "Ruritania and Castavia signed a river accord on Monday. “We are relieved,” said Ana Petrov, \
the Ruritanian envoy. Petrov accused Castavia of stalling. Talks on fishing failed. Both sides will meet in May.";

fn span(needle: &str) -> TextSpan {
    let start = TEXT.find(needle).expect(needle);
    TextSpan::of(TEXT, Span::new(start, start + needle.len()))
}

/// The last occurrence of `needle` ("Petrov" alone, after "Ana Petrov").
fn last(needle: &str) -> TextSpan {
    let start = TEXT.rfind(needle).expect(needle);
    TextSpan::of(TEXT, Span::new(start, start + needle.len()))
}

fn party(id: &str, name: &str, kind: PartyKind, aliases: &[&str], mentions: &[&str]) -> Party {
    Party {
        id: id.into(),
        name: name.into(),
        kind,
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        mentions: mentions.iter().map(|m| span(m)).collect(),
        role: None,
        affiliation: None,
        salience: 0.5,
        evidence: vec![],
        confidence: Confidence::High,
    }
}

fn claim(id: &str, speaker: &str, source: &str, content: &str, targets: &[&str]) -> Claim {
    Claim {
        id: id.into(),
        speaker: Some(speaker.into()),
        speakers: vec![speaker.into()],
        source: Some(span(source)),
        cue: span("said"),
        content: Content::One(span(content)),
        text: content.into(),
        direct: true,
        targets: targets.iter().map(|t| t.to_string()).collect(),
        cue_class: CueClass::Say,
        sentence: 1,
        basis: SpeakerBasis::Name,
        confidence: Confidence::High,
    }
}

fn outcome(id: &str, status: Status, evidence: &str, parties: &[&str]) -> Outcome {
    Outcome {
        id: id.into(),
        status,
        summary: evidence.into(),
        parties: parties.iter().map(|p| p.to_string()).collect(),
        figures: vec![],
        evidence: span(evidence),
        asserted: true,
        claim: None,
        sentence: 0,
        trigger: span(evidence),
        signal: None,
        rule: String::new(),
        confidence: Confidence::High,
    }
}

/// Ana Petrov and "Petrov" are one party here, as the extractor would merge them; the test of
/// splitting takes "Petrov" off again.
fn raw() -> Extraction {
    let mut ex = Extraction {
        parties: vec![
            party("p1", "Ruritania", PartyKind::Country, &[], &["Ruritania"]),
            party("p2", "Castavia", PartyKind::Country, &[], &["Castavia"]),
            party("p3", "Ana Petrov", PartyKind::Person, &["Petrov"], &["Ana Petrov", "Ana Petrov"]),
        ],
        claims: vec![
            claim("c1", "p3", "Ana Petrov", "We are relieved", &[]),
            claim("c2", "p3", "Ana Petrov", "Castavia of stalling", &["p2"]),
        ],
        outcomes: vec![
            outcome("o1", Status::Agreed, "signed a river accord", &["p1", "p2"]),
            outcome("o2", Status::Failed, "Talks on fishing failed", &[]),
            outcome("o3", Status::Pending, "Both sides will meet in May", &["p1", "p2"]),
        ],
        sentences: vec![],
    };
    ex.parties[2].mentions[1] = last("Petrov");
    ex.claims[1].source = Some(last("Petrov"));
    ex
}

fn names(ex: &Extraction) -> Vec<&str> {
    ex.parties.iter().map(|p| p.name.as_str()).collect()
}

fn ids(list: &[String]) -> Vec<&str> {
    list.iter().map(String::as_str).collect()
}

/// One correction and what must hold after it.
struct Row {
    name: &'static str,
    correction: fn() -> Correction,
    check: fn(&Extraction),
}

const ROWS: &[Row] = &[
    Row {
        name: "rename: the name changes, the id and mentions stay",
        correction: || Correction::Rename { party: "p1".into(), name: " Kingdom of Ruritania ".into() },
        check: |ex| {
            assert_eq!(names(ex), ["Kingdom of Ruritania", "Castavia", "Ana Petrov"]);
            assert_eq!(ex.parties[0].id, "p1");
            assert_eq!(ex.parties[0].mentions.len(), 1);
        },
    },
    Row {
        name: "merge: the party goes, its names, mentions and references move over",
        correction: || Correction::Merge { party: "p2".into(), into: "p1".into() },
        check: |ex| {
            assert_eq!(names(ex), ["Ruritania", "Ana Petrov"]);
            assert_eq!(ex.parties[0].aliases, ["Castavia"]);
            assert_eq!(ex.parties[0].mentions.len(), 2, "Ruritania and Castavia");
            assert_eq!(ids(&ex.claims[1].targets), ["p1"]);
            assert_eq!(ids(&ex.outcomes[0].parties), ["p1"], "no party twice");
        },
    },
    Row {
        name: "split alias: a new party with the mentions written that way, and its claims",
        correction: || Correction::SplitAlias { party: "p3".into(), alias: "Petrov".into() },
        check: |ex| {
            assert_eq!(names(ex), ["Ruritania", "Castavia", "Ana Petrov", "Petrov"]);
            let new = &ex.parties[3];
            assert_eq!((new.id.as_str(), new.kind, new.mentions.len()), ("p4", PartyKind::Person, 1));
            assert!(ex.parties[2].aliases.is_empty());
            assert_eq!(ex.parties[2].mentions.len(), 1);
            assert_eq!(ex.claims[0].speaker.as_deref(), Some("p3"), "said by Ana Petrov");
            assert_eq!(ex.claims[1].speaker.as_deref(), Some("p4"), "said by Petrov");
        },
    },
    Row {
        name: "change kind",
        correction: || Correction::SetKind { party: "p2".into(), kind: PartyKind::Organization },
        check: |ex| assert_eq!(ex.parties[1].kind, PartyKind::Organization),
    },
    Row {
        name: "delete a party: it leaves every claim and outcome",
        correction: || Correction::Delete { card: CardType::Party, id: "p3".into() },
        check: |ex| {
            assert_eq!(names(ex), ["Ruritania", "Castavia"]);
            assert_eq!((ex.claims[0].speaker.as_deref(), ex.claims[0].speakers.len()), (None, 0));
        },
    },
    Row {
        name: "delete a claim: the others keep their ids",
        correction: || Correction::Delete { card: CardType::Claim, id: "c1".into() },
        check: |ex| assert_eq!(ex.claims.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(), ["c2"]),
    },
    Row {
        name: "delete an outcome",
        correction: || Correction::Delete { card: CardType::Outcome, id: "o2".into() },
        check: |ex| assert_eq!(ex.outcomes.iter().map(|o| o.id.as_str()).collect::<Vec<_>>(), ["o1", "o3"]),
    },
    Row {
        name: "reassign a claim's speaker",
        correction: || Correction::SetSpeaker { claim: "c2".into(), speaker: Some("p1".into()) },
        check: |ex| {
            assert_eq!(ex.claims[1].speaker.as_deref(), Some("p1"));
            assert_eq!(ids(&ex.claims[1].speakers), ["p1"]);
        },
    },
    Row {
        name: "a claim made unattributed",
        correction: || Correction::SetSpeaker { claim: "c1".into(), speaker: None },
        check: |ex| assert!(ex.claims[0].speaker.is_none() && ex.claims[0].speakers.is_empty()),
    },
    Row {
        name: "reassign a claim's targets (unknown ids dropped)",
        correction: || Correction::SetTargets {
            claim: "c1".into(),
            targets: vec!["p2".into(), "p9".into(), "p1".into()],
        },
        check: |ex| assert_eq!(ids(&ex.claims[0].targets), ["p2", "p1"]),
    },
    Row {
        name: "change an outcome's status",
        correction: || Correction::SetStatus { outcome: "o3".into(), status: Status::Failed },
        check: |ex| assert_eq!(ex.outcomes[2].status, Status::Failed),
    },
];

#[test]
fn each_correction_changes_what_it_says() {
    for row in ROWS {
        let (ex, changes) = corrections::apply(&raw(), &[(row.correction)()]);
        assert_eq!(changes.len(), 1, "{}: applied", row.name);
        assert!(!changes[0].note.is_empty(), "{}: has a note", row.name);
        (row.check)(&ex);
    }
}

#[test]
fn corrections_that_name_nothing_are_skipped() {
    let gone = [
        Correction::Rename { party: "p9".into(), name: "X".into() },
        Correction::Rename { party: "p1".into(), name: "  ".into() },
        Correction::Merge { party: "p1".into(), into: "p1".into() },
        Correction::SplitAlias { party: "p1".into(), alias: "Petrov".into() },
        Correction::Delete { card: CardType::Claim, id: "c7".into() },
        Correction::SetStatus { outcome: "o1".into(), status: Status::Agreed },
        Correction::SetSpeaker { claim: "c1".into(), speaker: Some("p9".into()) },
    ];
    let (ex, changes) = corrections::apply(&raw(), &gone);
    assert!(changes.is_empty());
    assert_eq!(ex, raw());
}

#[test]
fn later_corrections_find_what_earlier_ones_made() {
    let list = [
        Correction::SplitAlias { party: "p3".into(), alias: "Petrov".into() },
        Correction::Rename { party: "p4".into(), name: "Ivan Petrov".into() },
        Correction::Delete { card: CardType::Party, id: "p2".into() },
        Correction::SetTargets { claim: "c2".into(), targets: vec!["p4".into()] },
    ];
    let (ex, changes) = corrections::apply(&raw(), &list);
    assert_eq!(changes.len(), 4);
    assert_eq!(names(&ex), ["Ruritania", "Ana Petrov", "Ivan Petrov"]);
    assert_eq!(ids(&ex.claims[1].targets), ["p4"]);
}

#[test]
fn an_uncorrected_export_is_the_cli_json_and_a_corrected_one_says_what_changed() {
    let ex = raw();
    assert_eq!(corrections::to_json(&ex, &[]), article_explorer::extract::to_json(&ex));
    let (fixed, changes) =
        corrections::apply(&ex, &[Correction::SetStatus { outcome: "o2".into(), status: Status::Pending }]);
    let json: serde_json::Value = serde_json::from_str(&corrections::to_json(&fixed, &changes)).unwrap();
    assert_eq!(json["edited"], true);
    assert_eq!(json["corrections"][0]["action"], "set_status");
    assert_eq!(json["corrections"][0]["outcome"], "o2");
    assert_eq!(json["corrections"][0]["note"], "Status of o2 changed from failed to pending");
    assert_eq!(json["outcomes"][1]["status"], "pending");
    // The fields of the extraction come first, in the CLI's order.
    let text = corrections::to_json(&fixed, &changes);
    assert!(text.find("\"parties\"") < text.find("\"edited\""));
}

/// A state with `TEXT` analysed as `raw()`.
fn analysed() -> State {
    let s = State::default().apply(Action::Edit(Rc::from(TEXT)));
    analyse(s)
}

fn analyse(s: State) -> State {
    let (version, text) = (s.version, s.text.clone());
    s.apply(Action::Analysed { version, text, extraction: Rc::new(raw()), millis: 1.0 })
}

#[test]
fn reducer_corrects_undoes_and_redoes() {
    let s = analysed();
    assert!(Rc::ptr_eq(&s.extraction, &s.raw), "no corrections: the extractor's own result");
    let s = s
        .apply(Action::Correct(Correction::Rename { party: "p2".into(), name: "Castavian Republic".into() }))
        .apply(Action::Correct(Correction::Delete { card: CardType::Outcome, id: "o1".into() }));
    assert_eq!(s.extraction.parties[1].name, "Castavian Republic");
    assert_eq!(s.extraction.outcomes.len(), 2);
    assert_eq!(s.history.undo_label(), Some("delete"));
    let s = s.apply(Action::Undo);
    assert_eq!(s.extraction.outcomes.len(), 3);
    assert_eq!(s.history.redo_label(), Some("delete"));
    let s = s.apply(Action::Undo);
    assert_eq!(s.extraction.parties[1].name, "Castavia");
    assert!(s.changes.is_empty());
    assert_eq!(s.phase, Phase::Ready, "same text: nothing to re-extract");
    let s = s.apply(Action::Redo);
    assert_eq!(s.extraction.parties[1].name, "Castavian Republic");
    // A new correction forgets what was undone.
    let s = s.apply(Action::Correct(Correction::SetKind { party: "p1".into(), kind: PartyKind::Place }));
    assert_eq!(s.history.redo_label(), None);
    assert_eq!(s.changes.len(), 2);
}

#[test]
fn clear_and_the_sample_are_undoable() {
    let s = analysed().apply(Action::Correct(Correction::Delete { card: CardType::Claim, id: "c1".into() }));
    let cleared = s.apply(Action::Reset);
    assert!(cleared.text.is_empty() && cleared.corrections.is_empty());
    assert_eq!(cleared.history.undo_label(), Some("Clear"));
    let back = analyse(cleared.apply(Action::Undo));
    assert_eq!(&*back.text, TEXT);
    assert_eq!(back.extraction.claims.len(), 1, "the correction came back with the text");
    let sample = include_str!("../static/sample.txt");
    let s = back.apply(Action::LoadPage(Rc::from(sample), None));
    assert_eq!(s.history.undo_label(), Some("Try a sample"));
    let s = s.apply(Action::Undo);
    assert_eq!(&*s.text, TEXT);
    assert_eq!(s.corrections.len(), 1);
}

#[test]
fn typing_is_one_undo_step_and_sets_corrections_aside() {
    let s =
        analysed().apply(Action::Correct(Correction::SetKind { party: "p1".into(), kind: PartyKind::Place }));
    let s = s.apply(Action::Edit(Rc::from(format!("{TEXT} More"))));
    let s = s.apply(Action::Edit(Rc::from(format!("{TEXT} More text"))));
    assert!(s.corrections.is_empty(), "corrections belong to the text they were made on");
    let s = analyse(s);
    assert_eq!(s.extraction.parties[0].kind, PartyKind::Country);
    let s = analyse(s.apply(Action::Undo));
    assert_eq!(&*s.text, TEXT, "both keystrokes undone in one step");
    assert_eq!(s.extraction.parties[0].kind, PartyKind::Place);
}

#[test]
fn corrections_are_saved_with_the_article() {
    let s = analysed().apply(Action::Correct(Correction::Merge { party: "p2".into(), into: "p1".into() }));
    let json = serde_json::to_string(&s.saved()).unwrap();
    let back: Saved = serde_json::from_str(&json).unwrap();
    let restored = analyse(State::default().apply(Action::Restore(back)));
    assert_eq!(names(&restored.extraction), ["Ruritania", "Ana Petrov"]);
    assert_eq!(restored.changes.len(), 1);
    // An uncorrected article saves no corrections field at all.
    assert!(!serde_json::to_string(&analysed().saved()).unwrap().contains("corrections"));
}
