//! Throughput of `analyze` on the test articles concatenated to 1 MB and 10 MB.
//!
//! Run with `cargo bench --no-default-features --bench throughput`. Prints MB/s for each
//! size and the ratio of the 10 MB time to the 1 MB time (10 means linear growth).
//! `-- --files ONE TEN` times two given files instead (best of 3 each, tables warm) and prints
//! one JSON line: `scripts/bench` uses it on real news.
//! `-- --html PAGE...` times the readable-article stage (`readable::read`, tokenizer and all)
//! on the given HTML pages, best of 5 over all of them, and prints one JSON line with the
//! MB/s (issue 12 asks for at least 20 MB/s natively): `scripts/bench` runs it on the pages of
//! `../shared/html-bench`.

use article_explorer::extract::{analyze, annotate, claims, groups, outcomes, parties, readable, segment};
use std::time::{Duration, Instant};
#[path = "../tests/support/timing.rs"]
mod timing;
use timing::thread_cpu;

const MB: usize = 1 << 20;

/// The articles of `tests/articles/`, joined by blank lines and repeated to `size` bytes.
fn corpus(size: usize) -> String {
    let articles = timing::articles();
    let mut text = String::with_capacity(size + 4096);
    'fill: loop {
        for a in &articles {
            if text.len() + a.len() > size {
                break 'fill;
            }
            text.push_str(a);
            text.push_str("\n\n");
        }
    }
    text
}

/// The best of `runs` timings of `analyze(text)`.
fn time(text: &str, runs: usize) -> Duration {
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            let x = analyze(text);
            let took = start.elapsed();
            std::hint::black_box(x);
            took
        })
        .min()
        .unwrap_or_default()
}

/// `--files ONE TEN`: the best of 3 runs of `analyze` on each file, as one JSON line.
fn files(one: &str, ten: &str) {
    let read = |p: &str| std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{p}: {e}"));
    let (one, ten) = (read(one), read(ten));
    let _ = analyze(&one[..one.len().min(100_000)]); // warm the lexicons
    let (t1, t10) = (time(&one, 3), time(&ten, 3));
    let rate = |bytes: usize, t: Duration| bytes as f64 / MB as f64 / t.as_secs_f64();
    println!(
        "{{\"ms_1\":{:.3},\"ms_10\":{:.3},\"mb_s_1\":{:.3},\"mb_s_10\":{:.3},\"ratio\":{:.3}}}",
        t1.as_secs_f64() * 1e3,
        t10.as_secs_f64() * 1e3,
        rate(one.len(), t1),
        rate(ten.len(), t10),
        t10.as_secs_f64() / t1.as_secs_f64()
    );
}

/// `--html PAGE...`: the best of 5 passes of `readable::read` over every page, as one JSON
/// line: the pages one by one, as the CLI reads them; their total bytes over the best pass's
/// CPU time (`mb_s`) and over its wall time (`mb_s_wall`).
fn html(paths: &[String]) {
    let pages: Vec<String> =
        paths.iter().map(|p| std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{p}: {e}"))).collect();
    let bytes: usize = pages.iter().map(String::len).sum();
    let pass = || {
        let (cpu, wall) = (thread_cpu(), Instant::now());
        for page in &pages {
            std::hint::black_box(readable::read(page));
        }
        (thread_cpu() - cpu, wall.elapsed())
    };
    pass(); // warm the pattern tables
    let runs: Vec<(Duration, Duration)> = (0..5).map(|_| pass()).collect();
    let cpu = runs.iter().map(|r| r.0).min().unwrap_or_default();
    let wall = runs.iter().map(|r| r.1).min().unwrap_or_default();
    let mb = bytes as f64 / MB as f64;
    println!(
        "{{\"pages\":{},\"mb\":{mb:.3},\"cpu_ms\":{:.3},\"wall_ms\":{:.3},\"mb_s\":{:.3},\"mb_s_wall\":{:.3}}}",
        pages.len(),
        cpu.as_secs_f64() * 1e3,
        wall.as_secs_f64() * 1e3,
        mb / cpu.as_secs_f64(),
        mb / wall.as_secs_f64()
    );
}

fn main() {
    let all: Vec<String> = std::env::args().skip(1).collect();
    if let Some(at) = all.iter().position(|a| a == "--html") {
        let pages: Vec<String> = all[at + 1..].iter().take_while(|a| !a.starts_with("--")).cloned().collect();
        assert!(!pages.is_empty(), "usage: throughput --html PAGE...");
        return html(&pages);
    }
    if let Some(at) = all.iter().position(|a| a == "--files") {
        match (all.get(at + 1), all.get(at + 2)) {
            (Some(one), Some(ten)) => return files(one, ten),
            _ => panic!("usage: throughput --files ONE TEN"),
        }
    }
    // `-- parties` (or segment, claims, analyze): run one stage on 1 MB many times, for a profiler.
    let args: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with('-')).collect();
    if let Some(stage) = args.first() {
        // An optional second argument: the size in MB (runs = 30 / size).
        let mb: usize = args.get(1).and_then(|n| n.parse().ok()).unwrap_or(1).max(1);
        let one = corpus(mb * MB);
        let doc = segment::segment(&one);
        let p = parties::find_parties(&doc);
        for _ in 0..(30 / mb).max(1) {
            match stage.as_str() {
                "segment" => drop(std::hint::black_box(segment::segment(&one))),
                "parties" => drop(std::hint::black_box(parties::find_parties(&doc))),
                "analyze" => drop(std::hint::black_box(analyze(&one))),
                _ => {
                    let words = annotate::Annotated::new(&doc);
                    let focus = groups::LazyFocus::new(&words, &p);
                    drop(std::hint::black_box(claims::find_claims(&words, &p, &focus)))
                }
            }
        }
        return;
    }
    let one = corpus(MB);
    let ten = corpus(10 * MB);
    let _ = analyze(&one[..one.len().min(100_000)]); // warm the lexicons
                                                     // Alternate the sizes and keep each one's best run, so a busy machine hurts both alike.
    let (mut t1, mut t10) = (Duration::MAX, Duration::MAX);
    for _ in 0..5 {
        t1 = t1.min(time(&one, 2));
        t10 = t10.min(time(&ten, 1));
    }
    let rate = |bytes: usize, t: Duration| bytes as f64 / MB as f64 / t.as_secs_f64();
    println!("analyze  1 MB: {:>8.1} ms  {:>6.1} MB/s", t1.as_secs_f64() * 1e3, rate(one.len(), t1));
    println!("analyze 10 MB: {:>8.1} ms  {:>6.1} MB/s", t10.as_secs_f64() * 1e3, rate(ten.len(), t10));
    for (label, text) in [("1 MB", &one), ("10 MB", &ten)] {
        let t = Instant::now();
        let doc = segment::segment(text);
        let seg = t.elapsed();
        let t = Instant::now();
        let p = parties::find_parties(&doc);
        let par = t.elapsed();
        let t = Instant::now();
        let words = annotate::Annotated::new(&doc);
        let focus = groups::LazyFocus::new(&words, &p);
        let c = claims::find_claims(&words, &p, &focus);
        let cl = t.elapsed();
        let t = Instant::now();
        let o = outcomes::find_outcomes(&words, &p, &focus, &c);
        let out = t.elapsed();
        std::hint::black_box(o);
        let ms = |d: Duration| d.as_secs_f64() * 1e3;
        println!(
            "  stages {label:>5}: segment {:.0} ms, parties {:.0} ms, claims {:.0} ms, outcomes {:.0} ms",
            ms(seg),
            ms(par),
            ms(cl),
            ms(out)
        );
    }
    println!(
        "10 MB / 1 MB time ratio: {:.2} (10 = linear; must stay <= 12)",
        t10.as_secs_f64() / t1.as_secs_f64()
    );
}
