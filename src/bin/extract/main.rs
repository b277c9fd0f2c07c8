//! `extract FILE… | DIR…`: prints the extraction of news articles as JSON (or JSON Lines, CSV
//! or Markdown), many articles on all cores.
//!
//! For one FILE the JSON is exactly what the browser app downloads for the same text, and what
//! the evaluation scorers in `../shared/eval` read. Inputs are read by the core's input policy
//! ([`article_explorer::extract::input`]), the app's too.

#[cfg(not(target_arch = "wasm32"))]
mod args;
#[cfg(not(target_arch = "wasm32"))]
mod batch;
#[cfg(not(target_arch = "wasm32"))]
mod input;
#[cfg(not(target_arch = "wasm32"))]
mod output;

/// A command-line tool has nothing to do in the browser; the wasm test build still builds it.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use std::io::{IsTerminal, Write};
    use std::process::ExitCode;
    let options = match args::parse(std::env::args_os().skip(1)) {
        Ok(args::Command::Run(options)) => options,
        Ok(args::Command::Info(text)) => {
            let mut stdout = std::io::stdout().lock();
            return match writeln!(stdout, "{text}").and_then(|()| stdout.flush()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => write_failed(&output::WriteError::from(e)),
            };
        }
        Err(message) => {
            eprintln!("extract: {message}\n\n{}", args::USAGE);
            return ExitCode::from(2);
        }
    };
    if stdout_closed() {
        eprintln!("extract: cannot write the output: standard output is closed");
        return ExitCode::FAILURE;
    }
    let (inputs, any_dir) = input::expand(&options.inputs);
    if options.text {
        return print_texts(&inputs, options.max_bytes);
    }
    // One FILE prints as it always has; a directory or several inputs are a batch.
    let many = any_dir || inputs.len() != 1;
    let default = if many { args::Format::Jsonl } else { args::Format::Json };
    let layout = output::Layout { format: options.format.unwrap_or(default), many };
    let settings = batch::Settings {
        layout,
        jobs: options.jobs,
        max_bytes: options.max_bytes,
        progress: many && !options.quiet && std::io::stderr().is_terminal(),
    };
    let mut out = output::Out::new(layout);
    let totals = match batch::run(&inputs, &settings, &mut out).and_then(|t| out.finish().map(|()| t)) {
        Ok(totals) => totals,
        Err(e) => return write_failed(&e),
    };
    if many && !options.quiet {
        eprintln!("extract: {}", totals.summary());
    }
    if totals.failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// `--text`: each input's text to analyse, then a newline; failures reported and skipped.
#[cfg(not(target_arch = "wasm32"))]
fn print_texts(inputs: &[input::Input], max_bytes: usize) -> std::process::ExitCode {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    let mut failed = false;
    for one in inputs {
        match input::read(one, max_bytes) {
            Ok(article) => {
                if let Err(e) = writeln!(stdout, "{}", article.text) {
                    return write_failed(&output::WriteError::from(e));
                }
            }
            Err(message) => {
                eprintln!("extract: {message}");
                failed = true;
            }
        }
    }
    if let Err(e) = stdout.flush() {
        return write_failed(&output::WriteError::from(e));
    }
    if failed {
        std::process::ExitCode::FAILURE
    } else {
        std::process::ExitCode::SUCCESS
    }
}

/// A closed pipe ends the run quietly, as `head` expects; any other write error is reported.
#[cfg(not(target_arch = "wasm32"))]
fn write_failed(e: &output::WriteError) -> std::process::ExitCode {
    match e {
        output::WriteError::Closed => std::process::ExitCode::SUCCESS,
        output::WriteError::Failed(e) => {
            eprintln!("extract: cannot write the output: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// Whether standard output was closed (`extract a.txt >&-`). Rust's runtime then reopens it
/// as /dev/null before `main`, so every write would succeed and the output be lost with exit
/// status 0. Afterwards a reopened descriptor cannot be told from one a caller opened on
/// /dev/null itself (Python's `stdout=DEVNULL` opens it read-write too), so the check is made
/// before the runtime's: [`CHECK_STDOUT`] runs as the loader calls the program's constructors.
#[cfg(target_os = "linux")]
fn stdout_closed() -> bool {
    STDOUT_CLOSED.load(std::sync::atomic::Ordering::Relaxed)
}

/// Set by [`check_stdout`], before `main` and before the runtime reopens closed descriptors.
#[cfg(target_os = "linux")]
static STDOUT_CLOSED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// A constructor in `.init_array`: glibc's loader runs these before the C `main` that starts
/// Rust's runtime. It only reads /proc, which needs nothing of the runtime.
#[cfg(target_os = "linux")]
#[used]
#[link_section = ".init_array"]
static CHECK_STDOUT: extern "C" fn() = check_stdout;

#[cfg(target_os = "linux")]
extern "C" fn check_stdout() {
    let open = std::fs::symlink_metadata("/proc/self/fd/1").is_ok();
    // /proc missing (a bare container) says nothing: assume open, as before.
    let proc_mounted = std::path::Path::new("/proc/self/fd").is_dir();
    STDOUT_CLOSED.store(proc_mounted && !open, std::sync::atomic::Ordering::Relaxed);
}

#[cfg(all(not(target_os = "linux"), not(target_arch = "wasm32")))]
fn stdout_closed() -> bool {
    false
}
