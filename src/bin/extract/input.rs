//! Inputs: arguments expanded into files (directories walked, in sorted order), each read
//! within the size limit and decoded by the core's input policy.

use article_explorer::extract::input::{self, InputError};
use std::ffi::OsString;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// The extensions a directory walk picks up.
const EXTENSIONS: [&str; 4] = ["txt", "md", "html", "htm"];

/// One input to analyse.
pub enum Source {
    Stdin,
    File(PathBuf),
}

/// An input, or why it cannot be one (reported and skipped).
pub struct Input {
    /// The name printed in the `file` field and in messages: the path as given or walked.
    pub name: String,
    pub source: Result<Source, String>,
}

impl Input {
    /// The input as messages name it: 'a.txt', or standard input.
    pub fn describe(&self) -> String {
        match self.source {
            Ok(Source::Stdin) => "standard input".to_owned(),
            _ => format!("'{}'", self.name),
        }
    }
}

/// The inputs the arguments name, in order; whether any of them is a directory.
pub fn expand(args: &[OsString]) -> (Vec<Input>, bool) {
    let mut inputs = Vec::new();
    let mut any_dir = false;
    for arg in args {
        let Some(name) = arg.to_str() else {
            inputs.push(not_utf8(Path::new(arg)));
            continue;
        };
        let path = Path::new(arg);
        if name == "-" {
            inputs.push(Input { name: "-".to_owned(), source: Ok(Source::Stdin) });
        } else if path.is_dir() {
            any_dir = true;
            let mut found = Vec::new();
            walk(path, &mut found);
            found.sort_by(|a, b| a.name.cmp(&b.name));
            inputs.extend(found);
        } else {
            inputs.push(Input { name: name.to_owned(), source: Ok(Source::File(path.to_owned())) });
        }
    }
    (inputs, any_dir)
}

fn not_utf8(path: &Path) -> Input {
    let name = path.to_string_lossy().into_owned();
    Input { source: Err(format!("the file name '{name}' is not UTF-8; rename the file")), name }
}

/// Every file under `dir` with one of [`EXTENSIONS`]; unreadable directories and file names
/// that are not UTF-8 become failed inputs. Symbolic links to directories are not followed,
/// so a link loop cannot recur forever.
fn walk(dir: &Path, found: &mut Vec<Input>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            let name = dir.to_string_lossy().into_owned();
            found.push(Input { source: Err(format!("cannot read directory '{name}': {}", why(&e))), name });
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        if is_dir {
            walk(&path, found);
            continue;
        }
        let wanted = path
            .extension()
            .is_some_and(|e| EXTENSIONS.iter().any(|x| e.to_string_lossy().eq_ignore_ascii_case(x)));
        if wanted {
            found.push(match path.to_str() {
                Some(name) => Input { name: name.to_owned(), source: Ok(Source::File(path.clone())) },
                None => not_utf8(&path),
            });
        }
    }
}

/// An article read and decoded.
pub struct Article {
    pub text: String,
    /// Its size as read, in bytes.
    pub bytes: usize,
}

/// Reads and decodes one input; `Err` is the message for standard error.
pub fn read(input: &Input, limit: usize) -> Result<Article, String> {
    let source = input.source.as_ref().map_err(Clone::clone)?;
    let what = input.describe();
    let too_large = |e: InputError| format!("{what} {e}; raise it with --max-bytes N");
    let mut bytes = Vec::new();
    let read = match source {
        // `take` stops an endless input (/dev/zero) at the limit.
        Source::Stdin => io::stdin().lock().take(limit as u64 + 1).read_to_end(&mut bytes),
        Source::File(path) => std::fs::File::open(path).and_then(|f| {
            // A regular file's size is known: refuse it before reading it.
            let size = f.metadata().map(|m| if m.is_file() { m.len() } else { 0 }).unwrap_or(0);
            input::check_size(usize::try_from(size).unwrap_or(usize::MAX), limit)
                .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, too_large(e)))?;
            f.take(limit as u64 + 1).read_to_end(&mut bytes)
        }),
    };
    match read {
        Ok(_) => {}
        Err(e) if e.kind() == io::ErrorKind::InvalidData => return Err(e.to_string()),
        Err(e) => return Err(format!("cannot read {what}: {}", why_path(&e, source))),
    }
    input::check_size(bytes.len(), limit).map_err(too_large)?;
    let text = input::file_text(&input.name, &bytes).map_err(|e| format!("{what} {e}"))?;
    Ok(Article { text: text.into_owned(), bytes: bytes.len() })
}

fn why_path(e: &io::Error, source: &Source) -> String {
    match source {
        Source::File(path) if e.kind() != io::ErrorKind::NotFound && path.is_dir() => {
            "is a directory".to_owned()
        }
        _ => why(e),
    }
}

fn why(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file".to_owned(),
        io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => e.to_string(),
    }
}
