//! Printing: each format's framing around the articles, and write errors told apart from a
//! reader that stopped reading.

use crate::args::Format;
use article_explorer::export;
use article_explorer::extract::{self, Extraction};
use std::io::{self, BufWriter, Write};

/// How the articles are printed: the format, and whether there are many (then every article
/// carries its file name).
#[derive(Clone, Copy)]
pub struct Layout {
    pub format: Format,
    pub many: bool,
}

impl Layout {
    /// One article as printed, without the separator [`Out`] puts between articles. Runs on
    /// the worker threads, so formatting is parallel too.
    pub fn render(self, file: &str, text: &str, ex: &Extraction) -> String {
        match (self.format, self.many) {
            (Format::Json, false) => extract::to_json(ex) + "\n",
            (Format::Json, true) => with_file(file, ex),
            (Format::Jsonl, _) => with_file(file, ex) + "\n",
            (Format::Csv, false) => export::to_csv(ex, text),
            (Format::Csv, true) => {
                let mut rows = String::new();
                export::write_csv_rows(&mut rows, ex, text, Some(file));
                rows
            }
            (Format::Md, false) => export::to_markdown(ex, &export::brief_title(text)),
            (Format::Md, true) => export::to_markdown(ex, &format!("{file}: {}", export::headline(text, 80))),
        }
    }

    fn header(self) -> String {
        match (self.format, self.many) {
            (Format::Json, true) => "[".to_owned(),
            (Format::Csv, true) => format!("{}file,{}\r\n", export::BOM, export::CSV_HEADER),
            _ => String::new(),
        }
    }

    fn separator(self, first: bool) -> &'static str {
        match (self.format, self.many, first) {
            (Format::Json, true, true) => "\n",
            (Format::Json, true, false) => ",\n",
            (Format::Md, true, false) => "\n",
            _ => "",
        }
    }

    fn footer(self) -> &'static str {
        match (self.format, self.many) {
            (Format::Json, true) => "\n]\n",
            _ => "",
        }
    }
}

/// The extraction as one compact JSON object with a `file` field first: the keys and values
/// of [`extract::to_json`], in its order.
fn with_file(file: &str, ex: &Extraction) -> String {
    let body = serde_json::to_string(ex).unwrap_or_else(|_| "{}".to_owned());
    let name = serde_json::to_string(file).unwrap_or_else(|_| "\"\"".to_owned());
    match body.strip_prefix('{') {
        Some("}") | None => format!("{{\"file\":{name}}}"),
        Some(rest) => format!("{{\"file\":{name},{rest}"),
    }
}

/// Why printing stopped.
pub enum WriteError {
    /// The reader closed the pipe (`extract dir | head`): stop quietly.
    Closed,
    /// Anything else (a full disk, a closed descriptor): report it and fail.
    Failed(io::Error),
}

impl From<io::Error> for WriteError {
    fn from(e: io::Error) -> WriteError {
        if e.kind() == io::ErrorKind::BrokenPipe {
            WriteError::Closed
        } else {
            WriteError::Failed(e)
        }
    }
}

/// Standard output with the layout's framing.
pub struct Out {
    layout: Layout,
    w: BufWriter<io::StdoutLock<'static>>,
    first: bool,
}

impl Out {
    pub fn new(layout: Layout) -> Out {
        Out { layout, w: BufWriter::with_capacity(1 << 16, io::stdout().lock()), first: true }
    }

    pub fn begin(&mut self) -> Result<(), WriteError> {
        Ok(self.w.write_all(self.layout.header().as_bytes())?)
    }

    pub fn article(&mut self, rendered: &str) -> Result<(), WriteError> {
        self.w.write_all(self.layout.separator(self.first).as_bytes())?;
        self.first = false;
        Ok(self.w.write_all(rendered.as_bytes())?)
    }

    /// The footer, then everything flushed: only now is a write error sure to have shown.
    pub fn finish(mut self) -> Result<(), WriteError> {
        self.w.write_all(self.layout.footer().as_bytes())?;
        Ok(self.w.flush()?)
    }
}
