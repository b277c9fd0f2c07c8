//! "Why?" on a card: what produced it and how sure the extractor is. The lines are plain data
//! ([`why_lines`], tested natively); [`why`] renders them as a disclosure.

use super::cards::Item;
use crate::extract::{Extraction, NameEvidence, SpeakerBasis};
use yew::prelude::*;

/// What a piece of name evidence means, for a reader.
pub fn evidence_label(e: NameEvidence) -> &'static str {
    match e {
        NameEvidence::Gazetteer => "a gazetteer entry (countries, capitals, known bodies)",
        NameEvidence::Title => "a title before the name",
        NameEvidence::Tagger => "the trained name tagger",
        NameEvidence::HeadWord => "a head word (Ministry, Bank, Palace …)",
        NameEvidence::GivenName => "a known given name",
        NameEvidence::Dateline => "a dateline or source line",
        NameEvidence::Shape => "the shape of the words only",
        NameEvidence::Context => "the words around it or the rest of the article",
        NameEvidence::Collective => "a collective or role noun (officials, rebels, spokesman)",
    }
}

/// How a claim's speaker was found, for a reader.
pub fn basis_label(b: SpeakerBasis) -> &'static str {
    match b {
        SpeakerBasis::Name => "named in the source",
        SpeakerBasis::Description => "a description naming its party",
        SpeakerBasis::Reference => "a pronoun or role noun, resolved from the sentences before",
        SpeakerBasis::Group => "a group phrase standing for several parties",
        SpeakerBasis::None => "no speaker found",
    }
}

/// The card's "why", as (label, value) lines.
pub fn why_lines(item: Item<'_>, ex: &Extraction) -> Vec<(&'static str, String)> {
    let mut lines = vec![("Confidence", item.confidence().label().to_owned())];
    match item {
        Item::Party(p) => {
            let evidence: Vec<&str> = p.evidence.iter().map(|&e| evidence_label(e)).collect();
            let evidence = if evidence.is_empty() { "—".to_owned() } else { evidence.join("; ") };
            lines.push(("Named by", evidence));
            lines.push(("Mentions", p.mentions.len().to_string()));
        }
        Item::Claim(c) => {
            lines.push(("Cue", format!("“{}” ({})", c.cue.text, c.cue_class.label())));
            lines.push(("Form", if c.direct { "quotation" } else { "reported speech" }.to_owned()));
            let source = c.source.as_ref().map(|s| format!("“{}”: ", s.text)).unwrap_or_default();
            lines.push(("Speaker", format!("{source}{}", basis_label(c.basis))));
            let targets: Vec<&str> =
                c.targets.iter().filter_map(|t| ex.party(t)).map(|p| p.name.as_str()).collect();
            if !targets.is_empty() {
                lines.push(("About", targets.join(", ")));
            }
        }
        Item::Outcome(o) => {
            if !o.trigger.text.is_empty() {
                lines.push(("Trigger", format!("“{}”", o.trigger.text)));
            }
            if let Some(s) = &o.signal {
                lines.push(("Set by", format!("“{}”", s.text)));
            }
            if !o.rule.is_empty() {
                lines.push(("Rule", o.rule.clone()));
            }
            lines.push(("Stated", if o.asserted { "by the article" } else { "inside a claim" }.to_owned()));
        }
    }
    lines
}

/// The "Why?" disclosure of a card. Opening it does not select the card.
pub fn why(item: Item<'_>, ex: &Extraction) -> Html {
    let lines = why_lines(item, ex);
    html! {
        <details class="ae-why" data-testid="why" onclick={Callback::from(|e: MouseEvent| e.stop_propagation())}>
            <summary>{"Why?"}</summary>
            <dl class="ae-why-list">
                {for lines.into_iter().map(|(k, v)| html! { <><dt>{k}</dt><dd>{v}</dd></> })}
            </dl>
        </details>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::cards::Card;

    #[test]
    fn lines_name_the_cue_the_trigger_and_the_evidence() {
        let text = "Norland and Castavia will not sign the water accord, Foreign Minister Ana Lund said.";
        let ex = crate::extract::analyze(text);
        let all: Vec<Vec<(&str, String)>> =
            Card::all(&ex).filter_map(|c| c.item(&ex)).map(|i| why_lines(i, &ex)).collect();
        let has = |k: &str, v: &str| all.iter().flatten().any(|(a, b)| *a == k && b.contains(v));
        assert!(has("Cue", "said"), "{all:?}");
        assert!(has("Set by", "not") || has("Set by", "will"), "{all:?}");
        assert!(has("Named by", "a title before the name"), "{all:?}");
        assert!(all.iter().all(|l| l[0].0 == "Confidence"));
    }
}
