//! The command line: options and inputs, read from `args_os` so that no argument can panic.

use std::ffi::OsString;

pub const USAGE: &str = "\
extract: print the parties, claims and outcomes of news articles as JSON

Usage:
  extract FILE                one article: its extraction as pretty JSON
  extract FILE... | DIR...    many articles, one JSON object a line, each with a \"file\" field
  extract -                   read an article from standard input
  extract --text FILE...      print only the text that would be analysed (for a web page: its
                              article), each input's text followed by a newline
  extract --help | --version

Options:
  --format FORMAT   json, jsonl, csv or md (csv and md as the app exports them); default: json
                    for one FILE, jsonl for several or for a DIR
  --jobs N, -j N    analyse N articles at a time (default: all cores); output order is input
                    order whatever N is
  --max-bytes N     refuse inputs over N bytes (default: 2000000, the app's limit)
  --quiet, -q       no progress bar and no summary line
  --text            print the text to analyse instead of its extraction
  --                every argument after it is an input

Directories are walked for .txt, .md, .html and .htm files, in sorted order. Inputs are UTF-8
(a byte-order mark is dropped) or UTF-16 with a byte-order mark; web pages (.html and .htm
files, or text opening with <!doctype html or <html) are reduced to their article's text, as
the app does. An input that cannot be read, is not text or is
too large is reported on standard error and skipped; the exit status is then 1. With several
inputs a summary line goes to standard error, and a progress bar when it is a terminal.

The JSON has three lists: parties (id, name, kind, aliases, mentions), claims (speaker,
source, cue, content, direct, targets, cue_class) and outcomes (status, summary, parties,
figures, evidence). Every span is {\"start\", \"end\", \"text\"} with byte offsets into the
UTF-8 text, end exclusive.";

/// How the extractions are printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Pretty JSON for one article; a JSON array, one object a line, for several.
    Json,
    /// One compact JSON object a line, with a `file` field.
    Jsonl,
    /// The app's CSV; with a `file` column first for several articles.
    Csv,
    /// The app's Markdown brief, one after the other.
    Md,
}

/// What the command line asks for.
pub struct Options {
    /// `None`: the default for the number of inputs.
    pub format: Option<Format>,
    /// `None`: all cores.
    pub jobs: Option<usize>,
    pub max_bytes: usize,
    pub quiet: bool,
    /// `--text`: print the text to analyse, not its extraction.
    pub text: bool,
    /// In the order given; `-` is standard input.
    pub inputs: Vec<OsString>,
}

/// What `extract` does.
pub enum Command {
    Run(Options),
    /// `--help` or `--version`: print this and succeed.
    Info(String),
}

/// Parses the arguments after the program name. `Err` is a usage error (exit 2).
pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Command, String> {
    let mut options = Options {
        format: None,
        jobs: None,
        max_bytes: article_explorer::extract::input::MAX_BYTES,
        quiet: false,
        text: false,
        inputs: Vec::new(),
    };
    let mut args = args.into_iter();
    let mut only_inputs = false;
    while let Some(arg) = args.next() {
        // An argument that is not UTF-8 can only be a file name: the input step reports it.
        let Some(text) = arg.to_str().filter(|t| !only_inputs && t.starts_with('-') && *t != "-") else {
            options.inputs.push(arg);
            continue;
        };
        let (flag, inline) = match text.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => (flag, Some(value.to_owned())),
            _ => (text, None),
        };
        let mut value = |name: &str| match inline.clone() {
            Some(v) => Ok(v),
            None => {
                args.next().and_then(|v| v.into_string().ok()).ok_or_else(|| format!("{name} needs a value"))
            }
        };
        match flag {
            "-h" | "--help" => return Ok(Command::Info(USAGE.to_owned())),
            "-V" | "--version" => return Ok(Command::Info(format!("extract {}", env!("CARGO_PKG_VERSION")))),
            "-q" | "--quiet" => options.quiet = true,
            "--" => only_inputs = true,
            "--text" => options.text = true,
            "--format" => options.format = Some(format(&value("--format")?)?),
            "-j" | "--jobs" => options.jobs = Some(count("--jobs", &value("--jobs")?)?),
            "--max-bytes" => options.max_bytes = count("--max-bytes", &value("--max-bytes")?)?,
            _ => return Err(format!("unknown option '{text}'")),
        }
    }
    if options.inputs.is_empty() {
        return Err("no input: give a FILE or DIR, or - for standard input".to_owned());
    }
    Ok(Command::Run(options))
}

fn format(name: &str) -> Result<Format, String> {
    match name {
        "json" => Ok(Format::Json),
        "jsonl" => Ok(Format::Jsonl),
        "csv" => Ok(Format::Csv),
        "md" | "markdown" => Ok(Format::Md),
        _ => Err(format!("unknown format '{name}': use json, jsonl, csv or md")),
    }
}

/// A positive whole number.
fn count(flag: &str, value: &str) -> Result<usize, String> {
    match value.replace('_', "").parse::<usize>() {
        Ok(n) if n > 0 => Ok(n),
        _ => Err(format!("{flag} takes a positive whole number, not '{value}'")),
    }
}
