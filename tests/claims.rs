//! Claims stage: one table of made-up sentences per pattern family.
//!
//! Structure cases run the stage with no parties, so they test the frames alone: source,
//! cue, content, direct, class. Speaker cases run the whole pipeline on short articles whose
//! parties are plain country names and titled people.
#![cfg(not(target_arch = "wasm32"))] // native only: files, processes, proptest

use article_explorer::extract::annotate::Annotated;
use article_explorer::extract::claims::find_claims;
use article_explorer::extract::groups::LazyFocus;
use article_explorer::extract::model::export_claims;
use article_explorer::extract::parties::Parties;
use article_explorer::extract::segment::segment;
use article_explorer::extract::{analyze, Claim, CueClass};

/// One expected claim, found by its cue.
struct Case {
    text: &'static str,
    cue: &'static str,
    source: Option<&'static str>,
    content: &'static str,
    direct: bool,
    class: CueClass,
}

fn claims_of(text: &str) -> Vec<Claim> {
    let doc = segment(text);
    let words = Annotated::new(&doc);
    let parties = Parties::default();
    export_claims(text, &find_claims(&words, &parties, &LazyFocus::new(&words, &parties)))
}

fn check(c: &Case) {
    let claims = claims_of(c.text);
    let Some(got) = claims.iter().find(|k| k.cue.text == c.cue) else {
        panic!("no claim with cue {:?} in {:?}; got {:#?}", c.cue, c.text, claims);
    };
    assert_eq!(got.source.as_ref().map(|s| s.text.as_str()), c.source, "source in {:?}", c.text);
    assert_eq!(got.text, c.content, "content in {:?}", c.text);
    assert_eq!(got.direct, c.direct, "direct in {:?}", c.text);
    assert_eq!(got.cue_class, c.class, "class in {:?}", c.text);
    for piece in got.content.pieces() {
        assert_eq!(&c.text[piece.start..piece.end], piece.text, "span text in {:?}", c.text);
    }
}

macro_rules! cases {
    ($name:ident: $( [$text:expr, $cue:expr, $source:expr, $content:expr, $direct:expr, $class:ident] ),+ $(,)?) => {
        #[test]
        fn $name() {
            for c in [$(Case { text: $text, cue: $cue, source: $source, content: $content, direct: $direct, class: CueClass::$class }),+] {
                check(&c);
            }
        }
    };
}

cases!(quotations:
    ["“We will not give up,” the minister said.", "said", Some("the minister"), "We will not give up", true, Say],
    ["The minister said: “We will not give up.”", "said", Some("The minister"), "We will not give up", true, Say],
    ["“We are ready,” said Ana Ruiz, “but not at any price.”", "said", Some("Ana Ruiz"), "We are ready … but not at any price", true, Say],
    ["\"Talks are over,\" she said.", "said", Some("she"), "Talks are over", true, Say],
    ["The envoy said: “The first part.\n“The second part.”\nThen he left.", "said", Some("The envoy"), "The first part.\n“The second part", true, Say],
    ["“We came to talk,” he said. “Nobody listened.”", "said", Some("he"), "We came to talk … Nobody listened", true, Say],
    ["“It is over,” the coach told reporters after the game.", "told", Some("the coach"), "It is over", true, Say],
    // C2, C13: an adverbial after the cue or its addressee is no content ("by phone").
    ["“Show me the list,” Ruiz said by phone.", "said", Some("Ruiz"), "Show me the list", true, Say],
    ["“Show me the list,” Ruiz told reporters by phone.", "told", Some("Ruiz"), "Show me the list", true, Say],
    ["“Show me the list,” Ruiz told Ana Lee by phone.", "told", Some("Ruiz"), "Show me the list", true, Say],
    ["“Show me the list,” Ruiz told Radio Sol on Monday.", "told", Some("Ruiz"), "Show me the list", true, Say],
    // Inverted order after a quotation for "tweeted" and "recalled" too (data/cues.txt `inv`).
    ["“It is over,” tweeted Ana Lee, the union leader.", "tweeted", Some("Ana Lee, the union leader"), "It is over", true, Say],
    ["“My advice was to wait,” recalled Tom Dee, then envoy to Norland.", "recalled", Some("Tom Dee, then envoy to Norland"), "My advice was to wait", true, Say],
    // C13: a quotation closing the previous paragraph is not the content of a new one's cue.
    ["“We are ready.”\n\nLee told the council on Monday, “No one is safe.”", "told", Some("Lee"), "No one is safe", true, Say],
);

// One quote model (segment/quotes.rs): guillemets and low-high quotes open and close like
// curly ones (GUIDE C2, a quotation's content is what the marks enclose).
cases!(quote_marks:
    ["«We are leaving,» the minister said.", "said", Some("the minister"), "We are leaving", true, Say],
    ["« We are leaving », the minister said.", "said", Some("the minister"), "We are leaving", true, Say],
    ["„We are leaving“, the minister said.", "said", Some("the minister"), "We are leaving", true, Say],
    ["‹We are leaving,› the minister said.", "said", Some("the minister"), "We are leaving", true, Say],
    ["The minister said: «We are leaving.»", "said", Some("The minister"), "We are leaving", true, Say],
);

cases!(reported_speech:
    ["The mayor said that the bridge would reopen in May.", "said", Some("The mayor"), "that the bridge would reopen in May", false, Say],
    ["The mayor said the bridge would reopen in May.", "said", Some("The mayor"), "the bridge would reopen in May", false, Say],
    ["The council stated that the budget was balanced.", "stated", Some("The council"), "that the budget was balanced", false, Assert],
    ["Officials told reporters that the border was closed.", "told", Some("Officials"), "that the border was closed", false, Say],
    ["The rebels accused the army of shelling the town.", "accused", Some("The rebels"), "the army of shelling the town", false, Accuse],
    ["The envoy urged the two unions to return to talks.", "urged", Some("The envoy"), "the two unions to return to talks", false, Urge],
    ["The report described the plan as unrealistic.", "described", Some("The report"), "the plan as unrealistic", false, Describe],
    ["The union expressed concern about the new rules.", "expressed concern", Some("The union"), "about the new rules", false, Criticise],
    ["The company denied the allegations.", "denied", Some("The company"), "the allegations", false, Deny],
    ["The minister reiterated that the offer stands.", "reiterated", Some("The minister"), "that the offer stands", false, Assert],
    ["Analysts believe the economy will recover.", "believe", Some("Analysts"), "the economy will recover", false, Believe],
    ["The ministry has said that prices will rise.", "has said", Some("The ministry"), "that prices will rise", false, Say],
    ["The board said on Friday the vote would be delayed.", "said", Some("The board"), "the vote would be delayed", false, Say],
    ["The group warned against any hasty withdrawal.", "warned", Some("The group"), "against any hasty withdrawal", false, Warn],
    ["The group warned against any truce that lets the army regroup.", "warned", Some("The group"), "against any truce that lets the army regroup", false, Warn],
    ["The mayor told a meeting of farmers that prices would rise.", "told", Some("The mayor"), "that prices would rise", false, Say],
    ["“We will be back,” Ana Ruiz said as she left the hall.", "said", Some("Ana Ruiz"), "We will be back", true, Say],
    ["The leaders welcomed the deal.", "welcomed", Some("The leaders"), "the deal", false, Welcome],
);

cases!(according_to_and_end_position:
    ["According to local officials, the dam is safe.", "According to", Some("local officials"), "the dam is safe", false, Report],
    ["The dam is safe, according to local officials.", "according to", Some("local officials"), "The dam is safe", false, Report],
    ["The talks will resume next week, a diplomat said.", "said", Some("a diplomat"), "The talks will resume next week", false, Say],
    ["The offer was rejected, said the spokesman.", "said", Some("the spokesman"), "The offer was rejected", false, Say],
    ["Brel leads Holm by 20 delegates according to a count by the Castavia Herald, but Holm stays in.", "according to", Some("a count by the Castavia Herald"), "Brel leads Holm by 20 delegates", false, Report],
    ["According to early results of exit polls conducted for the Norland Press and two television networks, most voters want change.", "According to", Some("early results of exit polls conducted for the Norland Press and two television networks"), "most voters want change", false, Report],
    ["According to the Castavia Herald: “The port will close.”", "According to", Some("the Castavia Herald"), "The port will close", true, Report],
    ["The port will reopen, the agency said on Monday.", "said", Some("the agency"), "The port will reopen", false, Say],
);

cases!(passive_and_sourceless:
    ["It was reported that the airport had reopened.", "was reported", None, "that the airport had reopened", false, Report],
    ["The plan was described as unworkable.", "was described", None, "The plan … as unworkable", false, Describe],
    ["The story was first reported by the local paper.", "was first reported", Some("the local paper"), "The story", false, Report],
    // C12: a passive in a relative clause reports that clause only.
    ["Shares in Tarvik, a rival that had been expected to bid for the port, fell 2 percent.", "had been expected", None, "to bid for the port", false, Believe],
);

cases!(shared_and_hidden_subjects:
    ["The minister said the talks failed, adding that more were planned.", "adding", Some("The minister"), "that more were planned", false, Say],
    ["“It is over,” the coach said, adding he would stay.", "adding", Some("the coach"), "he would stay", false, Say],
    ["The bank said: “Rates will rise,” adding that loans would cost more.", "adding", Some("The bank"), "that loans would cost more", false, Say],
    ["Maria Lopez, who chairs the committee, said the vote would be delayed.", "said", Some("Maria Lopez, who chairs the committee"), "the vote would be delayed", false, Say],
    ["The mayor, while visiting the site, said repairs would start soon.", "said", Some("The mayor"), "repairs would start soon", false, Say],
    ["The union said it had made an offer and called the strike “fair.”", "called", Some("The union"), "the strike “fair.”", false, Describe],
    ["The bankers’ group, Alba, said rates would rise.", "said", Some("The bankers’ group, Alba"), "rates would rise", false, Say],
    ["Experts have long warned that the dam is weak.", "have long warned", Some("Experts"), "that the dam is weak", false, Warn],
    ["“We will stay,” the leader told a rally outside the hall.", "told", Some("the leader"), "We will stay", true, Say],
);

cases!(c1_c4_lexicon:
    ["Ana Brel went after Holm, calling him “a total failure.”", "calling", Some("Ana Brel"), "him “a total failure.”", false, Describe],
    ["A student wrote the Castavia Herald that the fair was a success.", "wrote", Some("A student"), "that the fair was a success", false, Say],
    ["Ana Brel suggested the port should reopen.", "suggested", Some("Ana Brel"), "the port should reopen", false, Say],
    ["Some officials think Holm is at risk.", "think", Some("Some officials"), "Holm is at risk", false, Believe],
    ["Norland appealed to Castavia to reopen the port.", "appealed to", Some("Norland"), "Castavia to reopen the port", false, Urge],
    ["New filings show the Brel campaign has little cash.", "show", Some("New filings"), "the Brel campaign has little cash", false, Report],
    ["The April survey found Holm leading Brel by seven points.", "found", Some("The April survey"), "Holm leading Brel by seven points", false, Report],
    ["Ana Brel cast doubt on the official jobless rate.", "cast doubt on", Some("Ana Brel"), "the official jobless rate", false, Criticise],
    ["The Castavia envoy made it clear that the port would stay shut.", "made it clear", Some("The Castavia envoy"), "that the port would stay shut", false, Assert],
    ["Holm went on to say that the fleet was ready.", "went on to say", Some("Holm"), "that the fleet was ready", false, Say],
    ["Castavia contended that the quota was unfair.", "contended", Some("Castavia"), "that the quota was unfair", false, Assert],
    ["Ana Brel hit out at the ministry over the delays.", "hit out at", Some("Ana Brel"), "the ministry over the delays", false, Criticise],
    ["Ana Brel said, however, that the port would stay open.", "said", Some("Ana Brel"), "that the port would stay open", false, Say],
    ["Holm said — on the radio, as it happens — that the fleet was ready.", "said", Some("Holm"), "that the fleet was ready", false, Say],
    ["Holm stood by his claim that the vote was rigged.", "claim", Some("his"), "that the vote was rigged", false, Assert],
    ["The fishermen petitioned the council to reopen the harbour.", "petitioned", Some("The fishermen"), "the council to reopen the harbour", false, Urge],
    ["Norland has expressed grave concern about the dam.", "has expressed grave concern", Some("Norland"), "about the dam", false, Criticise],
    ["The Castavia fleet wanted a larger share of the catch.", "wanted", Some("The Castavia fleet"), "a larger share of the catch", false, Believe],
);

cases!(mid_sentence_and_appositives:
    ["The museum, the mayor said, will open in May.", "said", Some("the mayor"), "The museum … will open in May", false, Say],
    ["“Not now,” Ana Ruiz, a lawyer for the city, said on Monday.", "said", Some("Ana Ruiz, a lawyer for the city"), "Not now", true, Say],
    ["“Not now,” said Ana Ruiz (D-Maine), head of the panel.", "said", Some("Ana Ruiz (D-Maine), head of the panel"), "Not now", true, Say],
    ["Said the coach: “We played well.”", "Said", Some("the coach"), "We played well", true, Say],
    ["The mayor responded by saying the plan was fair.", "saying", Some("The mayor"), "the plan was fair", false, Say],
    ["The president told voters this weekend he would not run.", "told", Some("The president"), "he would not run", false, Say],
    ["On Monday she said the plan was fair.", "said", Some("she"), "the plan was fair", false, Say],
    ["The bank this week says rates will rise.", "says", Some("The bank"), "rates will rise", false, Say],
    ["Ana Ruiz -- a lawyer for the city -- said the deal was void.", "said", Some("Ana Ruiz"), "the deal was void", false, Say],
    ["''We won,'' the captain said.", "said", Some("the captain"), "We won", true, Say],
    ["The governor added:\nIt is typical of them. They never listen.\nNext story.", "added", Some("The governor"), "It is typical of them. They never listen", false, Say],
    ["Talks Will Resume in May, Minister Says\nThe talks broke off.", "Says", Some("Minister"), "Talks Will Resume in May", false, Say],
    ["Mayor Says Port Will Reopen Soon.\nThe port closed.", "Says", Some("Mayor"), "Port Will Reopen Soon", false, Say],
    ["“We will win,” the senator said this month.", "said", Some("the senator"), "We will win", true, Say],
    ["Reporters asked whether the plan would work.", "asked", Some("Reporters"), "whether the plan would work", false, Urge],
    ["“Work goes on,” the agency quoted the mayor as saying.", "quoted the mayor as saying", Some("the mayor"), "Work goes on", true, Say],
    ["A radio station quoted the mayor as saying that work would go on.", "quoted the mayor as saying", Some("the mayor"), "that work would go on", false, Say],
    ["The envoy said on Monday after a meeting with aides, who asked for calm, that talks would go on.", "said", Some("The envoy"), "that talks would go on", false, Say],
    ["“The choice is hard,” said one person with knowledge of the talks.", "said", Some("one person with knowledge of the talks"), "The choice is hard", true, Say],
    ["“We hope,” said a young woman, Ana Ruiz.", "said", Some("a young woman, Ana Ruiz"), "We hope", true, Say],
    ["Ana Ruiz, head of the union, which has 9,000 members, said the strike would go on.", "said", Some("Ana Ruiz, head of the union, which has 9,000 members"), "the strike would go on", false, Say],
);

// C2: a negated auxiliary belongs to the cue, never to the source; C21: questions are claims
// (not core), including a participle opening its sentence with the asker left out (C9).
cases!(c2_c21_negation_and_questions:
    ["The union leader didn’t deny that the strike would go on.", "didn’t deny", Some("The union leader"), "that the strike would go on", false, Deny],
    ["The port authority hasn't denied the reports.", "hasn't denied", Some("The port authority"), "the reports", false, Deny],
    ["Asked whether the port would reopen, Ana Brel said it would.", "Asked", None, "whether the port would reopen", false, Urge],
    ["Asked by reporters about the vote, the mayor said nothing had changed.", "Asked", Some("reporters"), "about the vote", false, Urge],
    ["When asked about the strike, Holm said the talks would go on.", "asked about", None, "the strike", false, Urge],
    ["“We are ready,” Holm told the radio when asked to explain the delay.", "asked", None, "to explain the delay", false, Urge],
    ["A reporter asked the mayor how she felt about the vote.", "asked", Some("A reporter"), "how she felt about the vote", false, Urge],
    ["The minister asked the fishermen to leave the harbour.", "asked", Some("The minister"), "the fishermen to leave the harbour", false, Urge],
);

// C1, C4 believe: stances take a bare clause ("hopes the port will reopen"), "expects" an
// infinitive too; "hoped to sign" stays the modality of an outcome (O11), no claim; C21: a
// passive estimate with no source is a claim (not core, C9).
cases!(c1_c21_stances_and_estimates:
    ["The mayor hopes the port will reopen soon.", "hopes", Some("The mayor"), "the port will reopen soon", false, Believe],
    ["The fishermen sailed at dawn, hoping the sea would calm.", "hoping", Some("The fishermen"), "the sea would calm", false, Believe],
    ["The minister is expected to sign the accord on Friday.", "is expected", None, "to sign the accord on Friday", false, Believe],
    ["Holm expects to sign the accord.", "expects", Some("Holm"), "to sign the accord", false, Believe],
);

// C5, C13: a source after the cue may open with lower-case descriptors before the name, and a
// topic phrase after a speech cue leaves the quotation its content; a quantifier can stand
// alone as the source (C9: no party behind it).
cases!(c5_c13_descriptors_topics_quantifiers:
    ["“We won,” said former Gov. Ana Ruiz, a veteran of the port.", "said", Some("former Gov. Ana Ruiz, a veteran of the port"), "We won", true, Say],
    ["“Not yet,” said election lawyer Jon Pell.", "said", Some("election lawyer Jon Pell"), "Not yet", true, Say],
    ["“It is a disgrace,” Holm said of the ruling.", "said", Some("Holm"), "It is a disgrace", true, Say],
    ["“It is over,” Ana Brel, the head of the union, said about the strike on Monday.", "said", Some("Ana Brel, the head of the union"), "It is over", true, Say],
    ["“The talks are over,” one said.", "said", Some("one"), "The talks are over", true, Say],
    ["Some say the port will close.", "say", Some("Some"), "the port will close", false, Say],
    ["Several reports said the port was closed.", "said", Some("Several reports"), "the port was closed", false, Say],
);

// C8: the medium after "told" is its addressee, never the speaker, even after an appositive;
// C5: an age is an appositive of the source.
cases!(c8_told_addressee_and_ages:
    ["“Holm is not my choice,” Ana Brel, a former minister, told NTV on Tuesday.", "told", Some("Ana Brel, a former minister"), "Holm is not my choice", true, Say],
    ["“It is over,” Jon Pell, 58, told the radio.", "told", Some("Jon Pell, 58"), "It is over", true, Say],
    ["Jon Pell, 58, who lives near the port, says the catch is down.", "says", Some("Jon Pell, 58, who lives near the port"), "the catch is down", false, Say],
);

// C5: the source is a party, never a day after the cue or an adverbial opening the sentence.
cases!(c5_no_time_or_adverbial_source:
    ["Ana Brel, a former minister, warned Saturday that the port would close.", "warned", Some("Ana Brel, a former minister"), "that the port would close", false, Warn],
    ["“No,” Jon Pell, the head of the union, said Sunday.", "said", Some("Jon Pell, the head of the union"), "No", true, Say],
    ["Speaking at a rally in Sallow, Norland, on Sunday, the senator went after Holm, calling him “a failure.”", "calling", Some("the senator"), "him “a failure.”", false, Describe],
    ["A month later, Holm visited the port, saying the catch was down.", "saying", Some("Holm"), "the catch was down", false, Say],
);

// C10: a cue whose reported clause follows takes it, not the quotation closing the sentence
// before (a time word, an aside or a subject pronoun after the cue opens the content).
cases!(c10_content_after_not_before:
    ["“We will fight,” Holm said. The Herald reported Saturday that the port had closed.", "reported", Some("The Herald"), "that the port had closed", false, Report],
    ["“No,” Brel replied. Holm said, per a translator, that the port was open.", "said", Some("Holm"), "that the port was open", false, Say],
    ["“Fine,” he replied. Brel said Wednesday she agrees with the ruling.", "said", Some("Brel"), "she agrees with the ruling", false, Say],
    ["“I love the port,” Holm said in May after the ferry company announced it was leaving.", "said", Some("Holm"), "I love the port", true, Say],
    // C2, C10: an addressee with "to" before "that" is skipped to the reported clause.
    ["The union wrote to the harbour council that the strike would go on.", "wrote", Some("The union"), "that the strike would go on", false, Say],
    ["She replied to him that the port was closed.", "replied", Some("She"), "that the port was closed", false, Say],
    ["The union wrote to lawmakers that the strike would go on.", "wrote", Some("The union"), "that the strike would go on", false, Say],
);

// Issue 11, from the error classes of PolNeAR's training split (scripts/polnear-errors.py),
// each row a made-up sentence named by the rule it follows.
cases!(issue11_rows:
    // C2: the other side of an interview belongs to the medium phrase of the cue.
    ["Lund claimed in an interview with Radio Sol that he backs no candidate.", "claimed in an interview with Radio Sol", Some("Lund"), "that he backs no candidate", false, Assert],
    // C1, C7: a poll share is the source ("Six in 10 say"), not a count before a noun.
    ["Six in 10 say the mayor is decisive.", "say", Some("Six in 10"), "the mayor is decisive", false, Say],
    // C1, C11: a speech verb about a topic takes its object as the content (mined cue, class topic).
    ["Holm talked about the harbour plan at the rally.", "talked about", Some("Holm"), "the harbour plan at the rally", false, Say],
    // C4 criticise: a mined cue headed by "attacked" takes its object.
    ["The union attacked the new shift rota.", "attacked", Some("The union"), "the new shift rota", false, Criticise],
    // C5: a region of time words is no source; the noun phrase opening the sentence is.
    ["A port report published Wednesday said the quay needed repairs.", "said", Some("A port report"), "the quay needed repairs", false, Say],
    // C13: two apostrophes closing a quotation end the sentence, so the next cue is its own.
    ["Brel agreed that the ferry had ''real value.'' He added that the fares would fall.", "added", Some("He"), "that the fares would fall", false, Say],
);

// Issue 11 (polnear2), from the missed cues of PolNeAR's training split: verbs of belief,
// assertion and promise close a quotation or a clause like "said" (C12 trailing attribution,
// C13 quotation content, data/cues.txt `end` and `inv`), and a manner adverb trailing the
// verb belongs to the cue (C2 adverbs in the verb group; C10 the content starts after it).
cases!(issue11_end_position_and_trailing_adverbs:
    ["“The quota will not survive the winter,” Holm predicted.", "predicted", Some("Holm"), "The quota will not survive the winter", true, Believe],
    ["“The council has failed the port,” the union leader concluded.", "concluded", Some("the union leader"), "The council has failed the port", true, Assert],
    ["“Vote for the accord,” Ana Brel urged.", "urged", Some("Ana Brel"), "Vote for the accord", true, Urge],
    ["The ferry will run again by May, the mayor vowed.", "vowed", Some("the mayor"), "The ferry will run again by May", false, Promise],
    ["“The talks were honest,” stated Jon Pell, the envoy.", "stated", Some("Jon Pell, the envoy"), "The talks were honest", true, Assert],
    ["“Is the port safe?” Holm asked rhetorically.", "asked rhetorically", Some("Holm"), "Is the port safe?", true, Urge],
    ["“We are delighted,” Ana Brel said dryly.", "said dryly", Some("Ana Brel"), "We are delighted", true, Say],
    ["The envoy noted repeatedly that the deal was weak.", "noted repeatedly", Some("The envoy"), "that the deal was weak", false, Say],
    // C2: a time word after the cue stays out of it, and the quotation is still the content.
    ["“It is over,” Holm said then.", "said", Some("Holm"), "It is over", true, Say],
);

// Issue 11 (polnear2), more missed cues of PolNeAR's training split, each a made-up sentence.
cases!(issue11_sources_and_openers:
    // C2: "now", "always", "only" right before the verb are adverbs of the group, not time
    // phrases (PolNeAR's training split keeps them in the cue 78-100% of the time).
    ["Ana Brel now says the ferry will run in May.", "now says", Some("Ana Brel"), "the ferry will run in May", false, Say],
    ["The union has always insisted that the rota is unsafe.", "has always insisted", Some("The union"), "that the rota is unsafe", false, Assert],
    // C2: a time phrase before the verb still stays out of the cue.
    ["Ana Brel on Friday said the ferry would run in May.", "said", Some("Ana Brel"), "the ferry would run in May", false, Say],
    // C10: a relative clause whose subject moved out keeps its cue ("which she said was").
    ["The levy, which Ana Brel said was unfair, ends in May.", "said", Some("Ana Brel"), "was unfair", false, Say],
    // C7: a floating quantifier belongs to the source.
    ["The dockers all said the rota was unsafe.", "said", Some("The dockers"), "the rota was unsafe", false, Say],
    // C2: "since" between an auxiliary and the verb is an adverb of the group.
    ["Ana Brel has since said that she backed the accord.", "has since said", Some("Ana Brel"), "that she backed the accord", false, Say],
    // C5: a participle after a determiner describes the source after the cue.
    ["“There is no reason to wait,” said one unaligned harbour strategist.", "said", Some("one unaligned harbour strategist"), "There is no reason to wait", true, Say],
    // C1, C7: a poll share with its number spelt out is the source.
    ["Two in three said the port should reopen.", "said", Some("Two in three"), "the port should reopen", false, Say],
    // C12: a source set off mid-clause takes the rest of the clause whatever its own frames.
    ["Freeing the crew, Holm promised, was his first aim.", "promised", Some("Holm"), "Freeing the crew … was his first aim", false, Promise],
    // C2, C12: a medium phrase closing the cue leaves the clause before it the content.
    ["The port will stay shut, Brel said in a video message to the council.", "said in a video message", Some("Brel"), "The port will stay shut", false, Say],
    // C13: the one asked is an addressee after the cue, not content.
    ["“Can you explain the delay?” Holm asked the mayor.", "asked", Some("Holm"), "Can you explain the delay?", true, Urge],
    // C19: "according to" opening a clause after a colon or inside brackets.
    ["It has not gone unnoticed: According to recent polls, Holm trails by ten points.", "According to", Some("recent polls"), "Holm trails by ten points", false, Report],
    ["The quay is old. (According to the port authority, it was built in 1890.)", "According to", Some("the port authority"), "it was built in 1890", false, Report],
    // C5: nouns ending in "-ly" are no adverbs to leave out of the source.
    ["The port will reopen in May, the daily said.", "said", Some("the daily"), "The port will reopen in May", false, Say],
    ["The national assembly said the vote would be held in May.", "said", Some("The national assembly"), "the vote would be held in May", false, Say],
    // C2, C10: a determiner after the addressee opens the reported clause.
    ["Ana Berg told Norland radio the talks had failed.", "told", Some("Ana Berg"), "the talks had failed", false, Say],
);

// Issue 11 (polnear2): stances and findings that take an object (C1, C4 describe and report,
// C11 content from the object): "view X as Y", a poll's finding. ("cited X"
// stays no claim: a bare object states no event, C21, see `not_claims`.)
cases!(issue11_objects:
    ["Voters increasingly view Holm as a safe pair of hands.", "increasingly view", Some("Voters"), "Holm as a safe pair of hands", false, Describe],
    ["The April poll showed a dead heat in the port towns.", "showed", Some("The April poll"), "a dead heat in the port towns", false, Report],
);

// C10: a reported clause needs no "that" after cues that usually take one, when a subject
// and its verb open it; an object alone is no clause (see `not_claims`).
cases!(c10_clause_without_that:
    ["Ana Brel claimed the count was rigged.", "claimed", Some("Ana Brel"), "the count was rigged", false, Assert],
    ["The envoy stressed they would stay until May.", "stressed", Some("The envoy"), "they would stay until May", false, Assert],
    ["The minister noted the ferry fares had doubled.", "noted", Some("The minister"), "the ferry fares had doubled", false, Say],
    ["She explained she was leaving the council.", "explained", Some("She"), "she was leaving the council", false, Say],
);

// C12: a dash sets off a participle cue like a comma; it shares the sentence's subject.
cases!(participle_after_dash:
    ["Ruiz changed course on the spot – saying he would back the port plan.", "saying", Some("Ruiz"), "he would back the port plan", false, Say],
);

// C1, C10: a source introduced by "as" opening its clause; the clause after the comma is
// what was reported.
cases!(as_the_source_reported:
    ["As the Castavia Times reported, Ruiz raised more than $1.1 million from the banks.", "reported", Some("the Castavia Times"), "Ruiz raised more than $1.1 million from the banks", false, Report],
    ["And, as Ana Lee noted on Monday, the port is shut.", "noted", Some("Ana Lee"), "the port is shut", false, Say],
);

// A mined cue of class `say` (data/mined_cues.txt, no class in cue_heads.txt) takes its
// object as the content (C1 speech, C11), besides a clause with "that" and quotations.
cases!(mined_cue_takes_an_object:
    ["The mayor underscored the need for calm.", "underscored", Some("The mayor"), "the need for calm", false, Say],
);

/// Sentences with cue words in other senses: no claim.
#[test]
fn c21_non_statements_are_not_claims() {
    for text in [
        "The ministry did not confirm the figures.",
        "The ministry would not say whether talks had resumed.",
        "Officials wouldn't comment on the talks.",
    ] {
        assert!(claims_of(text).is_empty(), "{text}: {:?}", claims_of(text));
    }
}

/// C19: one claim per outermost attribution; a cue inside the reported clause is part of it.
#[test]
fn c19_nested_cue_is_no_claim_of_its_own() {
    for (text, cue) in [
        ("Half of the voters said they think the plan will fail.", "said"),
        ("Ana Brel said Holm believes the port should close.", "said"),
        ("The Castavia Herald reported that officials had warned of delays.", "reported"),
        // The outer attribution closes the sentence.
        ("The vote is not expected to take place before May, officials said.", "said"),
        ("Holm is believed to favour a second round, diplomats said.", "said"),
    ] {
        let claims = claims_of(text);
        let cues: Vec<&str> = claims.iter().map(|c| c.cue.text.as_str()).collect();
        assert_eq!(cues, [cue], "{text:?} gave {claims:#?}");
    }
}

#[test]
fn not_claims() {
    for text in [
        "The disputed region is large.",
        "He signed the said document.",
        "Hope Street was closed for repairs.",
        "The rebels' demands were long.",
        "The warning came too late.",
        "Ana Ruiz reported from the border town.",
        // C1: an appeal of a case is an action; C21: a bare object states no event.
        "The city appealed the case to the high court.",
        "Officials cite the 2000 flood.",
        // C1: without "that", only a record, poll or document reports a finding.
        "The conflict shows no signs of abating.",
        "Ana Brel found an old letter in the attic.",
        "The ministry did not rule out further talks.",
        // C1: a noun cue with its complement, no source and no clause.
        "Despite hopes of a breakthrough, the meeting yielded only a prisoner swap.",
        "That said, the port is open.",
        // Plural nouns, not verbs: "states", "demand".
        "The race moves to the Western states that vote in May.",
        "Demand for fish fell in the northern states.",
        "Some claims were false.",
        // C1: a cue word heading the subject of an auxiliary is a noun; an object takes no
        // preposition its cue does not require (C11).
        "The roster dispute has dragged on for months.",
        "Talks on a separate dispute over night shifts begin in May.",
        // C1, O10: "agreed to" + an action is an outcome; "to" + a verb is no addressee, so
        // the "that" after it is a determiner, not the start of a reported clause (C2).
        "The two sides agreed to resume talks on that issue next month.",
        // C10: an object after a cue that wants "that" is no reported clause.
        "The flood claimed over 300 lives.",
        "Norland declared independence in 1991.",
        // Appearances and names are no statements (cue_heads.txt `none`, C1).
        "The coalition seemed to be united in favour of the plan.",
        "The levy appears to be helping the ports.",
        "The extra week, known as the Golden Week, ends on Friday.",
    ] {
        let claims = claims_of(text);
        assert!(claims.is_empty(), "{text:?} gave {claims:#?}");
    }
}

#[test]
fn coordinated_cue_cuts_the_first_content() {
    let claims = claims_of("The union said it had made an offer and called the strike “fair.”");
    assert_eq!(claims[0].text, "it had made an offer");
}

#[test]
fn ids_in_article_order_and_clipped_coordination() {
    let claims = claims_of("The mayor said the road was closed, and the police said it would reopen.");
    let ids: Vec<&str> = claims.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["c1", "c2"]);
    assert_eq!(claims[0].text, "the road was closed");
    assert_eq!(claims[1].text, "it would reopen");
}

/// The name of the party that speaks claim `cue` in `text`, through the whole pipeline.
fn speaker_of(text: &str, cue: &str) -> Option<String> {
    let x = analyze(text);
    let claim = x.claims.iter().find(|c| c.cue.text == cue)?;
    let id = claim.speaker.as_ref()?;
    x.parties.iter().find(|p| &p.id == id).map(|p| p.name.clone())
}

struct Speaker {
    text: &'static str,
    cue: &'static str,
    speaker: Option<&'static str>,
}

#[test]
fn speakers() {
    let cases = [
        Speaker { text: "Norway accused Sweden of delaying the talks.", cue: "accused", speaker: Some("Norway") },
        Speaker { text: "Norway's spokesperson said that the offer was fair.", cue: "said", speaker: Some("Norway") },
        Speaker { text: "Sweden sent a team. Swedish officials said that talks would go on.", cue: "said", speaker: Some("Sweden") },
        Speaker { text: "Norway met Sweden. Both sides said that they wanted peace.", cue: "said", speaker: Some("Norway") },
        Speaker {
            text: "Foreign Minister Ana Lund arrived in Oslo on Monday. She said that the talks had failed.",
            cue: "said",
            speaker: Some("Ana Lund"),
        },
        Speaker {
            text: "Norway sent a delegation to the talks. They said that the offer was fair.",
            cue: "said",
            speaker: Some("Norway"),
        },
        Speaker { text: "It was reported that the border had reopened.", cue: "was reported", speaker: None },
        // C5, C6: a role or body owned through a possessive pronoun.
        Speaker {
            text: "President Oskar Lind arrived on Monday. His spokesman said the offer was a trap.",
            cue: "said",
            speaker: Some("Oskar Lind"),
        },
        Speaker {
            text: "Foreign Minister Ana Lund of Chile arrived on Monday. Her ministry said the talks would resume.",
            cue: "said",
            speaker: Some("Chile"),
        },
        // C6: "the company", "the union" → the organisation so named, else the one last named.
        Speaker {
            text: "Tarvik Shipping ASA cut its forecast. Shares slid. The company said it had signed a new contract.",
            cue: "said",
            speaker: Some("Tarvik Shipping ASA"),
        },
        Speaker {
            text: "The Dock Workers' Union met Tarvik Shipping. The union said the offer was too low.",
            cue: "said",
            speaker: Some("Dock Workers' Union"),
        },
        Speaker {
            text: "Tarvik Shipping closed two depots. Its spokeswoman said the decision was painful.",
            cue: "said",
            speaker: Some("Tarvik Shipping"),
        },
        Speaker {
            text: "Erik Berg joked that the sea was calm. The man said that the catch was poor.",
            cue: "said",
            speaker: Some("Erik Berg"),
        },
        Speaker {
            text: "Erik Berg left early. The company said that sales had fallen.",
            cue: "said",
            speaker: None,
        },
        Speaker {
            text: "Foreign Minister Ana Lund met Prime Minister Erik Berg. Berg rejected that account. He said that the talks had failed.",
            cue: "said",
            speaker: Some("Erik Berg"),
        },
    ];
    for c in cases {
        assert_eq!(speaker_of(c.text, c.cue).as_deref(), c.speaker, "{}", c.text);
    }
}

/// The names of every party behind claim `cue` in `text` ([`Claim::speakers`]).
fn speakers_of(text: &str, cue: &str) -> Vec<String> {
    let x = analyze(text);
    let Some(claim) = x.claims.iter().find(|c| c.cue.text == cue) else { return Vec::new() };
    assert_eq!(claim.speaker.as_ref(), claim.speakers.first(), "speaker is the first of speakers");
    let name = |id: &String| x.parties.iter().find(|p| &p.id == id).map(|p| p.name.clone());
    claim.speakers.iter().filter_map(name).collect()
}

/// A group source and the parties it stands for.
struct Group {
    text: &'static str,
    cue: &'static str,
    speakers: &'static [&'static str],
}

macro_rules! groups {
    ($name:ident: $( [$text:expr, $cue:expr, $speakers:expr] ),+ $(,)?) => {
        #[test]
        fn $name() {
            for c in [$(Group { text: $text, cue: $cue, speakers: &$speakers }),+] {
                assert_eq!(speakers_of(c.text, c.cue), c.speakers, "{}", c.text);
            }
        }
    };
}

groups!(group_speakers_named_together:
    ["Peru and Chile met in Lima. Both sides said the talks were useful.", "said", ["Peru", "Chile"]],
    ["Talks between Norway and Sweden resumed. The two countries said that a deal was close.", "said", ["Norway", "Sweden"]],
    ["Peru, Chile and Bolivia sent envoys. The three governments warned that prices would rise.", "warned", ["Peru", "Chile", "Bolivia"]],
    ["Norway and the European Union held talks. “We are close,” both delegations said.", "said", ["Norway", "European Union"]],
    ["President Ana Lund and Prime Minister Erik Berg met in Oslo. The two leaders said that trade would grow.", "said", ["Ana Lund", "Erik Berg"]],
);

groups!(group_speakers_by_salience:
    ["Norway met Sweden on Monday. Sweden wants fish; Norway wants oil. Both sides said that they wanted peace.", "said", ["Sweden", "Norway"]],
    ["Norway hosted the talks. Both sides said that they wanted peace.", "said", []],
    ["Norway hosted Sweden. Both parties said that they wanted peace.", "said", []],
);

groups!(they_after_a_group:
    ["Peru and Chile met in Lima. Both sides said the talks were useful. They added that more talks were planned.", "added", ["Peru", "Chile"]],
    ["Peru and Chile met in Lima. Both sides said the talks were useful. Bolivia said that it was not invited. They added that more talks were planned.", "added", ["Bolivia"]],
);

groups!(coordinated_speakers:
    ["Both Peru and Chile said that more talks were planned.", "said", ["Peru", "Chile"]],
    // C7: two titled names joined by "and" are one source, titles and all.
    ["Mayor Ana Lund and Governor Erik Berg condemned the attack on the ferry.", "condemned", ["Ana Lund", "Erik Berg"]],
    // C7: a floating "both" after the subject leaves the cue a verb, not a noun after a determiner.
    ["Mayor Ana Lund and Governor Erik Berg both condemned the attack on the ferry.", "condemned", ["Ana Lund", "Erik Berg"]],
    ["Peru and Chile both said that the border would reopen.", "said", ["Peru", "Chile"]],
    ["Peru, Chile and Bolivia said that prices would rise.", "said", ["Peru", "Chile", "Bolivia"]],
    ["Chilean officials said that prices would rise.", "said", ["Chile"]],
);

#[test]
fn a_group_speaker_is_not_a_target() {
    let x = analyze("Peru and Chile met in Lima. Both sides said that Peru would host the next round.");
    let claim = x.claims.last().expect("claim");
    assert_eq!(claim.speakers.len(), 2, "{claim:#?}");
    assert!(claim.targets.is_empty(), "{claim:#?}");
}

#[test]
fn a_group_in_the_content_is_a_target() {
    let x =
        analyze("Peru and Chile met in Lima. Foreign Minister Ana Lund urged both sides to keep talking.");
    let claim = x.claims.last().expect("claim");
    let name = |id: &String| x.parties.iter().find(|p| &p.id == id).map(|p| p.name.as_str());
    let targets: Vec<&str> = claim.targets.iter().filter_map(name).collect();
    assert_eq!(targets, ["Peru", "Chile"], "{claim:#?}");
}

#[test]
fn an_unnamed_body_speaks_for_its_country() {
    let text = "Norway's foreign minister met Swedish officials on Monday. \
                “We are close,” a Norwegian spokesman said. The ministry said that talks would resume.";
    let x = analyze(text);
    let last = x.claims.last().expect("claims");
    let name =
        last.speaker.as_ref().and_then(|id| x.parties.iter().find(|p| &p.id == id)).map(|p| p.name.as_str());
    assert_eq!(name, Some("Norway"), "{:#?}", x.claims);
}

#[test]
fn targets_are_parties_named_in_the_content() {
    let x = analyze("Norway accused Sweden of delaying the talks.");
    let claim = &x.claims[0];
    let names: Vec<&str> = claim
        .targets
        .iter()
        .filter_map(|id| x.parties.iter().find(|p| &p.id == id))
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(names, ["Sweden"]);
}

/// Any text: no panic, every span slices the text it repeats.
#[test]
fn robust_on_odd_input() {
    let texts = [
        "",
        "“",
        "\"\"\"",
        "said",
        ", said",
        "According to",
        "“Unclosed, he said",
        "He said: “",
        "” said ” “ said “",
        "Ñandú said “¿qué?” — “sí,” said Zoë.\n\n“",
        "The minister, said, that, “ ,",
    ];
    for text in texts {
        for c in claims_of(text) {
            for s in c.content.pieces().iter().chain(c.source.iter()).chain(std::iter::once(&c.cue)) {
                assert_eq!(text.get(s.start..s.end), Some(s.text.as_str()), "{text:?}");
            }
        }
    }
}

mod fuzz {
    use super::claims_of;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        /// Random mixes of cue words, quotes and punctuation never panic and keep spans exact.
        #[test]
        fn spans_slice_the_text(parts in proptest::collection::vec(
            prop_oneof![
                Just("said"), Just("“"), Just("”"), Just("\""), Just("''"), Just(","), Just("."), Just(":"),
                Just("according to"), Just("The minister"), Just("he"), Just("that"), Just("—"), Just("\n"),
                Just("accused"), Just("of"), Just("(D-Maine)"), Just("Ñandú"), Just("was reported"), Just("adding"),
            ],
            0..40,
        )) {
            let text = parts.join(" ");
            for c in claims_of(&text) {
                for s in c.content.pieces().iter().chain(c.source.iter()).chain(std::iter::once(&c.cue)) {
                    prop_assert_eq!(text.get(s.start..s.end), Some(s.text.as_str()));
                }
            }
        }
    }
}

/// The speaker and content of the last claim with cue `cue` in `text`, through the whole
/// pipeline.
fn last_claim(text: &str, cue: &str) -> Option<(Option<String>, String)> {
    let x = analyze(text);
    let claim = x.claims.iter().rev().find(|c| c.cue.text == cue)?;
    let name = claim.speaker.as_ref().and_then(|id| x.party(id)).map(|p| p.name.clone());
    Some((name, claim.text.clone()))
}

/// Named rows (aho-corasick's `t!` style): `name, text, cue, speaker, content` of the last claim
/// with that cue. Sentences and names are made up.
macro_rules! rows {
    ($( $name:ident: $text:expr, $cue:expr, $speaker:expr, $content:expr; )+) => {
        $(
            #[test]
            fn $name() {
                let got = last_claim($text, $cue);
                let want: Option<&str> = $speaker;
                assert_eq!(got.as_ref().map(|g| g.0.as_deref()), Some(want), "speaker in {:?}", $text);
                assert_eq!(got.as_ref().map(|g| g.1.as_str()), Some($content), "content in {:?}", $text);
            }
        )+
    };
}

rows! {
    // C6: pronouns resolve to the nearest person of their gender (titles, role nouns, names).
    c6_she_resolves_to_female_speaker:
        "Mr. Tomas Varga met Ms. Ilse Brandt in Vienna. She said the talks had failed.",
        "said", Some("Ilse Brandt"), "the talks had failed";
    c6_he_skips_the_nearer_woman:
        "Judge Oren Falk heard the lawyer, Petra Lind. He said the evidence was thin.",
        "said", Some("Oren Falk"), "the evidence was thin";
    c6_she_skips_the_nearer_man:
        "Judge Maren Holt praised the lawyer, David Kent. She said the case was well argued.",
        "said", Some("Maren Holt"), "the case was well argued";
    c6_spokeswoman_is_she:
        "Spokeswoman Tara Quill thanked Governor Paul Reyes. She said the budget would pass.",
        "said", Some("Tara Quill"), "the budget would pass";
    c6_mrs_title_on_a_later_mention:
        "Anika Rowe and Stefan Vogel spoke on Monday. Mrs. Rowe left first. She said the deal was close.",
        "said", Some("Anika Rowe"), "the deal was close";
    c6_unknown_gender_still_resolves:
        "Director Kim Sato arrived late. She said the plan was ready.",
        "said", Some("Kim Sato"), "the plan was ready";
    // C13: a quotation before "X said" stays the content whatever adverbial trails the cue.
    c13_quote_before_cue_with_trailing_adverbial:
        "“We will not sign this,” Okafor said in a radio interview with colleagues.",
        "said in a radio interview", Some("Okafor"), "We will not sign this";
    c13_quote_before_cue_with_relative_clause_after:
        "“The port stays shut,” Okafor said at a briefing that ran late.",
        "said", Some("Okafor"), "The port stays shut";
    // C5/C12: "said she encourages" is no inverted source ("said he." is): the pronoun opens
    // the reported clause, and the speaker is the name before the cue with its appositive.
    c12_pronoun_after_the_cue_opens_the_reported_clause:
        "Ana Berg, director of the Harbour Reading Club, said she encourages members to share ideas.",
        "said", Some("Ana Berg"), "she encourages members to share ideas";
    // C1: confirming a person in an office is an action; "confirmed the talks had failed" is
    // a claim.
    c1_confirmed_in_office_is_no_claim_but_a_reported_clause_is:
        "The Senate confirmed Ana Berg as transport secretary. The ministry confirmed the port had closed.",
        "confirmed", None, "the port had closed";
    // C8: a medium relaying a named speaker after the fact is not the speaker.
    c8_according_to_after_a_sourced_quote_relays_it:
        "“The port must reopen,” Per Holm said, according to Vardby Radio.",
        "said", Some("Per Holm"), "The port must reopen";
    c8_outlet_reporting_after_a_sourced_claim_relays_it:
        "The port must reopen, Ana Brel said, Vardby Radio reported.",
        "said", Some("Ana Brel"), "The port must reopen";
    c8_outlet_reporting_the_same_quotation_relays_it:
        "Asked about the ban, Per Holm said: \"There will always be exceptions,\" the Times reported.",
        "said", Some("Per Holm"), "There will always be exceptions";
    // C12: an aside after a dash is no part of the cue's trailing words, even with a "that".
    c12_dash_aside_after_a_trailing_cue:
        "Ana Berg thinks the port must reopen, Mayor Per Holm said on Monday in Vardby — a reversal that ushered in tolls.",
        "said", Some("Per Holm"), "Ana Berg thinks the port must reopen";
    c21_negated_confirm_is_a_non_statement:
        "Ana Vell did not confirm the report. She said the port would reopen.",
        "said", Some("Ana Vell"), "the port would reopen";
    c5_participle_adjective_in_the_source:
        "“The court takes no view,” the unsigned opinion said.",
        "said", None, "The court takes no view";
    c13_three_apostrophes_close_two_quotations:
        "''They told us, 'Go home,''' said Mr. Tomas Vell.",
        "said", Some("Tomas Vell"), "They told us, 'Go home";
    c1_cue_after_a_number_is_a_noun:
        "Ana Vell said one of 45 states had voted.",
        "said", Some("Ana Vell"), "one of 45 states had voted";
    c13_guillemets_before_cue:
        "«We are leaving,» the minister said.",
        "said", None, "We are leaving";
    // The quotation is still the content when a clause follows the cue.
    c13_quote_before_cue_keeps_it_before_a_clause:
        "“We have a plan,” Okafor said on Friday he would resign.",
        "said", Some("Okafor"), "We have a plan";
    // C12: a parenthetical cue whose subject is a longer lower-case noun phrase.
    c12_parenthetical_cue_with_a_coordinated_subject:
        "The source of the anger, dock workers and their leaders say, is the new rota.",
        "say", Some("workers"), "The source of the anger … is the new rota";
    c12_parenthetical_cue_with_a_quantified_subject:
        "Raising fares too soon, a wide array of economists say, slowed the recovery.",
        "say", Some("economists"), "Raising fares too soon … slowed the recovery";
    // C2, C10: a determiner after a named addressee opens the reported clause.
    c10_determiner_after_the_addressee_opens_the_clause:
        "Ana Berg told Vardby Radio her plan would pass.",
        "told", Some("Ana Berg"), "her plan would pass";
    // C5, C10: a participle clause opening the sentence shares the main clause's subject, and
    // its content ends at the comma.
    c5_opening_participle_clause_takes_the_main_subject:
        "After saying the tolls were unfair, Ana Berg left the hall.",
        "saying", Some("Ana Berg"), "the tolls were unfair";
    c5_opening_having_clause_takes_the_main_subject:
        "Having announced that the port would stay shut, Judge Ivo Marr adjourned the hearing.",
        "announced", Some("Ivo Marr"), "that the port would stay shut";
    c5_time_phrase_then_participle_takes_the_main_subject:
        "One month after announcing his support for the plan, Per Holm still doubts it.",
        "announcing", Some("Per Holm"), "his support for the plan";
    // C5: the head of a subject with a restrictive relative clause is the source, never a
    // name inside the clause, and a role noun it defines refers to no one named before (C6).
    c5_relative_clause_head_is_the_source:
        "Residents who live near the port said the noise was unbearable.",
        "said", Some("residents"), "the noise was unbearable";
    c6_role_noun_defined_by_a_relative_clause_is_no_one_named:
        "Ana Berg said the hearing would be short. The lawyer who represents Per Holm said the charges were false.",
        "said", None, "the charges were false";
    // C13: a quotation continued in new quotation marks after the source is one claim, also
    // when the source ends with a company's legal form.
    c13_quotation_continued_after_a_company_name:
        "“The ferry is late,” said Ivo Marr, an analyst at Vardby Holm & Co. “Nobody knows why.”",
        "said", Some("Ivo Marr"), "The ferry is late … Nobody knows why";
    // C13: wire copy of one sentence a line, whose straight quotes open at a line's end, still
    // joins the quotation continued after the source.
    c13_quotation_continued_on_the_next_line_of_wire_copy:
        "\"The port is shut, \"said Per Holm, who is also the harbour master.\"\nNobody can sail now. \"\n",
        "said", Some("Per Holm"), "The port is shut … Nobody can sail now";
    // C6: "it" refers to the body that spoke last, not to a country named in its words.
    c6_it_is_the_body_that_spoke_last:
        "“Chile cannot win this,” Vardby Radio said. It welcomed the criticism of Chile’s policy but called for sanctions.",
        "called for", Some("Vardby Radio"), "sanctions";
    // C6: a pronoun after its content refers to someone outside it, not to the person the
    // content opens with.
    c6_pronoun_after_its_content_skips_the_content_subject:
        "Per Holm said the port would close. Ivo Marr was summoned to the ministry to hear a protest, he added.",
        "added", Some("Per Holm"), "Ivo Marr was summoned to the ministry to hear a protest";
    // C6: "the ministry" is the ministry that spoke last, not the one named first.
    c6_the_ministry_is_the_one_that_spoke_last:
        "The German Foreign Ministry said the talks would resume in May. Before that, the defence minister will visit Chile, the defence ministry said. The minister planned to meet the army chief, the ministry said.",
        "said", Some("Germany"), "The minister planned to meet the army chief";
    // C5, C6: what a person filed or wrote, after a possessive, speaks for that person.
    c6_a_possessed_document_speaks_for_its_owner:
        "Per Holm sued the city on Monday. His lawsuit claims the tolls are illegal.",
        "claims", Some("Per Holm"), "the tolls are illegal";
    // C5: "Hours later," is a leading adverbial, never the source of a participle cue.
    c5_later_phrase_is_no_source:
        "Hours later, Per Holm returned the compliment, telling Vardby Radio, “We have a deal.”",
        "telling", Some("Per Holm"), "We have a deal";
}

rows! {
    // C6: a role noun resolves to the person holding that role, also one the role list lacks.
    c6_role_noun_resolves_to_its_holder:
        "Judge Maria Vell heard the lawyer, David Kent. The judge said the evidence was thin.",
        "said", Some("Maria Vell"), "the evidence was thin";
    c6_definite_noun_names_a_body:
        "Harbor Radio broadcast a long commentary. The radio said the port deal was a mistake.",
        "said", Some("Harbor Radio"), "the port deal was a mistake";
    c6_unheld_role_noun_has_no_speaker:
        "Judge Ana Roos met Kent. The report said the evidence was thin.",
        "said", None, "the evidence was thin";
    // C2: adverbs inside the verb group and a medium phrase after it belong to the cue.
    c2_adverb_and_medium_in_the_cue:
        "The ministry also said in a statement that the port would reopen.",
        "also said in a statement", None, "that the port would reopen";
    // C2: an addressee after the medium phrase belongs to the cue too, not to the content.
    c2_addressee_after_medium_in_the_cue:
        "The ministry said in a letter to the board that the port would reopen.",
        "said in a letter to the board", None, "that the port would reopen";
}

/// C8: an outlet relaying a named speaker is no claim of its own: the relay after the quotation
/// or after the speaker's cue goes, an outlet reporting on its own account stays.
#[test]
fn c8_relays_leave_no_claim_of_their_own() {
    let cues = |text: &str| analyze(text).claims.iter().map(|c| c.cue.text.clone()).collect::<Vec<_>>();
    let relayed = [
        "Asked about the ban, Per Holm said: \"There will always be exceptions,\" the Times reported.",
        "“The port must reopen,” Per Holm said, according to Vardby Radio.",
        "The port must reopen, Ana Brel said, Vardby Radio reported.",
    ];
    for text in relayed {
        assert_eq!(cues(text).iter().filter(|c| *c == "said").count(), 1, "{text}");
        assert!(!cues(text).iter().any(|c| c == "reported" || c == "according to"), "{text}");
    }
    assert_eq!(cues("The Times reported that the port had closed."), ["reported"]);
}
