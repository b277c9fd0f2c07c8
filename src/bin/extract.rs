//! `extract FILE`: prints the extraction of a news article as JSON.
//!
//! The JSON is exactly what the browser app downloads for the same text, and what the
//! evaluation scorers in `../shared/eval` read.

use std::io::{self, Read, Write};
use std::process::ExitCode;

const USAGE: &str = "\
extract: print the parties, claims and outcomes of a news article as JSON

Usage:
  extract FILE        read the article from FILE (UTF-8 text)
  extract -           read the article from standard input
  extract --help      show this help
  extract --version   show the version

The JSON has three lists: parties (id, name, kind, aliases, mentions), claims (speaker,
source, cue, content, direct, targets, cue_class) and outcomes (status, summary, parties,
figures, evidence). Every span is {\"start\", \"end\", \"text\"} with byte offsets into the
UTF-8 text, end exclusive.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(json) => {
            let mut out = io::stdout().lock();
            // A closed pipe (`extract a.txt | head`) is not an error worth reporting.
            let _ = writeln!(out, "{json}");
            ExitCode::SUCCESS
        }
        Err(Failure::Usage(message)) => {
            eprintln!("extract: {message}\n\n{USAGE}");
            ExitCode::from(2)
        }
        Err(Failure::Input(message)) => {
            eprintln!("extract: {message}");
            ExitCode::FAILURE
        }
        Err(Failure::Info(text)) => {
            println!("{text}");
            ExitCode::SUCCESS
        }
    }
}

enum Failure {
    /// Wrong arguments: exit 2 with the usage.
    Usage(String),
    /// The input cannot be read or is not UTF-8: exit 1.
    Input(String),
    /// `--help` or `--version`: print and succeed.
    Info(String),
}

fn run(args: &[String]) -> Result<String, Failure> {
    let path = match args {
        [flag] if flag == "-h" || flag == "--help" => return Err(Failure::Info(USAGE.to_owned())),
        [flag] if flag == "-V" || flag == "--version" => {
            return Err(Failure::Info(format!("extract {}", env!("CARGO_PKG_VERSION"))))
        }
        [flag] if flag.starts_with('-') && flag != "-" => {
            return Err(Failure::Usage(format!("unknown option '{flag}'")))
        }
        [path] => path,
        [] => return Err(Failure::Usage("no input: give a FILE, or - for standard input".to_owned())),
        _ => return Err(Failure::Usage("give exactly one FILE".to_owned())),
    };
    let bytes = read_input(path)?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        Failure::Input(format!("{} is not UTF-8 text (invalid byte at offset {at})", describe(path)))
    })?;
    Ok(article_explorer::extract::to_json(&article_explorer::extract::analyze(&text)))
}

fn read_input(path: &str) -> Result<Vec<u8>, Failure> {
    let mut bytes = Vec::new();
    let result = if path == "-" {
        io::stdin().lock().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::File::open(path).and_then(|mut f| f.read_to_end(&mut bytes)).map(|_| ())
    };
    result.map_err(|e| {
        let why = match e.kind() {
            io::ErrorKind::NotFound => "no such file".to_owned(),
            io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
            _ if std::path::Path::new(path).is_dir() => "is a directory".to_owned(),
            _ => e.to_string(),
        };
        Failure::Input(format!("cannot read {}: {why}", describe(path)))
    })?;
    Ok(bytes)
}

fn describe(path: &str) -> String {
    if path == "-" {
        "standard input".to_owned()
    } else {
        format!("'{path}'")
    }
}
