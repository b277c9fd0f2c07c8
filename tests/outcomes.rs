//! Outcomes stage: one made-up sentence per row, rows named after the GUIDE §4 rule they check.
#![cfg(not(target_arch = "wasm32"))] // native only: files, processes, proptest

use article_explorer::extract::annotate::Annotated;
use article_explorer::extract::claims::find_claims;
use article_explorer::extract::groups::LazyFocus;
use article_explorer::extract::model::export_outcomes;
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
    export_outcomes(text, &find_outcomes(&words, &parties, &focus, &claims))
}

/// One sentence and the one outcome it should give (status and evidence), or none.
struct Case {
    name: &'static str,
    text: &'static str,
    expect: Option<(Status, &'static str)>,
}

fn check(c: &Case) {
    let got = outcomes_of(c.text);
    match c.expect {
        None => assert!(got.is_empty(), "{}: {:?} gave {got:#?}", c.name, c.text),
        Some((status, evidence)) => {
            assert_eq!(got.len(), 1, "{}: {:?} gave {got:#?}", c.name, c.text);
            assert_eq!(got[0].status, status, "{}: status of {:?}", c.name, c.text);
            assert_eq!(got[0].evidence.text, evidence, "{}: evidence of {:?}", c.name, c.text);
            assert_eq!(&c.text[got[0].evidence.start..got[0].evidence.end], got[0].evidence.text);
        }
    }
}

/// A row: `t!(name, text, Status, evidence)` or `t!(name, text)` for no outcome.
macro_rules! t {
    ($name:ident, $text:expr, $status:ident, $evidence:expr) => {
        Case { name: stringify!($name), text: $text, expect: Some(($status, $evidence)) }
    };
    ($name:ident, $text:expr) => {
        Case { name: stringify!($name), text: $text, expect: None }
    };
}

/// A test over a group of rows.
macro_rules! group {
    ($test:ident: $($row:expr),+ $(,)?) => {
        #[test]
        fn $test() {
            for c in [$($row),+] {
                check(&c);
            }
        }
    };
}

use Status::{Agreed, Failed, Pending};

group!(o3_agreed:
    t!(o1_signed_accord, "Norland and Castavia signed a fisheries accord.", Agreed, "Norland and Castavia signed a fisheries accord"),
    t!(o3_headline_agree_to, "Norland, Castavia agree to reopen border crossing", Agreed, "Norland, Castavia agree to reopen border crossing"),
    t!(o3_struck_deal, "The two ministers struck a deal on water sharing.", Agreed, "The two ministers struck a deal on water sharing"),
    t!(o3_signed_agreement, "The two countries signed a trade agreement on Monday.", Agreed, "The two countries signed a trade agreement on Monday"),
    t!(o3_agreed_to_exchange, "Both governments agreed to exchange 200 prisoners each.", Agreed, "Both governments agreed to exchange 200 prisoners each"),
    t!(o3_struck_deal_with, "The rebels struck a deal with the army last week.", Agreed, "The rebels struck a deal with the army last week"),
    t!(o3_approved_plan, "Parliament approved the budget plan.", Agreed, "Parliament approved the budget plan"),
    t!(o3_approved_by_vote, "The Norland senate approved the treaty 61-38 on Tuesday.", Agreed, "The Norland senate approved the treaty 61-38 on Tuesday"),
    t!(o3_voted_to, "The Castavian assembly voted to ratify the accord.", Agreed, "The Castavian assembly voted to ratify the accord"),
    t!(o3_voted_on_a_day_to, "Dock workers voted on Tuesday to end the strike.", Agreed, "Dock workers voted on Tuesday to end the strike"),
    t!(o3_fronted_vote, "By a 5-4 vote, the court sent the case back to Vessa.", Agreed, "By a 5-4 vote, the court sent the case back to Vessa"),
    t!(o3_court_ruled, "A Drevian court ruled against the port authority on Friday.", Agreed, "A Drevian court ruled against the port authority on Friday"),
    t!(o3_ruling_upheld, "The supreme court upheld the ban on night fishing.", Agreed, "The supreme court upheld the ban on night fishing"),
    t!(o3_law_struck_down, "The court struck down the toll law.", Agreed, "The court struck down the toll law"),
    t!(o3_order_given, "The judge ordered the ministry to release the files.", Agreed, "The judge ordered the ministry to release the files"),
    t!(o3_took_effect, "The ceasefire took effect at midnight.", Agreed, "The ceasefire took effect at midnight"),
    t!(o3_settled, "Norland and the dock union settled the dispute in March.", Agreed, "Norland and the dock union settled the dispute in March"),
    t!(o3_decided, "The council decided to reopen the port.", Agreed, "The council decided to reopen the port"),
    t!(o3_backed_plan, "Parliament backed the peace plan.", Agreed, "Parliament backed the peace plan"),
    t!(o3_announced_agreement, "Vessa Rail announced a merger agreement with Drevia Freight.", Agreed, "Vessa Rail announced a merger agreement with Drevia Freight"),
    t!(o3_campaign_launched, "Norland and Drevia launched a joint campaign against smuggling.", Agreed, "Norland and Drevia launched a joint campaign against smuggling"),
);

group!(o4_failed:
    t!(o4_no_accord_reached, "No accord on fishing rights was reached.", Failed, "No accord on fishing rights was reached"),
    t!(o4_talks_collapsed, "The talks collapsed after an hour.", Failed, "The talks collapsed after an hour"),
    t!(o4_ended_without, "The meeting ended without a deal.", Failed, "The meeting ended without a deal"),
    t!(o4_ruled_out, "The minister flatly ruled out talks with the rebels.", Failed, "The minister flatly ruled out talks with the rebels"),
    t!(o4_vetoed, "The council vetoed the resolution.", Failed, "The council vetoed the resolution"),
    t!(o4_meeting_did_not_take_place, "The meeting did not take place.", Failed, "The meeting did not take place"),
    t!(o4_no_debate_will_take_place, "No debate will take place.", Failed, "No debate will take place"),
    t!(o4_shelved, "The proposal was shelved after protests by farmers.", Failed, "The proposal was shelved after protests by farmers"),
    t!(o4_scrapped, "The council scrapped the plan on Monday.", Failed, "The council scrapped the plan on Monday"),
    t!(o4_voted_against, "Shareholders voted against the merger on Friday.", Failed, "Shareholders voted against the merger on Friday"),
    t!(o4_rejected_request, "A Castavian judge rejected a request to unseal the records.", Failed, "A Castavian judge rejected a request to unseal the records"),
    t!(o4_refused, "Drevia refused to sign the protocol.", Failed, "Drevia refused to sign the protocol"),
    t!(o4_offer_declined, "Her lawyer offered to meet in private, but the chairman declined.", Failed, "Her lawyer offered to meet in private, but the chairman declined"),
    t!(o4_cancelled, "The ministry cancelled the tender.", Failed, "The ministry cancelled the tender"),
    t!(o18_breakdown_noun, "A breakdown in the talks ended the summit.", Failed, "A breakdown in the talks ended the summit"),
    t!(o4_declined_invitation, "Castavia declined the invitation to the summit.", Failed, "Castavia declined the invitation to the summit"),
    t!(o4_fruitless, "The second round was fruitless.", Failed, "The second round was fruitless"),
);

group!(o5_pending:
    t!(o5_will_meet, "The ministers will meet again on May 4.", Pending, "The ministers will meet again on May 4"),
    t!(o5_summit_will_take_place, "The summit will take place in May.", Pending, "The summit will take place in May"),
    t!(o5_approval_awaited, "The deal still needs the approval of shareholders.", Pending, "The deal still needs the approval of shareholders"),
    t!(o5_will_meet_again, "The leaders will meet again in June.", Pending, "The leaders will meet again in June"),
    t!(o5_plans_to_visit, "The president plans to visit the capital.", Pending, "The president plans to visit the capital"),
    t!(o5_plans_to_bid, "A Norland consortium plans to bid for the Castavian rail operator.", Pending, "A Norland consortium plans to bid for the Castavian rail operator"),
    t!(o5_expected_to_meet, "The envoy is expected to meet both delegations.", Pending, "The envoy is expected to meet both delegations"),
    t!(o5_open_to, "The governor is open to a second round of talks.", Pending, "The governor is open to a second round of talks"),
    t!(o5_deadline, "Castavia has until March 3 to reply to the offer.", Pending, "Castavia has until March 3 to reply to the offer"),
    t!(o5_summit_will_take_place, "The summit will take place in May.", Pending, "The summit will take place in May"),
    t!(o5_approval_awaited, "The resolution requires approval by the full assembly.", Pending, "The resolution requires approval by the full assembly"),
    t!(o5_hearing_scheduled, "A hearing is scheduled for June 2.", Pending, "A hearing is scheduled for June 2"),
    t!(o5_lawsuit_under_way, "The fishermen filed a lawsuit against the port authority.", Pending, "The fishermen filed a lawsuit against the port authority"),
    t!(o5_seeking_stake, "Two Drevian banks are seeking a stake in the Norland railway.", Pending, "Two Drevian banks are seeking a stake in the Norland railway"),
    t!(o18_deadline_noun, "Castavia set a deadline of March 1 for the reply.", Pending, "Castavia set a deadline of March 1 for the reply"),
    t!(o18_proposed_merger, "The proposed merger of the two ports.", Pending, "The proposed merger of the two ports"),
    t!(o5_meeting_set_for, "The next round is set for May 4 in Vessa.", Pending, "The next round is set for May 4 in Vessa"),
    t!(o5_verdict_expected, "A verdict in the trial is expected next week.", Pending, "A verdict in the trial is expected next week"),
    t!(o5_talks_to_be_held, "New talks will be held in Vessa.", Pending, "New talks will be held in Vessa"),
    t!(o5_postponed, "The vote on the treaty was postponed.", Pending, "The vote on the treaty was postponed"),
    t!(o5_would_inform, "The consortium would on Monday inform the minister of its plans.", Pending, "The consortium would on Monday inform the minister of its plans"),
);

group!(o6_o8_negation:
    t!(o6_negated_deal_failed, "Norland and Castavia did not sign the accord.", Failed, "Norland and Castavia did not sign the accord"),
    t!(o6_did_not_sign, "The government did not sign the treaty.", Failed, "The government did not sign the treaty"),
    t!(o6_service_did_not_resume, "The ferry service did not resume.", Failed, "The ferry service did not resume"),
    t!(o6_no_date_fixed, "No date has been fixed for the vote.", Failed, "No date has been fixed for the vote"),
    t!(o6_talks_not_yet_scheduled, "Talks on the roster dispute have not yet been scheduled.", Failed, "Talks on the roster dispute have not yet been scheduled"),
    t!(o6_no_decision, "No immediate decision was made on the appeal.", Failed, "No immediate decision was made on the appeal"),
    t!(o6_list_under_no_deal, "No deal on tariffs, quotas, or fishing was reached.", Failed, "No deal on tariffs, quotas, or fishing was reached"),
    t!(o7_not_yet_settled, "The two have not yet settled the toll.", Failed, "The two have not yet settled the toll"),
    t!(o8_yet_to_vote, "The dock workers have yet to vote on the offer.", Pending, "The dock workers have yet to vote on the offer"),
    t!(o8_needs_more_work, "The patrol rules still need more work.", Pending, "The patrol rules still need more work"),
    t!(o8_has_to_be_approved, "The accord still has to be approved by the port board.", Pending, "The accord still has to be approved by the port board"),
    t!(o5_decision_awaited, "A decision will be announced on Friday.", Pending, "A decision will be announced on Friday"),
    t!(o5_offer_weighed, "The dock workers were weighing the offer.", Pending, "The dock workers were weighing the offer"),
    t!(o6_no_decision_to_come, "No decision will be announced before May.", Failed, "No decision will be announced before May"),
    t!(o5_talks_continuing, "Talks with the port operator over night shifts were continuing.", Pending, "Talks with the port operator over night shifts were continuing"),
    t!(o5_subject_to_approval, "The dividend is subject to approval at the annual meeting on April 24.", Pending, "The dividend is subject to approval at the annual meeting on April 24"),
    t!(o5_dispute_unresolved, "A separate dispute over night-shift rules remains unresolved.", Pending, "A separate dispute over night-shift rules remains unresolved"),
);

group!(o9_o10_terms_and_steps:
    t!(o9_terms_agreed, "The accord provides for the release of 40 fishermen.", Agreed, "The accord provides for the release of 40 fishermen"),
    t!(o9_future_terms_pending, "Castavia is to lift the toll by 2034 under the accord.", Pending, "Castavia is to lift the toll by 2034 under the accord"),
    t!(o10_agreed_to_step_pending, "Both sides agreed to submit new proposals within a month.", Pending, "Both sides agreed to submit new proposals within a month"),
    t!(o10_step_next_month, "They agreed to hold a second round of talks next month.", Pending, "They agreed to hold a second round of talks next month"),
    t!(o10_measure_agreed, "Norland and Castavia agreed to reopen the crossing from April 1.", Agreed, "Norland and Castavia agreed to reopen the crossing from April 1"),
    t!(o10_measure_with_future_time_agreed, "The operator agreed to raise wages by 6 percent this year and 4 percent next year.", Agreed, "The operator agreed to raise wages by 6 percent this year and 4 percent next year"),
);

group!(o11_o12_modality:
    t!(o11_hoped_to_sign, "The envoys hoped to sign the accord.", Pending, "The envoys hoped to sign the accord"),
    t!(o11_hope_to_sign, "The rebels hope to sign a truce.", Pending, "The rebels hope to sign a truce"),
    t!(o11_may_agree, "The rival clans may agree to a truce.", Pending, "The rival clans may agree to a truce"),
    t!(o11_possible_failure_pending, "The talks could collapse.", Pending, "The talks could collapse"),
    t!(o11_unless_pending, "Norland would close the crossing again unless Castavia paid the arrears.", Pending, "Norland would close the crossing again unless Castavia paid the arrears"),
    t!(o11_if_fail_pending, "If the unions fail to agree, the strike will go on.", Pending, "If the unions fail to agree, the strike will go on"),
    t!(o11_until_signed_pending, "We will not go back until the rules are signed.", Pending, "We will not go back until the rules are signed"),
    t!(o11_in_case_pending, "Two frigates were on standby in case the president ordered a blockade.", Pending, "Two frigates were on standby in case the president ordered a blockade"),
    t!(o11_if_then_will_appeal, "If the final ruling goes against us, we will appeal.", Pending, "If the final ruling goes against us, we will appeal"),
    t!(o11_scope_of_will, "Critics fear voters will see the deal signed on Monday as a defeat.", Agreed, "Critics fear voters will see the deal signed on Monday as a defeat"),
    t!(o11_infinitive_not_done, "The minister vowed to repeal the toll law.", Pending, "to repeal the toll law"),
    t!(o4_effort_fell_apart, "Efforts to ratify the accord fell apart in May.", Failed, "Efforts to ratify the accord fell apart in May"),
    t!(o12_will_not_accept, "Castavia will not accept any toll.", Failed, "Castavia will not accept any toll"),
    t!(o12_refusal_announced, "The minister will refuse to answer questions from the panel.", Failed, "The minister will refuse to answer questions from the panel"),
    t!(o12_may_not_is_pending, "A judge may not enforce the subpoena.", Pending, "A judge may not enforce the subpoena"),
    t!(o12_ready_if, "Norland is ready to cut quotas if Castavia does.", Pending, "Norland is ready to cut quotas if Castavia does"),
);

group!(o16_o20_boundaries:
    t!(o16_connective_dropped, "However, the two ministers signed the accord.", Agreed, "the two ministers signed the accord"),
    t!(o16_appositive_kept, "A Norland panel voted to hold Jon Pell, a former aide to the minister, in contempt.", Agreed, "A Norland panel voted to hold Jon Pell, a former aide to the minister, in contempt"),
    t!(o16_participle_aside_kept, "Two Vessa unions, represented by the Drevia Legal Aid Fund, filed suit against the port.", Pending, "Two Vessa unions, represented by the Drevia Legal Aid Fund, filed suit against the port"),
    t!(o16_short_aside_kept, "The Drevia Rail Bank (DRB) plans to bid for the ferry line.", Pending, "The Drevia Rail Bank (DRB) plans to bid for the ferry line"),
    t!(o17_consequence_dropped, "Norland and Castavia agreed to reopen the crossing, ending a six-month closure.", Agreed, "Norland and Castavia agreed to reopen the crossing"),
    t!(o17_commentary_dropped, "The assembly approved the budget, which would ease the deficit.", Agreed, "The assembly approved the budget"),
    t!(o17_reason_dropped, "The assembly voted for the motion because the minister had resigned.", Agreed, "The assembly voted for the motion"),
    t!(o17_with_no_deal_kept, "The summit opened in Vienna, with no progress on the border dispute.", Failed, "The summit opened in Vienna, with no progress on the border dispute"),
    t!(o3_after_comma_not_infinitive, "Last week, struck a deal with the rebels.", Agreed, "struck a deal with the rebels"),
    t!(o20_verbs_under_one_modal, "Castavia will lift the toll, free the trawlers and reopen the port.", Pending, "Castavia will lift the toll, free the trawlers and reopen the port"),
    t!(o20_list_of_verbs_one, "The leaders signed a pact and attached a map of the border.", Agreed, "The leaders signed a pact and attached a map of the border"),
);

group!(o2_not_outcomes:
    t!(o2_fighting, "Fighting continued near the border town."),
    t!(o2_meeting_as_history, "Talks between the two sides first took place last year."),
    t!(o2_deaths, "Three soldiers died in the clash."),
    t!(o2_one_sided_sentence, "About 30 of the activists had been sentenced."),
    t!(o2_exchange_rate, "The exchange rate rose sharply."),
    t!(o2_a_sign, "It was a sign of hope."),
    t!(o2_weather, "The weather will improve."),
    t!(o2_currency_exchange, "The currency exchange is a busy place."),
    t!(o2_vague_readiness, "Neither side was prepared to make concessions."),
    t!(o2_signs_noun, "There were signs that the town was calm again."),
    t!(o2_denial_of_a_statement, "Norland has denied that it closed the crossing to force concessions."),
    t!(o2_failed_adjective, "Despite a number of failed launches, the agency kept going."),
    t!(o2_no_law, "There is no law on the matter."),
    t!(o2_agreed_with_opinion, "The judge agreed with the tenant on most points."),
    t!(o2_backed_off, "The senator backed off from his earlier plan."),
    t!(o2_analysts_agree, "Most analysts agree the toll will rise."),
    t!(o2_law_and_order_noun, "They promised to bring back law and order."),
    t!(o2_rules_is_governs, "Norland rules the islands under the terms of an old treaty."),
    t!(o2_newly_signed_player, "A goal by newly-signed defender Jon Pell saved the match."),
    t!(o2_announced_plans_own_move, "Vessa Rail announced record profits on Monday."),
    t!(o2_concurring_opinion, "His sister agreed."),
    t!(o2_decline_in_numbers, "Support for the plan declined slightly from 58 percent."),
    t!(o2_refused_to_speculate, "The ministry refused to speculate on the outcome."),
    t!(o2_declined_to_comment, "The ministry declined to comment."),
    t!(o2_appeal_is_a_claim, "Drevia appeals for calm."),
    t!(o13_question_not_stated, "Why was the accord signed so late?"),
    t!(o2_vote_count_is_not_a_vote, "The ministry wanted 60 votes on the measure."),
    t!(o2_ruled_that_is_a_claim, "The judge ruled that the fishermen had no case."),
);

#[test]
fn o20_one_outcome_per_clause() {
    let got = outcomes_of("Norland and Castavia agreed on quotas but not on tolls.");
    let found: Vec<(Status, &str)> = got.iter().map(|o| (o.status, o.evidence.text.as_str())).collect();
    assert_eq!(found, [(Agreed, "Norland and Castavia agreed on quotas"), (Failed, "not on tolls")]);
    let got = outcomes_of("The quota figures are settled; the patrol rules still need work.");
    let statuses: Vec<Status> = got.iter().map(|o| o.status).collect();
    assert_eq!(statuses, [Agreed, Pending], "{got:#?}");
    assert_eq!(got[1].evidence.text, "the patrol rules still need work");
    let got =
        outcomes_of("The unions agreed to present a new offer next month and were ready to hold more talks.");
    let statuses: Vec<Status> = got.iter().map(|o| o.status).collect();
    assert_eq!(statuses, [Pending, Pending], "{got:#?}");
    assert_eq!(got[1].evidence.text, "were ready to hold more talks");
    let ids: Vec<&str> = got.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(ids, ["o1", "o2"]);
}

/// The guide's own invented article (GUIDE §5): its core outcomes and the headline.
#[test]
fn guide_example_article() {
    let text = "Norland, Castavia agree to reopen border crossing.\nVESSA 2031-03-14\nNorland and Castavia agreed on Thursday to reopen the Karst Gate crossing to freight from April 1, ending a six-month closure, Norland's foreign ministry said.\nForeign Minister Ana Brel told reporters the two governments would meet again in May to discuss passenger traffic.\n\"We have taken the first step,\" she said. \"Not the last.\"\nCastavian officials said no agreement had been reached on customs fees.\n";
    let got: Vec<(Status, &str)> = article_explorer::extract::analyze(text)
        .outcomes
        .iter()
        .map(|o| (o.status, text_of(text, o)))
        .collect();
    assert_eq!(
        got,
        [
            (Agreed, "Norland, Castavia agree to reopen border crossing"),
            (Agreed, "Norland and Castavia agreed on Thursday to reopen the Karst Gate crossing to freight from April 1"),
            (Pending, "the two governments would meet again in May to discuss passenger traffic"),
            (Failed, "no agreement had been reached on customs fees"),
        ]
    );
}

/// The evidence of `o` as a slice of `text` (so the test also checks the offsets).
fn text_of<'t>(text: &'t str, o: &Outcome) -> &'t str {
    &text[o.evidence.start..o.evidence.end]
}

#[test]
fn o13_inside_a_claim_is_not_asserted() {
    let got = outcomes_of("The mediator said that the two clans had agreed to a truce.");
    assert_eq!(got.len(), 1, "{got:#?}");
    assert_eq!(got[0].status, Agreed);
    assert!(!got[0].asserted);
    assert_eq!(got[0].claim.as_deref(), Some("c1"));
    assert_eq!(got[0].evidence.text, "the two clans had agreed to a truce");
    let got = outcomes_of("The ministry confirmed that the talks had collapsed.");
    assert_eq!(got.len(), 1, "{got:#?}");
    assert_eq!((got[0].status, got[0].asserted), (Failed, false));
    assert_eq!(got[0].evidence.text, "the talks had collapsed");
    let got = outcomes_of("Brel said the talks had collapsed.");
    assert_eq!(got.len(), 1, "{got:#?}");
    assert_eq!((got[0].status, got[0].asserted), (Failed, false));
    assert_eq!(got[0].evidence.text, "the talks had collapsed");
    // A cue that is a trigger too ("confirmed the talks", topic "talks") is read in what the
    // claim reports, with no "that"; "confirmed the deal" reports no outcome of its own.
    let got = outcomes_of("The ministry confirmed the talks had failed.");
    assert_eq!(got.len(), 1, "{got:#?}");
    assert_eq!((got[0].status, got[0].asserted), (Failed, false));
    assert_eq!(got[0].evidence.text, "the talks had failed");
    let got = outcomes_of("The ministry confirmed the deal.");
    assert_eq!(got.len(), 1, "{got:#?}");
    assert_eq!(got[0].status, Agreed);
    assert_eq!(got[0].evidence.text, "The ministry confirmed the deal");
}

#[test]
fn o14_figures_say_what_they_count() {
    let got = outcomes_of("The two ports agreed to ship 4,500 tonnes of grain each, officials said.");
    let fig = got.iter().flat_map(|o| &o.figures).next().expect("a figure");
    assert_eq!(fig.value, "4,500");
    assert_eq!(fig.counts, "tonnes of grain each");
    assert_eq!(fig.span.text, "4,500 tonnes of grain each");
}

/// O14: dates and years stay in the evidence but are not figures; a four-digit count is.
#[test]
fn o14_years_are_not_figures() {
    let rows: [(&str, &str, &[&str]); 3] = [
        ("year_after_in", "Norland and Castavia signed the accord in 2031, officials said.", &[]),
        (
            "year_before_noun",
            "Norland and Castavia signed the 2031 accord for 40 trawlers.",
            &["40 trawlers"],
        ),
        ("four_digit_count", "Castavia agreed to release 1900 prisoners by May.", &["1900 prisoners"]),
    ];
    for (name, text, want) in rows {
        let got = outcomes_of(text);
        let figures: Vec<&str> = got.iter().flat_map(|o| &o.figures).map(|f| f.span.text.as_str()).collect();
        assert_eq!(figures, want, "{name}: {text:?} gave {got:#?}");
    }
}

#[test]
fn robust_on_odd_input() {
    let odd = [
        "",
        "will",
        "No",
        "no agreement",
        "signed.",
        "— will meet —",
        "1,000",
        "agreed to 5",
        "“will sign”",
        "If",
        "if ,",
        "unless",
        "(will meet",
        "-- -- agreed --",
        "a, a, a, agreed",
        "By a vote,",
        "é agreed é",
    ];
    for text in odd {
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
fn o15_group_subjects_involve_their_referents() {
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

#[test]
fn status_rules_cite_the_guide_in_order() {
    let names: Vec<&str> =
        article_explorer::extract::outcomes::RULES.iter().map(|(name, _, _)| *name).collect();
    assert!(names.iter().all(|n| n.starts_with('O')), "{names:?}");
    // Negation and conditions before modality, the trigger's own status last (GUIDE §4).
    let at = |prefix: &str| names.iter().position(|n| n.starts_with(prefix));
    assert!(at("O6") < at("O11 a modal"), "{names:?}");
    assert_eq!(at("O3"), Some(names.len() - 1), "{names:?}");
}
