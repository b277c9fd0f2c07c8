//! Outcomes stage: one table of made-up sentences per pattern family.
#![cfg(not(target_arch = "wasm32"))] // native only: files, processes, proptest

use article_explorer::extract::annotate::Annotated;
use article_explorer::extract::claims::find_claims;
use article_explorer::extract::groups::LazyFocus;
use article_explorer::extract::outcomes::find_outcomes;
use article_explorer::extract::parties::Parties;
use article_explorer::extract::segment::segment;
use article_explorer::extract::{Outcome, Status};

fn outcomes_of(text: &str) -> Vec<Outcome> {
    let doc = segment(text);
    let parties = Parties::default();
    let words = Annotated::new(&doc);
    let focus = LazyFocus::new(&words, &parties);
    let claims = find_claims(&words, &parties, &focus);
    find_outcomes(&words, &parties, &focus, &claims)
}

/// One sentence and the one outcome it should give (status and evidence), or none.
struct Case {
    text: &'static str,
    expect: Option<(Status, &'static str)>,
}

fn check(c: &Case) {
    let got = outcomes_of(c.text);
    match c.expect {
        None => assert!(got.is_empty(), "{:?} gave {got:#?}", c.text),
        Some((status, evidence)) => {
            assert_eq!(got.len(), 1, "{:?} gave {got:#?}", c.text);
            assert_eq!(got[0].status, status, "status of {:?}", c.text);
            assert_eq!(got[0].evidence.text, evidence, "evidence of {:?}", c.text);
            assert_eq!(&c.text[got[0].evidence.start..got[0].evidence.end], got[0].evidence.text);
        }
    }
}

macro_rules! cases {
    ($name:ident: $( [$text:expr, $expect:expr] ),+ $(,)?) => {
        #[test]
        fn $name() {
            for c in [$(Case { text: $text, expect: $expect }),+] {
                check(&c);
            }
        }
    };
}

use Status::{Agreed, Failed, Pending};

cases!(agreements:
    ["The two countries signed a trade agreement on Monday.", Some((Agreed, "The two countries signed a trade agreement on Monday"))],
    ["Both governments agreed to exchange 200 prisoners each.", Some((Agreed, "Both governments agreed to exchange 200 prisoners each"))],
    ["The rebels struck a deal with the army last week.", Some((Agreed, "The rebels struck a deal with the army last week"))],
    ["Parliament approved the budget plan.", Some((Agreed, "Parliament approved the budget plan"))],
    ["The ceasefire took effect at midnight.", Some((Agreed, "The ceasefire took effect at midnight"))],
);

cases!(failures:
    ["No accord on fishing rights was reached.", Some((Failed, "No accord on fishing rights was reached"))],
    ["No deal on tariffs, quotas, or fishing was reached.", Some((Failed, "No deal on tariffs, quotas, or fishing was reached"))],
    ["The talks collapsed after an hour.", Some((Failed, "The talks collapsed after an hour"))],
    ["The meeting ended without a deal.", Some((Failed, "The meeting ended without a deal"))],
    ["The government did not sign the treaty.", Some((Failed, "The government did not sign the treaty"))],
    ["The summit opened in Vienna, with no progress on the border dispute.", Some((Failed, "The summit opened in Vienna, with no progress on the border dispute"))],
    ["The minister flatly ruled out talks with the rebels.", Some((Failed, "The minister flatly ruled out talks with the rebels"))],
    ["The council vetoed the resolution.", Some((Failed, "The council vetoed the resolution"))],
);

cases!(pending:
    ["The leaders will meet again in June.", Some((Pending, "The leaders will meet again in June"))],
    ["The rival clans may agree to a truce.", Some((Pending, "The rival clans may agree to a truce"))],
    ["They agreed to hold a second round of talks next month.", Some((Pending, "They agreed to hold a second round of talks next month"))],
    ["The governor is open to a second round of talks.", Some((Pending, "The governor is open to a second round of talks"))],
    ["The president plans to visit the capital.", Some((Pending, "The president plans to visit the capital"))],
    ["The envoy is expected to meet both delegations.", Some((Pending, "The envoy is expected to meet both delegations"))],
    ["The vote on the treaty was postponed.", Some((Pending, "The vote on the treaty was postponed"))],
);

cases!(not_outcomes:
    ["The exchange rate rose sharply.", None],
    ["It was a sign of hope.", None],
    ["The weather will improve.", None],
    ["The currency exchange is a busy place.", None],
    ["Neither side was prepared to make concessions.", None],
    ["There were signs that the town was calm again.", None],
    ["Despite a number of failed launches, the agency kept going.", None],
    ["There is no law on the matter.", None],
    ["The judge agreed with the tenant on most points.", None],
    ["The senator backed off from his earlier plan.", None],
);

cases!(modality_scope:
    ["Critics fear voters will see the deal signed on Monday as a defeat.", Some((Agreed, "Critics fear voters will see the deal signed on Monday as a defeat"))],
    ["The rebels hope to sign a truce.", Some((Pending, "The rebels hope to sign a truce"))],
    ["The leaders signed a pact and attached a map of the border.", Some((Agreed, "The leaders signed a pact and attached a map of the border"))],
);

#[test]
fn clauses_give_separate_outcomes() {
    let got =
        outcomes_of("The unions agreed to present a new offer next month and were ready to hold more talks.");
    let statuses: Vec<Status> = got.iter().map(|o| o.status).collect();
    assert_eq!(statuses, [Pending, Pending], "{got:#?}");
    assert_eq!(got[1].evidence.text, "were ready to hold more talks");
    let ids: Vec<&str> = got.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(ids, ["o1", "o2"]);
}

#[test]
fn inside_a_claim_is_not_asserted() {
    let got = outcomes_of("The mediator said that the two clans had agreed to a truce.");
    assert_eq!(got.len(), 1, "{got:#?}");
    assert_eq!(got[0].status, Agreed);
    assert!(!got[0].asserted);
    assert_eq!(got[0].claim.as_deref(), Some("c1"));
    assert_eq!(got[0].evidence.text, "the two clans had agreed to a truce");
}

#[test]
fn figures_say_what_they_count() {
    let got = outcomes_of("The two ports agreed to ship 4,500 tonnes of grain each, officials said.");
    let fig = got.iter().flat_map(|o| &o.figures).next().expect("a figure");
    assert_eq!(fig.value, "4,500");
    assert_eq!(fig.counts, "tonnes of grain each");
    assert_eq!(fig.span.text, "4,500 tonnes of grain each");
}

#[test]
fn robust_on_odd_input() {
    for text in
        ["", "will", "No", "no agreement", "signed.", "— will meet —", "1,000", "agreed to 5", "“will sign”"]
    {
        for o in outcomes_of(text) {
            assert_eq!(
                text.get(o.evidence.start..o.evidence.end),
                Some(o.evidence.text.as_str()),
                "{text:?}"
            );
        }
    }
}

/// The names of the parties of every outcome of `text`, through the whole pipeline.
fn outcome_parties(text: &str) -> Vec<Vec<String>> {
    let x = article_explorer::extract::analyze(text);
    let name = |id: &String| x.parties.iter().find(|p| &p.id == id).map(|p| p.name.clone());
    x.outcomes.iter().map(|o| o.parties.iter().filter_map(name).collect()).collect()
}

/// A text and the parties of each of its outcomes.
struct Involved {
    text: &'static str,
    parties: &'static [&'static [&'static str]],
}

#[test]
fn group_subjects_involve_their_referents() {
    let cases = [
        Involved {
            text: "Peru and Chile met in Lima. The two countries signed a trade deal.",
            parties: &[&["Peru", "Chile"]],
        },
        Involved {
            text: "Norway and Sweden met in Oslo. Foreign Minister Ana Lund said that both sides had agreed to submit new proposals next month.",
            parties: &[&["Norway", "Sweden"]],
        },
        Involved {
            text: "Norway and Sweden met in Oslo. Foreign Minister Ana Lund said that Sweden had agreed to submit new proposals next month.",
            parties: &[&["Ana Lund", "Sweden"]],
        },
        Involved { text: "The two countries signed a trade deal.", parties: &[&[]] },
        Involved {
            text: "Foreign Minister Ana Lund said that Norway and Sweden had agreed to cut tariffs.",
            parties: &[&["Norway", "Sweden"]],
        },
        Involved {
            text: "Norway and Sweden met in Oslo. Both sides agreed to cut tariffs and were open to a second round of talks.",
            parties: &[&["Norway", "Sweden"], &["Norway", "Sweden"]],
        },
        Involved {
            text: "Norway and Sweden met in Oslo. Both sides agreed to cut tariffs, and Finland will host a second round of talks.",
            parties: &[&["Norway", "Sweden"], &["Finland"]],
        },
    ];
    for c in cases {
        assert_eq!(outcome_parties(c.text), c.parties, "{}", c.text);
    }
}
