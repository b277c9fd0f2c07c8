//! Native tests of the UI's plain logic: the reducer, the filters and their counts, the
//! exports. The extraction here is built by hand, so these tests do not move when the
//! extractor improves.
#![cfg(not(target_arch = "wasm32"))] // native only: files, processes, proptest
#![cfg(feature = "ui")]

use article_explorer::extract::{
    Claim, Confidence, Content, CueClass, Extraction, Outcome, Party, PartyKind, Span, SpeakerBasis, Status,
    TextSpan,
};
use article_explorer::ui::cards::CardType;
use article_explorer::ui::export::{to_csv, to_markdown};
use article_explorer::ui::filter::{Facet, Filters, Index, Relation, Sort, Speech};
use article_explorer::ui::state::{check_input, Action, InputCheck, Phase, Saved, State};
use std::rc::Rc;

const TEXT: &str = "Ghana and Togo signed a deal. “We are pleased,” Mensah said. Togo accused Ghana of delay. Talks on the border failed. Both will meet in May.";

fn span(needle: &str) -> TextSpan {
    let start = TEXT.find(needle).expect(needle);
    TextSpan::of(TEXT, Span::new(start, start + needle.len()))
}

fn party(id: &str, name: &str, kind: PartyKind, mentions: &[&str], salience: f32) -> Party {
    Party {
        id: id.into(),
        name: name.into(),
        kind,
        aliases: vec![],
        mentions: mentions.iter().map(|m| span(m)).collect(),
        role: None,
        affiliation: None,
        salience,
        evidence: vec![],
        confidence: Confidence::Medium,
    }
}

fn claim(id: &str, speaker: &str, cue: &str, content: &str, direct: bool, targets: &[&str]) -> Claim {
    Claim {
        id: id.into(),
        speaker: Some(speaker.into()),
        speakers: vec![speaker.into()],
        source: None,
        cue: span(cue),
        content: Content::One(span(content)),
        text: content.into(),
        direct,
        targets: targets.iter().map(|t| t.to_string()).collect(),
        cue_class: CueClass::Say,
        sentence: 0,
        basis: SpeakerBasis::Name,
        confidence: Confidence::Medium,
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
        confidence: Confidence::Medium,
    }
}

fn sample() -> Extraction {
    Extraction {
        parties: vec![
            party("p1", "Ghana", PartyKind::Country, &["Ghana"], 1.0),
            party("p2", "Togo", PartyKind::Country, &["Togo"], 0.8),
            party("p3", "Ama Mensah", PartyKind::Person, &["Mensah"], 0.5),
        ],
        claims: vec![
            claim("c1", "p3", "said", "We are pleased", true, &[]),
            claim("c2", "p2", "accused", "Ghana of delay", false, &["p1"]),
        ],
        outcomes: vec![
            outcome("o1", Status::Agreed, "Ghana and Togo signed a deal", &["p1", "p2"]),
            outcome("o2", Status::Failed, "Talks on the border failed", &[]),
            outcome("o3", Status::Pending, "Both will meet in May", &["p1", "p2"]),
        ],
        sentences: vec![],
    }
}

fn ids(ex: &Extraction, f: &Filters) -> Vec<String> {
    Index::new(Rc::new(ex.clone())).visible(f).into_iter().map(|c| c.id(ex)).collect()
}

/// One filter setting and the card ids it must show, in order.
struct Case {
    name: &'static str,
    filters: fn() -> Filters,
    expect: &'static [&'static str],
}

macro_rules! case {
    ($name:expr, $f:expr, [$($id:expr),*]) => {
        Case { name: $name, filters: $f, expect: &[$($id),*] }
    };
}

#[test]
fn filters_show_the_right_cards() {
    let cases = [
        case!(
            "defaults: everything in article order",
            Filters::default,
            ["p1", "o1", "p2", "p3", "c1", "c2", "o2", "o3"]
        ),
        case!(
            "claims only",
            || Filters { types: [CardType::Claim].into(), ..Filters::default() },
            ["c1", "c2"]
        ),
        case!(
            "party chip: cards involving Ghana",
            || Filters { parties: ["Ghana".to_owned()].into(), ..Filters::default() },
            ["p1", "o1", "c2", "o3"]
        ),
        case!(
            "two chips are OR",
            || Filters { parties: ["Ama Mensah".to_owned(), "Togo".to_owned()].into(), ..Filters::default() },
            ["o1", "p2", "p3", "c1", "c2", "o3"]
        ),
        case!(
            "status: failed hides other outcomes only",
            || Filters {
                statuses: [Status::Failed].into(),
                types: [CardType::Outcome].into(),
                ..Filters::default()
            },
            ["o2"]
        ),
        case!(
            "direct claims",
            || Filters { speech: Speech::Direct, types: [CardType::Claim].into(), ..Filters::default() },
            ["c1"]
        ),
        case!(
            "reported claims",
            || Filters { speech: Speech::Reported, types: [CardType::Claim].into(), ..Filters::default() },
            ["c2"]
        ),
        case!(
            "search is case-insensitive, all words",
            || Filters { query: "GHANA delay".into(), ..Filters::default() },
            ["c2"]
        ),
        case!(
            "search matches a speaker's name",
            || Filters { query: "mensah".into(), types: [CardType::Claim].into(), ..Filters::default() },
            ["c1"]
        ),
        case!(
            "sort by salience: Ghana's cards first",
            || Filters { sort: Sort::Salience, types: [CardType::Party].into(), ..Filters::default() },
            ["p1", "p2", "p3"]
        ),
        case!(
            "sort by party: the most salient party's group first, partyless last",
            || Filters {
                sort: Sort::Party,
                types: [CardType::Outcome, CardType::Claim].into(),
                ..Filters::default()
            },
            ["o1", "o3", "c2", "c1", "o2"]
        ),
        case!(
            "relation: Togo's claims about Ghana, their outcomes and the two parties",
            || Filters {
                relation: Some(Relation { from: "Togo".into(), to: "Ghana".into() }),
                ..Filters::default()
            },
            ["p1", "o1", "p2", "c2", "o3"]
        ),
        case!(
            "relation the other way round: no claim, still the outcomes",
            || Filters {
                relation: Some(Relation { from: "Ghana".into(), to: "Togo".into() }),
                types: [CardType::Claim].into(),
                ..Filters::default()
            },
            []
        ),
        case!("no type shown, no cards", || Filters { types: Default::default(), ..Filters::default() }, []),
    ];
    let ex = sample();
    for case in cases {
        assert_eq!(ids(&ex, &(case.filters)()), case.expect, "{}", case.name);
    }
}

#[test]
fn hide_low_hides_only_low_confidence_cards() {
    let mut ex = sample();
    ex.claims[0].confidence = Confidence::Low;
    ex.outcomes[1].confidence = Confidence::Low;
    ex.parties[0].confidence = Confidence::High;
    let f = Filters { hide_low: true, ..Filters::default() };
    assert_eq!(ids(&ex, &f), ["p1", "o1", "p2", "p3", "c2", "o3"]);
    assert!(f.is_active() && !f.cleared(Facet::Confidence).hide_low);
    let s = State::default().apply(Action::SetHideLow(true));
    assert!(s.filters.hide_low);
}

#[test]
fn an_arrow_replaces_the_party_chips_and_a_chip_the_arrow() {
    let arrow = Relation { from: "Togo".into(), to: "Ghana".into() };
    let s = State::default()
        .apply(Action::ToggleParty("Ghana".into()))
        .apply(Action::SetRelation(Some(arrow.clone())));
    assert!(s.filters.parties.is_empty());
    assert_eq!(s.filters.relation, Some(arrow));
    let s = s.apply(Action::OnlyParty("Togo".into()));
    assert_eq!(s.filters.relation, None);
    assert!(s.filters.parties.contains("Togo"));
}

#[test]
fn counts_leave_their_own_facet_out() {
    let ex = sample();
    let f = Filters {
        types: [CardType::Claim].into(),
        parties: ["Togo".to_owned()].into(),
        ..Filters::default()
    };
    let counts = Index::new(Rc::new(ex)).counts(&f);
    assert_eq!(counts.visible, 1, "only Togo's accusation");
    // The type counts ignore the type filter but keep the party chip.
    assert_eq!(
        (counts.of_type(CardType::Party), counts.of_type(CardType::Claim), counts.of_type(CardType::Outcome)),
        (1, 1, 2)
    );
    // The party counts ignore the chips but keep the type filter.
    assert_eq!((counts.of_party("Ghana"), counts.of_party("Togo"), counts.of_party("Ama Mensah")), (1, 1, 1));
    assert_eq!(counts.of_speech(Speech::All), 1);
}

/// What the index notes once per extraction (issue 14: a filter change over 20,000 cards
/// reads these numbers): the parties of each claim and outcome as indices, a party's claims,
/// and the visible count without a sort, equal to the sorted list's length.
#[test]
fn the_index_gives_parties_as_indices_and_counts_without_sorting() {
    let mut ex = sample();
    ex.claims[1].targets.push("p9".into());
    let index = Index::new(Rc::new(ex.clone()));
    assert_eq!(index.claim_parties(0), (&[2][..], &[][..]));
    assert_eq!(index.claim_parties(1), (&[1][..], &[0, u32::MAX][..]), "an unknown id stays in");
    assert_eq!(index.outcome_parties(0), &[0, 1]);
    assert_eq!(index.outcome_parties(1), &[] as &[u32]);
    assert_eq!(index.claim_parties(9), (&[][..], &[][..]));
    // (made, about) per party: Mensah speaks once, Togo accuses Ghana.
    assert_eq!(
        (index.party_claims(0), index.party_claims(1), index.party_claims(2)),
        ((0, 1), (1, 0), (1, 0))
    );
    let filters = [
        Filters::default(),
        Filters { types: [CardType::Outcome].into(), ..Filters::default() },
        Filters { parties: ["Togo".to_owned()].into(), sort: Sort::Party, ..Filters::default() },
        Filters {
            relation: Some(Relation { from: "Togo".into(), to: "Ghana".into() }),
            ..Filters::default()
        },
        Filters { query: "ghana".into(), ..Filters::default() },
    ];
    for f in &filters {
        let fresh = Index::new(Rc::new(ex.clone()));
        assert_eq!(fresh.visible_count(f), index.visible(f).len(), "{f:?}");
        assert_eq!(index.visible_count(f), index.counts(f).visible, "{f:?}");
    }
}

#[test]
fn facets_clear_one_at_a_time() {
    let f = Filters { query: "x".into(), speech: Speech::Direct, ..Filters::default() };
    assert!(f.is_active() && f.active(Facet::Query) && f.active(Facet::Speech));
    let g = f.cleared(Facet::Query);
    assert!(!g.active(Facet::Query) && g.active(Facet::Speech));
    assert!(!g.cleared(Facet::Speech).is_active());
}

#[test]
fn reducer_ignores_stale_extractions() {
    let s = State::default().apply(Action::Edit(Rc::from("first")));
    let old = s.version;
    let s = s.apply(Action::Edit(Rc::from("second")));
    let stale = Action::Analysed {
        version: old,
        text: Rc::from("first"),
        extraction: Rc::new(sample()),
        millis: 1.0,
    };
    let s = s.apply(stale);
    assert_eq!(s.phase, Phase::Pending, "a result for old text must not land");
    assert!(s.extraction.parties.is_empty());
    let fresh = Action::Analysed {
        version: s.version,
        text: s.text.clone(),
        extraction: Rc::new(sample()),
        millis: 2.0,
    };
    let s = s.apply(fresh);
    assert_eq!((s.phase.clone(), s.extraction.parties.len(), s.millis), (Phase::Ready, 3, 2.0));
}

#[test]
fn reducer_filters_and_selection() {
    let s = State::default()
        .apply(Action::ToggleType(CardType::Party))
        .apply(Action::ToggleParty("Ghana".into()))
        .apply(Action::ToggleParty("Togo".into()))
        .apply(Action::ToggleParty("Ghana".into()))
        .apply(Action::SetQuery("deal".into()));
    assert!(!s.filters.types.contains(&CardType::Party));
    assert_eq!(s.filters.parties.iter().collect::<Vec<_>>(), ["Togo"]);
    let s = s.apply(Action::OnlyParty("Ghana".into()));
    assert_eq!(s.filters.parties.iter().collect::<Vec<_>>(), ["Ghana"]);
    let s = s.apply(Action::SetSort(Sort::Salience)).apply(Action::ClearFilters);
    assert_eq!(s.filters, Filters { sort: Sort::Salience, ..Filters::default() }, "clearing keeps the sort");
    let s = s.apply(Action::Edit(Rc::from("text"))).apply(Action::Reset);
    assert!(s.text.is_empty() && s.filters == Filters::default());
}

#[test]
fn saved_state_round_trips() {
    let s = State::default()
        .apply(Action::Edit(Rc::from("Ghana and Togo")))
        .apply(Action::SetSpeech(Speech::Reported));
    let json = serde_json::to_string(&s.saved()).unwrap();
    let back: Saved = serde_json::from_str(&json).unwrap();
    let restored = State::default().apply(Action::Restore(back));
    assert_eq!(&*restored.text, "Ghana and Togo");
    assert_eq!(restored.filters.speech, Speech::Reported);
    assert_eq!(restored.phase, Phase::Pending, "restored text still needs extracting");
    // Saved state from an older version with missing fields still loads.
    let partial: Saved = serde_json::from_str(r#"{"text":"x","filters":{"query":"q"}}"#).unwrap();
    assert_eq!(partial.filters, Filters { query: "q".into(), ..Filters::default() });
}

#[test]
fn input_checks() {
    let cases: [(&str, InputCheck); 4] = [
        ("  \n\t ", InputCheck::Empty),
        ("The minister said on Monday that the talks in the capital would resume next week.", InputCheck::Ok),
        ("Der Minister sagte am Montag, dass die Gespräche in der Hauptstadt nächste Woche weitergehen würden.", InputCheck::NotEnglish),
        ("Ghana Togo", InputCheck::Ok),
    ];
    for (text, want) in cases {
        assert_eq!(check_input(text), want, "{text:?}");
    }
    let big = "word ".repeat(500_000);
    assert_eq!(check_input(&big), InputCheck::TooLarge { bytes: big.len() });
}

#[test]
fn csv_has_one_row_per_card_and_escapes() {
    let mut ex = sample();
    ex.parties[2].role = Some("Foreign Minister, acting".into());
    ex.claims[0].text = "=HYPERLINK(\"x\")".into();
    let csv = to_csv(&ex, TEXT);
    let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 1 + 3 + 2 + 3);
    assert_eq!(
        lines[0],
        "\u{feff}type,id,label,detail,text,parties,start,end,source,direct,cue_class,sentence,edited"
    );
    assert!(lines[3].contains("\"person; Foreign Minister, acting\""), "{}", lines[3]);
    assert!(lines[4].contains("\"'=HYPERLINK(\"\"x\"\")\""), "formula defused: {}", lines[4]);
    assert!(lines[5].starts_with("claim,c2,Togo,accused (say),Ghana of delay,Ghana,"));
}

#[test]
fn markdown_brief_groups_claims_and_outcomes() {
    let md = to_markdown(&sample(), "Brief: test");
    assert!(md.starts_with("# Brief: test\n"));
    let order = [
        "## Parties",
        "**Ghana** (country)",
        "## Claims",
        "### Ama Mensah",
        "“We are pleased”",
        "### Togo",
        "## Outcomes",
        "### Agreed",
        "### Failed",
        "### Pending",
    ];
    let mut at = 0;
    for part in order {
        let found = md[at..].find(part).unwrap_or_else(|| panic!("{part} missing or out of order in\n{md}"));
        at += found + part.len();
    }
}

#[test]
fn group_speakers_read_as_one_label_and_count_for_each_party() {
    let mut ex = sample();
    ex.claims[1].speakers = vec!["p1".into(), "p2".into()];
    ex.claims[1].speaker = Some("p1".into());
    assert_eq!(
        article_explorer::ui::export::speaker_label(&ex.claims[1], &ex).as_deref(),
        Some("Ghana and Togo")
    );
    let md = to_markdown(&ex, "Brief");
    assert!(md.contains("### Ghana and Togo\n"), "{md}");
    let f = Filters {
        parties: ["Togo".to_owned()].into(),
        types: [CardType::Claim].into(),
        ..Filters::default()
    };
    assert_eq!(ids(&ex, &f), ["c2"], "a claim by both sides involves each of them");
}
