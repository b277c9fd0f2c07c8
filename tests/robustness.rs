//! Any input, however strange, must give an extraction without panicking, and every span
//! in it must lie on char boundaries of the input and repeat the text it covers.
#![cfg(not(target_arch = "wasm32"))] // native only: files, processes, proptest

#[path = "support/spans.rs"]
mod spans;

use article_explorer::extract::{analyze, Extraction};
use proptest::prelude::*;
use spans::check_span;

fn check(text: &str) -> Extraction {
    let x = analyze(text);
    for p in &x.parties {
        p.mentions.iter().for_each(|m| check_span(text, m, "mention"));
    }
    for c in &x.claims {
        check_span(text, &c.cue, "cue");
        c.source.iter().for_each(|s| check_span(text, s, "source"));
        c.content.pieces().iter().for_each(|s| check_span(text, s, "content"));
    }
    for o in &x.outcomes {
        check_span(text, &o.evidence, "evidence");
    }
    for s in &x.sentences {
        assert!(text.get(s.start..s.end).is_some(), "sentence {s:?}");
    }
    x
}

/// Pieces of news-like text to shuffle into strange articles.
const PIECES: &[&str] = &[
    "Ukrainian officials",
    " said ",
    "“",
    "”",
    "\"",
    "'",
    "’s",
    "U.S.",
    "Mr.",
    "Kyiv",
    " the ",
    "President",
    "Ana Lund",
    ".",
    ",",
    "—",
    " - ",
    "\n",
    "\r\n",
    "\n\n",
    "OSLO (Newswire) -",
    "Source: ",
    "1,000",
    "3.5",
    "(",
    ")",
    "Foreign Minister",
    "NATO",
    "rebels",
    "agreed",
    "ﷺ",
    "مرحبا",
    "שלום",
    "👩‍👩‍👧",
    "e\u{301}",
    "\u{200d}",
    "ALL CAPS HEADLINE",
    "Dr",
    "St.",
    "...",
    "…",
    "&",
    "de",
    "'s",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_strings(text in any::<String>()) {
        check(&text);
    }

    #[test]
    fn random_bytes_decoded_lossily(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        check(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn shuffled_news_pieces(picks in proptest::collection::vec(0..PIECES.len(), 0..80)) {
        let text: String = picks.iter().map(|&i| PIECES[i]).collect();
        check(&text);
    }

    #[test]
    fn unicode_soup(text in "[\\p{Arabic}\\p{Hebrew}\\p{Han}\\p{Emoji} .,“”'’A-Za-z\\n-]{0,300}") {
        check(&text);
    }
}

#[test]
fn one_megabyte_of_one_word() {
    let text = "Lund".repeat(250_000);
    let x = check(&text);
    assert!(x.sentences.len() <= 1);
    let spaced = "Lund ".repeat(200_000);
    check(&spaced);
}

#[test]
fn no_punctuation_at_all() {
    let text = "the minister of ports ana lund said the talks with chile would go on ".repeat(2_000);
    check(&text);
    let caps = "Ana Lund Chile Oslo Kremlin Maria Berg ".repeat(2_000);
    check(&caps);
}

#[test]
fn empty_and_tiny_inputs() {
    for text in ["", " ", "\n", ".", "“", "'s", "U.", "A.", "\u{feff}", "\r\n\r\n", "-", "—", "1,", "Mr."]
    {
        check(text);
    }
}

#[test]
fn only_quotes_and_brackets() {
    check(&"“(\"‘’\")” ".repeat(5_000));
}

/// Inputs shaped to make a careless scan quadratic must still finish fast (linear time).
#[test]
fn adversarial_shapes_stay_fast() {
    let shapes = [
        "Chile ".repeat(100_000),
        "President ".repeat(100_000),
        ") ".repeat(200_000),
        "” ".repeat(200_000),
        "Ana Lund Chile Oslo Kremlin ".repeat(20_000),
        "U.S. ".repeat(100_000),
        "Mr. ".repeat(100_000),
        "of the ".repeat(100_000),
        format!("{}.", "Ana Lund, ".repeat(50_000)),
    ];
    for text in &shapes {
        let start = std::time::Instant::now();
        check(text);
        // Generous even for a debug build on a busy machine; quadratic behaviour takes minutes.
        assert!(start.elapsed().as_secs() < 30, "too slow on {:?}…", &text[..20]);
    }
}

/// Issue 14: a country known only by its demonym ("Chechens", "Swiss banks") was exported as a
/// party with `mentions: []`, which no card can show in the text. Every exported party has a
/// mention, and every id a claim or an outcome names is an exported party. Made-up sentences.
#[test]
fn no_party_without_a_mention() {
    let rows: &[(&str, &str)] = &[
        ("demonym alone", "Chechens gathered in the square on Friday, witnesses said."),
        ("demonym as adjective", "Swiss banks raised their fees on Monday, analysts said."),
        ("two demonyms", "Norwegian and Swiss fishermen met in the port, a union official said."),
        (
            "demonym beside named parties",
            "Ana Lund, the ports minister, said Chechens and Norwegians would be welcome at the talks in Oslo.",
        ),
        ("demonym in a quote", "“Swiss lenders will follow,” the central bank said in a statement."),
        ("adjective before a noun", "Chechen fighters crossed the river on Sunday, the army said."),
        ("adjective of a ship", "A Norwegian tanker docked in the port on Monday."),
        ("adjective beside a named country", "Ghana signed a deal with Togolese traders on Monday, the ministry said."),
        ("adjective in a headline", "Swiss franc rises as Norwegian crown falls\n\nTraders said the moves were small."),
    ];
    for (name, text) in rows {
        let x = check(text);
        let ids: Vec<&str> = x.parties.iter().map(|p| p.id.as_str()).collect();
        for p in &x.parties {
            assert!(!p.mentions.is_empty(), "{name}: party {} ({}) has no mention", p.id, p.name);
        }
        for c in &x.claims {
            for id in c.speakers.iter().chain(&c.targets) {
                assert!(ids.contains(&id.as_str()), "{name}: claim {} names unknown party {id}", c.id);
            }
        }
        for o in &x.outcomes {
            for id in &o.parties {
                assert!(ids.contains(&id.as_str()), "{name}: outcome {} names unknown party {id}", o.id);
            }
        }
    }
}
