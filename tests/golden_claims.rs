//! Golden claims and outcomes over the articles in `tests/articles/` (written for these tests).
//!
//! `NAME.claims.json` lists claims that must be found (cue as written, words the content must
//! contain, and the speaker's name or alias, or null for none) and outcomes (status and words
//! the evidence must contain), and evidence that must not become an outcome. Extra claims and
//! outcomes are allowed: the lists hold what a reader of the article would expect at least.
#![cfg(not(target_arch = "wasm32"))] // native only: files, processes, proptest

use article_explorer::extract::{analyze, Extraction};
use serde_json::Value;
use std::path::Path;

fn speaker_names(x: &Extraction, id: Option<&String>) -> Vec<String> {
    x.parties
        .iter()
        .find(|p| Some(&p.id) == id)
        .map(|p| std::iter::once(p.name.clone()).chain(p.aliases.iter().cloned()).collect())
        .unwrap_or_default()
}

fn check(name: &str, text: &str, expect: &Value) {
    let x = analyze(text);
    for c in expect["claims"].as_array().into_iter().flatten() {
        let cue = c["cue"].as_str().unwrap_or_default();
        let content = c["content"].as_str().unwrap_or_default();
        let Some(found) = x.claims.iter().find(|k| k.cue.text == cue && k.text.contains(content)) else {
            panic!("{name}: no claim '{cue}' with content containing {content:?}");
        };
        match &c["speaker"] {
            Value::Null if c.get("speaker").is_some() => {
                assert!(found.speaker.is_none(), "{name}: claim {content:?} should have no speaker")
            }
            Value::String(want) => {
                let names = speaker_names(&x, found.speaker.as_ref());
                assert!(
                    names.iter().any(|n| n == want),
                    "{name}: claim {content:?} spoken by {names:?}, not {want}"
                );
            }
            _ => {}
        }
    }
    for o in expect["outcomes"].as_array().into_iter().flatten() {
        let status = o["status"].as_str().unwrap_or_default();
        let evidence = o["evidence"].as_str().unwrap_or_default();
        let ok = x.outcomes.iter().any(|k| k.status.label() == status && k.evidence.text.contains(evidence));
        assert!(ok, "{name}: no {status} outcome with evidence containing {evidence:?}: {:#?}", x.outcomes);
    }
    for o in expect["not_outcomes"].as_array().into_iter().flatten() {
        let evidence = o.as_str().unwrap_or_default();
        let bad = x.outcomes.iter().find(|k| k.evidence.text.contains(evidence));
        assert!(bad.is_none(), "{name}: unexpected outcome {bad:#?}");
    }
}

#[test]
fn golden_claims_and_outcomes() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/articles");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).expect("tests/articles") {
        let path = entry.expect("entry").path();
        let file = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_owned();
        let Some(stem) = file.strip_suffix(".claims.json") else { continue };
        let text = std::fs::read_to_string(dir.join(format!("{stem}.txt"))).expect("article");
        let expect: Value =
            serde_json::from_str(&std::fs::read_to_string(&path).expect("json")).expect("valid json");
        check(stem, &text, &expect);
        checked += 1;
    }
    assert!(checked >= 4, "at least four articles with expected claims");
}
