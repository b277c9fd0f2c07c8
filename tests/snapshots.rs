//! Golden snapshots of the whole extraction over `tests/articles/*.txt` (articles written for
//! these tests), in the style of text-splitter's snapshot tests.
//!
//! Each article is first checked for invariants that hold for any input — every span slices the
//! text, every id resolves, no party lacks a mention — and then its whole JSON is compared with
//! `tests/snapshots/`. Any change of behaviour therefore shows up as a reviewed diff: run
//! `INSTA_UPDATE=always cargo test --test snapshots` (or `cargo insta review`) and read the diff
//! of the `.snap` files before committing them. Under CI (`CI=true`) nothing is written.
#![cfg(not(target_arch = "wasm32"))] // native only: files

#[path = "support/spans.rs"]
mod spans;

use article_explorer::extract::{analyze, to_json, Extraction};
use spans::check_span;
use std::collections::HashSet;

fn check_spans(text: &str, x: &Extraction) {
    for p in &x.parties {
        p.mentions.iter().for_each(|m| check_span(text, m, &format!("mention of {}", p.name)));
    }
    for c in &x.claims {
        check_span(text, &c.cue, &format!("cue of {}", c.id));
        c.source.iter().for_each(|s| check_span(text, s, &format!("source of {}", c.id)));
        c.content.pieces().iter().for_each(|s| check_span(text, s, &format!("content of {}", c.id)));
    }
    for o in &x.outcomes {
        check_span(text, &o.evidence, &format!("evidence of {}", o.id));
        o.figures.iter().for_each(|f| check_span(text, &f.span, &format!("figure of {}", o.id)));
    }
    let mut end = 0;
    for s in &x.sentences {
        assert!(end <= s.start && s.start <= s.end && s.end <= text.len(), "sentence {s:?} out of order");
        end = s.end;
    }
}

fn check_ids(x: &Extraction) {
    let parties: HashSet<&str> = x.parties.iter().map(|p| p.id.as_str()).collect();
    let claims: HashSet<&str> = x.claims.iter().map(|c| c.id.as_str()).collect();
    let party = |id: &String, what: &str| assert!(parties.contains(id.as_str()), "{what}: no party {id}");
    for p in &x.parties {
        assert!(!p.mentions.is_empty(), "party {} ({}) has no mention", p.id, p.name);
        p.affiliation.iter().for_each(|a| party(a, &format!("affiliation of {}", p.id)));
    }
    for c in &x.claims {
        c.speaker.iter().chain(&c.speakers).chain(&c.targets).for_each(|id| party(id, &c.id));
        assert!(c.sentence < x.sentences.len(), "{}: sentence {}", c.id, c.sentence);
    }
    for o in &x.outcomes {
        o.parties.iter().for_each(|id| party(id, &o.id));
        if let Some(claim) = &o.claim {
            assert!(claims.contains(claim.as_str()) && !o.asserted, "{}: claim {claim}", o.id);
        }
        assert!(o.sentence < x.sentences.len(), "{}: sentence {}", o.id, o.sentence);
    }
}

#[test]
fn articles() {
    insta::glob!("articles/*.txt", |path| {
        let text = std::fs::read_to_string(path).expect("article");
        let extraction = analyze(&text);
        check_spans(&text, &extraction);
        check_ids(&extraction);
        insta::assert_snapshot!(to_json(&extraction));
    });
}
