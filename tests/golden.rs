//! Golden checks over the articles in `tests/articles/` (written for these tests).
//!
//! Every article is first checked for invariants that hold for any input: spans slice the
//! text to their stated text on char boundaries, mentions of all parties never overlap, and
//! no actor appears as two parties. Then `NAME.expect.json` lists the parties that must be
//! found (kind, canonical name, aliases that must be among its names, and optionally mention
//! texts it must have exactly), the roles and
//! affiliations of some people, and capitalised words that must not become parties.
#![cfg(not(target_arch = "wasm32"))] // native only: files, processes, proptest

#[path = "support/spans.rs"]
mod spans;

use article_explorer::extract::{analyze, Extraction, Party};
use serde_json::Value;
use spans::check_span;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

fn articles() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/articles");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/articles")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 6, "at least six articles");
    paths
}

/// A name as the scorers compare names: lower case, no leading "the", no dots or apostrophes.
fn norm(name: &str) -> String {
    let s = name.to_lowercase().replace('’', "'").replace("'s", "").replace(['\'', '.'], "");
    let s = s.trim();
    s.strip_prefix("the ").unwrap_or(s).split_whitespace().collect::<Vec<_>>().join(" ")
}

fn names(p: &Party) -> Vec<String> {
    std::iter::once(&p.name).chain(&p.aliases).map(|n| norm(n)).collect()
}

fn check_invariants(text: &str, x: &Extraction, file: &str) {
    let mut all: Vec<(usize, usize, &str)> = Vec::new();
    for p in &x.parties {
        for m in &p.mentions {
            check_span(text, m, &format!("{file}: mention of {}", p.name));
            assert!(!m.text.trim().is_empty(), "{file}: empty mention of {}", p.name);
            all.push((m.start, m.end, &p.name));
        }
    }
    all.sort();
    for w in all.windows(2) {
        assert!(w[0].1 <= w[1].0, "{file}: mentions overlap: {:?} and {:?}", w[0], w[1]);
    }
    for c in &x.claims {
        check_span(text, &c.cue, &format!("{file}: cue"));
        if let Some(s) = &c.source {
            check_span(text, s, &format!("{file}: source"));
        }
        for piece in c.content.pieces() {
            check_span(text, piece, &format!("{file}: content"));
        }
    }
    for o in &x.outcomes {
        check_span(text, &o.evidence, &format!("{file}: evidence"));
    }
    // No actor twice: no two parties of the same kind share a name or alias.
    let mut seen: HashMap<(String, &str), &str> = HashMap::new();
    for p in &x.parties {
        for n in names(p) {
            if let Some(other) = seen.insert((n.clone(), p.kind.label()), &p.name) {
                assert_eq!(other, p.name, "{file}: '{n}' names two parties: {other} and {}", p.name);
            }
        }
    }
    // Mentions are tight: no titles before a person's name, no article before any name.
    for p in &x.parties {
        for m in &p.mentions {
            let first = m.text.split_whitespace().next().unwrap_or("");
            assert!(
                !matches!(first, "The" | "the" | "a" | "A"),
                "{file}: mention {:?} of {} starts with an article",
                m.text,
                p.name
            );
            if p.kind.label() == "person" {
                let title = [
                    "President",
                    "Minister",
                    "Mr.",
                    "Mrs.",
                    "Ms.",
                    "Dr.",
                    "Judge",
                    "Chancellor",
                    "Secretary",
                    "Prime",
                ];
                assert!(!title.contains(&first), "{file}: person mention {:?} starts with a title", m.text);
            }
        }
    }
    let ids: Vec<&str> = x.parties.iter().map(|p| p.id.as_str()).collect();
    for p in &x.parties {
        if let Some(a) = &p.affiliation {
            assert!(ids.contains(&a.as_str()) && *a != p.id, "{file}: bad affiliation of {}", p.name);
        }
    }
}

fn find<'x>(x: &'x Extraction, name: &str) -> Option<&'x Party> {
    let n = norm(name);
    x.parties.iter().find(|p| names(p).contains(&n))
}

fn check_expectations(x: &Extraction, expect: &Value, file: &str) {
    let mut missing = Vec::new();
    for row in expect["parties"].as_array().expect("parties") {
        let (kind, name) = (row[0].as_str().unwrap_or(""), row[1].as_str().unwrap_or(""));
        let Some(p) = find(x, name) else {
            missing.push(format!("{kind} {name}"));
            continue;
        };
        assert_eq!(p.kind.label(), kind, "{file}: kind of {name}");
        assert_eq!(norm(&p.name), norm(name), "{file}: canonical name of {name}");
        for alias in row[2].as_array().into_iter().flatten().filter_map(Value::as_str) {
            assert!(names(p).contains(&norm(alias)), "{file}: {name} lacks alias {alias}: {:?}", p.aliases);
        }
        // An optional fourth column: mention texts the party must have, exactly.
        for text in row.get(3).and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_str) {
            let texts: Vec<&str> = p.mentions.iter().map(|m| m.text.as_str()).collect();
            assert!(texts.contains(&text), "{file}: {name} lacks mention {text:?}: {texts:?}");
        }
    }
    assert!(
        missing.is_empty(),
        "{file}: missing parties {missing:?}\nfound {:?}",
        x.parties.iter().map(|p| &p.name).collect::<Vec<_>>()
    );
    for row in expect["roles"].as_array().into_iter().flatten() {
        let name = row[0].as_str().unwrap_or("");
        let p = find(x, name).unwrap_or_else(|| panic!("{file}: {name}"));
        assert_eq!(p.role.as_deref(), row[1].as_str(), "{file}: role of {name}");
        if let Some(aff) = row[2].as_str() {
            let owner = find(x, aff).unwrap_or_else(|| panic!("{file}: {aff}"));
            assert_eq!(p.affiliation.as_deref(), Some(owner.id.as_str()), "{file}: affiliation of {name}");
        }
    }
    for junk in expect["not_parties"].as_array().into_iter().flatten().filter_map(Value::as_str) {
        assert!(find(x, junk).is_none(), "{file}: '{junk}' should not be a party");
    }
}

#[test]
fn golden_articles() {
    for path in articles() {
        let file = path.file_name().and_then(|f| f.to_str()).unwrap_or("?").to_owned();
        let text = std::fs::read_to_string(&path).expect("article");
        let x = analyze(&text);
        check_invariants(&text, &x, &file);
        let expect_path = path.with_extension("expect.json");
        let expect: Value =
            serde_json::from_str(&std::fs::read_to_string(&expect_path).expect("expectations"))
                .expect("expectation JSON");
        check_expectations(&x, &expect, &file);
    }
}

#[test]
fn crlf_gives_the_same_parties() {
    for path in articles() {
        let text = std::fs::read_to_string(&path).expect("article");
        let crlf = text.replace('\n', "\r\n");
        let a: Vec<(String, String)> =
            analyze(&text).parties.into_iter().map(|p| (p.name, p.kind.label().to_owned())).collect();
        let x = analyze(&crlf);
        check_invariants(&crlf, &x, "crlf");
        let b: Vec<(String, String)> =
            x.parties.into_iter().map(|p| (p.name, p.kind.label().to_owned())).collect();
        assert_eq!(a, b, "{}", path.display());
    }
}

#[test]
fn deterministic() {
    for path in articles() {
        let text = std::fs::read_to_string(&path).expect("article");
        assert_eq!(analyze(&text), analyze(&text));
    }
}
