//! Times each stage of the pipeline on one file, the language gate skipped:
//! `cargo run --release --no-default-features --example stages -- FILE`.
//! For finding which stage a slow input is slow in.

use article_explorer::extract::{annotate, claims, groups, model, outcomes, parties, segment};
use std::time::Instant;

fn main() {
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path).expect("a UTF-8 file");
        let t = Instant::now();
        let doc = segment::segment(&text);
        let seg = t.elapsed();
        let t = Instant::now();
        let p = parties::find_parties(&doc);
        let par = t.elapsed();
        let t = Instant::now();
        let words = annotate::Annotated::new(&doc);
        let focus = groups::LazyFocus::new(&words, &p);
        let ann = t.elapsed();
        let t = Instant::now();
        let c = claims::find_claims(&words, &p, &focus);
        let cl = t.elapsed();
        let t = Instant::now();
        let o = outcomes::find_outcomes(&words, &p, &focus, &c);
        let out = t.elapsed();
        let t = Instant::now();
        let exported = (
            model::export_parties(&text, &p, &c),
            model::export_claims(&text, &c),
            model::export_outcomes(&text, &o),
        );
        let exp = t.elapsed();
        std::hint::black_box(exported);
        let ms = |d: std::time::Duration| d.as_secs_f64() * 1e3;
        println!(
            "{path}: {} bytes; segment {:.1} ms, parties {:.1}, annotate {:.1}, claims {:.1}, outcomes {:.1}, export {:.1}",
            text.len(), ms(seg), ms(par), ms(ann), ms(cl), ms(out), ms(exp)
        );
    }
}
