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
    let (inputs, any_dir) = input::expand(&options.inputs);
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
