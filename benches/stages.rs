//! Time of each stage of the pipeline on 1 MB of real news, so that a regression in one stage
//! shows by itself: `cargo bench --no-default-features --bench stages`.
//!
//! The text is the PolNeAR dev articles (`../shared/polnear/dev/text`, each followed by a blank
//! line) repeated to 1 MiB, as `scripts/bench` builds it; without `../shared`, the project's own
//! `tests/articles`. Each stage is timed on the output of the stages before it, built once:
//!
//! | bench | what runs |
//! | --- | --- |
//! | `segment` | sentences and tokens ([`segment::segment`]) |
//! | `keys` | the per-token lookup keys, built on first use by the parties stage |
//! | `parties` | [`parties::find_parties`] (rules, gazetteer, the tagger where it runs, merge) |
//! | `tagger` | the name tagger alone over every sentence (the pipeline tags only some) |
//! | `annotate` | word classes and cue buckets ([`annotate::Annotated::new`]) |
//! | `claims` | [`claims::find_claims`] (and the group phrases' referents it asks for) |
//! | `outcomes` | [`outcomes::find_outcomes`] |
//! | `export` | the records as the JSON model ([`model`]'s `export_*`) |
//! | `json` | [`to_json`] of the whole extraction |
//! | `analyze` | all of it: [`analyze`] |
//!
//! `scripts/bench` gives the end-to-end figures (MB/s at 1 and 10 MB, the CLI, the browser).

use article_explorer::extract::{
    analyze, annotate, claims, groups, model, outcomes, parties, segment, tagger, to_json,
};
use divan::{black_box, Bencher};
use std::path::Path;
use std::sync::OnceLock;

fn main() {
    divan::main();
}

const MIB: usize = 1 << 20;

/// The benchmark text (see the module doc), built once.
fn news() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let articles = read_articles(&root.join("../shared/polnear/dev/text"));
        let articles =
            if articles.is_empty() { read_articles(&root.join("tests/articles")) } else { articles };
        repeat_to(&articles, MIB)
    })
}

/// The `.txt` files of `dir`, in name order (none when it is missing).
fn read_articles(dir: &Path) -> Vec<String> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    paths.sort();
    paths.iter().filter_map(|p| std::fs::read_to_string(p).ok()).collect()
}

/// Whole articles, each followed by a blank line, until the text reaches `size` bytes (the
/// last blank line dropped).
fn repeat_to(articles: &[String], size: usize) -> String {
    let mut text = String::with_capacity(size + 64 * 1024);
    for a in articles.iter().cycle() {
        if text.len() >= size || articles.is_empty() {
            break;
        }
        text.push_str(a);
        text.push_str("\n\n");
    }
    if text.ends_with("\n\n") {
        text.truncate(text.len() - 2);
    }
    text
}

/// Reports throughput in bytes of the benchmark text.
fn bytes<'a, 'b>(b: Bencher<'a, 'b>) -> Bencher<'a, 'b> {
    b.counter(divan::counter::BytesCount::new(news().len()))
}

#[divan::bench(sample_count = 10)]
fn segment(b: Bencher) {
    bytes(b).bench_local(|| segment::segment(black_box(news())));
}

#[divan::bench(sample_count = 10)]
fn keys(b: Bencher) {
    bytes(b).with_inputs(|| segment::segment(news())).bench_local_refs(|doc| doc.key_hash(0));
}

#[divan::bench(sample_count = 10)]
fn parties(b: Bencher) {
    let doc = segment::segment(news());
    doc.key_hash(0);
    bytes(b).bench_local(|| parties::find_parties(black_box(&doc)));
}

#[divan::bench(sample_count = 10)]
fn tagger(b: Bencher) {
    let doc = segment::segment(news());
    let sentences: Vec<Vec<&str>> =
        doc.sentences.iter().map(|s| s.tokens.clone().map(|k| doc.word(k)).collect()).collect();
    bytes(b).bench_local(|| {
        let mut t = tagger::Tagger::default();
        sentences.iter().map(|words| t.name_spans(words).len()).sum::<usize>()
    });
}

#[divan::bench(sample_count = 10)]
fn annotate(b: Bencher) {
    let doc = segment::segment(news());
    doc.key_hash(0);
    bytes(b).bench_local(|| annotate::Annotated::new(black_box(&doc)).len());
}

#[divan::bench(sample_count = 10)]
fn claims(b: Bencher) {
    let doc = segment::segment(news());
    let p = parties::find_parties(&doc);
    let words = annotate::Annotated::new(&doc);
    bytes(b).bench_local(|| {
        let focus = groups::LazyFocus::new(&words, &p);
        claims::find_claims(&words, &p, &focus)
    });
}

#[divan::bench(sample_count = 10)]
fn outcomes(b: Bencher) {
    let doc = segment::segment(news());
    let p = parties::find_parties(&doc);
    let words = annotate::Annotated::new(&doc);
    let focus = groups::LazyFocus::new(&words, &p);
    let c = claims::find_claims(&words, &p, &focus);
    bytes(b).bench_local(|| outcomes::find_outcomes(&words, &p, &focus, &c));
}

#[divan::bench(sample_count = 10)]
fn export(b: Bencher) {
    let text = news();
    let doc = segment::segment(text);
    let p = parties::find_parties(&doc);
    let words = annotate::Annotated::new(&doc);
    let focus = groups::LazyFocus::new(&words, &p);
    let c = claims::find_claims(&words, &p, &focus);
    let o = outcomes::find_outcomes(&words, &p, &focus, &c);
    bytes(b).bench_local(|| {
        let parties = model::export_parties(text, &p, &c);
        (parties, model::export_claims(text, &c), model::export_outcomes(text, &o))
    });
}

#[divan::bench(sample_count = 10)]
fn json(b: Bencher) {
    let extraction = analyze(news());
    bytes(b).bench_local(|| to_json(black_box(&extraction)));
}

#[divan::bench(sample_count = 10)]
fn analyze_all(b: Bencher) {
    bytes(b).bench_local(|| analyze(black_box(news())));
}
