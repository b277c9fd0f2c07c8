//! Trains the name tagger ([`article_explorer::extract::tagger`]) and writes its model.
//!
//! ```text
//! cargo run --release --no-default-features --bin train-names [-- OPTIONS]
//!   --train PATH   CoNLL-2003 training split   (default ../shared/conll/eng.train)
//!   --dev PATH     split to tune on and report (default ../shared/conll/eng.testa)
//!   --out PATH     model file to write         (default src/extract/data/names.model)
//!   --epochs N     passes over the training data (default 10)
//!   --bits B       log2 of the weight-table rows (default 17)
//!   --keep K       non-zero weights kept after quantisation (default 70000)
//!   --min-count C  train only features seen at least C times (default 3)
//!   --eval-only    score the model compiled into the library on --dev; write nothing
//!   --tag WORDS    tag the space-separated WORDS with the compiled-in model and print them
//!   --show FILE    print the names the compiled-in model finds in an article, by sentence
//!   --speed DIR    time the compiled-in model on the .txt files of DIR, concatenated and
//!                  split by the project's segmenter, one sentence at a time
//! ```
//!
//! With the defaults it reproduces the committed `names.model` byte for byte: sentences are
//! shuffled with a fixed seed, weights are sums of integers, and nothing depends on hash-map
//! order. Only the word and NER columns of the CoNLL files are read (IOB1 tags, converted to
//! BIO); POS and chunk columns are ignored because the app sees raw text only.
//!
//! Training is the averaged structured perceptron (Collins 2002) over the features of
//! [`article_explorer::extract::tagger::features`]: each sentence is decoded by the run-time
//! Viterbi decoder ([`article_explorer::extract::tagger::decode`]) and, where the predicted
//! labels differ from the gold ones, the weights move towards the gold sequence. Only features
//! seen at least `--min-count` times in the training data (with gold history) get weights.
//! After each epoch the averaged weights are quantised exactly as they will be stored and scored
//! on the dev split with the run-time decoder, so the printed figures are those of the file.
//! Epochs, `--bits`, `--keep` and `--min-count` were chosen on testa only.
//!
//! The file format is in [`article_explorer::extract::tagger::weights`]: a header, then the
//! non-zero `i16` weights of a `2^bits × 9` table as LEB128 cell gaps and zigzag LEB128 values.
//! Quantisation keeps the `keep` weights of largest magnitude (the others become zero); the
//! quantum is half the smallest kept magnitude.

use article_explorer::extract::segment;
use article_explorer::extract::tagger::features::{self, Sentence, LABELS};
use article_explorer::extract::tagger::weights::{Model, Weights};
use article_explorer::extract::tagger::{self, NameTag, NameType};
use std::collections::{HashMap, HashSet};
use std::time::Instant;

/// One sentence of a CoNLL file: its words (summarised) and gold labels.
struct Example {
    sentence: Sentence,
    gold: Vec<u8>,
}

/// Command-line options.
struct Options {
    train: String,
    dev: String,
    out: String,
    epochs: usize,
    bits: u32,
    keep: usize,
    min_count: u32,
    eval_only: bool,
    /// Words to tag with the compiled-in model and print (`--tag "Ana Brel said ."`).
    tag: Option<String>,
    /// An article to split with the project's segmenter and print the names of, sentence by
    /// sentence (`--show ../shared/polnear/dev/text/x.txt`).
    show: Option<String>,
    /// A folder of `.txt` articles to time the tagger on (`--speed ../shared/polnear/dev/text`).
    speed: Option<String>,
}

fn parse_args() -> Result<Options, String> {
    let mut o = Options {
        train: "../shared/conll/eng.train".into(),
        dev: "../shared/conll/eng.testa".into(),
        out: "src/extract/data/names.model".into(),
        epochs: 10,
        bits: 17,
        keep: 70_000,
        min_count: 3,
        eval_only: false,
        tag: None,
        speed: None,
        show: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--eval-only" {
            o.eval_only = true;
            continue;
        }
        let v = args.next().ok_or(format!("{a} needs a value"))?;
        let num = |v: &str| v.parse::<usize>().map_err(|e| format!("{a} {v}: {e}"));
        match a.as_str() {
            "--train" => o.train = v,
            "--dev" => o.dev = v,
            "--out" => o.out = v,
            "--epochs" => o.epochs = num(&v)?,
            "--bits" => o.bits = num(&v)?.clamp(10, 24) as u32,
            "--keep" => o.keep = num(&v)?.max(1),
            "--tag" => o.tag = Some(v),
            "--speed" => o.speed = Some(v),
            "--show" => o.show = Some(v),
            "--min-count" => o.min_count = num(&v)? as u32,
            _ => return Err(format!("unknown option {a}")),
        }
    }
    Ok(o)
}

/// The label index of a CoNLL IOB1 tag, given the previous word's tag: `I-X` opens a name
/// unless the previous word was of type X, and `B-X` always does.
fn label(tag: &str, prev: &str) -> Result<u8, String> {
    if tag == "O" {
        return Ok(features::OUTSIDE);
    }
    let (bio, kind) = tag.split_once('-').ok_or(format!("bad tag {tag}"))?;
    let kind = NameType::ALL.into_iter().find(|k| k.as_str() == kind).ok_or(format!("bad tag {tag}"))?;
    let same = prev.split_once('-').is_some_and(|(_, k)| k == kind.as_str());
    let t = if bio == "B" || !same { NameTag::Begin(kind) } else { NameTag::Inside(kind) };
    Ok(t.label())
}

/// The sentences of a CoNLL-2003 file (`word POS chunk NER` lines, blank lines between
/// sentences, `-DOCSTART-` lines between documents).
fn read_conll(path: &str) -> Result<Vec<Example>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let mut out = Vec::new();
    let (mut words, mut gold, mut prev): (Vec<&str>, Vec<u8>, &str) = (Vec::new(), Vec::new(), "O");
    for line in text.lines().chain([""]) {
        let cols: Vec<&str> = line.split_whitespace().collect();
        if cols.first() == Some(&"-DOCSTART-") {
            continue;
        }
        if cols.is_empty() {
            if !words.is_empty() {
                out.push(Example { sentence: Sentence::new(&words), gold: std::mem::take(&mut gold) });
                words.clear();
            }
            prev = "O";
            continue;
        }
        let (word, tag) = (cols[0], cols[cols.len() - 1]);
        gold.push(label(tag, prev)?);
        words.push(word);
        prev = tag;
    }
    Ok(out)
}

/// The perceptron's working weights (`w`) and, for averaging, the sum of every update times
/// the step it was made at (`u`): the average over steps is `w - u / steps`.
struct Trainer {
    bits: u32,
    w: Vec<i32>,
    u: Vec<i64>,
    steps: i64,
    /// The features seen often enough in the training data to be trained (none = all).
    known: Option<HashSet<u64>>,
}

impl Weights for Trainer {
    fn add(&self, feature: u64, scores: &mut [i32; LABELS]) {
        if self.known.as_ref().is_some_and(|k| !k.contains(&feature)) {
            return;
        }
        let row = features::bucket(feature, self.bits) * LABELS;
        for (s, &w) in scores.iter_mut().zip(&self.w[row..row + LABELS]) {
            *s += w;
        }
    }
}

impl Trainer {
    fn new(bits: u32) -> Trainer {
        let n = (1usize << bits) * LABELS;
        Trainer { bits, w: vec![0; n], u: vec![0; n], steps: 1, known: None }
    }

    /// Trains only the features seen at least `min` times in the examples (with their gold
    /// labels as history): rare features get no weight of their own, so the model learns to do
    /// without them, rather than having them pruned afterwards.
    fn restrict(&mut self, examples: &[Example], min: u32) {
        let mut counts: HashMap<u64, u32> = HashMap::new();
        let mut feats = Vec::with_capacity(64);
        for Example { sentence, gold } in examples {
            for i in 0..gold.len() {
                feats.clear();
                features::static_features(sentence, i, &mut feats);
                let prev = if i == 0 { features::START } else { gold[i - 1] };
                features::history_features(sentence, i, prev, &mut feats);
                feats.iter().for_each(|&f| *counts.entry(f).or_insert(0) += 1);
            }
        }
        eprintln!(
            "{} distinct features, {} seen at least {min} times",
            counts.len(),
            counts.values().filter(|&&c| c >= min).count()
        );
        self.known = Some(counts.into_iter().filter(|&(_, c)| c >= min).map(|(f, _)| f).collect());
    }

    /// Adds `delta` to the weights of word `i`'s features for `label` after `prev`.
    fn update(&mut self, sentence: &Sentence, i: usize, prev: u8, label: u8, delta: i32) {
        let mut feats = Vec::with_capacity(64);
        features::static_features(sentence, i, &mut feats);
        features::history_features(sentence, i, prev, &mut feats);
        if let Some(known) = &self.known {
            feats.retain(|f| known.contains(f));
        }
        for f in feats {
            let cell = features::bucket(f, self.bits) * LABELS + usize::from(label);
            self.w[cell] += delta;
            self.u[cell] += self.steps * i64::from(delta);
        }
    }

    /// One pass over the examples in the given order (the structured perceptron: decode the
    /// whole sentence, then move the weights from the predicted sequence towards the gold one
    /// wherever a label or its predecessor differ).
    fn epoch(&mut self, examples: &[Example], order: &[usize]) {
        for &e in order {
            let Example { sentence, gold } = &examples[e];
            let guess = labels(&*self, sentence);
            let prev = |labels: &[u8], i: usize| if i == 0 { features::START } else { labels[i - 1] };
            for i in 0..gold.len() {
                let (g, p) = ((prev(gold, i), gold[i]), (prev(&guess, i), guess[i]));
                if g != p {
                    self.update(sentence, i, g.0, g.1, 1);
                    self.update(sentence, i, p.0, p.1, -1);
                }
            }
            self.steps += 1;
        }
    }

    /// The averaged weights in hundredths, unquantised (to see what quantisation costs).
    fn averaged(&self, min: f64) -> Trainer {
        let steps = self.steps as f64;
        let w = self.w.iter().zip(&self.u).map(|(&w, &u)| f64::from(w) - u as f64 / steps);
        let w = w.map(|a| if a.abs() < min { 0 } else { (a * 100.0) as i32 });
        Trainer { bits: self.bits, w: w.collect(), u: Vec::new(), steps: self.steps, known: None }
    }

    /// The averaged weights, quantised: the `keep` of largest magnitude are kept, the others
    /// are zero; a quantum is half the smallest kept magnitude.
    fn quantised(&self, keep: usize) -> Model {
        let steps = self.steps as f64;
        let avg: Vec<f64> =
            self.w.iter().zip(&self.u).map(|(&w, &u)| f64::from(w) - u as f64 / steps).collect();
        let mut mags: Vec<f64> = avg.iter().map(|a| a.abs()).filter(|&a| a > 0.0).collect();
        mags.sort_by(|a, b| b.total_cmp(a));
        let kth = mags.get(keep.min(mags.len()).saturating_sub(1)).copied().unwrap_or(1.0);
        let quantum = kth / 2.0;
        if std::env::var_os("TRAIN_NAMES_DEBUG").is_some() {
            let top = mags.first().copied().unwrap_or(0.0) / quantum;
            eprintln!(
                "  {} non-zero averaged weights, quantum {quantum:.3}, top {top:.0} quanta",
                mags.len()
            );
        }
        let q = |a: f64| (a / quantum).round().clamp(-32768.0, 32767.0) as i16;
        let cells: Vec<i16> = avg.iter().map(|&a| if a.abs() < kth { 0 } else { q(a) }).collect();
        Model::new(self.bits, (1.0 / quantum) as f32, &cells)
    }
}

/// Deterministic shuffling (xorshift64*, fixed seed).
fn shuffle(order: &mut [usize], state: &mut u64) {
    for i in (1..order.len()).rev() {
        *state ^= *state >> 12;
        *state ^= *state << 25;
        *state ^= *state >> 27;
        let r = state.wrapping_mul(0x2545_f491_4f6c_dd1d);
        order.swap(i, (r % (i as u64 + 1)) as usize);
    }
}

/// Span counts per type (PER, ORG, LOC, MISC): true positives, predicted, gold.
#[derive(Default)]
struct Counts([[usize; 3]; 4]);

impl Counts {
    fn add(&mut self, gold: &[u8], predicted: &[u8]) {
        let spans = |l: &[u8]| tagger::spans(&l.iter().map(|&l| NameTag::from_label(l)).collect::<Vec<_>>());
        let (g, p) = (spans(gold), spans(predicted));
        for (range, kind) in &p {
            self.0[*kind as usize][1] += 1;
            if g.iter().any(|(r, k)| r == range && k == kind) {
                self.0[*kind as usize][0] += 1;
            }
        }
        for (_, kind) in &g {
            self.0[*kind as usize][2] += 1;
        }
    }

    /// "PER p/r/f ... all p/r/f", conlleval style (exact boundaries and type).
    fn report(&self) -> (String, f64) {
        let prf = |[tp, p, g]: [usize; 3]| {
            let (pr, re) = (tp as f64 / p.max(1) as f64, tp as f64 / g.max(1) as f64);
            (pr, re, if pr + re > 0.0 { 2.0 * pr * re / (pr + re) } else { 0.0 })
        };
        let mut line = String::new();
        let mut all = [0; 3];
        for (kind, c) in NameType::ALL.iter().zip(&self.0) {
            let (p, r, f) = prf(*c);
            line += &format!("{} {:.4}/{:.4}/{:.4}  ", kind.as_str(), p, r, f);
            (0..3).for_each(|j| all[j] += c[j]);
        }
        let (p, r, f) = prf(all);
        line += &format!("all {p:.4}/{r:.4}/{f:.4} (p/r/F1)");
        (line, f)
    }
}

/// The best label sequence under `weights` (the run-time decoder, without margins).
fn labels<W: Weights>(weights: &W, sentence: &Sentence) -> Vec<u8> {
    tagger::decode(weights, sentence, false).into_iter().map(|(l, _)| l).collect()
}

/// Scores `model` on the examples with the run-time decoder.
fn evaluate<W: Weights>(model: &W, examples: &[Example]) -> (String, f64) {
    let mut counts = Counts::default();
    for e in examples {
        counts.add(&e.gold, &labels(model, &e.sentence));
    }
    counts.report()
}

/// How often a predicted span is exactly right (boundaries and type), by its confidence.
fn calibration(model: &Model, examples: &[Example]) {
    const BANDS: [f32; 6] = [0.0, 1.0, 2.0, 5.0, 10.0, 20.0];
    let mut counts = [[0usize; 2]; BANDS.len()];
    for e in examples {
        let gold = tagger::spans(&e.gold.iter().map(|&l| NameTag::from_label(l)).collect::<Vec<_>>());
        for s in tagger::decoded_spans(&tagger::decode(model, &e.sentence, true), model.scale()) {
            let band = BANDS.iter().rposition(|&b| s.confidence >= b).unwrap_or(0);
            counts[band][0] += usize::from(gold.iter().any(|(r, k)| *r == s.words && *k == s.kind));
            counts[band][1] += 1;
        }
    }
    for (band, [right, all]) in counts.iter().enumerate() {
        let to = BANDS.get(band + 1).map_or("inf".to_owned(), |b| b.to_string());
        let share = *right as f64 / (*all).max(1) as f64;
        println!("  confidence {}..{to}: {all} spans, {share:.3} exactly right", BANDS[band]);
    }
}

fn train(o: &Options, dev: &[Example]) -> Result<(), String> {
    let started = Instant::now();
    let examples = read_conll(&o.train)?;
    let tokens: usize = examples.iter().map(|e| e.gold.len()).sum();
    eprintln!("train: {} sentences, {tokens} tokens; dev: {} sentences", examples.len(), dev.len());
    let mut trainer = Trainer::new(o.bits);
    if o.min_count > 1 {
        trainer.restrict(&examples, o.min_count);
    }
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut seed = 0x0dd_ba11_cafe_f00d_u64;
    let mut model = Model::empty();
    for epoch in 1..=o.epochs {
        shuffle(&mut order, &mut seed);
        trainer.epoch(&examples, &order);
        model = trainer.quantised(o.keep);
        let (line, _) = evaluate(&model, dev);
        if std::env::var_os("TRAIN_NAMES_DEBUG").is_some() {
            eprintln!("  averaged, unquantised: {}", evaluate(&trainer.averaged(0.0), dev).0);
            let kth = 2.0 / f64::from(model.scale());
            eprintln!("  averaged, pruned, unquantised: {}", evaluate(&trainer.averaged(kth), dev).0);
        }
        eprintln!("epoch {epoch:2} ({:5.1} s) dev {line}", started.elapsed().as_secs_f64());
    }
    let bytes = model.encode();
    std::fs::write(&o.out, &bytes).map_err(|e| format!("{}: {e}", o.out))?;
    eprintln!("wrote {} ({} bytes, {} non-zero weights)", o.out, bytes.len(), model.non_zero());
    Ok(())
}

/// Times segmentation and tagging of the `.txt` files of `dir`, concatenated.
fn speed(dir: &str) -> Result<(), String> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("{dir}: {e}"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    let texts: Vec<String> = paths.iter().filter_map(|p| std::fs::read_to_string(p).ok()).collect();
    let text = texts.join("\n\n");
    let started = Instant::now();
    let doc = segment::segment(&text);
    let segmented = started.elapsed().as_secs_f64();
    let sentences: Vec<Vec<&str>> =
        doc.sentences.iter().map(|s| s.tokens.clone().map(|i| doc.word(i)).collect()).collect();
    let tokens: usize = sentences.iter().map(Vec::len).sum();
    // The best of five runs: the machine is shared, and the fastest run is the least disturbed.
    let (mut tagged, mut summarised, mut names, mut cpu) = (f64::MAX, f64::MAX, 0, u64::MAX);
    for _ in 0..5 {
        let (started, cpu_started) = (Instant::now(), cpu_ns());
        names = sentences.iter().map(|words| tagger::name_spans(words).len()).sum();
        tagged = tagged.min(started.elapsed().as_secs_f64());
        cpu = cpu.min(cpu_ns().zip(cpu_started).map_or(u64::MAX, |(b, a)| b - a));
        let started = Instant::now();
        sentences.iter().for_each(|words| drop(std::hint::black_box(Sentence::new(words))));
        summarised = summarised.min(started.elapsed().as_secs_f64());
    }
    println!("of which summarising words: {summarised:.3} s");
    if cpu != u64::MAX {
        let per_token = cpu as f64 / tokens as f64;
        println!(
            "tagging CPU time: {:.3} s, {per_token:.0} ns/token, {:.2} MB/s",
            cpu as f64 / 1e9,
            text.len() as f64 / cpu as f64 * 1e3
        );
    }
    let mb = text.len() as f64 / 1e6;
    println!(
        "{} files, {mb:.2} MB, {} sentences, {tokens} tokens, {names} names: segment {segmented:.3} s, \
         tag {tagged:.3} s = {:.2} MB/s, {:.0} tokens/s, {:.0} ns/token",
        paths.len(),
        doc.sentences.len(),
        mb / tagged,
        tokens as f64 / tagged,
        tagged * 1e9 / tokens as f64
    );
    Ok(())
}

/// Prints the names found in each sentence of the article at `path`.
fn show(path: &str) -> Result<(), String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let doc = segment::segment(&text);
    for s in &doc.sentences {
        let words: Vec<&str> = s.tokens.clone().map(|i| doc.word(i)).collect();
        let names: Vec<String> = tagger::name_spans(&words)
            .into_iter()
            .map(|n| format!("{} {} ({:.0})", n.kind.as_str(), words[n.words].join(" "), n.confidence))
            .collect();
        println!("{}\n    {}", &text[s.span.start..s.span.end], names.join(" | "));
    }
    Ok(())
}

/// CPU time of this thread so far in nanoseconds (Linux `schedstat`), which unlike wall time is
/// not inflated when the machine is shared.
fn cpu_ns() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    stat.split_whitespace().next()?.parse().ok()
}

fn main() {
    let run = || -> Result<(), String> {
        let o = parse_args()?;
        if let Some(path) = &o.show {
            return show(path);
        }
        if let Some(dir) = &o.speed {
            return speed(dir);
        }
        if let Some(text) = &o.tag {
            let words: Vec<&str> = text.split_whitespace().collect();
            for (w, t) in words.iter().zip(tagger::tag(&words)) {
                println!("{w}\t{t:?}");
            }
            for s in tagger::name_spans(&words) {
                println!(
                    "{:?} {:?} {} {:.2}",
                    s.words,
                    s.kind,
                    words[s.words.clone()].join(" "),
                    s.confidence
                );
            }
            return Ok(());
        }
        let dev = read_conll(&o.dev)?;
        if o.eval_only {
            let bytes = include_bytes!("../extract/data/names.model");
            let model = Model::decode(bytes).ok_or("the compiled-in names.model does not fit this code")?;
            let (line, _) = evaluate(&model, &dev);
            println!("names.model ({} bytes) on {}: {line}", bytes.len(), o.dev);
            calibration(&model, &dev);
            return Ok(());
        }
        train(&o, &dev)
    };
    if let Err(e) = run() {
        eprintln!("train-names: {e}");
        std::process::exit(1);
    }
}
