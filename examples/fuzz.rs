//! A mutation fuzzer for the extraction core (issue 14, item 2): no nightly toolchain here, so
//! no cargo-fuzz; instead mutated copies of our own articles (tests/articles) and of generated
//! repeated-unit text are run through the whole pipeline and every span and id invariant is
//! checked.
//!
//! `scripts/fuzz N` builds and runs it: N inputs over all cores, inputs/s, and for each failure
//! (a panic or a broken invariant) a reproducer file under target/fuzz/ that
//! `scripts/fuzz --replay FILE` runs again.
//!
//! Input `i` is made from a generator seeded with `i` alone, so a run is the same on any
//! machine and with any number of threads. Each input is a window of 200 B to 5 KB of a seed
//! text (on char boundaries) with 1 to 8 mutations: insert, delete, duplicate or splice a
//! range, inject a quote, dash, Unicode mark, abbreviation or random char. Even inputs go
//! through `analyze` (the language gate included), odd ones through `analyze_as_english`, so
//! that garbage too reaches every stage.

#[path = "../tests/support/spans.rs"]
mod spans;
#[path = "../tests/support/timing.rs"]
#[allow(dead_code)] // the articles only, not the clock
mod timing;

use article_explorer::extract::{analyze, analyze_as_english, Extraction};
use std::collections::HashSet;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Instant;

/// What mutations inject: the marks that make tokenisers, quote pairing and name scans work.
const PIECES: &[&str] = &[
    "“",
    "”",
    "\"",
    "'",
    "‘",
    "’",
    "’s",
    "'s",
    "«",
    "»",
    "—",
    "–",
    "-",
    "--",
    " - ",
    "…",
    "...",
    ".",
    ",",
    ";",
    ":",
    "(",
    ")",
    "[",
    "]",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    " ",
    "\u{a0}",
    "\u{200d}",
    "\u{301}",
    "\u{feff}",
    "\u{2028}",
    "e\u{301}",
    "👩‍👩‍👧",
    "ﷺ",
    "مرحبا",
    "שלום",
    "ß",
    "İ",
    "ǅ",
    "U.S.",
    "Mr.",
    "St.",
    "Co.",
    "Inc.",
    "A. ",
    "Dr",
    "said",
    " said ",
    "told",
    "according to",
    "agreed",
    "signed",
    "failed",
    "will",
    "not",
    "no",
    "deal",
    "talks",
    "and",
    "but",
    "the",
    "The",
    "President",
    "Foreign Minister",
    "Ana Lund",
    "Norland",
    "NATO",
    "1,000",
    "3.5",
    "2021",
    "%",
    "$",
    "ly",
    "only",
    "OSLO (Newswire) -",
    "Source: ",
    "&",
    "<b>",
    "#",
    "*",
];

/// SplitMix64: small, fast, and the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a>(&mut self, items: &'a [&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// The char boundary at or before `i`.
fn floor(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A random range of `text` on char boundaries, at most `max` bytes long.
fn range(rng: &mut Rng, text: &str, max: usize) -> (usize, usize) {
    let a = floor(text, rng.below(text.len() + 1));
    let b = floor(text, a + rng.below(max + 1));
    (a, b.max(a))
}

/// A random char: mostly ASCII, sometimes anywhere in Unicode.
fn random_char(rng: &mut Rng) -> char {
    match rng.below(4) {
        0 => char::from_u32(rng.below(0x11_0000) as u32).unwrap_or('\u{fffd}'),
        1 => char::from_u32(0x80 + rng.below(0x2f80) as u32).unwrap_or('x'),
        _ => char::from(32 + rng.below(95) as u8),
    }
}

/// One mutation of `text`, at char boundaries; `seeds` feed the splices.
fn mutate(rng: &mut Rng, text: &mut String, seeds: &[String]) {
    let at = floor(text, rng.below(text.len() + 1));
    match rng.below(7) {
        0 => text.insert_str(at, rng.pick(PIECES)),
        1 => {
            let (a, b) = range(rng, text, 64);
            text.replace_range(a..b, "");
        }
        2 => {
            let (a, b) = range(rng, text, 256);
            let copy = text[a..b].to_owned();
            text.insert_str(b, &copy);
        }
        3 => {
            let other = &seeds[rng.below(seeds.len())];
            let (a, b) = range(rng, other, 512);
            text.insert_str(at, &other[a..b]);
        }
        4 => {
            let piece = rng.pick(PIECES);
            let n = 1 + rng.below(40);
            text.insert_str(at, &piece.repeat(n));
        }
        5 => text.insert(at, random_char(rng)),
        _ => {
            // Swap two pieces: reorders quotes against their cues, names against stops.
            let (a, b) = range(rng, text, 128);
            let moved = text[a..b].to_owned();
            text.replace_range(a..b, "");
            let to = floor(text, rng.below(text.len() + 1));
            text.insert_str(to, &moved);
        }
    }
}

/// Input number `i`: a window of a seed with a few mutations, 200 B to about 5 KB.
fn input(i: u64, seeds: &[String]) -> String {
    let mut rng = Rng(i.wrapping_mul(0x2545_f491_4f6c_dd1d) ^ 0x5eed);
    let seed = &seeds[rng.below(seeds.len())];
    let want = 200 + rng.below(4800);
    let start = floor(seed, rng.below(seed.len().saturating_sub(want) + 1));
    let mut text = seed[start..floor(seed, start + want)].to_owned();
    for _ in 0..1 + rng.below(8) {
        mutate(&mut rng, &mut text, seeds);
    }
    text
}

/// The seeds: our own articles (news in our words, never ../shared), joined and alone, and
/// repeated-unit text.
fn seeds() -> Vec<String> {
    let mut out = timing::articles();
    out.push(out.join("\n\n"));
    for unit in
        ["A. ", "St.", "“Aaa” said ", "ly\n", "only ", "Aaa Bbb ", "— ", "1,000 ", "e\u{301} ", "(", "\n"]
    {
        out.push(unit.repeat(5000 / unit.len()));
    }
    out
}

/// Every invariant of an extraction of `text`: spans on char boundaries that slice to their
/// text, ids unique, references resolving, every party mentioned, sentences inside the text.
fn check(text: &str, x: &Extraction) {
    let ids: HashSet<&str> = x.parties.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids.len(), x.parties.len(), "party ids unique");
    let party = |id: &str, what: &str| assert!(ids.contains(id), "{what} {id:?} is no party");
    for p in &x.parties {
        assert!(!p.mentions.is_empty(), "party {} has no mention", p.id);
        p.mentions.iter().for_each(|m| spans::check_span(text, m, "mention"));
        p.affiliation.iter().for_each(|a| party(a, "affiliation"));
    }
    let claims: HashSet<&str> = x.claims.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(claims.len(), x.claims.len(), "claim ids unique");
    for c in &x.claims {
        spans::check_span(text, &c.cue, "cue");
        c.source.iter().for_each(|s| spans::check_span(text, s, "source"));
        c.content.pieces().iter().for_each(|s| spans::check_span(text, s, "content"));
        c.speaker.iter().chain(&c.speakers).chain(&c.targets).for_each(|id| party(id, "claim party"));
        assert!(c.sentence < x.sentences.len(), "claim sentence {}", c.sentence);
    }
    let outcomes: HashSet<&str> = x.outcomes.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(outcomes.len(), x.outcomes.len(), "outcome ids unique");
    for o in &x.outcomes {
        spans::check_span(text, &o.evidence, "evidence");
        o.figures.iter().for_each(|f| spans::check_span(text, &f.span, "figure"));
        o.parties.iter().for_each(|id| party(id, "outcome party"));
        o.claim.iter().for_each(|id| assert!(claims.contains(id.as_str()), "outcome claim {id:?}"));
        assert!(o.sentence < x.sentences.len(), "outcome sentence {}", o.sentence);
    }
    for s in &x.sentences {
        assert!(s.start <= s.end && text.get(s.start..s.end).is_some(), "sentence {s:?}");
    }
}

/// Runs input `i` (or `text`); the panic message when it fails.
fn run(i: u64, text: &str) -> Result<(), String> {
    catch_unwind(AssertUnwindSafe(|| {
        let x = if i % 2 == 0 { analyze(text) } else { analyze_as_english(text) };
        check(text, &x);
    }))
    .map_err(|e| {
        e.downcast_ref::<String>()
            .cloned()
            .or_else(|| e.downcast_ref::<&str>().map(|s| (*s).to_owned()))
            .unwrap_or_else(|| "panic".to_owned())
    })
}

fn replay(path: &str) -> std::process::ExitCode {
    let text = std::fs::read_to_string(path).expect("a UTF-8 reproducer");
    let mut failed = false;
    for i in [0, 1] {
        if let Err(e) = run(i, &text) {
            eprintln!("{path} ({}): {e}", if i == 0 { "analyze" } else { "analyze_as_english" });
            failed = true;
        }
    }
    if failed {
        return std::process::ExitCode::FAILURE;
    }
    println!("{path}: passes");
    std::process::ExitCode::SUCCESS
}

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().is_some_and(|a| a == "--replay") {
        return args.get(1).map_or(std::process::ExitCode::from(2), |p| replay(p));
    }
    let n: u64 = args.first().and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let first: u64 = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(0);
    let threads = std::thread::available_parallelism().map_or(2, usize::from);
    let out_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/fuzz");
    // Failures are reported, not printed as panics by every thread.
    std::panic::set_hook(Box::new(|_| {}));
    let seeds = seeds();
    let next = AtomicU64::new(first);
    let (bytes, failures) = (AtomicUsize::new(0), Mutex::new(Vec::new()));
    let started = Instant::now();
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= first + n {
                    break;
                }
                let text = input(i, &seeds);
                bytes.fetch_add(text.len(), Ordering::Relaxed);
                if let Err(e) = run(i, &text) {
                    let _ = std::fs::create_dir_all(&out_dir);
                    let file = out_dir.join(format!("failure-{i}.txt"));
                    let _ = std::fs::write(&file, &text);
                    failures
                        .lock()
                        .unwrap_or_else(|p| p.into_inner())
                        .push(format!("input {i}: {e}\n  reproducer: {}", file.display()));
                }
            });
        }
    });
    let secs = started.elapsed().as_secs_f64();
    let failures = failures.into_inner().unwrap_or_else(|p| p.into_inner());
    println!(
        "fuzz: {n} inputs ({first}..{}), {:.1} MB, {threads} threads, {secs:.1} s, {:.0} inputs/s, {} failures",
        first + n,
        bytes.load(Ordering::Relaxed) as f64 / 1e6,
        n as f64 / secs,
        failures.len()
    );
    for f in &failures {
        println!("{f}");
    }
    if failures.is_empty() {
        std::process::ExitCode::SUCCESS
    } else {
        println!("replay one with: scripts/fuzz --replay FILE");
        std::process::ExitCode::FAILURE
    }
}
