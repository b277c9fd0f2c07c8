//! The batch: inputs analysed on a rayon thread pool, printed in input order as they are done,
//! with a progress bar on a terminal and totals for the summary line.

use crate::input::{self, Input};
use crate::output::{Layout, Out, WriteError};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// What the summary line reports.
#[derive(Default)]
pub struct Totals {
    pub articles: usize,
    pub bytes: usize,
    pub parties: usize,
    pub claims: usize,
    pub outcomes: usize,
    pub failed: usize,
    pub elapsed: Duration,
}

impl Totals {
    fn add(&mut self, done: &Done) {
        self.articles += 1;
        self.bytes += done.bytes;
        self.parties += done.parties;
        self.claims += done.claims;
        self.outcomes += done.outcomes;
    }

    /// "840 articles, 5.5 MB in 2.10 s (2.6 MB/s): 9000 parties, 3000 claims, 700 outcomes".
    pub fn summary(&self) -> String {
        let secs = self.elapsed.as_secs_f64();
        let mb = self.bytes as f64 / 1e6;
        let failed = if self.failed > 0 { format!("; {} failed", self.failed) } else { String::new() };
        format!(
            "{} articles, {mb:.1} MB in {secs:.2} s ({:.1} MB/s): {} parties, {} claims, {} outcomes{failed}",
            self.articles,
            mb / secs.max(1e-9),
            self.parties,
            self.claims,
            self.outcomes,
        )
    }
}

/// One analysed article: its printed form and its counts.
struct Done {
    rendered: String,
    bytes: usize,
    parties: usize,
    claims: usize,
    outcomes: usize,
}

/// How the batch runs.
pub struct Settings {
    pub layout: Layout,
    pub jobs: Option<usize>,
    pub max_bytes: usize,
    pub progress: bool,
}

/// Analyses every input, printing each as soon as all before it are printed. A failed input is
/// reported on standard error, in its place, and counted.
///
/// The workers take the next input from a shared counter, so results arrive almost in input
/// order and only a few wait for an earlier one; the channel is bounded, so a slow reader of
/// standard output holds the workers back instead of filling memory.
pub fn run(inputs: &[Input], settings: &Settings, out: &mut Out) -> Result<Totals, WriteError> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(settings.jobs.unwrap_or(0))
        .build()
        .map_err(|e| WriteError::Failed(std::io::Error::other(e.to_string())))?;
    let threads = pool.current_num_threads();
    let started = Instant::now();
    let bar = progress_bar(settings.progress, inputs.len());
    let next = AtomicUsize::new(0);
    let (send, receive) = mpsc::sync_channel::<(usize, Result<Done, String>)>(threads * 16);
    out.begin()?;
    let totals = std::thread::scope(|scope| {
        scope.spawn(|| {
            pool.scope(|workers| {
                for _ in 0..threads {
                    let send = send.clone();
                    let next = &next;
                    workers.spawn(move |_| loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        // A closed channel: printing failed, stop.
                        if i >= inputs.len() || send.send((i, analyze(&inputs[i], settings))).is_err() {
                            break;
                        }
                    });
                }
            });
            drop(send);
        });
        print_in_order(inputs.len(), receive, out, &bar, started)
    })?;
    bar.finish_and_clear();
    Ok(Totals { elapsed: started.elapsed(), ..totals })
}

/// Prints results in input order as they come in, holding back those that overtook an
/// earlier one.
fn print_in_order(
    count: usize,
    receive: mpsc::Receiver<(usize, Result<Done, String>)>,
    out: &mut Out,
    bar: &ProgressBar,
    started: Instant,
) -> Result<Totals, WriteError> {
    let mut totals = Totals::default();
    let mut waiting = BTreeMap::new();
    let mut printed = 0;
    while printed < count {
        let Some(result) = waiting.remove(&printed) else {
            match receive.recv() {
                Ok((i, result)) => waiting.insert(i, result),
                Err(_) => break, // every worker stopped
            };
            continue;
        };
        printed += 1;
        match result {
            Ok(done) => {
                out.article(&done.rendered)?;
                totals.add(&done);
            }
            Err(message) => {
                bar.suspend(|| eprintln!("extract: {message}"));
                totals.failed += 1;
            }
        }
        bar.inc(1);
        bar.set_message(rate(totals.bytes, started.elapsed()));
    }
    Ok(totals)
}

fn analyze(input: &Input, settings: &Settings) -> Result<Done, String> {
    let article = input::read(input, settings.max_bytes)?;
    let ex = article_explorer::extract::analyze(&article.text);
    Ok(Done {
        rendered: settings.layout.render(&input.name, &article.text, &ex),
        bytes: article.bytes,
        parties: ex.parties.len(),
        claims: ex.claims.len(),
        outcomes: ex.outcomes.len(),
    })
}

/// A bar on standard error when asked for (a terminal), else one that draws nothing.
fn progress_bar(show: bool, len: usize) -> ProgressBar {
    if !show {
        return ProgressBar::with_draw_target(Some(len as u64), ProgressDrawTarget::hidden());
    }
    let bar = ProgressBar::new(len as u64);
    let style = ProgressStyle::with_template("{bar:30} {pos}/{len} articles, {msg}, ETA {eta}")
        .unwrap_or_else(|_| ProgressStyle::default_bar());
    bar.set_style(style);
    bar.set_message(rate(0, Duration::ZERO));
    bar
}

/// "5.5 MB, 2.6 MB/s".
fn rate(bytes: usize, elapsed: Duration) -> String {
    let mb = bytes as f64 / 1e6;
    format!("{mb:.1} MB, {:.1} MB/s", mb / elapsed.as_secs_f64().max(1e-9))
}
