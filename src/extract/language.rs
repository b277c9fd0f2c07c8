//! Is this English? A cheap gate in front of the pipeline.
//!
//! Every rule of the extractor is written for English news: capitalised words are names, "said"
//! is a cue, "agreed" an outcome. On another language those rules misfire (a Spanish article
//! yields a dozen "parties" from capitalised sentence openers), so the core extracts nothing from
//! a text that does not look English, and the app shows its notice instead of odd cards.
//!
//! # Approach
//!
//! Count, over the first [`SAMPLE`] words, how many are among the commonest English function
//! words (`data/english_markers.txt`). English news runs at about one word in three; other
//! languages written in the Latin alphabet stay well under one in ten, where the gate closes.
//! Texts under [`MIN_WORDS`] words are too short to judge and pass.
//!
//! # Known failure cases
//!
//! * A table of names and numbers (sports results, market prices) in English has few function
//!   words and is judged not English when it has no prose at all.
//! * An English article that quotes long passages in another language still passes, so the
//!   quoted passage is analysed by English rules.

use super::lexicon::{data_file, entries};
use std::sync::OnceLock;

/// Words looked at: enough for a stable ratio, and a bound on the cost for any input.
pub const SAMPLE: usize = 2_000;

/// Below this many words a text is not judged.
pub const MIN_WORDS: usize = 12;

fn markers() -> &'static [&'static str] {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| entries(data_file!("data/english_markers.txt")).collect())
}

/// `true` unless the text is long enough to judge and under one word in ten is a common English
/// function word.
pub fn looks_english(text: &str) -> bool {
    let (mut words, mut common) = (0usize, 0usize);
    for word in text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).take(SAMPLE) {
        words += 1;
        if markers().iter().any(|m| m.eq_ignore_ascii_case(word)) {
            common += 1;
        }
    }
    words < MIN_WORDS || common * 10 >= words
}

#[cfg(test)]
mod tests {
    use super::looks_english;

    macro_rules! t {
        ($name:ident, $text:expr, $english:expr) => {
            #[test]
            fn $name() {
                assert_eq!(looks_english($text), $english, "{:?}", $text);
            }
        };
    }

    t!(
        english_news,
        "The minister said on Friday that the talks with Norland had stalled and would resume in May.",
        true
    );
    t!(spanish_news, "El ministro dijo el viernes que las conversaciones con Norlandia se habían estancado y que se reanudarían en mayo.", false);
    t!(german_news, "Der Minister sagte am Freitag, die Gespräche mit Norland seien ins Stocken geraten und würden im Mai fortgesetzt.", false);
    t!(too_short_to_judge, "Gracias, Norland.", true);
    t!(
        two_short_english_sentences,
        "Tarvik Shipping closed two depots. Its chief executive, Nils Ek, said profits fell.",
        true
    );
    t!(italian_news, "Il ministro ha detto venerdì che i colloqui con la Norlandia si erano arenati e sarebbero ripresi a maggio.", false);
    t!(french_news, "Le ministre a déclaré vendredi que les pourparlers avec la Norlande étaient au point mort et reprendraient en mai.", false);
    t!(empty, "", true);

    /// Issue 11, item 4: a Spanish article gives no cards (it used to give 16 parties), but its
    /// sentences are still there for the article pane.
    #[test]
    fn non_english_article_yields_no_cards() {
        let text = "El Gobierno de Norlandia y la Unión de Pescadores firmaron el lunes un acuerdo.\n\
                    El ministro Pablo Ruiz dijo que la Comisión Europea apoyará el plan en Bruselas.\n\
                    La oposición acusó al Gobierno de ceder ante las presiones de Castavia.";
        let extraction = crate::extract::analyze(text);
        assert!(extraction.parties.is_empty(), "{:?}", extraction.parties);
        assert!(extraction.claims.is_empty() && extraction.outcomes.is_empty());
        assert_eq!(extraction.sentences.len(), 3);
    }
}
