//! Native tests of share links (src/ui/share.rs) and of what the exports hold and are named
//! (src/ui/exports.rs). Made-up articles, built by hand or generated.
#![cfg(not(target_arch = "wasm32"))]
#![cfg(feature = "ui")]

use article_explorer::extract::{analyze, Status};
use article_explorer::ui::cards::CardType;
use article_explorer::ui::corrections::{self, Correction};
use article_explorer::ui::exports::{self, Scope};
use article_explorer::ui::filter::{Filters, Index};
use article_explorer::ui::share::{self, base64url, unbase64url, Link};
use article_explorer::ui::state::{PageInfo, Saved};
use std::rc::Rc;

const TEXT: &str = "Ruritania and Castavia signed a river accord on Monday, officials said.\n\
“We are relieved,” said Ana Petrov, the Ruritanian envoy. Castavia's cabinet rejected a fishing plan.";

#[test]
fn base64url_round_trips_every_length() {
    for n in 0..40usize {
        let bytes: Vec<u8> = (0..n).map(|i| (i * 37 + 11) as u8).collect();
        let text = base64url(&bytes);
        assert!(
            text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'),
            "URL-safe: {text}"
        );
        assert_eq!(unbase64url(&text).as_deref(), Some(&bytes[..]), "length {n}");
    }
    assert_eq!(base64url(b"hi?"), "aGk_");
    assert_eq!(unbase64url("a"), None, "a lone digit is no byte");
    assert_eq!(unbase64url("a+b/"), None, "standard base64 is not URL-safe base64");
}

fn saved(text: &str) -> Saved {
    Saved {
        text: text.to_owned(),
        filters: Filters { query: "accord".into(), statuses: [Status::Agreed].into(), ..Filters::default() },
        page: Some(PageInfo { title: "River accord signed".into(), ..PageInfo::default() }),
        corrections: vec![Correction::Rename { party: "p1".into(), name: "Kingdom of Ruritania".into() }],
        parts: None,
    }
}

#[test]
fn a_link_carries_text_filters_page_and_corrections() {
    let s = saved(TEXT);
    let Link::Fragment(fragment) = share::fragment(&s) else { panic!("small enough") };
    assert!(fragment.starts_with(share::PREFIX));
    assert_eq!(share::parse(&fragment).as_ref(), Some(&s));
    assert_eq!(share::parse(&format!("#{fragment}")).as_ref(), Some(&s), "with its #");
    // News text compresses: a long article makes a much shorter link.
    let long = TEXT.repeat(200);
    let Link::Fragment(f) = share::fragment(&saved(&long)) else { panic!("fits") };
    assert!(f.len() * 5 < long.len(), "{} bytes of link for {} of text", f.len(), long.len());
}

#[test]
fn other_fragments_and_damaged_links_are_ignored() {
    let Link::Fragment(fragment) = share::fragment(&saved(TEXT)) else { panic!() };
    for bad in ["", "#", "#section-2", "a=", "a=!!!", &fragment[..fragment.len() / 2], "b=AAAA"] {
        assert_eq!(share::parse(bad), None, "{bad:?}");
    }
}

#[test]
fn over_the_limit_there_is_no_link() {
    // Letters from a fixed generator: text that barely compresses.
    let mut x: u64 = 12345;
    let noise: String = (0..150_000)
        .map(|_| {
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            char::from(b'a' + (x >> 33) as u8 % 26)
        })
        .collect();
    match share::fragment(&saved(&noise)) {
        Link::TooLarge { compressed } => assert!(compressed > share::LIMIT),
        Link::Fragment(f) => panic!("a {} byte link", f.len()),
    }
}

#[test]
fn export_names_come_from_the_headline_and_the_date() {
    let page = PageInfo {
        title: "Port deal signed".into(),
        date: "2026-03-02T09:00:00Z".into(),
        ..PageInfo::default()
    };
    let rows = [
        (Some(&page), "Body text", "2026-12-01", "2026-03-02-port-deal-signed"),
        (None, "Ministers meet in Accra\nBody", "2026-12-01", "2026-12-01-ministers-meet-in-accra"),
        (None, "   ", "2026-12-01", "article-2026-12-01"),
    ];
    for (page, text, today, want) in rows {
        assert_eq!(exports::file_stem(page, text, today), want);
    }
}

#[test]
fn exports_follow_the_filters_or_hold_everything() {
    let ex = Rc::new(analyze(TEXT));
    assert!(!ex.claims.is_empty() && !ex.outcomes.is_empty(), "the made-up article has cards");
    let index = Index::new(ex.clone());
    let all = Filters::default();
    assert!(Rc::ptr_eq(&exports::scoped(&index, &all, Scope::Shown), &ex), "no filter: the same extraction");
    let claims_only = Filters { types: [CardType::Claim].into(), ..Filters::default() };
    let shown = exports::scoped(&index, &claims_only, Scope::Shown);
    assert_eq!(shown.claims, ex.claims);
    assert!(shown.outcomes.is_empty());
    // The parties the claims name stay, so their names resolve in the CSV and the brief.
    for id in shown.claims.iter().flat_map(|c| c.speaker_ids().chain(c.targets.iter().map(String::as_str))) {
        assert!(shown.party(id).is_some(), "{id}");
    }
    assert!(Rc::ptr_eq(&exports::scoped(&index, &claims_only, Scope::All), &ex));
}

#[test]
fn csv_has_a_bom_the_new_columns_and_marks_corrected_rows() {
    let raw = analyze(TEXT);
    let quote = raw.claims.iter().find(|c| c.direct).expect("the quotation is a claim");
    let (claim, source) =
        (quote.id.clone(), quote.source.as_ref().map(|s| s.text.clone()).unwrap_or_default());
    let (ex, changes) =
        corrections::apply(&raw, &[Correction::Delete { card: CardType::Outcome, id: "o1".into() }]);
    let csv = exports::csv(&ex, TEXT, &changes);
    assert!(csv.starts_with('\u{feff}'));
    let header: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().next().unwrap().split(',').collect();
    for column in ["source", "direct", "cue_class", "sentence", "edited"] {
        assert!(header.contains(&column), "{column}");
    }
    let row = csv.lines().find(|l| l.starts_with(&format!("claim,{claim},"))).unwrap();
    assert!(
        !source.is_empty()
            && row.contains(&format!(",{},true,", article_explorer::export::csv_cell(&source))),
        "source and direct: {row}"
    );
    assert!(
        row.contains(&format!("{},\"", quote.cue_class.label())),
        "cue class, then the quoted sentence: {row}"
    );
    let rename = Correction::Rename { party: "p1".into(), name: "Kingdom of Ruritania".into() };
    let (ex, changes) = corrections::apply(&raw, &[rename]);
    let csv = exports::csv(&ex, TEXT, &changes);
    let row = csv.lines().find(|l| l.starts_with("party,p1,")).unwrap();
    assert!(row.ends_with(&changes[0].note), "{row}");
    let untouched = csv.lines().find(|l| l.starts_with(&format!("claim,{claim},"))).unwrap();
    assert!(untouched.ends_with(','), "an uncorrected row has an empty edited cell: {untouched}");
    let brief = exports::brief(&ex, "Brief: test", &changes);
    assert!(brief.contains("## Corrections\n\n- Renamed Ruritania to Kingdom of Ruritania"), "{brief}");
    assert!(brief.contains("*Edited: 1 correction by an analyst"));
    assert!(!exports::brief(&raw, "Brief: test", &[]).contains("Edited"));
}
